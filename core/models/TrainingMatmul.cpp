#include "core/models/TrainingMatmul.h"

#include <ATen/ATen.h>
#include <torch/csrc/autograd/custom_function.h>

#include "core/models/OneDnn.h"
#include "core/models/TrainingLinear.h"

namespace distilbench {

namespace {

// `t` as oneDNN can read it in place, or a contiguous copy where it cannot (an expanded
// gradient).
at::Tensor readable(const at::Tensor& t) {
    return readableInPlace(t) ? t : t.contiguous();
}

struct MatmulFunction : public torch::autograd::Function<MatmulFunction> {
    static at::Tensor forward(torch::autograd::AutogradContext* ctx, const at::Tensor& aIn,
                              const at::Tensor& bIn, bool headsInterleaved) {
        const at::Tensor a = readable(aIn), b = readable(bIn);
        std::vector<std::int64_t> shape(a.sizes().begin(), a.sizes().end());
        shape.back() = b.size(-1);
        // Interleaved, the function's own result is [B, M, H, N] (a transposed view made here
        // would be copied on the way out of the function); the caller takes its view.
        const at::Tensor result =
            headsInterleaved ? at::empty({shape[0], shape[2], shape[1], shape[3]}, a.options())
                             : at::empty(shape, a.options());
        stridedMatmul(a, b, nullptr, headsInterleaved ? result.transpose(1, 2) : result);
        ctx->save_for_backward({a, b});
        ctx->saved_data["interleaved"] = headsInterleaved;
        return result;
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                   torch::autograd::variable_list grads) {
        const auto saved = ctx->get_saved_variables();
        const at::Tensor& a = saved[0];
        const at::Tensor& b = saved[1];
        const at::Tensor g =
            readable(ctx->saved_data["interleaved"].toBool() ? grads[0].transpose(1, 2) : grads[0]);
        // Gradients laid out as their operands (empty_like keeps a dense view's strides), so
        // the views' own backward steps (transposes of the heads) copy nothing.
        auto product = [&](const at::Tensor& x, const at::Tensor& y, const at::Tensor& like) {
            at::Tensor out = at::empty_like(like);
            stridedMatmul(x, y, nullptr, out);
            return out;
        };
        at::Tensor gradA, gradB;
        if (ctx->needs_input_grad(0)) gradA = product(g, b.transpose(-1, -2), a);  // dC · bᵀ
        if (ctx->needs_input_grad(1)) gradB = product(a.transpose(-1, -2), g, b);  // aᵀ · dC
        return {gradA, gradB, at::Tensor()};
    }
};

}  // namespace

at::Tensor TrainingMatmul::forward(const at::Tensor& a, const at::Tensor& b,
                                   bool headsInterleaved) {
    if (headsInterleaved && a.dim() == 4) return MatmulFunction::apply(a, b, true).transpose(1, 2);
    return MatmulFunction::apply(a, b, false);
}

bool TrainingMatmul::applies(const at::Tensor& a, const at::Tensor& b) {
    if (!TrainingLinear::oneDnnOn() || !cpuFloat32(a) || !cpuFloat32(b) || a.dim() != b.dim() ||
        a.dim() < 3 || a.dim() > 4 || a.size(-1) != b.size(-2))
        return false;
    for (std::int64_t d = 0; d + 2 < a.dim(); ++d)
        if (a.size(d) != b.size(d)) return false;
    return true;
}

}  // namespace distilbench
