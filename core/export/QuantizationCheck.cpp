#include "core/export/QuantizationCheck.h"

#include <cmath>
#include <cstdio>

#include "core/data/Dataset.h"
#include "core/inference/Benchmark.h"
#include "core/inference/Pipeline.h"
#include "core/models/Model.h"
#include "core/training/Trainer.h"

namespace distilbench {

double QuantizationCheck::delta() const {
    auto a = float32.find(mainMetric), b = int8.find(mainMetric);
    return a == float32.end() || b == int8.end() ? std::nan("") : b->second - a->second;
}

double QuantizationCheck::speedUp() const {
    return int8Ms > 0 ? float32Ms / int8Ms : std::nan("");
}

std::string QuantizationCheck::summary() const {
    char buf[256];
    auto a = float32.find(mainMetric), b = int8.find(mainMetric);
    if (a == float32.end() || b == int8.end()) return "";
    std::snprintf(buf, sizeof buf, "%s %.4f -> %.4f (%+.4f), %.1fx the speed (%.1f ms -> %.1f ms)",
                  mainMetric.c_str(), a->second, b->second, delta(), speedUp(), float32Ms, int8Ms);
    return buf;
}

QuantizationCheck checkDynamicInt8(Pipeline& pipeline, const Dataset& data, int maxLength,
                                   const JobCallbacks& cb) {
    Model& model = *pipeline.model();
    const bool was = model.isDynamicInt8();
    QuantizationCheck r;
    TrainingConfig c;
    c.task = data.task;
    r.mainMetric = c.mainMetric();
    r.sequenceLength = std::min(maxLength, model.config().maxPositions);
    auto phase = [&](double from, double to) {
        JobCallbacks inner = cb;
        inner.progress = [cb, from, to](const ProgressReport& p) {
            cb.report(from + (to - from) * p.fraction, p.message);
        };
        return inner;
    };
    try {
        model.setDynamicInt8(false);
        r.float32 = evaluateModel(pipeline, data, EvaluationDefaults::kBatchSize, maxLength,
                                  EvaluationDefaults::kThreshold, phase(0.0, 0.4))
                        .metrics;
        r.float32Ms = benchmarkModel(model, 1, r.sequenceLength, 10, 2, phase(0.4, 0.5)).medianMs;
        model.setDynamicInt8(true);
        r.int8 = evaluateModel(pipeline, data, EvaluationDefaults::kBatchSize, maxLength,
                               EvaluationDefaults::kThreshold, phase(0.5, 0.9))
                     .metrics;
        r.int8Ms = benchmarkModel(model, 1, r.sequenceLength, 10, 2, phase(0.9, 1.0)).medianMs;
    } catch (...) {
        model.setDynamicInt8(was);
        throw;
    }
    model.setDynamicInt8(was);
    return r;
}

}  // namespace distilbench
