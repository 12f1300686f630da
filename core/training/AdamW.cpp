#include "core/training/AdamW.h"

#include <ATen/ATen.h>

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

void AdamW::step(const std::vector<std::pair<std::string, at::Tensor*>>& parameters, double lr,
                 int t) {
    at::NoGradGuard noGrad;
    const AdamWSettings& s = settings_;
    const double bc1 = 1 - std::pow(s.beta1, t), bc2 = 1 - std::pow(s.beta2, t);
    for (const auto& [name, param] : parameters) {
        at::Tensor& p = *param;
        const at::Tensor& g = p.grad();
        if (!g.defined()) continue;
        if (s.weightDecay > 0 && decays(name)) p.mul_(1 - lr * s.weightDecay);
        at::Tensor& m = expAvg_.at(name);
        at::Tensor& v = expAvgSq_.at(name);
        m.mul_(s.beta1).add_(g, 1 - s.beta1);
        v.mul_(s.beta2).addcmul_(g, g, 1 - s.beta2);
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

double clipGradientNorm(std::vector<at::Tensor>& grads, double maxNorm) {
    at::NoGradGuard noGrad;
    double total = 0;
    for (const auto& g : grads) total += g.to(at::kDouble).pow(2).sum().item<double>();
    total = std::sqrt(total);
    if (maxNorm > 0 && total > maxNorm) {
        const double coef = maxNorm / (total + 1e-6);
        for (auto& g : grads) g.mul_(coef);
    }
    return total;
}

}  // namespace distilbench
