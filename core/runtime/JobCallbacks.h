#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

namespace distilbench {

// What a long core job reports. The fraction is in [0, 1]; etaSeconds is empty while unknown.
struct ProgressReport {
    double fraction = 0.0;
    std::string message;
    std::optional<double> etaSeconds;
};

using ProgressCallback = std::function<void(const ProgressReport&)>;
using AbortCallback = std::function<bool()>;

// Plain callbacks (whisper.cpp style) so that core never depends on Qt signals or threads.
// Jobs call progress() at natural checkpoints and poll shouldAbort() often enough that a cancel
// is honoured quickly; when it returns true they throw JobCancelled.
struct JobCallbacks {
    ProgressCallback progress;
    AbortCallback shouldAbort;

    void report(double fraction, const std::string& message,
                std::optional<double> eta = std::nullopt) const;
    bool aborted() const { return shouldAbort && shouldAbort(); }
    // Throws JobCancelled when the caller asked to stop.
    void checkAbort() const;
};

class JobCancelled : public std::runtime_error {
public:
    JobCancelled() : std::runtime_error("cancelled") {}
};

// Estimates the remaining time from the rate observed so far; smooths with an exponential
// moving average so that one slow step does not make the ETA jump.
class EtaEstimator {
public:
    using Clock = std::chrono::steady_clock;

    explicit EtaEstimator(double smoothing = 0.3) : smoothing_(smoothing) {}
    void start(Clock::time_point now = Clock::now());
    // Returns the estimate in seconds, or nothing until there is enough progress to tell.
    std::optional<double> update(double fraction, Clock::time_point now = Clock::now());

private:
    double smoothing_;
    Clock::time_point start_{};
    std::optional<double> rate_;  // fraction per second
    double lastFraction_ = 0.0;
    Clock::time_point lastTime_{};
    bool started_ = false;
};

}  // namespace distilbench
