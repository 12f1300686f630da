#pragma once

#include <string>
#include <vector>

namespace distilbench {

// The learning-rate schedules the Hugging Face Trainer offers, with its warm-up: the rate
// rises linearly from 0 over the warm-up steps, then follows the schedule to the last step.
enum class Scheduler { Linear, Cosine, Constant };

std::string schedulerName(Scheduler scheduler);
// "linear", "cosine", "constant"; false for anything else.
bool parseScheduler(const std::string& name, Scheduler& out);
std::vector<std::string> schedulerNames();

class LearningRateSchedule {
public:
    LearningRateSchedule() = default;
    LearningRateSchedule(Scheduler scheduler, int warmupSteps, int totalSteps)
        : scheduler_(scheduler), warmup_(warmupSteps), total_(totalSteps) {}

    // The factor on the peak learning rate for optimizer step `step` (0-based).
    double factor(int step) const;
    int warmupSteps() const { return warmup_; }

private:
    Scheduler scheduler_ = Scheduler::Linear;
    int warmup_ = 0, total_ = 1;
};

}  // namespace distilbench
