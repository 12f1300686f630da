#include "core/training/DistributedContext.h"

#include <ATen/ATen.h>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <algorithm>
#include <cstdlib>

#include "core/runtime/Error.h"

namespace distilbench {

struct DistributedContext::Impl {
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> group;
};

DistributedContext::~DistributedContext() = default;

std::unique_ptr<DistributedContext> DistributedContext::fromEnvironment() {
    const char* world = std::getenv("WORLD_SIZE");
    if (!world || std::atoi(world) <= 1) return nullptr;
    auto env = [](const char* name, const char* fallback) {
        const char* v = std::getenv(name);
        if (!v && !fallback)
            throw Error(std::string("data-parallel training needs the environment variable ") +
                        name);
        return std::string(v ? v : fallback);
    };
    std::unique_ptr<DistributedContext> ctx(new DistributedContext());
    ctx->worldSize_ = std::atoi(world);
    ctx->rank_ = std::atoi(env("RANK", nullptr).c_str());
    if (ctx->rank_ < 0 || ctx->rank_ >= ctx->worldSize_)
        throw Error("RANK " + std::to_string(ctx->rank_) + " is outside WORLD_SIZE " +
                    std::to_string(ctx->worldSize_));
    const std::string address = env("MASTER_ADDR", "127.0.0.1");
    const int port = std::atoi(env("MASTER_PORT", "29500").c_str());
    ctx->impl_ = std::make_unique<Impl>();
    c10d::TCPStoreOptions options;
    options.port = static_cast<std::uint16_t>(port);
    options.isServer = ctx->rank_ == 0;
    options.numWorkers = ctx->worldSize_;
    options.timeout = std::chrono::milliseconds(120000);
    ctx->impl_->store = c10::make_intrusive<c10d::TCPStore>(address, options);
    auto groupOptions = c10d::ProcessGroupGloo::Options::create();
    // The interface this process listens on, by torch.distributed's rule: GLOO_SOCKET_IFNAME
    // when set (comma-separated), else the one its own host name resolves to. A loopback
    // MASTER_ADDR means one machine: listen there. (MASTER_ADDR of another machine cannot be
    // bound here.)
    if (const char* names = std::getenv("GLOO_SOCKET_IFNAME"); names && *names) {
        std::string list(names);
        for (std::size_t start = 0; start <= list.size();) {
            const std::size_t comma = std::min(list.find(',', start), list.size());
            if (comma > start)
                groupOptions->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(
                    list.substr(start, comma - start)));
            start = comma + 1;
        }
    } else if (address == "localhost" || address.rfind("127.", 0) == 0 || address == "::1") {
        groupOptions->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname(address));
    } else {
        groupOptions->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
    }
    ctx->impl_->group = c10::make_intrusive<c10d::ProcessGroupGloo>(ctx->impl_->store, ctx->rank_,
                                                                    ctx->worldSize_, groupOptions);
    return ctx;
}

void DistributedContext::allReduceSum(std::vector<at::Tensor>& tensors,
                                      const std::vector<bool>& rowSparse) {
    if (tensors.empty()) return;
    // Which rows of the row-sparse tensors are non-zero in any process: one small collective,
    // so that every process sends the same rows.
    std::vector<std::size_t> sparse;
    std::vector<at::Tensor> masks;
    for (std::size_t i = 0; i < tensors.size(); ++i)
        if (i < rowSparse.size() && rowSparse[i] && tensors[i].dim() == 2) {
            sparse.push_back(i);
            masks.push_back(tensors[i].ne(0).any(1).to(at::kFloat));
        }
    std::vector<at::Tensor> rows(tensors.size());
    if (!sparse.empty()) {
        std::vector<at::Tensor> union_{at::cat(masks)};
        impl_->group->allreduce(union_)->wait();
        std::int64_t offset = 0;
        for (std::size_t k = 0; k < sparse.size(); ++k) {
            const std::int64_t n = tensors[sparse[k]].size(0);
            rows[sparse[k]] = union_[0].narrow(0, offset, n).gt(0).nonzero().reshape({-1});
            offset += n;
        }
    }
    // One flat buffer: one collective instead of one per parameter.
    std::vector<at::Tensor> parts;
    for (std::size_t i = 0; i < tensors.size(); ++i) {
        const at::Tensor& t = tensors[i];
        parts.push_back(
            (rows[i].defined() ? t.index_select(0, rows[i]) : t).reshape({-1}).to(at::kFloat));
    }
    std::vector<at::Tensor> flat{at::cat(parts)};
    parts.clear();
    impl_->group->allreduce(flat)->wait();
    std::int64_t offset = 0;
    for (std::size_t i = 0; i < tensors.size(); ++i) {
        at::Tensor& t = tensors[i];
        if (rows[i].defined()) {
            const std::int64_t n = rows[i].numel() * t.size(1);
            // Rows left out are zero in every process: their sum is the zero already there.
            t.index_copy_(0, rows[i], flat[0].narrow(0, offset, n).view({-1, t.size(1)}));
            offset += n;
            continue;
        }
        const std::int64_t n = t.numel();
        const at::Tensor summed = flat[0].narrow(0, offset, n).view(t.sizes());
        if (t.scalar_type() == at::kFloat)
            t = summed;
        else
            t.copy_(summed);
        offset += n;
    }
}

double DistributedContext::allReduceSum(double value) {
    std::vector<at::Tensor> t{at::full({1}, value, at::kDouble)};
    impl_->group->allreduce(t)->wait();
    return t[0].item<double>();
}

void DistributedContext::barrier() {
    impl_->group->barrier()->wait();
}

}  // namespace distilbench
