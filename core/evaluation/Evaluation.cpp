#include "core/evaluation/Evaluation.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <numeric>

#include "core/distillation/TokenMasker.h"
#include "core/inference/Pipeline.h"
#include "core/models/EncoderModel.h"
#include "core/runtime/Error.h"
#include "core/tokenizers/Tokenizer.h"
#include "core/training/Objective.h"
#include "core/training/RunDatasets.h"

namespace distilbench {

namespace {
constexpr std::uint64_t kEvaluationMaskSeed = 20191002;
}  // namespace

int argmaxOf(const std::vector<float>& row) {
    return static_cast<int>(std::max_element(row.begin(), row.end()) - row.begin());
}

ScoredBatch scoreLogits(const at::Tensor& logits, const at::Tensor& labels,
                        const std::vector<EncodedExample>& data,
                        const std::vector<std::size_t>& rows, Task task,
                        const std::vector<std::string>& labelNames, double temperature) {
    ScoredBatch s;
    // The task's mean loss, weighted by what it averages over, so that summing batches gives
    // the mean over the data whatever the batch sizes (as the HF Trainer's eval_loss).
    const double weight = task == Task::TokenClassification
                              ? labels.ne(Objective::kIgnoreIndex).sum().item<double>()
                              : static_cast<double>(rows.size());
    if (weight > 0) {
        s.lossSum = Objective::taskLoss(logits, labels, task).item<double>() * weight;
        s.lossWeight = weight;
    }
    at::Tensor cpu = logits.to(at::kCPU).to(at::kFloat).contiguous();
    if (task == Task::Classification)  // the model's calibration temperature, as the Playground
        cpu = at::softmax(cpu / temperature, -1).contiguous();
    else if (task == Task::MultiLabel)
        cpu = at::sigmoid(cpu).contiguous();
    s.probabilities.resize(rows.size());
    if (task == Task::TokenClassification) {
        s.tagTruth.resize(rows.size());
        s.tagPredicted.resize(rows.size());
        const at::Tensor predicted = cpu.argmax(-1).to(at::kLong).contiguous();
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const EncodedExample& e = data[rows[r]];
            const std::int64_t* p =
                predicted[static_cast<std::int64_t>(r)].data_ptr<std::int64_t>();
            for (std::size_t t = 0; t < e.tokenLabels.size(); ++t) {
                if (e.tokenLabels[t] == Objective::kIgnoreIndex) continue;
                s.tagTruth[r].push_back(labelNames[e.tokenLabels[t]]);
                s.tagPredicted[r].push_back(labelNames[p[t]]);
            }
        }
        return s;
    }
    const std::int64_t width = cpu.size(-1);
    const float* base = cpu.data_ptr<float>();
    for (std::size_t r = 0; r < rows.size(); ++r)
        s.probabilities[r].assign(base + r * width, base + (r + 1) * width);
    return s;
}

EvaluationReport evaluateEncoded(EncoderModel& model, const std::vector<EncodedExample>& data,
                                 const Dataset& d, int batchSize, std::int64_t padId,
                                 double threshold, const JobCallbacks& cb,
                                 const TokenMasker* masker) {
    EvaluationReport r;
    r.task = d.task;
    r.threshold = threshold;
    r.labels = d.labels;
    const bool wasTraining = model.isTraining();
    model.setTraining(false);
    at::NoGradGuard noGrad;
    std::vector<std::vector<std::string>> tagTruth, tagPred;
    std::vector<double> regTruth, regPred, positive;
    std::vector<std::vector<int>> mlTruth, mlPred;
    double lossSum = 0, lossWeight = 0;
    double mlmLossSum = 0, mlmCorrect = 0, mlmCount = 0;
    auto maskGenerator = at::detail::createCPUGenerator(kEvaluationMaskSeed);
    if (d.task == Task::MaskedLM && !masker) throw Error("masked-LM evaluation needs a masker");
    // Sorting by length makes padding (and time) small; results go back in the original order.
    std::vector<std::size_t> order(data.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](auto a, auto b) { return data[a].ids.size() < data[b].ids.size(); });
    r.truth.assign(data.size(), 0);
    r.predicted.assign(data.size(), 0);
    r.probabilities.assign(data.size(), {});
    if (d.task == Task::TokenClassification) {
        tagTruth.resize(data.size());
        tagPred.resize(data.size());
    }
    if (d.task == Task::MultiLabel) {
        mlTruth.resize(data.size());
        mlPred.resize(data.size());
    }
    if (d.task == Task::Regression) {
        regTruth.resize(data.size());
        regPred.resize(data.size());
    }
    for (std::size_t start = 0; start < order.size(); start += batchSize) {
        cb.checkAbort();
        std::vector<std::size_t> idx(order.begin() + start,
                                     order.begin() + std::min(order.size(), start + batchSize));
        Batch b = collateBatch(data, idx, d.task, padId, model.device());
        if (d.task == Task::MaskedLM) {
            MaskedBatch m = masker->mask(b.ids, b.mask, maskGenerator);
            b.ids = m.inputIds;
            b.labels = m.labels;
        }
        const ModelInputs in = modelInputs(b);
        ForwardOptions options;
        options.firstTokenOnly = true;  // only the logits are read
        const at::Tensor logits = model.forward(in, options).logits.to(at::kFloat);
        if (d.task == Task::MaskedLM) {
            const at::Tensor labels = b.labels.reshape({-1});
            const at::Tensor chosen = labels.ne(Objective::kIgnoreIndex);
            const at::Tensor rows = logits.reshape({-1, logits.size(-1)}).index({chosen});
            const at::Tensor truth = labels.index({chosen});
            mlmLossSum +=
                at::cross_entropy_loss(rows, truth, {}, at::Reduction::Sum).item<double>();
            mlmCorrect += rows.argmax(-1).eq(truth).sum().item<double>();
            mlmCount += static_cast<double>(truth.numel());
            cb.report(double(start + idx.size()) / order.size(), "evaluating");
            continue;
        }
        ScoredBatch scored =
            scoreLogits(logits, b.labels, data, idx, d.task, d.labels, model.config().temperature);
        lossSum += scored.lossSum;
        lossWeight += scored.lossWeight;
        for (std::size_t r0 = 0; r0 < idx.size(); ++r0) {
            const std::size_t i = idx[r0];
            const EncodedExample& e = data[i];
            if (d.task == Task::Classification) {
                r.probabilities[i] = std::move(scored.probabilities[r0]);
                r.truth[i] = e.label;
                r.predicted[i] = argmaxOf(r.probabilities[i]);
            } else if (d.task == Task::MultiLabel) {
                r.probabilities[i] = std::move(scored.probabilities[r0]);
                for (std::size_t c = 0; c < e.multi.size(); ++c) {
                    mlTruth[i].push_back(e.multi[c] > 0.5f);
                    mlPred[i].push_back(r.probabilities[i][c] >= threshold);
                }
            } else if (d.task == Task::Regression) {
                regTruth[i] = e.target;
                regPred[i] = scored.probabilities[r0][0];
            } else {
                tagTruth[i] = std::move(scored.tagTruth[r0]);
                tagPred[i] = std::move(scored.tagPredicted[r0]);
            }
        }
        cb.report(double(start + idx.size()) / order.size(), "evaluating");
    }
    r.loss = lossWeight > 0 ? lossSum / lossWeight : 0;
    switch (d.task) {
        case Task::Classification:
            if (d.labels.size() == 2)
                for (const auto& p : r.probabilities) positive.push_back(p[1]);
            r.classification = classificationMetrics(r.truth, r.predicted, d.labels, positive);
            r.metrics = toMap(r.classification);
            break;
        case Task::MultiLabel:
            r.multiLabel = multiLabelMetrics(mlTruth, mlPred, d.labels);
            r.multiTruth = mlTruth;
            r.metrics = toMap(r.multiLabel);
            break;
        case Task::Regression:
            r.regression = regressionMetrics(regTruth, regPred);
            r.metrics = toMap(r.regression);
            for (std::size_t i = 0; i < regPred.size(); ++i)
                r.probabilities[i] = {static_cast<float>(regPred[i])};
            break;
        case Task::TokenClassification:
            r.entities = entityMetrics(tagTruth, tagPred);
            r.metrics = toMap(r.entities);
            r.tagTruth = std::move(tagTruth);
            r.tagPredicted = std::move(tagPred);
            break;
        case Task::MaskedLM:
            r.loss = mlmCount > 0 ? mlmLossSum / mlmCount : 0;
            r.metrics["perplexity"] = std::exp(r.loss);
            r.metrics["mlm_accuracy"] = mlmCount > 0 ? mlmCorrect / mlmCount : 0;
            r.metrics["masked_tokens"] = mlmCount;
            break;
    }
    r.metrics["loss"] = r.loss;
    for (const auto& e : d.examples) {
        std::string text = e.text;  // token classification: the words joined
        for (const auto& w : e.words) text += (text.empty() ? "" : " ") + w;
        r.texts.push_back(std::move(text));
    }
    model.setTraining(wasTraining);
    return r;
}

void applyDecisionThreshold(EvaluationReport& r, double t) {
    r.threshold = t;
    if (r.task == Task::Classification && r.labels.size() == 2) {
        std::vector<double> scores;
        for (std::size_t i = 0; i < r.probabilities.size(); ++i) {
            r.predicted[i] = r.probabilities[i][1] >= t ? 1 : 0;
            scores.push_back(r.probabilities[i][1]);
        }
        r.classification = classificationMetrics(r.truth, r.predicted, r.labels, scores);
        const double loss = r.metrics["loss"];
        r.metrics = toMap(r.classification);
        r.metrics["loss"] = loss;
    } else if (r.task == Task::MultiLabel) {
        std::vector<std::vector<int>> predicted(r.probabilities.size());
        for (std::size_t i = 0; i < r.probabilities.size(); ++i)
            for (float p : r.probabilities[i]) predicted[i].push_back(p >= t);
        r.multiLabel = multiLabelMetrics(r.multiTruth, predicted, r.labels);
        const double loss = r.metrics["loss"];
        r.metrics = toMap(r.multiLabel);
        r.metrics["loss"] = loss;
    }
}

EvaluationReport evaluateModel(const Pipeline& pipeline, const Dataset& dataset, int batchSize,
                               int maxLength, double threshold, const JobCallbacks& callbacks) {
    if (!pipeline.tokenizer()) throw Error("evaluation needs the model's tokenizer");
    Model& model = *pipeline.model();
    const ModelConfig& c = model.config();
    if (dataset.task != Task::Regression &&
        static_cast<int>(dataset.labels.size()) != c.numLabels())
        throw Error(dataset.source, "has " + std::to_string(dataset.labels.size()) +
                                        " labels but the model predicts " +
                                        std::to_string(c.numLabels()));
    const auto data =
        encodeDataset(dataset, *pipeline.tokenizer(), std::min(maxLength, c.maxPositions));
    std::lock_guard lock(model.mutex());
    Dataset labelled = dataset;
    if (dataset.task != Task::Regression)
        labelled.labels = c.labels;  // report with the model's names
    EvaluationReport report =
        evaluateEncoded(model.encoder(), data, labelled, batchSize,
                        pipeline.tokenizer()->specialTokens().padId, threshold, callbacks);
    // Binary predictions come from the argmax; another threshold decides them again.
    if (report.task == Task::Classification && report.labels.size() == 2 &&
        threshold != EvaluationDefaults::kThreshold)
        applyDecisionThreshold(report, threshold);
    return report;
}

std::vector<MetricDifference> compareMetrics(const EvaluationReport& a, const EvaluationReport& b) {
    std::vector<MetricDifference> out;
    for (const auto& [k, v] : a.metrics) {
        const auto it = b.metrics.find(k);
        out.push_back(
            {k, v, it == b.metrics.end() ? std::nullopt : std::optional<double>(it->second)});
    }
    for (const auto& [k, v] : b.metrics)
        if (!a.metrics.count(k)) out.push_back({k, std::nullopt, v});
    return out;
}

ModelComparison compareModels(const Pipeline& a, const Pipeline& b, const std::string& nameA,
                              const std::string& nameB, const Dataset& dataset, int batchSize,
                              int maxLength, double threshold, const JobCallbacks& callbacks) {
    const Task task = Objective::taskOf(a.model()->config());
    if (Objective::taskOf(b.model()->config()) != task)
        throw Error(nameB,
                    "is a model for another task than " + nameA + ": they cannot be compared");
    auto half = [&callbacks](double from) {
        JobCallbacks c = callbacks;
        if (callbacks.progress)
            c.progress = [callbacks, from](const ProgressReport& p) {
                callbacks.report(from + p.fraction / 2, p.message);
            };
        return c;
    };
    ModelComparison c;
    c.a = evaluateModel(a, dataset, batchSize, maxLength, threshold, half(0.0));
    c.b = evaluateModel(b, dataset, batchSize, maxLength, threshold, half(0.5));
    c.metrics = compareMetrics(c.a, c.b);
    if (task == Task::Classification)
        for (std::size_t i = 0; i < c.a.predicted.size() && i < c.b.predicted.size(); ++i)
            c.disagreements += c.a.predicted[i] != c.b.predicted[i];
    return c;
}

Dataset readEvaluationData(const std::string& path, const ModelConfig& model,
                           const ColumnMapping& columns,
                           const std::map<std::string, std::string>& labelMap) {
    const Task task = Objective::taskOf(model);
    return readDatasetForModel(path, task, columns,
                               task == Task::Regression ? std::vector<std::string>{} : model.labels,
                               labelMap);
}

DatasetStream::Options evaluationStreamOptions(const ModelConfig& model,
                                               const ColumnMapping& columns,
                                               const std::map<std::string, std::string>& labelMap) {
    DatasetStream::Options o;
    o.task = Objective::taskOf(model);
    o.columns = columns;
    if (o.task != Task::Regression) o.modelLabels = model.labels;
    o.labelMap = labelMap;
    return o;
}

RunEvaluationData readRunEvaluationData(const std::string& runDirectory) {
    RunDatasets data = readRunDatasets(runDirectory);
    if (data.validation.examples.empty())
        throw Error(runDirectory,
                    "held out no validation data (validation split 0 and no validation file)");
    return {std::move(data.validation), data.maxLength};
}

}  // namespace distilbench
