#include "app/common/JobRunner.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QMutex>
#include <QPointer>
#include <QThread>
#include <atomic>
#include <exception>

#include "core/runtime/ErrorText.h"

struct JobRunner::Job {
    QString name;
    std::atomic<bool> cancelRequested{false};
    QThread* thread = nullptr;
    QMutex mutex;  // guards the throttling state below
    QElapsedTimer sinceLastUpdate;
    bool pendingValid = false;
    distilbench::ProgressReport pending;
    enum class Outcome { Running, Succeeded, Failed, Cancelled } outcome = Outcome::Running;
    QString error;
};

JobRunner::JobRunner(QObject* parent) : QObject(parent) {}

JobRunner::~JobRunner() {
    cancelAll();
    for (auto& job : jobs_) {
        if (job->thread) {
            job->thread->wait();
            delete job->thread;
        }
    }
    if (interactive_) {
        // Queued interactive jobs run to their end (they were asked to cancel) before it quits.
        interactive_->quit();
        interactive_->wait();
        delete interactiveWorker_;
        delete interactive_;
    }
}

QThread* JobRunner::interactiveThread() {
    if (!interactive_) {
        interactive_ = new QThread;
        interactive_->setObjectName(QStringLiteral("interactive jobs"));
        interactiveWorker_ = new QObject;
        interactiveWorker_->moveToThread(interactive_);
        interactive_->start();
    }
    return interactive_;
}

int JobRunner::start(const QString& name, JobFunction fn, Completion onSuccess,
                     Visibility visibility) {
    const int id = nextId_++;
    auto job = std::make_shared<Job>();
    job->name = name;
    QPointer<JobRunner> self(this);

    auto emitProgress = [self, id](const distilbench::ProgressReport& r) {
        QMetaObject::invokeMethod(
            self,
            [self, id, r] {
                if (self)
                    Q_EMIT self->progress(id, r.fraction, QString::fromStdString(r.message),
                                          r.etaSeconds.value_or(-1.0));
            },
            Qt::QueuedConnection);
    };

    distilbench::JobCallbacks callbacks;
    Job* raw = job.get();
    callbacks.shouldAbort = [raw] { return raw->cancelRequested.load(); };
    if (visibility == Visibility::Shown)
        callbacks.progress = [raw, emitProgress](const distilbench::ProgressReport& report) {
            QMutexLocker lock(&raw->mutex);
            if (!raw->sinceLastUpdate.isValid() ||
                raw->sinceLastUpdate.elapsed() >= kMinIntervalMs) {
                raw->sinceLastUpdate.start();
                raw->pendingValid = false;
                lock.unlock();
                emitProgress(report);
            } else {
                raw->pending = report;  // delivered later if nothing newer comes
                raw->pendingValid = true;
            }
        };

    auto run = [raw, fn = std::move(fn), callbacks, emitProgress] {
        try {
            fn(callbacks);
            raw->outcome = raw->cancelRequested ? Job::Outcome::Cancelled : Job::Outcome::Succeeded;
        } catch (const distilbench::JobCancelled&) {
            raw->outcome = Job::Outcome::Cancelled;
        } catch (...) {
            // One line naming the file and the problem, whatever was thrown (c10::Error without
            // its backtrace, bad_alloc, filesystem errors with their errno text).
            raw->outcome = Job::Outcome::Failed;
            raw->error = QString::fromStdString(distilbench::describeCurrentException());
        }
        QMutexLocker lock(&raw->mutex);
        if (raw->pendingValid && raw->outcome == Job::Outcome::Succeeded) {
            raw->pendingValid = false;
            const auto last = raw->pending;
            lock.unlock();
            emitProgress(last);
        }
    };
    auto done = [this, id, onSuccess = std::move(onSuccess)] {
        auto it = jobs_.find(id);
        if (it == jobs_.end()) return;
        if ((*it)->outcome == Job::Outcome::Succeeded && onSuccess) onSuccess();
        finish(id);
    };
    if (visibility == Visibility::Interactive) {
        interactiveThread();
        QMetaObject::invokeMethod(
            interactiveWorker_,
            [run = std::move(run), done = std::move(done), self] {
                run();
                QMetaObject::invokeMethod(
                    self,
                    [self, done] {
                        if (self) done();
                    },
                    Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    } else {
        job->thread = QThread::create(std::move(run));
        job->thread->setObjectName(QStringLiteral("job: ") + name);
        connect(job->thread, &QThread::finished, this, std::move(done), Qt::QueuedConnection);
    }
    jobs_.insert(id, job);
    if (visibility == Visibility::Shown) Q_EMIT started(id, name);
    Q_EMIT runningCountChanged(runningCount());
    if (job->thread) job->thread->start();
    return id;
}

void JobRunner::finish(int id) {
    auto job = jobs_.take(id);
    if (job->thread) {
        job->thread->wait();
        job->thread->deleteLater();
    }
    switch (job->outcome) {
        case Job::Outcome::Succeeded:
            Q_EMIT finished(id);
            break;
        case Job::Outcome::Cancelled:
            Q_EMIT cancelled(id);
            break;
        case Job::Outcome::Failed:
            Q_EMIT failed(id, job->name + QStringLiteral(" failed: ") + job->error);
            break;
        case Job::Outcome::Running:
            break;
    }
    Q_EMIT runningCountChanged(runningCount());
}

void JobRunner::cancel(int id) {
    if (auto it = jobs_.find(id); it != jobs_.end()) (*it)->cancelRequested = true;
}

void JobRunner::cancelAll() {
    for (auto& job : jobs_) job->cancelRequested = true;
}

bool JobRunner::isRunning(int id) const {
    return jobs_.contains(id);
}

int JobRunner::runningCount() const {
    return jobs_.size();
}

QString JobRunner::name(int id) const {
    auto it = jobs_.find(id);
    return it == jobs_.end() ? QString() : (*it)->name;
}

bool JobRunner::waitForAll(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (!jobs_.isEmpty() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return jobs_.isEmpty();
}
