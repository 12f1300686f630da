// #19: the data map — bookkeeping from logits, statistics against a hand-computed 3-epoch
// example, the file's round trip, copies of data files without flagged rows, a real run with
// flipped labels, and `distilbench-cli datamap`.
#include <ATen/ATen.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

#include "CliRunner.h"
#include "core/analysis/DataMap.h"
#include "core/runtime/Environment.h"
#include "core/runtime/Error.h"
#include "core/runtime/Resources.h"
#include "core/training/RunFolder.h"
#include "core/training/Trainer.h"
#include "core/training/TrainingConfig.h"
#include "core/training/TrainingDynamics.h"

using namespace distilbench;

namespace {
// Logits whose softmax over two classes gives `p` for class 1.
at::Tensor logitsFor(const std::vector<float>& p1) {
    std::vector<float> v;
    for (float p : p1) {
        v.push_back(0.0f);
        v.push_back(std::log(p / (1 - p)));
    }
    return at::tensor(v).reshape({static_cast<std::int64_t>(p1.size()), 2});
}
QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    QFile f(dir.filePath(name));
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
    return dir.filePath(name);
}
QByteArray read(const QString& path) {
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}
}  // namespace

class DataMapTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { Runtime::initialize(0); }

    // Three examples, gold labels 1, 1, 0, over three epochs. p(class 1) per epoch:
    //   #0: 0.9 0.8 0.7  -> gold p 0.9 0.8 0.7: mean 0.8, std sqrt(0.02/3) = 0.08165, right 3/3
    //   #1: 0.2 0.6 0.9  -> gold p 0.2 0.6 0.9: mean 0.5667, std 0.28674, right 2/3
    //   #2: 0.9 0.8 0.9  -> gold p 0.1 0.2 0.1: mean 0.1333, std 0.04714, right 0/3
    void handComputedThreeEpochs() {
        TrainingDynamics d;
        d.reset({"a", "b", "c"}, {}, {1, 1, 0}, {"neg", "pos"}, {"0", "1"});
        const std::vector<std::vector<float>> p1 = {
            {0.9f, 0.2f, 0.9f}, {0.8f, 0.6f, 0.8f}, {0.7f, 0.9f, 0.9f}};
        for (int e = 0; e < 3; ++e) {
            // Batches in another order than the examples: indices carry them.
            d.record(e, {2, 0}, logitsFor({p1[e][2], p1[e][0]}));
            d.record(e, {1}, logitsFor({p1[e][1]}));
        }
        const DataMap m = computeDataMap(d);
        QCOMPARE(m.epochs, 3);
        QCOMPARE(m.points.size(), std::size_t(3));
        auto near = [](double a, double b) { return std::abs(a - b) < 1e-4; };
        QVERIFY(near(m.points[0].confidence, 0.8));
        QVERIFY(near(m.points[0].variability, 0.08165));
        QVERIFY(near(m.points[0].correctness, 1.0));
        QVERIFY(near(m.points[1].confidence, 0.56667));
        QVERIFY(near(m.points[1].variability, 0.28674));
        QVERIFY(near(m.points[1].correctness, 2.0 / 3));
        QVERIFY(near(m.points[2].confidence, 0.13333));
        QVERIFY(near(m.points[2].variability, 0.04714));
        QCOMPARE(m.points[2].correctness, 0.0);
        QCOMPARE(DataMap::regionOf(m.points[0]), DataMapRegion::EasyToLearn);
        QCOMPARE(DataMap::regionOf(m.points[1]), DataMapRegion::Ambiguous);
        QCOMPARE(DataMap::regionOf(m.points[2]), DataMapRegion::HardToLearn);
        QCOMPARE(m.likelyLabelErrors().size(), std::size_t(1));
        QCOMPARE(m.likelyLabelErrors()[0].index, std::size_t(2));
        QCOMPARE(m.byLoss()[0].index, std::size_t(2));

        // The file keeps all of it (probabilities to 5 digits).
        QTemporaryDir dir;
        d.save(dir.filePath("dyn.json").toStdString());
        const DataMap again =
            computeDataMap(TrainingDynamics::load(dir.filePath("dyn.json").toStdString()));
        for (std::size_t i = 0; i < 3; ++i) {
            QVERIFY(std::abs(again.points[i].confidence - m.points[i].confidence) < 1e-4);
            QCOMPARE(again.points[i].correctness, m.points[i].correctness);
        }
        QCOMPARE(again.dataLabels, (std::vector<std::string>{"0", "1"}));
    }

    // An epoch that stopped early leaves examples unseen: they count over the epochs that saw
    // them; never-seen examples are not on the map.
    void partialEpochs() {
        TrainingDynamics d;
        d.reset({"a", "b", "c"}, {}, {1, 1, 1}, {"neg", "pos"}, {});
        d.record(0, {0, 1}, logitsFor({0.6f, 0.7f}));
        d.record(1, {0}, logitsFor({0.8f}));
        const DataMap m = computeDataMap(d);
        QCOMPARE(m.points.size(), std::size_t(2));
        QCOMPARE(m.points[0].epochs, 2);
        QCOMPARE(m.points[1].epochs, 1);
        QCOMPARE(m.points[1].variability, 0.0);
    }

    void damagedFiles_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("not ours") << QByteArray("{\"format\":\"x\"}");
        QTest::newRow("gold out of range")
            << QByteArray(R"({"format":"distilbench-training-dynamics","labels":["a"],)"
                          R"("texts":["t"],"gold":[3],"epochs":[]})");
        QTest::newRow("epoch size") << QByteArray(
            R"({"format":"distilbench-training-dynamics","labels":["a"],)"
            R"("texts":["t"],"gold":[0],"epochs":[{"gold_probability":[],"correct":[]}]})");
        QTest::newRow("probability") << QByteArray(
            R"({"format":"distilbench-training-dynamics","labels":["a"],)"
            R"("texts":["t"],"gold":[0],"epochs":[{"gold_probability":[7],"correct":[true]}]})");
    }
    void damagedFiles() {
        QFETCH(QByteArray, json);
        QTemporaryDir dir;
        const QString path = write(dir, "d.json", json);
        try {
            TrainingDynamics::load(path.toStdString());
            QFAIL("accepted");
        } catch (const Error& e) {
            QVERIFY(QString(e.what()).startsWith(path));
        }
    }

    // Copies without some rows, in the original's format; the original untouched; an existing
    // target refused.
    void dataWithout_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("tsv") << "d.tsv"
                             << QByteArray("sentence\tlabel\nfine\t1\nbad\t1\nok\t0\nbad\t1\n")
                             << QByteArray("sentence\tlabel\nfine\t1\nok\t0\n");
        QTest::newRow("csv quoted")
            << "d.csv"
            << QByteArray(
                   "text,label,source\n\"a, b\",pos,web\nbad,pos,x\n\"say \"\"hi\"\"\",neg,y\n")
            << QByteArray("text,label,source\n\"a, b\",pos,web\n\"say \"\"hi\"\"\",neg,y\n");
        QTest::newRow("jsonl")
            << "d.jsonl"
            << QByteArray(
                   "{\"text\":\"fine\",\"label\":1}\n{\"text\":\"bad\",\"label\":1}\n\n{\"text\":"
                   "\"bad\",\"label\":0}\n")
            << QByteArray("{\"text\":\"fine\",\"label\":1}\n{\"text\":\"bad\",\"label\":0}\n");
    }
    void dataWithout() {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QByteArray, expected);
        QTemporaryDir dir;
        const QString source = write(dir, name, content);
        const std::vector<std::string> labels = name == "d.csv"
                                                    ? std::vector<std::string>{"neg", "pos"}
                                                    : std::vector<std::string>{"0", "1"};
        Example bad;
        bad.text = "bad";
        bad.label = 1;  // "pos" / "1": the "bad" labelled 0 stays
        const QString target = dir.filePath("out-" + name);
        const std::size_t removed = writeDataWithout(source.toStdString(), Task::Classification, {},
                                                     labels, {bad}, target.toStdString());
        QCOMPARE(read(target), expected);
        QCOMPARE(read(source), content);
        QCOMPARE(removed, std::size_t(name == "d.tsv" ? 2 : 1));
        QVERIFY_THROWS_EXCEPTION(Error, writeDataWithout(source.toStdString(), Task::Classification,
                                                         {}, labels, {bad}, target.toStdString()));
        QCOMPARE(read(target), expected);
    }

    // A real run on 240 SST-2 sentences with every twelfth label flipped: training records the
    // map, and most of what it flags as hard to learn are the flipped rows.
    void findsFlippedLabels() {
        QTemporaryDir dir;
        QFile in(DISTILBENCH_TEST_DATA "/datasets/sst2_train_240.tsv");
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = in.readAll().split('\n');
        QByteArray noisy = lines[0] + "\n";
        QSet<QString> flipped;
        int row = 0;
        for (int i = 1; i < lines.size(); ++i) {
            if (lines[i].isEmpty()) continue;
            const int tab = lines[i].lastIndexOf('\t');
            QByteArray text = lines[i].left(tab), label = lines[i].mid(tab + 1);
            if (row++ % 12 == 0) {
                label = label == "0" ? "1" : "0";
                flipped.insert(QString::fromUtf8(text));
            }
            noisy += text + "\t" + label + "\n";
        }
        const QString data = write(dir, "noisy.tsv", noisy);
        TrainingConfig c = TrainingConfig::defaultsFor(Task::Classification, false);
        c.model = demoModelPath();
        c.trainFile = data.toStdString();
        c.epochs = 6;
        c.learningRate = 1e-4;
        c.maxLength = 64;
        const QString run = dir.filePath("run");
        Trainer::train(c, run.toStdString());
        const TrainingDynamics d = TrainingDynamics::load(
            QDir(run).filePath(RunFolder::kTrainingDynamicsFile).toStdString());
        QCOMPARE(d.probabilities().size(), std::size_t(6));
        const DataMap m = computeDataMap(d);
        const auto errors = m.likelyLabelErrors();
        int hits = 0;
        for (const auto& p : errors)
            hits += flipped.contains(QString::fromStdString(m.texts[p.index]));
        QVERIFY2(errors.size() >= 8 && hits >= 0.6 * errors.size(),
                 qPrintable(QString("%1 of %2 flagged are flipped").arg(hits).arg(errors.size())));

        // The CLI lists them and writes the copy without them.
        const QString cleaned = dir.filePath("cleaned.tsv");
        auto r = runCli({"datamap", run, "--without", cleaned, "--top", "5"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("hard to learn"));
        QVERIFY(r.err.contains("without"));
        QCOMPARE(read(cleaned).count('\n'), noisy.count('\n') - static_cast<int>(errors.size()));
        r = runCli({"datamap", run, "--json"});
        QCOMPARE(QJsonDocument::fromJson(r.out).object()["points"].toArray().size(),
                 static_cast<int>(m.points.size()));
        // A run without a map says so.
        r = runCli({"datamap", dir.path()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("no data map"));
        // Training with the map turned off writes none.
        c.recordDataMap = false;
        c.epochs = 1;
        Trainer::train(c, dir.filePath("run2").toStdString());
        QVERIFY(!QFile::exists(dir.filePath("run2/") + RunFolder::kTrainingDynamicsFile));
    }

    // Token classification: an example's probability is the mean over its labelled tokens,
    // right only when every labelled token is; a tagging run records it, and the copy of a
    // CoNLL file leaves out whole sentences.
    void tokenClassification() {
        TrainingDynamics d;
        d.reset({"a b c", "d e"}, {}, {-1, -1}, {}, {});
        // Two sentences, three positions, two tags; p(tag 1) per position:
        //   #0: 0.9 0.2 (0.5, ignored) with gold 1 0 -100 -> gold p 0.9, 0.8: mean 0.85, right
        //   #1: 0.3 0.6 (ignored)      with gold 1 1 -100 -> 0.3, 0.6: mean 0.45, wrong
        const at::Tensor logits =
            logitsFor({0.9f, 0.2f, 0.5f, 0.3f, 0.6f, 0.5f}).reshape({2, 3, 2});
        const at::Tensor labels = at::tensor({1, 0, -100, 1, 1, -100}, at::kLong).reshape({2, 3});
        d.record(0, {0, 1}, logits, labels);
        QVERIFY(std::abs(d.probabilities()[0][0] - 0.85f) < 1e-5);
        QVERIFY(std::abs(d.probabilities()[0][1] - 0.45f) < 1e-5);
        QCOMPARE(int(d.correct()[0][0]), 1);
        QCOMPARE(int(d.correct()[0][1]), 0);
        QTemporaryDir dir;
        d.save(dir.filePath("d.json").toStdString());
        QCOMPARE(TrainingDynamics::load(dir.filePath("d.json").toStdString()).gold(),
                 (std::vector<int>{-1, -1}));

        TrainingConfig c = TrainingConfig::defaultsFor(Task::TokenClassification, true);
        c.preset = "distilbert-tiny";
        c.trainFile = DISTILBENCH_TEST_DATA "/datasets/conll_sample.txt";
        c.epochs = 3;
        c.maxLength = 64;
        c.validationSplit = 0;
        const QString run = dir.filePath("ner");
        Trainer::train(c, run.toStdString());
        const DataMap m = computeDataMap(TrainingDynamics::load(
            QDir(run).filePath(RunFolder::kTrainingDynamicsFile).toStdString()));
        QCOMPARE(m.epochs, 3);
        QCOMPARE(m.points.size(), std::size_t(14));
        QCOMPARE(m.labelOf(0), std::string());
        // Leave the first sentence out of a copy.
        Example first;
        first.text = m.texts[0];
        const QString copy = dir.filePath("clean.txt");
        QCOMPARE(writeDataWithout(c.trainFile, Task::TokenClassification, {}, {}, {first},
                                  copy.toStdString()),
                 std::size_t(1));
        const QByteArray original = read(DISTILBENCH_TEST_DATA "/datasets/conll_sample.txt");
        const QByteArray cleaned = read(copy);
        QVERIFY(cleaned.size() < original.size());
        QCOMPARE(cleaned.count("-DOCSTART-"), original.count("-DOCSTART-"));
        // Exactly the sentence's lines are gone (one per word).
        QCOMPARE(original.count('\n') - cleaned.count('\n'),
                 QString::fromStdString(m.texts[0]).split(' ').size());
        QVERIFY(!cleaned.startsWith(original.left(original.indexOf('\n'))));
    }
};

QTEST_GUILESS_MAIN(DataMapTest)
#include "test_datamap.moc"
