#include "core/training/AdamW.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>

#include "core/runtime/Error.h"

namespace distilbench {

namespace {
constexpr const char* kAvg = "exp_avg.";
constexpr const char* kAvgSq = "exp_avg_sq.";
}  // namespace

void AdamW::addParameter(const std::string& name, const at::Tensor& p) {
    if (!expAvg_.count(name)) order_.push_back(name);
    expAvg_[name] = at::zeros_like(p);
    expAvgSq_[name] = at::zeros_like(p);
}

bool AdamW::decays(const std::string& name) {
    return !(name.ends_with("bias") || name.find("LayerNorm") != std::string::npos ||
             name.find("layer_norm") != std::string::npos);
}

namespace {

bool fusable(const at::Tensor& t) {
    return t.device().is_cpu() && t.scalar_type() == at::kFloat && t.is_contiguous() &&
           !t.is_sparse();
}

// One pass over a float32 parameter: the float arithmetic of torch.optim.AdamW's single-tensor
// path (mul_, add_, addcmul_, sqrt, div, add_, addcdiv_) in its order; ATen's vector kernels may
// fuse a multiply-add where this loop rounds twice, a difference of an ulp. No branches: a scale
// or decay factor of 1 leaves a value exactly as it is. Compiled for AVX-512, AVX2 and the
// baseline, chosen at load time (the build targets the baseline x86-64), because the update of
// every weight each step is a measurable share of a training step.
__attribute__((target_clones("avx512f", "avx2", "default"))) void adamwKernel(
    float* p, const float* g, float* m, float* v, std::int64_t begin, std::int64_t end,
    float decayFactor, float scale, float beta1, float beta2, float sqrtBc2, float epsilon,
    float stepSize) {
    const float oneMinusBeta1 = 1 - beta1, oneMinusBeta2 = 1 - beta2;
    for (std::int64_t i = begin; i < end; ++i) {
        const float gi = g[i] * scale;
        const float mi = m[i] * beta1 + oneMinusBeta1 * gi;
        const float vi = v[i] * beta2 + oneMinusBeta2 * gi * gi;
        const float denom = std::sqrt(vi) / sqrtBc2 + epsilon;
        p[i] = p[i] * decayFactor + stepSize * (mi / denom);
        m[i] = mi;
        v[i] = vi;
    }
}

void fusedUpdate(float* p, const float* g, float* m, float* v, std::int64_t n, float decayFactor,
                 float scale, float beta1, float beta2, float sqrtBc2, float epsilon,
                 float stepSize) {
    at::parallel_for(0, n, 1 << 15, [&](std::int64_t begin, std::int64_t end) {
        adamwKernel(p, g, m, v, begin, end, decayFactor, scale, beta1, beta2, sqrtBc2, epsilon,
                    stepSize);
    });
}

bool allZero(const float* data, std::int64_t n) {
    for (std::int64_t i = 0; i < n; ++i)
        if (data[i] != 0.0f) return false;
    return true;
}

// The update of an embedding matrix row by row: a row whose gradient and both moments are zero
// (a token no batch has held yet) would only be multiplied by the decay factor (m and v stay 0,
// the step is 0 / (0 + eps) = 0), so only that is done. A 30,522-row vocabulary with a batch of
// a few hundred distinct tokens leaves most rows so: 12 bytes read per weight instead of 16 read
// and 12 written.
void rowwiseUpdate(float* p, const float* g, float* m, float* v, std::int64_t rows,
                   std::int64_t width, float decayFactor, float scale, float beta1, float beta2,
                   float sqrtBc2, float epsilon, float stepSize) {
    at::parallel_for(
        0, rows, std::max<std::int64_t>(1, (1 << 15) / width),
        [&](std::int64_t begin, std::int64_t end) {
            for (std::int64_t r = begin; r < end; ++r) {
                const std::int64_t o = r * width;
                if (allZero(g + o, width) && allZero(m + o, width) && allZero(v + o, width)) {
                    if (decayFactor != 1.0f)
                        for (std::int64_t i = o; i < o + width; ++i) p[i] *= decayFactor;
                    continue;
                }
                adamwKernel(p, g, m, v, o, o + width, decayFactor, scale, beta1, beta2, sqrtBc2,
                            epsilon, stepSize);
            }
        });
}

// Sum of squares in double with eight running sums (so that the loop vectorizes; the order is
// fixed, so the same data always gives the same sum).
__attribute__((target_clones("avx512f", "avx2", "default"))) double sumOfSquares(const float* data,
                                                                                 std::int64_t begin,
                                                                                 std::int64_t end) {
    double lanes[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    std::int64_t i = begin;
    for (; i + 8 <= end; i += 8)
        for (int k = 0; k < 8; ++k) lanes[k] += double(data[i + k]) * double(data[i + k]);
    double sum = 0;
    for (; i < end; ++i) sum += double(data[i]) * double(data[i]);
    for (const double lane : lanes) sum += lane;
    return sum;
}

}  // namespace

void AdamW::step(const std::vector<std::pair<std::string, at::Tensor*>>& parameters, double lr,
                 int t, double gradientScale) {
    at::NoGradGuard noGrad;
    const AdamWSettings& s = settings_;
    const double bc1 = 1 - std::pow(s.beta1, t), bc2 = 1 - std::pow(s.beta2, t);
    const bool scaled = gradientScale != 1.0;
    for (const auto& [name, param] : parameters) {
        at::Tensor& p = *param;
        const at::Tensor& g = p.grad();
        if (!g.defined()) continue;
        const bool decay = s.weightDecay > 0 && decays(name);
        at::Tensor& m = expAvg_.at(name);
        at::Tensor& v = expAvgSq_.at(name);
        if (fusable(p) && fusable(g) && fusable(m) && fusable(v) && p.dim() == 2 &&
            name.find("embeddings") != std::string::npos) {
            rowwiseUpdate(p.data_ptr<float>(), g.data_ptr<float>(), m.data_ptr<float>(),
                          v.data_ptr<float>(), p.size(0), p.size(1),
                          decay ? float(1 - lr * s.weightDecay) : 1.0f,
                          scaled ? float(gradientScale) : 1.0f, float(s.beta1), float(s.beta2),
                          float(std::sqrt(bc2)), float(s.epsilon), float(-lr / bc1));
            continue;
        }
        if (fusable(p) && fusable(g) && fusable(m) && fusable(v)) {
            fusedUpdate(p.data_ptr<float>(), g.data_ptr<float>(), m.data_ptr<float>(),
                        v.data_ptr<float>(), p.numel(),
                        decay ? float(1 - lr * s.weightDecay) : 1.0f,
                        scaled ? float(gradientScale) : 1.0f, float(s.beta1), float(s.beta2),
                        float(std::sqrt(bc2)), float(s.epsilon), float(-lr / bc1));
            continue;
        }
        const at::Tensor grad = scaled ? g * gradientScale : g;
        if (decay) p.mul_(1 - lr * s.weightDecay);
        m.mul_(s.beta1).add_(grad, 1 - s.beta1);
        v.mul_(s.beta2).addcmul_(grad, grad, 1 - s.beta2);
        const at::Tensor denom = (v.sqrt() / std::sqrt(bc2)).add_(s.epsilon);
        p.addcdiv_(m, denom, -lr / bc1);
    }
}

NamedTensors AdamW::state() const {
    NamedTensors out;
    for (const auto& n : order_) {
        out.emplace_back(kAvg + n, expAvg_.at(n));
        out.emplace_back(kAvgSq + n, expAvgSq_.at(n));
    }
    return out;
}

void AdamW::checkState(const NamedTensors& state, const std::string& source) const {
    for (const auto& [name, t] : state) {
        const bool sq = name.rfind(kAvgSq, 0) == 0;
        const bool avg = !sq && name.rfind(kAvg, 0) == 0;
        const auto& slot = sq ? expAvgSq_ : expAvg_;
        const auto it = (sq || avg) ? slot.find(name.substr(sq ? 11 : 8)) : slot.end();
        if (it == slot.end() || !t.sizes().equals(it->second.sizes()))
            throw Error(source, "'" + name + "' does not belong to this model");
    }
}

void AdamW::loadState(const NamedTensors& state) {
    at::NoGradGuard noGrad;
    for (const auto& [name, t] : state) {
        if (name.rfind(kAvgSq, 0) == 0)
            expAvgSq_.at(name.substr(11)).copy_(t);
        else if (name.rfind(kAvg, 0) == 0)
            expAvg_.at(name.substr(8)).copy_(t);
    }
}

double gradientNorm(const std::vector<at::Tensor>& grads) {
    at::NoGradGuard noGrad;
    double total = 0;
    for (const auto& g : grads) {
        if (!fusable(g)) {
            total += g.to(at::kDouble).pow(2).sum().item<double>();
            continue;
        }
        // Fixed chunks summed in order: the same threads give the same norm every time.
        const float* data = g.data_ptr<float>();
        const std::int64_t n = g.numel(), chunk = 1 << 16, chunks = (n + chunk - 1) / chunk;
        std::vector<double> partial(static_cast<std::size_t>(chunks), 0.0);
        at::parallel_for(0, chunks, 1, [&](std::int64_t begin, std::int64_t end) {
            for (std::int64_t c = begin; c < end; ++c)
                partial[static_cast<std::size_t>(c)] =
                    sumOfSquares(data, c * chunk, std::min(n, (c + 1) * chunk));
        });
        for (const double part : partial) total += part;
    }
    return std::sqrt(total);
}

double clipCoefficient(double norm, double maxNorm) {
    return maxNorm > 0 && norm > maxNorm ? maxNorm / (norm + 1e-6) : 1.0;
}

double clipGradientNorm(std::vector<at::Tensor>& grads, double maxNorm) {
    at::NoGradGuard noGrad;
    const double total = gradientNorm(grads);
    const double coef = clipCoefficient(total, maxNorm);
    if (coef != 1.0)
        for (auto& g : grads) g.mul_(coef);
    return total;
}

}  // namespace distilbench
