#include "core/distillation/DistillationPlan.h"

#include <algorithm>
#include <filesystem>

#include "core/distillation/StudentInitializer.h"
#include "core/runtime/Error.h"
#include "core/training/Objective.h"

namespace distilbench {

void DistillationPlan::require() const {
    if (problems.empty()) return;
    std::string text;
    for (const auto& p : problems) text += (text.empty() ? "" : "; ") + p;
    throw Error(text);
}

int defaultStudentLayers(int teacherLayers) {
    return std::max(1, teacherLayers / 2);
}

DistillationPlan planStudent(const DistillationSettings& ds, const ModelConfig& tc, Task task,
                             int studentLayers) {
    DistillationPlan plan;
    auto problem = [&](std::string text) { plan.problems.push_back(std::move(text)); };
    if (task == Task::MultiLabel || task == Task::Regression)
        problem(
            "distillation works for classification, token classification and masked-LM "
            "pre-training, not " +
            taskName(task));
    const HeadType head = Objective::headFor(task);
    if (tc.head != head)
        problem(
            ds.teacher + " is a " + tc.architecture() + ": " +
            (task == Task::MaskedLM
                 ? std::string("pre-training distillation needs a teacher with a masked-LM head")
                 : "this distillation needs a teacher fine-tuned for the task (" +
                       ModelConfig::headName(head) + ")"));
    if (!(ds.temperature > 0)) problem("the temperature must be positive");
    const double weights[] = {ds.alphaCe, ds.alphaHard, ds.alphaMlm, ds.alphaCos, ds.alphaMse};
    if (std::any_of(std::begin(weights), std::end(weights), [](double a) { return !(a >= 0); }))
        problem("loss weights must not be negative");
    else if (std::all_of(std::begin(weights), std::end(weights), [](double a) { return a == 0; }))
        problem("every loss weight is 0: nothing to learn from");
    if (ds.mlmProbability <= 0 || ds.mlmProbability >= 1)
        problem("the masking probability must lie between 0 and 1");

    const std::vector<std::string> labels =
        head == HeadType::MaskedLM ? std::vector<std::string>{} : tc.labels;
    ModelConfig& sc = plan.student;
    try {
        switch (ds.studentSource) {
            case DistillationSettings::StudentSource::Preset:
                sc = ModelConfig::preset(ds.student, head);
                sc.vocabSize = tc.vocabSize;
                // The teacher's tokenizer pads with its padding id (RoBERTa's positions count
                // from it).
                sc.padTokenId = tc.padTokenId;
                if (sc.isRobertaLike())
                    sc.maxPositions = std::max(sc.maxPositions, sc.padTokenId + 2);
                // A student cannot read positions its teacher never embedded.
                sc.maxPositions = std::min(sc.maxPositions, tc.maxPositions);
                break;
            case DistillationSettings::StudentSource::Model: {
                if (ds.student.empty()) {
                    problem("choose the student's model folder");
                    return plan;
                }
                sc = ModelConfig::ofModel(ds.student);
                sc.head = head;
                break;
            }
            case DistillationSettings::StudentSource::FromTeacher: {
                plan.teacherLayers =
                    !ds.teacherLayers.empty()
                        ? ds.teacherLayers
                        : StudentInitializer::defaultLayers(
                              tc.numLayers,
                              std::min(tc.numLayers, studentLayers > 0
                                                         ? studentLayers
                                                         : defaultStudentLayers(tc.numLayers)));
                StudentInitializer::checkLayers(tc.numLayers, plan.teacherLayers, ds.teacher);
                sc = StudentInitializer::studentConfig(
                    tc, static_cast<int>(plan.teacherLayers.size()), head);
                break;
            }
        }
    } catch (const std::exception& e) {
        problem(e.what());
        return plan;
    }
    sc.labels = labels;
    sc.problemType = head == HeadType::MaskedLM ? "" : Objective::problemTypeFor(task);
    if (sc.vocabSize != tc.vocabSize)
        problem("teacher and student must share the vocabulary: " + ds.teacher + " has " +
                std::to_string(tc.vocabSize) + " tokens, " + ds.student + " " +
                std::to_string(sc.vocabSize));
    if (ds.alphaCos > 0 && tc.hiddenSize != sc.hiddenSize)
        problem("the cosine loss compares hidden states: the teacher's are " +
                std::to_string(tc.hiddenSize) + " wide, the student's " +
                std::to_string(sc.hiddenSize) + ". Set alpha_cos to 0 or pick a student of width " +
                std::to_string(tc.hiddenSize) + ".");
    return plan;
}

}  // namespace distilbench
