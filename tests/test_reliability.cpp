// Hostile and broken inputs through the CLI, one data row each: weights (safetensors, zip,
// pickle), configs, tokenizers, datasets, run folders, export targets and a full disk. Every row
// builds its input inside its own scratch folder and asserts what a user relies on:
//  - the process exits with 1 or 2 (never a signal, never a hang),
//  - stderr is one line that names the file and the problem,
//  - nothing in the scratch folder changed (a hash of the tree before and after), so no partial
//    output or temporary is left behind and no user file was touched.
#include <fcntl.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <cstring>
#include <functional>
#include <limits>
#include <map>

#include "CliRunner.h"
#include "TestModels.h"

namespace {

const QString kData = QStringLiteral(DISTILBENCH_TEST_DATA);

void writeBytes(const QString& path, const QByteArray& bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

QByteArray le64(quint64 v) {
    QByteArray b(8, 0);
    std::memcpy(b.data(), &v, 8);
    return b;
}
QByteArray le32(quint32 v) {
    QByteArray b(4, 0);
    std::memcpy(b.data(), &v, 4);
    return b;
}
QByteArray le16(quint16 v) {
    QByteArray b(2, 0);
    std::memcpy(b.data(), &v, 2);
    return b;
}

// A safetensors file from a header object and a data section.
QByteArray safetensors(const QJsonObject& header, const QByteArray& data) {
    QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
    return le64(quint64(json.size())) + json + data;
}

QJsonObject tensorEntry(const QString& dtype, const QJsonArray& shape, double begin, double end) {
    return QJsonObject{
        {"dtype", dtype}, {"shape", shape}, {"data_offsets", QJsonArray{begin, end}}};
}

// A stored zip with the given entries; `zip64Size` replaces the first entry's sizes in the
// central directory by 0xFFFFFFFF and a zip64 extra field holding that value.
QByteArray zipArchive(const std::vector<std::pair<QByteArray, QByteArray>>& entries,
                      std::optional<quint64> zip64Size = std::nullopt,
                      std::optional<quint64> countOverride = std::nullopt,
                      std::optional<quint32> cdOffsetOverride = std::nullopt) {
    QByteArray out, cd;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& [name, data] = entries[i];
        const quint32 offset = quint32(out.size());
        out += le32(0x04034b50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) +
               le32(quint32(data.size())) + le32(quint32(data.size())) +
               le16(quint16(name.size())) + le16(0) + name + data;
        const bool big = i == 0 && zip64Size;
        const QByteArray extra =
            big ? le16(1) + le16(16) + le64(*zip64Size) + le64(*zip64Size) : QByteArray();
        cd += le32(0x02014b50) + le16(45) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) +
              le32(0) + le32(big ? 0xFFFFFFFF : quint32(data.size())) +
              le32(big ? 0xFFFFFFFF : quint32(data.size())) + le16(quint16(name.size())) +
              le16(quint16(extra.size())) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) +
              name + extra;
    }
    const quint32 cdOffset = cdOffsetOverride.value_or(quint32(out.size()));
    const quint16 count = quint16(countOverride.value_or(entries.size()));
    out += cd;
    out += le32(0x06054b50) + le16(0) + le16(0) + le16(count) + le16(count) +
           le32(quint32(cd.size())) + le32(cdOffset) + le16(0);
    return out;
}

// Pickle opcodes for a state dict of one tensor, as torch.save writes it.
struct Pickle {
    QByteArray b = QByteArray("\x80\x02", 2);
    Pickle& op(char c) {
        b += c;
        return *this;
    }
    Pickle& str(const QByteArray& s) {
        b += 'X';
        b += le32(quint32(s.size()));
        b += s;
        return *this;
    }
    Pickle& global(const QByteArray& m, const QByteArray& n) {
        b += 'c' + m + '\n' + n + '\n';
        return *this;
    }
    Pickle& integer(qint64 v) {
        b += '\x8a';
        b += char(8);
        b += le64(quint64(v));
        return *this;
    }
    Pickle& tuple(const std::vector<qint64>& v) {
        op('(');
        for (auto x : v) integer(x);
        return op('t');
    }
};

QByteArray tensorPickle(qint64 storageNumel, qint64 offset, const std::vector<qint64>& sizes,
                        const std::vector<qint64>& strides) {
    Pickle p;
    p.op('}').op('(').str("w");
    p.global("torch._utils", "_rebuild_tensor_v2").op('(');
    p.op('(')
        .str("storage")
        .global("torch", "FloatStorage")
        .str("0")
        .str("cpu")
        .integer(storageNumel)
        .op('t')
        .op('Q');
    p.integer(offset).tuple(sizes).tuple(strides).op('\x89');
    p.global("collections", "OrderedDict").op(')').op('R');
    p.op('t').op('R').op('u').op('.');
    return p.b;
}

QByteArray checkpointZip(const QByteArray& pickle, const QByteArray& storage = QByteArray(16, 0)) {
    return zipArchive(
        {{"archive/data.pkl", pickle}, {"archive/data/0", storage}, {"archive/version", "3\n"}});
}

// A model folder whose weights are given: config.json of the fixture, vocab.txt.
QString modelWithWeights(const QString& dir, const QString& file, const QByteArray& bytes) {
    makeTextModel(dir);
    QFile::remove(dir + "/model.safetensors");
    writeBytes(dir + "/" + file, bytes);
    return dir;
}

QJsonObject fixtureConfig() {
    QFile f(kData + "/hf/distilbert_seqcls/config.json");
    f.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(f.readAll()).object();
}

QString modelWithConfig(const QString& dir, const QJsonObject& config) {
    makeTextModel(dir);
    writeBytes(dir + "/config.json", QJsonDocument(config).toJson());
    return dir;
}

QString modelWithConfigText(const QString& dir, const QByteArray& text) {
    makeTextModel(dir);
    writeBytes(dir + "/config.json", text);
    return dir;
}

void makeFifo(const QString& path) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile::remove(path);
    QVERIFY(::mkfifo(path.toLocal8Bit().constData(), 0644) == 0);
}

QJsonObject bertTokenizerJson() {
    QJsonObject vocab;
    const char* tokens[] = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "hello", "world"};
    for (int i = 0; i < 7; ++i) vocab[tokens[i]] = i;
    return QJsonObject{
        {"model", QJsonObject{{"type", "WordPiece"}, {"vocab", vocab}, {"unk_token", "[UNK]"}}},
        {"normalizer", QJsonObject{{"type", "BertNormalizer"}}},
        {"pre_tokenizer", QJsonObject{{"type", "BertPreTokenizer"}}}};
}

QString tokenizerJson(const QString& dir, const std::function<void(QJsonObject&)>& edit) {
    QJsonObject t = bertTokenizerJson();
    edit(t);
    writeBytes(dir + "/tokenizer.json", QJsonDocument(t).toJson());
    return dir + "/tokenizer.json";
}

// The path and arguments of one case, built inside its scratch folder.
struct Case {
    using Build = std::function<QStringList(const QString& scratch)>;
    Case() = default;
    Case(Build b, QString e, QString n = {}, QByteArray bf = {})
        : build(std::move(b)), expect(std::move(e)), names(std::move(n)), bf16(std::move(bf)) {}
    Build build;
    QString expect;   // a substring of the one stderr line (the problem)
    QString names;    // a substring naming the file ("" = the expect text suffices)
    QByteArray bf16;  // DISTILBENCH_BF16 for this run ("" = unset)
};

QString sst2Train() {
    return kData + "/datasets/sst2_train_240.tsv";
}

std::map<QString, Case>& cases() {
    static std::map<QString, Case> all;
    return all;
}

void add(const QString& name, Case c) {
    cases()[name] = std::move(c);
}

void registerCases() {
    if (!cases().empty()) return;
    // --- safetensors
    auto st = [](const QString& n, QByteArray bytes, const QString& expect) {
        add("safetensors: " + n, {[bytes](const QString& d) {
                                      return QStringList{
                                          "predict",
                                          modelWithWeights(d + "/m", "model.safetensors", bytes),
                                          "--text", "hi"};
                                  },
                                  expect, "model.safetensors"});
    };
    st("shorter than its length field", "abc", "shorter than");
    st("header length 2^64-1", le64(~0ull) + "{}", "header length");
    st("header not JSON", le64(5) + "{not}", "not valid JSON");
    st("offsets outside", safetensors({{"w", tensorEntry("F32", {2}, 0, 8)}}, QByteArray(4, 0)),
       "outside the file");
    st("2^62 elements in 0 bytes",
       safetensors({{"w", tensorEntry("F32", {2147483648.0, 2147483648.0}, 0, 0)}}, {}),
       "overflows");
    st("element count overflows",
       safetensors({{"w", tensorEntry("F32", {4294967296.0, 4294967296.0, 4}, 0, 0)}}, {}),
       "overflows");
    st("unknown dtype", safetensors({{"w", tensorEntry("F7", {1}, 0, 4)}}, QByteArray(4, 0)),
       "unknown dtype");
    st("negative shape", safetensors({{"w", tensorEntry("F32", {-1}, 0, 4)}}, QByteArray(4, 0)),
       "invalid shape");
    st("offset 1e30",
       safetensors({{"w", tensorEntry("F32", {1}, 1e30, 1e30 + 4)}}, QByteArray(4, 0)),
       "data_offsets");
    st("reversed offsets", safetensors({{"w", tensorEntry("F32", {1}, 8, 4)}}, QByteArray(8, 0)),
       "reversed");
    st("overlapping tensors",
       safetensors({{"a", tensorEntry("F32", {2}, 0, 8)}, {"b", tensorEntry("F32", {2}, 4, 12)}},
                   QByteArray(12, 0)),
       "overlap");
    st("size mismatch", safetensors({{"w", tensorEntry("F32", {3}, 0, 8)}}, QByteArray(8, 0)),
       "do not match");
    st("empty file", QByteArray(), "shorter than");
    st("shape mismatch with the config",
       safetensors(
           {{"distilbert.embeddings.word_embeddings.weight", tensorEntry("F32", {2, 2}, 0, 16)}},
           QByteArray(16, 0)),
       "shape");
    add("safetensors: named pipe", {[](const QString& d) {
                                        const QString m = makeTextModel(d + "/m");
                                        QFile::remove(m + "/model.safetensors");
                                        makeFifo(m + "/model.safetensors");
                                        return QStringList{"predict", m, "--text", "hi"};
                                    },
                                    "named pipe", "model.safetensors"});
    add("safetensors: a folder", {[](const QString& d) {
                                      const QString m = makeTextModel(d + "/m");
                                      QFile::remove(m + "/model.safetensors");
                                      QDir().mkpath(m + "/model.safetensors");
                                      return QStringList{"predict", m, "--text", "hi"};
                                  },
                                  "folder", "model.safetensors"});
    // --- incomplete models
    add("weights: no classifier", {[](const QString& d) {
                                       const QString m = makeTextModel(d + "/m");
                                       QFile::remove(m + "/model.safetensors");
                                       // The base fixture's weights only (a DistilBertModel file).
                                       QFile::copy(kData + "/hf/distilbert_mlm/model.safetensors",
                                                   m + "/model.safetensors");
                                       return QStringList{"predict", m, "--text", "hi"};
                                   },
                                   "missing", "model.safetensors"});
    for (const char* command : {"evaluate", "export", "attention", "explain"}) {
        add(QString("weights: more layers in the config than the file (%1)").arg(command),
            {[command](const QString& d) {
                 QJsonObject c = fixtureConfig();
                 c["n_layers"] = c["n_layers"].toInt() + 1;
                 const QString m = modelWithConfig(d + "/m", c);
                 const QString cmd = command;
                 if (cmd == "evaluate") return QStringList{cmd, m, "--data", sst2Train()};
                 if (cmd == "export") return QStringList{cmd, m, "--out", d + "/out"};
                 if (cmd == "attention")
                     return QStringList{cmd,        m,      "--text", "hi",
                                        "--format", "json", "--out",  d + "/a.json"};
                 return QStringList{cmd, m, "--text", "hi"};
             },
             "missing", "model.safetensors"});
    }
    // --- zip and pickle (pytorch_model.bin)
    auto bin = [](const QString& n, QByteArray bytes, const QString& expect) {
        add("pytorch_model.bin: " + n,
            {[bytes](const QString& d) {
                 return QStringList{"predict",
                                    modelWithWeights(d + "/m", "pytorch_model.bin", bytes),
                                    "--text", "hi"};
             },
             expect, "pytorch_model.bin"});
    };
    const QByteArray goodPickle = tensorPickle(4, 0, {2, 2}, {2, 1});
    bin("zip64 size 2^64-1",
        zipArchive({{"archive/data.pkl", goodPickle}, {"archive/data/0", QByteArray(16, 0)}},
                   ~0ull),
        "zip");
    bin("zip64 size 2^63",
        zipArchive({{"archive/data.pkl", goodPickle}, {"archive/data/0", QByteArray(16, 0)}},
                   1ull << 63),
        "zip");
    bin("not a zip", QByteArray("PK\x03\x04garbage", 11), "zip");
    bin("central directory outside",
        zipArchive({{"archive/data.pkl", goodPickle}}, std::nullopt, std::nullopt, 0x7FFFFFF0),
        "outside the file");
    bin("entry count 65535", zipArchive({{"archive/data.pkl", goodPickle}}, std::nullopt, 0xFFFF),
        "zip");
    bin("no data.pkl", zipArchive({{"archive/other", "x"}}), "data.pkl");
    bin("disallowed global", checkpointZip(Pickle().global("os", "system").op('.').b), "refused");
    {
        // A million nested lists: 2 MB that used to overflow the stack when freed.
        Pickle p;
        for (int i = 0; i < 1'000'000; ++i) p.op(']');
        for (int i = 0; i < 999'999; ++i) p.op('a');
        p.op('.');
        bin("a million nested lists", checkpointZip(p.b), "not a state dict");
    }
    {
        Pickle p;
        p.op('\x95');
        p.b += le64(1ull << 62);
        bin("frame of 2^62 bytes", checkpointZip(p.b), "truncated");
    }
    {
        Pickle p;
        p.b += 'X';
        p.b += le32(0xFFFFFFFF);
        bin("string of 4 GiB", checkpointZip(p.b), "truncated");
    }
    bin("truncated pickle", checkpointZip(goodPickle.left(goodPickle.size() / 2)), "truncated");
    bin("unknown memo", checkpointZip(Pickle().op('h').op('\x05').op('.').b), "memo");
    bin("stack underflow", checkpointZip(Pickle().op('a').op('.').b), "underflow");
    bin("negative stride", checkpointZip(tensorPickle(4, 0, {2, 2}, {-2, 1})), "negative stride");
    bin("huge stride", checkpointZip(tensorPickle(4, 0, {2, 2}, {qint64(1) << 62, 1})), "outside");
    bin("stride overflow", checkpointZip(tensorPickle(4, 0, {3, 2}, {qint64(1) << 62, 1})),
        "overflows");
    bin("storage of 2^62 floats", checkpointZip(tensorPickle(qint64(1) << 62, 0, {1}, {1})),
        "overflows");
    bin("view outside its storage", checkpointZip(tensorPickle(4, 3, {2, 2}, {2, 1})), "outside");
    bin("negative offset", checkpointZip(tensorPickle(4, -1, {2}, {1})), "negative storage offset");
    // --- config.json
    auto cfg = [](const QString& n, const std::function<void(QJsonObject&)>& edit,
                  const QString& expect) {
        add("config: " + n,
            {[edit](const QString& d) {
                 QJsonObject c = fixtureConfig();
                 edit(c);
                 return QStringList{"predict", modelWithConfig(d + "/m", c), "--text", "hi"};
             },
             expect, "config.json"});
    };
    cfg(
        "dim as a string", [](QJsonObject& c) { c["dim"] = "64"; },
        "\"dim\" must be an integer, not a string");
    cfg(
        "dim 1.5", [](QJsonObject& c) { c["dim"] = 1.5; }, "\"dim\" must be an integer");
    cfg(
        "n_layers 100000", [](QJsonObject& c) { c["n_layers"] = 100000; },
        "\"n_layers\" is 100000");
    cfg(
        "vocab_size 2e9", [](QJsonObject& c) { c["vocab_size"] = 2e9; },
        "\"vocab_size\" is 2000000000");
    cfg(
        "needs more memory than there is",
        [](QJsonObject& c) {
            c["vocab_size"] = 3'000'000;
            c["dim"] = 16384;
            c["n_heads"] = 16;
        },
        "are available");
    cfg(
        "negative heads", [](QJsonObject& c) { c["n_heads"] = -2; }, "\"n_heads\" is -2");
    cfg(
        "dropout 2", [](QJsonObject& c) { c["dropout"] = 2; }, "dropout must be in");
    cfg(
        "id2label of numbers",
        [](QJsonObject& c) {
            c["id2label"] = QJsonObject{{"0", 1}, {"1", 2}};
        },
        "must be a string");
    cfg(
        "unknown model type", [](QJsonObject& c) { c["model_type"] = "gpt9"; },
        "unknown model_type");
    cfg(
        "activation as a number", [](QJsonObject& c) { c["activation"] = 3; }, "must be a string");
    add("config: not JSON",
        {[](const QString& d) {
             return QStringList{"predict", modelWithConfigText(d + "/m", "{oops"), "--text", "hi"};
         },
         "not valid JSON", "config.json"});
    add("config: named pipe", {[](const QString& d) {
                                   const QString m = makeTextModel(d + "/m");
                                   QFile::remove(m + "/config.json");
                                   makeFifo(m + "/config.json");
                                   return QStringList{"predict", m, "--text", "hi"};
                               },
                               "named pipe", "config.json"});
    // --- tokenizers
    auto tok = [](const QString& n, const std::function<void(QJsonObject&)>& edit,
                  const QString& expect) {
        add("tokenizer.json: " + n,
            {[edit](const QString& d) {
                 return QStringList{"tokenize", tokenizerJson(d, edit), "--text", "hello world"};
             },
             expect, "tokenizer.json"});
    };
    tok(
        "added token id 4e8",
        [](QJsonObject& t) {
            t["added_tokens"] =
                QJsonArray{QJsonObject{{"content", "[X]"}, {"id", 400000000}, {"special", true}}};
        },
        "far beyond");
    tok(
        "max_input_chars_per_word 1e7",
        [](QJsonObject& t) {
            QJsonObject m = t["model"].toObject();
            m["max_input_chars_per_word"] = 10000000;
            t["model"] = m;
        },
        "max_input_chars_per_word");
    tok(
        "BertProcessing with empty cls and sep",
        [](QJsonObject& t) {
            t["post_processor"] = QJsonObject{
                {"type", "BertProcessing"}, {"cls", QJsonArray{}}, {"sep", QJsonArray{}}};
        },
        "BertProcessing");
    tok(
        "unsupported model",
        [](QJsonObject& t) {
            t["model"] = QJsonObject{{"type", "Frobnicate"}};
        },
        "not supported");
    add("vocab.txt: duplicate token",
        {[](const QString& d) {
             writeBytes(d + "/vocab.txt", "[PAD]\n[UNK]\nhello\nhello\n");
             return QStringList{"tokenize", d + "/vocab.txt", "--text", "hello"};
         },
         "appears twice", "vocab.txt"});
    add("vocab.txt: named pipe",
        {[](const QString& d) {
             makeFifo(d + "/vocab.txt");
             return QStringList{"tokenize", d + "/vocab.txt", "--text", "hello"};
         },
         "named pipe", "vocab.txt"});
    add("tokenizer.json: not JSON",
        {[](const QString& d) {
             writeBytes(d + "/tokenizer.json", "[1,");
             return QStringList{"tokenize", d + "/tokenizer.json", "--text", "hello"};
         },
         "JSON", "tokenizer.json"});
    // --- datasets
    auto data = [](const QString& n, const std::function<QString(const QString&)> make,
                   const QString& expect, const QString& names, QStringList extra = {}) {
        add("data: " + n, {[make, extra](const QString& d) {
                               const QString m = makeTextModel(d + "/m");
                               return QStringList{"evaluate", m, "--data", make(d)} + extra;
                           },
                           expect, names});
    };
    data(
        "binary file in a folder per label",
        [](const QString& d) {
            writeBytes(d + "/data/negative/a.txt", "bad film");
            writeBytes(d + "/data/positive/b.bin", QByteArray("\x7f"
                                                              "ELF\0\0\0",
                                                              7));
            return d + "/data";
        },
        "binary file", "b.bin");
    data(
        "labels the model does not know",
        [](const QString& d) {
            writeBytes(d + "/d.tsv", "sentence\tlabel\ngood\tfoo\nbad\tbar\n");
            return d + "/d.tsv";
        },
        "does not know: bar, foo", "d.tsv");
    data("label map that is malformed",
         [](const QString& d) {
             writeBytes(d + "/d.tsv", "sentence\tlabel\ngood\tfoo\nbad\tbar\n");
             return d + "/d.tsv";
         },
         "label map", "", {"--label-map", "foo"});
    data("label map to a label the model lacks",
         [](const QString& d) {
             writeBytes(d + "/d.tsv", "sentence\tlabel\ngood\tfoo\nbad\tbar\n");
             return d + "/d.tsv";
         },
         "not one of the model's labels", "", {"--label-map", "foo=LABEL_0,bar=nope"});
    data(
        "JSON Lines with a broken line",
        [](const QString& d) {
            writeBytes(d + "/d.jsonl", "{\"text\": \"a\", \"label\": \"LABEL_0\"}\n{oops\n");
            return d + "/d.jsonl";
        },
        "line 2", "d.jsonl");
    data(
        "named pipe",
        [](const QString& d) {
            makeFifo(d + "/d.tsv");
            return d + "/d.tsv";
        },
        "named pipe", "d.tsv");
    data(
        "missing file", [](const QString& d) { return d + "/nothing.tsv"; }, "does not exist",
        "nothing.tsv");
    // --- training options and run folders
    add("train: NaN regression target",
        {[](const QString& d) {
             const QString m = makeTextModel(d + "/m");
             writeBytes(d + "/r.tsv", "sentence\tlabel\ngood\t1.0\nbad\tnan\nok\t0.5\n");
             return QStringList{"train",  "--model",    m,       "--train",  d + "/r.tsv",
                                "--task", "regression", "--out", d + "/run", "--max-steps",
                                "1"};
         },
         "not a finite number", "r.tsv"});
    // Failures after the run folder or the export's temporary exist: what the app created is
    // removed, the empty folder the user gave stays, and nothing else is touched.
    add("train: a failed start in an existing empty folder",
        {[](const QString& d) {
             const QString m = makeTextModel(d + "/m");
             QDir().mkpath(d + "/run");
             writeBytes(d + "/r.tsv", "sentence\tlabel\na\t1\nb\tinf\n");
             return QStringList{"train",  "--model",    m,       "--train", d + "/r.tsv",
                                "--task", "regression", "--out", d + "/run"};
         },
         "not a finite number", "r.tsv"});
    add("export: a failed export into an existing empty folder",
        {[](const QString& d) {
             const QString m = makeTextModel(d + "/m");
             QDir().mkpath(d + "/empty");
             return QStringList{"export",  m,     "--format", "onnx",
                                "--dtype", "f16", "--out",    d + "/empty"};
         },
         "float32", ""});
    add("train: class weights abc,def",
        {[](const QString& d) {
             const QString m = makeTextModel(d + "/m");
             return QStringList{"train",           "--model", m,       "--train", sst2Train(),
                                "--class-weights", "abc,def", "--out", d + "/run"};
         },
         "class weights: 'abc'", ""});
    add("train: --out is the model folder",
        {[](const QString& d) {
             const QString m = makeTextModel(d + "/m");
             return QStringList{"train", "--model",     m,  "--train", sst2Train(), "--out",
                                m,       "--max-steps", "1"};
         },
         "is not empty", "/m"});
    add("train: --out is a file", {[](const QString& d) {
                                       const QString m = makeTextModel(d + "/m");
                                       writeBytes(d + "/notes.txt", "mine");
                                       return QStringList{"train",          "--model",     m,
                                                          "--train",        sst2Train(),   "--out",
                                                          d + "/notes.txt", "--max-steps", "1"};
                                   },
                                   "not a folder", "notes.txt"});
    add("distill: --out holds files", {[](const QString& d) {
                                           const QString m = makeTextModel(d + "/m");
                                           writeBytes(d + "/out/keep.txt", "mine");
                                           return QStringList{"distill",  "--teacher",   m,
                                                              "--train",  sst2Train(),   "--out",
                                                              d + "/out", "--max-steps", "1"};
                                       },
                                       "is not empty", "/out"});
    add("train: resume a folder with no run",
        {[](const QString& d) {
             QDir().mkpath(d + "/run");
             return QStringList{"train", "--resume", d + "/run"};
         },
         "config.json", "config.json"});
    // --- export targets
    auto exportCase = [](const QString& n, const std::function<QString(const QString&)>& target,
                         const QString& expect, QStringList extra = {}) {
        add("export: " + n, {[target, extra](const QString& d) {
                                 const QString m = makeTextModel(d + "/m");
                                 return QStringList{"export", m, "--out", target(d)} + extra;
                             },
                             expect, ""});
    };
    exportCase(
        "a folder with the user's files",
        [](const QString& d) {
            writeBytes(d + "/Documents/thesis.tex", "years of work");
            return d + "/Documents";
        },
        "thesis.tex");
    exportCase("a folder with the user's files, --overwrite",
               [](const QString& d) {
                   writeBytes(d + "/Documents/thesis.tex", "years of work");
                   return d + "/Documents";
               },
               "thesis.tex", {"--overwrite"});
    exportCase(
        "a regular file",
        [](const QString& d) {
            writeBytes(d + "/file", "data");
            return d + "/file";
        },
        "is a file");
    exportCase(
        "the model's own folder", [](const QString& d) { return d + "/m"; }, "folder of the model");
    exportCase("the model's own folder, --overwrite", [](const QString& d) { return d + "/m/"; },
               "folder of the model", {"--overwrite"});
    exportCase(
        "a folder above the model", [](const QString& d) { return d; }, "contains the model");
    exportCase(
        "an existing folder with a trailing slash",
        [](const QString& d) {
            writeBytes(d + "/x/mine.txt", "mine");
            return d + "/x/";
        },
        "mine.txt");
    exportCase(
        "a previous export without --overwrite",
        [](const QString& d) {
            writeBytes(d + "/prev/config.json", "{}");
            writeBytes(d + "/prev/model.safetensors", "old");
            return d + "/prev";
        },
        "previous export");
    exportCase("an existing .onnx file without --overwrite",
               [](const QString& d) {
                   writeBytes(d + "/m.onnx", "old");
                   return d + "/m.onnx";
               },
               "exists", {"--format", "onnx"});
    // --- bf16 where the CPU lacks it (DISTILBENCH_BF16=off makes any CPU one)
    add("bf16: inference on a CPU without it",
        {[](const QString& d) {
             return QStringList{"predict", makeTextModel(d + "/m"), "--text", "hi", "--dtype",
                                "bf16"};
         },
         "no native bf16", "", "off"});
    add("bf16: training on a CPU without it",
        {[](const QString& d) {
             return QStringList{"train",   "--model",   makeTextModel(d + "/m"),
                                "--train", sst2Train(), "--bf16",
                                "--out",   d + "/run"};
         },
         "no native bf16", "", "off"});
}

// path -> type and content hash of every entry under `root` (FIFOs by type only).
std::map<QString, QByteArray> treeHash(const QString& root) {
    std::map<QString, QByteArray> out;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo fi = it.fileInfo();
        struct stat st {};
        ::lstat(path.toLocal8Bit().constData(), &st);
        QByteArray value = QByteArray::number(int(st.st_mode & S_IFMT));
        if (S_ISREG(st.st_mode)) {
            QFile f(path);
            if (f.open(QIODevice::ReadOnly))
                value += QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha1).toHex();
        }
        out[QDir(root).relativeFilePath(path)] = value;
    }
    return out;
}

QStringList nonEmptyLines(const QByteArray& text) {
    QStringList lines;
    for (const QString& l : QString::fromUtf8(text).split('\n'))
        if (!l.trimmed().isEmpty()) lines << l;
    return lines;
}

}  // namespace

class ReliabilityTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        registerCases();
        QVERIFY2(cases().size() >= 60, qPrintable(QString::number(cases().size())));
    }

    void hostileInput_data() {
        registerCases();
        QTest::addColumn<QString>("name");
        for (const auto& [name, c] : cases()) QTest::newRow(qPrintable(name)) << name;
    }

    void hostileInput() {
        QFETCH(QString, name);
        const Case& c = cases().at(name);
        QTemporaryDir scratch;
        const QStringList args = c.build(scratch.path());
        const auto before = treeHash(scratch.path());
        if (c.bf16.isEmpty())
            qunsetenv("DISTILBENCH_BF16");
        else
            qputenv("DISTILBENCH_BF16", c.bf16);
        const CliResult r = runCli(args, 60000);
        qunsetenv("DISTILBENCH_BF16");
        // Progress ("12% reading data") and notices ("note: ...") may come before; the error
        // itself is one line.
        QStringList lines;
        for (const QString& l : nonEmptyLines(r.err))
            if (!l.startsWith("note: ") && !l.startsWith("warning: ") &&
                !QRegularExpression("^\\d+% ").match(l).hasMatch())
                lines << l;
        const QString diagnosis =
            QString("exit %1, stderr: %2").arg(r.exitCode).arg(QString::fromUtf8(r.err));
        QVERIFY2(r.exitCode == 1 || r.exitCode == 2, qPrintable(diagnosis));
        QVERIFY2(lines.size() == 1, qPrintable(diagnosis));
        QVERIFY2(lines.first().contains(c.expect), qPrintable(diagnosis));
        if (!c.names.isEmpty()) QVERIFY2(lines.first().contains(c.names), qPrintable(diagnosis));
        for (const char* noise : {"Unknown error", "terminate called", "Exception raised from",
                                  "std::bad_alloc", "(no error occurred)"})
            QVERIFY2(!lines.first().contains(QLatin1String(noise)), qPrintable(diagnosis));
        QVERIFY2(treeHash(scratch.path()) == before, "the scratch folder changed");
    }

    // A disk that fills up while writing: the errno text and the path, no partial output.
    void fullDisk() {
        QTemporaryDir scratch;
        const QString model = makeTextModel(scratch.filePath("m"));
        const QString small = scratch.filePath("small");
        QDir().mkpath(small);
        const bool mounted =
            ::mount("tmpfs", small.toLocal8Bit().constData(), "tmpfs", 0, "size=64k") == 0;
        CliResult r;
        if (mounted) {
            r = runCli({"export", model, "--out", small + "/out"});
        } else {
            // No permission to mount: a file-size limit fails the same writes (EFBIG).
            QProcess p;
            p.start("/bin/sh",
                    {"-c", QString("trap '' XFSZ; ulimit -f 64; exec '%1' export '%2' --out '%3'")
                               .arg(DISTILBENCH_CLI, model, small + "/out")});
            QVERIFY(p.waitForFinished(60000));
            r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
            r.err = p.readAllStandardError();
        }
        const QStringList entries =
            QDir(small).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        if (mounted) ::umount(small.toLocal8Bit().constData());
        const QString diagnosis =
            QString("exit %1, stderr: %2").arg(r.exitCode).arg(QString::fromUtf8(r.err));
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(nonEmptyLines(r.err).size(), 1);
        QVERIFY2(r.err.contains(mounted ? "No space left on device" : "File too large"),
                 qPrintable(diagnosis));
        QVERIFY2(r.err.contains("small/"), qPrintable(diagnosis));
        QVERIFY2(entries.isEmpty(),
                 qPrintable(entries.join(", ")));  // no partial export, no temporary
    }

    // kill -9 mid-epoch, then --resume: every loss after the checkpoint equals the uninterrupted
    // run's, and the stale lock of the killed process is reported and taken over.
    void sigkillThenResume() {
        QTemporaryDir scratch;
        const QString model = makeTextModel(scratch.filePath("m"));
        const QStringList common{"--model",
                                 model,
                                 "--train",
                                 sst2Train(),
                                 "--batch-size",
                                 "8",
                                 "--max-steps",
                                 "60",
                                 "--eval-steps",
                                 "6",
                                 "--logging-steps",
                                 "1",
                                 "--validation-split",
                                 "0.1",
                                 "--json"};
        auto losses = [](const QByteArray& out) {
            std::map<int, double> m;
            for (const QByteArray& line : out.split('\n')) {
                const QJsonObject o = QJsonDocument::fromJson(line).object();
                if (o["type"].toString() == "log") m[o["step"].toInt()] = o["loss"].toDouble();
            }
            return m;
        };
        const CliResult full =
            runCli(QStringList{"train"} + common + QStringList{"--out", scratch.filePath("a")});
        QVERIFY2(full.exitCode == 0, full.err.constData());
        const auto reference = losses(full.out);
        QCOMPARE(int(reference.size()), 60);

        QProcess p;
        p.start(DISTILBENCH_CLI,
                QStringList{"train"} + common + QStringList{"--out", scratch.filePath("b")});
        QByteArray seen;
        // Past the first checkpoint (step 6), mid-epoch: kill it without warning.
        while (!seen.contains("\"step\":14") && p.state() != QProcess::NotRunning) {
            p.waitForReadyRead(100);
            seen += p.readAllStandardOutput();
        }
        QVERIFY2(seen.contains("\"step\":14"), seen.constData());
        ::kill(pid_t(p.processId()), SIGKILL);
        p.waitForFinished();
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);

        const CliResult resumed = runCli({"train", "--resume", scratch.filePath("b"), "--json"});
        QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
        QVERIFY2(resumed.out.contains("stale lock"), resumed.out.constData());
        const auto after = losses(resumed.out);
        QVERIFY(!after.empty());
        QVERIFY(after.begin()->first <= 15);
        for (const auto& [step, loss] : after) QCOMPARE(loss, reference.at(step));  // bit for bit
    }

    // Invalid UTF-8 in text fields is replaced, and a warning counts the rows.
    void invalidUtf8IsReplacedWithAWarning() {
        QTemporaryDir scratch;
        const QString model = makeTextModel(scratch.filePath("m"));
        writeBytes(scratch.filePath("d.tsv"),
                   "sentence\tlabel\ngood \xff\xfe film\tLABEL_1\nbad\tLABEL_0\n");
        const CliResult r = runCli({"evaluate", model, "--data", scratch.filePath("d.tsv")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("warning: 1 row holds invalid UTF-8"), r.err.constData());
    }

    // A damaged newest checkpoint (NaN weights, a trainer state edited to step 999999) is never
    // resumed from: resume names it and continues from the newest one that verifies; with no
    // good checkpoint left it stops with an error naming them.
    void resumeSkipsDamagedCheckpoints() {
        QTemporaryDir scratch;
        const QString model = makeTextModel(scratch.filePath("m"));
        const QString run = scratch.filePath("run");
        const CliResult trained =
            runCli({"train", "--model", model, "--train", sst2Train(), "--batch-size", "8",
                    "--max-steps", "12", "--eval-steps", "4", "--save-total-limit", "3",
                    "--validation-split", "0.1", "--out", run, "--json"});
        QVERIFY2(trained.exitCode == 0, trained.err.constData());
        const QString newest = run + "/checkpoints/checkpoint-12";
        const QString middle = run + "/checkpoints/checkpoint-8";
        QVERIFY(QDir(newest).exists() && QDir(middle).exists());
        // NaN weights in checkpoint-12: overwrite the first float of the weights file.
        {
            QFile f(newest + "/model.safetensors");
            QVERIFY(f.open(QIODevice::ReadWrite));
            quint64 headerLength = 0;
            QVERIFY(f.read(reinterpret_cast<char*>(&headerLength), 8) == 8);
            const QJsonObject header =
                QJsonDocument::fromJson(f.read(qint64(headerLength))).object();
            qint64 offset = -1;
            for (auto it = header.begin(); it != header.end(); ++it)
                if (it.key() != "__metadata__" &&
                    it.value().toObject()["dtype"].toString() == "F32") {
                    offset = qint64(it.value().toObject()["data_offsets"].toArray()[0].toDouble());
                    break;
                }
            QVERIFY(offset >= 0);
            const float nan = std::numeric_limits<float>::quiet_NaN();
            QVERIFY(f.seek(8 + qint64(headerLength) + offset));
            QVERIFY(f.write(reinterpret_cast<const char*>(&nan), 4) == 4);
        }
        // checkpoint-8's trainer state edited to step 999999.
        {
            QFile f(middle + "/trainer_state.json");
            QVERIFY(f.open(QIODevice::ReadOnly));
            QJsonObject state = QJsonDocument::fromJson(f.readAll()).object();
            f.close();
            state["global_step"] = 999999;
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(QJsonDocument(state).toJson());
        }
        const CliResult resumed = runCli({"train", "--resume", run, "--json"});
        QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
        QVERIFY2(resumed.out.contains("skipped damaged checkpoints") &&
                     resumed.out.contains("NaN") && resumed.out.contains("999999") &&
                     resumed.out.contains("resuming from checkpoint-4"),
                 resumed.out.constData());

        // With every checkpoint damaged, resume refuses and names them.
        for (const QString& c : QDir(run + "/checkpoints").entryList({"checkpoint-*"}, QDir::Dirs))
            QFile::remove(run + "/checkpoints/" + c + "/trainer_state.json");
        const CliResult refused = runCli({"train", "--resume", run});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("no checkpoint can be resumed from"),
                 refused.err.constData());
    }

    // Commands that render (attention) no longer print Qt's QStandardPaths warning.
    void noQtNoiseOnStderr() {
        // Qt warns when XDG_RUNTIME_DIR is unset, as in CI and many shells.
        const QByteArray runtimeDir = qgetenv("XDG_RUNTIME_DIR");
        qunsetenv("XDG_RUNTIME_DIR");
        const CliResult r = runCli({"attention", "--help"});
        if (!runtimeDir.isEmpty()) qputenv("XDG_RUNTIME_DIR", runtimeDir);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
    }

    // Two writers of one run folder: the second is refused and names the holder.
    void runFolderLock() {
        QTemporaryDir scratch;
        const QString run = scratch.filePath("run");
        QDir().mkpath(run);
        writeBytes(run + "/config.json", "{}");
        const int fd =
            ::open((run + "/.distilbench.lock").toLocal8Bit().constData(), O_RDWR | O_CREAT, 0644);
        QVERIFY(fd >= 0);
        QVERIFY(::flock(fd, LOCK_EX | LOCK_NB) == 0);
        const QByteArray me = QByteArray::number(qint64(::getpid())) + " testhost\n";
        QVERIFY(::write(fd, me.constData(), size_t(me.size())) == me.size());
        const CliResult r = runCli({"train", "--resume", run});
        ::close(fd);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("in use by another training") && r.err.contains("testhost"),
                 r.err.constData());
    }
};

QTEST_GUILESS_MAIN(ReliabilityTest)
#include "test_reliability.moc"
