#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <functional>
#include <memory>

#include "core/runtime/JobCallbacks.h"

class QThread;

// The one way long work runs in the GUI: a core job (a plain function taking progress and abort
// callbacks) runs on a worker thread; its progress comes back as queued signals on the runner's
// thread, coalesced to at most ~25 updates per second.
class JobRunner : public QObject {
    Q_OBJECT
public:
    using JobFunction = std::function<void(const distilbench::JobCallbacks&)>;
    // Runs on the runner's (GUI) thread after the job succeeded, before finished() is emitted.
    using Completion = std::function<void()>;

    explicit JobRunner(QObject* parent = nullptr);
    ~JobRunner() override;

    // Quiet jobs (quick reads in the background) are not announced with started() and report no
    // progress, so they do not flicker in the jobs panel; errors still arrive. Interactive jobs
    // (a keystroke's prediction) are quiet too and run one after another on one long-lived
    // thread: the per-thread state LibTorch's OpenMP and BLAS build on first use (a thread team,
    // work buffers) is made once, not for every keystroke (~25 ms each on a new thread).
    enum class Visibility { Shown, Quiet, Interactive };

    int start(const QString& name, JobFunction job, Completion onSuccess = {},
              Visibility visibility = Visibility::Shown);
    void cancel(int id);
    void cancelAll();
    bool isRunning(int id) const;
    int runningCount() const;
    QString name(int id) const;
    // Processes events until every job has ended or the timeout passes; for tests and shutdown.
    bool waitForAll(int timeoutMs);

    static constexpr int kMinIntervalMs = 40;

Q_SIGNALS:
    void started(int id, const QString& name);
    // etaSeconds < 0 when unknown.
    void progress(int id, double fraction, const QString& message, double etaSeconds);
    void finished(int id);
    void failed(int id, const QString& error);
    void cancelled(int id);
    void runningCountChanged(int count);

private:
    QThread* interactiveThread();
    QThread* interactive_ = nullptr;
    QObject* interactiveWorker_ = nullptr;
    struct Job;
    void finish(int id);

    QHash<int, std::shared_ptr<Job>> jobs_;
    int nextId_ = 1;
};
