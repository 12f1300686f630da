#pragma once

#include <ATen/core/Tensor.h>

#include <cstddef>
#include <map>
#include <memory>
#include <vector>

#include "core/data/Dataset.h"
#include "core/distillation/DistillationLoss.h"
#include "core/distillation/DistillationSettings.h"
#include "core/training/Batches.h"

namespace distilbench {

class EncoderModel;
class Model;

// The loss of a distillation run for one micro-batch: the teacher's forward pass (or its cached
// logits), the student's, and the weighted parts of DistillationLoss. Token tasks compare every
// real token (token classification) or the masked ones (masked LM; the batch arrives masked).
class DistillationObjective {
public:
    DistillationObjective(const DistillationSettings& settings, std::shared_ptr<Model> teacher,
                          Task task, at::Tensor classWeights, double labelSmoothing, bool bf16);

    // `examples`: the batch's training-example indices (the key of the logit cache).
    DistillationLossParts loss(EncoderModel& student, const Batch& batch,
                               const std::vector<std::size_t>& examples);

private:
    DistillationSettings settings_;
    std::shared_ptr<Model> teacher_;
    Task task_;
    at::Tensor classWeights_;
    double labelSmoothing_;
    bool bf16_;
    std::map<std::size_t, at::Tensor> cache_;  // training example -> teacher logits
};

}  // namespace distilbench
