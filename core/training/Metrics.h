#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

namespace distilbench {

struct ClassMetrics {
    std::string label;
    double precision = 0, recall = 0, f1 = 0;
    int support = 0;
};

struct ClassificationMetrics {
    double accuracy = 0;
    std::vector<ClassMetrics> perClass;
    double macroPrecision = 0, macroRecall = 0, macroF1 = 0;
    double microPrecision = 0, microRecall = 0, microF1 = 0;
    double weightedPrecision = 0, weightedRecall = 0, weightedF1 = 0;
    double mcc = 0;
    std::vector<std::vector<int>> confusion;  // [true][predicted]
    // Binary tasks only (scores = probability of class 1); -1 when undefined.
    double rocAuc = -1, prAuc = -1;
};

// Every score of single-label classification but the curves, from a confusion matrix
// ([true][predicted]) of any size of data.
ClassificationMetrics classificationMetrics(const std::vector<std::vector<long long>>& confusion,
                                            const std::vector<std::string>& labels);

// Single-label classification. `scores` (optional) are per-example probabilities of class 1 for
// the binary curves.
ClassificationMetrics classificationMetrics(const std::vector<int>& truth,
                                            const std::vector<int>& predicted,
                                            const std::vector<std::string>& labels,
                                            const std::vector<double>& positiveScores = {});

// ROC and precision-recall curves for plots: points (x, y, threshold).
struct CurvePoint {
    double x, y, threshold;
};
std::vector<CurvePoint> rocCurve(const std::vector<int>& truth, const std::vector<double>& scores);
std::vector<CurvePoint> precisionRecallCurve(const std::vector<int>& truth,
                                             const std::vector<double>& scores);
double rocAuc(const std::vector<int>& truth, const std::vector<double>& scores);
// Average precision (step-wise area under the PR curve, as scikit-learn computes it).
double averagePrecision(const std::vector<int>& truth, const std::vector<double>& scores);

struct MultiLabelMetrics {
    double subsetAccuracy = 0, hammingLoss = 0, microF1 = 0, macroF1 = 0;
    std::vector<ClassMetrics> perClass;
};
// The counts behind the multi-label scores, summed one example at a time (streamed data).
struct MultiLabelCounts {
    explicit MultiLabelCounts(std::size_t labels);
    void add(const std::vector<int>& truth, const std::vector<int>& predicted);
    MultiLabelMetrics metrics(const std::vector<std::string>& labels) const;
    std::vector<long long> tp, fp, fn;
    long long exact = 0, wrong = 0, rows = 0;
};
MultiLabelMetrics multiLabelMetrics(const std::vector<std::vector<int>>& truth,
                                    const std::vector<std::vector<int>>& predicted,
                                    const std::vector<std::string>& labels);

struct EntityMetrics {
    double precision = 0, recall = 0, f1 = 0;
    std::vector<ClassMetrics> perType;  // by entity type
};
// Entity counts per type (true positives, predicted, true), summed one sentence at a time.
struct EntityCounts {
    void add(const std::vector<std::string>& truth, const std::vector<std::string>& predicted);
    EntityMetrics metrics() const;
    std::map<std::string, std::array<long long, 3>> counts;
};
// seqeval-style entity-level scores over IOB2 tag sequences (one sequence per sentence).
EntityMetrics entityMetrics(const std::vector<std::vector<std::string>>& truth,
                            const std::vector<std::vector<std::string>>& predicted);

struct RegressionMetrics {
    double mse = 0, pearson = 0, spearman = 0;
};
RegressionMetrics regressionMetrics(const std::vector<double>& truth,
                                    const std::vector<double>& predicted);

// Mean squared error and Pearson's r summed one example at a time (Welford's update). Spearman's
// rank correlation needs every value at once: metrics() leaves it NaN.
struct RegressionSums {
    void add(double truth, double predicted);
    RegressionMetrics metrics() const;
    long long n = 0;
    double squaredError = 0, meanTruth = 0, meanPredicted = 0;
    double varianceTruth = 0, variancePredicted = 0, covariance = 0;
};

// All metrics of a task as name -> value ("accuracy", "macro_f1", ...), for early stopping,
// metrics.jsonl and TensorBoard.
using MetricMap = std::map<std::string, double>;
MetricMap toMap(const ClassificationMetrics& m);
MetricMap toMap(const MultiLabelMetrics& m);
MetricMap toMap(const EntityMetrics& m);
MetricMap toMap(const RegressionMetrics& m);
// Whether a larger value of the metric is better (false for loss, mse, hamming_loss).
bool greaterIsBetter(const std::string& metric);

}  // namespace distilbench
