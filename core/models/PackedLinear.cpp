#include "core/models/PackedLinear.h"

#include <ATen/ATen.h>

#include <cstdlib>
#include <cstring>

#include "core/models/OneDnn.h"

namespace distilbench {

using dnnl::memory;

struct PackedLinear::Impl {
    std::int64_t n = 0, k = 0;
    const void* weightData = nullptr;
    const void* biasData = nullptr;
    std::uint32_t weightVersion = 0, biasVersion = 0;
    dnnl::matmul primitive;
    memory packedWeight;
    at::Tensor bias;         // the model's own (matches() notices a change in place)
    at::Tensor plainWeight;  // the model's, when the kernels read it unreordered
};

PackedLinear::PackedLinear(const at::Tensor& weight, const at::Tensor& bias, Activation activation)
    : impl_(std::make_unique<Impl>()) {
    Impl& d = *impl_;
    d.n = weight.size(0);
    d.k = weight.size(1);
    d.weightData = weight.data_ptr();
    d.weightVersion = weight._version();
    if (bias.defined()) {
        d.biasData = bias.data_ptr();
        d.biasVersion = bias._version();
        d.bias = bias.contiguous();
    }
    auto& engine = oneDnnEngine();
    const auto f32 = memory::data_type::f32;
    const memory::desc src({DNNL_RUNTIME_DIM_VAL, d.k}, f32, memory::format_tag::ab);
    const memory::desc dst({DNNL_RUNTIME_DIM_VAL, d.n}, f32, memory::format_tag::ab);
    // The model's weight is [N, K] row-major: as the matmul's K x N operand that is "ba".
    const memory::desc plainWeights({d.k, d.n}, f32, memory::format_tag::ba);
    const memory::desc anyWeights =
        reordersWeights() ? memory::desc({d.k, d.n}, f32, memory::format_tag::any) : plainWeights;
    const memory::desc biasDesc({1, d.n}, f32, memory::format_tag::ab);
    dnnl::primitive_attr attributes;
    if (activation != Activation::None) {
        dnnl::post_ops postOps;
        postOps.append_eltwise(1.0f,
                               activation == Activation::GeluErf
                                   ? dnnl::algorithm::eltwise_gelu_erf
                                   : dnnl::algorithm::eltwise_gelu_tanh,
                               0.0f, 0.0f);
        attributes.set_post_ops(postOps);
    }
    const auto pd =
        matmulDescriptor(src, anyWeights, bias.defined() ? &biasDesc : nullptr, dst, attributes);
    d.primitive = dnnl::matmul(pd);
    const at::Tensor w = weight.contiguous();
    if (!reordersWeights()) {
        // The kernels read the weight as the model holds it: no copy.
        d.plainWeight = w;
        d.packedWeight = memory(plainWeights, engine, const_cast<void*>(w.data_ptr()));
        return;
    }
    d.packedWeight = reorderedWeights(plainWeights, w.data_ptr(), pd.weights_desc());
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
    at::Tensor out = at::empty(outShape, input.options());
    if (rows == 0) return out;
    runMatmul(d.primitive, memory::data_type::f32, input.data_ptr(), rows, d.k, d.packedWeight,
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
