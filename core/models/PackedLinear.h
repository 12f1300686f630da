#pragma once

#include <ATen/core/Tensor.h>

#include <memory>

#include "core/models/LinearActivation.h"

namespace distilbench {

// A float32 linear layer (y = x Wᵀ + b) for inference through oneDNN's matmul, with the weight
// reordered once into the layout its kernels read (ONNX Runtime pre-packs the same way) where
// that pays (reordersWeights()).
// OpenBLAS packs the weight again on every call: for one 128-token sequence that is a fifth of
// the layer's time. Where the weight is reordered (AVX-512), each number of rows gets a
// primitive of its own (oneDNN chooses its faster brgemm kernels only for fixed shapes; each
// thread keeps its recent ones); otherwise one primitive serves every number of rows (a
// run-time dimension). Holds a copy of the weight in that layout, so the model's tensors stay
// as they are for training, export and attributions; `matches` says whether the copy is still
// the weight's (same memory, no in-place change since).
class PackedLinear {
public:
    using Activation = LinearActivation;

    // weight [N, K], bias [N] or undefined: float32, CPU.
    PackedLinear(const at::Tensor& weight, const at::Tensor& bias,
                 Activation activation = Activation::None);
    ~PackedLinear();
    PackedLinear(const PackedLinear&) = delete;
    PackedLinear& operator=(const PackedLinear&) = delete;

    // Whether the packed copy still holds `weight` and `bias`.
    bool matches(const at::Tensor& weight, const at::Tensor& bias) const;
    // x [..., K] float32 on the CPU -> [..., N].
    at::Tensor forward(const at::Tensor& x) const;

    // Whether a float32 CPU linear may take this path: oneDNN works on this CPU and
    // DISTILBENCH_PACKED_LINEAR is not "0" (for comparing with the plain path).
    static bool enabled();
    // Whether the weight is reordered into the layout oneDNN picks ("any"): with AVX-512 that
    // is what makes the packed path fast; with AVX2 only (oneDNN 2.6's gemm kernels) the picked
    // layout made the 128 x 768 x 3072 product take 5.2 ms against 2.7 ms reading the model's
    // own [N, K] weight, so there the weight is used as it is (and not copied).
    static bool reordersWeights();
    // Whether `weight`/`bias`/`x` are of the kind this class takes.
    static bool applies(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace distilbench
