#pragma once

#include <ATen/core/Tensor.h>

namespace distilbench {

// Batched a · b where gradients are wanted (attention's scores and context in training and
// attributions), as an autograd function whose forward and backward products run through
// oneDNN's batched matmul reading every operand in place through its strides. LibTorch 1.13's
// bmm runs one OpenBLAS product per (example, head) after a select() of each, and the heads are
// transposed views it copies: for a 16 x 12-head batch of 24-128 tokens oneDNN took a third of
// the time for the same products (forward and backward).
class TrainingMatmul {
public:
    // a [..., M, K] · b [..., K, N] with equal batch dimensions -> [..., M, N]. With
    // `headsInterleaved` (4-D [B, H, M, K] operands) the result is laid out as [B, M, H, N] and
    // returned as its [B, H, M, N] transposed view, so the attention context's
    // transpose(1, 2).contiguous() that follows copies nothing. Only where applies().
    static at::Tensor forward(const at::Tensor& a, const at::Tensor& b,
                              bool headsInterleaved = false);

    // Whether the product may take this path: float32 strided CPU tensors of 3 or 4 dimensions
    // with equal batch dimensions and matching inner ones, oneDNN works here, and
    // DISTILBENCH_TRAINING_ONEDNN is not "0".
    static bool applies(const at::Tensor& a, const at::Tensor& b);
};

}  // namespace distilbench
