#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/data/Dataset.h"
#include "core/data/DatasetStream.h"
#include "core/models/ModelConfig.h"
#include "core/runtime/JobCallbacks.h"
#include "core/training/Batches.h"
#include "core/training/Metrics.h"

namespace distilbench {

class EncoderModel;
class Pipeline;
class TokenMasker;

// Every metric of a model on labelled data, with what each example got: for the confusion
// matrix's drill-down, the example lists and the exports.
struct EvaluationReport {
    Task task = Task::Classification;
    std::vector<std::string> labels;
    double loss = 0;
    MetricMap metrics;
    ClassificationMetrics classification;
    MultiLabelMetrics multiLabel;
    EntityMetrics entities;
    RegressionMetrics regression;
    std::vector<std::vector<int>> multiTruth;  // multi-label: 0/1 per label and example
    // The decision threshold the predictions and metrics reflect (binary and multi-label).
    double threshold = 0.5;
    // Per example, in the dataset's order.
    std::vector<std::string> texts;
    std::vector<int> truth, predicted;
    std::vector<std::vector<float>> probabilities;
    // Token classification: each sentence's tags as the data and the model give them (the first
    // piece of each word), for per-slice entity scores.
    std::vector<std::vector<std::string>> tagTruth, tagPredicted;
};

// Binary and multi-label reports: predictions and metrics again at another decision threshold
// (binary: the second label's probability; multi-label: every label's). Other tasks keep theirs.
void applyDecisionThreshold(EvaluationReport& report, double threshold);

// What a model gave the examples of one batch, in the batch's order.
struct ScoredBatch {
    // The task's loss summed over the batch (weighted by examples; token classification: by
    // labelled tokens), and that weight: sums over batches give the data's mean.
    double lossSum = 0, lossWeight = 0;
    // Classification: the distribution (with the model's temperature); multi-label: each
    // label's probability; regression: the value. Empty for token classification.
    std::vector<std::vector<float>> probabilities;
    // Token classification: each example's tags, the data's and the model's (first pieces).
    std::vector<std::vector<std::string>> tagTruth, tagPredicted;
};
// Scores the logits of the batch made of `rows` of `data` (labels: the batch's label tensor).
// Shared by the evaluation of data in memory and of data streamed from a file.
ScoredBatch scoreLogits(const at::Tensor& logits, const at::Tensor& labels,
                        const std::vector<EncodedExample>& data,
                        const std::vector<std::size_t>& rows, Task task,
                        const std::vector<std::string>& labelNames, double temperature);
// The index of the largest value (the first of equals).
int argmaxOf(const std::vector<float>& row);

// Runs the encoder over encoded data without gradients. Masked-LM evaluation needs a masker and
// masks with a fixed seed, so that every evaluation (and the teacher's) sees the same positions.
EvaluationReport evaluateEncoded(EncoderModel& model, const std::vector<EncodedExample>& data,
                                 const Dataset& dataset, int batchSize, std::int64_t padId,
                                 double threshold, const JobCallbacks& callbacks = {},
                                 const TokenMasker* masker = nullptr);

// Runs a model over a labelled dataset and computes every metric of its task, reported with the
// model's label names. Binary and multi-label predictions and metrics use `threshold` (binary:
// the second label's probability; 0.5 is the argmax).
EvaluationReport evaluateModel(const Pipeline& pipeline, const Dataset& dataset, int batchSize,
                               int maxLength, double threshold = 0.5,
                               const JobCallbacks& callbacks = {});

// Labelled data for evaluating a model, read by the one rule the Evaluate page and
// `distilbench-cli evaluate` share: the model's task, its label names, ids 0..n-1, or the given
// mapping of data labels to model labels; otherwise UnknownLabelsError names the labels (the page
// then asks for a mapping).
Dataset readEvaluationData(const std::string& path, const ModelConfig& model,
                           const ColumnMapping& columns = {},
                           const std::map<std::string, std::string>& labelMap = {});

// readEvaluationData's rule for a file read in chunks (DatasetStream): the model's task and its
// label names (none for regression). Set plainTextUnlabelled for work that needs only texts.
DatasetStream::Options evaluationStreamOptions(
    const ModelConfig& model, const ColumnMapping& columns = {},
    const std::map<std::string, std::string>& labelMap = {});

// A run's validation data as its training saw it, and the max length it was scored at. Throws
// Error when the run held out none.
struct RunEvaluationData {
    Dataset dataset;
    int maxLength = 128;
};
RunEvaluationData readRunEvaluationData(const std::string& runDirectory);

// One metric of two models on the same data; a side lacks it when its report has no such metric.
struct MetricDifference {
    std::string metric;
    std::optional<double> a, b;
};
// Every metric of either report, `a`'s first.
std::vector<MetricDifference> compareMetrics(const EvaluationReport& a, const EvaluationReport& b);

// Two models on the same data (the Evaluate page's "compare with", `evaluate --compare`).
struct ModelComparison {
    EvaluationReport a, b;
    std::vector<MetricDifference> metrics;
    std::size_t disagreements = 0;  // examples the two predict differently (classification)
};
// Throws Error naming `nameB` when the models are for different tasks. Progress runs over both.
ModelComparison compareModels(const Pipeline& a, const Pipeline& b, const std::string& nameA,
                              const std::string& nameB, const Dataset& dataset, int batchSize,
                              int maxLength, double threshold = 0.5,
                              const JobCallbacks& callbacks = {});

// The defaults of `distilbench-cli evaluate` and the Evaluate page.
struct EvaluationDefaults {
    static constexpr int kBatchSize = 64;
    static constexpr int kMaxLength = 128;
    static constexpr double kThreshold = 0.5;
};

}  // namespace distilbench
