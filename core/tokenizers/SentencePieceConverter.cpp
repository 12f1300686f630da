#include "core/tokenizers/SentencePieceConverter.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <filesystem>
#include <map>

#include "core/tokenizers/SentencePieceModelFile.h"
#include "core/tokenizers/UnigramTokenizer.h"
#include "core/util/JsonFile.h"

namespace distilbench {
namespace fs = std::filesystem;

namespace {

enum class Layout { None, Albert, XlmRoberta, Deberta };

Layout layoutOf(const fs::path& folder) {
    const QJsonObject config = readJsonObject((folder / "tokenizer_config.json").string(), false);
    QString cls = config.value("tokenizer_class").toString();
    if (cls.endsWith("Fast")) cls.chop(4);
    if (cls == "AlbertTokenizer") return Layout::Albert;
    if (cls == "XLMRobertaTokenizer") return Layout::XlmRoberta;
    if (cls == "DebertaV2Tokenizer") return Layout::Deberta;
    const QString type =
        readJsonObject((folder / "config.json").string(), false).value("model_type").toString();
    if (type == "albert") return Layout::Albert;
    if (type == "xlm-roberta") return Layout::XlmRoberta;
    if (type == "deberta-v2") return Layout::Deberta;
    return Layout::None;
}

QJsonObject special(const QString& id, int type) {
    return QJsonObject{{"SpecialToken", QJsonObject{{"id", id}, {"type_id", type}}}};
}
QJsonObject sequence(const QString& id, int type) {
    return QJsonObject{{"Sequence", QJsonObject{{"id", id}, {"type_id", type}}}};
}

}  // namespace

std::unique_ptr<Tokenizer> convertSentencePieceModel(const std::string& modelPath) {
    const fs::path folder = fs::path(modelPath).parent_path();
    const Layout layout = layoutOf(folder);
    if (layout == Layout::None) return nullptr;
    const SentencePieceModelFile spm = SentencePieceModelFile::read(modelPath);
    if (spm.modelType != SentencePieceModelFile::ModelType::Unigram || spm.byteFallback)
        return nullptr;
    const QJsonObject config = readJsonObject((folder / "tokenizer_config.json").string(), false);

    // The vocabulary: XLM-R puts fairseq's four specials first and shifts the pieces by one.
    QJsonArray vocab;
    int unkId = spm.unknownId();
    std::size_t firstPiece = 0;
    if (layout == Layout::XlmRoberta) {
        for (const char* s : {"<s>", "<pad>", "</s>", "<unk>"}) vocab.append(QJsonArray{s, 0.0});
        firstPiece = 3;
        unkId = 3;
    }
    for (std::size_t i = firstPiece; i < spm.pieces.size(); ++i)
        vocab.append(QJsonArray{QString::fromStdString(spm.pieces[i].text),
                                static_cast<double>(spm.pieces[i].score)});
    if (layout == Layout::XlmRoberta) vocab.append(QJsonArray{"<mask>", 0.0});
    std::map<QString, qint64> idOf;
    for (qsizetype i = 0; i < vocab.size(); ++i) idOf.emplace(vocab[i].toArray()[0].toString(), i);

    // Normalizers as the 4.36 converters write them.
    QJsonArray normalizers;
    auto replace = [](const QJsonObject& pattern, const QString& content) {
        return QJsonObject{{"type", "Replace"}, {"pattern", pattern}, {"content", content}};
    };
    if (layout == Layout::Albert) {
        normalizers.append(replace({{"String", "``"}}, "\""));
        normalizers.append(replace({{"String", "''"}}, "\""));
        if (!config.value("keep_accents").toBool(false)) {
            normalizers.append(QJsonObject{{"type", "NFKD"}});
            normalizers.append(QJsonObject{{"type", "StripAccents"}});
        }
        if (config.value("do_lower_case").toBool(true))
            normalizers.append(QJsonObject{{"type", "Lowercase"}});
    }
    if (layout == Layout::Deberta) {
        if (config.value("do_lower_case").toBool(false))
            normalizers.append(QJsonObject{{"type", "Lowercase"}});
        normalizers.append(
            QJsonObject{{"type", "Strip"}, {"strip_left", true}, {"strip_right", true}});
    }
    if (!spm.precompiledCharsmap.empty())
        normalizers.append(QJsonObject{
            {"type", "Precompiled"},
            {"precompiled_charsmap",
             QString::fromLatin1(QByteArray::fromStdString(spm.precompiledCharsmap).toBase64())}});
    normalizers.append(replace({{"Regex", " {2,}"}}, " "));

    // Special tokens: those the folder declares (added_tokens_decoder), else the family's.
    QJsonArray added;
    const QJsonObject declared = config.value("added_tokens_decoder").toObject();
    for (auto it = declared.begin(); it != declared.end(); ++it) {
        QJsonObject t = it.value().toObject();
        t["id"] = it.key().toLongLong();
        added.append(t);
    }
    const bool bertNames = layout != Layout::XlmRoberta;
    const QString cls = bertNames ? "[CLS]" : "<s>", sep = bertNames ? "[SEP]" : "</s>",
                  mask = bertNames ? "[MASK]" : "<mask>";
    if (added.isEmpty()) {
        const QString pad = layout == Layout::Deberta ? "[PAD]" : "<pad>";
        const QString unk = layout == Layout::Deberta ? "[UNK]" : "<unk>";
        for (const QString& name : {pad, unk, cls, sep, mask}) {
            qint64 id = idOf.count(name) ? idOf.at(name) : -1;
            if (id < 0 && name == mask) id = vocab.size();  // DeBERTa adds [MASK] after the pieces
            if (id < 0) continue;
            added.append(QJsonObject{{"id", id},
                                     {"content", name},
                                     {"single_word", false},
                                     {"lstrip", name == mask && layout != Layout::Deberta},
                                     {"rstrip", false},
                                     {"normalized", false},
                                     {"special", true}});
        }
    }
    const int pairType = layout == Layout::XlmRoberta ? 0 : 1;
    QJsonArray single{special(cls, 0), sequence("A", 0), special(sep, 0)};
    QJsonArray pair{special(cls, 0), sequence("A", 0), special(sep, 0)};
    if (layout == Layout::XlmRoberta) pair.append(special(sep, 0));
    pair.append(sequence("B", pairType));
    pair.append(special(sep, pairType));
    auto ids = [&](const QString& name) {
        qint64 id = idOf.count(name) ? idOf.at(name) : -1;
        for (const auto& a : added)
            if (a.toObject().value("content").toString() == name)
                id = a.toObject().value("id").toInteger();
        return QJsonObject{{"id", name}, {"ids", QJsonArray{id}}, {"tokens", QJsonArray{name}}};
    };
    const QJsonObject metaspace{{"type", "Metaspace"},
                                {"replacement", "\u2581"},
                                {"prepend_scheme", "always"},
                                {"split", true}};
    const QJsonObject root{
        {"added_tokens", added},
        {"normalizer", QJsonObject{{"type", "Sequence"}, {"normalizers", normalizers}}},
        {"pre_tokenizer", metaspace},
        {"post_processor",
         QJsonObject{{"type", "TemplateProcessing"},
                     {"single", single},
                     {"pair", pair},
                     {"special_tokens", QJsonObject{{cls, ids(cls)}, {sep, ids(sep)}}}}},
        {"decoder", metaspace},
        {"model", QJsonObject{{"type", "Unigram"}, {"unk_id", unkId}, {"vocab", vocab}}}};
    return UnigramTokenizer::fromTokenizerJson(root, modelPath);
}

}  // namespace distilbench
