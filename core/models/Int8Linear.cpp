#include "core/models/Int8Linear.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <mutex>
#include <optional>
#include <tuple>
#include <unordered_map>
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

struct Range {
    float min, max, nonFinite;  // nonFinite: 0, or NaN where a value was NaN or infinite
};

// The smallest and largest value in one vectorized pass; v - v is 0 for every finite value
// and NaN otherwise, so their sum says whether the comparisons (which NaN fails) missed one.
// GCC's vector types: without -ffast-math it would keep one running minimum, a value at a time
// (an array of 16 lanes stayed scalar too, and made an 8 x 128 forward 10% slower).
using Floats16 = float __attribute__((vector_size(64)));

__attribute__((target_clones("avx512f", "avx2", "default"))) Range rangeOf(const float* x,
                                                                           std::int64_t begin,
                                                                           std::int64_t end) {
    constexpr std::int64_t kLanes = 16;
    Floats16 lo, hi, bad;
    for (std::int64_t j = 0; j < kLanes; ++j) {
        lo[j] = std::numeric_limits<float>::max();
        hi[j] = std::numeric_limits<float>::lowest();
        bad[j] = 0.0f;
    }
    std::int64_t i = begin;
    for (; i + kLanes <= end; i += kLanes) {
        Floats16 v;
        std::memcpy(&v, x + i, sizeof v);
        lo = v < lo ? v : lo;
        hi = v > hi ? v : hi;
        bad += v - v;
    }
    Range r{lo[0], hi[0], bad[0]};
    for (std::int64_t j = 1; j < kLanes; ++j) {
        r.min = std::min(r.min, lo[j]);
        r.max = std::max(r.max, hi[j]);
        r.nonFinite += bad[j];
    }
    for (; i < end; ++i) {
        const float v = x[i];
        r.min = v < r.min ? v : r.min;
        r.max = v > r.max ? v : r.max;
        r.nonFinite += v - v;
    }
    return r;
}

}  // namespace

struct Int8Linear::Impl {
    std::int64_t n = 0, k = 0;
    bool dynamic = false;
    double inputScale = 1;
    std::int64_t inputZeroPoint = 0;
    std::vector<float> weightScales;  // per output column
    memory packedWeight;
    // Static: the bias divided by each column's scale (oneDNN 2.x scales the bias with the
    // product: dst = scale · (acc + bias)). Dynamic: the bias as it is, divided on each call.
    at::Tensor bias;
    // A primitive per activation, made when first asked for; the others read the weight in the
    // layout the first one chose. An empty slot after trying: no kernel but oneDNN's reference
    // one, so that activation runs as a pass of its own after the plain product.
    mutable std::mutex mutex;
    mutable std::array<std::optional<dnnl::matmul>, 3> primitives;
    mutable std::array<bool, 3> tried{};

    dnnl::primitive_attr attributes(LinearActivation activation) const {
        dnnl::primitive_attr a;
        if (dynamic) {
            a.set_output_scales(1 << 1, {DNNL_RUNTIME_F32_VAL});
            a.set_zero_points(DNNL_ARG_SRC, 0, {DNNL_RUNTIME_S32_VAL});
        } else {
            std::vector<float> scales(weightScales.size());
            for (std::size_t c = 0; c < scales.size(); ++c)
                scales[c] = static_cast<float>(inputScale * weightScales[c]);
            a.set_output_scales(1 << 1, scales);
            a.set_zero_points(DNNL_ARG_SRC, 0, {static_cast<std::int32_t>(inputZeroPoint)});
        }
        appendActivation(a, activation);
        return a;
    }
    dnnl::matmul::primitive_desc descriptor(const memory::desc& weights,
                                            LinearActivation activation) const {
        const memory::desc src({DNNL_RUNTIME_DIM_VAL, k}, memory::data_type::u8,
                               memory::format_tag::ab);
        const memory::desc dst({DNNL_RUNTIME_DIM_VAL, n}, memory::data_type::f32,
                               memory::format_tag::ab);
        const memory::desc biasDesc({1, n}, memory::data_type::f32, memory::format_tag::ab);
        return matmulDescriptor(src, weights, bias.defined() ? &biasDesc : nullptr, dst,
                                attributes(activation));
    }
    // The primitive for `activation`, or nullptr where only the reference kernel has it.
    const dnnl::matmul* primitive(LinearActivation activation) const {
        const auto slot = static_cast<std::size_t>(activation);
        std::lock_guard<std::mutex> lock(mutex);
        if (!tried[slot]) {
            tried[slot] = true;
            try {
                const auto pd = descriptor(packedWeight.get_desc(), activation);
                if (std::strncmp(pd.impl_info_str(), "ref", 3) != 0)
                    primitives[slot] = dnnl::matmul(pd);
            } catch (const dnnl::error&) {
            }
        }
        return primitives[slot] ? &*primitives[slot] : nullptr;
    }
    void setUp(const at::Tensor& qweight, const at::Tensor& b) {
        n = qweight.size(0);
        k = qweight.size(1);
        const at::Tensor ws = qweight.q_per_channel_scales().to(at::kDouble).contiguous();
        weightScales.resize(static_cast<std::size_t>(n));
        for (std::int64_t c = 0; c < n; ++c)
            weightScales[static_cast<std::size_t>(c)] =
                static_cast<float>(ws.data_ptr<double>()[c]);
        if (b.defined()) {
            bias = b.detach().to(at::kFloat).contiguous().clone();
            if (!dynamic) {
                float* v = bias.data_ptr<float>();
                for (std::int64_t c = 0; c < n; ++c)
                    v[c] /=
                        static_cast<float>(inputScale * weightScales[static_cast<std::size_t>(c)]);
            }
        }
        // The plain product chooses the weight's layout; it is reordered into it once.
        const memory::desc anyWeights({k, n}, memory::data_type::s8, memory::format_tag::any);
        const memory::desc plainWeights({k, n}, memory::data_type::s8, memory::format_tag::ba);
        const auto pd = descriptor(anyWeights, LinearActivation::None);
        primitives[0] = dnnl::matmul(pd);
        tried[0] = true;
        const at::Tensor w = qweight.int_repr().contiguous();
        packedWeight = reorderedWeights(plainWeights, w.data_ptr(), pd.weights_desc());
    }
};

Int8Linear::Int8Linear(const at::Tensor& qweight, const at::Tensor& bias, double inputScale,
                       std::int64_t inputZeroPoint)
    : impl_(std::make_unique<Impl>()) {
    impl_->inputScale = inputScale;
    impl_->inputZeroPoint = inputZeroPoint;
    impl_->setUp(qweight, bias);
}

Int8Linear::Int8Linear(const at::Tensor& qweight, const at::Tensor& bias)
    : impl_(std::make_unique<Impl>()) {
    impl_->dynamic = true;
    impl_->setUp(qweight, bias);
}

Int8Linear::~Int8Linear() = default;

bool Int8Linear::isDynamic() const {
    return impl_->dynamic;
}

bool Int8Linear::available() {
    return oneDnnWorks();
}

int Int8Linear::weightLevels() {
    static const int levels = [] {
        if (!available()) return 127;  // no int8 products to run: nothing can overflow
        try {
            // Every input quantizes to 255 and every weight to 127: each pair overflows an
            // int16. The exact answer is K in both modes; a small layer and one of a model's
            // shapes, for the kernels oneDNN picks by size.
            for (const auto& [k, n, rows] : {std::array<std::int64_t, 3>{64, 8, 2},
                                             std::array<std::int64_t, 3>{768, 64, 16}}) {
                const at::Tensor qw = quantizeWeight(at::ones({n, k}), 127);
                const at::Tensor x = at::ones({rows, k});
                const Int8Linear dynamicLayer(qw, at::Tensor());
                const Int8Linear staticLayer(qw, at::Tensor(), 1.0 / 255.0, 0);
                for (const Int8Linear* layer : {&dynamicLayer, &staticLayer}) {
                    const double worst = (layer->forward(x) - double(k)).abs().max().item<double>();
                    if (!(worst < 1e-5 * double(k))) return 63;
                }
            }
            return 127;
        } catch (const std::exception&) {
            return 63;  // unknown: the weights that cannot overflow
        }
    }();
    return levels;
}

int Int8Linear::weightBits() {
    return weightLevels() == 127 ? 8 : 7;
}

int Int8Linear::levelsForBits(int bits) {
    if (bits != 0 && bits != 7 && bits != 8)
        throw Error("int8 weights have 7 or 8 bits, not " + std::to_string(bits));
    if (bits == 8 && weightBits() < 8)
        throw Error(
            "8-bit int8 weights would overflow this CPU's int8 products (it has no VNNI); "
            "use 7");
    return bits == 0 ? weightLevels() : bits == 8 ? 127 : 63;
}

at::Tensor Int8Linear::quantizeWeight(const at::Tensor& w, int levels) {
    if (levels == 0) levels = weightLevels();
    if (levels != 127 && levels != 63) throw Error("int8 weights have 127 or 63 levels");
    const at::Tensor f = w.detach().to(at::kFloat).contiguous();
    const at::Tensor scales = (f.abs().amax(1) / double(levels)).clamp_min(1e-12).to(at::kDouble);
    return at::quantize_per_channel(f, scales, at::zeros({f.size(0)}, at::kLong), 0, at::kQInt8);
}

std::pair<double, std::int64_t> Int8Linear::inputParameters(float min, float max) {
    const double lo = std::min(0.0f, min), hi = std::max(0.0f, max);
    // torch.ao.quantization's MinMaxObserver for quint8 (qmin 0, qmax 255, not reduced).
    double scale = (hi - lo) / 255.0;
    scale = std::max(scale, double(std::numeric_limits<float>::epsilon()));
    const std::int64_t zeroPoint =
        std::clamp<std::int64_t>(static_cast<std::int64_t>(std::nearbyint(-lo / scale)), 0, 255);
    return {scale, zeroPoint};
}

Int8Linear::QuantizedInput Int8Linear::quantize(const at::Tensor& x) const {
    const Impl& d = *impl_;
    if (!x.device().is_cpu()) throw Error("int8 runs on the CPU only");
    if (x.dim() == 0 || x.size(-1) != d.k)
        throw Error("int8 layer: input of " + std::to_string(x.dim() ? x.size(-1) : 0) +
                    " features for a layer of " + std::to_string(d.k));
    const at::Tensor input = x.to(at::kFloat).contiguous();
    QuantizedInput q;
    q.sizes.assign(x.sizes().begin(), x.sizes().end());
    q.scale = d.inputScale;
    q.zeroPoint = d.inputZeroPoint;
    q.dynamic = d.dynamic;
    const std::int64_t count = input.numel();
    if (count == 0) return q;
    const float* src = input.data_ptr<float>();
    // Both passes run at some 16 values a cycle: one sentence's 128 x 768 values take a few
    // microseconds, less than waking the other threads, so they are shared out only in larger
    // pieces.
    constexpr std::int64_t kChunk = 1 << 16;
    if (d.dynamic) {
        std::vector<Range> parts(static_cast<std::size_t>((count + kChunk - 1) / kChunk));
        at::parallel_for(0, static_cast<std::int64_t>(parts.size()), 2,
                         [&](std::int64_t begin, std::int64_t end) {
                             for (std::int64_t c = begin; c < end; ++c)
                                 parts[static_cast<std::size_t>(c)] =
                                     rangeOf(src, c * kChunk, std::min(count, (c + 1) * kChunk));
                         });
        Range all = parts.front();
        for (const Range& r : parts) {
            all.min = std::min(all.min, r.min);
            all.max = std::max(all.max, r.max);
            all.nonFinite += r.nonFinite;
        }
        if (!std::isfinite(all.nonFinite) || !std::isfinite(all.min) || !std::isfinite(all.max)) {
            q.nonFinite = true;
            return q;
        }
        std::tie(q.scale, q.zeroPoint) = inputParameters(all.min, all.max);
    }
    q.values = at::empty(input.sizes(), input.options().dtype(at::kByte));
    std::uint8_t* quantized = q.values.data_ptr<std::uint8_t>();
    const float scaleF = static_cast<float>(q.scale), zeroF = static_cast<float>(q.zeroPoint);
    at::parallel_for(0, count, kChunk, [&](std::int64_t begin, std::int64_t end) {
        quantizeRange(src, quantized, begin, end, scaleF, zeroF);
    });
    return q;
}

bool Int8Linear::quantizesLike(const Int8Linear& other) const {
    const Impl &a = *impl_, &b = *other.impl_;
    return a.k == b.k && a.dynamic == b.dynamic &&
           (a.dynamic || (a.inputScale == b.inputScale && a.inputZeroPoint == b.inputZeroPoint));
}

at::Tensor Int8Linear::forward(const at::Tensor& x, LinearActivation activation) const {
    return forward(quantize(x), activation);
}

at::Tensor Int8Linear::forward(const QuantizedInput& in, LinearActivation activation) const {
    const Impl& d = *impl_;
    // Made by quantize() of a layer that quantizes like this one (quantizesLike).
    if (in.dynamic != d.dynamic || in.sizes.empty() || in.sizes.back() != d.k ||
        (!d.dynamic && (in.scale != d.inputScale || in.zeroPoint != d.inputZeroPoint)))
        throw Error("int8 layer: an input quantized for another layer");
    std::vector<std::int64_t> outShape = in.sizes;
    outShape.back() = d.n;
    const auto floats = at::TensorOptions().dtype(at::kFloat);
    if (in.nonFinite) return at::full(outShape, std::numeric_limits<float>::quiet_NaN(), floats);
    if (!in.values.defined()) return at::empty(outShape, floats);  // no rows
    const std::int64_t rows = in.values.numel() / d.k;
    const double scale = in.scale;
    const std::int64_t zeroPoint = in.zeroPoint;
    const std::uint8_t* quantized = in.values.data_ptr<std::uint8_t>();

    const dnnl::matmul* primitive = d.primitive(activation);
    const bool separateActivation = primitive == nullptr;
    if (separateActivation) primitive = d.primitive(LinearActivation::None);
    at::Tensor out = at::empty(outShape, floats);
    std::unordered_map<int, memory> runTime;
    std::vector<float> scales, bias;
    std::int32_t zero = static_cast<std::int32_t>(zeroPoint);
    const float* b = d.bias.defined() ? d.bias.data_ptr<float>() : nullptr;
    if (d.dynamic) {
        auto& engine = oneDnnEngine();
        scales.resize(static_cast<std::size_t>(d.n));
        for (std::size_t c = 0; c < scales.size(); ++c)
            scales[c] = static_cast<float>(scale * d.weightScales[c]);
        runTime.emplace(
            DNNL_ARG_ATTR_OUTPUT_SCALES,
            memory({{d.n}, memory::data_type::f32, memory::format_tag::a}, engine, scales.data()));
        runTime.emplace(
            DNNL_ARG_ATTR_ZERO_POINTS | DNNL_ARG_SRC,
            memory({{1}, memory::data_type::s32, memory::format_tag::a}, engine, &zero));
        if (b) {  // divided by this call's scales (see Impl::bias)
            bias.assign(b, b + d.n);
            for (std::size_t c = 0; c < bias.size(); ++c) bias[c] /= scales[c];
            b = bias.data();
        }
    }
    runMatmul(*primitive, memory::data_type::u8, quantized, rows, d.k, d.packedWeight, b,
              out.data_ptr<float>(), d.n, runTime);
    return separateActivation ? applyActivation(out, activation) : out;
}

}  // namespace distilbench
