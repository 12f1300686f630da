#pragma once

#include <QStringList>
#include <QWidget>
#include <atomic>
#include <functional>
#include <memory>
#include <vector>

#include "core/training/RunFolder.h"

class Workspace;
class QLineEdit;
class QComboBox;
class QSpinBox;
class QDoubleSpinBox;
class QCheckBox;
class QGroupBox;
class QPushButton;
class QProgressBar;
class QLabel;
class QSlider;
class QTreeWidget;
class LivePlot;
class OptionForm;
class RunView;
class LengthHistogram;
class QTableWidget;
class QTabWidget;
namespace distilbench {
struct DatasetStatistics;
struct TrainingConfig;
}  // namespace distilbench

// Point-and-click fine-tuning: data and columns, hyperparameters (basic and advanced), Start,
// Pause/Resume, Cancel, live loss/metric/learning-rate plots and the history of runs. The
// training engine is the same one `distilbench-cli train` uses.
class TrainPage : public QWidget {
    Q_OBJECT
public:
    explicit TrainPage(Workspace* workspace, QWidget* parent = nullptr);

    void setTrainFile(const QString& path);
    void setRunsFolder(const QString& path);
    // "" fine-tunes the open model; otherwise a preset name.
    void setModelSource(const QString& preset);
    QString runsFolder() const;
    // Starts a run into a new folder under the runs folder; returns the job id or -1.
    int start();
    int resumeRun(const QString& runDirectory);
    void togglePause();
    void cancel();
    bool isRunning() const;
    LivePlot* lossPlot() const;
    LivePlot* metricPlot() const;
    QTreeWidget* history() const { return history_; }
    QLabel* noticeBanner() const;
    // Reads the runs folder on the job runner; historyRefreshed() when the history shows it.
    void refreshHistory();
    QSpinBox* epochsBox() const;
    QSpinBox* maxStepsBox() const;
    QDoubleSpinBox* learningRateBox() const;
    QSpinBox* maxLengthBox() const;
    OptionForm* advancedOptions() const { return advancedOptions_; }
    // Asks yes/no (Start on suspicious columns, deleting a run) and for a run's new name; tests
    // answer without a dialog.
    void setStartConfirmation(std::function<bool(const QString&)> ask) {
        confirmStart_ = std::move(ask);
    }
    void setNameQuestion(std::function<QString(const QString& current)> ask) {
        askName_ = std::move(ask);
    }
    // Where a refused action says why (a warning dialog by default).
    void setProblemReport(std::function<void(const QString&)> report) {
        reportProblem_ = std::move(report);
    }
    // The run history's actions (its context menu): delete or rename the run in `runDirectory`
    // through core's RunFolder rules, after asking; false when refused or not confirmed.
    bool deleteRun(const QString& runDirectory);
    bool renameRun(const QString& runDirectory);
    // TensorBoard's HParams view: the runs side by side (hyperparameters, best value, duration,
    // examples/s), sortable. `runDirectories` empty: every run in the history.
    QTableWidget* compareRuns(const QStringList& runDirectories = {});
    QStringList columnProblems() const { return columnProblems_; }
    // The run the form describes (what Start would train).
    distilbench::TrainingConfig configFromForm() const;
    void setTask(int index);
    QTableWidget* preview() const { return preview_; }
    QString statisticsText() const;
    // Reads the training data on the job runner and shows its preview and statistics.
    int inspectData();

Q_SIGNALS:
    void runFinished(const QString& runDirectory, bool cancelled);
    void dataInspected();
    void historyRefreshed();

private:
    void readColumns();
    // Per-task (and fine-tune vs from-scratch) hyperparameters; the user edits from there.
    void applyDefaults();
    void finished(bool cancelled);
    void showHistory(std::vector<distilbench::RunFolder::RunSummary> runs);
    int launch(const QString& runDirectory, const distilbench::TrainingConfig& config, bool resume);

    Workspace* workspace_;
    QLineEdit* train_;
    QLineEdit* validation_;
    QLineEdit* runsFolderEdit_ = nullptr;
    QLineEdit* runName_ = nullptr;
    QComboBox* task_;
    QComboBox* textColumn_;
    QComboBox* labelColumn_;
    QComboBox* modelSource_;
    OptionForm* dataOptions_;
    OptionForm* basic_;
    QGroupBox* advanced_;
    OptionForm* advancedOptions_;
    QPushButton* startButton_;
    QPushButton* pauseButton_;
    QPushButton* cancelButton_;
    QTabWidget* tabs_;
    QTableWidget* preview_;
    QLabel* stats_;
    LengthHistogram* histogram_;
    std::shared_ptr<distilbench::DatasetStatistics> statistics_;
    void showStatistics();
    RunView* runView_;
    QTreeWidget* history_;
    std::vector<distilbench::RunFolder::RunSummary> runs_;  // what the history shows
    int historyGeneration_ = 0;
    QString runsFolder_;
    QStringList columnProblems_;
    int inspectJob_ = -1;
    std::function<bool(const QString&)> confirmStart_;
    std::function<QString(const QString&)> askName_;
    std::function<void(const QString&)> reportProblem_;
    QString currentRun_;
};
