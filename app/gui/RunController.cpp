#include "app/gui/RunController.h"

#include <QDateTime>
#include <QDir>
#include <QLabel>
#include <QMetaObject>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>

#include "core/util/HumanUnits.h"

RunController::RunController(JobRunner* runner, QPushButton* start, QPushButton* pause,
                             QPushButton* cancel, QProgressBar* progress, QLabel* status,
                             QObject* parent)
    : QObject(parent),
      runner_(runner),
      start_(start),
      pause_(pause),
      cancel_(cancel),
      progress_(progress),
      status_(status) {
    pause_->setEnabled(false);
    cancel_->setEnabled(false);
    connect(pause_, &QPushButton::clicked, this, &RunController::togglePause);
    connect(cancel_, &QPushButton::clicked, this, &RunController::cancel);
    connect(runner_, &JobRunner::progress, this,
            [this](int id, double f, const QString& message, double eta) {
                if (id != jobId_) return;
                progress_->setValue(static_cast<int>(f * 1000));
                progress_->setFormat(
                    eta >= 0 ? tr("%1 — %2 left")
                                   .arg(message,
                                        QString::fromStdString(distilbench::formatDuration(eta)))
                             : message);
            });
    connect(runner_, &JobRunner::cancelled, this, [this](int id) {
        if (id == jobId_) end(true);
    });
    connect(runner_, &JobRunner::failed, this, [this](int id, const QString& error) {
        if (id != jobId_) return;
        failed_ = true;
        status_->setText(tr("The run stopped: %1").arg(error));
        end(true);
    });
}

int RunController::launch(const QString& name,
                          const std::function<void(const distilbench::JobCallbacks&,
                                                   std::shared_ptr<std::atomic<bool>>)>& job,
                          const QString& startingStatus) {
    if (isRunning()) return -1;
    paused_ = std::make_shared<std::atomic<bool>>(false);
    failed_ = false;
    auto paused = paused_;
    progress_->setValue(0);
    jobId_ = runner_->start(
        name, [job, paused](const distilbench::JobCallbacks& cb) { job(cb, paused); },
        [this] { end(false); });
    start_->setEnabled(false);
    pause_->setEnabled(true);
    cancel_->setEnabled(true);
    status_->setText(startingStatus);
    return jobId_;
}

void RunController::togglePause() {
    if (!paused_ || !isRunning()) return;
    const bool now = !paused_->load();
    paused_->store(now);
    pause_->setText(now ? tr("Resume") : tr("Pause"));
    status_->setText(now ? tr("Paused: press Resume to continue") : tr("Resumed"));
}

void RunController::cancel() {
    if (!isRunning()) return;
    if (paused_) paused_->store(false);
    runner_->cancel(jobId_);
    status_->setText(tr("Cancelling after the current step…"));
}

void RunController::end(bool cancelled) {
    if (jobId_ < 0) return;
    jobId_ = -1;
    start_->setEnabled(true);
    pause_->setEnabled(false);
    pause_->setText(tr("Pause"));
    cancel_->setEnabled(false);
    progress_->setFormat(cancelled ? tr("stopped") : tr("finished"));
    if (!cancelled) progress_->setValue(1000);
    Q_EMIT finished(cancelled);
}

QLabel* makeNoticeBanner(QWidget* parent) {
    auto* banner = new QLabel(parent);
    banner->setObjectName(QStringLiteral("runNotice"));
    banner->setWordWrap(true);
    banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    banner->setStyleSheet(
        QStringLiteral("QLabel { background: palette(alternate-base); border-left: 3px solid "
                       "#d9a400; padding: 4px; }"));
    banner->hide();
    return banner;
}

std::function<void(const std::string&)> noticeSink(QLabel* banner) {
    QPointer<QLabel> target(banner);
    return [target](const std::string& message) {
        QMetaObject::invokeMethod(
            target,
            [target, message] {
                if (!target) return;
                const QString text = QString::fromStdString(message);
                target->setText(
                    target->text().isEmpty() ? text : target->text() + QLatin1Char('\n') + text);
                target->show();
            },
            Qt::QueuedConnection);
    };
}

void clearNoticeBanner(QLabel* banner) {
    banner->clear();
    banner->hide();
}
