#include "core/training/Metrics.h"

#include <algorithm>
#include <array>
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

ClassificationMetrics classificationMetrics(const std::vector<int>& truth,
                                            const std::vector<int>& predicted,
                                            const std::vector<std::string>& labels,
                                            const std::vector<double>& scores) {
    if (truth.size() != predicted.size())
        throw Error("metrics: truth and predictions differ in length");
    const int k = static_cast<int>(labels.size());
    ClassificationMetrics m;
    m.confusion.assign(k, std::vector<int>(k, 0));
    int correct = 0;
    for (std::size_t i = 0; i < truth.size(); ++i) {
        if (truth[i] < 0 || truth[i] >= k || predicted[i] < 0 || predicted[i] >= k)
            throw Error("metrics: label id out of range");
        m.confusion[truth[i]][predicted[i]]++;
        correct += truth[i] == predicted[i];
    }
    const double n = static_cast<double>(truth.size());
    m.accuracy = safeDiv(correct, n);
    int tpSum = 0, fpSum = 0, fnSum = 0;
    for (int c = 0; c < k; ++c) {
        int tp = m.confusion[c][c], fp = 0, fn = 0;
        for (int o = 0; o < k; ++o) {
            if (o == c) continue;
            fp += m.confusion[o][c];
            fn += m.confusion[c][o];
        }
        ClassMetrics cm;
        cm.label = labels[c];
        cm.precision = safeDiv(tp, tp + fp);
        cm.recall = safeDiv(tp, tp + fn);
        cm.f1 = f1(cm.precision, cm.recall);
        cm.support = tp + fn;
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
            t[i] += m.confusion[i][j];
            p[j] += m.confusion[i][j];
        }
    double cov = correct * n, tt = n * n, pp = n * n;
    for (int c = 0; c < k; ++c) {
        cov -= t[c] * p[c];
        tt -= t[c] * t[c];
        pp -= p[c] * p[c];
    }
    m.mcc = safeDiv(cov, std::sqrt(tt * pp));
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

MultiLabelMetrics multiLabelMetrics(const std::vector<std::vector<int>>& truth,
                                    const std::vector<std::vector<int>>& predicted,
                                    const std::vector<std::string>& labels) {
    MultiLabelMetrics m;
    const std::size_t k = labels.size();
    std::vector<int> tp(k, 0), fp(k, 0), fn(k, 0);
    int exact = 0, wrong = 0;
    for (std::size_t i = 0; i < truth.size(); ++i) {
        bool same = true;
        for (std::size_t c = 0; c < k; ++c) {
            const int t = truth[i][c], p = predicted[i][c];
            tp[c] += t && p;
            fp[c] += !t && p;
            fn[c] += t && !p;
            if (t != p) {
                same = false;
                ++wrong;
            }
        }
        exact += same;
    }
    m.subsetAccuracy = safeDiv(exact, truth.size());
    m.hammingLoss = safeDiv(wrong, truth.size() * k);
    int tpSum = 0, fpSum = 0, fnSum = 0;
    for (std::size_t c = 0; c < k; ++c) {
        ClassMetrics cm{labels[c], safeDiv(tp[c], tp[c] + fp[c]), safeDiv(tp[c], tp[c] + fn[c]), 0,
                        tp[c] + fn[c]};
        cm.f1 = f1(cm.precision, cm.recall);
        m.macroF1 += cm.f1 / k;
        m.perClass.push_back(cm);
        tpSum += tp[c];
        fpSum += fp[c];
        fnSum += fn[c];
    }
    m.microF1 = f1(safeDiv(tpSum, tpSum + fpSum), safeDiv(tpSum, tpSum + fnSum));
    return m;
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

EntityMetrics entityMetrics(const std::vector<std::vector<std::string>>& truth,
                            const std::vector<std::vector<std::string>>& predicted) {
    std::map<std::string, std::array<int, 3>> counts;  // type -> tp, predicted, true
    for (std::size_t s = 0; s < truth.size(); ++s) {
        const auto t = entitiesOf(truth[s]);
        const auto p = entitiesOf(predicted[s]);
        for (const auto& e : t) counts[std::get<0>(e)][2]++;
        for (const auto& e : p) {
            counts[std::get<0>(e)][1]++;
            if (t.count(e)) counts[std::get<0>(e)][0]++;
        }
    }
    EntityMetrics m;
    int tp = 0, pred = 0, real = 0;
    for (const auto& [type, c] : counts) {
        ClassMetrics cm{type, safeDiv(c[0], c[1]), safeDiv(c[0], c[2]), 0, c[2]};
        cm.f1 = f1(cm.precision, cm.recall);
        m.perType.push_back(cm);
        tp += c[0];
        pred += c[1];
        real += c[2];
    }
    m.precision = safeDiv(tp, pred);
    m.recall = safeDiv(tp, real);
    m.f1 = f1(m.precision, m.recall);
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
    return {{"mse", m.mse}, {"pearson", m.pearson}, {"spearman", m.spearman}};
}

bool greaterIsBetter(const std::string& metric) {
    return !(metric == "loss" || metric == "eval_loss" || metric == "mse" ||
             metric == "hamming_loss" || metric == "perplexity" || metric.ends_with("_loss"));
}

}  // namespace distilbench
