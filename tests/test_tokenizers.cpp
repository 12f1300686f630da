// Tokenization must equal Hugging Face's Rust tokenizers id for id and offset for offset.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "TokenizerTestSupport.h"
#include "core/runtime/Error.h"
#include "core/sentencepiece/SentencePieceLibrary.h"
#include "core/tokenizers/Tokenizer.h"
#include "core/tokenizers/Unicode.h"
#include "core/tokenizers/WordPieceTokenizer.h"

using namespace distilbench;

namespace {
const QString kData = QStringLiteral(DISTILBENCH_TEST_DATA);

std::unique_ptr<Tokenizer> loadTokenizer(const QString& which) {
    if (which == "tokenizer.json")
        return Tokenizer::load((kData + "/vocab/bert-base-uncased-tokenizer.json").toStdString());
    return Tokenizer::load((kData + "/vocab/bert-base-uncased-vocab.txt").toStdString());
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

template <typename F>
void expectError(F&& f, const char* fragment) {
    try {
        f();
        QFAIL("expected an error");
    } catch (const Error& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(fragment), e.what());
    }
}
}  // namespace

class TokenizersTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Canonical decompositions that contain astral characters (UTF-16 surrogate pairs): the
    // pair was built from `d[i], d[++i]`, whose evaluation order is unspecified (GCC's
    // -Wsequence-point found it), and gave a wrong code point.
    void decompositionWithSurrogatePairs_data() {
        QTest::addColumn<uint>("input");
        QTest::addColumn<uint>("first");
        QTest::addColumn<uint>("second");
        QTest::newRow("musical half note") << 0x1D15Eu << 0x1D157u << 0x1D165u;
        QTest::newRow("musical quarter note") << 0x1D15Fu << 0x1D158u << 0x1D165u;
    }
    void decompositionWithSurrogatePairs() {
        QFETCH(uint, input);
        QFETCH(uint, first);
        QFETCH(uint, second);
        std::u32string out;
        unicode::decomposeCanonical(static_cast<char32_t>(input), out);
        QCOMPARE(out.size(), std::size_t(2));
        QCOMPARE(static_cast<uint>(out[0]), first);
        QCOMPARE(static_cast<uint>(out[1]), second);
    }

    void rustParity_data() {
        QTest::addColumn<QString>("loader");
        QTest::addColumn<QJsonObject>("ref");
        const QJsonArray results =
            readJson(kData + "/tokenizer/rust_ref.json")["results"].toArray();
        for (const char* loader : {"tokenizer.json", "vocab.txt"})
            for (int i = 0; i < results.size(); ++i)
                QTest::newRow(qPrintable(QString("%1 #%2").arg(loader).arg(i)))
                    << QString(loader) << results[i].toObject();
    }

    void rustParity() {
        QFETCH(QString, loader);
        QFETCH(QJsonObject, ref);
        static std::map<QString, std::unique_ptr<Tokenizer>> cache;
        auto& tok = cache[loader];
        if (!tok) tok = loadTokenizer(loader);
        const Encoding e = tok->encode(ref["text"].toString().toStdString());
        QCOMPARE(ints(e.ids), ints(ref["ids"].toArray()));
        QStringList tokens;
        for (const auto& t : e.tokens) tokens << QString::fromStdString(t);
        QStringList refTokens;
        for (const auto& t : ref["tokens"].toArray()) refTokens << t.toString();
        QCOMPARE(tokens, refTokens);
        QCOMPARE(flatOffsets(e.offsets), flatOffsets(ref["offsets"].toArray()));
        QCOMPARE(ints(e.typeIds), ints(ref["type_ids"].toArray()));
        QCOMPARE(ints(e.wordIds), ints(ref["word_ids"].toArray()));
        QCOMPARE(ints(e.specialTokensMask), ints(ref["special_mask"].toArray()));
        QCOMPARE(QString::fromStdString(tok->decode(e.ids)), ref["decoded"].toString());
    }

    void pairTruncatedAndPadded() {
        const QJsonObject ref =
            readJson(kData + "/tokenizer/rust_ref.json")["pair_pad16_trunc16"].toObject();
        auto tok = loadTokenizer("tokenizer.json");
        EncodeOptions opt;
        opt.maxLength = 16;
        opt.padding = Padding::MaxLength;
        const Encoding e = tok->encode(
            "The quick brown fox jumps over the lazy dog.",
            std::string_view("A second, rather longer sentence that keeps going for a while."),
            opt);
        QCOMPARE(ints(e.ids), ints(ref["ids"].toArray()));
        QCOMPARE(ints(e.typeIds), ints(ref["type_ids"].toArray()));
        QCOMPARE(ints(e.attentionMask), ints(ref["attention_mask"].toArray()));
        QCOMPARE(flatOffsets(e.offsets), flatOffsets(ref["offsets"].toArray()));
    }

    void sst2DevIdentical_data() {
        QTest::addColumn<QString>("loader");
        QTest::newRow("tokenizer.json") << "tokenizer.json";
        QTest::newRow("vocab.txt") << "vocab.txt";
    }
    void sst2DevIdentical() {
        QFETCH(QString, loader);
        auto tok = loadTokenizer(loader);
        QFile f(kData + "/tokenizer/sst2_dev_bert-base-uncased.jsonl");
        QVERIFY(f.open(QIODevice::ReadOnly));
        int rows = 0;
        while (!f.atEnd()) {
            const QByteArray line = f.readLine().trimmed();
            if (line.isEmpty()) continue;
            const QJsonObject ref = QJsonDocument::fromJson(line).object();
            const Encoding e = tok->encode(ref["sentence"].toString().toStdString());
            if (ints(e.ids) != ints(ref["ids"].toArray()) ||
                flatOffsets(e.offsets) != flatOffsets(ref["offsets"].toArray()))
                QFAIL(qPrintable("differs on: " + ref["sentence"].toString()));
            ++rows;
        }
        QCOMPARE(rows, 872);
    }

    void casedVocabKeepsCase() {
        QTemporaryDir dir;
        QFile::copy(kData + "/vocab/bert-base-cased-vocab.txt", dir.filePath("vocab.txt"));
        writeFile(dir.filePath("tokenizer_config.json"),
                  R"({"do_lower_case": false, "model_max_length": 512})");
        auto tok = Tokenizer::load(dir.path().toStdString());
        const Encoding e = tok->encode("Hello Zürich");
        QCOMPARE(e.tokens[1], std::string("Hello"));
        QVERIFY(std::find(e.tokens.begin(), e.tokens.end(), std::string("Z")) != e.tokens.end() ||
                std::find(e.tokens.begin(), e.tokens.end(), std::string("Zürich")) !=
                    e.tokens.end());
        QCOMPARE(tok->vocabSize(), std::size_t(28996));
    }

    void miniLmTokenizerJson() {
        auto tok =
            Tokenizer::load((kData + "/vocab/all-minilm-l6-v2-tokenizer.json").toStdString());
        const Encoding e = tok->encode("Hello world, tokenizers!");
        QCOMPARE(e.tokens.front(), std::string("[CLS]"));
        QCOMPARE(e.tokens.back(), std::string("[SEP]"));
        QCOMPARE(e.ids[1], std::int64_t(7592));  // "hello", as in bert-base-uncased
        QCOMPARE(QString::fromStdString(tok->decode(e.ids)), QString("hello world, tokenizers!"));
    }

    void truncationStrategies_data() {
        QTest::addColumn<QString>("strategy");
        QTest::addColumn<int>("firstLen");
        QTest::addColumn<int>("secondLen");
        // first: 10 tokens, second: 4 tokens, max_length 12 -> 9 for text
        QTest::newRow("longest_first") << "longest_first" << 5 << 4;
        QTest::newRow("only_first") << "only_first" << 5 << 4;
        QTest::newRow("only_second") << "only_second" << -1 << -1;  // cannot remove 5 from 4
    }
    void truncationStrategies() {
        QFETCH(QString, strategy);
        QFETCH(int, firstLen);
        QFETCH(int, secondLen);
        auto tok = loadTokenizer("tokenizer.json");
        EncodeOptions opt;
        opt.maxLength = 12;
        QVERIFY(parseTruncation(strategy.toStdString(), opt.truncation));
        auto run = [&] {
            return tok->encode("one two three four five six seven eight nine ten",
                               std::string_view("a b c d"), opt);
        };
        if (firstLen < 0) {
            expectError(run, "only the second");
            return;
        }
        const Encoding e = run();
        QCOMPARE(int(std::count(e.sequenceIds.begin(), e.sequenceIds.end(), 0)), firstLen);
        QCOMPARE(int(std::count(e.sequenceIds.begin(), e.sequenceIds.end(), 1)), secondLen);
        QCOMPARE(int(e.size()), 12);
    }

    void paddingSidesAndBatch() {
        auto tok = loadTokenizer("tokenizer.json");
        EncodeOptions opt;
        opt.padding = Padding::Longest;
        opt.paddingSide = Side::Left;
        const auto batch = tok->encodeBatch({"short", "a much longer sentence here"}, {}, opt);
        QCOMPARE(batch[0].size(), batch[1].size());
        QCOMPARE(batch[0].ids.front(), std::int64_t(0));
        QCOMPARE(batch[0].attentionMask.front(), std::int64_t(0));
        QCOMPARE(batch[0].ids.back(), std::int64_t(102));
        QCOMPARE(batch[0].wordIds.front(), -1);
        QCOMPARE(batch[0].specialTokensMask.front(), std::int64_t(1));
    }

    void overflowWindowsWithStride() {
        auto tok = loadTokenizer("tokenizer.json");
        EncodeOptions opt;
        opt.maxLength = 8;  // 6 text tokens per window
        opt.stride = 2;
        opt.returnOverflowing = true;
        const Encoding e =
            tok->encode("one two three four five six seven eight nine ten eleven twelve", opt);
        // 12 words -> windows start at 0, 4, 8: the last one reaches the end
        QCOMPARE(e.overflowing.size(), std::size_t(2));
        QCOMPARE(e.tokens[1], std::string("one"));
        QCOMPARE(e.overflowing[0].tokens[1], std::string("five"));  // 2 tokens of overlap
        QCOMPARE(e.overflowing[1].tokens[1], std::string("nine"));
        QCOMPARE(e.overflowing[1].tokens[e.overflowing[1].size() - 2], std::string("twelve"));
        for (const auto& o : e.overflowing) QCOMPARE(o.tokens.front(), std::string("[CLS]"));
    }

    void badInput() {
        auto tok = loadTokenizer("vocab.txt");
        // Invalid UTF-8 is replaced, never a crash; offsets stay inside the text.
        const Encoding e = tok->encode(std::string("caf\xC3 ok \xFF\xFE end", 13));
        QVERIFY(e.size() >= 4);
        for (const auto& [b, en] : e.offsets) QVERIFY(b >= 0 && en <= 13 && b <= en);
        QCOMPARE(tok->encode("").size(), std::size_t(2));

        QTemporaryDir dir;
        writeFile(dir.filePath("nospecial.txt"), "hello\nworld\n[UNK]\n");
        expectError([&] { Tokenizer::load(dir.filePath("nospecial.txt").toStdString()); },
                    "no special token '[CLS]'");
        writeFile(dir.filePath("nounk.txt"), "[CLS]\n[SEP]\nhello\n");
        expectError([&] { Tokenizer::load(dir.filePath("nounk.txt").toStdString()); },
                    "no unknown token '[UNK]'");
        writeFile(dir.filePath("dup.txt"), "[PAD]\n[UNK]\n[CLS]\n[SEP]\nhello\nhello\n");
        expectError([&] { Tokenizer::load(dir.filePath("dup.txt").toStdString()); },
                    "'hello' appears twice (lines 5 and 6)");
        writeFile(dir.filePath("broken.json"), "{\"model\": {\"vocab\": ");
        expectError([&] { Tokenizer::load(dir.filePath("broken.json").toStdString()); },
                    "not valid JSON");
        writeFile(dir.filePath("bpe.json"),
                  R"({"model": {"type": "BPE", "vocab": {"a": 0}, "merges": []}})");
        expectError([&] { Tokenizer::load(dir.filePath("bpe.json").toStdString()); },
                    "BPE needs the ByteLevel pre-tokenizer");
        expectError([&] { Tokenizer::load(dir.filePath("missing.txt").toStdString()); },
                    "does not exist");
    }

    void megabyteText() {
        auto tok = loadTokenizer("tokenizer.json");
        std::string text;
        while (text.size() < (1 << 20))
            text += "the movie was surprisingly good, with unforgettable performances. ";
        const Encoding e = tok->encode(text);
        QVERIFY(e.size() > 150000);
        QCOMPARE(e.offsets[e.size() - 2].second,
                 int(text.size()) - 1);  // last "." before the trailing space
        // A 1 MB "word" without spaces is one [UNK], not a quadratic search.
        const Encoding w = tok->encode(std::string(1 << 20, 'x'));
        QCOMPARE(w.size(), std::size_t(3));
        QCOMPARE(w.tokens[1], std::string("[UNK]"));
    }

    void sentencePieceModel() {
        auto& library = SentencePieceLibrary::instance();
        QVERIFY2(library.available(), library.loadError().c_str());
        QTemporaryDir dir;
        QFile corpus(dir.filePath("corpus.txt"));
        QVERIFY(corpus.open(QIODevice::WriteOnly));
        for (int i = 0; i < 100; ++i)
            corpus.write(
                "the film is lovely and the plot is clever\nanother dull movie with a weak plot\n");
        corpus.close();
        const std::string error = library.create()->train(
            "--input=" + corpus.fileName().toStdString() +
            " --model_prefix=" + dir.filePath("spiece").toStdString() +
            " --vocab_size=40 --character_coverage=1.0 --minloglevel=2 --num_threads=1"
            " --control_symbols=[CLS],[SEP] --pad_id=3 --pad_piece=[PAD]");
        QVERIFY2(error.empty(), error.c_str());
        auto tok = Tokenizer::load(dir.path().toStdString());
        QCOMPARE(tok->kind(), std::string("SentencePiece"));
        const Encoding e = tok->encode("the plot is lovely");
        QCOMPARE(e.tokens.front(), std::string("[CLS]"));
        QCOMPARE(e.tokens.back(), std::string("[SEP]"));
        QCOMPARE(e.offsets[1].first, 0);
        QCOMPARE(e.offsets[e.size() - 2].second, 18);
        QCOMPARE(tok->decode(e.ids), std::string("the plot is lovely"));
    }
};

QTEST_GUILESS_MAIN(TokenizersTest)
#include "test_tokenizers.moc"
