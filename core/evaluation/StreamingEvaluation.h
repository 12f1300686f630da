#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "core/data/Dataset.h"
#include "core/evaluation/Calibration.h"
#include "core/evaluation/Evaluation.h"
#include "core/runtime/JobCallbacks.h"
#include "core/training/Metrics.h"

namespace distilbench {

class Pipeline;

struct StreamingEvaluationOptions {
    int batchSize = EvaluationDefaults::kBatchSize;
    int maxLength = EvaluationDefaults::kMaxLength;
    double threshold = EvaluationDefaults::kThreshold;
    ColumnMapping columns;
    std::map<std::string, std::string> labelMap;
    // Each example's prediction as CSV, in file order, written while the file is read (through
    // a temporary and a rename); refused when the file exists. Empty: none.
    std::string predictionsPath;
    // Examples read, encoded and sorted by length at a time: memory holds one chunk.
    std::size_t chunkRows = 4096;
    static constexpr std::size_t kMaxChunkRows = 1u << 20;
};

// The metrics of a model on a file read in chunks: memory does not grow with the file's length.
// Everything evaluateModel computes is exact here too except what needs every example at once:
// binary ROC-AUC and PR-AUC come from kScoreBins bins of the score margin (with a bound on the
// error), Spearman's correlation and the calibration temperature are not computed; `notes` says
// so.
struct StreamingEvaluationReport {
    Task task = Task::Classification;
    std::vector<std::string> labels;
    std::size_t examples = 0;
    double loss = 0;
    MetricMap metrics;
    ClassificationMetrics classification;  // the curves' areas binned
    MultiLabelMetrics multiLabel;
    EntityMetrics entities;
    RegressionMetrics regression;   // spearman NaN
    CalibrationReport calibration;  // classification; no temperature
    // Binary: |binned ROC-AUC − exact| is at most this (pairs that share a bin count half).
    double rocAucMaxError = 0;
    std::vector<std::string> notes, warnings;

    static constexpr std::size_t kScoreBins = 1u << 20;
};

// Throws Error naming the file for unreadable data and labels the model does not know
// (UnknownLabelsError), as readEvaluationData does. Progress follows the bytes read; cancellable
// (the predictions' temporary is removed).
StreamingEvaluationReport evaluateStream(const Pipeline& pipeline, const std::string& path,
                                         const StreamingEvaluationOptions& options = {},
                                         const JobCallbacks& callbacks = {});

}  // namespace distilbench
