#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>
#include <thread>

#include "CliRunner.h"

class CliTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void version() {
        const auto r = runCli({"--version"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("distilbench-cli 0."));
    }

    void helpListsCommands() {
        const auto r = runCli({"--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Commands:"));
        QVERIFY(r.out.contains("env"));
    }

    void envJsonReportsOpenBlasAndCores() {
        const auto r = runCli({"env", "--json"});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonObject env = QJsonDocument::fromJson(r.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY2(env["blas"]["name"].toString().startsWith("OpenBLAS"), r.out.constData());
        QCOMPARE(env["blas"]["is_reference"].toBool(), false);
        QCOMPARE(env["threads"].toInt(), int(std::thread::hardware_concurrency()));
        QCOMPARE(env["sentencepiece"]["loaded"].toBool(), true);
    }

    void threadsOption() {
        const auto r = runCli({"--threads", "1", "env", "--json"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).object()["threads"].toInt(), 1);
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no command") << QStringList{};
        QTest::newRow("unknown command") << QStringList{"frobnicate"};
        QTest::newRow("unknown global option") << QStringList{"--bogus", "env"};
        QTest::newRow("unknown command option") << QStringList{"env", "--bogus"};
        QTest::newRow("bad threads") << QStringList{"--threads", "zero", "env"};
    }
    void usageErrors() {
        QFETCH(QStringList, args);
        const auto r = runCli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        // one clear line on stderr
        QCOMPARE(r.err.trimmed().count('\n'), 0);
        QVERIFY(r.err.startsWith("distilbench-cli"));
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "test_cli.moc"
