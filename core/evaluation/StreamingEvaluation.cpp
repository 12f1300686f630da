#include "core/evaluation/StreamingEvaluation.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <numeric>
#include <optional>

#include "core/data/DatasetStream.h"
#include "core/inference/Pipeline.h"
#include "core/models/EncoderModel.h"
#include "core/runtime/Error.h"
#include "core/tokenizers/Tokenizer.h"
#include "core/training/Objective.h"
#include "core/util/AtomicFile.h"

namespace distilbench {

namespace {

// Positive and negative counts per bin of a binary classifier's score margin (logit of the
// second label minus the first's, over the temperature: the order of its probability). A bin
// is the top 20 bits of the float's order-preserving key: every bin spans 2^-11 of its
// magnitude, so confident and unsure examples are told apart alike; 8 MB whatever the data.
class BinnedScores {
public:
    BinnedScores()
        : positive_(StreamingEvaluationReport::kScoreBins, 0),
          negative_(StreamingEvaluationReport::kScoreBins, 0) {}

    void add(float score, bool positive) {
        std::uint32_t u;
        std::memcpy(&u, &score, sizeof u);
        u = (u & 0x80000000u) ? ~u : (u | 0x80000000u);
        (positive ? positive_ : negative_)[u >> 12]++;
    }

    // The area under the ROC curve with the examples of a bin tied; `maxError` bounds its
    // distance from the exact area (a pair sharing a bin counts half, exactly it counts 0 or 1).
    double rocAuc(double* maxError) const {
        double p = 0, n = 0;
        for (std::size_t b = 0; b < positive_.size(); ++b) {
            p += positive_[b];
            n += negative_[b];
        }
        *maxError = 0;
        if (p == 0 || n == 0) return -1;
        double above = 0, area = 0, shared = 0;
        for (std::size_t b = positive_.size(); b-- > 0;) {
            area += negative_[b] * (above + positive_[b] / 2.0);
            shared += double(positive_[b]) * double(negative_[b]);
            above += positive_[b];
        }
        *maxError = shared / 2.0 / (p * n);
        return area / (p * n);
    }

    // Average precision with the examples of a bin as one threshold (scikit-learn's treatment
    // of tied scores).
    double averagePrecision() const {
        double p = 0;
        for (auto v : positive_) p += v;
        if (p == 0) return -1;
        double tp = 0, fp = 0, ap = 0, lastRecall = 0;
        for (std::size_t b = positive_.size(); b-- > 0;) {
            if (positive_[b] == 0 && negative_[b] == 0) continue;
            tp += positive_[b];
            fp += negative_[b];
            const double recall = tp / p;
            ap += (recall - lastRecall) * (tp / (tp + fp));
            lastRecall = recall;
        }
        return ap;
    }

private:
    std::vector<std::uint32_t> positive_, negative_;
};

std::string csvField(const std::string& f) {
    if (f.find_first_of(",\"\n\r") == std::string::npos) return f;
    std::string out = "\"";
    for (char c : f) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

std::string number(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.7g", v);
    return buffer;
}

std::string joinedWith(const std::vector<std::string>& v, char separator) {
    std::string s;
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? std::string(1, separator) : "") + v[i];
    return s;
}

std::string predictionsHeader(Task task, const std::vector<std::string>& labels) {
    std::string h;
    switch (task) {
        case Task::Classification:
            h = "row,text,label,predicted,confidence";
            for (const auto& l : labels) h += "," + csvField("p_" + l);
            break;
        case Task::MultiLabel:
            h = "row,text,labels,predicted";
            for (const auto& l : labels) h += "," + csvField("p_" + l);
            break;
        case Task::Regression:
            h = "row,text,target,prediction";
            break;
        default:
            h = "row,tokens,tags,predicted";
    }
    return h + "\n";
}

}  // namespace

StreamingEvaluationReport evaluateStream(const Pipeline& pipeline, const std::string& path,
                                         const StreamingEvaluationOptions& o,
                                         const JobCallbacks& cb) {
    if (!pipeline.tokenizer()) throw Error("evaluation needs the model's tokenizer");
    if (o.batchSize < 1) throw Error("batch size must be at least 1");
    if (o.chunkRows < 1 || o.chunkRows > StreamingEvaluationOptions::kMaxChunkRows)
        throw Error("chunk size must be 1.." +
                    std::to_string(StreamingEvaluationOptions::kMaxChunkRows) + " rows");
    Model& model = *pipeline.model();
    const ModelConfig& c = model.config();
    const Task task = Objective::taskOf(c);
    if (task == Task::MaskedLM)
        throw Error(path,
                    "a masked-LM model's perplexity is measured on data in memory, not streamed");
    DatasetStream stream(path, evaluationStreamOptions(c, o.columns, o.labelMap));
    StreamingEvaluationReport report;
    report.task = task;
    report.labels = stream.labels();
    const std::vector<std::string>& labels = report.labels;
    const std::size_t k = labels.size();
    const bool binary = task == Task::Classification && k == 2;

    std::optional<AtomicFile> predictions;
    if (!o.predictionsPath.empty()) {
        std::error_code ec;
        if (std::filesystem::exists(o.predictionsPath, ec))
            throw Error(o.predictionsPath, "already exists; name a new file for the predictions");
        predictions.emplace(o.predictionsPath);
        predictions->write(predictionsHeader(task, labels));
    }

    std::vector<std::vector<long long>> confusion(k, std::vector<long long>(k, 0));
    CalibrationAccumulator calibration;
    std::optional<BinnedScores> scores;
    if (binary) scores.emplace();
    MultiLabelCounts multi(k);
    EntityCounts entities;
    RegressionSums regression;
    double lossSum = 0, lossWeight = 0;

    const int maxLength = std::min(o.maxLength, c.maxPositions);
    const std::int64_t padId = pipeline.tokenizer()->specialTokens().padId;
    std::lock_guard lock(model.mutex());
    EncoderModel& encoder = model.encoder();
    const bool wasTraining = encoder.isTraining();
    encoder.setTraining(false);
    struct RestoreMode {
        EncoderModel& m;
        bool training;
        ~RestoreMode() { m.setTraining(training); }
    } restore{encoder, wasTraining};
    at::NoGradGuard noGrad;
    EtaEstimator eta;
    eta.start();
    std::vector<Example> chunk;
    std::size_t rowBase = 0;
    while (stream.next(chunk, o.chunkRows)) {
        Dataset d;
        d.task = task;
        d.labels = labels;
        d.examples = std::move(chunk);
        const std::vector<EncodedExample> encoded =
            encodeDataset(d, *pipeline.tokenizer(), maxLength);
        std::vector<std::size_t> order(encoded.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) {
            return encoded[a].ids.size() < encoded[b].ids.size();
        });
        // What each example got, in the chunk's file order, for the predictions file.
        std::vector<std::vector<float>> probabilities(encoded.size());
        std::vector<int> predicted(encoded.size(), 0);
        std::vector<std::vector<int>> predictedLabels(predictions ? encoded.size() : 0);
        std::vector<std::vector<std::string>> tagTruth(predictions ? encoded.size() : 0),
            tagPredicted(predictions ? encoded.size() : 0);
        for (std::size_t s = 0; s < order.size(); s += static_cast<std::size_t>(o.batchSize)) {
            cb.checkAbort();
            const std::vector<std::size_t> idx(
                order.begin() + s,
                order.begin() + std::min(order.size(), s + static_cast<std::size_t>(o.batchSize)));
            const Batch b = collateBatch(encoded, idx, task, padId, encoder.device());
            const ModelInputs in = modelInputs(b);
            ForwardOptions fo;
            fo.firstTokenOnly = true;  // only the logits are read
            const at::Tensor logits = encoder.forward(in, fo).logits.to(at::kFloat);
            ScoredBatch scored =
                scoreLogits(logits, b.labels, encoded, idx, task, labels, c.temperature);
            lossSum += scored.lossSum;
            lossWeight += scored.lossWeight;
            at::Tensor margins;
            if (binary)
                margins = ((logits.select(1, 1) - logits.select(1, 0)) / c.temperature)
                              .to(at::kCPU)
                              .contiguous();
            for (std::size_t r = 0; r < idx.size(); ++r) {
                const std::size_t i = idx[r];
                const EncodedExample& e = encoded[i];
                std::vector<float>& p = probabilities[i];
                p = std::move(scored.probabilities[r]);
                switch (task) {
                    case Task::Classification: {
                        // Binary predictions follow the threshold as applyDecisionThreshold's.
                        const int best = binary && o.threshold != EvaluationDefaults::kThreshold
                                             ? (p[1] >= o.threshold ? 1 : 0)
                                             : argmaxOf(p);
                        predicted[i] = best;
                        confusion[static_cast<std::size_t>(e.label)]
                                 [static_cast<std::size_t>(best)]++;
                        calibration.add(p.data(), p.size(), e.label);
                        if (binary) scores->add(margins.data_ptr<float>()[r], e.label == 1);
                        break;
                    }
                    case Task::MultiLabel: {
                        std::vector<int> truth(k), guess(k);
                        for (std::size_t l = 0; l < k; ++l) {
                            truth[l] = e.multi[l] > 0.5f;
                            guess[l] = p[l] >= o.threshold;
                        }
                        multi.add(truth, guess);
                        if (predictions) predictedLabels[i] = std::move(guess);
                        break;
                    }
                    case Task::Regression:
                        regression.add(e.target, p[0]);
                        break;
                    default:
                        entities.add(scored.tagTruth[r], scored.tagPredicted[r]);
                        if (predictions) {
                            tagTruth[i] = std::move(scored.tagTruth[r]);
                            tagPredicted[i] = std::move(scored.tagPredicted[r]);
                        }
                }
            }
        }
        if (predictions) {
            std::string out;
            for (std::size_t i = 0; i < encoded.size(); ++i) {
                const Example& ex = d.examples[i];
                out += std::to_string(rowBase + i + 1) + ",";
                const std::vector<float>& p = probabilities[i];
                switch (task) {
                    case Task::Classification:
                        out += csvField(ex.text) + "," + csvField(labels[ex.label]) + "," +
                               csvField(labels[predicted[i]]) + "," + number(p[predicted[i]]);
                        for (float v : p) out += "," + number(v);
                        break;
                    case Task::MultiLabel: {
                        std::vector<std::string> truth, guess;
                        for (std::size_t l = 0; l < k; ++l) {
                            if (ex.labels[l]) truth.push_back(labels[l]);
                            if (predictedLabels[i][l]) guess.push_back(labels[l]);
                        }
                        out += csvField(ex.text) + "," + csvField(joinedWith(truth, ';')) + "," +
                               csvField(joinedWith(guess, ';'));
                        for (float v : p) out += "," + number(v);
                        break;
                    }
                    case Task::Regression:
                        out += csvField(ex.text) + "," + number(ex.target) + "," + number(p[0]);
                        break;
                    default:
                        out += csvField(joinedWith(ex.words, ' ')) + "," +
                               csvField(joinedWith(tagTruth[i], ' ')) + "," +
                               csvField(joinedWith(tagPredicted[i], ' '));
                }
                out += "\n";
            }
            predictions->write(out);
        }
        rowBase += encoded.size();
        const double fraction = stream.fraction();
        cb.report(fraction, std::to_string(rowBase) + " examples", eta.update(fraction));
    }
    report.examples = rowBase;
    report.loss = lossWeight > 0 ? lossSum / lossWeight : 0;
    switch (task) {
        case Task::Classification:
            report.classification = classificationMetrics(confusion, labels);
            report.calibration = calibration.report();
            if (binary) {
                report.classification.rocAuc = scores->rocAuc(&report.rocAucMaxError);
                report.classification.prAuc = scores->averagePrecision();
                if (report.classification.rocAuc >= 0)
                    report.notes.push_back(
                        "roc_auc and pr_auc come from " +
                        std::to_string(StreamingEvaluationReport::kScoreBins) +
                        " bins of the score (examples in a bin count as tied): " +
                        (report.rocAucMaxError == 0
                             ? std::string("no two examples of different labels share a bin, so "
                                           "roc_auc is exact")
                             : "roc_auc is within " + number(report.rocAucMaxError) +
                                   " of the exact value"));
            }
            report.notes.push_back(
                "the calibration temperature is not fitted: it needs every example at once "
                "(distilbench-cli calibrate fits it on data in memory)");
            report.metrics = toMap(report.classification);
            break;
        case Task::MultiLabel:
            report.multiLabel = multi.metrics(labels);
            report.metrics = toMap(report.multiLabel);
            break;
        case Task::Regression:
            report.regression = regression.metrics();
            report.metrics = toMap(report.regression);
            report.notes.push_back(
                "spearman is not computed: ranking needs every prediction at once");
            break;
        default:
            report.entities = entities.metrics();
            report.metrics = toMap(report.entities);
    }
    report.metrics["loss"] = report.loss;
    report.warnings = stream.warnings();
    if (predictions) predictions->commit();
    return report;
}

}  // namespace distilbench
