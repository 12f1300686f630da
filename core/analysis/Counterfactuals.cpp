#include "core/analysis/Counterfactuals.h"

#include <algorithm>
#include <cmath>

#include "core/inference/Pipeline.h"
#include "core/runtime/Error.h"
#include "core/training/Objective.h"

namespace distilbench {

CounterfactualSet findCounterfactuals(const Pipeline& pipeline, const std::string& text,
                                      const Perturbation& perturbation,
                                      const JobCallbacks& callbacks) {
    const ModelConfig& config = pipeline.model()->config();
    if (Objective::taskOf(config) != Task::Classification)
        throw Error("counterfactuals need a single-label classification model; this one is " +
                    taskName(Objective::taskOf(config)));
    if (!pipeline.tokenizer()) throw Error("the model has no tokenizer");
    CounterfactualSet set;
    set.text = text;
    const std::vector<PerturbedText> variants = perturbation.apply(text);
    std::vector<std::string> texts{text};
    for (const PerturbedText& v : variants) texts.push_back(v.text);
    constexpr std::size_t kBatch = 32;
    std::vector<TextPrediction> predictions;
    for (std::size_t b = 0; b < texts.size(); b += kBatch) {
        callbacks.checkAbort();
        const std::vector<std::string> batch(texts.begin() + b,
                                             texts.begin() + std::min(texts.size(), b + kBatch));
        PipelineResult r = pipeline.predict(batch);
        for (auto& p : r.predictions) predictions.push_back(std::move(p));
        callbacks.report(
            double(predictions.size()) / double(texts.size()),
            std::to_string(predictions.size()) + " of " + std::to_string(texts.size()) + " texts");
    }
    auto probabilities = [](const TextPrediction& p) {
        std::vector<float> out;
        for (const LabelScore& s : p.scores) out.push_back(s.probability);
        return out;
    };
    set.label = predictions[0].label;
    set.probabilities = probabilities(predictions[0]);
    const auto original = static_cast<std::size_t>(
        std::max_element(set.probabilities.begin(), set.probabilities.end()) -
        set.probabilities.begin());
    for (std::size_t i = 0; i < variants.size(); ++i) {
        Counterfactual c;
        c.text = variants[i].text;
        c.change = variants[i].change;
        c.label = predictions[i + 1].label;
        c.probabilities = probabilities(predictions[i + 1]);
        c.originalLabelProbability = c.probabilities[original];
        c.delta = c.originalLabelProbability - set.probabilities[original];
        c.flipped = c.label != set.label;
        set.variants.push_back(std::move(c));
    }
    std::stable_sort(set.variants.begin(), set.variants.end(),
                     [](const Counterfactual& a, const Counterfactual& b) {
                         if (a.flipped != b.flipped) return a.flipped;
                         return std::fabs(a.delta) > std::fabs(b.delta);
                     });
    return set;
}

}  // namespace distilbench
