#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <thread>

#include "CliRunner.h"
#include "TestModels.h"

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

    // #18: the launcher answers --help and --version without LibTorch (or Qt) in the process;
    // its command table and the engine's commands are the same list, and each one runs.
    void launcherAndEngineAgree() {
        QProcess ldd;
        ldd.start("ldd", {DISTILBENCH_CLI});
        QVERIFY(ldd.waitForFinished(10000));
        const QByteArray libs = ldd.readAllStandardOutput();
        QVERIFY2(libs.contains("libc.so"), libs.constData());
        QVERIFY2(!libs.contains("libtorch") && !libs.contains("libc10") && !libs.contains("Qt6"),
                 libs.constData());
        const auto help = runCli({"--help"});
        QStringList listed;
        bool inCommands = false;
        for (const QByteArray& line : help.out.split('\n')) {
            if (line == "Commands:") {
                inCommands = true;
                continue;
            }
            if (inCommands && line.trimmed().isEmpty()) break;
            if (inCommands) listed << QString::fromUtf8(line.trimmed().split(' ').first());
        }
        const auto engine = runCli({"--list-commands"});
        QCOMPARE(engine.exitCode, 0);
        QStringList commands = QString::fromUtf8(engine.out).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(listed.size(), commands.size());
        listed.sort();
        commands.sort();
        QCOMPARE(listed, commands);
        for (const QString& c : commands) {
            const auto r = runCli({c, "--help"});
            QVERIFY2(r.exitCode == 0 && r.out.contains("Usage"), qPrintable(c));
        }
        // Global options reach the engine; a bad one is still one line from it.
        QCOMPARE(runCli({"--threads", "1", "env", "--json"}).exitCode, 0);
        const auto bad = runCli({"--threads", "x", "env"});
        QCOMPARE(bad.exitCode, 2);
        QCOMPARE(bad.err.count('\n'), 1);
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

    void tokenizeJson() {
        const auto r =
            runCli({"tokenize", DISTILBENCH_TEST_DATA "/vocab/bert-base-uncased-tokenizer.json",
                    "--text", "Hello World!, how are you?", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o["ids"].toArray().size(), 10);
        QCOMPARE(o["ids"].toArray()[1].toInt(), 7592);
        QCOMPARE(o["offsets"].toArray()[2].toArray()[0].toInt(), 6);
        for (const char* key :
             {"tokens", "type_ids", "attention_mask", "special_tokens_mask", "word_ids"})
            QVERIFY2(o.contains(key), key);
        QVERIFY(o["word_ids"].toArray()[0].isNull());
    }

    void tokenizeBatchPadded() {
        const auto r = runCli(
            {"tokenize", DISTILBENCH_TEST_DATA "/vocab/bert-base-uncased-vocab.txt", "--text",
             "short", "--text", "a longer sentence", "--padding", "longest", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray batch = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(batch.size(), 2);
        QCOMPARE(batch[0]["ids"].toArray().size(), batch[1]["ids"].toArray().size());
    }

    void predictMatchesFixture() {
        // The fixture's logits for these ids (transformers 4.36).
        const auto r = runCli({"predict", DISTILBENCH_TEST_DATA "/hf/distilbert_seqcls", "--ids",
                               "101,7,42,99,500,13,102;101,250,251,252,253,254,255,256,257,102",
                               "--attentions", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        const QJsonArray logits = o["logits"].toArray();
        QVERIFY(std::abs(logits[0][0].toDouble() - 0.01571756973862648) < 1e-5);
        QVERIFY(std::abs(logits[1][1].toDouble() - -0.012232335284352303) < 1e-5);
        QCOMPARE(o["probs"].toArray().size(), 2);
        QCOMPARE(o["labels"].toArray().size(), 2);
        // attentions: [layer][batch][head][query][key]
        const QJsonArray att = o["attentions"].toArray();
        QCOMPARE(att.size(), 2);
        QCOMPARE(att[0].toArray().size(), 2);
        QCOMPARE(att[0][0].toArray().size(), 4);
        QCOMPARE(att[0][0][0].toArray().size(), 10);
        QCOMPARE(att[0][0][0][0][9].toDouble(), 0.0);  // padded key
    }

    void inspectJson() {
        const auto r = runCli({"inspect", DISTILBENCH_TEST_DATA "/hf/bert_seqcls", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o["architecture"].toString(), QString("BertForSequenceClassification"));
        QCOMPARE(o["parameters_per_component"].toArray().first()["name"].toString(),
                 QString("Embeddings"));
        QVERIFY(o["parameters"].toDouble() > 100000);
        QCOMPARE(o["labels"].toArray().size(), 2);
    }

    void benchSmallPreset() {
        const auto r = runCli({"bench", "--preset", "distilbert-tiny", "--batch", "2", "--seq",
                               "16", "--iterations", "2", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QVERIFY(o["ms_per_batch"].toDouble() > 0);
        QVERIFY(o["sequences_per_second"].toDouble() > 0);
    }

    // int8 says how many bits its weights have: 7 where the CPU's int8 products have no VNNI
    // (oneDNN held to AVX2 stands for such a CPU on any x86 machine), in bench, in inspect of
    // an int8 export, and in the quality check of the export itself.
    void int8WeightBitsReported() {
#if !defined(__x86_64__)
        QSKIP("ONEDNN_MAX_CPU_ISA=AVX2 stands for a CPU without VNNI on x86-64 only");
#endif
        QProcessEnvironment avx2 = QProcessEnvironment::systemEnvironment();
        avx2.insert("ONEDNN_MAX_CPU_ISA", "AVX2");
        const QStringList bench{"bench", "--preset", "distilbert-tiny", "--batch", "1",
                                "--seq", "8",        "--iterations",    "1",       "--dtype",
                                "int8"};
        auto r = runCli(bench + QStringList{"--json"}, 120000, avx2);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).object()["int8_weight_bits"].toInt(), 7);
        r = runCli(bench, 120000, avx2);
        QVERIFY2(r.out.contains("int8 (7-bit weights: no VNNI on this CPU)"), r.out);
        r = runCli(QStringList{"bench", "--preset", "distilbert-tiny", "--batch", "1", "--seq", "8",
                               "--iterations", "1", "--json"});
        QVERIFY(QJsonDocument::fromJson(r.out).object()["int8_weight_bits"].isNull());  // f32

        QTemporaryDir dir;
        const QString out = dir.filePath("int8");
        r = runCli({"export", DISTILBENCH_TEST_DATA "/../../resources/demo/sst2-distilbert-tiny",
                    "--out", out, "--quantize", "int8", "--eval-data",
                    DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv"},
                   120000, avx2);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("; 7-bit weights (this CPU's int8 products have no VNNI"), r.out);
        r = runCli({"inspect", out, "--json"}, 120000, avx2);
        QCOMPARE(r.exitCode, 0);
        QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o["inference"].toString(), QString("int8"));
        QCOMPARE(o["int8_weight_bits"].toInt(), 7);
        r = runCli({"inspect", out}, 120000, avx2);
        QVERIFY2(r.out.contains("inference: int8 (Linear layers, dynamic quantization, 7-bit "
                                "weights: this CPU's int8 products have no VNNI)"),
                 r.out);
        r = runCli({"export", out, "--format", "onnx", "--quantize", "int8", "--out",
                    dir.filePath("int8.onnx")},
                   120000, avx2);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("note: int8 weights in 7 bits (this CPU has no VNNI)"), r.out);
        // 7 bits asked for on any CPU; other numbers, or without --quantize, are usage errors.
        r = runCli({"export", out, "--format", "onnx", "--quantize", "int8", "--int8-weight-bits",
                    "7", "--out", dir.filePath("seven.onnx")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("note: int8 weights in 7 bits"), r.out);
        for (const QStringList& bad : {QStringList{"--quantize", "int8", "--int8-weight-bits", "6"},
                                       QStringList{"--int8-weight-bits", "7"}}) {
            r = runCli(
                QStringList{"export", out, "--format", "onnx", "--out", dir.filePath("bad.onnx")} +
                bad);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains("--int8-weight-bits"), r.err);
        }
        QVERIFY(!QFileInfo::exists(dir.filePath("bad.onnx")));
        // On this CPU as it is: 8 or 7 bits, and the same answer in every command.
        o = QJsonDocument::fromJson(runCli({"inspect", out, "--json"}).out).object();
        const int native = o["int8_weight_bits"].toInt();
        QVERIFY(native == 7 || native == 8);
        r = runCli(bench + QStringList{"--json"});
        QCOMPARE(QJsonDocument::fromJson(r.out).object()["int8_weight_bits"].toInt(), native);
        r = runCli({"env", "--json"});
        QCOMPARE(QJsonDocument::fromJson(r.out).object()["int8_weight_bits"].toInt(), native);
        r = runCli({"env", "--json"}, 120000, avx2);
        QCOMPARE(QJsonDocument::fromJson(r.out).object()["int8_weight_bits"].toInt(), 7);
        r = runCli({"env"}, 120000, avx2);
        QVERIFY2(r.out.contains("int8: 7-bit weights (no VNNI"), r.out);
    }

    void benchTokenizer() {
        QTemporaryDir dir;
        QFile f(dir.filePath("s.tsv"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("sentence\tlabel\nit 's a charming journey . \t1\nunflinchingly bleak \t0\n");
        f.close();
        const auto r =
            runCli({"bench-tokenizer", DISTILBENCH_TEST_DATA "/vocab/bert-base-uncased-vocab.txt",
                    "--file", f.fileName(), "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o["sentences"].toInt(), 2);
        QCOMPARE(o["tokens"].toInt(), 9 + 8);  // [CLS] it ' s a charming journey . [SEP] / [CLS] un
                                               // ##fl ##in ##ching ##ly bleak [SEP]
    }

    void runtimeErrorsNameTheFile() {
        QTemporaryDir dir;
        const auto r = runCli({"inspect", dir.path()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("config.json"), r.err.constData());
        QCOMPARE(r.err.trimmed().count('\n'), 0);
    }

    void attentionJsonAndVectorViews() {
        QTemporaryDir dir;
        makeTextModel(dir.path());
        const QString json = dir.filePath("a.json");
        auto r = runCli({"attention", dir.path(), "--text", "the movie was great", "--format",
                         "json", "--out", json});
        QCOMPARE(r.exitCode, 0);
        QFile f(json);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(o["tokens"].toArray().size(), 6);
        QCOMPARE(o["attentions"].toArray().size(), 2);     // layers
        QCOMPARE(o["attentions"][0].toArray().size(), 4);  // heads
        double rowSum = 0;
        for (const auto& v : o["attentions"][1][3][2].toArray()) rowSum += v.toDouble();
        QVERIFY(std::abs(rowSum - 1.0) < 1e-5);

        for (const char* view : {"heatmap", "head", "model", "rollout"}) {
            const QString svg = dir.filePath(QString("%1.svg").arg(view));
            r = runCli({"attention", dir.path(), "--text", "the movie was great", "--view", view,
                        "--out", svg});
            QCOMPARE(r.exitCode, 0);
            QFile s(svg);
            QVERIFY(s.open(QIODevice::ReadOnly));
            const QByteArray content = s.readAll();
            QVERIFY2(content.startsWith("<?xml"), view);
            if (QByteArray(view) != "model")
                QVERIFY2(content.contains(">movie<"), view);  // labels are text
        }
        const QString pdf = dir.filePath("h.pdf");
        r = runCli({"attention", dir.path(), "--text", "the movie was great", "--layer", "1",
                    "--head", "2", "--out", pdf});
        QCOMPARE(r.exitCode, 0);
        QProcess text;
        text.start("pdftotext", {pdf, "-"});
        QVERIFY(text.waitForFinished(10000));
        const QByteArray words = text.readAllStandardOutput();
        QVERIFY2(
            words.contains("movie") && words.contains("great") && words.contains("layer 1, head 2"),
            words.constData());
        QCOMPARE(
            runCli({"attention", dir.path(), "--text", "x", "--layer", "7", "--out", pdf}).exitCode,
            2);
    }

    void explainJson() {
        QTemporaryDir dir;
        makeTextModel(dir.path());
        const auto r = runCli(
            {"explain", dir.path(), "--text", "the movie was great", "--steps", "20", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o["attributions"].toArray().size(), o["tokens"].toArray().size());
        const double expected = o["target_logit"].toDouble() - o["baseline_logit"].toDouble();
        QVERIFY(std::abs(o["attribution_sum"].toDouble() - expected) <=
                1e-3 * std::max(1e-3, std::abs(expected)) + 1e-6);
        QVERIFY(o["completeness_gap"].toDouble() < 1e-4);
        QCOMPARE(runCli({"explain", dir.path(), "--text", "x", "--method", "shap"}).exitCode, 2);
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no command") << QStringList{};
        QTest::newRow("unknown command") << QStringList{"frobnicate"};
        QTest::newRow("unknown global option") << QStringList{"--bogus", "env"};
        QTest::newRow("unknown command option") << QStringList{"env", "--bogus"};
        QTest::newRow("bad threads") << QStringList{"--threads", "zero", "env"};
        QTest::newRow("predict without input")
            << QStringList{"predict", DISTILBENCH_TEST_DATA "/hf/bert_seqcls"};
        QTest::newRow("bad dtype") << QStringList{"predict", "x", "--text", "a", "--dtype", "f8"};
        QTest::newRow("bad truncation")
            << QStringList{"tokenize", "x", "--text", "a", "--truncation", "middle"};
        QTest::newRow("bad ids") << QStringList{"predict", "x", "--ids", "1,two"};
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
