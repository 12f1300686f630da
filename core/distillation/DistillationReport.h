#pragma once

#include <QJsonObject>
#include <cstdint>
#include <string>

#include "core/runtime/JobCallbacks.h"
#include "core/training/Metrics.h"

namespace distilbench {

struct DistilledModelFacts {
    std::string folder;
    std::string architecture;
    int layers = 0, hiddenSize = 0;
    std::int64_t parameters = 0;
    std::int64_t bytesOnDisk = 0;
    double latencyMs = 0;  // median forward pass at the report's batch and sequence length
    MetricMap metrics;     // on the validation set
};

// Teacher against student after a distillation run: quality kept, size and speed gained.
struct DistillationReport {
    std::string mainMetric;
    int batch = 1, sequenceLength = 128;
    DistilledModelFacts teacher, student;

    // Student's share of the teacher's main metric (for lower-is-better metrics, the inverse).
    double retention() const;
    double speedUp() const;
    double sizeRatio() const;
    // "keeps 97.1% of the teacher's accuracy at 1.9x the speed and 0.5x the size"
    std::string summary() const;
    QJsonObject toJson() const;
    static DistillationReport fromJson(const QJsonObject& json);
    std::string toMarkdown() const;
};

// Loads both folders, measures their latency with random ids and fills in sizes and metrics.
DistillationReport measureDistillation(const std::string& teacherFolder,
                                       const std::string& studentFolder,
                                       const MetricMap& teacherMetrics,
                                       const MetricMap& studentMetrics,
                                       const std::string& mainMetric, int sequenceLength = 128,
                                       int iterations = 10, const JobCallbacks& callbacks = {});

}  // namespace distilbench
