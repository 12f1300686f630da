#pragma once

#include <ATen/core/Tensor.h>

#include <map>
#include <string>
#include <vector>

#include "core/weights/WeightLoader.h"

namespace distilbench {

struct AdamWSettings {
    double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
    double weightDecay = 0.0;
};

// AdamW as torch.optim.AdamW computes it (decoupled weight decay; none on biases and LayerNorm
// weights, as the Hugging Face Trainer groups them). Holds the moment estimates per parameter
// name; a checkpoint stores them as "exp_avg.NAME" and "exp_avg_sq.NAME".
class AdamW {
public:
    explicit AdamW(AdamWSettings settings = {}) : settings_(settings) {}

    // Zero moments for a parameter that will be optimized.
    void addParameter(const std::string& name, const at::Tensor& parameter);

    // One update of every parameter with a gradient; `step` is the 1-based step count (bias
    // correction). Each gradient is read multiplied by `gradientScale` (gradient clipping's
    // coefficient) and left unchanged. Float32 tensors in CPU memory are updated in one pass
    // (read p, g, m, v; write p, m, v) instead of the eight tensor operations and two
    // temporaries of the textbook form, which stays the path for other devices and types.
    void step(const std::vector<std::pair<std::string, at::Tensor*>>& parameters, double lr,
              int step, double gradientScale = 1.0);

    // Whether `name` is decayed: not biases, not LayerNorm weights.
    static bool decays(const std::string& name);

    NamedTensors state() const;
    // Checks that every tensor of `state` belongs to a known parameter and has its shape; throws
    // Error naming `source` otherwise. Copies nothing until everything checks.
    void checkState(const NamedTensors& state, const std::string& source) const;
    void loadState(const NamedTensors& state);

private:
    AdamWSettings settings_;
    std::vector<std::string> order_;
    std::map<std::string, at::Tensor> expAvg_, expAvgSq_;
};

// The global L2 norm of the gradients, accumulated in double (float32 CPU tensors are read in
// place, without the double copy that `to(kDouble)` would make of every gradient).
double gradientNorm(const std::vector<at::Tensor>& gradients);

// The factor torch.nn.utils.clip_grad_norm_ multiplies the gradients by so that their norm is
// at most maxNorm (0: no clipping): maxNorm / (norm + 1e-6) when the norm exceeds it, else 1.
double clipCoefficient(double norm, double maxNorm);

// Scales the gradients in place so that their global L2 norm is at most maxNorm (0: no
// clipping); returns the norm before clipping, as torch.nn.utils.clip_grad_norm_ does.
double clipGradientNorm(std::vector<at::Tensor>& gradients, double maxNorm);

}  // namespace distilbench
