#pragma once

#include <QWidget>
#include <atomic>
#include <memory>

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
class LengthHistogram;
class QTableWidget;
class QTabWidget;
namespace distilbench {
struct DatasetStatistics;
}

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
    LivePlot* lossPlot() const { return loss_; }
    LivePlot* metricPlot() const { return metrics_; }
    QTreeWidget* history() const { return history_; }
    QLabel* noticeBanner() const { return notice_; }
    void refreshHistory();
    QSpinBox* epochsBox() const { return epochs_; }
    QSpinBox* maxStepsBox() const { return maxSteps_; }
    QDoubleSpinBox* learningRateBox() const { return lr_; }
    QSpinBox* maxLengthBox() const { return maxLength_; }
    void setTask(int index);
    QTableWidget* preview() const { return preview_; }
    QString statisticsText() const;
    // Reads the training data on the job runner and shows its preview and statistics.
    int inspectData();

Q_SIGNALS:
    void runFinished(const QString& runDirectory, bool cancelled);
    void dataInspected();

private:
    void readColumns();
    // Per-task (and fine-tune vs from-scratch) hyperparameters; the user edits from there.
    void applyDefaults();
    void finished(bool cancelled);
    int launch(const QString& runDirectory, bool resume);

    Workspace* workspace_;
    QLineEdit* train_;
    QLineEdit* validation_;
    QComboBox* task_;
    QComboBox* textColumn_;
    QComboBox* labelColumn_;
    QComboBox* modelSource_;
    QSpinBox* epochs_;
    QSpinBox* maxSteps_;
    QDoubleSpinBox* lr_;
    QSpinBox* batch_;
    QSpinBox* maxLength_;
    QGroupBox* advanced_;
    QDoubleSpinBox* warmup_;
    QDoubleSpinBox* weightDecay_;
    QDoubleSpinBox* clip_;
    QSpinBox* accumulation_;
    QSpinBox* seed_;
    QSpinBox* evalSteps_;
    QComboBox* earlyMetric_;
    QSpinBox* patience_;
    QCheckBox* balanced_;
    QCheckBox* freezeEmbeddings_;
    QSpinBox* freezeLayers_;
    QCheckBox* bf16_;
    QPushButton* startButton_;
    QPushButton* pauseButton_;
    QPushButton* cancelButton_;
    QProgressBar* progress_;
    QLabel* status_;
    // Notices from the engine that do not stop the run (new weights, a stale lock, a damaged
    // checkpoint skipped): shown as a banner until the next run starts.
    QLabel* notice_ = nullptr;
    QDoubleSpinBox* validationSplit_;
    QTabWidget* tabs_;
    QTableWidget* preview_;
    QLabel* stats_;
    LengthHistogram* histogram_;
    std::shared_ptr<distilbench::DatasetStatistics> statistics_;
    void showStatistics();
    QSlider* smoothing_;
    LivePlot* loss_;
    LivePlot* metrics_;
    LivePlot* lr_plot_;
    QTreeWidget* history_;
    QString runsFolder_;
    QString currentRun_;
    class RunController* run_;
};
