#include "app/gui/Workspace.h"

#include <QDir>
#include <QFileInfo>

#include "app/common/JobRunner.h"
#include "app/gui/AppSettings.h"
#include "core/inference/Pipeline.h"
#include "core/models/Model.h"
#include "core/runtime/Resources.h"
#include "core/tokenizers/Tokenizer.h"

using namespace distilbench;

Workspace::Workspace(JobRunner* runner, QObject* parent) : QObject(parent), runner_(runner) {}

std::shared_ptr<Tokenizer> Workspace::tokenizer() const {
    if (pipeline_ && pipeline_->tokenizer()) return pipeline_->tokenizer();
    return tokenizerOnly_;
}

bool Workspace::isTokenizerFile(const QString& path) {
    const QFileInfo info(path);
    if (info.isDir()) return false;
    const QString name = info.fileName();
    return name.endsWith(QLatin1String(".model")) || (name.endsWith(QLatin1String(".txt"))) ||
           (name.endsWith(QLatin1String(".json")) && name != QLatin1String("config.json") &&
            !name.endsWith(QLatin1String(".index.json")));
}

int Workspace::open(const QString& path) {
    const std::string p = QDir::cleanPath(path).toStdString();
    if (isTokenizerFile(path)) {
        auto result = std::make_shared<std::shared_ptr<Tokenizer>>();
        return runner_->start(
            tr("Loading tokenizer %1").arg(QFileInfo(path).fileName()),
            [p, result](const JobCallbacks&) { *result = Tokenizer::load(p); },
            [this, result, path] {
                tokenizerOnly_ = std::move(*result);
                Q_EMIT tokenizerChanged();
                Q_EMIT opened(path);
            });
    }
    auto result = std::make_shared<std::shared_ptr<Pipeline>>();
    const QString name =
        QFileInfo(path).isDir() ? QFileInfo(path).fileName() : QFileInfo(path).dir().dirName();
    const std::string device = AppSettings::device().toStdString();
    return runner_->start(
        tr("Loading model %1").arg(name),
        [p, result, device](const JobCallbacks& cb) {
            *result = Pipeline::open(p, cb);
            if (device != "cpu") (*result)->model()->setDevice(device);
            Model::cpuInt8WeightBits();  // found here, off the GUI thread (the Export dialog)
        },
        [this, result, name, path] {
            setPipeline(std::move(*result), name, path);
            Q_EMIT opened(path);
        });
}

int Workspace::createFromPreset(const QString& preset, int head, int numLabels,
                                const QString& tokenizerPath) {
    auto result = std::make_shared<std::shared_ptr<Pipeline>>();
    const std::string p = preset.toStdString(), t = tokenizerPath.toStdString();
    return runner_->start(
        tr("Creating %1").arg(preset),
        [p, t, head, numLabels, result](const JobCallbacks& cb) {
            ModelConfig config = ModelConfig::preset(p, static_cast<HeadType>(head));
            config.setNumLabels(std::max(1, numLabels));
            std::shared_ptr<Tokenizer> tokenizer;
            if (!t.empty()) {
                tokenizer = Tokenizer::load(t);
                config.vocabSize = static_cast<int>(tokenizer->vocabSize());
            }
            cb.report(0.3, "initialising weights");
            *result = std::make_shared<Pipeline>(Model::create(config), tokenizer);
        },
        [this, result, preset] {
            setPipeline(std::move(*result), tr("new %1").arg(preset), QString());
        });
}

void Workspace::setPipeline(std::shared_ptr<Pipeline> pipeline, const QString& name,
                            const QString& path) {
    pipeline_ = std::move(pipeline);
    modelName_ = name;
    modelPath_ = path;
    Q_EMIT modelChanged();
    Q_EMIT tokenizerChanged();
}

void Workspace::applyDeviceSetting() {
    if (!pipeline_) return;
    const std::string device = AppSettings::device().toStdString();
    if (pipeline_->model()->device() == device) return;
    auto pipeline = pipeline_;
    runner_->start(
        tr("Moving the model to %1").arg(AppSettings::device()),
        [pipeline, device](const JobCallbacks&) { pipeline->model()->setDevice(device); });
}

bool Workspace::demoAvailable() {
    return !distilbench::demoModelPath().empty();
}

int Workspace::openDemo() {
    const QString path = QString::fromStdString(distilbench::demoModelPath());
    if (path.isEmpty()) return -1;
    auto result = std::make_shared<std::shared_ptr<Pipeline>>();
    const std::string p = path.toStdString();
    return runner_->start(
        tr("Loading the demo model"),
        [p, result](const JobCallbacks& cb) {
            *result = Pipeline::open(p, cb);
            Model::cpuInt8WeightBits();  // found here, off the GUI thread (the Export dialog)
        },
        [this, result, path] {
            setPipeline(std::move(*result), tr("Demo: SST-2 sentiment"), path);
        });
}
