#include "core/evaluation/Calibration.h"
#include <QJsonObject>
#include <filesystem>
#include "core/models/ModelConfig.h"
#include "core/runtime/Error.h"
#include "core/util/JsonFile.h"

#include <algorithm>
#include <cmath>

namespace distilbench {

namespace {

constexpr double kFloor = 1e-12;  // log(0) guard for probabilities that underflowed

struct Scores {
    double ece = 0, mce = 0, brier = 0, nll = 0;
    std::vector<CalibrationBin> bins;
};

Scores score(const std::vector<std::vector<float>>& p, const std::vector<int>& truth, int bins) {
    CalibrationAccumulator sums(bins);
    for (std::size_t i = 0; i < p.size() && i < truth.size(); ++i)
        sums.add(p[i].data(), p[i].size(), truth[i]);
    const CalibrationReport r = sums.report();
    return {r.expectedCalibrationError, r.maximumCalibrationError, r.brierScore,
            r.negativeLogLikelihood, r.bins};
}

}  // namespace

CalibrationAccumulator::CalibrationAccumulator(int bins)
    : bins_(static_cast<std::size_t>(std::max(1, bins))), correct_(bins_.size(), 0.0) {
    const int k = static_cast<int>(bins_.size());
    for (int b = 0; b < k; ++b) {
        bins_[b].lower = double(b) / k;
        bins_[b].upper = double(b + 1) / k;
    }
}

void CalibrationAccumulator::add(const float* row, std::size_t classes, int y) {
    if (classes == 0 || y < 0 || y >= static_cast<int>(classes)) return;
    const int k = static_cast<int>(bins_.size());
    const auto best = std::max_element(row, row + classes) - row;
    const double confidence = row[best];
    const int b = std::clamp(static_cast<int>(confidence * k), 0, k - 1);
    bins_[b].count += 1;
    bins_[b].confidence += confidence;
    correct_[b] += best == y ? 1.0 : 0.0;
    for (std::size_t c = 0; c < classes; ++c) {
        const double target = static_cast<int>(c) == y ? 1.0 : 0.0;
        brier_ += (row[c] - target) * (row[c] - target);
    }
    nll_ -= std::log(std::max<double>(row[y], kFloor));
    ++n_;
}

CalibrationReport CalibrationAccumulator::report() const {
    CalibrationReport r;
    r.bins = bins_;
    if (n_ == 0) return r;
    for (std::size_t b = 0; b < r.bins.size(); ++b) {
        auto& bin = r.bins[b];
        if (bin.count == 0) continue;
        bin.confidence /= bin.count;
        bin.accuracy = correct_[b] / bin.count;
        const double gap = std::abs(bin.accuracy - bin.confidence);
        r.expectedCalibrationError += gap * bin.count / double(n_);
        r.maximumCalibrationError = std::max(r.maximumCalibrationError, gap);
    }
    r.brierScore = brier_ / double(n_);
    r.negativeLogLikelihood = nll_ / double(n_);
    r.expectedCalibrationErrorScaled = r.expectedCalibrationError;
    r.negativeLogLikelihoodScaled = r.negativeLogLikelihood;
    return r;
}

std::vector<std::vector<float>> applyTemperature(const std::vector<std::vector<float>>& p,
                                                 double t) {
    std::vector<std::vector<float>> out(p.size());
    for (std::size_t i = 0; i < p.size(); ++i) {
        // softmax(log p / t), shifted by the largest term for stability
        double top = -1e300;
        std::vector<double> logits(p[i].size());
        for (std::size_t k = 0; k < p[i].size(); ++k) {
            logits[k] = std::log(std::max<double>(p[i][k], kFloor)) / t;
            top = std::max(top, logits[k]);
        }
        double sum = 0;
        for (double& v : logits) sum += (v = std::exp(v - top));
        out[i].resize(p[i].size());
        for (std::size_t k = 0; k < p[i].size(); ++k)
            out[i][k] = static_cast<float>(logits[k] / sum);
    }
    return out;
}

CalibrationReport calibrationReport(const std::vector<std::vector<float>>& probabilities,
                                    const std::vector<int>& truth, int bins) {
    bins = std::max(1, bins);
    const Scores before = score(probabilities, truth, bins);
    CalibrationReport r;
    r.bins = before.bins;
    r.expectedCalibrationError = before.ece;
    r.maximumCalibrationError = before.mce;
    r.brierScore = before.brier;
    r.negativeLogLikelihood = before.nll;
    // Temperature: the negative log-likelihood is unimodal in log T; golden-section search over
    // T in [0.05, 20].
    auto nll = [&](double logT) {
        return score(applyTemperature(probabilities, std::exp(logT)), truth, bins).nll;
    };
    double a = std::log(0.05), b = std::log(20.0);
    const double ratio = (std::sqrt(5.0) - 1) / 2;
    double c = b - ratio * (b - a), d = a + ratio * (b - a);
    double fc = nll(c), fd = nll(d);
    for (int i = 0; i < 60 && b - a > 1e-4; ++i) {
        if (fc < fd) {
            b = d, d = c, fd = fc;
            c = b - ratio * (b - a), fc = nll(c);
        } else {
            a = c, c = d, fc = fd;
            d = a + ratio * (b - a), fd = nll(d);
        }
    }
    r.temperature = std::exp((a + b) / 2);
    const Scores after = score(applyTemperature(probabilities, r.temperature), truth, bins);
    r.expectedCalibrationErrorScaled = after.ece;
    r.negativeLogLikelihoodScaled = after.nll;
    return r;
}

void saveTemperature(const std::string& modelFolder, double temperature) {
    namespace fs = std::filesystem;
    const fs::path config = fs::path(modelFolder) / "config.json";
    if (!(temperature > 0) || !std::isfinite(temperature))
        throw Error(config.string(), "a temperature must be a positive number");
    std::error_code ec;
    if (fs::is_symlink(config, ec))
        throw Error(config.string(),
                    "is a link into a shared cache: export the model to a folder of its own "
                    "before storing a temperature in it");
    QJsonObject o = readJsonObject(config.string());
    // Checked as the loader will read it (family, sizes): a config we cannot load is not ours
    // to change.
    ModelConfig::fromJson(o, config.string());
    if (std::abs(temperature - 1.0) < 1e-12)
        o.remove(ModelConfig::kTemperatureKey);
    else
        o[ModelConfig::kTemperatureKey] = temperature;
    writeJsonAtomically(config.string(), o);
}

}  // namespace distilbench
