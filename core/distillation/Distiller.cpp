#include "core/distillation/Distiller.h"

#include <QFile>
#include <filesystem>
#include "core/util/AtomicFile.h"

#include "core/runtime/Error.h"
#include "core/util/JsonFile.h"

namespace distilbench {
namespace fs = std::filesystem;

namespace {

DistillationOutcome finish(const TrainingConfig& config, const std::string& dir,
                           TrainingOutcome training, const TrainerCallbacks& cb) {
    DistillationOutcome out;
    out.training = std::move(training);
    if (!fs::exists(fs::path(out.training.bestModel) / "config.json")) return out;
    std::string metric = config.metricForBest.empty() ? config.mainMetric() : config.metricForBest;
    out.report = measureDistillation(config.distillation.teacher, out.training.bestModel,
                                     out.training.teacherMetrics, out.training.bestMetrics, metric,
                                     std::min(128, config.maxLength), 10, cb.job);
    writeJsonAtomically((fs::path(dir) / "distillation_report.json").string(), out.report.toJson());
    writeFileAtomically((fs::path(dir) / "distillation_report.md").string(),
                        out.report.toMarkdown());
    return out;
}

}  // namespace

DistillationOutcome Distiller::distill(const TrainingConfig& config, const std::string& dir,
                                       const TrainerCallbacks& cb) {
    if (!config.distillation.enabled) throw Error("the run settings do not enable distillation");
    if (config.distillation.teacher.empty())
        throw Error("distillation needs a teacher model folder");
    TrainingConfig c = config;
    c.preset = c.model = "";  // the student comes from the distillation settings
    return finish(c, dir, Trainer::train(c, dir, cb), cb);
}

DistillationOutcome Distiller::resume(const std::string& dir, const TrainerCallbacks& cb) {
    const TrainingConfig c =
        TrainingConfig::fromJson(readJsonObject((fs::path(dir) / "config.json").string()));
    if (!c.distillation.enabled) throw Error(dir, "is a fine-tuning run, not a distillation run");
    return finish(c, dir, Trainer::resume(dir, cb), cb);
}

DistillationReport Distiller::readReport(const std::string& dir) {
    const std::string path = (fs::path(dir) / "distillation_report.json").string();
    if (!fs::exists(path)) throw Error(dir, "has no distillation report yet");
    return DistillationReport::fromJson(readJsonObject(path));
}

}  // namespace distilbench
