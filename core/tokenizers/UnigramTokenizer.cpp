#include "core/tokenizers/UnigramTokenizer.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>

#include "core/runtime/Error.h"
#include "core/tokenizers/Unicode.h"

namespace distilbench {
namespace fs = std::filesystem;

namespace {
constexpr std::size_t kMaxVocabulary = 10'000'000;
constexpr double kUnknownPenalty = 10.0;  // tokenizers' K_UNK_PENALTY
}  // namespace

std::unique_ptr<UnigramTokenizer> UnigramTokenizer::fromTokenizerJson(const QJsonObject& root,
                                                                      const std::string& path) {
    const QJsonObject model = root.value("model").toObject();
    auto tok = std::unique_ptr<UnigramTokenizer>(new UnigramTokenizer());
    const QJsonArray vocab = model.value("vocab").toArray();
    if (vocab.isEmpty()) throw Error(path, "the Unigram vocab is empty");
    if (static_cast<std::size_t>(vocab.size()) > kMaxVocabulary)
        throw Error(
            path, "the Unigram vocab has more than " + std::to_string(kMaxVocabulary) + " pieces");
    if (model.value("byte_fallback").toBool(false))
        throw Error(path, "Unigram with byte_fallback is not supported");
    double minScore = std::numeric_limits<double>::max();
    for (qsizetype i = 0; i < vocab.size(); ++i) {
        const QJsonArray entry = vocab[i].toArray();
        if (entry.size() != 2 || !entry[0].isString() || !entry[1].isDouble())
            throw Error(path,
                        "Unigram vocab entry " + std::to_string(i) + " is not [piece, score]");
        const std::string piece = entry[0].toString().toStdString();
        const double score = entry[1].toDouble();
        if (!std::isfinite(score))
            throw Error(path, "piece '" + piece + "' has a score that is not finite");
        tok->ids_.emplace(piece, static_cast<std::int64_t>(i));
        tok->pieces_.push_back(piece);
        tok->scores_.push_back(score);
        tok->longestPiece_ = std::max(tok->longestPiece_, unicode::decodeUtf8(piece).size());
        minScore = std::min(minScore, score);
    }
    tok->modelPieces_ = tok->pieces_.size();
    tok->unkScore_ = minScore - kUnknownPenalty;
    const qint64 unk = model.value("unk_id").toInteger(-1);
    if (unk >= 0 && unk < vocab.size()) tok->unkId_ = unk;

    for (const auto& v : root.value("added_tokens").toArray()) {
        AddedToken a = readAddedToken(v.toObject(), path);
        if (static_cast<std::size_t>(a.id) >= kMaxVocabulary)
            throw Error(path, "added token '" + a.content + "' has an invalid id");
        if (static_cast<std::size_t>(a.id) >= tok->pieces_.size()) {
            tok->pieces_.resize(a.id + 1);
            tok->scores_.resize(a.id + 1, 0.0);
        }
        if (tok->pieces_[a.id].empty()) {
            tok->pieces_[a.id] = a.content;
            tok->ids_.emplace(a.content, a.id);
        }
        if (a.special) tok->specialIds_.push_back(a.id);
        tok->added_.push_back(std::move(a));
    }
    sortAddedTokens(tok->added_);

    const QJsonValue normalizer = root.value("normalizer");
    if (normalizer.isObject())
        tok->normalizer_ = TextNormalizer::fromJson(normalizer.toObject(), path);

    // Metaspace, alone or as the only step of a Sequence.
    QJsonObject pre = root.value("pre_tokenizer").toObject();
    if (pre.value("type").toString() == "Sequence") {
        const QJsonArray steps = pre.value("pretokenizers").toArray();
        if (steps.size() != 1)
            throw Error(path, "a pre-tokenizer sequence other than one Metaspace is not supported");
        pre = steps[0].toObject();
    }
    if (pre.value("type").toString() != "Metaspace")
        throw Error(path, "Unigram needs the Metaspace pre-tokenizer (found '" +
                              pre.value("type").toString().toStdString() + "')");
    const std::u32string replacement =
        unicode::decodeUtf8(pre.value("replacement").toString("\u2581").toStdString());
    if (replacement.size() != 1)
        throw Error(path, "the Metaspace replacement must be one character");
    tok->replacement_ = replacement[0];
    const QString scheme = pre.value("prepend_scheme").toString();
    if (scheme == "first")
        tok->prepend_ = Prepend::First;
    else if (scheme == "never")
        tok->prepend_ = Prepend::Never;
    else if (scheme.isEmpty() && !pre.value("add_prefix_space").toBool(true))
        tok->prepend_ = Prepend::Never;  // files older than prepend_scheme
    tok->split_ = pre.value("split").toBool(true);

    tok->source_ = path;
    // Each special token by the name the vocabulary has: XLM-R's "<pad>", DeBERTa's "[PAD]",
    // ALBERT's mix ("<pad>" with "[CLS]").
    auto pick = [&](const char* bert, const char* roberta) {
        return tok->tokenToId(bert) >= 0 || tok->tokenToId(roberta) < 0 ? std::string(bert)
                                                                        : std::string(roberta);
    };
    tok->special_ = {pick("[UNK]", "<unk>"), pick("[CLS]", "<s>"), pick("[SEP]", "</s>"),
                     pick("[PAD]", "<pad>"), pick("[MASK]", "<mask>")};
    if (tok->unkId_ >= 0) tok->special_.unk = tok->pieces_[tok->unkId_];
    tok->readSpecialTokenFiles(fs::path(path).parent_path().string());
    tok->resolveSpecialIds();
    tok->readPostProcessor(root.value("post_processor").toObject(), path);
    return tok;
}

std::string UnigramTokenizer::idToToken(std::int64_t id) const {
    return id >= 0 && static_cast<std::size_t>(id) < pieces_.size() ? pieces_[id] : std::string();
}

std::int64_t UnigramTokenizer::tokenToId(std::string_view token) const {
    const auto it = ids_.find(std::string(token));
    return it == ids_.end() ? -1 : it->second;
}

double UnigramTokenizer::score(std::int64_t id) const {
    return id >= 0 && static_cast<std::size_t>(id) < scores_.size() ? scores_[id] : 0.0;
}

bool UnigramTokenizer::isContinuation(const std::string& token) const {
    std::string marker;
    unicode::appendUtf8(marker, replacement_);
    return !token.empty() && token.rfind(marker, 0) != 0;
}

void UnigramTokenizer::viterbi(const std::u32string& chars, std::size_t begin, std::size_t end,
                               const std::vector<std::pair<int, int>>& align, int word,
                               std::vector<PreToken>& out) const {
    const std::size_t n = end - begin;
    if (n == 0) return;
    struct Node {
        double score = 0;
        long start = -1;  // -1: not reached
        std::int64_t id = -1;
    };
    std::vector<Node> best(n + 1);
    best[0].start = 0;
    std::string piece;
    for (std::size_t i = 0; i < n; ++i) {
        if (best[i].start < 0) continue;
        const double base = best[i].score;
        bool single = false;
        piece.clear();
        for (std::size_t len = 1; len <= longestPiece_ && i + len <= n; ++len) {
            unicode::appendUtf8(piece, chars[begin + i + len - 1]);
            const auto it = ids_.find(piece);
            if (it == ids_.end() || static_cast<std::size_t>(it->second) >= modelPieces_) continue;
            const double candidate = base + scores_[it->second];
            Node& target = best[i + len];
            if (target.start < 0 || candidate > target.score)
                target = {candidate, long(i), it->second};
            if (len == 1) single = true;
        }
        if (!single) {
            // No piece for this character: the unknown piece, penalised below every real one.
            const double candidate = base + unkScore_;
            Node& target = best[i + 1];
            if (target.start < 0 || candidate > target.score) target = {candidate, long(i), unkId_};
        }
    }
    // Back from the end; neighbouring unknown pieces are one token (fuse_unk).
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    std::vector<std::int64_t> ids;
    for (std::size_t e = n; e > 0;) {
        const Node& node = best[e];
        const std::size_t s = static_cast<std::size_t>(node.start);
        if (node.id == unkId_ && !ids.empty() && ids.back() == unkId_ && unkId_ >= 0)
            spans.back().first = s;
        else {
            spans.emplace_back(s, e);
            ids.push_back(node.id);
        }
        e = s;
    }
    for (std::size_t k = spans.size(); k-- > 0;) {
        const auto [s, e] = spans[k];
        if (ids[k] < 0) continue;  // no unknown piece in this vocabulary: dropped
        PreToken t;
        t.id = ids[k];
        t.token = unicode::encodeUtf8(std::u32string_view(chars).substr(begin + s, e - s));
        t.begin = align[begin + s].first;
        t.end = align[begin + e - 1].second;
        t.word = word;
        out.push_back(std::move(t));
    }
}

void UnigramTokenizer::segment(NormalizedText& text, int& word, std::vector<PreToken>& out) const {
    if (text.chars.empty()) return;
    for (char32_t& c : text.chars)
        if (c == U' ') c = replacement_;
    const bool startsWithMarker = text.chars.front() == replacement_;
    if (!startsWithMarker && (prepend_ == Prepend::Always ||
                              (prepend_ == Prepend::First && text.align.front().first == 0)))
        text.prepend(std::u32string(1, replacement_));
    // Words begin at each marker (MergedWithNext).
    std::size_t start = 0;
    for (std::size_t i = 1; i <= text.chars.size(); ++i) {
        if (i < text.chars.size() && !(split_ && text.chars[i] == replacement_)) continue;
        viterbi(text.chars, start, i, text.align, word++, out);
        start = i;
    }
}

std::vector<PreToken> UnigramTokenizer::tokenize(std::string_view text) const {
    const std::u32string chars = unicode::decodeUtf8(text);
    std::vector<PreToken> out;
    out.reserve(chars.size() / 3 + 4);
    int word = 0;
    auto addToken = [&](const AddedToken& token, std::u32string_view matched, int begin, int end) {
        out.push_back({token.id, unicode::encodeUtf8(matched), begin, end, word++});
    };
    // Added tokens in the raw text first; the rest is normalized, then searched for the added
    // tokens that match normalized text, then pre-tokenized and segmented piece by piece.
    auto normalizedPart = [&](std::size_t begin, std::size_t end) {
        NormalizedText part = NormalizedText::fromOriginal(chars, begin, end);
        if (normalizer_) normalizer_->apply(part);
        std::size_t cursor = 0;
        auto piece = [&](std::size_t from, std::size_t to) {
            NormalizedText p;
            p.chars = part.chars.substr(from, to - from);
            p.align.assign(part.align.begin() + from, part.align.begin() + to);
            segment(p, word, out);
        };
        for (const AddedTokenMatch& m :
             findAddedTokens(part.chars, 0, part.chars.size(), added_, true)) {
            piece(cursor, m.begin);
            addToken(*m.token, std::u32string_view(part.chars).substr(m.begin, m.end - m.begin),
                     part.align[m.begin].first, part.align[m.end - 1].second);
            cursor = m.end;
        }
        piece(cursor, part.chars.size());
    };
    std::size_t cursor = 0;
    for (const AddedTokenMatch& m : findAddedTokens(chars, 0, chars.size(), added_, false)) {
        normalizedPart(cursor, m.begin);
        addToken(*m.token, std::u32string_view(chars).substr(m.begin, m.end - m.begin),
                 static_cast<int>(m.begin), static_cast<int>(m.end));
        cursor = m.end;
    }
    normalizedPart(cursor, chars.size());
    return out;
}

std::string UnigramTokenizer::decodeTokens(const std::vector<std::string>& tokens) const {
    // The Metaspace decoder: markers become spaces, except in the first token.
    std::string out;
    for (std::size_t i = 0; i < tokens.size(); ++i)
        for (char32_t c : unicode::decodeUtf8(tokens[i])) {
            if (c == replacement_) {
                if (i == 0 && prepend_ != Prepend::Never) continue;
                out.push_back(' ');
            } else {
                unicode::appendUtf8(out, c);
            }
        }
    return out;
}

}  // namespace distilbench
