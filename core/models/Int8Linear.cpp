#include "core/models/Int8Linear.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>

#include <vector>

#include "core/models/OneDnn.h"
#include "core/runtime/Error.h"

namespace distilbench {

using dnnl::memory;

namespace {

// x / scale rounded half to even, plus the zero point, clamped to uint8: QuantizeLinear's
// definition (and ATen's quantize_per_tensor's rounding). ATen 1.13's own loop took ~10 ns per
// value here, a third of a static int8 forward; this one vectorizes.
__attribute__((target_clones("avx512f", "avx2", "default"))) void quantizeRange(
    const float* x, std::uint8_t* q, std::int64_t begin, std::int64_t end, float scale,
    float zeroPoint) {
    for (std::int64_t i = begin; i < end; ++i) {
        const float v = std::nearbyint(x[i] / scale) + zeroPoint;
        q[i] = static_cast<std::uint8_t>(std::min(255.0f, std::max(0.0f, v)));
    }
}

}  // namespace

struct Int8Linear::Impl {
    std::int64_t n = 0, k = 0;
    double inputScale = 1;
    std::int64_t inputZeroPoint = 0;
    dnnl::matmul primitive;
    memory packedWeight;
    at::Tensor bias;
};

Int8Linear::Int8Linear(const at::Tensor& qweight, const at::Tensor& bias, double inputScale,
                       std::int64_t inputZeroPoint)
    : impl_(std::make_unique<Impl>()) {
    Impl& d = *impl_;
    d.n = qweight.size(0);
    d.k = qweight.size(1);
    d.inputScale = inputScale;
    d.inputZeroPoint = inputZeroPoint;

    const memory::desc src({DNNL_RUNTIME_DIM_VAL, d.k}, memory::data_type::u8,
                           memory::format_tag::ab);
    const memory::desc dst({DNNL_RUNTIME_DIM_VAL, d.n}, memory::data_type::f32,
                           memory::format_tag::ab);
    const memory::desc anyWeights({d.k, d.n}, memory::data_type::s8, memory::format_tag::any);
    const memory::desc plainWeights({d.k, d.n}, memory::data_type::s8, memory::format_tag::ba);
    const memory::desc biasDesc({1, d.n}, memory::data_type::f32, memory::format_tag::ab);
    // y = (x_q - zp) · W_q · (s_x · s_w[n]) + b: one scale per output column.
    const at::Tensor weightScales = qweight.q_per_channel_scales().to(at::kDouble).contiguous();
    const double* ws = weightScales.data_ptr<double>();
    std::vector<float> scales(static_cast<std::size_t>(d.n));
    for (std::int64_t c = 0; c < d.n; ++c)
        scales[static_cast<std::size_t>(c)] = static_cast<float>(inputScale * ws[c]);
    // oneDNN 2.x scales the bias with the product (dst = scale · (acc + bias)): it is passed
    // divided by each column's scale.
    if (bias.defined()) {
        d.bias = bias.detach().to(at::kFloat).contiguous().clone();
        float* b = d.bias.data_ptr<float>();
        for (std::int64_t c = 0; c < d.n; ++c) b[c] /= scales[static_cast<std::size_t>(c)];
    }
    dnnl::primitive_attr attributes;
    attributes.set_output_scales(1 << 1, scales);
    attributes.set_zero_points(DNNL_ARG_SRC, 0, {static_cast<std::int32_t>(inputZeroPoint)});
    const auto pd =
        matmulDescriptor(src, anyWeights, bias.defined() ? &biasDesc : nullptr, dst, attributes);
    d.primitive = dnnl::matmul(pd);
    const at::Tensor w = qweight.int_repr().contiguous();
    d.packedWeight = reorderedWeights(plainWeights, w.data_ptr(), pd.weights_desc());
}

Int8Linear::~Int8Linear() = default;

at::Tensor Int8Linear::forward(const at::Tensor& x) const {
    const Impl& d = *impl_;
    if (!x.device().is_cpu()) throw Error("static int8 runs on the CPU only");
    const at::Tensor input = x.to(at::kFloat).contiguous();
    at::Tensor q = at::empty(input.sizes(), input.options().dtype(at::kByte));
    {
        const float* src = input.data_ptr<float>();
        std::uint8_t* dst = q.data_ptr<std::uint8_t>();
        const float scale = static_cast<float>(d.inputScale),
                    zeroPoint = static_cast<float>(d.inputZeroPoint);
        at::parallel_for(0, input.numel(), 1 << 14, [&](std::int64_t begin, std::int64_t end) {
            quantizeRange(src, dst, begin, end, scale, zeroPoint);
        });
    }
    const std::int64_t rows = q.numel() / d.k;
    std::vector<std::int64_t> outShape(x.sizes().begin(), x.sizes().end());
    outShape.back() = d.n;
    at::Tensor out = at::empty(outShape, x.options().dtype(at::kFloat));
    if (rows == 0) return out;
    runMatmul(d.primitive, memory::data_type::u8, q.data_ptr(), rows, d.k, d.packedWeight,
              d.bias.defined() ? d.bias.data_ptr<float>() : nullptr, out.data_ptr<float>(), d.n);
    return out;
}

}  // namespace distilbench
