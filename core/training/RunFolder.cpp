#include "core/training/RunFolder.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QString>
#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <set>

#include "core/evaluation/Evaluation.h"
#include "core/runtime/Error.h"
#include "core/training/TrainingConfig.h"
#include "core/util/AtomicFile.h"
#include "core/util/FileChecks.h"
#include "core/util/JsonFile.h"

namespace distilbench {
namespace fs = std::filesystem;

void RunFolder::checkNewRun(const std::string& dir) {
    if (dir.empty()) throw Error("no run folder given");
    std::error_code ec;
    const fs::file_status st = fs::status(dir, ec);
    if (!fs::exists(st)) return;
    if (!fs::is_directory(st))
        throw Error(dir, "exists and is not a folder; a new run needs a new or empty folder");
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        if (name == kLockFileName) continue;  // left by a run that failed to start
        const bool run = fs::exists(fs::path(dir) / "checkpoints") ||
                         fs::exists(fs::path(dir) / "metrics.jsonl");
        throw Error(dir, run ? "already holds a run; continue it with --resume or choose a new "
                               "folder"
                             : "is not empty (it holds '" + name +
                                   "'); a new run needs a new or empty folder");
    }
    if (ec) throw Error(dir, "cannot be read: " + ec.message());
}

std::string RunFolder::newRunPath(const std::string& root) {
    const std::string stamp =
        QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss-zzz").toStdString();
    std::error_code ec;
    std::string path = (fs::path(root) / stamp).string();
    for (int n = 2; fs::exists(path, ec); ++n)
        path = (fs::path(root) / (stamp + "-" + std::to_string(n))).string();
    return path;
}

namespace {
void requireFolderName(const std::string& name) {
    if (name.empty() || name == "." || name == ".." ||
        name.find_first_of("/\\") != std::string::npos)
        throw Error("'" + name + "' is not a folder name");
}
}  // namespace

std::string RunFolder::runPath(const std::string& root, const std::string& name) {
    if (name.empty()) return newRunPath(root);
    requireFolderName(name);
    return (fs::path(root) / name).string();
}

std::vector<std::pair<int, std::string>> RunFolder::listCheckpoints(const std::string& dir) {
    std::vector<std::pair<int, std::string>> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(fs::path(dir) / kCheckpointsFolder, ec)) {
        const std::string n = e.path().filename().string();
        // Temporaries ("checkpoint-N.tmp-XXXXXX", older "checkpoint-N.tmp") are never checkpoints.
        if (n.rfind("checkpoint-", 0) != 0 || n.find(".tmp") != std::string::npos) continue;
        bool ok = false;
        const int step = QString::fromStdString(n.substr(11)).toInt(&ok);
        if (ok && step > 0) out.emplace_back(step, e.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

void RunFolder::pruneCheckpoints(const std::string& dir, int keep) {
    if (keep <= 0) return;
    auto all = listCheckpoints(dir);
    std::error_code ec;
    for (std::size_t i = 0; i + keep < all.size(); ++i) fs::remove_all(all[i].second, ec);
}

std::vector<QJsonObject> RunFolder::readMetricRecords(const std::string& dir) {
    std::vector<QJsonObject> out;
    QFile f(QString::fromStdString((fs::path(dir) / kMetricsFile).string()));
    if (!f.open(QIODevice::ReadOnly)) return out;
    while (!f.atEnd()) {
        const QJsonObject o = QJsonDocument::fromJson(f.readLine()).object();
        if (!o.isEmpty()) out.push_back(o);
    }
    return out;
}

void RunFolder::writeMetricRecords(const std::string& dir, const std::vector<QJsonObject>& rs) {
    AtomicFile f((fs::path(dir) / kMetricsFile).string());
    for (const auto& o : rs) {
        const QByteArray b = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
        f.write(b.constData(), static_cast<std::size_t>(b.size()));
    }
    f.commit();
}

void RunFolder::writePredictions(const std::string& dir, const EvaluationReport& r) {
    AtomicFile f((fs::path(dir) / kPredictionsFile).string());
    for (std::size_t i = 0; i < r.texts.size(); ++i) {
        QJsonArray probs;
        for (float p : r.probabilities[i]) probs.append(p);
        QJsonObject o{{"text", QString::fromStdString(r.texts[i])}, {"probabilities", probs}};
        if (r.task == Task::Classification) {
            o["label"] = QString::fromStdString(r.labels[r.truth[i]]);
            o["predicted"] = QString::fromStdString(r.labels[r.predicted[i]]);
        }
        const QByteArray b = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
        f.write(b.constData(), static_cast<std::size_t>(b.size()));
    }
    f.commit();
}

RunFolder::RunSummary RunFolder::readRun(const std::string& dir) {
    RunSummary r;
    r.path = dir;
    r.name = fs::path(dir).filename().string();
    r.config = readJsonObject((fs::path(dir) / kConfigFile).string());
    const TrainingConfig c = TrainingConfig::fromJson(r.config);
    r.task = taskName(c.task);
    r.trainFile = c.trainFile;
    r.distillation = c.distillation.enabled;
    if (r.distillation) {
        const std::string student =
            c.distillation.studentSource == DistillationSettings::StudentSource::FromTeacher
                ? "layers of the teacher"
                : fs::path(c.distillation.student).filename().string();
        r.model = fs::path(c.distillation.teacher).filename().string() + " -> " + student;
    } else {
        r.model = c.preset.empty() ? fs::path(c.model).filename().string() : c.preset;
    }
    r.metricForBest = c.metricForBest.empty() ? c.mainMetric() : c.metricForBest;
    const fs::path summaryPath = fs::path(dir) / kSummaryFile;
    std::error_code ec;
    if (fs::is_regular_file(summaryPath, ec)) {
        const QJsonObject s = readJsonObject(summaryPath.string());
        r.finished = true;
        r.steps = s["steps"].toInt();
        r.epochs = s["epochs"].toDouble();
        r.seconds = s["seconds"].toDouble();
        r.earlyStopped = s["early_stopped"].toBool();
        r.examplesPerSecond = s["examples_per_second"].toDouble();
        if (s.contains("metric_for_best"))
            r.metricForBest = s["metric_for_best"].toString().toStdString();
        const QJsonObject best = s["best_metrics"].toObject();
        for (auto it = best.begin(); it != best.end(); ++it)
            r.bestMetrics[it.key().toStdString()] = it.value().toDouble();
        if (const auto it = r.bestMetrics.find(r.metricForBest); it != r.bestMetrics.end())
            r.bestValue = it->second;
        return r;
    }
    // Unfinished (running, cancelled or failed): the best evaluation logged so far.
    const QString key = "eval_" + QString::fromStdString(r.metricForBest);
    const bool greater = greaterIsBetter(r.metricForBest);
    for (const QJsonObject& o : readMetricRecords(dir)) {
        r.steps = std::max(r.steps, o["step"].toInt());
        if (o.contains("split") || !o.contains(key)) continue;
        const double v = o[key].toDouble();
        if (!r.bestValue || (greater ? v > *r.bestValue : v < *r.bestValue)) {
            r.bestValue = v;
            r.bestMetrics.clear();
            for (auto it = o.begin(); it != o.end(); ++it)
                if (it.key().startsWith("eval_"))
                    r.bestMetrics[it.key().mid(5).toStdString()] = it.value().toDouble();
        }
    }
    return r;
}

std::vector<RunFolder::RunSummary> RunFolder::listRuns(const std::string& root) {
    std::vector<RunSummary> out;
    std::error_code ec;
    std::vector<fs::path> dirs;
    for (const auto& e : fs::directory_iterator(root, ec))
        if (e.is_directory(ec) && fs::is_regular_file(e.path() / kConfigFile, ec))
            dirs.push_back(e.path());
    std::sort(dirs.begin(), dirs.end(), std::greater<>());
    for (const auto& d : dirs) {
        try {
            out.push_back(readRun(d.string()));
        } catch (const Error&) {
            // A folder with a damaged config.json is not listed as a run; opening it directly
            // (resume, evaluate) names the problem.
        }
    }
    return out;
}

namespace {
// Whether `name` is something a run writes into its folder.
bool isRunFile(const std::string& name) {
    static const std::set<std::string> known = {RunFolder::kConfigFile,
                                                RunFolder::kMetricsFile,
                                                RunFolder::kSummaryFile,
                                                RunFolder::kPredictionsFile,
                                                RunFolder::kCheckpointsFolder,
                                                RunFolder::kBestFolder,
                                                RunFolder::kLockFileName,
                                                RunFolder::kTrainingDynamicsFile,
                                                "distillation_report.json",
                                                "distillation_report.md",
                                                "best.tmp"};
    return known.count(name) || name.rfind("events.out.tfevents.", 0) == 0 ||
           name.rfind("best.tmp-", 0) == 0;
}

void requireRunNotInUse(const std::string& dir) {
    // Taking the lock proves no training writes the folder now; it is released at once.
    RunFolderLock probe(dir);
}
}  // namespace

void RunFolder::deleteRun(const std::string& dir) {
    std::error_code ec;
    if (!fs::is_regular_file(fs::path(dir) / kConfigFile, ec))
        throw Error(dir, "is not a run folder (no config.json); nothing was deleted");
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        if (!isRunFile(name))
            throw Error(dir,
                        "holds '" + name + "', which no run writes; the folder is left as it is");
    }
    if (ec) throw Error(dir, "cannot be read: " + ec.message());
    requireRunNotInUse(dir);
    fs::remove_all(dir, ec);
    if (ec) throw Error(dir, "cannot be deleted: " + ec.message());
}

std::string RunFolder::renameRun(const std::string& dir, const std::string& name) {
    requireFolderName(name);
    std::error_code ec;
    if (!fs::is_regular_file(fs::path(dir) / kConfigFile, ec))
        throw Error(dir, "is not a run folder (no config.json)");
    const fs::path target = fs::path(dir).parent_path() / name;
    if (fs::exists(target, ec)) throw Error(target.string(), "already exists");
    requireRunNotInUse(dir);
    fs::rename(dir, target, ec);
    if (ec) throw Error(dir, "cannot be renamed: " + ec.message());
    return target.string();
}

void RunFolder::writeSummary(const std::string& dir, const RunSummary& s) {
    QJsonObject best;
    for (const auto& [k, v] : s.bestMetrics) best[QString::fromStdString(k)] = v;
    writeJsonAtomically((fs::path(dir) / kSummaryFile).string(),
                        QJsonObject{{"seconds", s.seconds},
                                    {"steps", s.steps},
                                    {"epochs", s.epochs},
                                    {"early_stopped", s.earlyStopped},
                                    {"examples_per_second", s.examplesPerSecond},
                                    {"best_metrics", best},
                                    {"metric_for_best", QString::fromStdString(s.metricForBest)}});
}

namespace {
std::string hostName() {
    char host[256] = {};
    if (gethostname(host, sizeof(host) - 1) != 0) return "unknown host";
    return host;
}
}  // namespace

RunFolderLock::RunFolderLock(const std::string& dir)
    : path_((fs::path(dir) / RunFolder::kLockFileName).string()) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw Error(dir, "cannot create the run folder: " + ec.message());
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd_ < 0) throw Error(path_, "cannot create the lock file: " + errnoText(errno));
    // What the previous holder wrote, for the messages below.
    char buffer[512] = {};
    const ssize_t n = ::pread(fd_, buffer, sizeof(buffer) - 1, 0);
    std::string holder = n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : "";
    while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' ')) holder.pop_back();
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        const int e = errno;
        ::close(fd_);
        fd_ = -1;
        if (e == EWOULDBLOCK) {
            std::string who = holder.empty() ? "" : " (" + holder + ")";
            const auto space = holder.find(' ');
            if (space != std::string::npos)
                who = " (pid " + holder.substr(0, space) + " on " + holder.substr(space + 1) + ")";
            throw Error(dir, "is in use by another training" + who +
                                 "; wait for it to finish or choose another folder");
        }
        throw Error(path_, "cannot lock: " + errnoText(e));
    }
    if (!holder.empty()) {
        const auto space = holder.find(' ');
        staleNotice_ = "a stale lock of a run that no longer runs (pid " + holder.substr(0, space) +
                       (space == std::string::npos ? "" : " on " + holder.substr(space + 1)) +
                       ") was found in " + dir + " and taken over";
    }
    // The lock is held either way; the pid and host written here are only informative, so a
    // failure to write them is not an error.
    const std::string me = std::to_string(::getpid()) + " " + hostName() + "\n";
    if (::ftruncate(fd_, 0) == 0) (void)!::pwrite(fd_, me.data(), me.size(), 0);
}

RunFolderLock::~RunFolderLock() {
    if (fd_ < 0) return;
    // Emptied rather than deleted: unlinking a lock file races with a second writer that has
    // just opened it. An empty lock file is not stale.
    (void)!::ftruncate(fd_, 0);
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
}

}  // namespace distilbench
