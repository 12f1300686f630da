#pragma once

#include <string>
#include <vector>

#include "core/data/Dataset.h"
#include "core/distillation/DistillationSettings.h"
#include "core/models/ModelConfig.h"

namespace distilbench {

// What a distillation will build before anything heavy is loaded: the student's configuration,
// the teacher layers it starts from, and every problem that would stop the run. The Distill page
// shows it as a preview; the trainer builds the student from it. The one home of the rules
// "what is a valid distillation setup".
struct DistillationPlan {
    ModelConfig student;                // with the head, labels and problem type of the task
    std::vector<int> teacherLayers;     // StudentSource::FromTeacher
    std::vector<std::string> problems;  // empty: the run can start

    bool ok() const { return problems.empty(); }
    // Throws Error listing the problems (one line).
    void require() const;
};

// Student layers when none are chosen: half the teacher's, at least one (12 -> 6, 2 -> 1).
int defaultStudentLayers(int teacherLayers);

// Plans the student of `settings` for a teacher with config `teacher` on `task`. `studentLayers`
// (FromTeacher without an explicit list; 0: the default) picks evenly spread teacher layers.
// For StudentSource::Model the student's config.json is read (a few kilobytes). Never throws
// for a bad setup: problems are listed.
DistillationPlan planStudent(const DistillationSettings& settings, const ModelConfig& teacher,
                             Task task, int studentLayers = 0);

}  // namespace distilbench
