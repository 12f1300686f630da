#include <QSignalSpy>
#include <QThread>
#include <QtTest>
#include <atomic>
#include <chrono>
#include <thread>

#include "app/common/JobRunner.h"

using distilbench::JobCallbacks;

class JobRunnerTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void progressArrivesInOrderOnOwnerThread() {
        JobRunner runner;
        std::atomic<QThread*> jobThread{nullptr};
        QList<double> fractions;
        bool allOnGuiThread = true;
        connect(&runner, &JobRunner::progress, this, [&](int, double f, const QString&, double) {
            fractions << f;
            allOnGuiThread = allOnGuiThread &&
                             QThread::currentThread() == QCoreApplication::instance()->thread();
        });
        QSignalSpy finished(&runner, &JobRunner::finished);
        bool completionOnGuiThread = false;
        runner.start(
            "count",
            [&](const JobCallbacks& cb) {
                jobThread = QThread::currentThread();
                for (int i = 1; i <= 20; ++i) {
                    cb.report(i / 20.0, "step");
                    std::this_thread::sleep_for(std::chrono::milliseconds(15));
                }
            },
            [&] {
                completionOnGuiThread =
                    QThread::currentThread() == QCoreApplication::instance()->thread();
            });
        QVERIFY(finished.wait(5000));
        QVERIFY(jobThread.load() != nullptr);
        // the GUI thread never runs the job
        QVERIFY(jobThread.load() != QCoreApplication::instance()->thread());
        QVERIFY(allOnGuiThread);
        QVERIFY(completionOnGuiThread);
        QVERIFY(!fractions.isEmpty());
        for (int i = 1; i < fractions.size(); ++i) QVERIFY(fractions[i] > fractions[i - 1]);
        QCOMPARE(fractions.last(), 1.0);  // the final report is never dropped
        QCOMPARE(runner.runningCount(), 0);
    }

    void progressIsCoalesced() {
        JobRunner runner;
        int updates = 0;
        connect(&runner, &JobRunner::progress, this, [&] { ++updates; });
        QSignalSpy finished(&runner, &JobRunner::finished);
        QElapsedTimer timer;
        timer.start();
        runner.start("busy", [](const JobCallbacks& cb) {
            const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(400);
            long i = 0;
            while (std::chrono::steady_clock::now() < end) cb.report((++i % 1000) / 1000.0, "spin");
        });
        QVERIFY(finished.wait(5000));
        const double seconds = timer.elapsed() / 1000.0;
        // at most ~25 updates per second (+2 for the first and the final flush)
        QVERIFY2(updates <= 25 * seconds + 2, qPrintable(QString::number(updates)));
        QVERIFY(updates >= 2);
    }

    void cancelIsSeenAtTheNextCheck() {
        // The guarantee, not a timing: once cancel() has returned, the job's next check of
        // aborted() is true, so a job that checks every few milliseconds stops that fast.
        JobRunner runner;
        QSignalSpy cancelled(&runner, &JobRunner::cancelled);
        QSignalSpy finished(&runner, &JobRunner::finished);
        std::atomic<bool> running{false}, cancelReturned{false};
        std::atomic<int> checksAfterCancel{0};
        const int id = runner.start("endless", [&](const JobCallbacks& cb) {
            running = true;
            for (;;) {
                const bool requested = cancelReturned.load();
                if (cb.aborted()) throw distilbench::JobCancelled();
                if (requested) ++checksAfterCancel;  // saw cancel() return but not the flag
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            }
        });
        QTRY_VERIFY(running.load());
        QVERIFY(runner.isRunning(id));
        runner.cancel(id);
        cancelReturned = true;
        QVERIFY(cancelled.wait(5000));
        QCOMPARE(checksAfterCancel.load(), 0);
        QCOMPARE(cancelled.first().first().toInt(), id);
        QCOMPARE(finished.count(), 0);
        QVERIFY(!runner.isRunning(id));
    }

    void exceptionBecomesErrorSignal() {
        JobRunner runner;
        QSignalSpy failed(&runner, &JobRunner::failed);
        bool completionCalled = false;
        runner.start(
            "Loading model.safetensors",
            [](const JobCallbacks&) {
                throw std::runtime_error("/tmp/x/model.safetensors: header is truncated");
            },
            [&] { completionCalled = true; });
        QVERIFY(failed.wait(2000));
        const QString message = failed.first().at(1).toString();
        QVERIFY2(message.contains("Loading model.safetensors"), qPrintable(message));
        QVERIFY2(message.contains("header is truncated"), qPrintable(message));
        QVERIFY(!completionCalled);
    }

    void severalJobsRunConcurrently() {
        JobRunner runner;
        QSignalSpy finished(&runner, &JobRunner::finished);
        std::atomic<int> inside{0}, maxInside{0};
        auto job = [&](const JobCallbacks&) {
            const int now = ++inside;
            int prev = maxInside.load();
            while (now > prev && !maxInside.compare_exchange_weak(prev, now)) {
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            --inside;
        };
        runner.start("a", job);
        runner.start("b", job);
        QCOMPARE(runner.runningCount(), 2);
        QVERIFY(runner.waitForAll(5000));
        QCOMPARE(finished.count(), 2);
        QCOMPARE(maxInside.load(), 2);
    }

    // Interactive jobs run one after another on one thread that outlives them (not the GUI's),
    // completions and errors arrive as for any job, and none is announced.
    void interactiveJobsShareOneThread() {
        JobRunner runner;
        QSignalSpy finished(&runner, &JobRunner::finished);
        QSignalSpy failed(&runner, &JobRunner::failed);
        QSignalSpy started(&runner, &JobRunner::started);
        std::vector<Qt::HANDLE> threads(3);
        std::atomic<int> inside{0}, maxInside{0};
        int completions = 0;
        for (int i = 0; i < 3; ++i)
            runner.start(
                "keystroke",
                [&, i](const JobCallbacks&) {
                    maxInside = std::max(maxInside.load(), ++inside);
                    threads[static_cast<std::size_t>(i)] = QThread::currentThreadId();
                    std::this_thread::sleep_for(std::chrono::milliseconds(20));
                    --inside;
                },
                [&] { ++completions; }, JobRunner::Visibility::Interactive);
        runner.start(
            "bad keystroke", [](const JobCallbacks&) { throw std::runtime_error("no tokenizer"); },
            {}, JobRunner::Visibility::Interactive);
        QVERIFY(runner.waitForAll(5000));
        QCOMPARE(finished.count(), 3);
        QCOMPARE(completions, 3);
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.first().at(1).toString().contains("no tokenizer"));
        QCOMPARE(started.count(), 0);
        QCOMPARE(maxInside.load(), 1);  // serial
        QCOMPARE(threads[0], threads[1]);
        QCOMPARE(threads[1], threads[2]);
        QVERIFY(threads[0] != QThread::currentThreadId());
    }

    void destructorCancelsRunningJobs() {
        std::atomic<bool> sawCancel{false}, running{false};
        {
            JobRunner runner;
            runner.start("long", [&](const JobCallbacks& cb) {
                running = true;
                while (!cb.aborted()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
                sawCancel = true;
            });
            QTRY_VERIFY(running.load());
        }
        QVERIFY(sawCancel.load());
    }
};

QTEST_GUILESS_MAIN(JobRunnerTest)
#include "test_jobrunner.moc"
