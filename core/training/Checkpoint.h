#pragma once

#include <ATen/core/Tensor.h>

#include <QJsonObject>
#include <functional>
#include <string>

#include "core/models/ModelConfig.h"
#include "core/training/Metrics.h"
#include "core/weights/WeightLoader.h"

namespace distilbench {

// Where a run stands at a checkpoint: enough to continue it exactly (trainer_state.json).
struct TrainerState {
    int globalStep = 0;
    int epoch = 0;         // the epoch to continue in
    int groupInEpoch = 0;  // the next optimizer step's group of batches within it
    at::Tensor rngState;   // the global CPU generator (masking, dropout)
    double bestValue = 0;
    int bestStep = -1;
    MetricMap bestMetrics;
    double earlyBest = -1e308;
    int badEvaluations = 0;
    double windowLoss = 0;  // the logging window in progress
    int windowSteps = 0;
    int totalSteps = 0;
    double elapsedSeconds = 0;

    QJsonObject toJson() const;
    // Throws Error naming `source` when a key the resume needs is missing or the random-number
    // state is empty.
    static TrainerState fromJson(const QJsonObject& json, const std::string& source);
};

// The shape of the run a checkpoint must fit.
struct RunShape {
    int totalSteps = 0;
    int epochs = 0;  // epochs the run can reach (max_steps runs: total steps)
    int stepsPerEpoch = 0;
};

// What a checkpoint folder holds.
struct CheckpointContents {
    NamedTensors weights, optimizer;
    TrainerState state;
};

// Checkpoint folders (RUN_DIR/checkpoints/checkpoint-N) and model folders (RUN_DIR/best) of a
// run. Every folder is written to a temporary beside it and renamed into place, so a full disk
// or a kill leaves the previous one intact.
namespace Checkpoint {

// A Hugging Face model folder's weights and config.json.
void writeModelFiles(const std::string& folder, const NamedTensors& weights,
                     const ModelConfig& config);
// Writes model, optimizer.safetensors and trainer_state.json into `folder`.
void writeFiles(const std::string& folder, const NamedTensors& weights, const ModelConfig& config,
                const NamedTensors& optimizer, const TrainerState& state);
// Builds `final` through `write(temporary)`; the temporary (a new mkdtemp folder beside `final`)
// is removed on every failure and the previous `final` replaced only by a complete folder.
// Refused when `final` exists and is not a model folder (no config.json).
void writeFolderAtomically(const std::string& final,
                           const std::function<void(const std::string& temporary)>& write);

// Reads and checks one checkpoint: weights and optimizer state finite, trainer state
// consistent with the folder's step and the run's shape. Throws Error naming the file and the
// problem. The model-specific checks (shapes, names) are the caller's.
CheckpointContents read(const std::string& folder, int step, const RunShape& run);

// The first tensor of `named` that holds NaN or infinite values, or "".
std::string firstNonFinite(const NamedTensors& named);

}  // namespace Checkpoint

}  // namespace distilbench
