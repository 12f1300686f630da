#include "core/export/QuantizationCheck.h"

#include <cmath>
#include <cstdio>

#include <ATen/ATen.h>

#include <algorithm>
#include <numeric>

#include "core/data/Dataset.h"
#include "core/data/DatasetStream.h"
#include "core/evaluation/Evaluation.h"
#include "core/inference/Benchmark.h"
#include "core/inference/Pipeline.h"
#include "core/models/EncoderModel.h"
#include "core/models/Int8Linear.h"
#include "core/models/Model.h"
#include "core/runtime/Error.h"
#include "core/tokenizers/Tokenizer.h"
#include "core/training/Batches.h"
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
    std::string s = buf;
    if (weightBits < 8)
        s += Int8Linear::weightBits() < 8
                 ? "; 7-bit weights (this CPU's int8 products have no VNNI; 8-bit ones could "
                   "overflow them)"
                 : "; 7-bit weights";
    return s;
}

namespace {

// fp32 and int8 on the same data; `ranges` null for dynamic int8.
QuantizationCheck checkInt8(Pipeline& pipeline, const Dataset& data, const Int8Ranges* ranges,
                            int maxLength, const JobCallbacks& cb) {
    Model& model = *pipeline.model();
    const bool was = model.isDynamicInt8();
    const Int8Ranges wasStatic = model.encoder().staticInt8Ranges();
    auto restore = [&] {
        if (!wasStatic.empty())
            model.setStaticInt8(wasStatic);
        else
            model.setDynamicInt8(was);
    };
    QuantizationCheck r;
    r.weightBits = model.int8WeightBits();
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
        if (ranges)
            model.setStaticInt8(*ranges);
        else
            model.setDynamicInt8(true);
        r.int8 = evaluateModel(pipeline, data, EvaluationDefaults::kBatchSize, maxLength,
                               EvaluationDefaults::kThreshold, phase(0.5, 0.9))
                     .metrics;
        r.int8Ms = benchmarkModel(model, 1, r.sequenceLength, 10, 2, phase(0.9, 1.0)).medianMs;
    } catch (...) {
        restore();
        throw;
    }
    restore();
    return r;
}

}  // namespace

QuantizationCheck checkDynamicInt8(Pipeline& pipeline, const Dataset& data, int maxLength,
                                   const JobCallbacks& cb) {
    return checkInt8(pipeline, data, nullptr, maxLength, cb);
}

QuantizationCheck checkStaticInt8(Pipeline& pipeline, const Dataset& data, const Int8Ranges& ranges,
                                  int maxLength, const JobCallbacks& cb) {
    return checkInt8(pipeline, data, &ranges, maxLength, cb);
}

Int8Ranges calibrateStaticInt8(Model& model, const Tokenizer& tokenizer,
                               const std::string& dataPath, int examples, int maxLength,
                               const JobCallbacks& cb) {
    if (examples < 1 || examples > StaticInt8Defaults::kMaxCalibrationExamples)
        throw Error("calibration takes 1 to " +
                    std::to_string(StaticInt8Defaults::kMaxCalibrationExamples) + " examples");
    const ModelConfig& c = model.config();
    DatasetStream::Options so = evaluationStreamOptions(c);
    so.plainTextUnlabelled = true;
    DatasetStream stream(dataPath, so);
    Dataset d;
    d.task = Task::Classification;
    d.labels = stream.labels();
    d.source = dataPath;
    stream.next(d.examples, static_cast<std::size_t>(examples));
    for (Example& e : d.examples) e.label = std::max(0, e.label);  // only the texts matter
    // Words and tags (CoNLL) are encoded as token classification; texts as sequences.
    const bool words = !d.examples.empty() && !d.examples.front().words.empty();
    d.task = words ? Task::TokenClassification : Task::Classification;
    const std::vector<EncodedExample> encoded =
        encodeDataset(d, tokenizer, std::min(maxLength, c.maxPositions));
    std::vector<std::size_t> order(encoded.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](auto a, auto b) { return encoded[a].ids.size() < encoded[b].ids.size(); });
    std::lock_guard lock(model.mutex());
    EncoderModel& encoder = model.encoder();
    const bool wasTraining = encoder.isTraining();
    encoder.setTraining(false);
    at::NoGradGuard noGrad;
    encoder.startInt8Calibration();
    try {
        constexpr std::size_t kBatch = 32;
        const std::int64_t padId = tokenizer.specialTokens().padId;
        for (std::size_t s = 0; s < order.size(); s += kBatch) {
            cb.checkAbort();
            const std::vector<std::size_t> idx(order.begin() + s,
                                               order.begin() + std::min(order.size(), s + kBatch));
            const Batch b = collateBatch(encoded, idx, d.task, padId, encoder.device());
            (void)encoder.forward(modelInputs(b));
            cb.report(double(s + idx.size()) / order.size(), "calibrating int8");
        }
    } catch (...) {
        encoder.finishInt8Calibration();
        encoder.setTraining(wasTraining);
        throw;
    }
    encoder.setTraining(wasTraining);
    return encoder.finishInt8Calibration();
}

}  // namespace distilbench
