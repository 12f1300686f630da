#pragma once

#include <string>

#include "core/distillation/DistillationReport.h"
#include "core/training/Trainer.h"

namespace distilbench {

struct DistillationOutcome {
    TrainingOutcome training;
    // teacher vs student; written to RUN_DIR/distillation_report.{json,md}
    DistillationReport report;
};

// A distillation run: Trainer with config.distillation enabled, then the teacher-vs-student
// report (validation scores, sizes, measured latency). The GUI and the CLI both call this.
class Distiller {
public:
    static DistillationOutcome distill(const TrainingConfig& config,
                                       const std::string& runDirectory,
                                       const TrainerCallbacks& callbacks = {});
    static DistillationOutcome resume(const std::string& runDirectory,
                                      const TrainerCallbacks& callbacks = {});
    // The report of a finished run, or an Error when it has none.
    static DistillationReport readReport(const std::string& runDirectory);
};

}  // namespace distilbench
