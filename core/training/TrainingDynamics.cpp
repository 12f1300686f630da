#include "core/training/TrainingDynamics.h"

#include <ATen/ATen.h>

#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/runtime/Error.h"
#include "core/util/JsonFile.h"

namespace distilbench {

void TrainingDynamics::reset(std::vector<std::string> texts, std::vector<std::string> pairs,
                             std::vector<int> gold, std::vector<std::string> labels,
                             std::vector<std::string> dataLabels) {
    texts_ = std::move(texts);
    pairs_ = std::move(pairs);
    pairs_.resize(texts_.size());
    gold_ = std::move(gold);
    labels_ = std::move(labels);
    dataLabels_ = std::move(dataLabels);
    if (dataLabels_.size() != labels_.size()) dataLabels_ = labels_;
    probabilities_.clear();
    correct_.clear();
}

void TrainingDynamics::record(int epoch, const std::vector<std::size_t>& indices,
                              const at::Tensor& logits, const at::Tensor& labels) {
    const bool tokens = logits.dim() == 3;
    if (texts_.empty() || epoch < 0 || (!tokens && logits.dim() != 2) ||
        (tokens && (!labels.defined() || labels.sizes() != logits.sizes().slice(0, 2))) ||
        logits.size(0) != static_cast<std::int64_t>(indices.size()))
        return;
    while (static_cast<int>(probabilities_.size()) <= epoch) {
        probabilities_.emplace_back(texts_.size(), std::numeric_limits<float>::quiet_NaN());
        correct_.emplace_back(texts_.size(), std::uint8_t(2));
    }
    // Detached and on the CPU: a softmax and a gather, nothing the step waits on long.
    const at::Tensor p = at::softmax(logits.detach().to(at::kFloat), -1);
    std::vector<float> gold(indices.size(), std::numeric_limits<float>::quiet_NaN());
    std::vector<std::uint8_t> right(indices.size(), 2);
    if (tokens) {
        const at::Tensor l = labels.detach().to(p.device());
        const at::Tensor mask = l.ne(-100);
        const at::Tensor g =
            p.gather(2, l.clamp_min(0).unsqueeze(-1)).squeeze(-1) * mask.to(at::kFloat);
        const at::Tensor count = mask.sum(1);
        const at::Tensor mean = (g.sum(1) / count.clamp_min(1).to(at::kFloat)).to(at::kCPU);
        const at::Tensor ok =
            (p.argmax(-1).eq(l.clamp_min(0)) | mask.logical_not()).all(1).to(at::kCPU);
        const at::Tensor seen = count.gt(0).to(at::kCPU);
        for (std::size_t r = 0; r < indices.size(); ++r) {
            const auto k = static_cast<std::int64_t>(r);
            if (!seen[k].item<bool>()) continue;
            gold[r] = mean[k].item<float>();
            right[r] = ok[k].item<bool>() ? 1 : 0;
        }
    } else {
        const at::Tensor cpu = p.to(at::kCPU).contiguous();
        const at::Tensor best = cpu.argmax(-1);
        const float* values = cpu.data_ptr<float>();
        const std::int64_t* argmax = best.data_ptr<std::int64_t>();
        const std::int64_t classes = cpu.size(1);
        for (std::size_t r = 0; r < indices.size(); ++r) {
            const std::size_t i = indices[r];
            if (i >= texts_.size()) continue;
            const int g = gold_[i];
            if (g < 0 || g >= classes) continue;
            gold[r] = values[static_cast<std::int64_t>(r) * classes + g];
            right[r] = argmax[r] == g ? 1 : 0;
        }
    }
    for (std::size_t r = 0; r < indices.size(); ++r) {
        const std::size_t i = indices[r];
        if (i >= texts_.size() || right[r] == 2) continue;
        probabilities_[static_cast<std::size_t>(epoch)][i] = gold[r];
        correct_[static_cast<std::size_t>(epoch)][i] = right[r];
    }
}

void TrainingDynamics::record(int epoch, const std::vector<std::size_t>& indices,
                              const at::Tensor& logits) {
    record(epoch, indices, logits, at::Tensor());
}

void TrainingDynamics::save(const std::string& path) const {
    QJsonArray texts, pairs, gold, labels, dataLabels, epochs;
    for (const auto& t : texts_) texts.append(QString::fromStdString(t));
    const bool anyPair =
        std::any_of(pairs_.begin(), pairs_.end(), [](const std::string& p) { return !p.empty(); });
    if (anyPair)
        for (const auto& p : pairs_) pairs.append(QString::fromStdString(p));
    for (const auto& l : dataLabels_) dataLabels.append(QString::fromStdString(l));
    for (int g : gold_) gold.append(g);
    for (const auto& l : labels_) labels.append(QString::fromStdString(l));
    for (std::size_t e = 0; e < probabilities_.size(); ++e) {
        QJsonArray p, c;
        for (std::size_t i = 0; i < texts_.size(); ++i) {
            const float v = probabilities_[e][i];
            // Unseen examples are null (JSON has no NaN); 5 digits are plenty for a plot.
            p.append(std::isnan(v) ? QJsonValue() : QJsonValue(std::round(v * 1e5) / 1e5));
            c.append(correct_[e][i] == 2 ? QJsonValue() : QJsonValue(correct_[e][i] == 1));
        }
        epochs.append(QJsonObject{{"gold_probability", p}, {"correct", c}});
    }
    writeJsonAtomically(path, QJsonObject{{"format", "distilbench-training-dynamics"},
                                          {"version", 1},
                                          {"labels", labels},
                                          {"data_labels", dataLabels},
                                          {"texts", texts},
                                          {"pairs", pairs},
                                          {"gold", gold},
                                          {"epochs", epochs}});
}

TrainingDynamics TrainingDynamics::load(const std::string& path) {
    const QJsonObject o = readJsonObject(path);
    if (o.value("format").toString() != "distilbench-training-dynamics")
        throw Error(path, "is not a DistilBench training-dynamics file");
    TrainingDynamics d;
    for (const auto& v : o.value("labels").toArray())
        d.labels_.push_back(v.toString().toStdString());
    for (const auto& v : o.value("data_labels").toArray())
        d.dataLabels_.push_back(v.toString().toStdString());
    if (d.dataLabels_.size() != d.labels_.size()) d.dataLabels_ = d.labels_;
    for (const auto& v : o.value("texts").toArray()) d.texts_.push_back(v.toString().toStdString());
    for (const auto& v : o.value("pairs").toArray()) d.pairs_.push_back(v.toString().toStdString());
    if (!d.pairs_.empty() && d.pairs_.size() != d.texts_.size())
        throw Error(path, "has " + std::to_string(d.pairs_.size()) + " pairs for " +
                              std::to_string(d.texts_.size()) + " texts");
    d.pairs_.resize(d.texts_.size());
    for (const auto& v : o.value("gold").toArray()) {
        const int g = v.toInt(-1);
        if (g < -1 || g >= static_cast<int>(d.labels_.size()))
            throw Error(path, "has a gold label outside its label list");
        d.gold_.push_back(g);
    }
    if (d.gold_.size() != d.texts_.size())
        throw Error(path, "has " + std::to_string(d.texts_.size()) + " texts but " +
                              std::to_string(d.gold_.size()) + " gold labels");
    for (const auto& e : o.value("epochs").toArray()) {
        const QJsonArray p = e.toObject().value("gold_probability").toArray();
        const QJsonArray c = e.toObject().value("correct").toArray();
        if (static_cast<std::size_t>(p.size()) != d.texts_.size() ||
            static_cast<std::size_t>(c.size()) != d.texts_.size())
            throw Error(path, "has an epoch whose size is not the number of examples");
        std::vector<float> probs;
        std::vector<std::uint8_t> correct;
        for (int i = 0; i < p.size(); ++i) {
            const double v = p[i].isDouble() ? p[i].toDouble() : std::nan("");
            if (!std::isnan(v) && (v < 0 || v > 1))
                throw Error(path, "has a probability outside [0, 1]");
            probs.push_back(static_cast<float>(v));
            correct.push_back(c[i].isBool() ? (c[i].toBool() ? 1 : 0) : 2);
        }
        d.probabilities_.push_back(std::move(probs));
        d.correct_.push_back(std::move(correct));
    }
    return d;
}

}  // namespace distilbench
