// Weight files: round trips, and every kind of bad input gets an error naming the file and the
// problem instead of a crash.
#include <ATen/ATen.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "core/models/EncoderModel.h"
#include "core/models/Model.h"
#include "core/runtime/Error.h"
#include "core/weights/SafetensorsReader.h"
#include "core/weights/TorchCheckpointReader.h"
#include "core/weights/WeightLoader.h"
#include "core/weights/WeightWriter.h"
#include "core/weights/ZipWriter.h"

using namespace distilbench;

namespace {
const QString kFixture = QStringLiteral(DISTILBENCH_TEST_DATA "/hf/distilbert_seqcls");

QByteArray readAll(const QString& path) {
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}
void writeAll(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// A model folder: the fixture's config.json and the given weights bytes as model.safetensors.
QString folderWith(QTemporaryDir& dir, const QByteArray& safetensors,
                   const QByteArray& config = {}) {
    writeAll(dir.filePath("config.json"),
             config.isEmpty() ? readAll(kFixture + "/config.json") : config);
    writeAll(dir.filePath("model.safetensors"), safetensors);
    return dir.path();
}

QByteArray safetensorsWithHeader(const QByteArray& header, const QByteArray& data) {
    QByteArray out;
    const quint64 n = header.size();
    out.append(reinterpret_cast<const char*>(&n), 8);
    out += header + data;
    return out;
}

// Expects an Error whose text contains every fragment.
template <typename F>
void expectError(F&& f, std::initializer_list<const char*> fragments) {
    try {
        f();
        QFAIL("expected an error");
    } catch (const Error& e) {
        for (const char* frag : fragments)
            QVERIFY2(QString::fromUtf8(e.what()).contains(QString::fromUtf8(frag)),
                     qPrintable(QString("'%1' not in: %2").arg(frag, e.what())));
    }
}
}  // namespace

class WeightsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void safetensorsRoundTripIsBitExact() {
        QTemporaryDir dir;
        auto model = Model::load(kFixture.toStdString());
        const auto state = model->encoder().stateDict();
        const std::string path = dir.filePath("out.safetensors").toStdString();
        writeSafetensors(path, state);
        const NamedTensors back = readWeights({path, "safetensors"});
        QCOMPARE(back.size(), state.size());
        std::map<std::string, at::Tensor> byName(back.begin(), back.end());
        for (const auto& [name, t] : state) QVERIFY2(at::equal(byName.at(name), t), name.c_str());
    }

    void torchCheckpointRoundTripSharesTiedStorage() {
        QTemporaryDir dir;
        auto model = Model::load(DISTILBENCH_TEST_DATA "/hf/distilbert_mlm");
        const auto state = model->encoder().stateDict(/*includeTied=*/true);
        const std::string path = dir.filePath("pytorch_model.bin").toStdString();
        writeTorchCheckpoint(path, state);
        const auto infos = TorchCheckpointReader::read(path);
        QCOMPARE(infos.size(), state.size());
        const NamedTensors back = readWeights({path, "pytorch"});
        std::map<std::string, at::Tensor> byName(back.begin(), back.end());
        for (const auto& [name, t] : state) QVERIFY2(at::equal(byName.at(name), t), name.c_str());
        // Tied weights are one storage in the file, as torch.save writes them.
        QCOMPARE(byName.at("vocab_projector.weight").data_ptr(),
                 byName.at("distilbert.embeddings.word_embeddings.weight").data_ptr());
    }

    void shardedSafetensors() {
        QTemporaryDir dir;
        auto model = Model::load(kFixture.toStdString());
        const auto state = model->encoder().stateDict();
        const std::size_t half = state.size() / 2;
        writeSafetensors(dir.filePath("model-00001-of-00002.safetensors").toStdString(),
                         NamedTensors(state.begin(), state.begin() + half));
        writeSafetensors(dir.filePath("model-00002-of-00002.safetensors").toStdString(),
                         NamedTensors(state.begin() + half, state.end()));
        QJsonObject map;
        for (std::size_t i = 0; i < state.size(); ++i)
            map[QString::fromStdString(state[i].first)] =
                i < half ? "model-00001-of-00002.safetensors" : "model-00002-of-00002.safetensors";
        writeAll(
            dir.filePath("model.safetensors.index.json"),
            QJsonDocument(QJsonObject{{"metadata", QJsonObject{}}, {"weight_map", map}}).toJson());
        QFile::copy(kFixture + "/config.json", dir.filePath("config.json"));
        auto sharded = Model::load(dir.path().toStdString());
        QCOMPARE(sharded->summary().weightsFormat, std::string("safetensors-sharded"));
        QVERIFY(sharded->summary().missingKeys.empty());
        for (const auto& [name, t] : state)
            QVERIFY(at::equal(sharded->encoder().parameter(name), t));
    }

    void halfPrecisionFilesLoadAsFloat() {
        QTemporaryDir dir;
        auto model = Model::load(kFixture.toStdString());
        NamedTensors half;
        for (const auto& [name, t] : model->encoder().stateDict())
            half.emplace_back(name, t.to(at::kBFloat16));
        writeSafetensors(dir.filePath("model.safetensors").toStdString(), half);
        QFile::copy(kFixture + "/config.json", dir.filePath("config.json"));
        auto loaded = Model::load(dir.path().toStdString());
        QCOMPARE(loaded->summary().fileDtype, std::string("BF16"));
        const at::Tensor& w = loaded->encoder().parameter("classifier.weight");
        QCOMPARE(w.scalar_type(), at::kFloat);
        QVERIFY(at::allclose(w, model->encoder().parameter("classifier.weight"), 1e-2, 1e-2));
    }

    void baseCheckpointIntoHeadModel() {
        // A DistilBertModel checkpoint (no "distilbert." prefix) loaded for classification: the
        // base weights map, the head is missing and freshly initialised, as in transformers.
        QTemporaryDir dir;
        auto model = Model::load(kFixture.toStdString());
        NamedTensors base;
        for (const auto& [name, t] : model->encoder().stateDict())
            if (name.rfind("distilbert.", 0) == 0) base.emplace_back(name.substr(11), t);
        writeSafetensors(dir.filePath("model.safetensors").toStdString(), base);
        QFile::copy(kFixture + "/config.json", dir.filePath("config.json"));
        // Refused by default, naming the missing weights: such a model would answer at random.
        try {
            Model::load(dir.path().toStdString());
            QFAIL("an incomplete model was loaded without a word");
        } catch (const IncompleteModelError& e) {
            QCOMPARE(e.missing().size(), std::size_t(4));
            QVERIFY(std::string(e.what()).find("classifier.weight") != std::string::npos);
        }
        auto loaded =
            Model::load(dir.path().toStdString(), {}, LoadOptions{.allowMissingWeights = true});
        const auto& missing = loaded->summary().missingKeys;
        QCOMPARE(missing, (std::vector<std::string>{"pre_classifier.weight", "pre_classifier.bias",
                                                    "classifier.weight", "classifier.bias"}));
        QVERIFY(loaded->summary().unexpectedKeys.empty());
        QVERIFY(at::equal(
            loaded->encoder().parameter("distilbert.transformer.layer.1.ffn.lin1.weight"),
            model->encoder().parameter("distilbert.transformer.layer.1.ffn.lin1.weight")));
    }

    void badInput_data() {
        QTest::addColumn<QString>("kind");
        for (const char* k :
             {"truncated", "header length past end", "header outside file", "unknown dtype",
              "size mismatch", "invalid json", "empty file", "missing config", "unknown model_type",
              "nan weights", "shape mismatch", "disallowed global", "not a zip", "no weights"})
            QTest::newRow(k) << QString(k);
    }

    void badInput() {
        QFETCH(QString, kind);
        QTemporaryDir dir;
        const QByteArray good = readAll(kFixture + "/model.safetensors");
        const QByteArray config = readAll(kFixture + "/config.json");
        auto load = [&](const QString& folder) {
            return [folder] { Model::load(folder.toStdString()); };
        };
        if (kind == "truncated") {
            expectError(load(folderWith(dir, good.left(good.size() / 2))),
                        {"model.safetensors", "outside the file"});
        } else if (kind == "header length past end") {
            QByteArray bad = good;
            const quint64 huge = 1ull << 40;
            std::memcpy(bad.data(), &huge, 8);
            expectError(load(folderWith(dir, bad)),
                        {"model.safetensors", "header length", "truncated"});
        } else if (kind == "header outside file") {
            const QByteArray h = R"({"w":{"dtype":"F32","shape":[4],"data_offsets":[0,4000]}})";
            expectError(load(folderWith(dir, safetensorsWithHeader(h, QByteArray(16, 0)))),
                        {"'w'", "outside the file"});
        } else if (kind == "unknown dtype") {
            const QByteArray h = R"({"w":{"dtype":"F8_E4M3","shape":[4],"data_offsets":[0,4]}})";
            expectError(load(folderWith(dir, safetensorsWithHeader(h, QByteArray(4, 0)))),
                        {"unknown dtype 'F8_E4M3'"});
        } else if (kind == "size mismatch") {
            const QByteArray h = R"({"w":{"dtype":"F32","shape":[4],"data_offsets":[0,8]}})";
            expectError(load(folderWith(dir, safetensorsWithHeader(h, QByteArray(8, 0)))),
                        {"'w'", "do not match"});
        } else if (kind == "invalid json") {
            expectError(load(folderWith(dir, safetensorsWithHeader("{not json", {}))),
                        {"not valid JSON"});
        } else if (kind == "empty file") {
            expectError(load(folderWith(dir, QByteArray())), {"model.safetensors", "shorter"});
        } else if (kind == "missing config") {
            writeAll(dir.filePath("model.safetensors"), good);
            expectError(load(dir.path()), {"config.json", "missing"});
        } else if (kind == "unknown model_type") {
            QByteArray c = config;
            c.replace("\"distilbert\"", "\"gpt2\"");
            expectError(load(folderWith(dir, good, c)),
                        {"config.json", "unknown model_type 'gpt2'"});
        } else if (kind == "nan weights") {
            auto model = Model::load(kFixture.toStdString());
            NamedTensors state = model->encoder().stateDict();
            state[5].second = state[5].second.clone();
            state[5].second.view(-1)[3] = std::nan("");
            writeSafetensors(dir.filePath("model.safetensors").toStdString(), state);
            writeAll(dir.filePath("config.json"), config);
            expectError(load(dir.path()), {"model.safetensors", state[5].first.c_str(), "NaN"});
        } else if (kind == "shape mismatch") {
            QByteArray c = config;
            c.replace("\"hidden_dim\": 128", "\"hidden_dim\": 96");
            expectError(load(folderWith(dir, good, c)), {"distilbert.transformer.layer.0.ffn.lin1.",
                                                         "has shape [128", "expects [96"});
        } else if (kind == "disallowed global") {
            // A pickle that would call os.system when loaded by an unsafe reader.
            const QByteArray pickle =
                QByteArray("\x80\x02", 2) + "cos\nsystem\n(X\x05\x00\x00\x00" + "echo " + "tR.";
            const std::string path = dir.filePath("pytorch_model.bin").toStdString();
            ZipWriter zip(path);
            zip.add("archive/data.pkl", pickle.data(), pickle.size());
            zip.add("archive/version", "3\n", 2);
            zip.finish();
            writeAll(dir.filePath("config.json"), config);
            expectError(load(dir.path()), {"pytorch_model.bin", "os.system", "refused"});
        } else if (kind == "not a zip") {
            writeAll(dir.filePath("pytorch_model.bin"), "this is not a checkpoint");
            writeAll(dir.filePath("config.json"), config);
            expectError(load(dir.path()), {"pytorch_model.bin", "not a zip"});
        } else if (kind == "no weights") {
            writeAll(dir.filePath("config.json"), config);
            expectError(load(dir.path()), {"no weights found"});
        }
    }

    void truncatedCheckpointIsAnError() {
        QTemporaryDir dir;
        const QByteArray bin = readAll(kFixture + "/bin/pytorch_model.bin");
        writeAll(dir.filePath("pytorch_model.bin"), bin.left(bin.size() - 300));
        writeAll(dir.filePath("config.json"), readAll(kFixture + "/config.json"));
        try {
            Model::load(dir.path().toStdString());
            QFAIL("expected an error");
        } catch (const Error& e) {
            QVERIFY(QString(e.what()).contains("pytorch_model.bin"));
        }
    }

    void writesAreAtomic() {
        // A failed save leaves the previous file untouched.
        QTemporaryDir dir;
        const QString path = dir.filePath("model.safetensors");
        writeAll(path, "previous contents");
        NamedTensors bad{{"complex", at::zeros({2}, at::kComplexFloat)}};
        QVERIFY_THROWS_EXCEPTION(Error, writeSafetensors(path.toStdString(), bad));
        QCOMPARE(readAll(path), QByteArray("previous contents"));
    }
};

QTEST_GUILESS_MAIN(WeightsTest)
#include "test_weights.moc"
