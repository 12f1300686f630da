// Every metric against values computed by hand.
#include <QtTest>

#include "core/evaluation/Calibration.h"

#include "core/training/Metrics.h"

using namespace distilbench;

namespace {
bool near(double a, double b, double eps = 1e-4) {
    return std::abs(a - b) < eps;
}
}  // namespace

class MetricsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:

    // #19 calibration: a calibrated model scores ECE ≈ 0 and T ≈ 1; the same model made
    // over-confident (probabilities cubed) is found out (T ≈ 3) and temperature scaling repairs
    // it; Brier's extremes.
    void calibration() {
        std::vector<std::vector<float>> calibrated;
        std::vector<int> truth;
        // Confidence c in {0.55, 0.65, …, 0.95}: right in exactly c of the cases.
        for (int level = 0; level < 5; ++level) {
            const double c = 0.55 + 0.1 * level;
            for (int i = 0; i < 100; ++i) {
                calibrated.push_back({float(c), float(1 - c)});
                truth.push_back(i < std::lround(c * 100) ? 0 : 1);
            }
        }
        const CalibrationReport good = calibrationReport(calibrated, truth, 10);
        QVERIFY2(good.expectedCalibrationError < 0.01,
                 qPrintable(QString::number(good.expectedCalibrationError)));
        QVERIFY(std::abs(good.temperature - 1.0) < 0.05);
        int counted = 0;
        for (const auto& b : good.bins) counted += b.count;
        QCOMPARE(counted, 500);
        const auto sharp = applyTemperature(calibrated, 1.0 / 3.0);  // p^3, renormalised
        const CalibrationReport over = calibrationReport(sharp, truth, 10);
        QVERIFY(over.expectedCalibrationError > 0.1);
        QVERIFY2(std::abs(over.temperature - 3.0) < 0.1,
                 qPrintable(QString::number(over.temperature)));
        QVERIFY(over.expectedCalibrationErrorScaled < 0.02);
        QVERIFY(over.negativeLogLikelihoodScaled < over.negativeLogLikelihood);
        QCOMPARE(calibrationReport({{1.0f, 0.0f}}, {0}).brierScore, 0.0);
        QCOMPARE(calibrationReport({{0.5f, 0.5f}}, {1}).brierScore, 0.5);
    }
    void binary() {
        const std::vector<int> truth{1, 0, 1, 1, 0, 0, 1, 0}, pred{1, 0, 0, 1, 0, 1, 1, 0};
        const std::vector<double> scores{0.9, 0.1, 0.4, 0.8, 0.3, 0.6, 0.7, 0.2};
        const auto m = classificationMetrics(truth, pred, {"neg", "pos"}, scores);
        QCOMPARE(m.confusion, (std::vector<std::vector<int>>{{3, 1}, {1, 3}}));
        QVERIFY(near(m.accuracy, 0.75));
        QVERIFY(near(m.perClass[1].precision, 0.75) && near(m.perClass[1].recall, 0.75) &&
                near(m.perClass[1].f1, 0.75));
        QCOMPARE(m.perClass[0].support, 4);
        QVERIFY(near(m.mcc, 0.5));           // (3*3 - 1*1) / sqrt(4^4)
        QVERIFY(near(m.rocAuc, 15.0 / 16));  // 15 of 16 positive/negative pairs ordered right
        QVERIFY(near(m.prAuc, 0.95));        // (1 + 1 + 1 + 4/5) / 4
        const auto map = toMap(m);
        QVERIFY(map.count("roc_auc") && map.count("f1_pos"));
    }

    void multiClassAverages() {
        const std::vector<int> truth{0, 0, 1, 1, 2, 2}, pred{0, 1, 1, 1, 2, 0};
        const auto m = classificationMetrics(truth, pred, {"a", "b", "c"});
        QVERIFY(near(m.perClass[0].f1, 0.5));
        QVERIFY(near(m.perClass[1].f1, 0.8));
        QVERIFY(near(m.perClass[2].f1, 2.0 / 3));
        QVERIFY(near(m.macroF1, (0.5 + 0.8 + 2.0 / 3) / 3));
        QVERIFY(near(m.weightedF1, (0.5 + 0.8 + 2.0 / 3) / 3));  // equal supports
        QVERIFY(near(m.microF1, 4.0 / 6));
        QVERIFY(near(m.macroPrecision, (0.5 + 2.0 / 3 + 1) / 3));
        QCOMPARE(m.rocAuc, -1.0);  // not binary
        // Gorodkin's R_K: (c*s - sum t_k p_k) / sqrt((s^2 - sum p_k^2)(s^2 - sum t_k^2)),
        // t = (2, 2, 2), p = (2, 3, 1), c = 4, s = 6 -> 12 / sqrt(22 * 24)
        QVERIFY(near(m.mcc, 12.0 / std::sqrt(528.0)));
    }

    void curves() {
        const auto roc = rocCurve({1, 0}, {0.8, 0.2});
        QCOMPARE(roc.size(), std::size_t(3));
        QVERIFY(near(roc[1].x, 0) && near(roc[1].y, 1));
        QCOMPARE(rocAuc({1, 1}, {0.1, 0.2}), -1.0);  // one class: undefined
        const auto pr = precisionRecallCurve({1, 0, 1}, {0.9, 0.5, 0.1});
        QVERIFY(near(pr.back().x, 1) && near(pr.back().y, 2.0 / 3));
    }

    void multiLabel() {
        const auto m = multiLabelMetrics({{1, 0}, {1, 1}}, {{1, 1}, {1, 1}}, {"x", "y"});
        QVERIFY(near(m.subsetAccuracy, 0.5));
        QVERIFY(near(m.hammingLoss, 0.25));
        QVERIFY(near(m.macroF1, (1.0 + 2.0 / 3) / 2));
        QVERIFY(near(m.microF1, 2 * 0.75 / 1.75));
    }

    void entities() {
        const auto m = entityMetrics({{"B-PER", "I-PER", "O", "B-LOC"}, {"B-ORG", "O"}},
                                     {{"B-PER", "I-PER", "O", "B-ORG"}, {"I-ORG", "O"}});
        // true: PER, LOC, ORG; predicted: PER, ORG(0,0 sent 1 wrong type), ORG (I- starts one)
        QVERIFY(near(m.precision, 2.0 / 3));
        QVERIFY(near(m.recall, 2.0 / 3));
        QCOMPARE(m.perType.size(), std::size_t(3));
        for (const auto& t : m.perType) {
            if (t.label == "PER") QVERIFY(near(t.f1, 1));
            if (t.label == "LOC") QVERIFY(near(t.f1, 0));
        }
        // A partially matching span is wrong at entity level.
        QVERIFY(near(entityMetrics({{"B-PER", "I-PER"}}, {{"B-PER", "O"}}).f1, 0));
    }

    void regression() {
        const auto m = regressionMetrics({1, 2, 3, 4}, {1, 2, 3, 5});
        QVERIFY(near(m.mse, 0.25));
        QVERIFY(near(m.spearman, 1.0));
        QVERIFY(near(m.pearson, 6.5 / std::sqrt(43.75)));
        QVERIFY(near(regressionMetrics({1, 2, 3}, {3, 2, 1}).spearman, -1.0));
    }

    void direction() {
        QVERIFY(greaterIsBetter("accuracy"));
        QVERIFY(greaterIsBetter("macro_f1"));
        QVERIFY(!greaterIsBetter("eval_loss"));
        QVERIFY(!greaterIsBetter("mse"));
        QVERIFY(!greaterIsBetter("hamming_loss"));
    }
};

QTEST_GUILESS_MAIN(MetricsTest)
#include "test_metrics.moc"
