#pragma once

#include <ATen/core/Tensor.h>

#include <cstdint>

namespace distilbench {

// Scaled dot-product attention for float32 inference on the CPU through oneDNN's batched
// matmul. It reads the query, key and value projections in the [B, L, H·D] layout the Linear
// layers give (the heads as strides: no transposed copies) and writes the context straight into
// [B, Lq, H·D]. scores = q·kᵀ·scale + additiveMask in one pass, softmax (ATen), context =
// weights·v. ATen's batched matmuls on 128 × 64 heads ran at a fraction of the machine's speed;
// this is about twice as fast per layer. Returns an undefined tensor when it does not apply (not
// float32 on the CPU, oneDNN not usable), for the caller's own path.
//   q [B, Lq, H·D], k and v [B, L, H·D], additiveMask [B, 1, 1, L] (0 or the lowest float).
at::Tensor inferenceAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                              const at::Tensor& additiveMask, std::int64_t heads, double scale);

}  // namespace distilbench
