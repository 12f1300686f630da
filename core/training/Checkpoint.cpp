#include "core/training/Checkpoint.h"

#include <ATen/ATen.h>

#include <QByteArray>
#include <QJsonObject>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "core/runtime/Error.h"
#include "core/util/FileChecks.h"
#include "core/util/JsonFile.h"
#include "core/weights/WeightWriter.h"

namespace distilbench {
namespace fs = std::filesystem;

namespace {
constexpr const char* kWeights = "model.safetensors";
constexpr const char* kOptimizer = "optimizer.safetensors";
constexpr const char* kState = "trainer_state.json";
}  // namespace

QJsonObject TrainerState::toJson() const {
    QJsonObject best;
    for (const auto& [k, v] : bestMetrics) best[QString::fromStdString(k)] = v;
    const at::Tensor rng = rngState.contiguous();
    const QByteArray bytes(reinterpret_cast<const char*>(rng.data_ptr()), rng.numel());
    return QJsonObject{{"global_step", globalStep},
                       {"epoch", epoch},
                       {"group_in_epoch", groupInEpoch},
                       {"rng_state", QString::fromLatin1(bytes.toBase64())},
                       {"best_value", bestValue},
                       {"best_step", bestStep},
                       {"best_metrics", best},
                       {"early_best", earlyBest},
                       {"bad_evaluations", badEvaluations},
                       {"window_loss", windowLoss},
                       {"window_steps", windowSteps},
                       {"total_steps", totalSteps},
                       {"elapsed_seconds", elapsedSeconds}};
}

TrainerState TrainerState::fromJson(const QJsonObject& s, const std::string& source) {
    for (const char* key : {"global_step", "epoch", "group_in_epoch", "rng_state"})
        if (!s.contains(QLatin1String(key)))
            throw Error(source, std::string("lacks \"") + key + "\"");
    TrainerState t;
    t.globalStep = s["global_step"].toInt(-1);
    t.epoch = s["epoch"].toInt(-1);
    t.groupInEpoch = s["group_in_epoch"].toInt(-1);
    const QByteArray rng = QByteArray::fromBase64(s["rng_state"].toString().toUtf8());
    if (rng.isEmpty()) throw Error(source, "has no random-number state");
    t.rngState = at::empty({rng.size()}, at::kByte);
    std::memcpy(t.rngState.data_ptr(), rng.constData(), static_cast<std::size_t>(rng.size()));
    t.bestValue = s["best_value"].toDouble();
    t.bestStep = s["best_step"].toInt(-1);
    const QJsonObject best = s["best_metrics"].toObject();
    for (auto it = best.begin(); it != best.end(); ++it)
        t.bestMetrics[it.key().toStdString()] = it.value().toDouble();
    t.earlyBest = s["early_best"].toDouble(-1e308);
    t.badEvaluations = s["bad_evaluations"].toInt();
    t.windowLoss = s["window_loss"].toDouble();
    t.windowSteps = s["window_steps"].toInt();
    t.totalSteps = s["total_steps"].toInt();
    t.elapsedSeconds = s["elapsed_seconds"].toDouble();
    return t;
}

namespace Checkpoint {

std::string firstNonFinite(const NamedTensors& named) {
    for (const auto& [name, t] : named)
        if (t.is_floating_point() && !at::isfinite(t).all().item<bool>()) return name;
    return {};
}

void writeModelFiles(const std::string& folder, const NamedTensors& weights,
                     const ModelConfig& config) {
    writeSafetensors((fs::path(folder) / kWeights).string(), weights);
    QJsonObject json = config.toJson();
    json["torch_dtype"] = "float32";
    json["transformers_version"] = "4.36.2";
    writeJsonAtomically((fs::path(folder) / "config.json").string(), json);
}

void writeFiles(const std::string& folder, const NamedTensors& weights, const ModelConfig& config,
                const NamedTensors& optimizer, const TrainerState& state) {
    writeModelFiles(folder, weights, config);
    writeSafetensors((fs::path(folder) / kOptimizer).string(), optimizer);
    writeJsonAtomically((fs::path(folder) / kState).string(), state.toJson());
}

void writeFolderAtomically(const std::string& finalPath,
                           const std::function<void(const std::string&)>& write) {
    const fs::path final(finalPath);
    std::error_code ec;
    // What is replaced must be a folder this function wrote (it always holds config.json):
    // anything else at that path is left alone and refused.
    if (fs::exists(fs::symlink_status(final, ec)) &&
        (!fs::is_directory(fs::symlink_status(final, ec)) ||
         !fs::is_regular_file(final / "config.json", ec)))
        throw Error(final.string(),
                    "exists and is not a model folder written by a run; it is "
                    "left as it is");
    // The temporary is made by mkdtemp: a new, unique folder, so that removing it on a failure
    // can only ever remove what this call created (never a folder that was there before).
    std::string pattern = final.string() + ".tmp-XXXXXX";
    if (!::mkdtemp(pattern.data()))
        throw Error(final.parent_path().string(),
                    "cannot create a temporary folder: " + errnoText(errno));
    const fs::path tmp(pattern);
    try {
        write(tmp.string());
    } catch (...) {
        fs::remove_all(tmp, ec);
        throw;
    }
    fs::remove_all(final, ec);
    fs::rename(tmp, final, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove_all(tmp, ignored);
        throw Error(final.string(), "cannot be saved: " + ec.message());
    }
}

CheckpointContents read(const std::string& folder, int step, const RunShape& run) {
    const fs::path path(folder);
    CheckpointContents d;
    const std::string weightsPath = (path / kWeights).string();
    d.weights = readWeights({weightsPath, "safetensors"});
    if (const std::string bad = firstNonFinite(d.weights); !bad.empty())
        throw Error(weightsPath, "the weight '" + bad + "' holds NaN or infinite values");
    const std::string optimizerPath = (path / kOptimizer).string();
    d.optimizer = readWeights({optimizerPath, "safetensors"});
    if (const std::string bad = firstNonFinite(d.optimizer); !bad.empty())
        throw Error(optimizerPath, "'" + bad + "' holds NaN or infinite values");
    const std::string statePath = (path / kState).string();
    d.state = TrainerState::fromJson(readJsonObject(statePath), statePath);
    const int global = d.state.globalStep;
    if (global != step)
        throw Error(statePath, "global_step " + std::to_string(global) +
                                   " does not match the checkpoint's step " + std::to_string(step));
    if (global <= 0 || global > run.totalSteps)
        throw Error(statePath, "global_step " + std::to_string(global) +
                                   " lies outside this run's " + std::to_string(run.totalSteps) +
                                   " steps");
    const int epoch = d.state.epoch, group = d.state.groupInEpoch;
    if (epoch < 0 || epoch > run.epochs || group < 0 || group > run.stepsPerEpoch)
        throw Error(statePath, "epoch " + std::to_string(epoch) + " / group " +
                                   std::to_string(group) + " lie outside this run");
    return d;
}

}  // namespace Checkpoint

}  // namespace distilbench
