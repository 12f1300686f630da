#include <QtTest>
#include <thread>

#include "core/runtime/Environment.h"
#include "core/runtime/EnvironmentJson.h"
#include "core/runtime/JobCallbacks.h"
#include "core/util/HumanUnits.h"

using namespace distilbench;

class RuntimeTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void threadsDefaultToCoreCount() {
        Runtime::initialize(0);
        QCOMPARE(Runtime::threads(), Runtime::coreCount());
        Runtime::setThreads(1);
        QCOMPARE(Runtime::threads(), 1);
        Runtime::initialize(0);
    }

    void blasIsOpenBlas() {
        // The setup script selects the OpenMP OpenBLAS; the reference BLAS would make every
        // benchmark ~60x slower, so a machine set up by the README must not have it.
        const BlasInfo blas = Runtime::detectBlas();
        QVERIFY2(!blas.library.empty(), "no library provides sgemm_");
        QVERIFY2(!blas.isReference, blas.library.c_str());
        QVERIFY2(QString::fromStdString(blas.name).startsWith("OpenBLAS"), blas.name.c_str());
    }

    void environmentJsonHasEveryField() {
        const QJsonObject json = environmentToJson(Runtime::collect());
        for (const char* key :
             {"app_version", "qt_version", "libtorch_version", "blas", "threads", "cores",
              "devices", "cuda_available", "bf16_native", "sentencepiece"})
            QVERIFY2(json.contains(key), key);
        QCOMPARE(json["libtorch_version"].toString().left(4), QStringLiteral("1.13"));
        QCOMPARE(json["devices"].toArray().first().toString(), QStringLiteral("cpu"));
        QVERIFY(json["resident_bytes"].toDouble() > 0);
    }

    void humanUnits_data() {
        QTest::addColumn<QString>("actual");
        QTest::addColumn<QString>("expected");
        QTest::newRow("params") << QString::fromStdString(formatCount(66955010)) << "67.0 M";
        QTest::newRow("small count") << QString::fromStdString(formatCount(512)) << "512";
        QTest::newRow("thousands") << QString::fromStdString(formatCount(30522)) << "30.5 k";
        QTest::newRow("bytes") << QString::fromStdString(formatBytes(512)) << "512 B";
        QTest::newRow("kib") << QString::fromStdString(formatBytes(1536)) << "1.5 KiB";
        QTest::newRow("mib") << QString::fromStdString(formatBytes(267967963)) << "256 MiB";
        QTest::newRow("small mib")
            << QString::fromStdString(formatBytes(5 * 1024 * 1024 + 300000)) << "5.3 MiB";
        QTest::newRow("gib") << QString::fromStdString(formatBytes(3LL << 30)) << "3.00 GiB";
        QTest::newRow("ms") << QString::fromStdString(formatDuration(0.0123)) << "12.3 ms";
        QTest::newRow("s") << QString::fromStdString(formatDuration(4.25)) << "4.2 s";
        QTest::newRow("min") << QString::fromStdString(formatDuration(125)) << "2 min 05 s";
        QTest::newRow("h") << QString::fromStdString(formatDuration(3720)) << "1 h 02 min";
    }
    void humanUnits() {
        QFETCH(QString, actual);
        QFETCH(QString, expected);
        QCOMPARE(actual, expected);
    }

    void etaFollowsRate() {
        EtaEstimator eta(1.0);
        const auto t0 = EtaEstimator::Clock::now();
        eta.start(t0);
        QVERIFY(!eta.update(0.0, t0).has_value());
        const auto e = eta.update(0.25, t0 + std::chrono::seconds(10));
        QVERIFY(e.has_value());
        QCOMPARE(qRound(*e), 30);  // 25% in 10 s -> 75% in 30 s
    }

    void callbacksReportAndAbort() {
        std::vector<double> seen;
        bool stop = false;
        JobCallbacks cb{[&](const ProgressReport& r) { seen.push_back(r.fraction); },
                        [&] { return stop; }};
        cb.report(0.5, "half");
        cb.report(2.0, "clamped");
        QCOMPARE(seen, (std::vector<double>{0.5, 1.0}));
        cb.checkAbort();
        stop = true;
        QVERIFY_THROWS_EXCEPTION(JobCancelled, cb.checkAbort());
        JobCallbacks none;
        none.report(0.1, "no callback set");  // must not crash
        QVERIFY(!none.aborted());
    }
};

QTEST_GUILESS_MAIN(RuntimeTest)
#include "test_runtime.moc"
