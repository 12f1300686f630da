#include "core/training/Objective.h"

#include <ATen/ATen.h>
#include <ATen/autocast_mode.h>

#include <QString>
#include <QStringList>
#include <algorithm>
#include <numeric>

#include "core/runtime/Error.h"

#include "core/models/EncoderModel.h"

namespace distilbench::Objective {

HeadType headFor(Task task) {
    switch (task) {
        case Task::MaskedLM:
            return HeadType::MaskedLM;
        case Task::TokenClassification:
            return HeadType::TokenClassification;
        default:
            return HeadType::SequenceClassification;
    }
}

std::string problemTypeFor(Task task) {
    switch (task) {
        case Task::MultiLabel:
            return "multi_label_classification";
        case Task::Regression:
            return "regression";
        case Task::Classification:
            return "single_label_classification";
        default:
            return "";
    }
}

Task taskOf(const ModelConfig& c) {
    if (c.head == HeadType::TokenClassification) return Task::TokenClassification;
    if (c.head == HeadType::MaskedLM) return Task::MaskedLM;
    const std::string p = c.effectiveProblemType();
    if (p == "multi_label_classification") return Task::MultiLabel;
    if (p == "regression") return Task::Regression;
    return Task::Classification;
}

std::vector<std::string> metricNames(Task task) {
    switch (task) {
        case Task::Classification:
            return {"accuracy",     "macro_f1", "micro_f1", "weighted_f1", "macro_precision",
                    "macro_recall", "mcc",      "roc_auc",  "pr_auc",      "loss"};
        case Task::MultiLabel:
            return {"micro_f1", "macro_f1", "subset_accuracy", "hamming_loss", "loss"};
        case Task::TokenClassification:
            return {"f1", "precision", "recall", "loss"};
        case Task::Regression:
            return {"mse", "pearson", "spearman", "loss"};
        case Task::MaskedLM:
            return {"perplexity", "mlm_accuracy", "loss"};
    }
    return {};
}

bool reportsMetric(Task task, const std::string& metric) {
    const auto names = metricNames(task);
    if (std::find(names.begin(), names.end(), metric) != names.end()) return true;
    return (task == Task::Classification || task == Task::TokenClassification) &&
           metric.rfind("f1_", 0) == 0;
}

std::vector<double> classWeights(const Dataset& train, const std::string& spec) {
    std::vector<double> w;
    if (spec == "balanced") {
        std::vector<double> counts(train.labels.size(), 0);
        for (const auto& e : train.examples) {
            if (e.label >= 0) counts[e.label]++;
            for (int t : e.tags) counts[t]++;
        }
        const double total = std::accumulate(counts.begin(), counts.end(), 0.0);
        for (double c : counts) w.push_back(c > 0 ? total / (counts.size() * c) : 0.0);
        return w;
    }
    for (const QString& v : QString::fromStdString(spec).split(','))
        w.push_back(v.trimmed().toDouble());
    if (w.size() != train.labels.size())
        throw Error("class weights: " + std::to_string(w.size()) + " given for " +
                    std::to_string(train.labels.size()) + " labels");
    return w;
}

at::Tensor taskLoss(const at::Tensor& logitsIn, const at::Tensor& labels, Task task,
                    const at::Tensor& classWeights, double smoothing) {
    const at::Tensor logits = logitsIn.to(at::kFloat);
    switch (task) {
        case Task::Classification:
            return at::cross_entropy_loss(logits.reshape({-1, logits.size(-1)}),
                                          labels.reshape({-1}), classWeights, at::Reduction::Mean,
                                          kIgnoreIndex, smoothing);
        case Task::MultiLabel:
            return at::binary_cross_entropy_with_logits(logits, labels.to(at::kFloat));
        case Task::Regression:
            // One output: transformers squeezes both sides; several: element-wise.
            return logits.size(-1) == 1
                       ? at::mse_loss(logits.squeeze(-1), labels.to(at::kFloat).reshape({-1}))
                       : at::mse_loss(logits, labels.to(at::kFloat));
        case Task::TokenClassification:
        case Task::MaskedLM:
            return at::cross_entropy_loss(logits.reshape({-1, logits.size(-1)}),
                                          labels.reshape({-1}), classWeights, at::Reduction::Mean,
                                          kIgnoreIndex, smoothing);
    }
    return {};
}

ModelOutputs forward(EncoderModel& model, const ModelInputs& in, bool bf16) {
    return forward(model, in, bf16, ForwardOptions{});
}

ModelOutputs forward(EncoderModel& model, const ModelInputs& in, bool bf16,
                     const ForwardOptions& options) {
    at::autocast::set_cpu_enabled(bf16);
    at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
    ModelOutputs out;
    try {
        out = model.forward(in, options);
    } catch (...) {
        at::autocast::set_cpu_enabled(false);
        at::autocast::clear_cache();
        throw;
    }
    at::autocast::set_cpu_enabled(false);
    at::autocast::clear_cache();
    return out;
}

}  // namespace distilbench::Objective
