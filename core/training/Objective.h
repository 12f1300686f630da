#pragma once

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/data/Dataset.h"
#include "core/models/ModelConfig.h"

namespace distilbench {

class EncoderModel;
struct ForwardOptions;

// What a task trains: the head it needs, the problem_type written to config.json, and its loss.
// The one place these rules live; the trainer, evaluation, distillation and EncoderModel's
// `labels=` loss all call it.
struct ModelInputs;
struct ModelOutputs;

namespace Objective {

// Label positions the loss skips (sub-word pieces after the first, padding, unmasked tokens):
// PyTorch's and transformers' ignore_index.
constexpr std::int64_t kIgnoreIndex = -100;

HeadType headFor(Task task);
// transformers' problem_type for a sequence task ("" for token tasks and masked LM).
std::string problemTypeFor(Task task);
// The task a model was fine-tuned for, from its head and problem_type.
Task taskOf(const ModelConfig& config);

// The metrics an evaluation of `task` reports (besides per-class "f1_LABEL"), main metric first.
std::vector<std::string> metricNames(Task task);
// Whether evaluations of `task` report `metric` (per-class "f1_LABEL" included).
bool reportsMetric(Task task, const std::string& metric);

// Class weights for the loss from a spec: "balanced" (total / (classes x count), as
// scikit-learn's) or one weight per label ("1,2.5"; checked by validateTrainingConfig). Throws
// Error when the number of weights differs from the number of labels.
std::vector<double> classWeights(const Dataset& train, const std::string& spec);

// The task's loss in float32, averaged over the examples (or the labelled tokens):
// cross-entropy (optionally class-weighted and label-smoothed) for classification, token
// classification and masked LM; binary cross-entropy with logits for multi-label; squared error
// for regression. `classWeights` may be undefined.
at::Tensor taskLoss(const at::Tensor& logits, const at::Tensor& labels, Task task,
                    const at::Tensor& classWeights = {}, double labelSmoothing = 0.0);

// The model's forward pass, in bfloat16 autocast when `bf16` (the loss stays in float32).
ModelOutputs forward(EncoderModel& model, const ModelInputs& inputs, bool bf16);
ModelOutputs forward(EncoderModel& model, const ModelInputs& inputs, bool bf16,
                     const ForwardOptions& options);

}  // namespace Objective

}  // namespace distilbench
