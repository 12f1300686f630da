#include "core/training/RunDatasets.h"

#include <filesystem>
#include <map>

#include "core/models/ModelConfig.h"
#include "core/runtime/Error.h"
#include "core/training/RunFolder.h"
#include "core/util/JsonFile.h"

namespace distilbench {
namespace fs = std::filesystem;

// The student of a distillation run predicts the teacher's labels in the teacher's order; data
// labelled with other names ("0"/"1" for "negative"/"positive") keeps its id order.
namespace {
void alignLabels(Dataset& d, const std::vector<std::string>& order, const std::string& source,
                 bool strict) {
    if (order.size() != d.labels.size() && !strict) return;
    if (order.size() != d.labels.size())
        throw Error(d.source, "has " + std::to_string(d.labels.size()) +
                                  " labels but the teacher " + source + " predicts " +
                                  std::to_string(order.size()));
    std::map<std::string, int> id;
    for (std::size_t i = 0; i < order.size(); ++i) id[order[i]] = static_cast<int>(i);
    std::vector<int> remap(d.labels.size());
    for (std::size_t i = 0; i < d.labels.size(); ++i) {
        auto it = id.find(d.labels[i]);
        if (it == id.end()) return;
        remap[i] = it->second;
    }
    for (auto& e : d.examples) {
        if (e.label >= 0) e.label = remap[e.label];
        for (int& t : e.tags) t = remap[t];
    }
    d.labels = order;
}

}  // namespace

std::vector<std::string> keptLabelNames(const std::vector<std::string>& dataLabels,
                                        const std::vector<std::string>& modelLabels) {
    if (dataLabels.empty() || dataLabels.size() != modelLabels.size()) return {};
    bool generic = true;
    for (std::size_t i = 0; i < dataLabels.size(); ++i) {
        if (dataLabels[i] != std::to_string(i)) return {};
        generic = generic && modelLabels[i] == "LABEL_" + std::to_string(i);
    }
    return generic ? std::vector<std::string>{} : modelLabels;
}

RunDatasets readRunDatasets(const TrainingConfig& cfg, const std::vector<std::string>& labelOrder,
                            bool strict) {
    RunDatasets r;
    r.train = DatasetReader::read(cfg.trainFile, cfg.task, cfg.columns, cfg.labels);
    if (!labelOrder.empty() && cfg.labels.empty())
        alignLabels(r.train, labelOrder, cfg.distillation.teacher, strict);
    if (cfg.testFile.empty() && cfg.testSplit > 0)
        std::tie(r.train, r.test) = splitDataset(r.train, cfg.testSplit, cfg.seed + 1, true);
    if (!cfg.validationFile.empty()) {
        r.validation =
            DatasetReader::read(cfg.validationFile, cfg.task, cfg.columns, r.train.labels);
    } else if (cfg.validationSplit > 0) {
        std::tie(r.train, r.validation) =
            splitDataset(r.train, cfg.validationSplit, cfg.seed, true);
    }
    if (!cfg.testFile.empty())
        r.test = DatasetReader::read(cfg.testFile, cfg.task, cfg.columns, r.train.labels);
    return r;
}

RunDatasets readRunDatasets(const std::string& runDirectory) {
    const TrainingConfig c =
        TrainingConfig::fromJson(readJsonObject((fs::path(runDirectory) / "config.json").string()));
    std::vector<std::string> order;
    if (c.distillation.enabled && c.task != Task::MaskedLM)
        order = ModelConfig::ofModel(c.distillation.teacher).labels;
    RunDatasets r = readRunDatasets(c, order);
    r.maxLength = c.maxLength;
    return r;
}

}  // namespace distilbench
