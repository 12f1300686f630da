#pragma once

#include <QJsonObject>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/training/Metrics.h"

namespace distilbench {

struct EvaluationReport;

// Rules for run folders (train, distill, resume; the GUI, the CLI and the tests alike): the
// only reader and writer of their layout.
//
//   RUN_DIR/config.json                    the TrainingConfig (what resume reads)
//   RUN_DIR/metrics.jsonl                  one JSON object per log line and evaluation
//   RUN_DIR/run_summary.json               written when the run ends
//   RUN_DIR/validation_predictions.jsonl   the latest evaluation, per example
//   RUN_DIR/checkpoints/checkpoint-N/      weights, optimizer, trainer state
//   RUN_DIR/best/                          the best model, a Hugging Face folder
//   RUN_DIR/events.out.tfevents.*          TensorBoard
//   RUN_DIR/.distilbench.lock              held by the run writing the folder
namespace RunFolder {

// A new run goes into a folder that does not exist or is empty: an existing model folder or a
// finished run is never written over (continuing a run is Trainer::resume only). Throws Error.
void checkNewRun(const std::string& dir);

// The name of the lock file inside a run folder.
constexpr const char* kLockFileName = ".distilbench.lock";
constexpr const char* kConfigFile = "config.json";
constexpr const char* kMetricsFile = "metrics.jsonl";
constexpr const char* kSummaryFile = "run_summary.json";
constexpr const char* kPredictionsFile = "validation_predictions.jsonl";
constexpr const char* kCheckpointsFolder = "checkpoints";
constexpr const char* kBestFolder = "best";
// Per epoch, each training example's probability of its gold label (the data map).
constexpr const char* kTrainingDynamicsFile = "training_dynamics.json";

// A folder name for a new run under `root` that does not exist yet (the date and time, made
// unique). Nothing is created: the run creates it once its data and model check out.
std::string newRunPath(const std::string& root);

// The folder of a new run named `name` under `root` ("" = newRunPath). Throws Error for a name
// that is not a plain folder name.
std::string runPath(const std::string& root, const std::string& name);

// checkpoint-N folders of a run, oldest first (temporaries and foreign names skipped).
std::vector<std::pair<int, std::string>> listCheckpoints(const std::string& dir);
// Removes the oldest checkpoints until `keep` remain (keep <= 0: all stay).
void pruneCheckpoints(const std::string& dir, int keep);

// The lines of metrics.jsonl (empty when there is none; unreadable lines are skipped).
std::vector<QJsonObject> readMetricRecords(const std::string& dir);
// Replaces metrics.jsonl atomically.
void writeMetricRecords(const std::string& dir, const std::vector<QJsonObject>& records);

// Replaces validation_predictions.jsonl with the evaluation's examples (text, probabilities,
// and for classification the true and predicted labels). Throws Error like every writer: failing
// to write predictions is an error like failing to write metrics.
void writePredictions(const std::string& dir, const EvaluationReport& report);

// What the run history, `distilbench-cli runs` and the run comparison show of one run.
struct RunSummary {
    std::string path, name;
    QJsonObject config;                  // config.json as written
    std::string task, trainFile, model;  // model: folder, preset, or teacher -> student
    bool distillation = false;
    bool finished = false;  // run_summary.json exists
    bool earlyStopped = false;
    int steps = 0;
    double epochs = 0;
    double seconds = 0;  // total training time across resumes (finished runs)
    double examplesPerSecond = 0;
    // The metric that picks the best model and its best value so far (from run_summary.json, or
    // from the evaluations in metrics.jsonl while the run is unfinished).
    std::string metricForBest;
    std::optional<double> bestValue;
    MetricMap bestMetrics;
};

// Reads a run folder; throws Error when it has no readable config.json.
RunSummary readRun(const std::string& dir);
// The runs directly under `root`, newest first; folders that are not runs are skipped.
std::vector<RunSummary> listRuns(const std::string& root);
// Deletes a run folder. Refused (Error naming the path and the reason) unless it is a run folder
// holding only what runs write (config.json, metrics, summary, predictions, checkpoints/,
// best/, TensorBoard events, distillation reports, the lock), and no training holds its lock:
// a folder with the user's own files is never deleted.
void deleteRun(const std::string& dir);
// Renames a run folder within its parent (`name` is a plain folder name, not a path; the target
// must not exist; a running training's folder is refused). Returns the new path.
std::string renameRun(const std::string& dir, const std::string& name);

// Writes run_summary.json (atomically).
void writeSummary(const std::string& dir, const RunSummary& summary);

}  // namespace RunFolder

// An exclusive advisory lock (flock) on RUN_DIR/.distilbench.lock, held by every writer of a
// run folder for as long as it writes. The file holds "pid host" of the holder, so that a
// second writer learns who holds it. The kernel drops a flock when its process dies, so a lock
// file left by a killed run is stale: it is detected (nobody holds the flock), reported
// through `staleNotice()`, and taken over.
class RunFolderLock {
public:
    // Throws Error("RUN_DIR: is in use by another training (pid 123 on host)") when held.
    explicit RunFolderLock(const std::string& dir);
    ~RunFolderLock();
    RunFolderLock(const RunFolderLock&) = delete;
    RunFolderLock& operator=(const RunFolderLock&) = delete;

    // Non-empty when a stale lock of a process that no longer runs was taken over.
    const std::string& staleNotice() const { return staleNotice_; }

private:
    int fd_ = -1;
    std::string path_;
    std::string staleNotice_;
};

}  // namespace distilbench
