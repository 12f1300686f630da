#include "core/training/Schedule.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace distilbench {

std::string schedulerName(Scheduler s) {
    switch (s) {
        case Scheduler::Cosine:
            return "cosine";
        case Scheduler::Constant:
            return "constant";
        case Scheduler::Linear:
            break;
    }
    return "linear";
}

bool parseScheduler(const std::string& name, Scheduler& out) {
    for (Scheduler s : {Scheduler::Linear, Scheduler::Cosine, Scheduler::Constant})
        if (name == schedulerName(s)) {
            out = s;
            return true;
        }
    return false;
}

std::vector<std::string> schedulerNames() {
    return {"linear", "cosine", "constant"};
}

double LearningRateSchedule::factor(int step) const {
    if (step < warmup_) return double(step) / std::max(1, warmup_);
    const double progress = double(step - warmup_) / std::max(1, total_ - warmup_);
    switch (scheduler_) {
        case Scheduler::Constant:
            return 1.0;
        case Scheduler::Cosine:
            return std::max(0.0, 0.5 * (1.0 + std::cos(std::numbers::pi * progress)));
        case Scheduler::Linear:
            break;
    }
    return std::max(0.0, 1.0 - progress);
}

}  // namespace distilbench
