// Export: Hugging Face folders (safetensors, pytorch_model.bin, fp16/bf16) read back bit-exact,
// generated tokenizer.json equal to vocab.txt, model cards, ONNX graphs checked and run with ONNX
// Runtime against our logits, atomic replacement, errors, and the CLI.
#include <ATen/ATen.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "CliRunner.h"
#include "TestModels.h"
#include "core/data/Dataset.h"
#include "core/evaluation/Evaluation.h"
#include "core/export/ModelExporter.h"
#include "core/export/OnnxExporter.h"
#include "core/export/QuantizationCheck.h"
#include "core/export/TokenizerFiles.h"
#include "core/inference/Pipeline.h"
#include "core/models/EncoderModel.h"
#include "core/models/Int8Linear.h"
#include "core/models/Model.h"
#include "core/runtime/Error.h"
#include "core/tokenizers/Tokenizer.h"
#include "core/weights/WeightLoader.h"
#include "core/weights/WeightWriter.h"

using namespace distilbench;

namespace {

void expectSameWeights(Model& a, Model& b, at::ScalarType dtype = at::kFloat) {
    const auto wa = a.encoder().stateDict(false), wb = b.encoder().stateDict(false);
    QCOMPARE(wa.size(), wb.size());
    for (std::size_t i = 0; i < wa.size(); ++i) {
        QCOMPARE(wa[i].first, wb[i].first);
        const at::Tensor expected = wa[i].second.to(dtype).to(at::kFloat);
        QVERIFY2(at::equal(expected, wb[i].second.to(at::kFloat)), wa[i].first.c_str());
    }
}

// Logits from ONNX Runtime (npm onnxruntime-node) for the given rows.
QJsonObject runOnnx(const QString& model, const QJsonObject& inputs, QString* error) {
    const QString node = QStandardPaths::findExecutable("node");
    const QString dir = QStringLiteral(DISTILBENCH_TEST_DATA "/../onnx");
    if (node.isEmpty() || !QFile::exists(dir + "/node_modules/onnxruntime-node/package.json")) {
        *error = "skip";
        return {};
    }
    QTemporaryDir tmp;
    QFile f(tmp.filePath("inputs.json"));
    f.open(QIODevice::WriteOnly);
    f.write(QJsonDocument(inputs).toJson());
    f.close();
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(node, {dir + "/run_onnx.js", model, f.fileName()});
    p.waitForFinished(120000);
    if (p.exitCode() != 0) *error = QString::fromUtf8(p.readAllStandardError());
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

// input_ids and attention_mask rows as run_onnx.js reads them.
QJsonObject onnxInputs(const std::vector<std::vector<std::int64_t>>& ids,
                       const std::vector<std::vector<std::int64_t>>& mask) {
    QJsonArray idRows, maskRows;
    for (std::size_t r = 0; r < ids.size(); ++r) {
        QJsonArray a, m;
        for (std::size_t c = 0; c < ids[r].size(); ++c) {
            a.append(static_cast<double>(ids[r][c]));
            m.append(static_cast<double>(mask[r][c]));
        }
        idRows.append(a);
        maskRows.append(m);
    }
    return {{"input_ids", idRows}, {"attention_mask", maskRows}};
}

// Two rows of different lengths: the second is padded, so the mask path is exercised.
const std::vector<std::vector<std::int64_t>> kOnnxIds{{2, 17, 33, 5, 60, 7, 3},
                                                      {2, 40, 41, 3, 0, 0, 0}};
const std::vector<std::vector<std::int64_t>> kOnnxMask{{1, 1, 1, 1, 1, 1, 1},
                                                       {1, 1, 1, 1, 0, 0, 0}};
constexpr const char* kNoOnnxRuntime =
    "node or onnxruntime-node missing (packaging/setup-deps.sh installs them)";

// The largest |ONNX Runtime's logit - ours|; infinity where their counts differ.
double worstLogitDifference(const QJsonObject& result, const std::vector<float>& ours) {
    const QJsonArray data = result["logits"].toObject()["data"].toArray();
    if (static_cast<std::size_t>(data.size()) != ours.size())
        return std::numeric_limits<double>::infinity();
    double worst = 0;
    for (int i = 0; i < data.size(); ++i)
        worst = std::max(worst, std::abs(data[i].toDouble() - ours[static_cast<std::size_t>(i)]));
    return worst;
}

InferenceRequest onnxRequest() {
    InferenceRequest req;
    req.inputIds = kOnnxIds;
    req.attentionMask = kOnnxMask;
    return req;
}

}  // namespace

class ExportTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void huggingFaceFolderReadsBackBitExact_data() {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("dtype");
        for (const char* fixture : {"distilbert_seqcls", "bert_seqcls", "distilbert_mlm"}) {
            QTest::newRow(QString("%1 hf").arg(fixture).toUtf8()) << fixture << "hf"
                                                                  << "f32";
            QTest::newRow(QString("%1 bin").arg(fixture).toUtf8()) << fixture << "bin"
                                                                   << "f32";
        }
        QTest::newRow("fp16") << "distilbert_seqcls"
                              << "hf"
                              << "f16";
        QTest::newRow("bf16") << "bert_seqcls"
                              << "hf"
                              << "bf16";
        QTest::newRow("bf16 bin") << "distilbert_seqcls"
                                  << "bin"
                                  << "bf16";
    }
    void huggingFaceFolderReadsBackBitExact() {
        QFETCH(QString, fixture);
        QFETCH(QString, format);
        QFETCH(QString, dtype);
        QTemporaryDir dir;
        const QString source = makeTextModel(dir.filePath("model"), fixture);
        ExportOptions o;
        QVERIFY(parseExportFormat(format.toStdString(), o.format));
        QVERIFY(parseExportDType(dtype.toStdString(), o.dtype));
        const ExportResult r =
            exportModel(source.toStdString(), dir.filePath("out").toStdString(), o);
        const QStringList files = QDir(dir.filePath("out")).entryList(QDir::Files);
        for (const char* f : {"config.json", "README.md", "vocab.txt", "tokenizer.json",
                              "tokenizer_config.json", "special_tokens_map.json"})
            QVERIFY2(files.contains(f), f);
        QVERIFY(files.contains(format == "hf" ? "model.safetensors" : "pytorch_model.bin"));
        QCOMPARE(static_cast<int>(r.files.size()), files.size());
        // #16: the tokenizer class of the model's type. BertTokenizer returns token_type_ids and
        // DistilBertForSequenceClassification.forward() rejects them (TypeError in transformers).
        {
            QFile f(dir.filePath("out/tokenizer_config.json"));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QString tokenizerClass =
                QJsonDocument::fromJson(f.readAll()).object()["tokenizer_class"].toString();
            QCOMPARE(tokenizerClass, fixture.startsWith("distilbert")
                                         ? QString("DistilBertTokenizer")
                                         : QString("BertTokenizer"));
        }
        auto original = Model::load(source.toStdString());
        auto back = Model::load(dir.filePath("out").toStdString());
        QVERIFY(back->summary().missingKeys.empty());
        QVERIFY(back->summary().unexpectedKeys.empty());
        QCOMPARE(back->config().toJson()["architectures"],
                 original->config().toJson()["architectures"]);
        QCOMPARE(back->config().labels, original->config().labels);
        const at::ScalarType t = dtype == "f16"    ? at::kHalf
                                 : dtype == "bf16" ? at::kBFloat16
                                                   : at::kFloat;
        expectSameWeights(*original, *back, t);
        const QJsonObject config = QJsonDocument::fromJson([&] {
                                       QFile f(dir.filePath("out/config.json"));
                                       f.open(QIODevice::ReadOnly);
                                       return f.readAll();
                                   }())
                                       .object();
        QCOMPARE(config["torch_dtype"].toString(), dtype == "f16"    ? QString("float16")
                                                   : dtype == "bf16" ? QString("bfloat16")
                                                                     : QString("float32"));
        QVERIFY(config.contains("id2label") && config.contains("label2id"));
    }

    void generatedTokenizerJsonEncodesLikeVocabTxt() {
        QTemporaryDir dir;
        QDir().mkpath(dir.filePath("model"));
        QFile::copy(DISTILBENCH_TEST_DATA "/hf/distilbert_seqcls/config.json",
                    dir.filePath("model/config.json"));
        QFile::copy(DISTILBENCH_TEST_DATA "/hf/distilbert_seqcls/model.safetensors",
                    dir.filePath("model/model.safetensors"));
        // The real bert-base-uncased vocabulary, truncated to the fixture's 1000 ids is not enough
        // for real text: use the full vocabulary with a model whose config matches it.
        QFile::copy(DISTILBENCH_TEST_DATA "/vocab/bert-base-uncased-vocab.txt",
                    dir.filePath("model/vocab.txt"));
        auto vocab = Tokenizer::load(dir.filePath("model/vocab.txt").toStdString());
        QTemporaryDir out;
        writeTokenizerFiles(*vocab, dir.filePath("model").toStdString(), out.path().toStdString(),
                            "bert");
        auto json = Tokenizer::load(out.filePath("tokenizer.json").toStdString());
        // A source tokenizer_config.json naming BertTokenizerFast, written for a DistilBERT: the
        // class follows the model type, everything else is kept.
        {
            QFile config(dir.filePath("model/tokenizer_config.json"));
            QVERIFY(config.open(QIODevice::WriteOnly));
            config.write(R"({"tokenizer_class": "BertTokenizerFast", "do_lower_case": true,
                             "model_max_length": 512})");
            config.close();
            QTemporaryDir distil;
            writeTokenizerFiles(*vocab, dir.filePath("model").toStdString(),
                                distil.path().toStdString(), "distilbert");
            QFile f(distil.filePath("tokenizer_config.json"));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QJsonObject written = QJsonDocument::fromJson(f.readAll()).object();
            QCOMPARE(written["tokenizer_class"].toString(), QString("DistilBertTokenizerFast"));
            QCOMPARE(written["do_lower_case"].toBool(), true);
            QCOMPARE(QString::fromStdString(tokenizerClassFor("xlm-roberta")),
                     QString("XLMRobertaTokenizer"));
            // A RoBERTa trained from scratch on a WordPiece vocabulary: the class that reads
            // vocab.txt, not RobertaTokenizer (which needs vocab.json and merges.txt).
            QTemporaryDir bare, roberta;
            QFile::copy(DISTILBENCH_TEST_DATA "/vocab/bert-base-uncased-vocab.txt",
                        bare.filePath("vocab.txt"));
            writeTokenizerFiles(*vocab, bare.path().toStdString(), roberta.path().toStdString(),
                                "roberta");
            QFile generated(roberta.filePath("tokenizer_config.json"));
            QVERIFY(generated.open(QIODevice::ReadOnly));
            QCOMPARE(
                QJsonDocument::fromJson(generated.readAll()).object()["tokenizer_class"].toString(),
                QString("BertTokenizer"));
        }
        for (const char* text : {"Hello, world! Café naïve façade",
                                 "The movie's plot wasn't great... 3.5/10 #disappointed",
                                 "中文 text and emoji 🙂 with    spaces",
                                 "UNaffable tokenization of hyphen-ated words"}) {
            const Encoding a = vocab->encode(text), b = json->encode(text);
            QCOMPARE(a.ids, b.ids);
            QCOMPARE(a.offsets, b.offsets);
        }
        const QJsonObject t = QJsonDocument::fromJson([&] {
                                  QFile f(out.filePath("tokenizer.json"));
                                  f.open(QIODevice::ReadOnly);
                                  return f.readAll();
                              }())
                                  .object();
        QCOMPARE(t["model"].toObject()["type"].toString(), QString("WordPiece"));
        QCOMPARE(t["post_processor"].toObject()["type"].toString(), QString("TemplateProcessing"));
        QCOMPARE(t["model"].toObject()["vocab"].toObject().size(), 30522);
    }

    void modelCardDescribesTheModel() {
        QTemporaryDir dir;
        const QString source = makeTextModel(dir.filePath("model"), "bert_seqcls");
        exportModel(source.toStdString(), dir.filePath("out").toStdString(), {});
        QFile f(dir.filePath("out/README.md"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString card = QString::fromUtf8(f.readAll());
        QVERIFY(
            card.startsWith("---\nlibrary_name: transformers\npipeline_tag: text-classification"));
        QVERIFY(card.contains("BertForSequenceClassification (2 layers, hidden size 64"));
        QVERIFY(card.contains("AutoModelForSequenceClassification.from_pretrained"));
        QVERIFY(card.contains("| 1 |"));
    }

    void onnxMatchesOurLogits_data() {
        QTest::addColumn<QString>("fixture");
        QTest::newRow("distilbert classifier") << "distilbert_seqcls";
        QTest::newRow("bert classifier") << "bert_seqcls";
        QTest::newRow("distilbert masked lm") << "distilbert_mlm";
        // #16: the other families' graphs.
        for (const char* f :
             {"roberta_seqcls", "roberta_mlm", "roberta_tokcls", "xlmr_qa", "electra_seqcls",
              "electra_mlm", "electra_pretrain", "albert_seqcls", "albert_mlm", "debertav2_seqcls",
              "debertav2_mlm", "debertav2_tokcls"})
            QTest::newRow(f) << QString("hf-families/") + f;
    }
    void onnxMatchesOurLogits() {
        QFETCH(QString, fixture);
        QTemporaryDir dir;
        const QString source = fixture.startsWith("hf-families/")
                                   ? QStringLiteral(DISTILBENCH_TEST_DATA "/") + fixture
                                   : makeTextModel(dir.filePath("model"), fixture);
        ExportOptions o;
        o.format = ExportFormat::Onnx;
        o.onnxAttentions = true;
        exportModel(source.toStdString(), dir.filePath("model.onnx").toStdString(), o);
        QVERIFY(QFileInfo(dir.filePath("model.onnx")).size() > 100000);
        const auto& ids = kOnnxIds;
        const auto& mask = kOnnxMask;
        QString error;
        const QJsonObject result =
            runOnnx(dir.filePath("model.onnx"), onnxInputs(ids, mask), &error);
        if (error == "skip") QSKIP(kNoOnnxRuntime);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        auto model = Model::load(source.toStdString());
        InferenceRequest req = onnxRequest();
        req.attentions = true;
        const InferenceResult ours = model->run(req);
        const QJsonArray data = result["logits"].toObject()["data"].toArray();
        QCOMPARE(static_cast<std::size_t>(data.size()), ours.logits.values.size());
        double worst = 0;
        for (int i = 0; i < data.size(); ++i) {
            // Padded positions of token-level outputs are not defined by either side.
            if (ours.logits.shape.size() == 3) {
                const std::int64_t perRow = ours.logits.shape[1] * ours.logits.shape[2];
                const std::int64_t row = i / perRow, pos = (i % perRow) / ours.logits.shape[2];
                if (mask[row][pos] == 0) continue;
            }
            worst = std::max(worst, std::abs(data[i].toDouble() - ours.logits.values[i]));
        }
        QVERIFY2(worst < 1e-4, qPrintable(QString::number(worst)));
        const QJsonArray attention = result["attentions.0"].toObject()["data"].toArray();
        QCOMPARE(static_cast<std::size_t>(attention.size()), ours.attentions[0].values.size());
        double worstAttention = 0;
        for (int i = 0; i < attention.size(); ++i)
            worstAttention = std::max(
                worstAttention, std::abs(attention[i].toDouble() - ours.attentions[0].values[i]));
        QVERIFY2(worstAttention < 1e-4, qPrintable(QString::number(worstAttention)));
    }

    // #18: the int8 ONNX graph (DynamicQuantizeLinear + MatMulInteger with our int8 weights) run
    // by ONNX Runtime gives our own int8 logits, far closer than to float32's; the file holds
    // the Linear weights in a quarter of the bytes.
    void onnxInt8MatchesOurInt8_data() {
        QTest::addColumn<QString>("fixture");
        QTest::newRow("distilbert classifier") << "distilbert_seqcls";
        QTest::newRow("bert classifier") << "bert_seqcls";
        QTest::newRow("roberta classifier") << "hf-families/roberta_seqcls";
        QTest::newRow("deberta token classifier") << "hf-families/debertav2_tokcls";
    }
    void onnxInt8MatchesOurInt8() {
        QFETCH(QString, fixture);
        QTemporaryDir dir;
        const QString source = fixture.startsWith("hf-families/")
                                   ? QStringLiteral(DISTILBENCH_TEST_DATA "/") + fixture
                                   : makeTextModel(dir.filePath("model"), fixture);
        ExportOptions o;
        o.format = ExportFormat::Onnx;
        QVERIFY(exportModel(source.toStdString(), dir.filePath("fp32.onnx").toStdString(), o)
                    .notes.empty());
        o.quantizeInt8 = true;
        const ExportResult exported =
            exportModel(source.toStdString(), dir.filePath("int8.onnx").toStdString(), o);
        QVERIFY(QFileInfo(dir.filePath("int8.onnx")).size() <
                QFileInfo(dir.filePath("fp32.onnx")).size());
        // The weights' bits, told to the user and written into the file.
        const std::string bits = std::to_string(Int8Linear::weightBits());
        QCOMPARE(exported.notes.size(), std::size_t(1));
        QVERIFY2(exported.notes[0].starts_with("int8 weights in " + bits + " bits"),
                 exported.notes[0].c_str());
        auto fileHolds = [&](const QString& name, const QByteArray& what) {
            QFile f(dir.filePath(name));
            return f.open(QIODevice::ReadOnly) && f.readAll().contains(what);
        };
        QVERIFY(fileHolds("int8.onnx", QByteArray("distilbench_int8_weight_bits\x12\x01") +
                                           QByteArray::fromStdString(bits)));
        QVERIFY(!fileHolds("fp32.onnx", "distilbench_int8_weight_bits"));
        const auto& mask = kOnnxMask;
        QString error;
        const QJsonObject result =
            runOnnx(dir.filePath("int8.onnx"), onnxInputs(kOnnxIds, mask), &error);
        if (error == "skip") QSKIP(kNoOnnxRuntime);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        auto model = Model::load(source.toStdString());
        InferenceRequest req = onnxRequest();
        req.allTokens = true;  // as the graph computes it
        const InferenceResult fp32 = model->run(req);
        model->setDynamicInt8(true);
        const InferenceResult int8 = model->run(req);
        const QJsonArray data = result["logits"].toObject()["data"].toArray();
        QCOMPARE(static_cast<std::size_t>(data.size()), int8.logits.values.size());
        double toInt8 = 0, int8ToFp32 = 0, scale = 0;
        for (int i = 0; i < data.size(); ++i) {
            if (int8.logits.shape.size() == 3) {  // padded positions are not defined
                const std::int64_t perRow = int8.logits.shape[1] * int8.logits.shape[2];
                const std::int64_t row = i / perRow, pos = (i % perRow) / int8.logits.shape[2];
                if (mask[row][pos] == 0) continue;
            }
            toInt8 = std::max(toInt8, std::abs(data[i].toDouble() - int8.logits.values[i]));
            int8ToFp32 = std::max(int8ToFp32,
                                  double(std::abs(int8.logits.values[i] - fp32.logits.values[i])));
            scale = std::max(scale, double(std::abs(fp32.logits.values[i])));
        }
        qInfo("ONNX Runtime int8 vs ours int8: %.3g; ours int8 vs fp32: %.3g (logits up to %.3g)",
              toInt8, int8ToFp32, scale);
        QVERIFY2(int8ToFp32 > 0, "the int8 path did not run");
        // Measured: ~1e-9 against ~1e-4 (the same integers; only float rounding differs).
        QVERIFY2(toInt8 <= 0.01 * int8ToFp32 + 1e-7,
                 qPrintable(QString("ONNX Runtime's int8 differs from ours by %1; int8 from "
                                    "fp32 by %2")
                                .arg(toInt8)
                                .arg(int8ToFp32)));
    }

    // float16 ends at 65504: a larger weight is refused (it would be stored as infinity and the
    // exported model would compute NaN), naming the model and the tensor; nothing is written.
    void float16ExportRefusesOverflow() {
        QTemporaryDir dir;
        const QString source = makeTextModel(dir.filePath("model"));
        {
            auto model = Model::load(source.toStdString());
            NamedTensors weights;
            for (auto& [name, t] : model->encoder().stateDict())
                weights.emplace_back(
                    name, name == "classifier.bias" ? t.detach() + 1e5 : t.detach().clone());
            writeSafetensors(dir.filePath("model/model.safetensors").toStdString(), weights);
        }
        ExportOptions o;
        o.dtype = ExportDType::Float16;
        try {
            exportModel(source.toStdString(), dir.filePath("f16").toStdString(), o);
            QFAIL("a weight beyond float16's range was exported");
        } catch (const Error& e) {
            const QString m = e.what();
            QVERIFY2(m.contains("classifier.bias") && m.contains("65504") && m.contains("model"),
                     e.what());
        }
        QVERIFY(!QFileInfo::exists(dir.filePath("f16")));
        o.dtype = ExportDType::BFloat16;  // bf16 has float32's range
        exportModel(source.toStdString(), dir.filePath("bf16").toStdString(), o);
        QVERIFY(QFileInfo::exists(dir.filePath("bf16/model.safetensors")));
    }

    // 7-bit int8 weights asked for on any CPU (for ONNX Runtime on CPUs without VNNI): the ONNX
    // file holds integers within ±63 and says 7 bits, ONNX Runtime gives our 7-bit logits; an
    // hf folder asks for 7 bits when loaded; other numbers, and 8 where the CPU needs 7, are
    // refused before anything is written.
    void sevenBitInt8Export() {
        QTemporaryDir dir;
        const QString source = makeTextModel(dir.filePath("model"));
        ExportOptions o;
        o.format = ExportFormat::Onnx;
        o.quantizeInt8 = true;
        o.int8WeightBits = 7;
        const ExportResult r =
            exportModel(source.toStdString(), dir.filePath("seven.onnx").toStdString(), o);
        QVERIFY2(r.notes.size() == 1 && r.notes[0].starts_with("int8 weights in 7 bits"),
                 r.notes.empty() ? "no note" : r.notes[0].c_str());
        QFile f(dir.filePath("seven.onnx"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(
            f.readAll().contains("distilbench_int8_weight_bits\x12\x01"
                                 "7"));
        auto model = Model::load(source.toStdString());
        model->setDynamicInt8(true);
        model->setInt8WeightBits(7);
        QCOMPARE(model->int8WeightBits(), 7);
        const at::Tensor q =
            model->encoder().quantizedWeight("distilbert.transformer.layer.0.attention.q_lin");
        QCOMPARE(q.int_repr().abs().max().item<int>(), 63);
        InferenceRequest req = onnxRequest();
        req.allTokens = true;
        const InferenceResult ours = model->run(req);
        model->setInt8WeightBits(0);  // back to this CPU's: other numbers where it is 8
        if (Model::cpuInt8WeightBits() == 8)
            QVERIFY(ours.logits.values != model->run(req).logits.values);
        QString error;
        const QJsonObject result =
            runOnnx(dir.filePath("seven.onnx"), onnxInputs(kOnnxIds, kOnnxMask), &error);
        if (error != "skip") {
            QVERIFY2(error.isEmpty(), qPrintable(error));
            const double worst = worstLogitDifference(result, ours.logits.values);
            qInfo("ONNX Runtime's 7-bit int8 against ours: %.3g", worst);
            QVERIFY2(worst < 1e-6, qPrintable(QString::number(worst)));
        }

        o.format = ExportFormat::HuggingFace;
        exportModel(source.toStdString(), dir.filePath("seven").toStdString(), o);
        auto loaded = Model::load(dir.filePath("seven").toStdString());
        QVERIFY(loaded->isDynamicInt8());
        QCOMPARE(loaded->int8WeightBits(), 7);
        QCOMPARE(loaded->run(req).logits.values, ours.logits.values);
        // A config.json asking for bits there are none of is refused, naming the file.
        QFile config(dir.filePath("seven/config.json"));
        QVERIFY(config.open(QIODevice::ReadOnly));
        QByteArray json = config.readAll();
        config.close();
        QVERIFY(json.contains("\"distilbench_int8_weight_bits\": 7"));
        json.replace("\"distilbench_int8_weight_bits\": 7", "\"distilbench_int8_weight_bits\": 6");
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write(json);
        config.close();
        try {
            Model::load(dir.filePath("seven").toStdString());
            QFAIL("6-bit weights were accepted");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("seven/config.json") &&
                         QString(e.what()).contains("distilbench_int8_weight_bits must be 7 or 8"),
                     e.what());
        }

        for (const int bad : {6, 9, -1}) {
            o.int8WeightBits = bad;
            QVERIFY_THROWS_EXCEPTION(
                Error, exportModel(source.toStdString(), dir.filePath("bad").toStdString(), o));
        }
        o.int8WeightBits = 8;
        if (Model::cpuInt8WeightBits() < 8)
            QVERIFY_THROWS_EXCEPTION(
                Error, exportModel(source.toStdString(), dir.filePath("bad").toStdString(), o));
        o.quantizeInt8 = false;
        o.int8WeightBits = 7;
        QVERIFY_THROWS_EXCEPTION(
            Error, exportModel(source.toStdString(), dir.filePath("bad").toStdString(), o));
        QVERIFY(!QFileInfo::exists(dir.filePath("bad")));
    }

    // #18: static int8. Calibrated on the demo's training rows, it keeps the demo's accuracy on
    // held-out rows near fp32's; an hf export carries the ranges and loads as static int8 with
    // the same logits; the ONNX graph (QDQ) run by ONNX Runtime gives ours; broken ranges in a
    // config.json are refused naming the file.
    void staticInt8() {
        QTemporaryDir dir;
        const std::string demo = DISTILBENCH_SOURCE_DIR "/resources/demo/sst2-distilbert-tiny";
        const std::string train = DISTILBENCH_TEST_DATA "/datasets/sst2_train_240.tsv";
        auto pipeline = Pipeline::open(demo);
        const Int8Ranges ranges =
            calibrateStaticInt8(*pipeline->model(), *pipeline->tokenizer(), train, 128);
        QVERIFY(!ranges.empty());
        for (const auto& [layer, r] : ranges) {
            QVERIFY2(pipeline->model()->encoder().isInt8Linear(layer), layer.c_str());
            QVERIFY(r.min <= r.max);
        }
        const Dataset dev = readEvaluationData(DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv",
                                               pipeline->model()->config());
        const QuantizationCheck q = checkStaticInt8(*pipeline, dev, ranges, 64);
        qInfo("static int8 on 80 dev rows: %s", q.summary().c_str());
        QVERIFY2(std::abs(q.delta()) <= 0.05, q.summary().c_str());  // at most 4 of 80 rows
        QVERIFY(!pipeline->model()->isDynamicInt8());                // left as it was

        // Export: the ranges travel in config.json; the loaded model runs static int8.
        ExportOptions o;
        o.quantizeInt8 = true;
        o.calibrationData = train;
        o.calibrationExamples = 128;
        exportModel(demo, dir.filePath("static").toStdString(), o);
        auto loaded = Model::load(dir.filePath("static").toStdString());
        QVERIFY(loaded->isStaticInt8());
        auto same = Model::load(demo);
        same->setStaticInt8(ranges);
        InferenceRequest req;
        req.inputIds = {{101, 2023, 3185, 2001, 2307, 102}, {101, 6659, 102, 0, 0, 0}};
        req.attentionMask = {{1, 1, 1, 1, 1, 1}, {1, 1, 1, 0, 0, 0}};
        req.allTokens = true;
        const InferenceResult ours = loaded->run(req);
        QCOMPARE(ours.logits.values, same->run(req).logits.values);
        auto fp32 = Model::load(demo);
        const InferenceResult reference = fp32->run(req);
        double moved = 0;
        for (std::size_t i = 0; i < ours.logits.values.size(); ++i)
            moved = std::max(moved,
                             double(std::abs(ours.logits.values[i] - reference.logits.values[i])));
        QVERIFY2(moved > 0, "static int8 gave fp32's logits: the quantized path did not run");

        // ONNX (QDQ): ONNX Runtime's logits against ours.
        o.format = ExportFormat::Onnx;
        exportModel(demo, dir.filePath("static.onnx").toStdString(), o);
        QString error;
        const QJsonObject result = runOnnx(dir.filePath("static.onnx"),
                                           onnxInputs(req.inputIds, req.attentionMask), &error);
        if (error != "skip") {
            QVERIFY2(error.isEmpty(), qPrintable(error));
            const double worst = worstLogitDifference(result, ours.logits.values);
            qInfo("ONNX Runtime static int8 vs ours: %.3g; ours vs fp32: %.3g", worst, moved);
            // Measured: ~5e-7 against ~2e-2 (the same integers; float rounding only).
            QVERIFY2(worst <= 0.01 * moved, qPrintable(QString::number(worst)));
        }

        // Ranges that are not four finite numbers, or name no layer of the model: refused.
        const QString config = dir.filePath("static/config.json");
        QFile f(config);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject good = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        for (int broken = 0; broken < 3; ++broken) {
            QJsonObject c = good;
            QJsonObject r = c[Model::kInt8RangesKey].toObject();
            if (broken == 0) r[r.begin().key()] = QJsonArray{0, 1, 2};
            if (broken == 1) r["no.such.layer"] = QJsonArray{0, 1};
            if (broken == 2) r.remove(r.begin().key());
            c[Model::kInt8RangesKey] = r;
            QFile w(config);
            QVERIFY(w.open(QIODevice::WriteOnly | QIODevice::Truncate));
            w.write(QJsonDocument(c).toJson());
            w.close();
            try {
                Model::load(dir.filePath("static").toStdString());
                QFAIL("broken int8 ranges were accepted");
            } catch (const Error& e) {
                QVERIFY2(QString(e.what()).contains("config.json"), e.what());
            }
        }
    }

    // DeBERTa-v2's optional convolution layer (deberta-v2-xlarge has one) and separate position
    // projections in the ONNX graph: ONNX Runtime computes what we compute.
    void onnxDebertaWithConvolution() {
        ModelConfig c = ModelConfig::preset("deberta-v3-tiny");
        c.vocabSize = 200;
        c.deberta.convKernelSize = 3;
        c.deberta.shareAttentionKey = false;
        c.deberta.positionBuckets = 8;
        EncoderModel enc(c, 3);
        QTemporaryDir dir;
        OnnxExportOptions options;
        options.attentions = true;
        exportOnnx(enc, dir.filePath("model.onnx").toStdString(), options);
        const std::vector<std::vector<std::int64_t>> ids{{1, 17, 33, 5, 60, 7, 2},
                                                         {1, 40, 41, 2, 0, 0, 0}};
        const std::vector<std::vector<std::int64_t>> mask{{1, 1, 1, 1, 1, 1, 1},
                                                          {1, 1, 1, 1, 0, 0, 0}};
        QString error;
        const QJsonObject result =
            runOnnx(dir.filePath("model.onnx"), onnxInputs(ids, mask), &error);
        if (error == "skip")
            QSKIP("node or onnxruntime-node missing (packaging/setup-deps.sh installs them)");
        QVERIFY2(error.isEmpty(), qPrintable(error));
        ModelInputs in;
        std::vector<std::int64_t> flatIds, flatMask;
        for (std::size_t r = 0; r < ids.size(); ++r) {
            flatIds.insert(flatIds.end(), ids[r].begin(), ids[r].end());
            flatMask.insert(flatMask.end(), mask[r].begin(), mask[r].end());
        }
        in.inputIds = at::tensor(flatIds, at::kLong).view({2, 7});
        in.attentionMask = at::tensor(flatMask, at::kLong).view({2, 7});
        at::NoGradGuard noGrad;
        const at::Tensor ours = enc.forward(in).logits.contiguous();
        const QJsonArray data = result["logits"].toObject()["data"].toArray();
        QCOMPARE(static_cast<std::int64_t>(data.size()), ours.numel());
        double worst = 0;
        for (int i = 0; i < data.size(); ++i)
            worst =
                std::max(worst, std::abs(data[i].toDouble() - ours.view({-1})[i].item<double>()));
        QVERIFY2(worst < 1e-4, qPrintable(QString::number(worst)));
    }

    void int8DynamicQuantization() {
        QTemporaryDir dir;
        const QString source = makeTextModel(dir.filePath("model"));
        auto model = Model::load(source.toStdString());
        InferenceRequest req;
        req.inputIds = {{2, 17, 33, 5, 60, 7, 3}, {2, 40, 41, 3}};
        const InferenceResult fp32 = model->run(req);
        model->setDynamicInt8(true);
        QVERIFY(model->isDynamicInt8());
        const InferenceResult int8 = model->run(req);
        double worst = 0, scale = 0;
        for (std::size_t i = 0; i < fp32.logits.values.size(); ++i) {
            worst =
                std::max(worst, double(std::abs(fp32.logits.values[i] - int8.logits.values[i])));
            scale = std::max(scale, double(std::abs(fp32.logits.values[i])));
        }
        QVERIFY2(worst > 0, "int8 gave bit-identical logits: the quantized path did not run");
        QVERIFY2(worst < 0.05 * std::max(1.0, scale), qPrintable(QString::number(worst)));
        model->setDynamicInt8(false);
        const InferenceResult back = model->run(req);
        QCOMPARE(back.logits.values, fp32.logits.values);

        // The measured check leaves the model as it was and scores both on the same data.
        auto pipeline = Pipeline::open(source.toStdString());
        const Dataset data = DatasetReader::read(DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv",
                                                 Task::Classification);
        const QuantizationCheck q = checkDynamicInt8(*pipeline, data, 32);
        QCOMPARE(q.mainMetric, std::string("accuracy"));
        QVERIFY(q.float32.count("accuracy") && q.int8.count("accuracy"));
        QVERIFY(q.float32Ms > 0 && q.int8Ms > 0);
        QVERIFY(std::isfinite(q.delta()));
        QVERIFY(!pipeline->model()->isDynamicInt8());

        // An int8 export is an fp32 folder that DistilBench loads quantized.
        ExportOptions o;
        o.quantizeInt8 = true;
        exportModel(source.toStdString(), dir.filePath("int8").toStdString(), o);
        QVERIFY(Model::load(dir.filePath("int8").toStdString())->isDynamicInt8());
        const CliResult inspect = runCli({"inspect", dir.filePath("int8"), "--json"});
        QCOMPARE(QJsonDocument::fromJson(inspect.out).object()["inference"].toString(),
                 QString("int8"));
        QVERIFY(!Model::load(source.toStdString())->isDynamicInt8());
        // ONNX: the graph holds the int8 products itself (onnxInt8MatchesOurInt8 runs it).
        o.format = ExportFormat::Onnx;
        exportModel(source.toStdString(), dir.filePath("q.onnx").toStdString(), o);
        QFile graph(dir.filePath("q.onnx"));
        QVERIFY(graph.open(QIODevice::ReadOnly));
        const QByteArray bytes = graph.readAll();
        QVERIFY(bytes.contains("MatMulInteger") && bytes.contains("DynamicQuantizeLinear"));
    }

    void failedExportKeepsTheOldOne() {
        QTemporaryDir dir;
        const QString source = makeTextModel(dir.filePath("model"));
        const QString out = dir.filePath("out");
        exportModel(source.toStdString(), out.toStdString(), {});
        QFile marker(out + "/marker.txt");
        QVERIFY(marker.open(QIODevice::WriteOnly));
        marker.close();
        ExportOptions bad;
        bad.format = ExportFormat::Onnx;
        bad.dtype = ExportDType::Float16;
        QVERIFY_THROWS_EXCEPTION(Error, exportModel(source.toStdString(), out.toStdString(), bad));
        QVERIFY(QFile::exists(out + "/marker.txt"));  // untouched
        // A folder holding a file that is not part of an export is never replaced, even when
        // asked to overwrite.
        ExportOptions overwrite;
        overwrite.overwrite = true;
        QVERIFY_THROWS_EXCEPTION(Error,
                                 exportModel(source.toStdString(), out.toStdString(), overwrite));
        QVERIFY(QFile::exists(out + "/marker.txt"));
        QVERIFY(QFile::remove(out + "/marker.txt"));
        // A previous export is replaced only when asked.
        QVERIFY_THROWS_EXCEPTION(Error, exportModel(source.toStdString(), out.toStdString(), {}));
        exportModel(source.toStdString(), out.toStdString(), overwrite);
        QVERIFY(QFile::exists(out + "/model.safetensors"));
        // No temporary of ours is left beside the target.
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList({"model", "out"}));
        ExportOptions oldOpset;
        oldOpset.format = ExportFormat::Onnx;
        oldOpset.onnxOpset = 11;
        QVERIFY_THROWS_EXCEPTION(
            Error,
            exportModel(source.toStdString(), dir.filePath("x.onnx").toStdString(), oldOpset));
        QFile corrupt(dir.filePath("model/model.safetensors"));
        QVERIFY(corrupt.open(QIODevice::WriteOnly));
        corrupt.write("garbage");
        corrupt.close();
        try {
            exportModel(source.toStdString(), dir.filePath("again").toStdString(), {});
            QFAIL("a corrupt checkpoint was exported");
        } catch (const Error& e) {
            QVERIFY(QString(e.what()).contains("model.safetensors"));
        }
    }

    void cliExports() {
        QTemporaryDir dir;
        const QString source = makeTextModel(dir.filePath("model"));
        CliResult r = runCli(
            {"export", source, "--format", "onnx", "--out", dir.filePath("m.onnx"), "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object()["files"].toArray().first().toString(),
                 QString("m.onnx"));
        r = runCli(
            {"export", source, "--format", "bin", "--dtype", "bf16", "--out", dir.filePath("bin")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(QFile::exists(dir.filePath("bin/pytorch_model.bin")));
        r = runCli({"export", source, "--format", "zip", "--out", dir.filePath("z")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--format"));
        r = runCli({"export", dir.filePath("missing"), "--out", dir.filePath("z")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("missing"));
    }
};

QTEST_GUILESS_MAIN(ExportTest)
#include "test_export.moc"
