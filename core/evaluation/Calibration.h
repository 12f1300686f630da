#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace distilbench {

// How far a classifier's confidence can be trusted: the reliability diagram's bins, expected
// calibration error, Brier score, and the temperature that best calibrates it (Guo et al., 2017).
struct CalibrationBin {
    double lower = 0, upper = 0;  // confidence range
    int count = 0;
    double confidence = 0;  // mean confidence of the predicted class in the bin
    double accuracy = 0;    // share of correct predictions in the bin
};

struct CalibrationReport {
    std::vector<CalibrationBin> bins;
    double expectedCalibrationError = 0;  // Σ |accuracy − confidence| · share of examples
    double maximumCalibrationError = 0;   // the worst non-empty bin
    double brierScore = 0;                // mean Σ_k (p_k − y_k)²
    double negativeLogLikelihood = 0;
    // Temperature scaling fitted on these examples: probabilities ∝ p^(1/T). T > 1 softens an
    // over-confident model; the errors after it are measured on the same examples.
    double temperature = 1;
    double expectedCalibrationErrorScaled = 0;
    double negativeLogLikelihoodScaled = 0;
};

// The bins and errors of calibrationReport summed one example at a time, for data streamed in
// chunks (no temperature: fitting one needs every example again). Equal-width confidence bins.
class CalibrationAccumulator {
public:
    explicit CalibrationAccumulator(int bins = 15);
    // Example with distribution `row` over `classes` and true class `y` (out of range: left out).
    void add(const float* row, std::size_t classes, int y);
    // Temperature 1; the "scaled" errors equal the plain ones.
    CalibrationReport report() const;
    std::size_t count() const { return n_; }

private:
    std::vector<CalibrationBin> bins_;  // confidence and count summed until report()
    std::vector<double> correct_;
    double brier_ = 0, nll_ = 0;
    std::size_t n_ = 0;
};

// `probabilities[i]` is example i's distribution over the classes, `truth[i]` its class;
// examples whose truth is out of range are left out. Equal-width confidence bins.
CalibrationReport calibrationReport(const std::vector<std::vector<float>>& probabilities,
                                    const std::vector<int>& truth, int bins = 15);

// The distributions after temperature `t` (probabilities ∝ p^(1/t)).
std::vector<std::vector<float>> applyTemperature(const std::vector<std::vector<float>>& p,
                                                 double t);

// Stores a temperature in a model folder's config.json ("distilbench_temperature"; 1 removes
// it), keeping every other key; written through a temporary file and a rename. Refused, with the
// path, for a config.json that is a link (a Hugging Face cache snapshot: export the model to a
// folder of its own first) or a temperature that is not positive.
void saveTemperature(const std::string& modelFolder, double temperature);

}  // namespace distilbench
