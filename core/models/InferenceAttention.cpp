#include "core/models/InferenceAttention.h"

#include <ATen/ATen.h>

#include "core/models/OneDnn.h"
#include "core/models/PackedLinear.h"

namespace distilbench {

namespace {

using dnnl::memory;

bool cpuFloatContiguous(const at::Tensor& t) {
    return t.defined() && t.device().is_cpu() && t.scalar_type() == at::kFloat && t.is_contiguous();
}

}  // namespace

at::Tensor inferenceAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                              const at::Tensor& additiveMask, std::int64_t heads, double scale) {
    if (!PackedLinear::enabled() || !cpuFloatContiguous(q) || !cpuFloatContiguous(k) ||
        !cpuFloatContiguous(v) || !cpuFloatContiguous(additiveMask) || q.dim() != 3 ||
        k.sizes() != v.sizes() || k.dim() != 3 || q.size(0) != k.size(0) ||
        q.size(2) != k.size(2) || heads <= 0 || q.size(2) % heads != 0)
        return {};
    const std::int64_t B = q.size(0), Lq = q.size(1), L = k.size(1), HD = q.size(2), H = heads,
                       D = HD / heads;
    if (additiveMask.numel() != B * L || B == 0 || Lq == 0 || L == 0) return {};
    dnnl::engine& engine = oneDnnEngine();
    dnnl::stream& stream = oneDnnStream();
    const auto f32 = memory::data_type::f32;
    // The heads as strides of the projections' [B, L, H, D] layout.
    const memory::desc qDesc({B, H, Lq, D}, f32, {Lq * HD, D, HD, 1});
    const memory::desc kTransposed({B, H, D, L}, f32, {L * HD, D, 1, HD});
    const memory::desc vDesc({B, H, L, D}, f32, {L * HD, D, HD, 1});
    const memory::desc scoresDesc({B, H, Lq, L}, f32, memory::format_tag::abcd);
    const memory::desc maskDesc({B, 1, 1, L}, f32, memory::format_tag::abcd);
    const memory::desc contextDesc({B, H, Lq, D}, f32, {Lq * HD, D, HD, 1});

    dnnl::primitive_attr scoreAttributes;
    scoreAttributes.set_output_scales(0, {static_cast<float>(scale)});
    dnnl::post_ops addMask;
    addMask.append_binary(dnnl::algorithm::binary_add, maskDesc);
    scoreAttributes.set_post_ops(addMask);
    // oneDNN keeps a cache of primitives: the same shapes again cost a look-up.
    const dnnl::matmul scoresProduct(dnnl::matmul::primitive_desc(
        dnnl::matmul::desc(qDesc, kTransposed, scoresDesc), scoreAttributes, engine));
    const dnnl::matmul contextProduct(
        dnnl::matmul::primitive_desc(dnnl::matmul::desc(scoresDesc, vDesc, contextDesc), engine));

    at::Tensor scores = at::empty({B, H, Lq, L}, q.options());
    auto mem = [&](const memory::desc& d, const at::Tensor& t) {
        return memory(d, engine, const_cast<void*>(t.data_ptr()));
    };
    scoresProduct.execute(stream, {{DNNL_ARG_SRC, mem(qDesc, q)},
                                   {DNNL_ARG_WEIGHTS, mem(kTransposed, k)},
                                   {DNNL_ARG_DST, mem(scoresDesc, scores)},
                                   {DNNL_ARG_ATTR_MULTIPLE_POST_OP(0) | DNNL_ARG_SRC_1,
                                    mem(maskDesc, additiveMask)}});
    stream.wait();
    const at::Tensor weights = at::_softmax(scores, -1, false);
    at::Tensor context = at::empty({B, Lq, HD}, q.options());
    contextProduct.execute(stream, {{DNNL_ARG_SRC, mem(scoresDesc, weights)},
                                    {DNNL_ARG_WEIGHTS, mem(vDesc, v)},
                                    {DNNL_ARG_DST, mem(contextDesc, context)}});
    stream.wait();
    return context;
}

}  // namespace distilbench
