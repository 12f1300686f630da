#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/data/Dataset.h"
#include "core/evaluation/Evaluation.h"
#include "core/models/ModelConfig.h"
#include "core/runtime/JobCallbacks.h"
#include "core/training/Metrics.h"
#include "core/training/RunDatasets.h"
#include "core/training/TrainingConfig.h"

namespace distilbench {

class Pipeline;

struct TrainingLogRecord {
    int step = 0;
    double epoch = 0;
    double loss = 0;  // mean over the logging window
    double learningRate = 0;
    double gradNorm = 0;
    double examplesPerSecond = 0;
    // distillation: each loss component (unweighted), window mean
    std::map<std::string, double> parts;
    double seconds = 0;         // training time so far, across resumes (plots by wall-clock time)
    double windowExamples = 0;  // examples in the logging window, of every process
};

struct EvaluationRecord {
    int step = 0;
    double epoch = 0;
    double loss = 0;
    MetricMap metrics;
    // distillation: the teacher's scores on the same data (once, at the start)
    bool teacher = false;
    double seconds = 0;  // training time so far, across resumes
};

struct TrainerCallbacks {
    JobCallbacks job;  // progress (with ETA) and cancel
    std::function<void(const TrainingLogRecord&)> onLog;
    std::function<void(const EvaluationRecord&)> onEvaluation;
    std::function<bool()> isPaused;  // polled between steps
    // Things the user must hear about that do not stop the run: weights that are new, a stale
    // lock taken over, a damaged checkpoint skipped on resume, bf16 unavailable.
    std::function<void(const std::string&)> onNotice;

    void notice(const std::string& message) const {
        if (onNotice) onNotice(message);
    }
};

struct TrainingOutcome {
    int steps = 0, totalSteps = 0;
    double epochs = 0;
    bool earlyStopped = false;
    std::string bestModel;  // RUN_DIR/best, a Hugging Face folder
    MetricMap bestMetrics;
    MetricMap testMetrics;
    MetricMap teacherMetrics;  // distillation runs with validation data
    double seconds = 0;
    double examplesPerSecond = 0;
};

// Fine-tunes a model into RUN_DIR: config.json, metrics.jsonl, TensorBoard events,
// checkpoints/checkpoint-N (weights, optimizer, trainer state), best/ (model and tokenizer),
// validation_predictions.jsonl. Throws JobCancelled on cancel (after saving a checkpoint) and
// Error on bad input or a NaN loss (the last good checkpoint is kept). With
// config.distillation.enabled the student learns from a teacher (see DistillationLoss); the
// task MaskedLM reads a raw corpus for pre-training distillation.
class Trainer {
public:
    static TrainingOutcome train(const TrainingConfig& config, const std::string& runDirectory,
                                 const TrainerCallbacks& callbacks = {});
    // Continues from the newest checkpoint exactly where it stopped.
    static TrainingOutcome resume(const std::string& runDirectory,
                                  const TrainerCallbacks& callbacks = {});
};

}  // namespace distilbench
