// #19: a fitted temperature stored with the model — read, applied by the Pipeline and the
// evaluation, refused where it must be, reset by training.
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <filesystem>

#include "CliRunner.h"
#include "core/evaluation/Calibration.h"
#include "core/evaluation/Evaluation.h"
#include "core/inference/Pipeline.h"
#include "core/models/ModelConfig.h"
#include "core/runtime/Environment.h"
#include "core/runtime/Error.h"
#include "core/runtime/Resources.h"
#include "core/training/Trainer.h"
#include "core/training/TrainingConfig.h"

using namespace distilbench;
namespace fs = std::filesystem;

namespace {
QString copyDemo(const QTemporaryDir& dir) {
    const QString target = dir.filePath("model");
    fs::copy(demoModelPath(), target.toStdString(), fs::copy_options::recursive);
    return target;
}
QJsonObject configOf(const QString& folder) {
    QFile f(folder + "/config.json");
    f.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(f.readAll()).object();
}
}  // namespace

class TemperatureTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { Runtime::initialize(0); }

    // Saved, every other key kept; the Pipeline divides the logits by it; 1 removes the key.
    void savedAndApplied() {
        QTemporaryDir dir;
        const QString model = copyDemo(dir);
        const std::string text = "a gripping, funny and warm film";
        const TextPrediction before =
            Pipeline::open(model.toStdString())->predict({text}).predictions[0];
        const QJsonObject original = configOf(model);
        saveTemperature(model.toStdString(), 2.0);
        QJsonObject saved = configOf(model);
        QCOMPARE(saved.value("distilbench_temperature").toDouble(), 2.0);
        saved.remove("distilbench_temperature");
        QCOMPARE(saved, original);
        const auto pipeline = Pipeline::open(model.toStdString());
        QCOMPARE(pipeline->model()->config().temperature, 2.0);
        const TextPrediction after = pipeline->predict({text}).predictions[0];
        QCOMPARE(after.logits, before.logits);
        std::vector<float> half = before.logits;
        for (float& v : half) v /= 2;
        const std::vector<float> expected = softmax(half.data(), half.size());
        for (std::size_t i = 0; i < expected.size(); ++i)
            QVERIFY(std::abs(after.scores[i].probability - expected[i]) < 1e-6);
        QCOMPARE(after.label, before.label);
        // The evaluation reports the same probabilities the Playground shows.
        Dataset d;
        d.labels = pipeline->model()->config().labels;
        Example e;
        e.text = text;
        e.label = 1;
        d.examples.push_back(e);
        const EvaluationReport r = evaluateModel(*pipeline, d, 8, 128);
        QVERIFY(std::abs(r.probabilities[0][1] - after.scores[1].probability) < 1e-5);
        saveTemperature(model.toStdString(), 1.0);
        QCOMPARE(configOf(model), original);
    }

    void refused_data() {
        QTest::addColumn<QString>("what");
        QTest::newRow("zero") << "zero";
        QTest::newRow("link") << "link";
        QTest::newRow("no config") << "missing";
    }
    void refused() {
        QFETCH(QString, what);
        QTemporaryDir dir;
        const QString model = copyDemo(dir);
        double t = 1.5;
        if (what == "zero") t = 0;
        if (what == "link") {
            // A Hugging Face cache snapshot: config.json links to a blob.
            QFile::rename(model + "/config.json", dir.filePath("blob"));
            fs::create_symlink(dir.filePath("blob").toStdString(),
                               (model + "/config.json").toStdString());
        }
        if (what == "missing") QFile::remove(model + "/config.json");
        try {
            saveTemperature(model.toStdString(), t);
            QFAIL("accepted");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("config.json"), e.what());
        }
    }

    void invalidInConfig_data() {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("negative") << QByteArray("-1");
        QTest::newRow("zero") << QByteArray("0");
        QTest::newRow("text") << QByteArray("\"warm\"");
    }
    void invalidInConfig() {
        QFETCH(QByteArray, value);
        QJsonObject o = ModelConfig::preset("distilbert-tiny").toJson();
        o["distilbench_temperature"] = QJsonDocument::fromJson("[" + value + "]").array()[0];
        QVERIFY_THROWS_EXCEPTION(Error, ModelConfig::fromJson(o));
        o["distilbench_temperature"] = 1.7;
        QCOMPARE(ModelConfig::fromJson(o).temperature, 1.7);
        QCOMPARE(ModelConfig::fromJson(o).toJson()["distilbench_temperature"].toDouble(), 1.7);
    }

    // Fine-tuning changes the weights the temperature was fitted to: the new model has none.
    void trainingResetsIt() {
        QTemporaryDir dir;
        const QString model = copyDemo(dir);
        saveTemperature(model.toStdString(), 2.5);
        TrainingConfig c = TrainingConfig::defaultsFor(Task::Classification, false);
        c.model = model.toStdString();
        c.trainFile = DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv";
        c.maxSteps = 1;
        c.maxLength = 32;
        Trainer::train(c, dir.filePath("run").toStdString());
        QVERIFY(!configOf(dir.filePath("run/best")).contains("distilbench_temperature"));
    }

    // `calibrate --save` stores what it fitted; a second run finds the model calibrated.
    void cli() {
        QTemporaryDir dir;
        const QString model = copyDemo(dir);
        auto r = runCli({"calibrate", model, "--data",
                         DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv", "--save", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject first = QJsonDocument::fromJson(r.out).object();
        const double t = first["temperature"].toDouble();
        QVERIFY(t > 1.0);  // the demo is over-confident
        QCOMPARE(configOf(model)["distilbench_temperature"].toDouble(), t);
        r = runCli({"calibrate", model, "--data", DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv",
                    "--json"});
        const QJsonObject second = QJsonDocument::fromJson(r.out).object();
        QVERIFY(std::abs(second["model_temperature"].toDouble() - t) < 1e-9);
        QVERIFY(std::abs(second["temperature"].toDouble() - t) < 0.05 * t);
        QVERIFY(std::abs(second["ece"].toDouble() - first["ece_after"].toDouble()) < 1e-3);
        QVERIFY(!QFile::exists(model + "/config.json.tmp"));
    }
};

QTEST_GUILESS_MAIN(TemperatureTest)
#include "test_temperature.moc"
