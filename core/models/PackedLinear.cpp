#include "core/models/PackedLinear.h"

#include <ATen/ATen.h>

#include <cstdlib>
#include <cstring>
#include <list>
#include <optional>
#include <tuple>

#include "core/models/OneDnn.h"

namespace distilbench {

using dnnl::memory;

namespace {

// Where the weight is reordered (AVX-512), oneDNN's brgemm kernels are chosen only for a fixed
// number of rows; with a run-time number it takes its older gemm kernels. Measured on an AVX-512
// EPYC (2 threads, bias, GELU where the model has it): the fixed-row primitive took 0.64-0.84x
// the time for 1-40 rows of a 128-wide model and for 1-17 rows of BERT-base's layers, 0.87x for
// 128 rows of the 768 x 3072 product, and never more than 1.01x. brgemm's weight layout is the
// same for every number of rows, so one reordered copy serves them all. A primitive holds ~200 KB
// of generated code and takes 0.05-0.4 ms to make: each thread keeps the recent ones here, one
// per shape (every layer of that shape shares it), so a forward pass finds its primitives
// without making a descriptor per layer.
class FixedRowsMatmuls {
public:
    struct Shape {
        std::int64_t rows, k, n;
        int activation;
        bool bias;
        auto operator<=>(const Shape&) const = default;
    };
    // The primitive for `shape` reading weights laid out as `packed`, or nullopt where oneDNN has
    // no kernel for it other than its reference one (the caller then computes it another way).
    std::optional<dnnl::matmul> get(const Shape& shape, const memory::desc& packed,
                                    const dnnl::primitive_attr& attributes) {
        for (auto it = entries_.begin(); it != entries_.end(); ++it)
            if (it->shape == shape && it->packed == packed) {
                entries_.splice(entries_.begin(), entries_, it);  // most recent first
                return it->primitive;
            }
        std::optional<dnnl::matmul> made;
        try {
            const auto f32 = memory::data_type::f32;
            const memory::desc src({shape.rows, shape.k}, f32, memory::format_tag::ab);
            const memory::desc dst({shape.rows, shape.n}, f32, memory::format_tag::ab);
            const memory::desc bias({1, shape.n}, f32, memory::format_tag::ab);
            const auto pd =
                matmulDescriptor(src, packed, shape.bias ? &bias : nullptr, dst, attributes);
            if (std::strncmp(pd.impl_info_str(), "ref", 3) != 0) made = dnnl::matmul(pd);
        } catch (const dnnl::error&) {
        }
        entries_.push_front({shape, packed, made});
        if (entries_.size() > kCapacity) entries_.pop_back();
        return made;
    }

    // This thread's. With one table for the process, a primitive made by one thread and run
    // by another while ATen worked beside them gave wrong numbers now and then (8 of 400 runs of
    // packedLinearAnyNumberOfRows under load; 0 of 400 with a table per thread, and none with
    // the run-time-rows primitives). The kernels themselves are shared through oneDNN's cache.
    static FixedRowsMatmuls& instance() {
        thread_local FixedRowsMatmuls matmuls;
        return matmuls;
    }

private:
    // Some 6 shapes per model and length (a classifier's last layer adds its one-row shapes):
    // the lengths of the last few calls, ~13 MB at most.
    static constexpr std::size_t kCapacity = 64;
    struct Entry {
        Shape shape;
        memory::desc packed;
        std::optional<dnnl::matmul> primitive;
    };
    std::list<Entry> entries_;  // most recent first; a thread's own, so no lock
};

}  // namespace

struct PackedLinear::Impl {
    std::int64_t n = 0, k = 0;
    const void* weightData = nullptr;
    const void* biasData = nullptr;
    std::uint32_t weightVersion = 0, biasVersion = 0;
    Activation activation = Activation::None;
    dnnl::primitive_attr attributes;
    // Fixed-row brgemm primitives (FixedRowsMatmuls) where they are chosen; otherwise one
    // primitive with a run-time number of rows.
    bool fixedRows = false;
    dnnl::matmul primitive;
    memory packedWeight;
    at::Tensor bias;    // the model's own (matches() notices a change in place)
    at::Tensor weight;  // the model's: read by the kernels where they take it unreordered, and
                        // by at::linear for a number of rows no fixed-row primitive takes
};

PackedLinear::PackedLinear(const at::Tensor& weight, const at::Tensor& bias, Activation activation)
    : impl_(std::make_unique<Impl>()) {
    Impl& d = *impl_;
    d.n = weight.size(0);
    d.k = weight.size(1);
    d.weightData = weight.data_ptr();
    d.weightVersion = weight._version();
    d.activation = activation;
    appendActivation(d.attributes, activation);
    if (bias.defined()) {
        d.biasData = bias.data_ptr();
        d.biasVersion = bias._version();
        d.bias = bias.contiguous();
    }
    d.weight = weight.contiguous();
    auto& engine = oneDnnEngine();
    const auto f32 = memory::data_type::f32;
    const memory::desc biasDesc({1, d.n}, f32, memory::format_tag::ab);
    // The model's weight is [N, K] row-major: as the matmul's K x N operand that is "ba".
    const memory::desc plainWeights({d.k, d.n}, f32, memory::format_tag::ba);
    if (!reordersWeights()) {
        // The kernels read the weight as the model holds it: no copy.
        const memory::desc src({DNNL_RUNTIME_DIM_VAL, d.k}, f32, memory::format_tag::ab);
        const memory::desc dst({DNNL_RUNTIME_DIM_VAL, d.n}, f32, memory::format_tag::ab);
        d.primitive = dnnl::matmul(matmulDescriptor(
            src, plainWeights, bias.defined() ? &biasDesc : nullptr, dst, d.attributes));
        d.packedWeight = memory(plainWeights, engine, const_cast<void*>(d.weight.data_ptr()));
        return;
    }
    const memory::desc anyWeights({d.k, d.n}, f32, memory::format_tag::any);
    {
        // The layout brgemm reads (any number of rows gives the same; 128 is typical).
        const memory::desc src({128, d.k}, f32, memory::format_tag::ab);
        const memory::desc dst({128, d.n}, f32, memory::format_tag::ab);
        const auto pd = matmulDescriptor(src, anyWeights, bias.defined() ? &biasDesc : nullptr, dst,
                                         d.attributes);
        if (std::strncmp(pd.impl_info_str(), "brg", 3) == 0) {
            d.fixedRows = true;
            d.packedWeight = reorderedWeights(plainWeights, d.weight.data_ptr(), pd.weights_desc());
            return;
        }
    }
    const memory::desc src({DNNL_RUNTIME_DIM_VAL, d.k}, f32, memory::format_tag::ab);
    const memory::desc dst({DNNL_RUNTIME_DIM_VAL, d.n}, f32, memory::format_tag::ab);
    const auto pd =
        matmulDescriptor(src, anyWeights, bias.defined() ? &biasDesc : nullptr, dst, d.attributes);
    d.primitive = dnnl::matmul(pd);
    d.packedWeight = reorderedWeights(plainWeights, d.weight.data_ptr(), pd.weights_desc());
}

PackedLinear::~PackedLinear() = default;

bool PackedLinear::matches(const at::Tensor& weight, const at::Tensor& bias) const {
    const Impl& d = *impl_;
    if (weight.data_ptr() != d.weightData || weight._version() != d.weightVersion ||
        weight.size(0) != d.n || weight.size(1) != d.k)
        return false;
    if (bias.defined() != (d.biasData != nullptr)) return false;
    return !bias.defined() || (bias.data_ptr() == d.biasData && bias._version() == d.biasVersion);
}

at::Tensor PackedLinear::forward(const at::Tensor& x) const {
    const Impl& d = *impl_;
    const at::Tensor input = x.contiguous();
    const std::int64_t rows = input.numel() / d.k;
    std::vector<std::int64_t> outShape(input.sizes().begin(), input.sizes().end());
    outShape.back() = d.n;
    if (rows == 0) return at::empty(outShape, input.options());
    const dnnl::matmul* primitive = &d.primitive;
    std::optional<dnnl::matmul> fixed;
    if (d.fixedRows) {
        fixed = FixedRowsMatmuls::instance().get(
            {rows, d.k, d.n, static_cast<int>(d.activation), d.bias.defined()},
            d.packedWeight.get_desc(), d.attributes);
        if (!fixed) {
            // No kernel but the reference one for this number of rows: ATen's product on the
            // model's weight, the same numbers more slowly.
            return applyActivation(at::linear(input, d.weight, d.bias), d.activation);
        }
        primitive = &*fixed;
    }
    at::Tensor out = at::empty(outShape, input.options());
    runMatmul(*primitive, memory::data_type::f32, input.data_ptr(), rows, d.k, d.packedWeight,
              d.bias.defined() ? d.bias.data_ptr<float>() : nullptr, out.data_ptr<float>(), d.n);
    return out;
}

bool PackedLinear::enabled() {
    static const bool on = [] {
        const char* v = std::getenv("DISTILBENCH_PACKED_LINEAR");
        return !(v && std::strcmp(v, "0") == 0) && oneDnnWorks();
    }();
    return on;
}

bool PackedLinear::reordersWeights() {
    static const bool reorders = [] {
        switch (dnnl::get_effective_cpu_isa()) {
            case dnnl::cpu_isa::avx512_core:
            case dnnl::cpu_isa::avx512_core_vnni:
            case dnnl::cpu_isa::avx512_core_bf16:
            case dnnl::cpu_isa::avx512_core_amx:
                return true;
            default:
                return false;
        }
    }();
    return reorders;
}

bool PackedLinear::applies(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias) {
    return cpuFloat32(x) && cpuFloat32(weight) && weight.dim() == 2 && x.dim() >= 1 &&
           x.size(-1) == weight.size(1) &&
           (!bias.defined() || (cpuFloat32(bias) && bias.dim() == 1));
}

}  // namespace distilbench
