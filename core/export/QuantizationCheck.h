#pragma once

#include <string>

#include "core/runtime/JobCallbacks.h"
#include "core/training/Metrics.h"

namespace distilbench {

class Pipeline;
struct Dataset;

// What int8 dynamic quantization costs and gains on real data, measured before the user saves:
// every metric in fp32 and in int8 on the same examples, and the latency of both.
struct QuantizationCheck {
    std::string mainMetric;
    MetricMap float32, int8;
    double float32Ms = 0, int8Ms = 0;  // median forward, batch 1, `sequenceLength` tokens
    int sequenceLength = 128;
    double delta() const;         // int8 - fp32 of the main metric
    double speedUp() const;       // fp32 time / int8 time
    std::string summary() const;  // "accuracy 0.8131 -> 0.8119 (-0.0012), 1.6x faster"
};

// Leaves the model as it found it (fp32 or int8).
QuantizationCheck checkDynamicInt8(Pipeline& pipeline, const Dataset& data, int maxLength = 128,
                                   const JobCallbacks& callbacks = {});

}  // namespace distilbench
