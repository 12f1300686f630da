#include "core/distillation/DistillationLoss.h"

#include <ATen/ATen.h>

#include "core/runtime/Error.h"

namespace distilbench {

DistillationLossParts DistillationLoss::operator()(const DistillationLossInputs& in) const {
    DistillationLossParts out;
    at::Tensor total;
    auto add = [&](const at::Tensor& term, double weight, const char* name) {
        out.values[name] = term.item<double>();
        const at::Tensor weighted = term * weight;
        total = total.defined() ? total + weighted : weighted;
    };
    const at::Tensor s = in.studentLogits.to(at::kFloat), t = in.teacherLogits.to(at::kFloat);
    if (s.sizes() != t.sizes())
        throw Error(
            "the student predicts " + std::to_string(s.size(-1)) + " outputs but the teacher " +
            std::to_string(t.size(-1)) +
            ": teacher and student must predict the same labels (and share the vocabulary)");
    const std::int64_t rows = std::max<std::int64_t>(1, s.size(0));
    if (s_.alphaCe > 0 && s.size(0) > 0) {
        const double T = s_.temperature;
        const at::Tensor kl = at::kl_div(at::log_softmax(s / T, -1), at::log_softmax(t / T, -1),
                                         at::Reduction::Sum, true);
        add(kl / rows * (T * T), s_.alphaCe, "loss_ce");
    }
    if (s_.alphaHard > 0 && in.hardLoss.defined())
        add(in.hardLoss.to(at::kFloat), s_.alphaHard, "loss_hard");
    if (s_.alphaMlm > 0 && in.mlmLoss.defined())
        add(in.mlmLoss.to(at::kFloat), s_.alphaMlm, "loss_mlm");
    if (s_.alphaCos > 0 && in.studentHidden.defined() && in.teacherHidden.defined() &&
        in.studentHidden.size(0) > 0) {
        const at::Tensor hs = in.studentHidden.to(at::kFloat), ht = in.teacherHidden.to(at::kFloat);
        if (hs.size(-1) != ht.size(-1))
            throw Error("the cosine loss needs equal hidden sizes: student " +
                        std::to_string(hs.size(-1)) + ", teacher " + std::to_string(ht.size(-1)) +
                        " (set alpha_cos to 0)");
        add(at::cosine_embedding_loss(hs, ht, at::ones({hs.size(0)}, hs.options())), s_.alphaCos,
            "loss_cos");
    }
    if (s_.alphaMse > 0 && s.size(0) > 0)
        add(at::mse_loss(s, t, at::Reduction::Sum) / rows, s_.alphaMse, "loss_mse");
    if (!total.defined()) total = (s.sum() * 0.0);  // every weight zero: a valid, constant loss
    out.total = total;
    return out;
}

}  // namespace distilbench
