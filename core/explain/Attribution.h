#pragma once

#include <string>
#include <vector>

#include "core/runtime/JobCallbacks.h"
#include "core/tokenizers/Encoding.h"

namespace distilbench {

class Pipeline;

enum class AttributionMethod { GradientTimesInput, IntegratedGradients };

struct AttributionOptions {
    AttributionMethod method = AttributionMethod::IntegratedGradients;
    int steps = 50;          // integrated gradients: points on the path (trapezoidal rule)
    int internalBatch = 16;  // path points per forward/backward pass: bounds memory on long inputs
    std::string label;       // target label name; "" = the predicted label
};

struct AttributionResult {
    Encoding encoding;
    std::vector<float> scores;  // per token, summed over the embedding dimension
    std::string label;
    int labelIndex = 0;
    float targetLogit = 0;    // f(x)
    float baselineLogit = 0;  // f(baseline), integrated gradients only
    // Completeness (integrated gradients): sum(scores) should equal f(x) - f(baseline).
    float attributionSum = 0;
    float completenessGap = 0;  // |sum - (f(x) - f(baseline))|
};

// Token attributions for a sequence-classification model's target logit. The baseline replaces
// every non-special token's word embedding by the [PAD] embedding.
AttributionResult explain(const Pipeline& pipeline, const std::string& text,
                          const std::string& pair, const AttributionOptions& options,
                          const JobCallbacks& callbacks = {});

bool parseAttributionMethod(const std::string& s, AttributionMethod& out);

}  // namespace distilbench
