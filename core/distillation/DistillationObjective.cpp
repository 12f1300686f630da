#include "core/distillation/DistillationObjective.h"

#include <ATen/ATen.h>

#include "core/models/EncoderModel.h"
#include "core/models/Model.h"
#include "core/training/Objective.h"

namespace distilbench {

DistillationObjective::DistillationObjective(const DistillationSettings& settings,
                                             std::shared_ptr<Model> teacher, Task task,
                                             at::Tensor classWeights, double labelSmoothing,
                                             bool bf16)
    : settings_(settings),
      teacher_(std::move(teacher)),
      task_(task),
      classWeights_(std::move(classWeights)),
      labelSmoothing_(labelSmoothing),
      bf16_(bf16) {}

DistillationLossParts DistillationObjective::loss(EncoderModel& student, const Batch& b,
                                                  const std::vector<std::size_t>& idx) {
    const ModelInputs in = modelInputs(b);
    const bool wantHidden = settings_.alphaCos > 0;
    // Cached logits spare the teacher's forward pass from the second epoch on.
    const bool useCache =
        settings_.cacheTeacherLogits && !wantHidden && task_ == Task::Classification;
    bool cached = useCache;
    if (useCache)
        for (auto i : idx) cached = cached && cache_.count(i);
    at::Tensor teacherLogits, teacherHidden;
    if (cached) {
        std::vector<at::Tensor> rows;
        for (auto i : idx) rows.push_back(cache_.at(i));
        teacherLogits = at::stack(rows).to(student.device());
    } else {
        at::NoGradGuard noGrad;
        ModelInputs tin = in;
        if (teacher_->config().family == ModelFamily::DistilBert) tin.tokenTypeIds = at::Tensor();
        ForwardOptions options;
        options.firstTokenOnly = !wantHidden;  // the hidden-state loss needs every token
        const ModelOutputs t = teacher_->encoder().forward(tin, options);
        teacherLogits = t.logits.to(at::kFloat);
        teacherHidden = t.lastHidden;
        if (useCache)
            for (std::size_t r = 0; r < idx.size(); ++r)
                cache_[idx[r]] = teacherLogits[r].to(at::kCPU).clone();
    }
    ForwardOptions studentOptions;
    studentOptions.firstTokenOnly = !wantHidden;
    const ModelOutputs st = Objective::forward(student, in, bf16_, studentOptions);
    const at::Tensor studentLogits = st.logits.to(at::kFloat);

    DistillationLossInputs li;
    if (task_ == Task::Classification) {
        li.studentLogits = studentLogits;
        li.teacherLogits = teacherLogits;
        li.hardLoss =
            Objective::taskLoss(studentLogits, b.labels, task_, classWeights_, labelSmoothing_);
    } else {
        const bool mlm = task_ == Task::MaskedLM;
        const at::Tensor rows = mlm ? b.labels.reshape({-1}).ne(Objective::kIgnoreIndex)
                                    : b.mask.reshape({-1}).to(at::kBool);
        li.studentLogits = studentLogits.reshape({-1, studentLogits.size(-1)}).index({rows});
        li.teacherLogits = teacherLogits.reshape({-1, teacherLogits.size(-1)}).index({rows});
        const at::Tensor hard =
            Objective::taskLoss(studentLogits, b.labels, task_, mlm ? at::Tensor() : classWeights_,
                                mlm ? 0.0 : labelSmoothing_);
        (mlm ? li.mlmLoss : li.hardLoss) = hard;
    }
    if (wantHidden) {
        const at::Tensor real = b.mask.reshape({-1}).to(at::kBool);
        li.studentHidden = st.lastHidden.reshape({-1, st.lastHidden.size(-1)}).index({real});
        li.teacherHidden = teacherHidden.reshape({-1, teacherHidden.size(-1)}).index({real});
    }
    return DistillationLoss(settings_)(li);
}

}  // namespace distilbench
