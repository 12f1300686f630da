#include "core/export/TokenizerFiles.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>
#include <filesystem>
#include <map>
#include "core/util/AtomicFile.h"

#include "core/runtime/Error.h"
#include "core/tokenizers/WordPieceTokenizer.h"
#include "core/util/JsonFile.h"

namespace distilbench {
namespace fs = std::filesystem;

QJsonObject wordPieceTokenizerJson(const WordPieceTokenizer& t) {
    const SpecialTokens& s = t.specialTokens();
    const auto q = [](const std::string& v) { return QString::fromStdString(v); };
    QJsonArray added;
    for (const auto& [content, id] :
         std::vector<std::pair<std::string, std::int64_t>>{{s.pad, s.padId},
                                                           {s.unk, s.unkId},
                                                           {s.cls, s.clsId},
                                                           {s.sep, s.sepId},
                                                           {s.mask, s.maskId}}) {
        if (id < 0) continue;
        added.append(QJsonObject{{"id", static_cast<double>(id)},
                                 {"content", q(content)},
                                 {"single_word", false},
                                 {"lstrip", false},
                                 {"rstrip", false},
                                 {"normalized", false},
                                 {"special", true}});
    }
    QJsonObject vocab;
    const auto& words = t.vocabulary();
    for (std::size_t i = 0; i < words.size(); ++i) vocab[q(words[i])] = static_cast<double>(i);
    const BertNormalizerOptions& n = t.normalizer();
    QJsonObject normalizer{
        {"type", "BertNormalizer"},
        {"clean_text", n.cleanText},
        {"handle_chinese_chars", n.handleChineseChars},
        {"strip_accents", n.stripAccents ? QJsonValue(*n.stripAccents) : QJsonValue()},
        {"lowercase", n.lowercase}};
    auto special = [&](const std::string& token) {
        return QJsonObject{{"SpecialToken", QJsonObject{{"id", q(token)}, {"type_id", 0}}}};
    };
    auto sequence = [](const char* id, int type) {
        return QJsonObject{{"Sequence", QJsonObject{{"id", id}, {"type_id", type}}}};
    };
    QJsonObject sepPair = special(s.sep);
    QJsonObject sepPairB{{"SpecialToken", QJsonObject{{"id", q(s.sep)}, {"type_id", 1}}}};
    QJsonObject post{
        {"type", "TemplateProcessing"},
        {"single", QJsonArray{special(s.cls), sequence("A", 0), special(s.sep)}},
        {"pair", QJsonArray{special(s.cls), sequence("A", 0), sepPair, sequence("B", 1), sepPairB}},
        {"special_tokens",
         QJsonObject{{q(s.cls), QJsonObject{{"id", q(s.cls)},
                                            {"ids", QJsonArray{static_cast<double>(s.clsId)}},
                                            {"tokens", QJsonArray{q(s.cls)}}}},
                     {q(s.sep), QJsonObject{{"id", q(s.sep)},
                                            {"ids", QJsonArray{static_cast<double>(s.sepId)}},
                                            {"tokens", QJsonArray{q(s.sep)}}}}}}};
    return QJsonObject{
        {"version", "1.0"},
        {"truncation", QJsonValue()},
        {"padding", QJsonValue()},
        {"added_tokens", added},
        {"normalizer", n.enabled ? QJsonValue(normalizer) : QJsonValue()},
        {"pre_tokenizer", QJsonObject{{"type", "BertPreTokenizer"}}},
        {"post_processor", post},
        {"decoder", QJsonObject{{"type", "WordPiece"}, {"prefix", "##"}, {"cleanup", true}}},
        {"model", QJsonObject{{"type", "WordPiece"},
                              {"unk_token", q(s.unk)},
                              {"continuing_subword_prefix", "##"},
                              {"max_input_chars_per_word", 100},
                              {"vocab", vocab}}}};
}

std::string tokenizerClassFor(const std::string& modelType) {
    static const std::map<std::string, std::string> classes{
        {"distilbert", "DistilBertTokenizer"}, {"bert", "BertTokenizer"},
        {"roberta", "RobertaTokenizer"},       {"xlm-roberta", "XLMRobertaTokenizer"},
        {"camembert", "CamembertTokenizer"},   {"electra", "ElectraTokenizer"},
        {"albert", "AlbertTokenizer"},         {"deberta-v2", "DebertaV2Tokenizer"},
    };
    const auto it = classes.find(modelType);
    return it == classes.end() ? std::string() : it->second;
}

namespace {
// A tokenizer_config.json copied from the source keeps everything but a tokenizer class of
// another model type with the same vocabulary format (a DistilBERT fine-tuned from a folder
// whose config says BertTokenizer): AutoTokenizer would build that class and its outputs.
void correctTokenizerClass(const fs::path& file, const std::string& modelType) {
    const std::string wanted = tokenizerClassFor(modelType);
    if (wanted.empty()) return;
    QFile f(QString::fromStdString(file.string()));
    if (!f.open(QIODevice::ReadOnly)) return;
    QJsonObject config = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    QString current = config.value("tokenizer_class").toString();
    const bool fast = current.endsWith("Fast");
    if (fast) current.chop(4);
    // Only WordPiece siblings are exchanged: BERT, DistilBERT and ELECTRA read the same files.
    static const QStringList wordPiece{"BertTokenizer", "DistilBertTokenizer", "ElectraTokenizer"};
    const QString target = QString::fromStdString(wanted);
    if (current.isEmpty() || current == target || !wordPiece.contains(current) ||
        !wordPiece.contains(target))
        return;
    config["tokenizer_class"] = target + (fast ? "Fast" : "");
    writeJsonAtomically(file.string(), config);
}
}  // namespace

void writeTokenizerFiles(const Tokenizer& tokenizer, const std::string& source,
                         const std::string& folder, const std::string& modelType) {
    const fs::path out(folder), src(source);
    const fs::path srcDir = fs::is_directory(src) ? src : src.parent_path();
    std::error_code ec;
    auto copyIfPresent = [&](const char* name) {
        if (fs::exists(srcDir / name))
            fs::copy_file(srcDir / name, out / name, fs::copy_options::overwrite_existing, ec);
        if (ec) throw Error((out / name).string(), "cannot be written: " + ec.message());
        return fs::exists(out / name);
    };
    // A tokenizer given as a single file keeps its own name's role.
    if (!fs::is_directory(src) && fs::exists(src)) {
        const std::string name = src.filename().string();
        // The name each family's slow tokenizer looks for.
        const std::string model = modelType == "xlm-roberta" || modelType == "camembert"
                                      ? "sentencepiece.bpe.model"
                                  : modelType == "deberta-v2" ? "spm.model"
                                  : modelType == "albert"     ? "spiece.model"
                                                              : name;
        const std::string role = name == "vocab.json"       ? name
                                 : name.ends_with(".json")  ? "tokenizer.json"
                                 : name.ends_with(".model") ? model
                                                            : "vocab.txt";
        fs::copy_file(src, out / role, fs::copy_options::overwrite_existing, ec);
    }
    // Every file of each family's tokenizer (WordPiece, byte-level BPE, SentencePiece).
    for (const char* f : {"vocab.txt", "tokenizer.json", "spiece.model", "spm.model",
                          "sentencepiece.bpe.model", "vocab.json", "merges.txt",
                          "added_tokens.json", "tokenizer_config.json", "special_tokens_map.json"})
        copyIfPresent(f);
    const SpecialTokens& s = tokenizer.specialTokens();
    const auto* wordPiece = dynamic_cast<const WordPieceTokenizer*>(&tokenizer);
    if (wordPiece) {
        if (!fs::exists(out / "vocab.txt")) {
            std::string text;
            for (const auto& w : wordPiece->vocabulary()) text += w + '\n';
            writeFileAtomically((out / "vocab.txt").string(), text);
        }
        if (!fs::exists(out / "tokenizer.json"))
            writeJsonAtomically((out / "tokenizer.json").string(),
                                wordPieceTokenizerJson(*wordPiece));
    }
    if (fs::exists(out / "tokenizer_config.json")) {
        correctTokenizerClass(out / "tokenizer_config.json", modelType);
    } else {
        // The model type's class when it reads these files (a RoBERTa trained from scratch on
        // the bundled WordPiece vocabulary has no vocab.json for RobertaTokenizer): otherwise
        // the class of the tokenizer's own kind.
        std::string tokenizerClass = tokenizerClassFor(modelType);
        const std::string kind = tokenizer.kind();
        const bool wordPieceClass = tokenizerClass == "BertTokenizer" ||
                                    tokenizerClass == "DistilBertTokenizer" ||
                                    tokenizerClass == "ElectraTokenizer";
        if (tokenizerClass.empty() || (kind == "WordPiece") != wordPieceClass ||
            (kind == "BPE") != (tokenizerClass == "RobertaTokenizer"))
            tokenizerClass = kind == "WordPiece" ? "BertTokenizer"
                             : kind == "BPE"     ? "RobertaTokenizer"
                                                 : "PreTrainedTokenizerFast";
        QJsonObject config{{"model_max_length", 512},
                           {"tokenizer_class", QString::fromStdString(tokenizerClass)},
                           {"clean_up_tokenization_spaces", true}};
        if (wordPiece) {
            config["do_lower_case"] = wordPiece->normalizer().lowercase;
            config["tokenize_chinese_chars"] = wordPiece->normalizer().handleChineseChars;
            config["strip_accents"] = wordPiece->normalizer().stripAccents
                                          ? QJsonValue(*wordPiece->normalizer().stripAccents)
                                          : QJsonValue();
        }
        for (const auto& [key, value] :
             std::vector<std::pair<const char*, std::string>>{{"unk_token", s.unk},
                                                              {"sep_token", s.sep},
                                                              {"pad_token", s.pad},
                                                              {"cls_token", s.cls},
                                                              {"mask_token", s.mask}})
            config[key] = QString::fromStdString(value);
        writeJsonAtomically((out / "tokenizer_config.json").string(), config);
    }
    if (!fs::exists(out / "special_tokens_map.json"))
        writeJsonAtomically((out / "special_tokens_map.json").string(),
                            QJsonObject{{"unk_token", QString::fromStdString(s.unk)},
                                        {"sep_token", QString::fromStdString(s.sep)},
                                        {"pad_token", QString::fromStdString(s.pad)},
                                        {"cls_token", QString::fromStdString(s.cls)},
                                        {"mask_token", QString::fromStdString(s.mask)}});
}

}  // namespace distilbench
