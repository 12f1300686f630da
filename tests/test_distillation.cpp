// Distillation: the loss against hand-computed values, the student built from teacher layers,
// vocabulary checks, dynamic masking, whole runs (task-specific and masked-LM) and the CLI.
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
#include "TestModels.h"
#include "core/distillation/DistillationLoss.h"
#include "core/distillation/DistillationPlan.h"
#include "core/distillation/Distiller.h"
#include "core/distillation/StudentInitializer.h"
#include "core/distillation/TokenMasker.h"
#include "core/models/EncoderModel.h"
#include "core/models/Model.h"
#include "core/runtime/Error.h"
#include "core/tokenizers/Tokenizer.h"
#include "core/training/RunFolder.h"
#include "core/training/TrainingConfig.h"
#include "core/training/TrainingOptions.h"
#include "core/weights/WeightLoader.h"

using namespace distilbench;

namespace {

const std::string kData = DISTILBENCH_TEST_DATA "/datasets/";

// Run folders are read through core's RunFolder, as the GUI and the CLI read them.
std::vector<QJsonObject> metricLines(const QString& run) {
    return RunFolder::readMetricRecords(run.toStdString());
}

ModelInputs inputsFor(std::vector<std::vector<std::int64_t>> rows) {
    ModelInputs in;
    std::vector<std::int64_t> flat;
    for (const auto& r : rows) flat.insert(flat.end(), r.begin(), r.end());
    in.inputIds = at::tensor(flat, at::kLong).view({static_cast<std::int64_t>(rows.size()), -1});
    in.attentionMask = at::ones_like(in.inputIds);
    return in;
}

// A corpus of the words the test vocabulary knows, one document per line.
QString writeCorpus(const QString& dir) {
    const QString path = dir + "/corpus.txt";
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    const QStringList words{"the", "movie", "was",  "great", "bad",    "film", "and",
                            "is",  "it",    "good", "plot",  "actors", "i",    "love"};
    for (int i = 0; i < 120; ++i) {
        QStringList doc;
        for (int w = 0; w < 6 + i % 9; ++w) doc << words[(i * 7 + w * 3) % words.size()];
        f.write(doc.join(' ').toUtf8() + (i % 17 == 0 ? "\n\n" : "\n"));
    }
    return path;
}

TrainingConfig distillConfig(const QString& teacher) {
    TrainingConfig c;
    c.trainFile = kData + "sst2_train_240.tsv";
    c.validationFile = kData + "sst2_dev_80.tsv";
    c.epochs = 1;
    c.batchSize = 16;
    c.maxLength = 32;
    c.learningRate = 1e-3;
    c.loggingSteps = 5;
    c.distillation.enabled = true;
    c.distillation.teacher = teacher.toStdString();
    c.distillation.alphaCe = 0.5;
    c.distillation.alphaHard = 0.5;
    return c;
}

}  // namespace

class DistillationTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void lossMatchesHandComputation() {
        DistillationSettings s;
        s.temperature = 2.0;
        s.alphaCe = 1.0;
        s.alphaHard = 0.0;
        s.alphaMse = 1.0;
        s.alphaCos = 1.0;
        DistillationLossInputs in;
        in.studentLogits = at::tensor({1.0f, 2.0f, 0.5f, -1.0f, 0.0f, 3.0f}).view({2, 3});
        in.teacherLogits = at::tensor({2.0f, 0.0f, 1.0f, 0.0f, 1.0f, 2.0f}).view({2, 3});
        in.studentHidden = at::tensor({1.0f, 0.0f, 0.0f, 1.0f}).view({2, 2});
        in.teacherHidden = at::tensor({1.0f, 0.0f, 1.0f, 0.0f}).view({2, 2});
        const auto parts = DistillationLoss{s}(in);
        // KL(p_t || p_s) per row with T = 2, averaged over rows, times T².
        double kl = 0;
        for (int r = 0; r < 2; ++r) {
            double zs = 0, zt = 0;
            for (int c = 0; c < 3; ++c) {
                zs += std::exp(in.studentLogits[r][c].item<double>() / 2);
                zt += std::exp(in.teacherLogits[r][c].item<double>() / 2);
            }
            for (int c = 0; c < 3; ++c) {
                const double pt = std::exp(in.teacherLogits[r][c].item<double>() / 2) / zt;
                const double ps = std::exp(in.studentLogits[r][c].item<double>() / 2) / zs;
                kl += pt * std::log(pt / ps);
            }
        }
        const double expectedCe = kl / 2 * 4;
        // Squared error summed per row, averaged over rows: (1+4+0.25 + 1+1+1) / 2.
        const double expectedMse = (1 + 4 + 0.25 + 1 + 1 + 1) / 2.0;
        const double expectedCos = (0.0 + 1.0) / 2;  // rows: identical (1 - 1), orthogonal (1 - 0)
        QVERIFY(std::abs(parts.values.at("loss_ce") - expectedCe) < 1e-5);
        QVERIFY(std::abs(parts.values.at("loss_mse") - expectedMse) < 1e-5);
        QVERIFY(std::abs(parts.values.at("loss_cos") - expectedCos) < 1e-6);
        QVERIFY(std::abs(parts.total.item<double>() - (expectedCe + expectedMse + expectedCos)) <
                1e-4);
        QVERIFY(!parts.values.count("loss_hard"));

        // The same distributions at another temperature: zero KL, and weights scale the terms.
        s.alphaMse = s.alphaCos = 0;
        s.alphaHard = 0.25;
        in.teacherLogits = in.studentLogits.clone();
        in.hardLoss = at::tensor(2.0);
        const auto same = DistillationLoss{s}(in);
        QVERIFY(std::abs(same.values.at("loss_ce")) < 1e-6);
        QCOMPARE(same.values.at("loss_hard"), 2.0);
        QVERIFY(std::abs(same.total.item<double>() - 0.5) < 1e-6);

        // Gradients flow to the student only.
        at::Tensor student = in.studentLogits.clone().set_requires_grad(true);
        in.studentLogits = student;
        in.teacherLogits = at::zeros({2, 3});
        DistillationLoss{s}(in).total.backward();
        QVERIFY(student.grad().defined() && student.grad().abs().sum().item<double>() > 0);

        in.teacherLogits = at::zeros({2, 4});
        QVERIFY_THROWS_EXCEPTION(Error, DistillationLoss{s}(in));
    }

    void defaultLayersFollowTheDistilBertPaper() {
        QCOMPARE(StudentInitializer::defaultLayers(12, 6), (std::vector<int>{0, 2, 4, 7, 9, 11}));
        QCOMPARE(StudentInitializer::defaultLayers(12, 3), (std::vector<int>{0, 6, 11}));
        QCOMPARE(StudentInitializer::defaultLayers(6, 1), (std::vector<int>{5}));
        QCOMPARE(StudentInitializer::parseLayers("0, 2,4"), (std::vector<int>{0, 2, 4}));
        QVERIFY_THROWS_EXCEPTION(Error, StudentInitializer::parseLayers("0,two"));
        QVERIFY_THROWS_EXCEPTION(Error, StudentInitializer::parseLayers(""));
        QVERIFY_THROWS_EXCEPTION(Error, StudentInitializer::defaultLayers(4, 6));
    }

    void studentWithEveryTeacherLayerIsTheTeacher() {
        // DistilBERT teacher, both layers taken: the student computes exactly the teacher's
        // function.
        auto teacher = Model::load(DISTILBENCH_TEST_DATA "/hf/distilbert_seqcls");
        auto student = StudentInitializer::fromTeacher(teacher->encoder(), {0, 1},
                                                       HeadType::SequenceClassification, "teacher");
        const ModelInputs in = inputsFor({{2, 17, 33, 5, 3}, {2, 40, 41, 42, 3}});
        teacher->encoder().setTraining(false);
        student->setTraining(false);
        const at::Tensor a = teacher->encoder().forward(in).logits, b = student->forward(in).logits;
        QVERIFY(at::allclose(a, b, 1e-5, 1e-6));
    }

    void bertTeacherLayersAndEmbeddingsCarryOver() {
        auto teacher = Model::load(DISTILBENCH_TEST_DATA "/hf/bert_seqcls");
        auto student = StudentInitializer::fromTeacher(teacher->encoder(), {1},
                                                       HeadType::SequenceClassification, "teacher");
        QCOMPARE(student->config().family, ModelFamily::DistilBert);
        QCOMPARE(student->config().numLayers, 1);
        QVERIFY(at::equal(
            student->parameter("distilbert.transformer.layer.0.attention.q_lin.weight"),
            teacher->encoder().parameter("bert.encoder.layer.1.attention.self.query.weight")));
        QVERIFY(at::equal(student->parameter("distilbert.transformer.layer.0.ffn.lin2.bias"),
                          teacher->encoder().parameter("bert.encoder.layer.1.output.dense.bias")));
        QVERIFY(at::equal(student->parameter("pre_classifier.weight"),
                          teacher->encoder().parameter("bert.pooler.dense.weight")));
        // Token type 0 folded into the positions: single-segment inputs embed as in the teacher.
        const ModelInputs in = inputsFor({{2, 17, 33, 5, 3}});
        ForwardOptions o;
        o.hiddenStates = true;
        teacher->encoder().setTraining(false);
        student->setTraining(false);
        const at::Tensor te = teacher->encoder().forward(in, o).hiddenStates[0],
                         se = student->forward(in, o).hiddenStates[0];
        QVERIFY(at::allclose(te, se, 1e-5, 1e-6));
        // A layer the teacher does not have is an error naming the teacher.
        try {
            StudentInitializer::fromTeacher(teacher->encoder(), {0, 2},
                                            HeadType::SequenceClassification, "teacher-folder");
            QFAIL("layer 2 of a 2-layer teacher was accepted");
        } catch (const Error& e) {
            QVERIFY(QString(e.what()).contains("layer 2 does not exist"));
            QVERIFY(QString(e.what()).contains("teacher-folder"));
        }
    }

    void vocabulariesMustMatch() {
        QTemporaryDir dir;
        makeTextModel(dir.path());
        auto a = Tokenizer::load(dir.path().toStdString());
        StudentInitializer::checkSameVocabulary(*a, "a", *a, "b");
        auto b = Tokenizer::load(DISTILBENCH_TEST_DATA "/vocab/bert-base-uncased-vocab.txt");
        try {
            StudentInitializer::checkSameVocabulary(*a, "teacher-dir", *b, "student-dir");
            QFAIL("different vocabularies accepted");
        } catch (const Error& e) {
            QVERIFY(QString(e.what()).contains("share the vocabulary"));
            QVERIFY(QString(e.what()).contains("teacher-dir") &&
                    QString(e.what()).contains("student-dir"));
        }
    }

    void maskerChoosesRealTokensEightyTenTen() {
        DistillationSettings s;
        const std::int64_t V = 1000, mask = 4;
        TokenMasker masker(s, V, mask, {0, 1, 2, 3, 4});
        at::Tensor ids = at::randint(5, V, {64, 128}, at::kLong);
        ids.select(1, 0).fill_(2);
        ids.select(1, 127).fill_(3);
        at::Tensor attention = at::ones_like(ids);
        attention.narrow(1, 100, 28).zero_();
        ids.narrow(1, 100, 27).fill_(0);
        auto gen = at::detail::createCPUGenerator(7);
        const MaskedBatch m = masker.mask(ids, attention, gen);
        const at::Tensor chosen = m.labels.ne(-100);
        const double real = (attention.to(at::kBool) & ids.ge(5)).sum().item<double>();
        const double share = chosen.sum().item<double>() / real;
        QVERIFY2(share > 0.13 && share < 0.17, qPrintable(QString::number(share)));
        // Never a special or padding position; labels hold the original ids.
        QVERIFY(!(chosen & ids.lt(5)).any().item<bool>());
        QVERIFY(!(chosen & attention.eq(0)).any().item<bool>());
        QVERIFY(at::equal(m.labels.index({chosen}), ids.index({chosen})));
        QVERIFY(at::equal(m.inputIds.index({~chosen}), ids.index({~chosen})));
        const double n = chosen.sum().item<double>();
        const double masked = m.inputIds.index({chosen}).eq(mask).sum().item<double>() / n;
        const double kept =
            m.inputIds.index({chosen}).eq(ids.index({chosen})).sum().item<double>() / n;
        QVERIFY2(masked > 0.75 && masked < 0.85, qPrintable(QString::number(masked)));
        QVERIFY2(kept > 0.07 && kept < 0.14, qPrintable(QString::number(kept)));
        // Same generator seed, same masks.
        auto again = at::detail::createCPUGenerator(7);
        QVERIFY(at::equal(masker.mask(ids, attention, again).inputIds, m.inputIds));

        // Smoothing draws exactly round(p·n) positions and prefers rare tokens.
        s.frequencySmoothing = true;
        std::vector<double> counts(V, 1.0);
        counts[10] = 1e6;  // a very common token
        TokenMasker smooth(s, V, mask, {0, 1, 2, 3, 4}, counts);
        at::Tensor common = ids.clone();
        common.narrow(1, 1, 50).fill_(10);
        const MaskedBatch sm = smooth.mask(common, attention, gen);
        const double realCommon = (attention.to(at::kBool) & common.ge(5)).sum().item<double>();
        QCOMPARE(sm.labels.ne(-100).sum().item<double>(), std::round(0.15 * realCommon));
        QCOMPARE(sm.labels.eq(10).sum().item<double>(), 0.0);
    }

    void taskSpecificRunLogsEveryLossPartAndReports() {
        QTemporaryDir dir;
        const QString teacher = makeTextModel(dir.path() + "/teacher", "bert_seqcls");
        TrainingConfig c = distillConfig(teacher);
        c.distillation.alphaCos = 1.0;
        c.distillation.teacherLayers = {1};
        std::vector<EvaluationRecord> evaluations;
        std::vector<TrainingLogRecord> logs;
        TrainerCallbacks cb;
        cb.onEvaluation = [&](const EvaluationRecord& r) { evaluations.push_back(r); };
        cb.onLog = [&](const TrainingLogRecord& r) { logs.push_back(r); };
        const QString run = dir.path() + "/run";
        const DistillationOutcome out = Distiller::distill(c, run.toStdString(), cb);
        QVERIFY(!evaluations.empty() && evaluations.front().teacher);
        QVERIFY(!evaluations.back().teacher);
        QVERIFY(evaluations.front().metrics.count("accuracy"));
        QVERIFY(!logs.empty());
        for (const char* part : {"loss_ce", "loss_hard", "loss_cos"})
            QVERIFY2(logs.back().parts.count(part), part);
        // The total is the weighted sum of the logged parts.
        const auto& p = logs.back().parts;
        QVERIFY(std::abs(logs.back().loss - (0.5 * p.at("loss_ce") + 0.5 * p.at("loss_hard") +
                                             p.at("loss_cos"))) < 1e-4);
        const auto lines = metricLines(run);
        QVERIFY(lines.front().contains("teacher_eval_accuracy"));
        bool sawParts = false;
        for (const auto& l : lines) sawParts = sawParts || l.contains("loss_cos");
        QVERIFY(sawParts);
        // The student is a one-layer DistilBERT with the teacher's label names.
        auto student = Model::load(out.training.bestModel);
        QCOMPARE(student->config().family, ModelFamily::DistilBert);
        QCOMPARE(student->config().numLayers, 1);
        QCOMPARE(student->config().labels, Model::load(teacher.toStdString())->config().labels);
        QVERIFY(QFile::exists(run + "/best/vocab.txt"));
        QVERIFY(QFile::exists(
            run + "/best/tokenizer.json"));  // the same tokenizer files an export writes
        // The report compares both on the same data.
        QCOMPARE(out.report.teacher.layers, 2);
        QCOMPARE(out.report.student.layers, 1);
        QVERIFY(out.report.student.parameters < out.report.teacher.parameters);
        QVERIFY(out.report.teacher.latencyMs > 0 && out.report.student.latencyMs > 0);
        QCOMPARE(out.report.teacher.metrics.at("accuracy"),
                 out.training.teacherMetrics.at("accuracy"));
        QVERIFY(QString::fromStdString(out.report.summary()).contains("of the teacher's accuracy"));
        const DistillationReport saved = Distiller::readReport(run.toStdString());
        QCOMPARE(saved.student.parameters, out.report.student.parameters);
        QVERIFY(QFile::exists(run + "/distillation_report.md"));
    }

    void cachedTeacherLogitsGiveTheSameRun() {
        QTemporaryDir dir;
        const QString teacher = makeTextModel(dir.path() + "/teacher", "distilbert_seqcls");
        TrainingConfig c = distillConfig(teacher);
        c.epochs = 2;
        c.validationFile.clear();
        c.validationSplit = 0;
        c.distillation.studentSource = DistillationSettings::StudentSource::Preset;
        c.distillation.student = "distilbert-tiny";
        Distiller::distill(c, (dir.path() + "/plain").toStdString());
        c.distillation.cacheTeacherLogits = true;
        Distiller::distill(c, (dir.path() + "/cached").toStdString());
        const auto a = readWeights(
            {(dir.path() + "/plain/best/model.safetensors").toStdString(), "safetensors"});
        const auto b = readWeights(
            {(dir.path() + "/cached/best/model.safetensors").toStdString(), "safetensors"});
        QCOMPARE(a.size(), b.size());
        for (std::size_t i = 0; i < a.size(); ++i)
            QVERIFY2(at::allclose(a[i].second, b[i].second, 1e-5, 1e-6), a[i].first.c_str());
    }

    // The CLI's flags are built from core's option descriptions: every option is there, with its
    // help and its default, in `train` (run options) and `distill` (run and loss options).
    void cliFlagsComeFromTheOptionDescriptions() {
        const auto train = runCli({"train", "--help"});
        const auto distill = runCli({"distill", "--help"});
        QCOMPARE(train.exitCode, 0);
        QCOMPARE(distill.exitCode, 0);
        const TrainingConfig defaults = TrainingConfig::defaultsFor(Task::Classification, false);
        for (const TrainingOption& o : trainingOptions()) {
            const bool negated = o.kind == TrainingOption::Kind::Flag && o.number(defaults) != 0;
            const QByteArray flag = QByteArray("--") + (negated ? "no-" : "") + o.name.c_str();
            QVERIFY2(distill.out.contains(flag), flag.constData());
            QCOMPARE(train.out.contains(flag), o.group != TrainingOption::Group::Distillation);
        }
        QVERIFY(train.out.contains("Default: 5e-05 (regression 2e-05"));
        const auto bad = runCli(
            {"distill", "--teacher", "t", "--train", "x", "--out", "o", "--alpha-hard", "-0.5"});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("--alpha-hard: -0.5 is outside 0 to 100"), bad.err.constData());
    }

    // `runs` reads run folders through core's RunFolder, as the Train page's history does; and
    // `evaluate` takes the model's task as the Evaluate page does (--task only confirms it).
    void runsAndEvaluateShareThePagesRules() {
        QTemporaryDir dir;
        const QString data = DISTILBENCH_TEST_DATA "/datasets/sst2_train_240.tsv";
        const auto trained = runCli({"train", "--preset", "distilbert-tiny", "--train", data,
                                     "--max-steps", "2", "--max-length", "32", "--label-names",
                                     "negative,positive", "--out", dir.path() + "/runs/a"});
        QVERIFY2(trained.exitCode == 0, trained.err.constData());
        const auto runs = runCli({"runs", dir.path() + "/runs", "--json"});
        QCOMPARE(runs.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(runs.out).array();
        QCOMPARE(list.size(), 1);
        const QJsonObject run = list.first().toObject();
        QCOMPARE(run["name"].toString(), QString("a"));
        QCOMPARE(run["metric_for_best"].toString(), QString("accuracy"));
        QVERIFY(run["finished"].toBool());
        QCOMPARE(run["best_value"].toDouble(), run["best_metrics"]["accuracy"].toDouble());
        const QString model = dir.path() + "/runs/a/best";
        const auto wrongTask =
            runCli({"evaluate", model, "--data", DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv",
                    "--task", "token"});
        QCOMPARE(wrongTask.exitCode, 2);
        QVERIFY2(wrongTask.err.contains("the model is a classification model"),
                 wrongTask.err.constData());
        const auto evaluated =
            runCli({"evaluate", model, "--data", DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv",
                    "--threshold", "0.9", "--json"});
        QCOMPARE(evaluated.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(evaluated.out)
                    .object()["metrics"]
                    .toObject()
                    .contains("accuracy"));
        // Calibration beside the metrics: ECE, Brier, the fitted temperature and the bins.
        const QJsonObject calibration =
            QJsonDocument::fromJson(evaluated.out).object()["calibration"].toObject();
        QVERIFY(calibration["temperature"].toDouble() > 0);
        QVERIFY(calibration["ece"].toDouble() >= 0 && calibration["ece"].toDouble() <= 1);
        int binned = 0;
        for (const auto& b : calibration["bins"].toArray()) binned += b.toObject()["count"].toInt();
        QCOMPARE(binned, 80);
        // The Evaluate page's side-by-side comparison, from the CLI: a model against itself
        // differs by 0 everywhere and disagrees nowhere.
        const auto compared =
            runCli({"evaluate", model, "--data", DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv",
                    "--compare", model, "--json"});
        QCOMPARE(compared.exitCode, 0);
        const QJsonObject comparison = QJsonDocument::fromJson(compared.out).object();
        QCOMPARE(comparison["disagreements"].toInt(), 0);
        QVERIFY(!comparison["metrics"].toArray().isEmpty());
        for (const auto& m : comparison["metrics"].toArray())
            QCOMPARE(m.toObject()["difference"].toDouble(), 0.0);
        // Rename and delete through the same RunFolder rules as the Train page's history.
        QCOMPARE(runCli({"runs", dir.path() + "/runs", "--rename", "a", "--to", "b"}).exitCode, 0);
        QVERIFY(QFileInfo::exists(dir.path() + "/runs/b/config.json"));
        QFile(dir.path() + "/runs/b/notes.txt").open(QIODevice::WriteOnly);
        const auto refused = runCli({"runs", dir.path() + "/runs", "--delete", "b"});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("notes.txt"), refused.err.constData());
        QFile::remove(dir.path() + "/runs/b/notes.txt");
        QCOMPARE(runCli({"runs", dir.path() + "/runs", "--delete", "b"}).exitCode, 0);
        QVERIFY(!QFileInfo::exists(dir.path() + "/runs/b"));
    }

    // One plan of the student for the page's preview and the run: layers, positions, problems.
    void studentPlan_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("student");
        QTest::addColumn<double>("alphaCos");
        QTest::addColumn<int>("layers");
        QTest::addColumn<QString>("problem");
        QTest::newRow("half the teacher") << "from-teacher"
                                          << "" << 0.0 << 1 << "";
        QTest::newRow("preset clamped") << "preset"
                                        << "distilbert-small" << 0.0 << -1 << "";
        QTest::newRow("cosine across widths")
            << "preset"
            << "distilbert-tiny" << 1.0 << -1 << "cosine loss compares hidden states";
        QTest::newRow("unknown preset") << "preset"
                                        << "distilbert-huge" << 0.0 << -1 << "preset";
        QTest::newRow("missing student folder")
            << "model"
            << "/nonexistent/student" << 0.0 << -1 << "config.json";
    }
    void studentPlan() {
        QFETCH(QString, source);
        QFETCH(QString, student);
        QFETCH(double, alphaCos);
        QFETCH(int, layers);
        QFETCH(QString, problem);
        QTemporaryDir dir;
        const ModelConfig teacher = ModelConfig::load(
            (makeTextModel(dir.path() + "/teacher", "bert_seqcls") + "/config.json").toStdString());
        DistillationSettings d =
            TrainingConfig::distillationDefaults(Task::Classification).distillation;
        QVERIFY(DistillationSettings::parseSource(source.toStdString(), d.studentSource));
        d.student = student.toStdString();
        d.alphaCos = alphaCos;
        const DistillationPlan plan = planStudent(d, teacher, Task::Classification);
        QString problems;
        for (const auto& p : plan.problems) problems += QString::fromStdString(p) + "\n";
        if (problem.isEmpty()) {
            QVERIFY2(plan.ok(), qPrintable(problems));
            QVERIFY(plan.student.maxPositions <= teacher.maxPositions);
            QCOMPARE(plan.student.labels, teacher.labels);
        } else {
            QVERIFY2(problems.contains(problem), qPrintable(problems));
        }
        if (layers > 0) QCOMPARE(static_cast<int>(plan.teacherLayers.size()), layers);
    }

    void badDistillationSetupsSayWhy_data() {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("message");
        QTest::newRow("mlm teacher for classification") << "mlm-teacher"
                                                        << "fine-tuned for the task";
        QTest::newRow("student with another vocabulary") << "student-vocab"
                                                         << "share the vocabulary";
        QTest::newRow("cosine with other widths") << "cosine-width"
                                                  << "cosine loss compares hidden states";
        QTest::newRow("three labels for a two-label teacher") << "labels"
                                                              << "predicts 2";
        QTest::newRow("regression") << "regression"
                                    << "not regression";
    }
    void badDistillationSetupsSayWhy() {
        QFETCH(QString, what);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QString teacher = makeTextModel(dir.path() + "/teacher", "bert_seqcls");
        TrainingConfig c = distillConfig(teacher);
        if (what == "mlm-teacher")
            c.distillation.teacher =
                makeTextModel(dir.path() + "/mlm", "distilbert_mlm").toStdString();
        if (what == "student-vocab") {
            c.distillation.studentSource = DistillationSettings::StudentSource::Model;
            const QString student = makeTextModel(dir.path() + "/student", "distilbert_seqcls");
            QFile::remove(student + "/vocab.txt");
            QFile::copy(DISTILBENCH_TEST_DATA "/vocab/bert-base-uncased-vocab.txt",
                        student + "/vocab.txt");
            c.distillation.student = student.toStdString();
        }
        if (what == "cosine-width") {
            c.distillation.studentSource = DistillationSettings::StudentSource::Preset;
            c.distillation.student = "distilbert-tiny";
            c.distillation.alphaCos = 1.0;
        }
        if (what == "labels") {
            QFile f(dir.path() + "/three.csv");
            f.open(QIODevice::WriteOnly);
            f.write("text,label\nthe movie,a\ngreat film,b\nbad plot,c\n");
            f.close();
            c.trainFile = (dir.path() + "/three.csv").toStdString();
            c.validationFile.clear();
            c.validationSplit = 0;
        }
        if (what == "regression") c.task = Task::Regression;
        try {
            Distiller::distill(c, (dir.path() + "/run").toStdString());
            QFAIL("accepted");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains(message), e.what());
        }
    }

    void maskedLanguageModelDistillation() {
        QTemporaryDir dir;
        const QString teacher = makeTextModel(dir.path() + "/teacher", "distilbert_mlm");
        TrainingConfig c;
        c.task = Task::MaskedLM;
        c.distillation = DistillationSettings::pretrainingDefaults();
        c.distillation.teacher = teacher.toStdString();
        c.trainFile = writeCorpus(dir.path()).toStdString();
        c.validationSplit = 0.2;
        c.epochs = 2;
        c.batchSize = 8;
        c.maxLength = 32;
        c.learningRate = 5e-4;
        c.warmupRatio = 0.05;
        c.maxGradNorm = 5.0;
        c.loggingSteps = 5;
        std::vector<TrainingLogRecord> logs;
        TrainerCallbacks cb;
        cb.onLog = [&](const TrainingLogRecord& r) { logs.push_back(r); };
        const QString run = dir.path() + "/run";
        const auto out = Distiller::distill(c, run.toStdString(), cb);
        QVERIFY(!logs.empty());
        for (const char* part : {"loss_ce", "loss_mlm", "loss_cos"})
            QVERIFY2(logs.back().parts.count(part), part);
        const auto& p = logs.back().parts;
        QVERIFY(std::abs(logs.back().loss -
                         (5 * p.at("loss_ce") + 2 * p.at("loss_mlm") + p.at("loss_cos"))) < 1e-3);
        QVERIFY(out.training.teacherMetrics.count("perplexity"));
        QVERIFY(out.training.bestMetrics.count("perplexity") &&
                out.training.bestMetrics.count("mlm_accuracy"));
        // The same masked positions score teacher and student.
        QCOMPARE(out.training.bestMetrics.at("masked_tokens"),
                 out.training.teacherMetrics.at("masked_tokens"));
        auto student = Model::load(out.training.bestModel);
        QCOMPARE(student->config().head, HeadType::MaskedLM);
        QCOMPARE(student->config().numLayers, 1);
        QCOMPARE(out.report.mainMetric, std::string("perplexity"));
        // Cancel mid-run, resume, and the run completes with its report.
        TrainingConfig r = c;
        int steps = 0;
        TrainerCallbacks stopper;
        stopper.onLog = [&](const TrainingLogRecord& rec) { steps = rec.step; };
        stopper.job.shouldAbort = [&] { return steps >= 5; };
        QVERIFY_THROWS_EXCEPTION(
            JobCancelled, Distiller::distill(r, (dir.path() + "/resumed").toStdString(), stopper));
        const auto resumed = Distiller::resume((dir.path() + "/resumed").toStdString());
        QCOMPARE(resumed.training.steps, out.training.steps);
        QVERIFY(QFile::exists(dir.path() + "/resumed/distillation_report.json"));
    }

    void corpusErrorsNameTheLine() {
        QTemporaryDir dir;
        QFile f(dir.path() + "/bad.txt");
        f.open(QIODevice::WriteOnly);
        f.write("fine line\nbroken \xff\xfe bytes\n");
        f.close();
        try {
            DatasetReader::read((dir.path() + "/bad.txt").toStdString(), Task::MaskedLM);
            QFAIL("invalid UTF-8 accepted");
        } catch (const Error& e) {
            QVERIFY(QString(e.what()).contains("line 2"));
            QVERIFY(QString(e.what()).contains("bad.txt"));
        }
        QFile empty(dir.path() + "/empty.txt");
        empty.open(QIODevice::WriteOnly);
        empty.write("\n\n");
        empty.close();
        QVERIFY_THROWS_EXCEPTION(
            Error, DatasetReader::read((dir.path() + "/empty.txt").toStdString(), Task::MaskedLM));
    }

    void cliDistills() {
        QTemporaryDir dir;
        const QString teacher = makeTextModel(dir.path() + "/teacher", "bert_seqcls");
        const CliResult r = runCli({"distill",
                                    "--teacher",
                                    teacher,
                                    "--student-from-teacher",
                                    "--layers",
                                    "1",
                                    "--train",
                                    QString::fromStdString(kData + "sst2_train_240.tsv"),
                                    "--validation",
                                    QString::fromStdString(kData + "sst2_dev_80.tsv"),
                                    "--epochs",
                                    "1",
                                    "--max-length",
                                    "32",
                                    "--temperature",
                                    "3",
                                    "--alpha-ce",
                                    "0.7",
                                    "--alpha-hard",
                                    "0.3",
                                    "--json",
                                    "--out",
                                    dir.path() + "/run"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonObject report;
        bool teacherLine = false;
        for (const QByteArray& line : r.out.split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o["type"] == "report") report = o["report"].toObject();
            if (o["type"] == "teacher_eval") teacherLine = true;
        }
        QVERIFY(teacherLine);
        QCOMPARE(report["student"].toObject()["layers"].toInt(), 1);
        QVERIFY(report["speed_up"].toDouble() > 0);
        const QJsonObject config = QJsonDocument::fromJson([&] {
                                       QFile f(dir.path() + "/run/config.json");
                                       f.open(QIODevice::ReadOnly);
                                       return f.readAll();
                                   }())
                                       .object()["distillation"]
                                       .toObject();
        QCOMPARE(config["temperature"].toDouble(), 3.0);
        QCOMPARE(config["alpha_ce"].toDouble(), 0.7);
        QCOMPARE(config["teacher_layers"].toArray().size(), 1);

        const CliResult usage =
            runCli({"distill", "--train", "x.tsv", "--out", dir.path() + "/r2"});
        QCOMPARE(usage.exitCode, 2);
        QVERIFY(usage.err.contains("--teacher"));
        const CliResult badLayer = runCli(
            {"distill", "--teacher", teacher, "--layers", "0,7", "--train",
             QString::fromStdString(kData + "sst2_train_240.tsv"), "--out", dir.path() + "/r3"});
        QCOMPARE(badLayer.exitCode, 1);
        QVERIFY2(badLayer.err.contains("layer 7 does not exist"), badLayer.err.constData());
    }
};

QTEST_GUILESS_MAIN(DistillationTest)
#include "test_distillation.moc"
