#include "core/training/Metrics.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <limits>
#include <numeric>
#include <set>
#include <tuple>

#include "core/runtime/Error.h"

namespace distilbench {

namespace {
double safeDiv(double a, double b) {
    return b == 0 ? 0.0 : a / b;
}
double f1(double p, double r) {
    return safeDiv(2 * p * r, p + r);
}

// Examples sorted by descending score; ties grouped (as scikit-learn does for curves).
std::vector<std::tuple<double, int, int>> thresholds(const std::vector<int>& truth,
                                                     const std::vector<double>& scores) {
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
    std::vector<std::tuple<double, int, int>> out;  // threshold, cumulative tp, cumulative fp
    int tp = 0, fp = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        (truth[order[i]] == 1 ? tp : fp)++;
        if (i + 1 == order.size() || scores[order[i + 1]] != scores[order[i]])
            out.emplace_back(scores[order[i]], tp, fp);
    }
    return out;
}

std::vector<double> ranks(const std::vector<double>& v) {
    std::vector<std::size_t> order(v.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
    std::vector<double> r(v.size());
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]]) ++j;
        const double avg = (i + j) / 2.0 + 1;  // average rank of ties
        for (std::size_t k = i; k <= j; ++k) r[order[k]] = avg;
        i = j + 1;
    }
    return r;
}

double pearson(const std::vector<double>& a, const std::vector<double>& b) {
    const double n = static_cast<double>(a.size());
    if (n < 2) return 0;
    const double ma = std::accumulate(a.begin(), a.end(), 0.0) / n,
                 mb = std::accumulate(b.begin(), b.end(), 0.0) / n;
    double cov = 0, va = 0, vb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        cov += (a[i] - ma) * (b[i] - mb);
        va += (a[i] - ma) * (a[i] - ma);
        vb += (b[i] - mb) * (b[i] - mb);
    }
    return safeDiv(cov, std::sqrt(va * vb));
}
}  // namespace

ClassificationMetrics classificationMetrics(const std::vector<std::vector<long long>>& confusion,
                                            const std::vector<std::string>& labels) {
    const int k = static_cast<int>(labels.size());
    if (static_cast<int>(confusion.size()) != k)
        throw Error("metrics: the confusion matrix does not match the labels");
    ClassificationMetrics m;
    m.confusion.assign(k, std::vector<int>(k, 0));
    double n = 0, correct = 0;
    for (int i = 0; i < k; ++i)
        for (int j = 0; j < k; ++j) {
            m.confusion[i][j] = static_cast<int>(std::min<long long>(confusion[i][j], INT_MAX));
            n += static_cast<double>(confusion[i][j]);
            if (i == j) correct += static_cast<double>(confusion[i][j]);
        }
    m.accuracy = safeDiv(correct, n);
    double tpSum = 0, fpSum = 0, fnSum = 0;
    for (int c = 0; c < k; ++c) {
        double tp = static_cast<double>(confusion[c][c]), fp = 0, fn = 0;
        for (int o = 0; o < k; ++o) {
            if (o == c) continue;
            fp += confusion[o][c];
            fn += confusion[c][o];
        }
        ClassMetrics cm;
        cm.label = labels[c];
        cm.precision = safeDiv(tp, tp + fp);
        cm.recall = safeDiv(tp, tp + fn);
        cm.f1 = f1(cm.precision, cm.recall);
        cm.support = static_cast<int>(std::min<double>(tp + fn, INT_MAX));
        m.macroPrecision += cm.precision / k;
        m.macroRecall += cm.recall / k;
        m.macroF1 += cm.f1 / k;
        m.weightedPrecision += cm.precision * cm.support / std::max(1.0, n);
        m.weightedRecall += cm.recall * cm.support / std::max(1.0, n);
        m.weightedF1 += cm.f1 * cm.support / std::max(1.0, n);
        tpSum += tp;
        fpSum += fp;
        fnSum += fn;
        m.perClass.push_back(cm);
    }
    m.microPrecision = safeDiv(tpSum, tpSum + fpSum);
    m.microRecall = safeDiv(tpSum, tpSum + fnSum);
    m.microF1 = f1(m.microPrecision, m.microRecall);
    // Multi-class Matthews correlation (Gorodkin's R_K), as scikit-learn computes it.
    std::vector<double> t(k, 0), p(k, 0);
    for (int i = 0; i < k; ++i)
        for (int j = 0; j < k; ++j) {
            t[i] += confusion[i][j];
            p[j] += confusion[i][j];
        }
    double cov = correct * n, tt = n * n, pp = n * n;
    for (int c = 0; c < k; ++c) {
        cov -= t[c] * p[c];
        tt -= t[c] * t[c];
        pp -= p[c] * p[c];
    }
    m.mcc = safeDiv(cov, std::sqrt(tt * pp));
    return m;
}

ClassificationMetrics classificationMetrics(const std::vector<int>& truth,
                                            const std::vector<int>& predicted,
                                            const std::vector<std::string>& labels,
                                            const std::vector<double>& scores) {
    if (truth.size() != predicted.size())
        throw Error("metrics: truth and predictions differ in length");
    const int k = static_cast<int>(labels.size());
    std::vector<std::vector<long long>> confusion(k, std::vector<long long>(k, 0));
    for (std::size_t i = 0; i < truth.size(); ++i) {
        if (truth[i] < 0 || truth[i] >= k || predicted[i] < 0 || predicted[i] >= k)
            throw Error("metrics: label id out of range");
        confusion[truth[i]][predicted[i]]++;
    }
    ClassificationMetrics m = classificationMetrics(confusion, labels);
    if (k == 2 && scores.size() == truth.size() && !scores.empty()) {
        m.rocAuc = rocAuc(truth, scores);
        m.prAuc = averagePrecision(truth, scores);
    }
    return m;
}

std::vector<CurvePoint> rocCurve(const std::vector<int>& truth, const std::vector<double>& scores) {
    const auto steps = thresholds(truth, scores);
    const double positives = std::count(truth.begin(), truth.end(), 1),
                 negatives = truth.size() - positives;
    std::vector<CurvePoint> out{{0, 0, std::numeric_limits<double>::infinity()}};
    for (const auto& [th, tp, fp] : steps)
        out.push_back({safeDiv(fp, negatives), safeDiv(tp, positives), th});
    return out;
}

double rocAuc(const std::vector<int>& truth, const std::vector<double>& scores) {
    const double positives = std::count(truth.begin(), truth.end(), 1);
    if (positives == 0 || positives == truth.size()) return -1;  // undefined with one class
    const auto curve = rocCurve(truth, scores);
    double area = 0;
    for (std::size_t i = 1; i < curve.size(); ++i)
        area += (curve[i].x - curve[i - 1].x) * (curve[i].y + curve[i - 1].y) / 2;
    return area;
}

std::vector<CurvePoint> precisionRecallCurve(const std::vector<int>& truth,
                                             const std::vector<double>& scores) {
    const double positives = std::count(truth.begin(), truth.end(), 1);
    std::vector<CurvePoint> out;
    for (const auto& [th, tp, fp] : thresholds(truth, scores))
        out.push_back({safeDiv(tp, positives), safeDiv(tp, tp + fp), th});
    return out;  // x = recall, y = precision
}

double averagePrecision(const std::vector<int>& truth, const std::vector<double>& scores) {
    const double positives = std::count(truth.begin(), truth.end(), 1);
    if (positives == 0) return -1;
    double ap = 0, lastRecall = 0;
    for (const auto& point : precisionRecallCurve(truth, scores)) {
        ap += (point.x - lastRecall) * point.y;
        lastRecall = point.x;
    }
    return ap;
}

MultiLabelCounts::MultiLabelCounts(std::size_t labels)
    : tp(labels, 0), fp(labels, 0), fn(labels, 0) {}

void MultiLabelCounts::add(const std::vector<int>& truth, const std::vector<int>& predicted) {
    bool same = true;
    for (std::size_t c = 0; c < tp.size(); ++c) {
        const int t = truth[c], p = predicted[c];
        tp[c] += t && p;
        fp[c] += !t && p;
        fn[c] += t && !p;
        if (t != p) {
            same = false;
            ++wrong;
        }
    }
    exact += same;
    ++rows;
}

MultiLabelMetrics MultiLabelCounts::metrics(const std::vector<std::string>& labels) const {
    MultiLabelMetrics m;
    const std::size_t k = labels.size();
    m.subsetAccuracy = safeDiv(double(exact), double(rows));
    m.hammingLoss = safeDiv(double(wrong), double(rows) * double(k));
    double tpSum = 0, fpSum = 0, fnSum = 0;
    for (std::size_t c = 0; c < k; ++c) {
        const double t = double(tp[c]), f = double(fp[c]), n = double(fn[c]);
        ClassMetrics cm{labels[c], safeDiv(t, t + f), safeDiv(t, t + n), 0,
                        static_cast<int>(std::min<double>(t + n, INT_MAX))};
        cm.f1 = f1(cm.precision, cm.recall);
        m.macroF1 += cm.f1 / k;
        m.perClass.push_back(cm);
        tpSum += t;
        fpSum += f;
        fnSum += n;
    }
    m.microF1 = f1(safeDiv(tpSum, tpSum + fpSum), safeDiv(tpSum, tpSum + fnSum));
    return m;
}

MultiLabelMetrics multiLabelMetrics(const std::vector<std::vector<int>>& truth,
                                    const std::vector<std::vector<int>>& predicted,
                                    const std::vector<std::string>& labels) {
    MultiLabelCounts counts(labels.size());
    for (std::size_t i = 0; i < truth.size(); ++i) counts.add(truth[i], predicted[i]);
    return counts.metrics(labels);
}

namespace {
// Entities of one IOB2 sequence as (type, start, end) — seqeval's default (non-strict) rules: an
// I- tag after O or another type starts a new entity.
std::set<std::tuple<std::string, int, int>> entitiesOf(const std::vector<std::string>& tags) {
    std::set<std::tuple<std::string, int, int>> out;
    std::string type;
    int start = -1;
    auto close = [&](int end) {
        if (start >= 0) out.emplace(type, start, end);
        start = -1;
    };
    for (int i = 0; i < static_cast<int>(tags.size()); ++i) {
        const std::string& t = tags[i];
        if (t == "O" || t.size() < 2 || t[1] != '-') {
            close(i - 1);
            continue;
        }
        const std::string ty = t.substr(2);
        if (t[0] == 'B' || start < 0 || ty != type) {
            close(i - 1);
            type = ty;
            start = i;
        }
    }
    close(static_cast<int>(tags.size()) - 1);
    return out;
}
}  // namespace

void EntityCounts::add(const std::vector<std::string>& truth,
                       const std::vector<std::string>& predicted) {
    const auto t = entitiesOf(truth);
    const auto p = entitiesOf(predicted);
    for (const auto& e : t) counts[std::get<0>(e)][2]++;
    for (const auto& e : p) {
        counts[std::get<0>(e)][1]++;
        if (t.count(e)) counts[std::get<0>(e)][0]++;
    }
}

EntityMetrics EntityCounts::metrics() const {
    EntityMetrics m;
    double tp = 0, pred = 0, real = 0;
    for (const auto& [type, c] : counts) {
        ClassMetrics cm{type, safeDiv(double(c[0]), double(c[1])),
                        safeDiv(double(c[0]), double(c[2])), 0,
                        static_cast<int>(std::min<long long>(c[2], INT_MAX))};
        cm.f1 = f1(cm.precision, cm.recall);
        m.perType.push_back(cm);
        tp += double(c[0]);
        pred += double(c[1]);
        real += double(c[2]);
    }
    m.precision = safeDiv(tp, pred);
    m.recall = safeDiv(tp, real);
    m.f1 = f1(m.precision, m.recall);
    return m;
}

EntityMetrics entityMetrics(const std::vector<std::vector<std::string>>& truth,
                            const std::vector<std::vector<std::string>>& predicted) {
    EntityCounts counts;
    for (std::size_t s = 0; s < truth.size(); ++s) counts.add(truth[s], predicted[s]);
    return counts.metrics();
}

void RegressionSums::add(double truth, double predicted) {
    // Welford's update of the means and co-moments: stable over millions of rows.
    ++n;
    squaredError += (truth - predicted) * (truth - predicted);
    const double dt = truth - meanTruth;
    meanTruth += dt / double(n);
    const double dp = predicted - meanPredicted;
    meanPredicted += dp / double(n);
    varianceTruth += dt * (truth - meanTruth);
    variancePredicted += dp * (predicted - meanPredicted);
    covariance += dt * (predicted - meanPredicted);
}

RegressionMetrics RegressionSums::metrics() const {
    RegressionMetrics m;
    m.mse = safeDiv(squaredError, double(n));
    m.pearson = n < 2 ? 0 : safeDiv(covariance, std::sqrt(varianceTruth * variancePredicted));
    m.spearman = std::numeric_limits<double>::quiet_NaN();
    return m;
}

RegressionMetrics regressionMetrics(const std::vector<double>& truth,
                                    const std::vector<double>& predicted) {
    RegressionMetrics m;
    for (std::size_t i = 0; i < truth.size(); ++i)
        m.mse += (truth[i] - predicted[i]) * (truth[i] - predicted[i]);
    m.mse = safeDiv(m.mse, truth.size());
    m.pearson = pearson(truth, predicted);
    m.spearman = pearson(ranks(truth), ranks(predicted));
    return m;
}

MetricMap toMap(const ClassificationMetrics& m) {
    MetricMap out{{"accuracy", m.accuracy},
                  {"macro_precision", m.macroPrecision},
                  {"macro_recall", m.macroRecall},
                  {"macro_f1", m.macroF1},
                  {"micro_f1", m.microF1},
                  {"weighted_f1", m.weightedF1},
                  {"mcc", m.mcc}};
    if (m.rocAuc >= 0) out["roc_auc"] = m.rocAuc;
    if (m.prAuc >= 0) out["pr_auc"] = m.prAuc;
    for (const auto& c : m.perClass) out["f1_" + c.label] = c.f1;
    return out;
}
MetricMap toMap(const MultiLabelMetrics& m) {
    return {{"subset_accuracy", m.subsetAccuracy},
            {"hamming_loss", m.hammingLoss},
            {"micro_f1", m.microF1},
            {"macro_f1", m.macroF1}};
}
MetricMap toMap(const EntityMetrics& m) {
    MetricMap out{{"precision", m.precision}, {"recall", m.recall}, {"f1", m.f1}};
    for (const auto& t : m.perType) out["f1_" + t.label] = t.f1;
    return out;
}
MetricMap toMap(const RegressionMetrics& m) {
    MetricMap out{{"mse", m.mse}, {"pearson", m.pearson}};
    if (!std::isnan(m.spearman)) out["spearman"] = m.spearman;  // NaN: not computed (streamed)
    return out;
}

bool greaterIsBetter(const std::string& metric) {
    return !(metric == "loss" || metric == "eval_loss" || metric == "mse" ||
             metric == "hamming_loss" || metric == "perplexity" || metric.ends_with("_loss"));
}

}  // namespace distilbench
