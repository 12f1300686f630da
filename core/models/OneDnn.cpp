#include "core/models/OneDnn.h"

#include <ATen/ATen.h>

#include <cstdlib>
#include <string>
#include <unordered_map>
#include <vector>

namespace distilbench {

using dnnl::memory;

dnnl::engine& oneDnnEngine() {
    static dnnl::engine engine = [] {
        // oneDNN keeps the primitives it made in a cache (1024 by default). A primitive for a
        // training shape held about 0.5 MB, and a fine-tuning run has some 15 shapes per
        // padded batch length: the default let the cache grow by hundreds of MB. 128 bound
        // it near 60 MB; a primitive made again costs about 0.3 ms. The variable oneDNN reads
        // (ONEDNN_PRIMITIVE_CACHE_CAPACITY) still decides when it is set.
        if (!std::getenv("ONEDNN_PRIMITIVE_CACHE_CAPACITY") &&
            !std::getenv("DNNL_PRIMITIVE_CACHE_CAPACITY"))
            dnnl::set_primitive_cache_capacity(128);
        return dnnl::engine(dnnl::engine::kind::cpu, 0);
    }();
    return engine;
}

dnnl::stream& oneDnnStream() {
    thread_local dnnl::stream stream(oneDnnEngine());
    return stream;
}

bool oneDnnWorks() {
    static const bool works = [] {
        try {
            oneDnnEngine();
            return true;
        } catch (const dnnl::error&) {
            return false;
        }
    }();
    return works;
}

dnnl::memory reorderedWeights(const memory::desc& plainDesc, const void* data,
                              const memory::desc& packedDesc) {
    auto& engine = oneDnnEngine();
    memory plain(plainDesc, engine, const_cast<void*>(data));
    memory packed(packedDesc, engine);
    dnnl::stream& stream = oneDnnStream();
    dnnl::reorder(plain, packed).execute(stream, plain, packed);
    stream.wait();
    return packed;
}

dnnl::matmul::primitive_desc matmulDescriptor(const memory::desc& src, const memory::desc& weights,
                                              const memory::desc* bias, const memory::desc& dst,
                                              const dnnl::primitive_attr& attributes) {
    return bias ? dnnl::matmul::primitive_desc(dnnl::matmul::desc(src, weights, *bias, dst),
                                               attributes, oneDnnEngine())
                : dnnl::matmul::primitive_desc(dnnl::matmul::desc(src, weights, dst), attributes,
                                               oneDnnEngine());
}

void appendActivation(dnnl::primitive_attr& attributes, LinearActivation activation) {
    if (activation == LinearActivation::None) return;
    dnnl::post_ops postOps = attributes.get_post_ops();
    postOps.append_eltwise(1.0f,
                           activation == LinearActivation::GeluErf
                               ? dnnl::algorithm::eltwise_gelu_erf
                               : dnnl::algorithm::eltwise_gelu_tanh,
                           0.0f, 0.0f);
    attributes.set_post_ops(postOps);
}

at::Tensor applyActivation(const at::Tensor& y, LinearActivation activation) {
    if (activation == LinearActivation::GeluErf) return at::gelu(y);
    if (activation == LinearActivation::GeluTanh) return at::gelu(y, "tanh");
    return y;
}

void runMatmul(const dnnl::matmul& primitive, memory::data_type srcType, const void* src,
               std::int64_t rows, std::int64_t k, const memory& weights, const float* bias,
               float* dst, std::int64_t n,
               const std::unordered_map<int, memory>& runTimeArguments) {
    auto& engine = oneDnnEngine();
    std::unordered_map<int, memory> args{
        {DNNL_ARG_SRC,
         memory({{rows, k}, srcType, memory::format_tag::ab}, engine, const_cast<void*>(src))},
        {DNNL_ARG_WEIGHTS, weights},
        {DNNL_ARG_DST,
         memory({{rows, n}, memory::data_type::f32, memory::format_tag::ab}, engine, dst)}};
    if (bias)
        args.emplace(DNNL_ARG_BIAS, memory({{1, n}, memory::data_type::f32, memory::format_tag::ab},
                                           engine, const_cast<float*>(bias)));
    args.insert(runTimeArguments.begin(), runTimeArguments.end());
    dnnl::stream& stream = oneDnnStream();
    primitive.execute(stream, args);
    stream.wait();
}

namespace {

memory::desc inPlaceDesc(const at::Tensor& t) {
    return memory::desc(memory::dims(t.sizes().begin(), t.sizes().end()), memory::data_type::f32,
                        memory::dims(t.strides().begin(), t.strides().end()));
}

}  // namespace

bool cpuFloat32(const at::Tensor& t) {
    return t.device().is_cpu() && t.scalar_type() == at::kFloat && t.layout() == at::kStrided;
}

bool readableInPlace(const at::Tensor& t) {
    for (std::int64_t d = 0; d < t.dim(); ++d)
        if (t.size(d) > 1 && t.stride(d) <= 0) return false;
    return true;
}

void stridedMatmul(const at::Tensor& src, const at::Tensor& weights, const at::Tensor* bias,
                   const at::Tensor& dst) {
    // No rows or columns: nothing to write. No inner dimension: the sums are empty.
    if (dst.numel() == 0) return;
    if (src.size(-1) == 0) {
        if (bias)
            dst.copy_(bias->expand_as(dst));
        else
            dst.zero_();
        return;
    }
    // oneDNN's fast (brgemm) kernels want dst's rows contiguous; for a dst whose columns are
    // contiguous instead (the gradient of a transposed operand, the keys' in attention) it
    // took its reference kernel, which made a training step twice as slow. Computed as the
    // transpose instead: dstᵀ = weightsᵀ · srcᵀ.
    if (!bias && dst.dim() >= 2 && dst.size(-1) > 1 && dst.stride(-1) != 1 && dst.stride(-2) == 1) {
        stridedMatmul(weights.transpose(-1, -2), src.transpose(-1, -2), nullptr,
                      dst.transpose(-1, -2));
        return;
    }
    if (bias && bias->dim() < dst.dim()) {  // oneDNN wants the bias with dst's dimensions
        std::vector<std::int64_t> shape(dst.dim() - bias->dim(), 1);
        shape.insert(shape.end(), bias->sizes().begin(), bias->sizes().end());
        const at::Tensor widened = bias->view(shape);
        stridedMatmul(src, weights, &widened, dst);
        return;
    }
    const memory::desc srcDesc = inPlaceDesc(src), weightsDesc = inPlaceDesc(weights),
                       dstDesc = inPlaceDesc(dst);
    const memory::desc biasDesc = bias ? inPlaceDesc(*bias) : memory::desc();
    // Made for these shapes and strides (oneDNN compiles kernels for a fixed shape that ran up
    // to twice as fast as the ones for shapes given at run time); oneDNN's primitive cache
    // makes the same shapes again a look-up of microseconds.
    const auto pd = matmulDescriptor(srcDesc, weightsDesc, bias ? &biasDesc : nullptr, dstDesc,
                                     dnnl::primitive_attr());
    if (std::string(pd.impl_info_str()).rfind("ref", 0) == 0) {
        // Only oneDNN's reference kernel for these strides, a plain loop: LibTorch's product
        // is faster.
        at::Tensor product = at::matmul(src, weights);
        if (bias) product.add_(*bias);
        dst.copy_(product);
        return;
    }
    auto& engine = oneDnnEngine();
    std::unordered_map<int, memory> args{
        {DNNL_ARG_SRC, memory(srcDesc, engine, src.data_ptr())},
        {DNNL_ARG_WEIGHTS, memory(weightsDesc, engine, weights.data_ptr())},
        {DNNL_ARG_DST, memory(dstDesc, engine, dst.data_ptr())}};
    if (bias) args.emplace(DNNL_ARG_BIAS, memory(biasDesc, engine, bias->data_ptr()));
    dnnl::stream& stream = oneDnnStream();
    dnnl::matmul(pd).execute(stream, args);
    stream.wait();
}

}  // namespace distilbench
