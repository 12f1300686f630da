#pragma once

#include <QString>
#include <QWidget>
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/training/Trainer.h"

class JobRunner;
class LivePlot;
class QLabel;
class QProgressBar;
class QPushButton;
class QSlider;
class RunController;

// The live side of a training-like run, shared by the Train and Distill pages: progress with
// the time left, the status line, the banner of the engine's notices, the loss plot (the total
// and, for distillation, each loss part), the validation plot (headline metrics, or the
// student's main metric against the teacher's), optionally the learning rate, and plot export.
// Records arrive from the training thread and are queued to the GUI thread; the plots redraw on
// their 40 ms timers. A resumed run shows its earlier curves, read from the run folder.
class RunView : public QWidget {
    Q_OBJECT
public:
    struct Options {
        bool learningRatePlot = false;
        bool smoothingSlider = false;
        // Distillation: plot the student's main metric against the teacher's reference line.
        bool teacherComparison = false;
        QString exportName;  // suggested file name of "Export Plots…"
    };
    RunView(JobRunner* runner, QPushButton* start, QPushButton* pause, QPushButton* cancel,
            const Options& options, QWidget* parent = nullptr);

    // Clears the plots and the notice banner for a new run; `mainMetric` is the metric the run
    // picks its best model by (the Distill plot's student and teacher curves).
    void reset(const QString& mainMetric);
    // Replays the records of an existing run folder into the plots (before resuming it).
    void replay(const QString& runDirectory);
    // Clears the view for the run about to start in `runDirectory`, plotted by the metric that
    // picks its best model (the run folder's own when resuming, with its earlier curves).
    void prepare(const QString& runDirectory, const distilbench::TrainingConfig& config,
                 bool resume);
    // Says why a run cannot start, one problem a line; returns true when there are problems.
    static bool refuseStart(QWidget* parent, const QString& title, const QStringList& problems);
    // Callbacks that feed this view; the job adds its own progress and pause hooks.
    distilbench::TrainerCallbacks callbacks();
    // Starts `job` on the runner with those callbacks; returns the job id or -1.
    int launch(const QString& name, const std::function<void(distilbench::TrainerCallbacks&)>& job,
               const QString& startingStatus);
    // The line shown when the run ends: finished (what was saved where), stopped (can be
    // resumed from the folder) or, after a failure, the error the controller already shows.
    void showEnd(bool cancelled, const QString& finishedText, const QString& runDirectory);

    // What the plots' x axis counts: optimizer steps, epochs, or training time in seconds.
    enum class XAxis { Step, Epoch, Time };
    void setXAxis(XAxis axis);
    XAxis xAxis() const { return xAxis_; }

    RunController* controller() const { return controller_; }
    LivePlot* lossPlot() const { return loss_; }
    LivePlot* metricPlot() const { return metrics_; }
    LivePlot* learningRatePlot() const { return learningRate_; }
    QLabel* status() const { return status_; }
    QLabel* noticeBanner() const { return notice_; }

private:
    void addLog(const distilbench::TrainingLogRecord& record);
    void addEvaluation(const distilbench::EvaluationRecord& record);
    void plotLog(const distilbench::TrainingLogRecord& record);
    void plotEvaluation(const distilbench::EvaluationRecord& record);
    double xOf(int step, double epoch, double seconds) const;
    void clearPlots();

    Options options_;
    RunController* controller_;
    QProgressBar* progress_;
    QLabel* status_;
    QLabel* notice_;
    QSlider* smoothing_ = nullptr;
    LivePlot* loss_;
    LivePlot* metrics_;
    LivePlot* learningRate_ = nullptr;
    QString mainMetric_;
    double teacherValue_ = 0;
    bool hasTeacher_ = false;
    int colorIndex_ = 0;
    XAxis xAxis_ = XAxis::Step;
    class QComboBox* xAxisBox_ = nullptr;
    // Everything plotted, so that another x axis redraws the same run.
    std::vector<distilbench::TrainingLogRecord> logs_;
    std::vector<distilbench::EvaluationRecord> evaluations_;
};
