// #16: the RoBERTa, XLM-R, ALBERT and DeBERTa-v3 tokenizers equal Hugging Face's Rust tokenizers
// (what transformers' fast tokenizers run) id for id and offset for offset, on 30 tricky texts,
// 5 truncated and padded pairs, and all 872 SST-2 dev sentences.
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>
#include <map>
#include <memory>

#include "TokenizerTestSupport.h"
#include "core/tokenizers/Tokenizer.h"

using namespace distilbench;

namespace {
const QString kData = QStringLiteral(DISTILBENCH_TEST_DATA);

// The tokenizer of each reference key, loaded once.
const Tokenizer& tokenizerFor(const QString& key) {
    static std::map<QString, std::unique_ptr<Tokenizer>> cache;
    auto& tok = cache[key];
    if (!tok) {
        const std::map<QString, QString> files{
            {"roberta_bpe", "/vocab/sst2-bpe-roberta/tokenizer.json"},
            {"roberta_bpe_vocab_merges", "/vocab/sst2-bpe-roberta/vocab.json"},
            {"xlmr_unigram", "/vocab/sst2-unigram-xlmr/tokenizer.json"},
            {"albert_spiece", "/vocab/spiece-albert-tokenizer.json"},
            {"xlmr_testspm", "/vocab/test_sentencepiece-xlmr-tokenizer.json"},
            {"debertav3_spm", "/vocab/sst2-spm-deberta-v3/tokenizer.json"}};
        // A .model beside a tokenizer_config.json naming the slow class, as a checkpoint folder
        // holds it: converted as transformers converts it for the fast tokenizer.
        const std::map<QString, std::pair<QString, QString>> models{
            {"albert_spiece_model", {"/vocab/spiece.model", "AlbertTokenizer"}},
            {"xlmr_testspm_model", {"/vocab/test_sentencepiece.model", "XLMRobertaTokenizer"}},
            {"debertav3_spm_model", {"/vocab/sst2-spm-deberta-v3/spm.model", ""}}};
        if (const auto m = models.find(key); m != models.end()) {
            static QTemporaryDir folders;
            QString path = kData + m->second.first;
            if (!m->second.second.isEmpty()) {
                QDir(folders.path()).mkpath(key);
                path = folders.filePath(key + "/" + QFileInfo(path).fileName());
                QFile::copy(kData + m->second.first, path);
                QFile config(folders.filePath(key + "/tokenizer_config.json"));
                config.open(QIODevice::WriteOnly);
                config.write(
                    QStringLiteral(R"({"tokenizer_class": "%1"})").arg(m->second.second).toUtf8());
            }
            tok = Tokenizer::load(path.toStdString());
        } else {
            tok = Tokenizer::load((kData + files.at(key)).toStdString());
        }
    }
    return *tok;
}

QString referenceKey(const QString& key) {
    if (key == "roberta_bpe_vocab_merges") return QStringLiteral("roberta_bpe");
    if (key.endsWith("_model")) return key.chopped(6);
    return key;
}

QStringList strings(const QJsonArray& a) {
    QStringList out;
    for (const auto& v : a) out << v.toString();
    return out;
}
QStringList strings(const std::vector<std::string>& v) {
    QStringList out;
    for (const auto& s : v) out << QString::fromStdString(s);
    return out;
}

void compare(const Encoding& e, const QJsonObject& ref, bool tokens = true) {
    QCOMPARE(ints(e.ids), ints(ref["ids"].toArray()));
    if (tokens) QCOMPARE(strings(e.tokens), strings(ref["tokens"].toArray()));
    QCOMPARE(flatOffsets(e.offsets), flatOffsets(ref["offsets"].toArray()));
    QCOMPARE(ints(e.typeIds), ints(ref["type_ids"].toArray()));
    QCOMPARE(ints(e.wordIds), ints(ref["word_ids"].toArray()));
    QCOMPARE(ints(e.sequenceIds), ints(ref["sequence_ids"].toArray()));
    QCOMPARE(ints(e.specialTokensMask), ints(ref["special_tokens_mask"].toArray()));
    QCOMPARE(ints(e.attentionMask), ints(ref["attention_mask"].toArray()));
}

const QStringList kKeys{"roberta_bpe",         "roberta_bpe_vocab_merges",
                        "xlmr_unigram",        "albert_spiece",
                        "xlmr_testspm",        "debertav3_spm",
                        "albert_spiece_model", "xlmr_testspm_model",
                        "debertav3_spm_model"};
}  // namespace

class TokenizerFamiliesTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void texts_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonObject>("ref");
        for (const QString& key : kKeys) {
            const QJsonArray results = readJson(kData + "/tokenizer-families/rust_" +
                                                referenceKey(key) + ".json")["results"]
                                           .toArray();
            for (int i = 0; i < results.size(); ++i)
                QTest::newRow(qPrintable(QString("%1 #%2").arg(key).arg(i)))
                    << key << results[i].toObject();
        }
    }
    void texts() {
        QFETCH(QString, key);
        QFETCH(QJsonObject, ref);
        const Tokenizer& tok = tokenizerFor(key);
        const Encoding e = tok.encode(ref["text"].toString().toStdString());
        compare(e, ref);
        QCOMPARE(QString::fromStdString(tok.decode(e.ids)), ref["decoded"].toString());
        QCOMPARE(QString::fromStdString(tok.decode(e.ids, false)),
                 ref["decoded_with_specials"].toString());
    }

    void pairs_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonObject>("ref");
        for (const QString& key : kKeys) {
            const QJsonArray pairs =
                readJson(kData + "/tokenizer-families/rust_" + referenceKey(key) + ".json")["pairs"]
                    .toArray();
            for (int i = 0; i < pairs.size(); ++i)
                QTest::newRow(qPrintable(QString("%1 pair #%2").arg(key).arg(i)))
                    << key << pairs[i].toObject();
        }
    }
    void pairs() {
        QFETCH(QString, key);
        QFETCH(QJsonObject, ref);
        EncodeOptions options;
        options.maxLength = 24;
        options.padding = Padding::MaxLength;
        const Encoding e = tokenizerFor(key).encode(ref["a"].toString().toStdString(),
                                                    ref["b"].toString().toStdString(), options);
        compare(e, ref);
    }

    void sst2Dev_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("file");
        QTest::newRow("roberta_bpe") << "roberta_bpe"
                                     << "sst2_dev_roberta_bpe.jsonl";
    }
    void sst2Dev() {
        QFETCH(QString, key);
        QFETCH(QString, file);
        const Tokenizer& tok = tokenizerFor(key);
        QFile f(kData + "/tokenizer-families/" + file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        int rows = 0;
        while (!f.atEnd()) {
            const QByteArray line = f.readLine().trimmed();
            if (line.isEmpty()) continue;
            const QJsonObject ref = QJsonDocument::fromJson(line).object();
            const Encoding e = tok.encode(ref["sentence"].toString().toStdString());
            if (ints(e.ids) != ints(ref["ids"].toArray()) ||
                flatOffsets(e.offsets) != flatOffsets(ref["offsets"].toArray()))
                QFAIL(qPrintable("differs on: " + ref["sentence"].toString()));
            ++rows;
        }
        QCOMPARE(rows, 872);
    }
};

QTEST_MAIN(TokenizerFamiliesTest)
#include "test_tokenizer_families.moc"
