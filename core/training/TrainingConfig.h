#pragma once

#include <QJsonObject>
#include <cstdint>
#include <string>
#include <vector>

#include "core/data/Dataset.h"
#include "core/distillation/DistillationSettings.h"
#include "core/training/Schedule.h"

namespace distilbench {

// Every hyperparameter of a fine-tuning run; written to RUN_DIR/config.json and read back to
// resume. Defaults follow the Hugging Face Trainer where it has one.
struct TrainingConfig {
    Task task = Task::Classification;
    std::string model;      // folder to fine-tune; empty when `preset` is set
    std::string preset;     // new model of this shape (ModelConfig::presetNames())
    std::string tokenizer;  // empty: the model's own, or the bundled BERT vocabulary for presets
    std::string trainFile, validationFile, testFile;
    ColumnMapping columns;
    std::vector<std::string> labels;  // given label names (else discovered)
    // id2label written to the model ("negative" for "0")
    std::vector<std::string> labelDisplayNames;
    double validationSplit = 0.1;  // taken from train when there is no validation file
    double testSplit = 0.0;        // taken from train when there is no test file

    int epochs = 3;
    int maxSteps = 0;  // > 0 overrides epochs
    double learningRate = 5e-5;
    int batchSize = 16;
    int evalBatchSize = 64;
    int maxLength = 128;
    int gradientAccumulation = 1;
    double warmupRatio = 0.0;
    int warmupSteps = 0;
    double weightDecay = 0.0;
    Scheduler scheduler = Scheduler::Linear;
    double maxGradNorm = 1.0;
    double adamBeta1 = 0.9, adamBeta2 = 0.999, adamEpsilon = 1e-8;
    bool groupByLength = true;
    // The data map: each training example's gold-label probability per epoch, from the
    // training pass's own logits (single-label classification).
    bool recordDataMap = true;
    bool bf16 = false;
    std::string classWeights;  // "", "balanced" or "w0,w1,…"
    double labelSmoothing = 0.0;
    bool freezeEmbeddings = false;
    int freezeLayers = 0;
    double multiLabelThreshold = 0.5;

    int evalSteps = 0;  // 0: evaluate at the end of each epoch only
    int loggingSteps = 10;
    std::string metricForBest;  // default: the task's main metric
    std::string earlyStoppingMetric;
    int earlyStoppingPatience = 0;  // evaluations without improvement; 0 = off
    double earlyStoppingThreshold = 0.0;
    int saveTotalLimit = 2;
    std::uint64_t seed = 42;

    DistillationSettings distillation;  // enabled: the loss compares the student with a teacher

    QJsonObject toJson() const;
    static TrainingConfig fromJson(const QJsonObject& json);
    // Defaults that suit the task: fine-tuning a pretrained model, or training one from a preset
    // (random weights need a larger learning rate, warm-up and weight decay).
    static TrainingConfig defaultsFor(Task task, bool fromPreset);
    // A distillation run's defaults: task-specific (Hinton-style halves of KL and labels) or,
    // for Task::MaskedLM, DistilBERT's pre-training recipe with 2% of the corpus for validation.
    static TrainingConfig distillationDefaults(Task task);
    // The metric that picks the best model when none is given.
    std::string mainMetric() const;
};

}  // namespace distilbench
