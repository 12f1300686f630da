#include "core/training/DistributedContext.h"

#include <ATen/ATen.h>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

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
    groupOptions->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname(address));
    ctx->impl_->group = c10::make_intrusive<c10d::ProcessGroupGloo>(ctx->impl_->store, ctx->rank_,
                                                                    ctx->worldSize_, groupOptions);
    return ctx;
}

void DistributedContext::allReduceMean(std::vector<at::Tensor>& tensors) {
    if (tensors.empty()) return;
    // One flat buffer: one collective instead of one per parameter.
    std::vector<at::Tensor> flat{at::cat([&] {
        std::vector<at::Tensor> parts;
        for (const auto& t : tensors) parts.push_back(t.reshape({-1}).to(at::kFloat));
        return parts;
    }())};
    impl_->group->allreduce(flat)->wait();
    flat[0].div_(worldSize_);
    std::int64_t offset = 0;
    for (auto& t : tensors) {
        const std::int64_t n = t.numel();
        t.copy_(flat[0].narrow(0, offset, n).view_as(t));
        offset += n;
    }
}

double DistributedContext::allReduceMean(double value) {
    std::vector<at::Tensor> t{at::full({1}, value, at::kDouble)};
    impl_->group->allreduce(t)->wait();
    return t[0].item<double>() / worldSize_;
}

void DistributedContext::barrier() {
    impl_->group->barrier()->wait();
}

}  // namespace distilbench
