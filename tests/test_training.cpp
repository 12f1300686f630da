#include <ATen/ATen.h>
// The training engine: datasets, determinism, exact resume, cancel, NaN, every task, run folder.
#include <ATen/ATen.h>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <numeric>
#include <set>

#include <QProcess>
#include <QTcpServer>

#include "TestModels.h"
#include "core/data/Dataset.h"
#include "core/inference/Pipeline.h"
#include "core/models/EncoderModel.h"
#include "core/models/Model.h"
#include "core/runtime/Environment.h"
#include "core/runtime/Error.h"
#include "core/tokenizers/Tokenizer.h"
#include "core/training/AdamW.h"
#include "core/training/Batches.h"
#include "core/training/Checkpoint.h"
#include "core/training/Objective.h"
#include "core/training/RunFolder.h"
#include "core/training/TensorBoardWriter.h"
#include "core/training/Trainer.h"
#include "core/training/TrainingOptions.h"
#include "core/weights/WeightLoader.h"

using namespace distilbench;

namespace {
const std::string kData = DISTILBENCH_TEST_DATA "/datasets/";

void write(const QString& path, const QByteArray& bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// Run folders are read through core's RunFolder, as the GUI and the CLI read them.
std::vector<QJsonObject> metrics(const QString& run) {
    return RunFolder::readMetricRecords(run.toStdString());
}

// step -> (loss, lr) for the training log records
std::map<int, std::pair<double, double>> losses(const QString& run) {
    std::map<int, std::pair<double, double>> out;
    for (const auto& o : metrics(run))
        if (o.contains("loss"))
            out[o["step"].toInt()] = {o["loss"].toDouble(), o["learning_rate"].toDouble()};
    return out;
}

TrainingConfig smallConfig() {
    TrainingConfig c;
    c.preset = "distilbert-tiny";
    c.trainFile = kData + "sst2_train_240.tsv";
    c.validationFile = kData + "sst2_dev_80.tsv";
    c.batchSize = 16;
    c.maxLength = 48;
    c.learningRate = 5e-4;
    c.warmupRatio = 0.1;
    c.weightDecay = 0.01;
    c.loggingSteps = 1;
    c.evalSteps = 5;
    c.maxSteps = 14;
    return c;
}
}  // namespace

class TrainingTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void decisionThresholdRescoresMultiLabelAndBinary() {
        EvaluationReport r;
        r.task = Task::MultiLabel;
        r.labels = {"a", "b"};
        r.probabilities = {{0.9f, 0.4f}, {0.35f, 0.6f}, {0.2f, 0.1f}};
        r.multiTruth = {{1, 1}, {0, 1}, {0, 0}};
        applyDecisionThreshold(r, 0.5);  // misses b in the first example
        QCOMPARE(r.multiLabel.subsetAccuracy, 2.0 / 3);
        applyDecisionThreshold(r, 0.3);  // finds it, but predicts a in the second
        QCOMPARE(r.multiLabel.subsetAccuracy, 2.0 / 3);
        QCOMPARE(r.multiLabel.perClass[1].recall, 1.0);
        QCOMPARE(r.multiLabel.perClass[0].precision, 0.5);
        applyDecisionThreshold(r, 0.38);  // between 0.35 and 0.4: everything right
        QCOMPARE(r.multiLabel.subsetAccuracy, 1.0);
        QCOMPARE(r.metrics.at("micro_f1"), 1.0);

        EvaluationReport b;
        b.task = Task::Classification;
        b.labels = {"neg", "pos"};
        b.probabilities = {{0.4f, 0.6f}, {0.7f, 0.3f}, {0.55f, 0.45f}};
        b.truth = {1, 0, 1};
        b.predicted = {1, 0, 0};
        applyDecisionThreshold(b, 0.4);
        QCOMPARE(b.predicted, (std::vector<int>{1, 0, 1}));
        QCOMPARE(b.classification.accuracy, 1.0);
        QCOMPARE(Objective::taskOf(
                     ModelConfig::preset("distilbert-tiny", HeadType::TokenClassification)),
                 Task::TokenClassification);
        ModelConfig ml = ModelConfig::preset("distilbert-tiny");
        ml.problemType = "multi_label_classification";
        QCOMPARE(Objective::taskOf(ml), Task::MultiLabel);
    }

    // Every run option is described once, in core: each has a label, help, a range that holds its
    // default for every task, and a value that survives text -> config -> text.
    void runOptionsAreDescribedOnce() {
        std::set<std::string> names;
        for (const TrainingOption& o : trainingOptions()) {
            QVERIFY2(names.insert(o.name).second, o.name.c_str());
            QVERIFY(o.label && *o.label && o.help && *o.help);
            for (Task t : {Task::Classification, Task::MultiLabel, Task::TokenClassification,
                           Task::Regression, Task::MaskedLM})
                for (bool preset : {false, true}) {
                    const TrainingConfig c = t == Task::MaskedLM
                                                 ? TrainingConfig::distillationDefaults(t)
                                                 : TrainingConfig::defaultsFor(t, preset);
                    if (o.isNumeric()) {
                        QVERIFY2(o.number(c) >= o.minimum && o.number(c) <= o.maximum,
                                 o.name.c_str());
                    }
                    TrainingConfig copy = c;
                    o.setFromText(copy, o.valueText(c));
                    QCOMPARE(o.valueText(copy), o.valueText(c));
                }
        }
        for (const char* required : {"lr", "scheduler", "label-smoothing", "warmup-steps",
                                     "metric-for-best", "save-total-limit", "alpha-ce"})
            QVERIFY2(findTrainingOption(required), required);
        QVERIFY(validateTrainingConfig([] {
                    TrainingConfig c = TrainingConfig::defaultsFor(Task::Classification, true);
                    c.preset = "distilbert-tiny";
                    return c;
                }())
                    .empty());
    }

    // Rules the CLI alone used to check (an unknown scheduler became linear in core, negative
    // loss weights reached the loss) are core's now, for every client.
    void coreValidatesWhatOnlyTheCliChecked_data() {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("scheduler") << "scheduler"
                                   << "cosinus"
                                   << "not one of linear";
        QTest::newRow("negative alpha") << "alpha-ce"
                                        << "-1"
                                        << "outside 0 to 100";
        QTest::newRow("lr zero") << "lr"
                                 << "0"
                                 << "outside 1e-07";
        QTest::newRow("not a number") << "epochs"
                                      << "three"
                                      << "is not a number";
        QTest::newRow("fraction of steps") << "max-steps"
                                           << "2.5"
                                           << "not a whole number";
        QTest::newRow("flag") << "bf16"
                              << "maybe"
                              << "not true or false";
    }
    void coreValidatesWhatOnlyTheCliChecked() {
        QFETCH(QString, option);
        QFETCH(QString, value);
        QFETCH(QString, message);
        TrainingConfig c = TrainingConfig::distillationDefaults(Task::Classification);
        try {
            findTrainingOption(option.toStdString())->setFromText(c, value.toStdString());
            QFAIL("accepted");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains(message), e.what());
            QVERIFY2(QString(e.what()).startsWith("--" + option), e.what());
        }
    }
    void validationNamesEveryProblem() {
        TrainingConfig c = TrainingConfig::distillationDefaults(Task::Classification);
        c.distillation.alphaCe = -1;
        c.epochs = 0;
        c.metricForBest = "f1";  // token classification's, not classification's
        c.validationSplit = 0.6;
        c.testSplit = 0.5;
        const auto problems = validateTrainingConfig(c);
        QStringList all;
        for (const auto& p : problems) all << QString::fromStdString(p);
        const QString text = all.join(" | ");
        QVERIFY2(text.contains("α distillation (KL): -1 is outside"), qPrintable(text));
        QVERIFY2(text.contains("epochs and max steps are both 0"), qPrintable(text));
        QVERIFY2(text.contains("metric 'f1' is not computed for classification"), qPrintable(text));
        QVERIFY2(text.contains("leave no training data"), qPrintable(text));
        // config.json of a run is checked the same way: an unknown scheduler is refused.
        QJsonObject json = c.toJson();
        json["scheduler"] = "cosinus";
        QVERIFY_THROWS_EXCEPTION(Error, TrainingConfig::fromJson(json));
    }

    // Fine-tuning the demo model (negative/positive) on 0/1-labelled SST-2 wrote
    // id2label {0: "0", 1: "1"}: a model's label names are kept when the data's labels are its ids,
    // and data labelled with its names in another order is put in the model's order.
    void fineTuningKeepsTheModelsLabelNames_data() {
        QTest::addColumn<QStringList>("modelLabels");
        QTest::addColumn<bool>("namedData");
        QTest::addColumn<QStringList>("written");
        QTest::newRow("ids 0/1 of named labels")
            << QStringList{"negative", "positive"} << false << QStringList{"negative", "positive"};
        QTest::newRow("names in the model's order")
            << QStringList{"positive", "negative"} << true << QStringList{"positive", "negative"};
        QTest::newRow("generic model labels")
            << QStringList{"LABEL_0", "LABEL_1"} << false << QStringList{"0", "1"};
    }
    void fineTuningKeepsTheModelsLabelNames() {
        QFETCH(QStringList, modelLabels);
        QFETCH(bool, namedData);
        QFETCH(QStringList, written);
        QTemporaryDir dir;
        const QString model = makeTextModel(dir.path() + "/model");
        {
            QFile f(model + "/config.json");
            QVERIFY(f.open(QIODevice::ReadOnly));
            QJsonObject c = QJsonDocument::fromJson(f.readAll()).object();
            f.close();
            QJsonObject id2label, label2id;
            for (int i = 0; i < modelLabels.size(); ++i) {
                id2label[QString::number(i)] = modelLabels[i];
                label2id[modelLabels[i]] = i;
            }
            c["id2label"] = id2label;
            c["label2id"] = label2id;
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(QJsonDocument(c).toJson());
        }
        QString data = QString::fromStdString(kData) + "sst2_train_240.tsv";
        if (namedData) {
            QFile in(data);
            QVERIFY(in.open(QIODevice::ReadOnly));
            QByteArray text = in.readAll();
            text.replace("\t0\n", "\tnegative\n").replace("\t1\n", "\tpositive\n");
            data = dir.filePath("named.tsv");
            QFile out(data);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(text);
        }
        TrainingConfig c = TrainingConfig::defaultsFor(Task::Classification, false);
        c.model = model.toStdString();
        c.trainFile = data.toStdString();
        c.maxSteps = 2;
        c.maxLength = 32;
        std::vector<std::string> notices;
        TrainerCallbacks cb;
        cb.onNotice = [&](const std::string& m) { notices.push_back(m); };
        const QString run = dir.filePath("run");
        Trainer::train(c, run.toStdString(), cb);
        const ModelConfig best = ModelConfig::load((run + "/best/config.json").toStdString());
        QStringList names;
        for (const auto& l : best.labels) names << QString::fromStdString(l);
        QCOMPARE(names, written);
        // The run records the order it trained with: resuming and "evaluate this run" read the
        // data the same way.
        QFile saved(run + "/config.json");
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const TrainingConfig savedConfig =
            TrainingConfig::fromJson(QJsonDocument::fromJson(saved.readAll()).object());
        QCOMPARE(static_cast<int>(savedConfig.labels.size()), 2);
        if (!namedData && written.first() == "negative")
            QVERIFY(std::any_of(notices.begin(), notices.end(), [](const std::string& n) {
                return n.find("taken as the ids of the model's labels") != std::string::npos;
            }));
    }

    void initTestCase() {
        Runtime::initialize(0);
        // The bf16 paths are exercised on every CPU, emulated where it lacks native bf16.
        qputenv("DISTILBENCH_BF16", "allow");
    }

    // A CSV without a `label` column: the Train page took the text column as the label and
    // reported 53 classes at 1.9% each as "no problems". Columns are picked by one rule, and a
    // mapping that looks wrong is named before training.
    void columnMappingChecks_data() {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("textColumn");
        QTest::addColumn<QString>("labelColumn");
        QTest::addColumn<QString>("problem");  // "" = none
        QByteArray clean = "text,label\n";
        for (int i = 0; i < 40; ++i)
            clean += "sentence number " + QByteArray::number(i) + "," +
                     QByteArray(i % 2 ? "pos" : "neg") + "\n";
        QByteArray twoText = "text,comment\n";
        for (int i = 0; i < 40; ++i)
            twoText += "sentence number " + QByteArray::number(i) + ",a remark about item " +
                       QByteArray::number(i) + " that reads like prose\n";
        QByteArray decimals = "text,label\n";
        for (int i = 0; i < 40; ++i)
            decimals +=
                "sentence " + QByteArray::number(i) + "," + QByteArray::number(i % 4) + ".5\n";
        QByteArray rare = "text,label\n";
        for (int i = 0; i < 40; ++i)
            rare +=
                "sentence " + QByteArray::number(i) + "," + QByteArray(i < 39 ? "a" : "b") + "\n";
        QTest::newRow("clean") << clean << ""
                               << ""
                               << "";
        QTest::newRow("label column is the text column") << clean << "text"
                                                         << "text"
                                                         << "is also the text column";
        QTest::newRow("a class per row") << twoText << "text"
                                         << "comment"
                                         << "40 classes for 40";
        QTest::newRow("free-text labels") << twoText << "text"
                                          << "comment"
                                          << "free text";
        QTest::newRow("decimal labels") << decimals << ""
                                        << ""
                                        << "decimal numbers";
        QTest::newRow("a class with one example") << rare << ""
                                                  << ""
                                                  << "fewer than 2 examples";
    }
    void columnMappingChecks() {
        QFETCH(QByteArray, csv);
        QFETCH(QString, textColumn);
        QFETCH(QString, labelColumn);
        QFETCH(QString, problem);
        QTemporaryDir dir;
        QFile f(dir.filePath("d.csv"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(csv);
        f.close();
        const Dataset d =
            DatasetReader::read(f.fileName().toStdString(), Task::Classification,
                                {textColumn.toStdString(), {}, labelColumn.toStdString()});
        QStringList problems;
        for (const auto& p : checkColumnMapping(d)) problems << QString::fromStdString(p);
        if (problem.isEmpty())
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(" | ")));
        else
            QVERIFY2(problems.join(" | ").contains(problem), qPrintable(problems.join(" | ")));
        // The rule that picks columns: by name, never by position.
        QCOMPARE(detectColumns({"comment", "text"}).text, std::string("text"));
        QCOMPARE(detectColumns({"comment", "text"}).label, std::string());
    }

    void readers() {
        QTemporaryDir dir;
        // CSV with a BOM, CRLF, quotes and an embedded comma and newline.
        write(dir.filePath("a.csv"),
              "\xEF\xBB\xBFtext,label\r\n\"hello, "
              "world\",pos\r\n\"two\nlines\",neg\r\nplain,pos\r\n");
        Dataset csv =
            DatasetReader::read(dir.filePath("a.csv").toStdString(), Task::Classification);
        QCOMPARE(csv.examples.size(), std::size_t(3));
        QCOMPARE(csv.examples[0].text, std::string("hello, world"));
        QCOMPARE(csv.examples[1].text, std::string("two\nlines"));
        QCOMPARE(csv.labels, (std::vector<std::string>{"neg", "pos"}));
        QCOMPARE(csv.examples[0].label, 1);
        // Numeric labels sort numerically; JSON Lines and arrays; multi-label cells.
        write(dir.filePath("b.jsonl"),
              "{\"sentence\": \"a\", \"label\": 10}\n{\"sentence\": \"b\", \"label\": 9}\n");
        QCOMPARE(
            DatasetReader::read(dir.filePath("b.jsonl").toStdString(), Task::Classification).labels,
            (std::vector<std::string>{"9", "10"}));
        write(dir.filePath("c.json"),
              R"([{"text": "x", "labels": ["sport", "news"]}, {"text": "y", "labels": "news"}])");
        Dataset ml = DatasetReader::read(dir.filePath("c.json").toStdString(), Task::MultiLabel);
        QCOMPARE(ml.labels, (std::vector<std::string>{"news", "sport"}));
        QCOMPARE(ml.examples[0].labels, (std::vector<int>{1, 1}));
        QCOMPARE(ml.examples[1].labels, (std::vector<int>{1, 0}));
        write(dir.filePath("d.tsv"), "sentence\tlabel\nfun\ta;b\nsad\tb\n");
        QCOMPARE(DatasetReader::read(dir.filePath("d.tsv").toStdString(), Task::MultiLabel)
                     .examples[0]
                     .labels,
                 (std::vector<int>{1, 1}));
        // A folder per label.
        write(dir.filePath("imdb/pos/1.txt"), "great");
        write(dir.filePath("imdb/neg/1.txt"), "awful");
        write(dir.filePath("imdb/neg/2.txt"), "boring");
        Dataset folder =
            DatasetReader::read(dir.filePath("imdb").toStdString(), Task::Classification);
        QCOMPARE(folder.examples.size(), std::size_t(3));
        QCOMPARE(folder.labels, (std::vector<std::string>{"neg", "pos"}));
        // CoNLL.
        Dataset conll = DatasetReader::read(kData + "conll_sample.txt", Task::TokenClassification);
        QVERIFY(conll.examples.size() > 10);
        QVERIFY(std::find(conll.labels.begin(), conll.labels.end(), "B-PER") != conll.labels.end());
        QCOMPARE(conll.examples[0].words.size(), conll.examples[0].tags.size());
        // Regression.
        write(dir.filePath("r.csv"), "text,score\na,0.5\nb,1.5\n");
        QCOMPARE(DatasetReader::read(dir.filePath("r.csv").toStdString(), Task::Regression)
                     .examples[1]
                     .target,
                 1.5);
    }

    void readerErrors_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("unclosed quote") << QByteArray("text,label\n\"open,1\n") << "e.csv"
                                        << "never closed";
        QTest::newRow("field count") << QByteArray("text,label\na,1,extra\n") << "e.csv"
                                     << "line 2 has 3 fields";
        QTest::newRow("no label column") << QByteArray("text,stars\na,1\n") << "e.csv"
                                         << "no label column";
        QTest::newRow("bad jsonl") << QByteArray("{\"text\": 1}\n{oops\n") << "e.jsonl"
                                   << "line 2";
        QTest::newRow("bad regression") << QByteArray("text,label\na,high\n") << "r.csv"
                                        << "not a number";
        QTest::newRow("one class") << QByteArray("text,label\na,x\nb,x\n") << "e.csv"
                                   << "only one label";
    }
    void readerErrors() {
        QFETCH(QByteArray, content);
        QFETCH(QString, name);
        QFETCH(QString, fragment);
        QTemporaryDir dir;
        write(dir.filePath(name), content);
        try {
            DatasetReader::read(dir.filePath(name).toStdString(),
                                name == "r.csv" ? Task::Regression : Task::Classification);
            QFAIL("expected an error");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains(fragment) && QString(e.what()).contains(name),
                     e.what());
        }
    }

    void statisticsAndSplit() {
        Dataset d = DatasetReader::read(kData + "sst2_train_240.tsv", Task::Classification);
        auto tok = Tokenizer::load(DISTILBENCH_TEST_DATA "/vocab/bert-base-uncased-vocab.txt");
        const auto s = computeStatistics(d, tok.get(), 16);
        QCOMPARE(s.rows, std::size_t(240));
        QCOMPARE(s.classCounts.size(), std::size_t(2));
        QCOMPARE(s.classCounts[0].second + s.classCounts[1].second, std::size_t(240));
        QVERIFY(s.truncatedRows > 0 && s.truncatedRows < 240);
        std::size_t width = 0;
        const auto h = s.histogram(10, &width);
        QCOMPARE(std::accumulate(h.begin(), h.end(), std::size_t(0)), std::size_t(240));
        const auto [rest, val] = splitDataset(d, 0.25, 7, true);
        QCOMPARE(rest.examples.size() + val.examples.size(), std::size_t(240));
        QCOMPARE(val.examples.size(), std::size_t(60));
        const double share = double(std::count_if(val.examples.begin(), val.examples.end(),
                                                  [](auto& e) { return e.label == 1; })) /
                             60;
        const double overall = double(s.classCounts[1].second) / 240;
        QVERIFY(std::abs(share - overall) < 0.02);  // stratified
        const auto [rest2, val2] = splitDataset(d, 0.25, 7, true);
        QCOMPARE(val2.examples[0].text, val.examples[0].text);  // seeded
    }

    void deterministicAndResumesExactly() {
        QTemporaryDir a, b, c;
        const TrainingConfig cfg = smallConfig();
        const TrainingOutcome full = Trainer::train(cfg, a.path().toStdString());
        QCOMPARE(full.steps, 14);
        Trainer::train(cfg, b.path().toStdString());
        QCOMPARE(losses(a.path()), losses(b.path()));  // same seed, same threads -> same losses

        // Cancel after step 8, then resume: every later loss and learning rate is the same.
        TrainerCallbacks cb;
        int lastStep = 0;
        cb.onLog = [&](const TrainingLogRecord& r) { lastStep = r.step; };
        cb.job.shouldAbort = [&] { return lastStep >= 8; };
        QVERIFY_THROWS_EXCEPTION(JobCancelled, Trainer::train(cfg, c.path().toStdString(), cb));
        QVERIFY(QFile::exists(c.filePath("checkpoints/checkpoint-8/model.safetensors")));
        QVERIFY(QFile::exists(c.filePath("checkpoints/checkpoint-8/trainer_state.json")));
        const TrainingOutcome resumed = Trainer::resume(c.path().toStdString());
        QCOMPARE(resumed.steps, 14);
        const auto expected = losses(a.path()), got = losses(c.path());
        QCOMPARE(got.size(), expected.size());
        for (const auto& [step, value] : expected) {
            QVERIFY2(std::abs(got.at(step).first - value.first) < 1e-6,
                     qPrintable(QString("step %1").arg(step)));
            QCOMPARE(got.at(step).second, value.second);
        }
        // The best model is a Hugging Face folder that loads, with its tokenizer.
        auto best = Pipeline::open(c.filePath("best").toStdString());
        QVERIFY(best->tokenizer());
        QCOMPARE(best->model()->config().labels, (std::vector<std::string>{"0", "1"}));
        // Run folder contents.
        for (const char* f : {"config.json", "metrics.jsonl", "validation_predictions.jsonl"})
            QVERIFY2(QFile::exists(c.filePath(f)), f);
        QVERIFY(!QDir(c.path()).entryList({"events.out.tfevents.*"}).isEmpty());
        QVERIFY(
            // save limit
            QDir(c.filePath("checkpoints")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size() <=
            2);
    }

    void nanLossStopsWithAClearMessage() {
        QTemporaryDir dir;
        TrainingConfig cfg = smallConfig();
        cfg.learningRate = 1000;  // the largest the options allow
        cfg.maxGradNorm = 0;
        cfg.warmupRatio = 0;
        cfg.evalSteps = 1;
        cfg.maxSteps = 40;
        try {
            Trainer::train(cfg, dir.path().toStdString());
            QFAIL("expected the run to stop");
        } catch (const Error& e) {
            // Which comes first, a NaN loss or a NaN weight at a checkpoint, depends on how the
            // divergence unfolds; either stops the run naming the last good checkpoint.
            QVERIFY2(QString(e.what()).contains("the loss became") ||
                         QString(e.what()).contains("the weights became NaN or infinite"),
                     e.what());
            QVERIFY2(QString(e.what()).contains("checkpoint-"), e.what());
        }
        const auto checkpoints =
            QDir(dir.filePath("checkpoints")).entryList({"checkpoint-*"}, QDir::Dirs);
        QVERIFY(!checkpoints.isEmpty());
        for (const auto& c : checkpoints) QVERIFY(!c.endsWith(".tmp"));
        for (const auto& c : checkpoints) QVERIFY2(!c.contains(".tmp"), qPrintable(c));
    }

    // Writing a checkpoint or best model removes only what it created: a folder already at the
    // temporary's old fixed name, or something else at the target, is never deleted.
    void folderWritesDeleteOnlyTheirOwn() {
        QTemporaryDir dir;
        const QString final = dir.filePath("best");
        QVERIFY(QDir().mkpath(final + ".tmp"));
        QFile keep(final + ".tmp/user-notes.txt");
        QVERIFY(keep.open(QIODevice::WriteOnly));
        keep.close();
        // A failing write leaves no temporary of its own and touches nothing else.
        QVERIFY_THROWS_EXCEPTION(
            Error, Checkpoint::writeFolderAtomically(
                       final.toStdString(), [](const std::string&) { throw Error("disk full"); }));
        QVERIFY(QFile::exists(final + ".tmp/user-notes.txt"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot),
                 QStringList{"best.tmp"});
        // A successful write replaces its own earlier folder.
        auto writeConfig = [](const std::string& tmp) {
            QFile f(QString::fromStdString(tmp) + "/config.json");
            QVERIFY(f.open(QIODevice::WriteOnly));
        };
        Checkpoint::writeFolderAtomically(final.toStdString(), writeConfig);
        Checkpoint::writeFolderAtomically(final.toStdString(), writeConfig);
        QVERIFY(QFile::exists(final + "/config.json"));
        QVERIFY(QFile::exists(final + ".tmp/user-notes.txt"));
        // A user's folder at the target is refused, not replaced.
        const QString users = dir.filePath("mine");
        QVERIFY(QDir().mkpath(users));
        QFile mine(users + "/thesis.tex");
        QVERIFY(mine.open(QIODevice::WriteOnly));
        mine.close();
        QVERIFY_THROWS_EXCEPTION(
            Error, Checkpoint::writeFolderAtomically(users.toStdString(), writeConfig));
        QVERIFY(QFile::exists(users + "/thesis.tex"));
    }

    void everyTask_data() {
        QTest::addColumn<int>("task");
        QTest::addColumn<QString>("metric");
        QTest::newRow("multilabel") << int(Task::MultiLabel) << "micro_f1";
        QTest::newRow("regression") << int(Task::Regression) << "mse";
        QTest::newRow("token") << int(Task::TokenClassification) << "f1";
    }
    void everyTask() {
        QFETCH(int, task);
        QFETCH(QString, metric);
        QTemporaryDir dir;
        TrainingConfig cfg = smallConfig();
        cfg.task = static_cast<Task>(task);
        cfg.validationFile.clear();
        cfg.validationSplit = 0.2;
        cfg.maxSteps = 4;
        cfg.evalSteps = 2;
        if (cfg.task == Task::TokenClassification) {
            cfg.trainFile = kData + "conll_sample.txt";
        } else {
            QString rows = "text,label\n";
            for (int i = 0; i < 40; ++i)
                rows += QString("sentence number %1,%2\n")
                            .arg(i)
                            .arg(cfg.task == Task::Regression ? QString::number(i * 0.1)
                                                              : QString(i % 3 ? "a;b" : "b"));
            write(dir.filePath("data.csv"), rows.toUtf8());
            cfg.trainFile = dir.filePath("data.csv").toStdString();
        }
        cfg.classWeights = cfg.task == Task::TokenClassification ? "balanced" : "";
        cfg.freezeEmbeddings = true;
        const auto out = Trainer::train(cfg, dir.filePath("run").toStdString());
        QCOMPARE(out.steps, 4);
        QVERIFY2(out.bestMetrics.count(metric.toStdString()), qPrintable(metric));
        auto pipeline = Pipeline::open(dir.filePath("run/best").toStdString());
        QCOMPARE(pipeline->model()->config().effectiveProblemType(),
                 std::string(cfg.task == Task::MultiLabel   ? "multi_label_classification"
                             : cfg.task == Task::Regression ? "regression"
                                                            : "single_label_classification"));
    }

    void bf16PauseAndTestSplit() {
        QTemporaryDir dir;
        TrainingConfig cfg = smallConfig();
        cfg.bf16 = true;
        cfg.maxSteps = 3;
        cfg.validationFile.clear();
        cfg.validationSplit = 0.1;
        cfg.testSplit = 0.1;
        TrainerCallbacks cb;
        QElapsedTimer clock;
        clock.start();
        int polls = 0;
        // Paused for the first 300 ms: the run waits, then finishes normally.
        cb.isPaused = [&] {
            ++polls;
            return clock.elapsed() < 300;
        };
        const auto out = Trainer::train(cfg, dir.path().toStdString(), cb);
        QCOMPARE(out.steps, 3);
        QVERIFY(clock.elapsed() >= 300);
        QVERIFY(polls > 1);
        QVERIFY(out.testMetrics.count("accuracy"));  // scored on the held-out test split
        for (const auto& [step, value] : losses(dir.path())) QVERIFY(std::isfinite(value.first));
    }

    void refusesARunWithNothingToTrain() {
        QTemporaryDir dir;
        TrainingConfig cfg = smallConfig();
        cfg.epochs = 0;
        cfg.maxSteps = 0;
        try {
            Trainer::train(cfg, dir.path().toStdString());
            QFAIL("expected an error");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("nothing to train"), e.what());
        }
    }

    void fineTunesAFolderWithANewHead() {
        QTemporaryDir model, run;
        makeTextModel(model.path());
        QTemporaryDir data;
        QString rows = "text,label\n";
        for (int i = 0; i < 30; ++i)
            rows += QString("the movie was %1,%2\n").arg(i % 3 ? "great" : "bad").arg(i % 3);
        write(data.filePath("three.csv"), rows.toUtf8());
        TrainingConfig cfg;
        cfg.model = model.path().toStdString();
        cfg.trainFile = data.filePath("three.csv").toStdString();
        cfg.maxSteps = 3;
        cfg.batchSize = 8;
        cfg.gradientAccumulation = 2;
        cfg.scheduler = Scheduler::Cosine;
        cfg.labelSmoothing = 0.1;
        cfg.freezeLayers = 1;
        cfg.earlyStoppingPatience = 1;
        cfg.evalSteps = 1;
        const auto out = Trainer::train(cfg, run.path().toStdString());
        QVERIFY(out.steps >= 2);  // early stopping may end it before max_steps
        auto best = Model::load(run.filePath("best").toStdString());
        QCOMPARE(best->config().numLabels(), 3);
        QVERIFY(best->summary().missingKeys.empty());
        // Frozen layer 0 did not move; layer 1 did.
        auto base = Model::load(model.path().toStdString());
        auto last = Model::load(
            run.filePath("checkpoints/checkpoint-" + QString::number(out.steps)).toStdString());
        QVERIFY(
            at::equal(last->encoder().parameter("distilbert.transformer.layer.0.ffn.lin1.weight"),
                      base->encoder().parameter("distilbert.transformer.layer.0.ffn.lin1.weight")));
        QVERIFY(!at::equal(
            last->encoder().parameter("distilbert.transformer.layer.1.ffn.lin1.weight"),
            base->encoder().parameter("distilbert.transformer.layer.1.ffn.lin1.weight")));
        // An existing run is never overwritten.
        QVERIFY_THROWS_EXCEPTION(Error, Trainer::train(cfg, run.path().toStdString()));
    }

    void evaluateReportsEveryMetric() {
        QTemporaryDir model;
        makeTextModel(model.path());
        auto pipeline = Pipeline::open(model.path().toStdString());
        Dataset d = DatasetReader::read(kData + "sst2_dev_80.tsv", Task::Classification);
        const auto r = evaluateModel(*pipeline, d, 16, 64);
        QCOMPARE(r.truth.size(), std::size_t(80));
        for (const char* m : {"accuracy", "macro_f1", "micro_f1", "weighted_f1", "mcc", "roc_auc",
                              "pr_auc", "loss"})
            QVERIFY2(r.metrics.count(m), m);
        int total = 0;
        for (const auto& row : r.classification.confusion)
            for (int v : row) total += v;
        QCOMPARE(total, 80);
    }

    // Evaluate after moving the threshold slider recomputed binary predictions at the argmax
    // (0.5) while the slider showed 0.81: evaluateModel decides at the threshold it is given.
    void evaluationUsesTheDecisionThreshold_data() {
        QTest::addColumn<double>("threshold");
        QTest::newRow("0.5 (argmax)") << 0.5;
        QTest::newRow("0.81") << 0.81;
        QTest::newRow("0.2") << 0.2;
    }
    void evaluationUsesTheDecisionThreshold() {
        QFETCH(double, threshold);
        QTemporaryDir model;
        makeTextModel(model.path());
        auto pipeline = Pipeline::open(model.path().toStdString());
        const Dataset d =
            readEvaluationData((kData + "sst2_dev_80.tsv"), pipeline->model()->config());
        const auto r = evaluateModel(*pipeline, d, 16, 64, threshold);
        QCOMPARE(r.threshold, threshold);
        int correct = 0;
        for (std::size_t i = 0; i < r.predicted.size(); ++i) {
            QCOMPARE(r.predicted[i], r.probabilities[i][1] >= threshold ? 1 : 0);
            correct += r.predicted[i] == r.truth[i];
        }
        QCOMPARE(r.metrics.at("accuracy"), double(correct) / r.predicted.size());
    }

    // The one-pass float32 update against torch.optim.AdamW's textbook form written with tensor
    // operations (a double tensor takes that path inside AdamW::step too), with weight decay,
    // a clipping coefficient and several steps so that the moments matter.
    void fusedAdamWMatchesTheTextbookForm_data() {
        QTest::addColumn<double>("weightDecay");
        QTest::addColumn<double>("scale");
        QTest::newRow("plain") << 0.0 << 1.0;
        QTest::newRow("decay and clipping") << 0.01 << 0.37;
    }

    void fusedAdamWMatchesTheTextbookForm() {
        QFETCH(double, weightDecay);
        QFETCH(double, scale);
        at::NoGradGuard noGrad;
        at::manual_seed(3);
        const double lr = 1e-3;
        AdamW fused({0.9, 0.999, 1e-8, weightDecay});
        // 200,003 elements: several parallel chunks and a ragged end.
        at::Tensor p = at::randn({200003});
        at::Tensor reference = p.to(at::kDouble);
        at::Tensor m = at::zeros_like(reference), v = at::zeros_like(reference);
        fused.addParameter("encoder.dense.weight", p);
        for (int t = 1; t <= 3; ++t) {
            const at::Tensor g = at::randn({200003});
            p.mutable_grad() = g;
            fused.step({{"encoder.dense.weight", &p}}, lr, t, scale);
            QVERIFY(at::equal(p.grad(), g));  // the gradient is read, not scaled in place
            const at::Tensor gd = g.to(at::kDouble) * scale;
            const double bc1 = 1 - std::pow(0.9, t), bc2 = 1 - std::pow(0.999, t);
            reference.mul_(1 - lr * weightDecay);
            m.mul_(0.9).add_(gd, 0.1);
            v.mul_(0.999).addcmul_(gd, gd, 0.001);
            reference.addcdiv_(m, (v.sqrt() / std::sqrt(bc2)).add_(1e-8), -lr / bc1);
        }
        const double err = (p.to(at::kDouble) - reference).abs().max().item<double>();
        // Float32 rounding of values up to ~5 (an ulp is 4.8e-7 there); a wrong term would be
        // off by about lr = 1e-3.
        QVERIFY2(err < 3e-6, qPrintable(QString("fused AdamW differs by %1").arg(err)));
        const NamedTensors state = fused.state();
        QCOMPARE(state.size(), std::size_t(2));
        QVERIFY((state[0].second.to(at::kDouble) - m).abs().max().item<double>() < 1e-6);
    }

    // An embedding matrix is updated row by row, rows with zero gradient and moments only
    // decayed: bit for bit the flat one-pass update, with rows touched at some steps only (so
    // that zero gradients meet nonzero moments too).
    void embeddingRowsMatchTheFlatUpdate_data() {
        QTest::addColumn<double>("weightDecay");
        QTest::newRow("no decay") << 0.0;
        QTest::newRow("decay") << 0.01;
    }

    void embeddingRowsMatchTheFlatUpdate() {
        QFETCH(double, weightDecay);
        at::NoGradGuard noGrad;
        at::manual_seed(5);
        AdamW rows({0.9, 0.999, 1e-8, weightDecay}), flat({0.9, 0.999, 1e-8, weightDecay});
        at::Tensor embedding = at::randn({1000, 64});
        at::Tensor plain = embedding.reshape({-1}).clone();
        rows.addParameter("embeddings.word_embeddings.weight", embedding);
        flat.addParameter("encoder.dense.weight", plain);
        for (int t = 1; t <= 4; ++t) {
            at::Tensor g = at::zeros({1000, 64});
            const at::Tensor touched = at::randint(0, 1000, {37}, at::kLong);
            g.index_put_({touched}, at::randn({37, 64}));
            embedding.mutable_grad() = g;
            plain.mutable_grad() = g.reshape({-1}).clone();
            rows.step({{"embeddings.word_embeddings.weight", &embedding}}, 1e-3, t, 0.5);
            flat.step({{"encoder.dense.weight", &plain}}, 1e-3, t, 0.5);
        }
        QVERIFY(at::equal(embedding.reshape({-1}), plain));
        QVERIFY(at::equal(rows.state()[0].second.reshape({-1}), flat.state()[0].second));
        QVERIFY(at::equal(rows.state()[1].second.reshape({-1}), flat.state()[1].second));
    }

    void gradientNormAndClipping() {
        at::manual_seed(4);
        std::vector<at::Tensor> grads{at::randn({70001}), at::randn({3, 5}),
                                      at::randn({9}, at::kDouble)};
        double expected = 0;
        for (const auto& g : grads) expected += g.to(at::kDouble).pow(2).sum().item<double>();
        expected = std::sqrt(expected);
        QVERIFY(std::abs(gradientNorm(grads) - expected) < 1e-9 * expected);
        QCOMPARE(clipCoefficient(0.5, 1.0), 1.0);
        QCOMPARE(clipCoefficient(4.0, 0.0), 1.0);  // 0: no clipping
        QCOMPARE(clipCoefficient(4.0, 1.0), 1.0 / (4.0 + 1e-6));
        const at::Tensor before = grads[0].clone();
        QVERIFY(std::abs(clipGradientNorm(grads, 1.0) - expected) < 1e-9 * expected);
        QVERIFY(std::abs(gradientNorm(grads) - 1.0) < 1e-5);
        QVERIFY(at::allclose(grads[0], before / (expected + 1e-6)));
    }

    // A data-parallel global batch is cut by padded tokens: the process with the longest
    // examples takes fewer of them, every process gets one where there are enough, and the
    // loss weights put the global batch's mean back together.
    void balancedSplitEvensPaddedTokens_data() {
        QTest::addColumn<QList<qint64>>("lengths");  // longest first
        QTest::addColumn<int>("parts");
        QTest::addColumn<QList<qint64>>("starts");
        QTest::newRow("one long, many short")
            << QList<qint64>{60, 20, 20, 20, 20, 20, 20, 20} << 2 << QList<qint64>{0, 2};
        QTest::newRow("all equal") << QList<qint64>{10, 10, 10, 10} << 2 << QList<qint64>{0, 2};
        QTest::newRow("fewer than parts") << QList<qint64>{5} << 3 << QList<qint64>{0, 1, 1};
        QTest::newRow("one each") << QList<qint64>{9, 8, 7} << 3 << QList<qint64>{0, 1, 2};
        QTest::newRow("one process") << QList<qint64>{9, 1, 1} << 1 << QList<qint64>{0};
    }

    void balancedSplitEvensPaddedTokens() {
        QFETCH(QList<qint64>, lengths);
        QFETCH(int, parts);
        QFETCH(QList<qint64>, starts);
        const std::vector<std::size_t> in(lengths.begin(), lengths.end());
        const std::vector<std::size_t> got = balancedSplit(in, parts);
        QCOMPARE(got, std::vector<std::size_t>(starts.begin(), starts.end()));
    }

    void dataParallelSharesMakeTheGlobalMean() {
        // 3 and 13 examples of 16 between two processes: the weighted means, summed and
        // divided by 2, are the mean of all 16.
        const std::vector<double> losses{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
        const double mean0 = (1 + 2 + 3) / 3.0, mean1 = (136 - 6) / 13.0;
        const double combined =
            (mean0 * dataParallelShare(3, 16, 2) + mean1 * dataParallelShare(13, 16, 2)) / 2;
        QVERIFY(std::abs(combined - 136 / 16.0) < 1e-12);
        QCOMPARE(dataParallelShare(16, 16, 1), 1.0);
        // Both processes see the same global batches and together every example once.
        std::vector<EncodedExample> data(37);
        for (std::size_t i = 0; i < data.size(); ++i) data[i].ids.assign(2 + (i * 7) % 19, 1);
        std::vector<std::size_t> countsA, countsB;
        const auto a = epochBatches(data, {42, 8, false, 2, 0}, 0, &countsA);
        const auto b = epochBatches(data, {42, 8, false, 2, 1}, 0, &countsB);
        QCOMPARE(countsA, countsB);
        QCOMPARE(a.size(), b.size());
        std::multiset<std::size_t> seen;
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].size() + b[i].size(), countsA[i]);
            seen.insert(a[i].begin(), a[i].end());
            seen.insert(b[i].begin(), b[i].end());
        }
        QCOMPARE(seen.size(), data.size());
        QCOMPARE(std::set<std::size_t>(seen.begin(), seen.end()).size(), data.size());
    }

    void dataParallelEqualsCombinedBatch() {
        QTemporaryDir model, data, single, parallel;
        makeTextModel(model.path());
        // Dropout off: both runs must be deterministic functions of the data.
        QFile cfgFile(model.filePath("config.json"));
        QVERIFY(cfgFile.open(QIODevice::ReadOnly));
        QJsonObject cfg = QJsonDocument::fromJson(cfgFile.readAll()).object();
        cfgFile.close();
        for (const char* k : {"dropout", "attention_dropout", "seq_classif_dropout"}) cfg[k] = 0.0;
        write(model.filePath("config.json"), QJsonDocument(cfg).toJson());
        QString rows = "text,label\n";
        // Lengths that differ by up to 12 words: the processes' slices of a global batch
        // then differ in size (cut by padded tokens) and their losses are weighted.
        for (int i = 0; i < 32; ++i)
            rows += QString("the movie %1 was %2%3,%4\n")
                        .arg(QString(i % 5 + 1, 'a'))
                        .arg(QString("very ").repeated(i * 5 % 13))
                        .arg(i % 2 ? "great" : "bad")
                        .arg(i % 2);
        write(data.filePath("train.csv"), rows.toUtf8());
        write(data.filePath("dev.csv"), "text,label\nthe movie was great,1\nbad,0\n");
        const QStringList common{"train", "--model", model.path(), "--train",
                                 data.filePath("train.csv"), "--validation",
                                 data.filePath("dev.csv"), "--max-steps", "3", "--lr", "1e-3",
                                 "--seed", "5", "--logging-steps", "3",
                                 // shuffled batches: the slices differ in size
                                 "--no-group-by-length"};
        auto run = [](const QStringList& args, const QProcessEnvironment& env) {
            auto* p = new QProcess;
            p->setProcessEnvironment(env);
            p->start(DISTILBENCH_CLI, args);
            return p;
        };
        QProcessEnvironment base = QProcessEnvironment::systemEnvironment();
        base.insert("DISTILBENCH_THREADS", "1");
        QProcess* one =
            run(common + QStringList{"--batch-size", "8", "--out", single.filePath("run")}, base);
        QVERIFY(one->waitForFinished(120000));
        QCOMPARE(one->exitCode(), 0);
        QTcpServer probe;  // a free port for the rendezvous
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const QString port = QString::number(probe.serverPort());
        probe.close();
        std::vector<QProcess*> ranks;
        for (int r = 0; r < 2; ++r) {
            QProcessEnvironment env = base;
            env.insert("RANK", QString::number(r));
            env.insert("LOCAL_RANK", QString::number(r));
            env.insert("WORLD_SIZE", "2");
            env.insert("MASTER_ADDR", "127.0.0.1");
            env.insert("MASTER_PORT", port);
            ranks.push_back(run(
                common + QStringList{"--batch-size", "4", "--out", parallel.filePath("run")}, env));
        }
        for (auto* p : ranks) {
            QVERIFY(p->waitForFinished(120000));
            QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        }
        const auto a = readWeights(
            {single.filePath("run/checkpoints/checkpoint-3/model.safetensors").toStdString(),
             "safetensors"});
        const auto b = readWeights(
            {parallel.filePath("run/checkpoints/checkpoint-3/model.safetensors").toStdString(),
             "safetensors"});
        QCOMPARE(a.size(), b.size());
        double worst = 0;
        for (std::size_t i = 0; i < a.size(); ++i)
            worst = std::max(worst, (a[i].second - b[i].second).abs().max().item<double>());
        QVERIFY2(worst < 1e-5, qPrintable(QString::number(worst)));
        // Adam's steps hide a gradient's scale: the logged loss and gradient norm do not.
        auto logged = [](const QString& run, const char* key) {
            QFile f(run + "/metrics.jsonl");
            double value = -1;
            if (f.open(QIODevice::ReadOnly))
                for (const QByteArray& line : f.readAll().split('\n')) {
                    const QJsonObject o = QJsonDocument::fromJson(line).object();
                    if (o.contains(key) && o.contains("grad_norm")) value = o[key].toDouble();
                }
            return value;
        };
        for (const char* key : {"loss", "grad_norm"}) {
            const double s = logged(single.filePath("run"), key),
                         p = logged(parallel.filePath("run"), key);
            QVERIFY2(s > 0 && std::abs(s - p) < 1e-5 * s,
                     qPrintable(QString("%1: %2 vs %3").arg(key).arg(s).arg(p)));
        }
        // Speed is the group's: the logged window counts the examples of both processes.
        auto loggedExamples = [](const QString& run) {
            QFile f(run + "/metrics.jsonl");
            double examples = -1;
            if (f.open(QIODevice::ReadOnly))
                for (const QByteArray& line : f.readAll().split('\n')) {
                    const QJsonObject o = QJsonDocument::fromJson(line).object();
                    if (o.contains("window_examples")) examples = o["window_examples"].toDouble();
                }
            return examples;
        };
        QCOMPARE(loggedExamples(single.filePath("run")), 24.0);
        QCOMPARE(loggedExamples(parallel.filePath("run")), 24.0);
        // Only rank 0 wrote the run folder: one TensorBoard file.
        QCOMPARE(QDir(parallel.filePath("run")).entryList({"events.out.tfevents.*"}).size(), 1);
        for (auto* p : ranks) delete p;
        delete one;
    }

    void tensorBoardFraming() {
        QTemporaryDir dir;
        std::string path;
        {
            TensorBoardWriter w(dir.path().toStdString());
            w.scalar("train/loss", 0.5, 3);
            w.flush();
            path = w.path();
        }
        QFile f(QString::fromStdString(path));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray all = f.readAll();
        int records = 0;
        for (qsizetype pos = 0; pos < all.size(); ++records) {
            // Little-endian length (8 bytes) and CRC (4 bytes), read byte by byte.
            auto little = [&](qsizetype at, int bytes) {
                quint64 v = 0;
                for (int k = 0; k < bytes; ++k)
                    v |= quint64(static_cast<uchar>(all.at(at + k))) << (8 * k);
                return v;
            };
            const quint64 len = little(pos, 8);
            const quint32 crc = static_cast<quint32>(little(pos + 8, 4));
            const std::string header(all.constData() + pos, 8);
            const quint32 c = TensorBoardWriter::crc32c(header);
            QCOMPARE(crc, ((c >> 15) | (c << 17)) + 0xa282ead8u);
            pos += 12 + len + 4;
        }
        QCOMPARE(records, 2);  // file version + one scalar
        QVERIFY(all.contains("train/loss"));
        QCOMPARE(TensorBoardWriter::crc32c("123456789"), 0xE3069283u);  // CRC-32C check value
    }
};

QTEST_GUILESS_MAIN(TrainingTest)
#include "test_training.moc"
