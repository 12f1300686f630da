#include <QJsonObject>

#include "app/cli/CliSupport.h"
#include "core/data/TableReader.h"
#include "core/inference/Benchmark.h"
#include "core/tokenizers/Tokenizer.h"
#include "core/util/HumanUnits.h"

using namespace distilbench;

namespace {

QJsonObject encodingToJson(const Encoding& e) {
    QJsonArray offsets, wordIds;
    for (const auto& [b, en] : e.offsets) offsets.append(QJsonArray{b, en});
    for (int w : e.wordIds) wordIds.append(w < 0 ? QJsonValue() : QJsonValue(w));
    QJsonObject o{{"ids", toJsonArray(e.ids)},
                  {"tokens", toJsonArray(e.tokens)},
                  {"offsets", offsets},
                  {"type_ids", toJsonArray(e.typeIds)},
                  {"attention_mask", toJsonArray(e.attentionMask)},
                  {"special_tokens_mask", toJsonArray(e.specialTokensMask)},
                  {"word_ids", wordIds}};
    if (!e.overflowing.empty()) {
        QJsonArray overflow;
        for (const auto& x : e.overflowing) overflow.append(encodingToJson(x));
        o["overflowing"] = overflow;
    }
    return o;
}

int runTokenize(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({"text", "Text to tokenize (repeat for a batch).", "T"});
    p.addOption({"text-pair", "Second text of a pair (one per --text).", "P"});
    p.addOption({"max-length", "Truncate to N tokens including special tokens.", "N"});
    p.addOption({"truncation", "longest_first (default), only_first or only_second.", "S",
                 "longest_first"});
    p.addOption({"padding", "none (default), longest or max_length.", "P", "none"});
    p.addOption({"padding-side", "right (default) or left.", "SIDE", "right"});
    p.addOption({"stride", "Overlap of overflowing windows (with --max-length).", "N"});
    p.addOption({"return-overflowing", "Also return the windows past --max-length."});
    p.addOption({"no-special-tokens", "Do not add [CLS]/[SEP]."});
    p.addOption({"json", "Print JSON (one object, or an array for several texts)."});
    if (!parseCommand(p, args, "Tokenize text exactly as Hugging Face does.", "TOKENIZER",
                      "Model folder, vocab.txt, tokenizer.json or SentencePiece .model."))
        return kExitOk;
    const QStringList texts = p.values("text"), pairs = p.values("text-pair");
    if (texts.isEmpty()) throw UsageError{"give at least one --text"};
    if (!pairs.isEmpty() && pairs.size() != texts.size())
        throw UsageError{"give one --text-pair per --text"};
    EncodeOptions opt;
    opt.maxLength = intOption(p, "max-length", 0, 1);
    opt.stride = intOption(p, "stride", 0, 0);
    opt.returnOverflowing = p.isSet("return-overflowing");
    opt.addSpecialTokens = !p.isSet("no-special-tokens");
    if (!parseTruncation(p.value("truncation").toStdString(), opt.truncation))
        throw UsageError{"--truncation must be longest_first, only_first or only_second"};
    if (!parsePadding(p.value("padding").toStdString(), opt.padding))
        throw UsageError{"--padding must be none, longest or max_length"};
    if (opt.padding == Padding::MaxLength && opt.maxLength == 0)
        throw UsageError{"--padding max_length needs --max-length"};
    const QString side = p.value("padding-side");
    if (side != "right" && side != "left") throw UsageError{"--padding-side must be right or left"};
    opt.paddingSide = side == "left" ? Side::Left : Side::Right;

    const auto tokenizer =
        Tokenizer::load(resolveModelArgument(p.positionalArguments().first()).toStdString());
    std::vector<std::string> t, pr;
    for (const auto& s : texts) t.push_back(s.toStdString());
    for (const auto& s : pairs) pr.push_back(s.toStdString());
    const auto encodings = tokenizer->encodeBatch(t, pr, opt);
    if (p.isSet("json")) {
        if (encodings.size() == 1) {
            printJson(encodingToJson(encodings[0]));
        } else {
            QJsonArray all;
            for (const auto& e : encodings) all.append(encodingToJson(e));
            printJson(all);
        }
        return kExitOk;
    }
    for (const auto& e : encodings) {
        QStringList parts;
        for (std::size_t i = 0; i < e.size(); ++i)
            parts
                << QStringLiteral("%1(%2)").arg(QString::fromStdString(e.tokens[i])).arg(e.ids[i]);
        out() << parts.join(' ') << "\n";
    }
    return kExitOk;
}

int runBenchTokenizer(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({"file", "CSV or TSV file with a header.", "FILE"});
    p.addOption({"column", "Column holding the text (default: sentence).", "C", "sentence"});
    p.addOption({"repeats", "Passes over the file; the best is reported (default 3).", "N"});
    p.addOption({"json", "Print JSON."});
    if (!parseCommand(p, args, "Tokenizer speed on one thread: sentences/s and tokens/s.",
                      "TOKENIZER", "Model folder, vocab.txt, tokenizer.json or .model."))
        return kExitOk;
    if (!p.isSet("file")) throw UsageError{"--file is required"};
    const auto tokenizer =
        Tokenizer::load(resolveModelArgument(p.positionalArguments().first()).toStdString());
    const std::string file = p.value("file").toStdString();
    const Table table = TableReader::read(file);
    const std::size_t col = table.column(p.value("column").toStdString(), file);
    std::vector<std::string> sentences;
    sentences.reserve(table.rows.size());
    for (const auto& row : table.rows) sentences.push_back(row[col]);
    const auto b = benchmarkTokenizer(*tokenizer, sentences, intOption(p, "repeats", 3, 1));
    if (p.isSet("json")) {
        printJson(QJsonObject{{"sentences", double(b.sentences)},
                              {"tokens", double(b.tokens)},
                              {"bytes", double(b.bytes)},
                              {"seconds", b.seconds},
                              {"sentences_per_second", b.sentencesPerSecond},
                              {"tokens_per_second", b.tokensPerSecond},
                              {"threads", 1}});
    } else {
        out() << QString(
                     "%1 sentences, %2 tokens in %3 on one thread: %4 sentences/s, %5 tokens/s\n")
                     .arg(b.sentences)
                     .arg(b.tokens)
                     .arg(QString::fromStdString(formatDuration(b.seconds)))
                     .arg(b.sentencesPerSecond, 0, 'f', 0)
                     .arg(b.tokensPerSecond, 0, 'f', 0);
    }
    return kExitOk;
}

}  // namespace

std::vector<CliCommand> tokenizerCommands() {
    // Summaries: app/cli/CommandTable.h.
    return {{"tokenize", runTokenize}, {"bench-tokenizer", runBenchTokenizer}};
}
