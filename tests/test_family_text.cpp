// #16, end to end: the text-level fixtures of each family (written by transformers 4.36.2) go
// from text through the folder's own tokenizer to ids, and through the model to logits, exactly
// as transformers computed them.
#include <ATen/ATen.h>

#include <QtTest>

#include <QTemporaryDir>
#include "TokenizerTestSupport.h"
#include "core/distillation/Distiller.h"
#include "core/distillation/StudentInitializer.h"
#include "core/export/ModelExporter.h"
#include "core/models/EncoderModel.h"
#include "core/models/Model.h"
#include "core/runtime/Environment.h"
#include "core/tokenizers/Tokenizer.h"
#include "core/training/RunFolder.h"
#include "core/training/Trainer.h"
#include "core/training/TrainingConfig.h"

using namespace distilbench;

namespace {
at::Tensor rowsToTensor(const std::vector<Encoding>& batch,
                        std::vector<std::int64_t> Encoding::*field) {
    std::vector<std::int64_t> flat;
    for (const auto& e : batch) flat.insert(flat.end(), (e.*field).begin(), (e.*field).end());
    return at::tensor(flat, at::kLong).view({static_cast<std::int64_t>(batch.size()), -1});
}

at::Tensor jsonMatrix(const QJsonArray& rows) {
    std::vector<double> flat;
    for (const auto& r : rows)
        for (const auto& v : r.toArray()) flat.push_back(v.toDouble());
    return at::tensor(flat, at::kDouble).view({rows.size(), -1});
}
}  // namespace

class FamilyTextTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { Runtime::initialize(0); }

    void textToLogits_data() {
        QTest::addColumn<QString>("fixture");
        for (const char* f :
             {"roberta_text", "xlmr_text", "electra_text", "debertav2_text", "albert_text"})
            QTest::newRow(f) << QString(f);
    }
    void textToLogits() {
        QFETCH(QString, fixture);
        const QString folder = QStringLiteral(DISTILBENCH_TEST_DATA "/hf-families/") + fixture;
        const QJsonObject refs = readJson(folder + "/refs.json");
        auto tokenizer = Tokenizer::load(folder.toStdString());
        std::vector<std::string> texts, pairs;
        for (const auto& t : refs["texts"].toArray()) texts.push_back(t.toString().toStdString());
        for (const auto& t : refs["text_pairs"].toArray())
            pairs.push_back(t.toString().toStdString());
        EncodeOptions options;
        options.padding = Padding::Longest;
        const std::vector<Encoding> batch = tokenizer->encodeBatch(texts, pairs, options);
        const QJsonArray ids = refs["input_ids"].toArray();
        QCOMPARE(static_cast<qsizetype>(batch.size()), ids.size());
        for (std::size_t b = 0; b < batch.size(); ++b) {
            QCOMPARE(ints(batch[b].ids), ints(ids[static_cast<qsizetype>(b)].toArray()));
            QCOMPARE(ints(batch[b].attentionMask),
                     ints(refs["attention_mask"].toArray()[static_cast<qsizetype>(b)].toArray()));
            if (refs.contains("token_type_ids"))
                QCOMPARE(
                    ints(batch[b].typeIds),
                    ints(refs["token_type_ids"].toArray()[static_cast<qsizetype>(b)].toArray()));
        }
        auto model = Model::load(folder.toStdString());
        QVERIFY(model->summary().missingKeys.empty());
        QVERIFY(model->summary().unexpectedKeys.empty());
        EncoderModel& enc = model->encoder();
        ModelInputs in;
        in.inputIds = rowsToTensor(batch, &Encoding::ids);
        in.attentionMask = rowsToTensor(batch, &Encoding::attentionMask);
        if (model->config().hasTokenTypes())
            in.tokenTypeIds = rowsToTensor(batch, &Encoding::typeIds);
        at::NoGradGuard noGrad;
        const ModelOutputs out = enc.forward(in);
        double err = 0;
        if (refs.contains("start_logits")) {
            err = std::max((out.logits.select(-1, 0).to(at::kDouble) -
                            jsonMatrix(refs["start_logits"].toArray()))
                               .abs()
                               .max()
                               .item<double>(),
                           (out.logits.select(-1, 1).to(at::kDouble) -
                            jsonMatrix(refs["end_logits"].toArray()))
                               .abs()
                               .max()
                               .item<double>());
        } else {
            err = (out.logits.to(at::kDouble) - jsonMatrix(refs["logits"].toArray()))
                      .abs()
                      .max()
                      .item<double>();
        }
        QVERIFY2(err < 1e-5, qPrintable(QString("logits differ by %1").arg(err)));
    }

    // Every family fine-tunes from its checkpoint (a new classification head where it had
    // another), writes a best model transformers can load (its tokenizer files and class), and
    // exports a Hugging Face folder that reads back with the same predictions.
    void fineTuneAndExport_data() {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("tokenizerClass");
        QTest::newRow("roberta") << "roberta_text"
                                 << "RobertaTokenizer";
        QTest::newRow("xlm-roberta (QA checkpoint)") << "xlmr_text"
                                                     << "XLMRobertaTokenizer";
        QTest::newRow("electra") << "electra_text"
                                 << "ElectraTokenizer";
        QTest::newRow("albert") << "albert_text"
                                << "AlbertTokenizer";
        QTest::newRow("deberta-v3") << "debertav2_text"
                                    << "DebertaV2Tokenizer";
    }
    void fineTuneAndExport() {
        QFETCH(QString, fixture);
        QFETCH(QString, tokenizerClass);
        const QString folder = QStringLiteral(DISTILBENCH_TEST_DATA "/hf-families/") + fixture;
        QTemporaryDir dir;
        TrainingConfig c = TrainingConfig::defaultsFor(Task::Classification, false);
        c.model = folder.toStdString();
        c.trainFile = DISTILBENCH_TEST_DATA "/datasets/sst2_train_240.tsv";
        c.maxSteps = 3;
        c.maxLength = 24;
        c.batchSize = 8;
        const std::string run = (dir.path() + "/run").toStdString();
        Trainer::train(c, run);
        const std::string best = run + "/" + RunFolder::kBestFolder;
        auto trained = Model::load(best);
        QCOMPARE(trained->config().family, Model::load(folder.toStdString())->config().family);
        QCOMPARE(trained->config().head, HeadType::SequenceClassification);
        QVERIFY(trained->summary().missingKeys.empty());
        const QJsonObject tokenizerConfig =
            readJson(QString::fromStdString(best) + "/tokenizer_config.json");
        QVERIFY2(tokenizerConfig["tokenizer_class"].toString().startsWith(tokenizerClass),
                 qPrintable(tokenizerConfig["tokenizer_class"].toString()));
        auto tokenizer = Tokenizer::load(best);
        const Encoding e = tokenizer->encode("a gripping , beautifully shot film .");
        InferenceRequest request;
        request.inputIds = {e.ids};
        request.tokenTypeIds = {e.typeIds};
        const auto before = trained->run(request);

        const std::string exported = (dir.path() + "/export").toStdString();
        exportModel(best, exported, ExportOptions{});
        auto back = Model::load(exported);
        QVERIFY(back->summary().missingKeys.empty());
        QVERIFY(back->summary().unexpectedKeys.empty());
        const auto after = back->run(request);
        for (std::size_t i = 0; i < before.logits.values.size(); ++i)
            QCOMPARE(after.logits.values[i], before.logits.values[i]);
        QCOMPARE(Tokenizer::load(exported)->encode("a gripping , beautifully shot film .").ids,
                 e.ids);
    }

    // Distillation across the family: a student taken from the teacher's layers keeps the
    // teacher's family (RoBERTa -> a DistilRoBERTa-shaped student, ELECTRA, ALBERT with its shared
    // layer, DeBERTa), and an ALBERT preset learns from a BERT-vocabulary ELECTRA teacher.
    void distilEachFamily_data() {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("studentPreset");
        QTest::newRow("roberta from layers") << "roberta_text"
                                             << "";
        QTest::newRow("electra from layers") << "electra_text"
                                             << "";
        QTest::newRow("albert from its shared layer") << "albert_text"
                                                      << "";
        QTest::newRow("deberta-v3 from layers") << "debertav2_text"
                                                << "";
        QTest::newRow("albert student of an electra teacher") << "electra_text"
                                                              << "albert-tiny";
    }
    void distilEachFamily() {
        QFETCH(QString, fixture);
        QFETCH(QString, studentPreset);
        const QString teacher = QStringLiteral(DISTILBENCH_TEST_DATA "/hf-families/") + fixture;
        QTemporaryDir dir;
        TrainingConfig c;
        c.trainFile = DISTILBENCH_TEST_DATA "/datasets/sst2_train_240.tsv";
        c.maxSteps = 3;
        c.batchSize = 8;
        c.maxLength = 24;
        c.distillation.enabled = true;
        c.distillation.teacher = teacher.toStdString();
        c.distillation.alphaCe = 0.5;
        c.distillation.alphaHard = 0.5;
        if (!studentPreset.isEmpty()) {
            c.distillation.studentSource = DistillationSettings::StudentSource::Preset;
            c.distillation.student = studentPreset.toStdString();
        } else {
            c.distillation.studentSource = DistillationSettings::StudentSource::FromTeacher;
            c.distillation.teacherLayers = {1};
        }
        if (studentPreset.isEmpty()) {
            // Before training: the student's layer 0 is the teacher's layer 1, its embeddings the
            // teacher's.
            auto t = Model::load(teacher.toStdString());
            auto s = StudentInitializer::fromTeacher(
                t->encoder(), {1}, HeadType::SequenceClassification, teacher.toStdString());
            const std::string tp = t->config().basePrefix() + ".";
            for (const auto& name : s->parameterNames()) {
                std::string source = name;
                const std::string layer0 = tp + "encoder.layer.0.";
                if (name.rfind(layer0, 0) == 0)
                    source = tp + "encoder.layer.1." + name.substr(layer0.size());
                if (!t->encoder().hasParameter(source)) continue;  // a fresh head
                QVERIFY2(at::equal(s->parameter(name), t->encoder().parameter(source)),
                         name.c_str());
            }
        }
        const std::string run = (dir.path() + "/run").toStdString();
        Distiller::distill(c, run);
        auto student = Model::load(run + "/" + RunFolder::kBestFolder);
        auto teacherModel = Model::load(teacher.toStdString());
        if (studentPreset.isEmpty()) {
            QCOMPARE(student->config().family, teacherModel->config().family);
            QCOMPARE(student->config().numLayers, 1);
        } else {
            QCOMPARE(student->config().family, ModelFamily::Albert);
        }
        QCOMPARE(student->config().vocabSize, teacherModel->config().vocabSize);
        QCOMPARE(Tokenizer::load(run + "/" + RunFolder::kBestFolder)->vocabSize(),
                 Tokenizer::load(teacher.toStdString())->vocabSize());
    }
};

QTEST_MAIN(FamilyTextTest)
#include "test_family_text.moc"
