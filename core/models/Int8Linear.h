#pragma once

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "core/models/LinearActivation.h"

namespace distilbench {

// A Linear layer for int8 inference through oneDNN's int8 matmul: the input quantized to uint8
// per tensor, the weight as qint8 per output channel (reordered once for the kernels), int32
// accumulation, then scaled back to float32 with the bias added, and GELU where asked, in the
// same pass. The output stays float32, as ONNX Runtime's QDQ MatMul and its MatMulInteger
// graph give it.
// - Static: the input's scale and zero point are fixed by calibration. (PyTorch's
//   quantized::linear for the same job also quantizes the output and was no faster than
//   float32 here: a 1 x 128 DistilBERT-base forward 55 ms against 27 ms for dynamic int8.)
// - Dynamic: they come from the input's own range on each call (ONNX's DynamicQuantizeLinear,
//   PyTorch's quantize_dynamic). Replaces PyTorch's quantized::linear_dynamic, which runs the
//   same oneDNN product but cannot apply GELU in its pass and quantizes in separate passes.
class Int8Linear {
public:
    // qweight: [N, K] quantized per channel (axis 0, zero points 0); bias [N] float32 or
    // undefined. Static, with the input's scale and zero point.
    Int8Linear(const at::Tensor& qweight, const at::Tensor& bias, double inputScale,
               std::int64_t inputZeroPoint);
    // Dynamic.
    Int8Linear(const at::Tensor& qweight, const at::Tensor& bias);
    ~Int8Linear();
    Int8Linear(const Int8Linear&) = delete;
    Int8Linear& operator=(const Int8Linear&) = delete;

    // x [..., K] float32 on the CPU -> [..., N] float32, with `activation` applied. Dynamic: an
    // input with a NaN or an infinity gives NaN (as the float32 product would), not a number
    // from a range that means nothing; static saturates, as QuantizeLinear does.
    at::Tensor forward(const at::Tensor& x,
                       LinearActivation activation = LinearActivation::None) const;
    bool isDynamic() const;

    // An input as quantize() leaves it for the product: forward(x) is forward(quantize(x)).
    // Layers that read the same input (attention's query, key and value) quantize it once.
    struct QuantizedInput {
        at::Tensor values;  // uint8, x's shape; undefined where x has no rows or a non-finite value
        std::vector<std::int64_t> sizes;
        double scale = 1;
        std::int64_t zeroPoint = 0;
        bool dynamic = false;
        bool nonFinite = false;  // dynamic: x held a NaN or an infinity (the output is NaN)
    };
    QuantizedInput quantize(const at::Tensor& x) const;
    // Throws Error for an input quantized by a layer that does not quantize like this one.
    at::Tensor forward(const QuantizedInput& x,
                       LinearActivation activation = LinearActivation::None) const;
    // Whether `other` quantizes an input exactly as this layer does (both dynamic, or both
    // static with the same scale and zero point), so that one quantize() serves both.
    bool quantizesLike(const Int8Linear& other) const;

    // Whether oneDNN's int8 products run on this CPU.
    static bool available();
    // The largest weight integer: 127, or 63 (7-bit weights) where this CPU's int8 product
    // would otherwise overflow. Without VNNI (AVX2 CPUs, AVX-512 before Cascade Lake) oneDNN
    // multiplies with vpmaddubsw, which sums each pair of uint8 · int8 products into a
    // saturating int16: 2 · 255 · 127 = 64770 does not fit, and the product comes out wrong
    // without a word. 2 · 255 · 63 = 32130 does. ONNX Runtime's answer on such CPUs is the same
    // (its quantizer's reduce_range). Found once per process by running the product on the
    // worst case, so it holds for whichever kernel oneDNN picks (and under ONEDNN_MAX_CPU_ISA).
    static int weightLevels();
    // 8, or 7 where weightLevels() is 63: what the user is told.
    static int weightBits();
    // The levels of weights of `bits` bits asked for by the user: 0 = weightLevels(), 7 = 63,
    // 8 = 127; throws Error for other numbers and for 8 where this CPU needs 7.
    static int levelsForBits(int bits);
    // The weight of a Linear layer, w [N, K] float, quantized for these products: qint8
    // symmetric per output channel, scale = max |w| / levels, zero point 0. The one rule for
    // inference and for the int8 ONNX export. `levels`: 127 or 63; 0 = weightLevels().
    static at::Tensor quantizeWeight(const at::Tensor& w, int levels = 0);
    // The uint8 scale and zero point of a range [min, max] (finite): the range widened to include
    // 0 over 255 levels, as PyTorch's MinMaxObserver and ONNX's DynamicQuantizeLinear choose
    // them (ONNX's QuantizeLinear reads the same numbers).
    static std::pair<double, std::int64_t> inputParameters(float min, float max);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace distilbench
