#pragma once

#include <ATen/core/Tensor.h>

namespace distilbench {

// y = x Wᵀ + b where gradients are wanted (training, attributions): the forward product and both
// backward products (dL/dx = dL/dy · W, dL/dW = dL/dyᵀ · x) run through oneDNN's matmul on the
// model's own float32 tensors, as an autograd function. On an AVX-512 CPU oneDNN's kernels took
// 10-25% less time than OpenBLAS's for DistilBERT-base's products at 256-800 rows, and these
// products were two thirds of a fine-tuning step; held to AVX2 the two took the same time.
// The weights are read in place (they change every step, so nothing is packed).
class TrainingLinear {
public:
    // x [..., K], weight [N, K], bias [N] or undefined -> [..., N], recorded for backward.
    // Only where applies(). First-order gradients only: there is no backward of the backward
    // (nothing here asks for one).
    static at::Tensor forward(const at::Tensor& x, const at::Tensor& weight,
                              const at::Tensor& bias);

    // Whether the layer may take this path: float32 strided tensors on the CPU and oneDnnOn().
    static bool applies(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias);

    // Whether the products of training (this class and TrainingMatmul) run through oneDNN: it
    // works on this CPU and DISTILBENCH_TRAINING_ONEDNN is not "0" (to compare with LibTorch's
    // own products, which then run).
    static bool oneDnnOn();
};

}  // namespace distilbench
