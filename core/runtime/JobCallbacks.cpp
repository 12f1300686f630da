#include "core/runtime/JobCallbacks.h"

#include <algorithm>

namespace distilbench {

void JobCallbacks::report(double fraction, const std::string& message,
                          std::optional<double> eta) const {
    if (progress) progress(ProgressReport{std::clamp(fraction, 0.0, 1.0), message, eta});
}

void JobCallbacks::checkAbort() const {
    if (aborted()) throw JobCancelled();
}

void EtaEstimator::start(Clock::time_point now) {
    start_ = now;
    lastTime_ = now;
    lastFraction_ = 0.0;
    rate_.reset();
    started_ = true;
}

std::optional<double> EtaEstimator::update(double fraction, Clock::time_point now) {
    if (!started_) start(now);
    const double dt = std::chrono::duration<double>(now - lastTime_).count();
    const double df = fraction - lastFraction_;
    if (dt > 0.0 && df > 0.0) {
        const double instant = df / dt;
        rate_ = rate_ ? (smoothing_ * instant + (1.0 - smoothing_) * *rate_) : instant;
        lastTime_ = now;
        lastFraction_ = fraction;
    }
    if (!rate_ || *rate_ <= 0.0) return std::nullopt;
    return std::max(0.0, (1.0 - fraction) / *rate_);
}

}  // namespace distilbench
