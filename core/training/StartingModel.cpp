#include "core/training/StartingModel.h"

#include <ATen/ATen.h>

#include "core/models/EncoderModel.h"
#include "core/models/Model.h"
#include "core/training/Objective.h"
#include "core/weights/WeightLoader.h"

namespace distilbench::StartingModel {

std::shared_ptr<Model> withHead(Model& base, HeadType head, const std::vector<std::string>& labels,
                                Task task, std::uint64_t seed,
                                const std::function<void(const std::string&)>& notice) {
    ModelConfig c = base.config();
    c.head = head;
    c.labels = head == HeadType::MaskedLM ? std::vector<std::string>{} : labels;
    c.problemType = head == HeadType::MaskedLM ? "" : Objective::problemTypeFor(task);
    auto encoder = std::make_unique<EncoderModel>(c, seed, false);
    NamedTensors weights = base.encoder().stateDict(true);
    const bool sameHead =
        base.config().head == head && base.config().labels.size() == c.labels.size();
    if (!sameHead)
        std::erase_if(weights, [](const auto& w) {
            return w.first.rfind("classifier", 0) == 0 || w.first.rfind("pre_classifier", 0) == 0;
        });
    const LoadReport report = encoder->loadStateDict(weights, base.summary().weightsPath);
    if (!report.missing.empty() && notice)
        notice(std::to_string(report.missing.size()) +
               (report.missing.size() == 1 ? " weight is" : " weights are") +
               " new and freshly initialised (" + summariseNames(report.missing) +
               (sameHead ? ")" : "): the model gets a new head for this task"));
    return Model::adopt(std::move(encoder));
}

std::vector<std::string> trainableParameters(EncoderModel& model, bool freezeEmbeddings,
                                             int freezeLayers) {
    std::vector<std::string> trainable;
    for (const auto& name : model.parameterNames()) {
        bool frozen = freezeEmbeddings && name.find("embeddings.") != std::string::npos;
        for (int l = 0; l < freezeLayers; ++l)
            for (const char* part : {".transformer.layer.", ".encoder.layer."})
                if (name.find(std::string(part) + std::to_string(l) + ".") != std::string::npos)
                    frozen = true;
        at::Tensor& p = model.parameter(name);
        p = p.detach().clone();
        p.set_requires_grad(!frozen);
        if (!frozen) trainable.push_back(name);
    }
    return trainable;
}

}  // namespace distilbench::StartingModel
