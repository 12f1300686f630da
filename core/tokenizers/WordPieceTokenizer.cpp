#include "core/tokenizers/WordPieceTokenizer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/runtime/Error.h"
#include "core/tokenizers/Unicode.h"
#include "core/util/FileChecks.h"
#include "core/util/JsonFile.h"

namespace distilbench {

namespace {
constexpr int kMaxInputCharsPerWord = 10'000;
constexpr std::int64_t kMaxAddedTokens = 1'000'000;
}  // namespace
namespace fs = std::filesystem;

namespace {

// BertTokenizer's switches in tokenizer_config.json.
void readNormalizerFlags(const fs::path& folder, BertNormalizerOptions& norm) {
    const auto config = readJsonObject((folder / "tokenizer_config.json").string(), false);
    if (config.contains("do_lower_case"))
        norm.lowercase = config.value("do_lower_case").toBool(true);
    if (config.value("strip_accents").isBool())
        norm.stripAccents = config.value("strip_accents").toBool();
    if (config.contains("tokenize_chinese_chars"))
        norm.handleChineseChars = config.value("tokenize_chinese_chars").toBool(true);
}

}  // namespace

std::unique_ptr<WordPieceTokenizer> WordPieceTokenizer::fromVocab(const std::string& vocabPath) {
    requireRegularFile(vocabPath);  // a named pipe would block the read forever
    std::ifstream in(vocabPath, std::ios::binary);
    if (!in) throw Error(vocabPath, "cannot open");
    auto tok = std::unique_ptr<WordPieceTokenizer>(new WordPieceTokenizer());
    std::string line;
    std::unordered_map<std::string, std::size_t> seen;
    while (std::getline(in, line)) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
            line.pop_back();
        if (tok->vocab_.empty() && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // BOM
        auto [it, inserted] = seen.emplace(line, tok->vocab_.size());
        if (!inserted)
            throw Error(vocabPath, "token '" + line + "' appears twice (lines " +
                                       std::to_string(it->second + 1) + " and " +
                                       std::to_string(tok->vocab_.size() + 1) + ")");
        tok->vocab_.push_back(line);
    }
    if (tok->vocab_.empty()) throw Error(vocabPath, "is empty");
    const fs::path folder = fs::path(vocabPath).parent_path();
    tok->readSpecialTokenFiles(folder.string());
    readNormalizerFlags(folder, tok->normalizer_);
    tok->finishSetup(vocabPath);
    // The five special tokens are added tokens matched in raw text, as transformers does.
    for (const std::string& s : {tok->special_.pad, tok->special_.unk, tok->special_.cls,
                                 tok->special_.sep, tok->special_.mask}) {
        const auto id = tok->tokenToId(s);
        if (id < 0) continue;
        AddedToken a;
        a.content = s;
        a.chars = unicode::decodeUtf8(s);
        a.id = id;
        tok->added_.push_back(a);
        tok->specialIds_.push_back(id);
    }
    tok->indexAddedTokens();
    tok->setDefaultBertTemplate();
    return tok;
}

std::unique_ptr<WordPieceTokenizer> WordPieceTokenizer::fromTokenizerJson(const std::string& path) {
    const QJsonObject root = readJsonObject(path, true);
    const QJsonObject model = root.value("model").toObject();
    if (model.isEmpty()) throw Error(path, "has no \"model\" section");
    const QString type = model.value("type").toString();
    // Older files omit "type": a WordPiece model is the one with a vocab and no merges.
    if (!type.isEmpty() && type != "WordPiece")
        throw Error(path,
                    "tokenizer model '" + type.toStdString() +
                        "' is not supported (WordPiece only; use a .model file for SentencePiece)");
    if (type.isEmpty() && (model.contains("merges") || !model.value("vocab").isObject()))
        throw Error(path, "tokenizer model is not WordPiece (it has merges or no vocab object)");
    auto tok = std::unique_ptr<WordPieceTokenizer>(new WordPieceTokenizer());
    const QJsonObject vocab = model.value("vocab").toObject();
    if (vocab.isEmpty()) throw Error(path, "the WordPiece vocab is empty");
    std::int64_t maxId = -1;
    for (auto it = vocab.begin(); it != vocab.end(); ++it)
        maxId = std::max<std::int64_t>(maxId, it.value().toInteger(-1));
    if (maxId < 0 || maxId > 10'000'000) throw Error(path, "vocab ids are invalid");
    tok->vocab_.assign(static_cast<std::size_t>(maxId + 1), std::string());
    for (auto it = vocab.begin(); it != vocab.end(); ++it) {
        const auto id = it.value().toInteger(-1);
        if (id < 0)
            throw Error(path, "vocab entry '" + it.key().toStdString() + "' has no integer id");
        tok->vocab_[static_cast<std::size_t>(id)] = it.key().toStdString();
    }
    tok->special_.unk = model.value("unk_token").toString("[UNK]").toStdString();
    tok->prefix_ = model.value("continuing_subword_prefix").toString("##").toStdString();
    // WordPiece is quadratic in the word's length: HF's default is 100; beyond a few thousand a
    // crafted value only makes one long word take hours.
    const QJsonValue maxChars = model.value("max_input_chars_per_word");
    if (!maxChars.isUndefined() && !maxChars.isNull() &&
        (!maxChars.isDouble() || maxChars.toDouble() < 1 ||
         maxChars.toDouble() > kMaxInputCharsPerWord))
        throw Error(path, "max_input_chars_per_word must be between 1 and " +
                              std::to_string(kMaxInputCharsPerWord));
    tok->maxInputChars_ = static_cast<std::size_t>(maxChars.toInt(100));

    const QJsonValue normalizer = root.value("normalizer");
    auto applyNormalizer = [&](const QJsonObject& n, auto& self) -> void {
        const QString t = n.value("type").toString();
        if (t == "BertNormalizer") {
            tok->normalizer_.cleanText = n.value("clean_text").toBool(true);
            tok->normalizer_.handleChineseChars = n.value("handle_chinese_chars").toBool(true);
            tok->normalizer_.lowercase = n.value("lowercase").toBool(true);
            if (n.value("strip_accents").isBool())
                tok->normalizer_.stripAccents = n.value("strip_accents").toBool();
        } else if (t == "Sequence") {
            tok->normalizer_ = {true, false, false, false, false};
            for (const auto& item : n.value("normalizers").toArray()) self(item.toObject(), self);
        } else if (t == "Lowercase") {
            tok->normalizer_.lowercase = true;
        } else if (t == "StripAccents") {
            tok->normalizer_.stripAccents = true;
        } else if (t == "NFD") {
        } else {
            throw Error(path, "normalizer '" + t.toStdString() + "' is not supported");
        }
    };
    if (normalizer.isNull() || normalizer.isUndefined())
        tok->normalizer_.enabled = false;
    else
        applyNormalizer(normalizer.toObject(), applyNormalizer);

    const QJsonValue pre = root.value("pre_tokenizer");
    if (pre.isObject()) {
        const QString t = pre.toObject().value("type").toString();
        if (t != "BertPreTokenizer")
            throw Error(path, "pre-tokenizer '" + t.toStdString() +
                                  "' is not supported (BertPreTokenizer only)");
    }
    const QJsonObject decoder = root.value("decoder").toObject();
    tok->cleanup_ = decoder.value("cleanup").toBool(true);

    for (const auto& v : root.value("added_tokens").toArray()) {
        const AddedToken a = readAddedToken(v.toObject(), path);
        // Ids index a table: an id far beyond the vocabulary would allocate gigabytes.
        if (a.id > maxId + kMaxAddedTokens)
            throw Error(path, "added token '" + a.content + "' has id " + std::to_string(a.id) +
                                  ", far beyond the vocabulary of " + std::to_string(maxId + 1));
        if (static_cast<std::size_t>(a.id) >= tok->vocab_.size()) tok->vocab_.resize(a.id + 1);
        if (tok->vocab_[a.id].empty()) tok->vocab_[a.id] = a.content;
        if (a.special) tok->specialIds_.push_back(a.id);
        tok->added_.push_back(a);
    }

    tok->readSpecialTokenFiles(fs::path(path).parent_path().string());
    tok->finishSetup(path);
    tok->indexAddedTokens();

    tok->readPostProcessor(root.value("post_processor").toObject(), path);
    return tok;
}

void WordPieceTokenizer::finishSetup(const std::string& source) {
    source_ = source;
    words_.clear();
    continuations_.clear();
    words_.reserve(vocab_.size());
    for (std::size_t i = 0; i < vocab_.size(); ++i) {
        const std::string& t = vocab_[i];
        words_.emplace(t, static_cast<std::int64_t>(i));
        if (t.size() > prefix_.size() && t.compare(0, prefix_.size(), prefix_) == 0)
            continuations_.emplace(t.substr(prefix_.size()), static_cast<std::int64_t>(i));
    }
    resolveSpecialIds();
    if (special_.unkId < 0)
        throw Error(source, "the vocabulary has no unknown token '" + special_.unk + "'");
    if (source.ends_with(".txt")) {
        for (const auto& [name, id] :
             {std::pair{special_.cls, special_.clsId}, std::pair{special_.sep, special_.sepId},
              std::pair{special_.pad, tokenToId(special_.pad)}})
            if (id < 0) throw Error(source, "the vocabulary has no special token '" + name + "'");
    }
}

void WordPieceTokenizer::indexAddedTokens() {
    sortAddedTokens(added_);
    hasNormalizedAdded_ =
        std::any_of(added_.begin(), added_.end(), [](const AddedToken& a) { return a.normalized; });
}

std::string WordPieceTokenizer::idToToken(std::int64_t id) const {
    return id >= 0 && static_cast<std::size_t>(id) < vocab_.size() ? vocab_[id] : std::string();
}

std::int64_t WordPieceTokenizer::tokenToId(std::string_view token) const {
    auto it = words_.find(token);
    return it == words_.end() ? -1 : it->second;
}

bool WordPieceTokenizer::isContinuation(const std::string& token) const {
    return token.size() > prefix_.size() && token.compare(0, prefix_.size(), prefix_) == 0;
}

void WordPieceTokenizer::normalize(const std::u32string& text, std::size_t begin, std::size_t end,
                                   std::u32string& out, std::vector<int>& align) const {
    const auto& n = normalizer_;
    const bool strip = n.stripsAccents();
    std::u32string buf, lowered;
    for (std::size_t i = begin; i < end; ++i) {
        char32_t c = text[i];
        const int orig = static_cast<int>(i);
        if (!n.enabled) {
            out.push_back(c);
            align.push_back(orig);
            continue;
        }
        if (c < 0x80) {  // fast path: most text is ASCII
            if (n.cleanText) {
                if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
                    continue;
                if (c == '\t' || c == '\n' || c == '\r') c = ' ';
            }
            if (n.lowercase && c >= 'A' && c <= 'Z') c += 32;
            out.push_back(c);
            align.push_back(orig);
            continue;
        }
        if (n.cleanText) {
            if (c == 0xFFFD || unicode::isControl(c)) continue;
            if (unicode::isWhitespace(c)) c = ' ';
        }
        if (n.handleChineseChars && unicode::isChineseChar(c)) {
            out.push_back(' ');
            out.push_back(c);
            out.push_back(' ');
            align.insert(align.end(), 3, orig);
            continue;
        }
        buf.clear();
        if (strip)
            unicode::decomposeCanonical(c, buf);
        else
            buf.push_back(c);
        for (char32_t d : buf) {
            if (strip && unicode::isMarkNonspacing(d)) continue;
            if (n.lowercase) {
                lowered.clear();
                unicode::toLowerFull(d, lowered);
                for (char32_t l : lowered) {
                    out.push_back(l);
                    align.push_back(orig);
                }
            } else {
                out.push_back(d);
                align.push_back(orig);
            }
        }
    }
}

void WordPieceTokenizer::wordPiece(const char32_t* chars, const int* align, std::size_t n, int word,
                                   std::vector<PreToken>& out) const {
    if (n == 0) return;
    const int wordBegin = align[0], wordEnd = align[n - 1] + 1;
    if (n > maxInputChars_) {
        out.push_back({special_.unkId, special_.unk, wordBegin, wordEnd, word});
        return;
    }
    thread_local std::string utf8;
    thread_local std::vector<std::size_t> bytes;
    utf8.clear();
    bytes.clear();
    for (std::size_t i = 0; i < n; ++i) {
        bytes.push_back(utf8.size());
        unicode::appendUtf8(utf8, chars[i]);
    }
    bytes.push_back(utf8.size());
    const std::size_t first = out.size();
    std::size_t start = 0;
    while (start < n) {
        std::size_t end = n;
        std::int64_t id = -1;
        const Lookup& table = start == 0 ? words_ : continuations_;
        while (start < end) {
            const std::string_view piece(utf8.data() + bytes[start], bytes[end] - bytes[start]);
            auto it = table.find(piece);
            if (it != table.end()) {
                id = it->second;
                break;
            }
            --end;
        }
        if (id < 0) {  // some part has no piece: the whole word is unknown
            out.resize(first);
            out.push_back({special_.unkId, special_.unk, wordBegin, wordEnd, word});
            return;
        }
        out.push_back({id, vocab_[id], align[start], align[end - 1] + 1, word});
        start = end;
    }
}

void WordPieceTokenizer::splitWords(const std::u32string& chars, const std::vector<int>& align,
                                    int& word, std::vector<PreToken>& out) const {
    const std::size_t n = chars.size();
    std::size_t start = 0;
    auto flush = [&](std::size_t end) {
        if (end > start)
            wordPiece(chars.data() + start, align.data() + start, end - start, word++, out);
    };
    for (std::size_t i = 0; i < n; ++i) {
        const char32_t c = chars[i];
        const bool space =
            c < 0x80 ? (c == ' ' || (c >= 0x09 && c <= 0x0D)) : unicode::isWhitespace(c);
        if (space) {
            flush(i);
            start = i + 1;
        } else if (unicode::isPunctuation(c)) {
            flush(i);
            start = i;
            flush(i + 1);
            start = i + 1;
        }
    }
    flush(n);
}

std::vector<PreToken> WordPieceTokenizer::tokenize(std::string_view text) const {
    const std::u32string chars = unicode::decodeUtf8(text);
    std::vector<PreToken> out;
    out.reserve(chars.size() / 4 + 4);
    int word = 0;
    std::u32string norm;
    std::vector<int> align;
    auto addToken = [&](const AddedToken& t, int b, int e) {
        out.push_back({t.id, t.content, b, e, word++});
    };

    auto processSegment = [&](std::size_t begin, std::size_t end) {
        norm.clear();
        align.clear();
        normalize(chars, begin, end, norm, align);
        if (!hasNormalizedAdded_) {
            splitWords(norm, align, word, out);
            return;
        }
        std::size_t cursor = 0;
        std::u32string part;
        std::vector<int> partAlign;
        for (const AddedTokenMatch& m : findAddedTokens(norm, 0, norm.size(), added_, true)) {
            part.assign(norm.begin() + cursor, norm.begin() + m.begin);
            partAlign.assign(align.begin() + cursor, align.begin() + m.begin);
            splitWords(part, partAlign, word, out);
            addToken(*m.token, align[m.begin], align[m.end - 1] + 1);
            cursor = m.end;
        }
        part.assign(norm.begin() + cursor, norm.end());
        partAlign.assign(align.begin() + cursor, align.end());
        splitWords(part, partAlign, word, out);
    };

    std::size_t cursor = 0;
    for (const AddedTokenMatch& m : findAddedTokens(chars, 0, chars.size(), added_, false)) {
        processSegment(cursor, m.begin);
        addToken(*m.token, static_cast<int>(m.begin), static_cast<int>(m.end));
        cursor = m.end;
    }
    processSegment(cursor, chars.size());
    return out;
}

std::string WordPieceTokenizer::decodeTokens(const std::vector<std::string>& tokens) const {
    std::string out;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        std::string t = tokens[i];
        if (i != 0) {
            if (t.compare(0, prefix_.size(), prefix_) == 0)
                t.erase(0, prefix_.size());
            else
                t.insert(0, " ");
        }
        if (cleanup_) {
            static const std::pair<const char*, const char*> rules[] = {
                {" .", "."},   {" ?", "?"},     {" !", "!"},    {" ,", ","},
                {" ' ", "'"},  {" n't", "n't"}, {" 'm", "'m"},  {" do not", " don't"},
                {" 's", "'s"}, {" 've", "'ve"}, {" 're", "'re"}};
            for (const auto& [from, to] : rules) {
                const std::string f = from, r = to;
                for (std::size_t pos = 0; (pos = t.find(f, pos)) != std::string::npos;
                     pos += r.size())
                    t.replace(pos, f.size(), r);
            }
        }
        out += t;
    }
    return out;
}

}  // namespace distilbench
