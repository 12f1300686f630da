#include "core/tokenizers/BpeTokenizer.h"

#include <QChar>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <queue>

#include "core/runtime/Error.h"
#include "core/tokenizers/Unicode.h"
#include "core/util/FileChecks.h"
#include "core/util/JsonFile.h"

namespace distilbench {
namespace fs = std::filesystem;

namespace {
constexpr std::size_t kMaxVocabulary = 10'000'000;
constexpr std::size_t kCacheEntries = 50'000;
constexpr char32_t kSpaceChar = 0x120;  // 'Ġ': the byte-level spelling of a space

bool isLetter(char32_t c) {
    return c < 0x80 ? ((c | 32) >= 'a' && (c | 32) <= 'z') : QChar::isLetter(c);
}
bool isNumber(char32_t c) {
    return c < 0x80 ? (c >= '0' && c <= '9') : QChar::isNumber(c);
}
bool isSpace(char32_t c) {
    return c < 0x80 ? (c == ' ' || (c >= 0x09 && c <= 0x0D)) : unicode::isWhitespace(c);
}

// The end of the GPT-2 pattern's match at `i` in chars[i, end):
// 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
std::size_t gpt2Match(const std::u32string& chars, std::size_t i, std::size_t end) {
    const char32_t c = chars[i];
    if (c == '\'' && i + 1 < end) {
        const char32_t a = chars[i + 1];
        if (a == 's' || a == 't' || a == 'm' || a == 'd') return i + 2;
        if (i + 2 < end) {
            const char32_t b = chars[i + 2];
            if ((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l'))
                return i + 3;
        }
    }
    auto run = [&](std::size_t from, auto&& pred) {
        std::size_t k = from;
        while (k < end && pred(chars[k])) ++k;
        return k;
    };
    const std::size_t j = c == ' ' ? i + 1 : i;  // the optional leading space
    if (j < end) {
        const char32_t d = chars[j];
        if (isLetter(d)) return run(j, isLetter);
        if (isNumber(d)) return run(j, isNumber);
        if (!isSpace(d))
            return run(j, [](char32_t x) { return !isSpace(x) && !isLetter(x) && !isNumber(x); });
    }
    // Whitespace: the run, less its last character when a non-space follows (that space then
    // starts the next word), unless the run is a single character.
    const std::size_t k = run(i, isSpace);
    return k < end && k - i > 1 ? k - 1 : k;
}

void appendBytes(std::string& out, const std::string& token,
                 const std::unordered_map<char32_t, unsigned char>& decoder) {
    // A token whose characters are all byte-level characters is those bytes; any other (an added
    // token such as "<mask>") is its own text, as the ByteLevel decoder does.
    std::string bytes;
    for (char32_t c : unicode::decodeUtf8(token)) {
        const auto it = decoder.find(c);
        if (it == decoder.end()) {
            out += token;
            return;
        }
        bytes.push_back(static_cast<char>(it->second));
    }
    out += bytes;
}

const std::unordered_map<char32_t, unsigned char>& charToByte() {
    static const auto table = [] {
        std::unordered_map<char32_t, unsigned char> t;
        const auto& forward = BpeTokenizer::byteToChar();
        for (int b = 0; b < 256; ++b) t[forward[b]] = static_cast<unsigned char>(b);
        return t;
    }();
    return table;
}

// Merges as "a b" strings (tokenizers < 0.20, merges.txt) or ["a", "b"] arrays.
std::pair<std::string, std::string> splitMerge(const QJsonValue& v, const std::string& source) {
    if (v.isArray() && v.toArray().size() == 2)
        return {v.toArray()[0].toString().toStdString(), v.toArray()[1].toString().toStdString()};
    const std::string s = v.toString().toStdString();
    const auto space = s.find(' ');
    if (space == std::string::npos || space == 0 || space + 1 >= s.size())
        throw Error(source, "merge '" + s + "' is not two tokens");
    return {s.substr(0, space), s.substr(space + 1)};
}

}  // namespace

const std::array<char32_t, 256>& BpeTokenizer::byteToChar() {
    static const std::array<char32_t, 256> table = [] {
        std::array<char32_t, 256> t{};
        std::array<bool, 256> printable{};
        for (int b = '!'; b <= '~'; ++b) printable[b] = true;
        for (int b = 0xA1; b <= 0xAC; ++b) printable[b] = true;
        for (int b = 0xAE; b <= 0xFF; ++b) printable[b] = true;
        char32_t next = 256;
        for (int b = 0; b < 256; ++b) t[b] = printable[b] ? char32_t(b) : next++;
        return t;
    }();
    return table;
}

void BpeTokenizer::setVocabulary(std::vector<std::string> vocab, const std::string& source) {
    vocab_ = std::move(vocab);
    ids_.clear();
    ids_.reserve(vocab_.size());
    for (std::size_t i = 0; i < vocab_.size(); ++i)
        if (!vocab_[i].empty()) ids_.emplace(vocab_[i], static_cast<std::int64_t>(i));
    source_ = source;
}

void BpeTokenizer::setMerges(const std::vector<std::pair<std::string, std::string>>& merges,
                             const std::string& source) {
    merges_.clear();
    merges_.reserve(merges.size());
    for (std::size_t rank = 0; rank < merges.size(); ++rank) {
        const auto& [a, b] = merges[rank];
        const auto ia = ids_.find(a), ib = ids_.find(b), ab = ids_.find(a + b);
        if (ia == ids_.end() || ib == ids_.end() || ab == ids_.end())
            throw Error(source, "merge '" + a + " " + b + "' (rank " + std::to_string(rank) +
                                    ") uses a token that is not in the vocabulary");
        const std::uint64_t key =
            (static_cast<std::uint64_t>(ia->second) << 32) | static_cast<std::uint32_t>(ib->second);
        merges_.emplace(key, std::pair{static_cast<int>(rank), ab->second});
    }
}

std::unique_ptr<BpeTokenizer> BpeTokenizer::fromTokenizerJson(const QJsonObject& root,
                                                              const std::string& path) {
    const QJsonObject model = root.value("model").toObject();
    auto tok = std::unique_ptr<BpeTokenizer>(new BpeTokenizer());
    const QJsonObject vocab = model.value("vocab").toObject();
    if (vocab.isEmpty()) throw Error(path, "the BPE vocab is empty");
    std::vector<std::string> table;
    for (auto it = vocab.begin(); it != vocab.end(); ++it) {
        const qint64 id = it.value().toInteger(-1);
        if (id < 0 || static_cast<std::size_t>(id) >= kMaxVocabulary)
            throw Error(path, "vocab entry '" + it.key().toStdString() + "' has an invalid id");
        if (static_cast<std::size_t>(id) >= table.size()) table.resize(id + 1);
        table[id] = it.key().toStdString();
    }
    for (const auto& v : root.value("added_tokens").toArray()) {
        AddedToken a = readAddedToken(v.toObject(), path);
        if (static_cast<std::size_t>(a.id) >= kMaxVocabulary)
            throw Error(path, "added token '" + a.content + "' has an invalid id");
        if (static_cast<std::size_t>(a.id) >= table.size()) table.resize(a.id + 1);
        if (table[a.id].empty()) table[a.id] = a.content;
        if (a.special) tok->specialIds_.push_back(a.id);
        tok->added_.push_back(std::move(a));
    }
    tok->setVocabulary(std::move(table), path);
    for (const char* unsupported : {"continuing_subword_prefix", "end_of_word_suffix"})
        if (!model.value(unsupported).toString().isEmpty())
            throw Error(path, std::string("BPE with a ") + unsupported + " is not supported");
    if (model.value("byte_fallback").toBool(false))
        throw Error(path, "BPE with byte_fallback is not supported");
    std::vector<std::pair<std::string, std::string>> merges;
    for (const auto& m : model.value("merges").toArray()) merges.push_back(splitMerge(m, path));
    tok->setMerges(merges, path);
    if (model.value("unk_token").isString())
        tok->unkId_ = tok->tokenToId(model.value("unk_token").toString().toStdString());

    if (!root.value("normalizer").isNull() && !root.value("normalizer").isUndefined())
        throw Error(path, "a normalizer before byte-level BPE is not supported");
    const QJsonObject pre = root.value("pre_tokenizer").toObject();
    if (pre.value("type").toString() != "ByteLevel")
        throw Error(path, "BPE needs the ByteLevel pre-tokenizer (found '" +
                              pre.value("type").toString().toStdString() + "')");
    tok->addPrefixSpace_ = pre.value("add_prefix_space").toBool(false);
    tok->useRegex_ = pre.value("use_regex").toBool(true);
    const QJsonObject post = root.value("post_processor").toObject();
    tok->trimOffsets_ = post.value("trim_offsets").toBool(true);

    sortAddedTokens(tok->added_);
    tok->special_ = {"<unk>", "<s>", "</s>", "<pad>", "<mask>"};
    tok->readSpecialTokenFiles(fs::path(path).parent_path().string());
    tok->resolveSpecialIds();
    tok->readPostProcessor(post, path);
    return tok;
}

std::unique_ptr<BpeTokenizer> BpeTokenizer::fromVocabAndMerges(const std::string& vocabPath,
                                                               const std::string& mergesPath) {
    // The same tokenizer as RobertaTokenizer builds from its two files: written as the
    // tokenizer.json transformers' converter makes of them.
    const QJsonObject vocab = readJsonObject(vocabPath, true);
    requireRegularFile(mergesPath);
    std::ifstream in(mergesPath, std::ios::binary);
    if (!in) throw Error(mergesPath, "cannot open");
    QJsonArray merges;
    std::string line;
    bool first = true;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (first && line.rfind("#version", 0) == 0) {
            first = false;
            continue;
        }
        first = false;
        if (line.empty()) continue;
        merges.append(QString::fromStdString(line));
    }
    const fs::path folder = fs::path(vocabPath).parent_path();
    const auto config = readJsonObject((folder / "tokenizer_config.json").string(), false);
    const bool prefixSpace = config.value("add_prefix_space").toBool(false);
    const bool trim = config.value("trim_offsets").toBool(true);
    QJsonArray added;
    auto special = [&](const char* key, const char* fallback, bool lstrip) {
        QString content = QString::fromLatin1(fallback);
        const QJsonValue v = config.value(key);
        if (v.isString()) content = v.toString();
        if (v.isObject()) content = v.toObject().value("content").toString(content);
        if (!vocab.contains(content)) return;
        added.append(QJsonObject{{"content", content},
                                 {"id", vocab.value(content).toInteger()},
                                 {"special", true},
                                 {"lstrip", lstrip},
                                 {"rstrip", false},
                                 {"single_word", false},
                                 {"normalized", !lstrip}});
    };
    special("bos_token", "<s>", false);
    special("pad_token", "<pad>", false);
    special("eos_token", "</s>", false);
    special("unk_token", "<unk>", false);
    special("mask_token", "<mask>", true);
    const QString cls = config.value("cls_token").toString("<s>"),
                  sep = config.value("sep_token").toString("</s>");
    const QJsonObject root{
        {"model", QJsonObject{{"type", "BPE"}, {"vocab", vocab}, {"merges", merges}}},
        {"added_tokens", added},
        {"normalizer", QJsonValue()},
        {"pre_tokenizer",
         QJsonObject{
             {"type", "ByteLevel"}, {"add_prefix_space", prefixSpace}, {"use_regex", true}}},
        {"post_processor", QJsonObject{{"type", "RobertaProcessing"},
                                       {"cls", QJsonArray{cls, vocab.value(cls).toInteger(0)}},
                                       {"sep", QJsonArray{sep, vocab.value(sep).toInteger(2)}},
                                       {"trim_offsets", trim},
                                       {"add_prefix_space", prefixSpace}}}};
    auto tok = fromTokenizerJson(root, vocabPath);
    return tok;
}

std::string BpeTokenizer::idToToken(std::int64_t id) const {
    return id >= 0 && static_cast<std::size_t>(id) < vocab_.size() ? vocab_[id] : std::string();
}

std::int64_t BpeTokenizer::tokenToId(std::string_view token) const {
    const auto it = ids_.find(std::string(token));
    return it == ids_.end() ? -1 : it->second;
}

std::vector<BpeTokenizer::Piece> BpeTokenizer::bpe(const std::string& mapped,
                                                   const std::vector<int>& charBytes) const {
    {
        std::lock_guard lock(cacheMutex_);
        const auto it = cache_.find(mapped);
        if (it != cache_.end()) return it->second;
    }
    // One symbol per byte-level character; merges by rank, leftmost first, through a queue:
    // O(n log n) in the word's length (a 10 000-character "word" is not quadratic).
    struct Symbol {
        std::int64_t id;
        int begin, end;
        int prev, next;
    };
    std::vector<Symbol> symbols;
    const std::u32string chars = unicode::decodeUtf8(mapped);
    std::string one;
    for (std::size_t i = 0; i < chars.size(); ++i) {
        one.clear();
        unicode::appendUtf8(one, chars[i]);
        const auto it = ids_.find(one);
        const std::int64_t id = it != ids_.end() ? it->second : unkId_;
        if (id < 0) continue;  // no piece and no unknown token: dropped, as tokenizers does
        const int n = static_cast<int>(symbols.size());
        symbols.push_back({id, charBytes[i], charBytes[i + 1], n - 1, n + 1});
    }
    if (!symbols.empty()) symbols.back().next = -1;
    struct Candidate {
        int rank, left;
        std::int64_t leftId, rightId, merged;
        bool operator>(const Candidate& o) const {
            return rank != o.rank ? rank > o.rank : left > o.left;
        }
    };
    std::priority_queue<Candidate, std::vector<Candidate>, std::greater<>> queue;
    auto consider = [&](int left) {
        if (left < 0 || symbols[left].next < 0) return;
        const Symbol &a = symbols[left], &b = symbols[a.next];
        const auto it = merges_.find((static_cast<std::uint64_t>(a.id) << 32) |
                                     static_cast<std::uint32_t>(b.id));
        if (it != merges_.end())
            queue.push({it->second.first, left, a.id, b.id, it->second.second});
    };
    for (int i = 0; i < static_cast<int>(symbols.size()); ++i) consider(i);
    while (!queue.empty()) {
        const Candidate c = queue.top();
        queue.pop();
        Symbol& a = symbols[c.left];
        if (a.id != c.leftId || a.next < 0 || symbols[a.next].id != c.rightId) continue;
        Symbol& b = symbols[a.next];
        a.id = c.merged;
        a.end = b.end;
        a.next = b.next;
        b.id = -1;  // gone
        if (a.next >= 0) symbols[a.next].prev = c.left;
        consider(a.prev);
        consider(c.left);
    }
    std::vector<Piece> pieces;
    for (int i = symbols.empty() ? -1 : 0; i >= 0; i = symbols[i].next)
        pieces.push_back({symbols[i].id, symbols[i].begin, symbols[i].end});
    std::lock_guard lock(cacheMutex_);
    if (cache_.size() >= kCacheEntries) cache_.clear();
    cache_.emplace(mapped, pieces);
    return pieces;
}

void BpeTokenizer::trimOffsets(PreToken& t, bool first) const {
    if (!trimOffsets_) return;
    // RobertaProcessing / ByteLevel process_offsets: leading and trailing spaces ("Ġ") of a
    // token are not part of its span.
    const std::u32string chars = unicode::decodeUtf8(t.token);
    auto spaceLike = [](char32_t c) { return c == kSpaceChar || unicode::isWhitespace(c); };
    std::size_t leading = 0, trailing = 0;
    while (leading < chars.size() && spaceLike(chars[leading])) ++leading;
    while (trailing < chars.size() && spaceLike(chars[chars.size() - 1 - trailing])) ++trailing;
    if (leading > 0) {
        if (first && addPrefixSpace_ && leading == 1) leading = 0;
        t.begin = std::min(t.begin + static_cast<int>(leading), t.end);
    }
    if (trailing > 0 && t.end >= static_cast<int>(trailing))
        t.end = std::max(t.end - static_cast<int>(trailing), t.begin);
}

void BpeTokenizer::tokenizeWords(const std::u32string& chars, std::size_t begin, std::size_t end,
                                 int& word, std::vector<PreToken>& out) const {
    if (begin >= end) return;
    // The segment, with the prefix space ByteLevel adds (aligned to the first character).
    std::u32string text(chars.begin() + begin, chars.begin() + end);
    std::vector<int> origin(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) origin[i] = static_cast<int>(begin + i);
    if (addPrefixSpace_ && text.front() != ' ') {
        text.insert(text.begin(), U' ');
        origin.insert(origin.begin(), static_cast<int>(begin));
    }
    const auto& table = byteToChar();
    std::string utf8, mapped;
    std::vector<int> byteOrigin, charBytes;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t j = useRegex_ ? gpt2Match(text, i, text.size()) : text.size();
        // The word's bytes, each mapped to a printable character, and which character each
        // byte came from.
        mapped.clear();
        byteOrigin.clear();
        charBytes.clear();
        for (std::size_t k = i; k < j; ++k) {
            utf8.clear();
            unicode::appendUtf8(utf8, text[k]);
            for (unsigned char b : utf8) {
                charBytes.push_back(static_cast<int>(byteOrigin.size()));
                byteOrigin.push_back(origin[k]);
                unicode::appendUtf8(mapped, table[b]);
            }
        }
        charBytes.push_back(static_cast<int>(byteOrigin.size()));
        for (const Piece& p : bpe(mapped, charBytes)) {
            PreToken t{p.id, vocab_[p.id], byteOrigin[p.begin], byteOrigin[p.end - 1] + 1, word};
            trimOffsets(t, out.empty() || t.begin == 0);
            out.push_back(std::move(t));
        }
        ++word;
        i = j;
    }
}

std::vector<PreToken> BpeTokenizer::tokenize(std::string_view text) const {
    const std::u32string chars = unicode::decodeUtf8(text);
    std::vector<PreToken> out;
    out.reserve(chars.size() / 3 + 4);
    int word = 0;
    auto addToken = [&](const AddedTokenMatch& m) {
        // The token is the matched text (an lstrip "<mask>" is " <mask>"); its span is trimmed.
        PreToken t{m.token->id,
                   unicode::encodeUtf8(std::u32string_view(chars).substr(m.begin, m.end - m.begin)),
                   static_cast<int>(m.begin), static_cast<int>(m.end), word++};
        trimOffsets(t, out.empty() || t.begin == 0);
        out.push_back(std::move(t));
    };
    // Added tokens are found first (there is no normalizer, so normalized ones match the same
    // text); the words between them go through the pre-tokenizer and BPE.
    std::vector<AddedTokenMatch> matches = findAddedTokens(chars, 0, chars.size(), added_, false);
    std::size_t cursor = 0;
    auto segment = [&](std::size_t end) {
        for (const AddedTokenMatch& m : findAddedTokens(chars, cursor, end, added_, true)) {
            tokenizeWords(chars, cursor, m.begin, word, out);
            addToken(m);
            cursor = m.end;
        }
        tokenizeWords(chars, cursor, end, word, out);
    };
    for (const AddedTokenMatch& m : matches) {
        segment(m.begin);
        addToken(m);
        cursor = m.end;
    }
    segment(chars.size());
    return out;
}

std::string BpeTokenizer::decodeTokens(const std::vector<std::string>& tokens) const {
    std::string bytes;
    for (const auto& t : tokens) appendBytes(bytes, t, charToByte());
    // from_utf8_lossy: invalid sequences become U+FFFD.
    return unicode::encodeUtf8(unicode::decodeUtf8(bytes));
}

std::string BpeTokenizer::displayToken(const std::string& token) const {
    std::string bytes;
    appendBytes(bytes, token, charToByte());
    std::string out = unicode::encodeUtf8(unicode::decodeUtf8(bytes));
    // A leading space is shown as SentencePiece's "▁", so that "Ġthe" reads "▁the".
    if (!out.empty() && out.front() == ' ') out.replace(0, 1, "\u2581");
    return out;
}

}  // namespace distilbench
