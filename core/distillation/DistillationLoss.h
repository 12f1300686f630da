#pragma once

// Include from .cpp files only: pulls in ATen.

#include <ATen/core/Tensor.h>

#include <map>
#include <string>

#include "core/distillation/DistillationSettings.h"

namespace distilbench {

// Rows to compare: one per example (sequence classification) or per selected token (token
// classification, masked positions in pre-training distillation).
struct DistillationLossInputs {
    at::Tensor studentLogits, teacherLogits;  // [N, C]
    at::Tensor hardLoss;                      // cross-entropy on the labels; undefined = none
    at::Tensor mlmLoss;                       // masked-LM cross-entropy; undefined = none
    at::Tensor studentHidden,
        teacherHidden;  // [M, D] non-padding positions; undefined = no cosine term
};

struct DistillationLossParts {
    at::Tensor total;  // scalar with gradient
    // loss_ce, loss_hard, loss_mlm, loss_cos, loss_mse (unweighted)
    std::map<std::string, double> values;
};

// Loss = α_ce·KL(softmax(t/T) ‖ softmax(s/T))·T² + α_hard·CE + α_mlm·CE_mlm + α_cos·(1 − cos(h_s,
// h_t))
//        + α_mse·‖s − t‖²/N. The KL is averaged over rows ("batchmean") and multiplied by T² so its
// gradients keep their size as T changes (Hinton et al.); terms with α = 0 are not computed.
class DistillationLoss {
public:
    explicit DistillationLoss(const DistillationSettings& settings) : s_(settings) {}
    DistillationLossParts operator()(const DistillationLossInputs& inputs) const;

private:
    DistillationSettings s_;
};

}  // namespace distilbench
