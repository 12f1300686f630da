#pragma once

#include <string>
#include <vector>

#include "core/analysis/Perturbation.h"
#include "core/runtime/JobCallbacks.h"

namespace distilbench {

class Pipeline;

// A variant of a text and what the classifier makes of it, next to the original.
struct Counterfactual {
    std::string text, change;
    std::string label;                   // the variant's prediction
    std::vector<float> probabilities;    // per model label
    float originalLabelProbability = 0;  // the probability of the original's prediction
    float delta = 0;                     // ... minus the original's
    bool flipped = false;                // the prediction changed
};

struct CounterfactualSet {
    std::string text, label;  // the original and its prediction
    std::vector<float> probabilities;
    std::vector<Counterfactual> variants;  // flips first, then by how far the probability moved
};

// Applies `perturbation` to `text` and predicts the original and every variant in one batch
// (classification models). Throws Error for other tasks or a model without tokenizer.
CounterfactualSet findCounterfactuals(const Pipeline& pipeline, const std::string& text,
                                      const Perturbation& perturbation,
                                      const JobCallbacks& callbacks = {});

}  // namespace distilbench
