#pragma once

#include <QObject>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "app/common/JobRunner.h"

class QPushButton;
class QProgressBar;
class QLabel;
class QWidget;

// The life of one training-like run on a page (Train, Distill): the job on the runner, its
// Start/Pause/Cancel buttons, progress bar (with the time left) and status line, and the pause
// flag the core loop polls between steps.
class RunController : public QObject {
    Q_OBJECT
public:
    RunController(JobRunner* runner, QPushButton* start, QPushButton* pause, QPushButton* cancel,
                  QProgressBar* progress, QLabel* status, QObject* parent = nullptr);

    // Starts `job` with a fresh pause flag; returns the job id.
    int launch(const QString& name,
               const std::function<void(const distilbench::JobCallbacks&,
                                        std::shared_ptr<std::atomic<bool>>)>& job,
               const QString& startingStatus);
    void togglePause();
    void cancel();
    bool isRunning() const { return jobId_ >= 0; }
    int jobId() const { return jobId_; }
    // Whether the run that ended last stopped on an error (the status line says which), rather
    // than being cancelled here or from the jobs panel.
    bool failed() const { return failed_; }

Q_SIGNALS:
    // After the buttons are reset; cancelled is also true when the job failed.
    void finished(bool cancelled);

private:
    void end(bool cancelled);

    JobRunner* runner_;
    QPushButton *start_, *pause_, *cancel_;
    QProgressBar* progress_;
    QLabel* status_;
    int jobId_ = -1;
    bool failed_ = false;
    std::shared_ptr<std::atomic<bool>> paused_;
};

// A banner for the engine's notices (new weights, a stale lock taken over, a damaged checkpoint
// skipped): hidden until one arrives. The sink may be called from the training thread; it
// appends to the banner on the GUI thread. clearNoticeBanner() empties and hides it.
QLabel* makeNoticeBanner(QWidget* parent);
std::function<void(const std::string&)> noticeSink(QLabel* banner);
void clearNoticeBanner(QLabel* banner);
