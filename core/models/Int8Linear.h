#pragma once

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <memory>

namespace distilbench {

// A Linear layer for static int8 inference through oneDNN's int8 matmul: the input quantized to
// uint8 with a scale and zero point fixed by calibration, the weight as qint8 per output channel
// (reordered once for the kernels), int32 accumulation, then scaled back to float32 with the
// bias added in the same pass. PyTorch's quantized::linear for the same job also quantizes the
// output and was no faster than float32 here (a 1 x 128 DistilBERT-base forward 55 ms against
// 27 ms for dynamic int8); the output stays float32, as ONNX Runtime's QDQ MatMul gives it.
class Int8Linear {
public:
    // qweight: [N, K] quantized per channel (axis 0, zero points 0); bias [N] float32 or
    // undefined.
    Int8Linear(const at::Tensor& qweight, const at::Tensor& bias, double inputScale,
               std::int64_t inputZeroPoint);
    ~Int8Linear();
    Int8Linear(const Int8Linear&) = delete;
    Int8Linear& operator=(const Int8Linear&) = delete;

    // x [..., K] float32 on the CPU -> [..., N] float32.
    at::Tensor forward(const at::Tensor& x) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace distilbench
