#pragma once

#include <string>

#include "core/models/Int8Ranges.h"
#include "core/runtime/JobCallbacks.h"
#include "core/training/Metrics.h"

namespace distilbench {

class Model;
class Pipeline;
class Tokenizer;
struct Dataset;

// What int8 dynamic quantization costs and gains on real data, measured before the user saves:
// every metric in fp32 and in int8 on the same examples, and the latency of both.
struct QuantizationCheck {
    std::string mainMetric;
    MetricMap float32, int8;
    double float32Ms = 0, int8Ms = 0;  // median forward, batch 1, `sequenceLength` tokens
    int sequenceLength = 128;
    int weightBits = 8;      // Model::int8WeightBits() of the int8 run
    double delta() const;    // int8 - fp32 of the main metric
    double speedUp() const;  // fp32 time / int8 time
    // "accuracy 0.8131 -> 0.8119 (-0.0012), 1.6x the speed (…)", and "; 7-bit weights (…)"
    // where this CPU needs them.
    std::string summary() const;
};

// Leaves the model as it found it (fp32 or int8).
QuantizationCheck checkDynamicInt8(Pipeline& pipeline, const Dataset& data, int maxLength = 128,
                                   const JobCallbacks& callbacks = {});
// The same for static int8 with these calibrated ranges.
QuantizationCheck checkStaticInt8(Pipeline& pipeline, const Dataset& data, const Int8Ranges& ranges,
                                  int maxLength = 128, const JobCallbacks& callbacks = {});

struct StaticInt8Defaults {
    static constexpr int kCalibrationExamples = 256;
    static constexpr int kMaxCalibrationExamples = 100000;
};

// Static int8's ranges: the model's float32 forwards over the first `examples` texts of
// `dataPath` (labelled data as evaluation reads it, or a .txt file of one text per line; read
// no further than needed), in batches of 32 at up to `maxLength` tokens. Throws Error naming
// the file when it holds no text, or when `examples` is out of range.
Int8Ranges calibrateStaticInt8(Model& model, const Tokenizer& tokenizer,
                               const std::string& dataPath,
                               int examples = StaticInt8Defaults::kCalibrationExamples,
                               int maxLength = 128, const JobCallbacks& callbacks = {});

}  // namespace distilbench
