#include "core/models/TrainingLinear.h"

#include <ATen/ATen.h>
#include <torch/csrc/autograd/custom_function.h>

#include <cstdlib>
#include <cstring>

#include "core/models/OneDnn.h"
#include "core/models/PackedLinear.h"

namespace distilbench {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

at::Tensor linearForward(AutogradContext* ctx, const at::Tensor& x, const at::Tensor& weight,
                         const at::Tensor& bias) {
    const at::Tensor input = x.contiguous();
    const at::Tensor w = weight.contiguous();
    const std::int64_t k = w.size(1), n = w.size(0);
    const std::int64_t rows = input.numel() / k;
    std::vector<std::int64_t> shape(input.sizes().begin(), input.sizes().end());
    shape.back() = n;
    at::Tensor out = at::empty(shape, input.options());
    // x [rows, K] · Wᵀ (the transposed view of W [N, K], read in place) + b.
    const at::Tensor b = bias.defined() ? bias.contiguous().view({1, n}) : at::Tensor();
    stridedMatmul(input.view({rows, k}), w.t(), b.defined() ? &b : nullptr, out.view({rows, n}));
    ctx->save_for_backward({input, w});
    return out;
}

// The gradients of x, W and (with `withBias`) b, each only where it is wanted.
variable_list linearBackward(AutogradContext* ctx, const variable_list& grads, bool withBias) {
    const auto saved = ctx->get_saved_variables();
    const at::Tensor& input = saved[0];
    const at::Tensor& w = saved[1];
    const std::int64_t k = w.size(1), n = w.size(0);
    const std::int64_t rows = input.numel() / k;
    const at::Tensor g = grads[0].contiguous().view({rows, n});
    at::Tensor gradX, gradW, gradB;
    if (ctx->needs_input_grad(0)) {
        gradX = at::empty(input.sizes(), input.options());
        stridedMatmul(g, w, nullptr, gradX.view({rows, k}));  // dL/dy · W
    }
    if (ctx->needs_input_grad(1)) {
        gradW = at::empty({n, k}, w.options());
        stridedMatmul(g.t(), input.view({rows, k}), nullptr, gradW);  // dL/dyᵀ · x (0 for no rows)
    }
    if (!withBias) return {gradX, gradW};
    if (ctx->needs_input_grad(2)) gradB = g.sum(0);
    return {gradX, gradW, gradB};
}

// Two functions: LibTorch's custom functions take no undefined tensor as an input.
struct LinearFunction : public torch::autograd::Function<LinearFunction> {
    static at::Tensor forward(AutogradContext* ctx, const at::Tensor& x, const at::Tensor& weight,
                              const at::Tensor& bias) {
        return linearForward(ctx, x, weight, bias);
    }
    static variable_list backward(AutogradContext* ctx, variable_list grads) {
        return linearBackward(ctx, grads, true);
    }
};

struct LinearNoBiasFunction : public torch::autograd::Function<LinearNoBiasFunction> {
    static at::Tensor forward(AutogradContext* ctx, const at::Tensor& x, const at::Tensor& weight) {
        return linearForward(ctx, x, weight, at::Tensor());
    }
    static variable_list backward(AutogradContext* ctx, variable_list grads) {
        return linearBackward(ctx, grads, false);
    }
};

}  // namespace

at::Tensor TrainingLinear::forward(const at::Tensor& x, const at::Tensor& weight,
                                   const at::Tensor& bias) {
    return bias.defined() ? LinearFunction::apply(x, weight, bias)
                          : LinearNoBiasFunction::apply(x, weight);
}

bool TrainingLinear::applies(const at::Tensor& x, const at::Tensor& weight,
                             const at::Tensor& bias) {
    // The same kinds of tensors the inference path takes.
    return oneDnnOn() && PackedLinear::applies(x, weight, bias);
}

bool TrainingLinear::oneDnnOn() {
    static const bool on = [] {
        const char* v = std::getenv("DISTILBENCH_TRAINING_ONEDNN");
        return !(v && std::strcmp(v, "0") == 0) && oneDnnWorks();
    }();
    return on;
}

}  // namespace distilbench
