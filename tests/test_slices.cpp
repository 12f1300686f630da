// #19: slices — specs, the Wilson interval, per-slice metrics against hand-computed values,
// metadata columns, automatic slices and `distilbench-cli slices`.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "CliRunner.h"
#include "core/analysis/Slices.h"
#include "core/evaluation/Evaluation.h"
#include "core/runtime/Error.h"
#include "core/runtime/Resources.h"

using namespace distilbench;

namespace {
// Six examples, labels neg/pos; the model is wrong on #1 and #4.
EvaluationReport sixExamples() {
    EvaluationReport r;
    r.task = Task::Classification;
    r.labels = {"neg", "pos"};
    r.texts = {"not good", "a great film", "the film is not bad at all",
               "awful",    "but why?",     "fine"};
    r.truth = {0, 1, 1, 0, 0, 1};
    r.predicted = {0, 0, 1, 0, 1, 1};
    r.probabilities = {{0.9f, 0.1f}, {0.6f, 0.4f},   {0.3f, 0.7f},
                       {0.8f, 0.2f}, {0.45f, 0.55f}, {0.1f, 0.9f}};
    return r;
}
const SliceMetrics& named(const SliceReport& r, const std::string& name) {
    for (const auto& m : r.slices)
        if (m.name == name) return m;
    throw std::runtime_error("no slice " + name);
}
}  // namespace

class SlicesTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wilson() {
        double lo = 0, hi = 0;
        wilsonInterval(8, 10, lo, hi);
        QVERIFY(std::abs(lo - 0.4902) < 1e-4);
        QVERIFY(std::abs(hi - 0.9433) < 1e-4);
        wilsonInterval(0, 5, lo, hi);
        QCOMPARE(lo, 0.0);
        QVERIFY(hi > 0.4 && hi < 0.5);  // 0.4345
        wilsonInterval(0, 0, lo, hi);
        QCOMPARE(lo, 0.0);
        QCOMPARE(hi, 1.0);
    }

    void specs_data() {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("normalised");  // "" = an error
        QTest::newRow("keyword") << "keyword:not"
                                 << "keyword:not";
        QTest::newRow("regex") << "regex:\\bbut\\b"
                               << "regex:\\bbut\\b";
        QTest::newRow("length") << "length:3-10"
                                << "length:3-10";
        QTest::newRow("length open") << "length:20-"
                                     << "length:20-";
        QTest::newRow("length one") << "length:4"
                                    << "length:4-4";
        QTest::newRow("label") << "label:pos"
                               << "label:pos";
        QTest::newRow("predicted") << "predicted:neg"
                                   << "predicted:neg";
        QTest::newRow("column") << "column:source=web"
                                << "column:source=web";
        QTest::newRow("no kind") << "film"
                                 << "";
        QTest::newRow("unknown kind") << "colour:red"
                                      << "";
        QTest::newRow("bad regex") << "regex:("
                                   << "";
        QTest::newRow("bad length") << "length:a-b"
                                    << "";
        QTest::newRow("empty range") << "length:9-3"
                                     << "";
        QTest::newRow("column without value") << "column:source"
                                              << "";
        QTest::newRow("nothing") << "keyword:"
                                 << "";
    }
    void specs() {
        QFETCH(QString, spec);
        QFETCH(QString, normalised);
        try {
            const SliceDefinition d = SliceDefinition::parse(spec.toStdString());
            QCOMPARE(QString::fromStdString(d.spec()), normalised);
        } catch (const Error& e) {
            QVERIFY2(normalised.isEmpty(), e.what());
            QVERIFY(QString(e.what()).contains(spec));
        }
    }

    void metricsByHand() {
        const EvaluationReport r = sixExamples();
        std::vector<SliceDefinition> defs;
        for (const char* s : {"keyword:not", "keyword:film", "length:1-2", "label:neg",
                              "predicted:pos", "regex:\\?$", "keyword:missing"})
            defs.push_back(SliceDefinition::parse(s));
        const SliceReport s = computeSlices(r, defs);
        QCOMPARE(s.overall.count, 6);
        QCOMPARE(s.overall.errors, 2);
        QVERIFY(std::abs(s.overall.accuracy - 4.0 / 6) < 1e-12);
        // "not" as a word: #0 and #2 (both right).
        const SliceMetrics& neg = named(s, "keyword:not");
        QCOMPARE(neg.examples, (std::vector<std::size_t>{0, 2}));
        QCOMPARE(neg.accuracy, 1.0);
        QVERIFY(std::abs(neg.drop - (4.0 / 6 - 1.0)) < 1e-12);
        // "film": #1 (wrong) and #2 (right).
        QCOMPARE(named(s, "keyword:film").accuracy, 0.5);
        // One or two words: #0, #3, #4, #5; #4 wrong.
        QCOMPARE(named(s, "length:1-2").count, 4);
        QCOMPARE(named(s, "length:1-2").errors, 1);
        // Gold neg: #0, #3, #4; predicted pos: #2, #4, #5.
        QCOMPARE(named(s, "label:neg").examples, (std::vector<std::size_t>{0, 3, 4}));
        QCOMPARE(named(s, "predicted:pos").examples, (std::vector<std::size_t>{2, 4, 5}));
        QCOMPARE(named(s, "regex:\\?$").accuracy, 0.0);
        // Mean confidence of the predicted label on "film": (0.6 + 0.7) / 2.
        QVERIFY(std::abs(named(s, "keyword:film").meanConfidence - 0.65) < 1e-6);
        // The largest drop first; the empty slice last.
        QCOMPARE(s.slices.front().name, std::string("regex:\\?$"));
        QCOMPARE(s.slices.back().name, std::string("keyword:missing"));
        QCOMPARE(s.slices.back().count, 0);
        for (std::size_t i = 1; i + 1 < s.slices.size(); ++i)
            QVERIFY(s.slices[i - 1].drop >= s.slices[i].drop);
        // A label the model does not have is named with the model's labels.
        try {
            computeSlices(r, {SliceDefinition::parse("label:maybe")});
            QFAIL("accepted");
        } catch (const Error& e) {
            QVERIFY(QString(e.what()).contains("neg, pos"));
        }
    }

    void metadataColumns() {
        QTemporaryDir dir;
        QFile f(dir.filePath("d.jsonl"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            "{\"text\":\"a\",\"label\":\"neg\",\"source\":\"web\"}\n"
            "{\"text\":\"b\",\"label\":\"pos\"}\n"
            "\n"
            "{\"text\":\"c\",\"label\":\"pos\",\"source\":\"news\",\"stars\":4}\n");
        f.close();
        const auto columns = readMetadataColumns(dir.filePath("d.jsonl").toStdString());
        QCOMPARE(columns.at("source"), (std::vector<std::string>{"web", "", "news"}));
        QCOMPARE(columns.at("stars"), (std::vector<std::string>{"", "", "4"}));
        const auto tsv = readMetadataColumns(DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv");
        QCOMPARE(tsv.at("sentence").size(), std::size_t(80));
        // Column slices.
        EvaluationReport r = sixExamples();
        std::map<std::string, std::vector<std::string>> meta{
            {"source", {"web", "web", "news", "news", "web", "news"}}};
        const SliceReport s = computeSlices(r, {SliceDefinition::parse("column:source=web")}, meta);
        QCOMPARE(s.slices[0].examples, (std::vector<std::size_t>{0, 1, 4}));
        QVERIFY_THROWS_EXCEPTION(
            Error, computeSlices(r, {SliceDefinition::parse("column:lang=en")}, meta));
        meta["source"].pop_back();
        QVERIFY_THROWS_EXCEPTION(
            Error, computeSlices(r, {SliceDefinition::parse("column:source=web")}, meta));
    }

    void automatic() {
        const EvaluationReport r = sixExamples();
        const auto defs = automaticSlices(r);
        const SliceReport s = computeSlices(r, defs);
        // Length slices cover every example exactly once.
        int covered = 0;
        for (const auto& m : s.slices)
            if (m.spec.rfind("length:", 0) == 0) covered += m.count;
        QCOMPARE(covered, 6);
        QCOMPARE(named(s, "negation").count, 2);
        QCOMPARE(named(s, "contrast").count, 1);
        QCOMPARE(named(s, "question").count, 1);
        QCOMPARE(named(s, "label neg").count, 3);
    }

    void cli() {
        const QString model = QString::fromStdString(demoModelPath());
        auto r =
            runCli({"slices", model, "--data", DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv",
                    "--slice", "keyword:film", "--no-auto", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o["overall"].toObject()["count"].toInt(), 80);
        QCOMPARE(o["slices"].toArray().size(), 1);
        QVERIFY(o["slices"].toArray()[0].toObject()["count"].toInt() > 0);
        r = runCli({"slices", model, "--data", DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("negation"));
        r = runCli({"slices", model, "--data", DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv",
                    "--slice", "colour:red"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("colour:red"));
    }
};

QTEST_GUILESS_MAIN(SlicesTest)
#include "test_slices.moc"
