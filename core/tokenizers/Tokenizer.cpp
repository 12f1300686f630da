#include "core/tokenizers/Tokenizer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>
#include <filesystem>

#include "core/hub/HubCache.h"
#include "core/runtime/Error.h"
#include "core/tokenizers/BpeTokenizer.h"
#include "core/tokenizers/SentencePieceConverter.h"
#include "core/tokenizers/SentencePieceTokenizer.h"
#include "core/tokenizers/UnigramTokenizer.h"
#include "core/tokenizers/WordPieceTokenizer.h"
#include "core/util/JsonFile.h"

namespace distilbench {
namespace fs = std::filesystem;

bool parseTruncation(const std::string& s, Truncation& out) {
    if (s == "longest_first" || s == "longest-first")
        out = Truncation::LongestFirst;
    else if (s == "only_first" || s == "only-first")
        out = Truncation::OnlyFirst;
    else if (s == "only_second" || s == "only-second")
        out = Truncation::OnlySecond;
    else
        return false;
    return true;
}

bool parsePadding(const std::string& s, Padding& out) {
    if (s == "none" || s == "do_not_pad")
        out = Padding::None;
    else if (s == "longest")
        out = Padding::Longest;
    else if (s == "max_length" || s == "max-length")
        out = Padding::MaxLength;
    else
        return false;
    return true;
}

std::size_t PostProcessor::addedTokens(bool isPair) const {
    std::size_t n = 0;
    for (const auto& item : isPair ? pair : single)
        if (!item.isSequence) {
            auto it = specials.find(item.special);
            n += it == specials.end() ? 1 : it->second.size();
        }
    return n;
}

std::unique_ptr<Tokenizer> Tokenizer::load(const std::string& pathOrId) {
    std::error_code ec;
    // A Hub id opens from the shared cache (no network), as models do.
    const std::string path = HubCache::localPath(pathOrId);
    const fs::path p(path);
    if (fs::is_directory(p, ec)) {
        if (fs::exists(p / "tokenizer.json"))
            return fromTokenizerJson((p / "tokenizer.json").string());
        if (fs::exists(p / "vocab.json") && fs::exists(p / "merges.txt"))
            return BpeTokenizer::fromVocabAndMerges((p / "vocab.json").string(),
                                                    (p / "merges.txt").string());
        if (fs::exists(p / "vocab.txt"))
            return WordPieceTokenizer::fromVocab((p / "vocab.txt").string());
        for (const char* name :
             {"spiece.model", "spm.model", "sentencepiece.bpe.model", "tokenizer.model"})
            if (fs::exists(p / name)) return loadSentencePiece((p / name).string());
        throw Error(path,
                    "no tokenizer found (looked for tokenizer.json, vocab.txt, spiece.model)");
    }
    if (!fs::exists(p, ec)) throw Error(path, "does not exist");
    const std::string ext = p.extension().string();
    if (ext == ".json") {
        if (p.filename() == "vocab.json" && fs::exists(p.parent_path() / "merges.txt"))
            return BpeTokenizer::fromVocabAndMerges(path,
                                                    (p.parent_path() / "merges.txt").string());
        return fromTokenizerJson(path);
    }
    if (ext == ".txt") return WordPieceTokenizer::fromVocab(path);
    if (ext == ".model") return loadSentencePiece(path);
    throw Error(path, "not a tokenizer file (expected tokenizer.json, vocab.txt or a .model)");
}

void Tokenizer::readPostProcessor(const QJsonObject& post, const std::string& path) {
    const QString postType = post.value("type").toString();
    if (postType == "TemplateProcessing") {
        PostProcessor p;
        auto readTemplate = [&](const QJsonArray& items) {
            std::vector<TemplateItem> out;
            for (const auto& v : items) {
                const QJsonObject o = v.toObject();
                if (o.contains("Sequence")) {
                    const QJsonObject s = o.value("Sequence").toObject();
                    out.push_back({true,
                                   s.value("id").toString() == "B" ? 1 : 0,
                                   {},
                                   s.value("type_id").toInt()});
                } else if (o.contains("SpecialToken")) {
                    const QJsonObject s = o.value("SpecialToken").toObject();
                    out.push_back({false, 0, s.value("id").toString().toStdString(),
                                   s.value("type_id").toInt()});
                }
            }
            return out;
        };
        p.single = readTemplate(post.value("single").toArray());
        p.pair = readTemplate(post.value("pair").toArray());
        const QJsonObject specials = post.value("special_tokens").toObject();
        for (auto it = specials.begin(); it != specials.end(); ++it) {
            const QJsonObject s = it.value().toObject();
            const QJsonArray ids = s.value("ids").toArray(), tokens = s.value("tokens").toArray();
            auto& list = p.specials[it.key().toStdString()];
            for (qsizetype i = 0; i < ids.size(); ++i)
                list.emplace_back(ids[i].toInteger(), i < tokens.size()
                                                          ? tokens[i].toString().toStdString()
                                                          : it.key().toStdString());
        }
        post_ = p;
        if (p.specials.count(special_.cls) == 0 && !p.single.empty() &&
            !p.single.front().isSequence)
            special_.cls = p.single.front().special;
        special_.clsId = tokenToId(special_.cls);
        if (p.specials.count(special_.sep) == 0 && p.single.size() > 1 &&
            !p.single.back().isSequence)
            special_.sep = p.single.back().special;
        special_.sepId = tokenToId(special_.sep);
    } else if (postType == "BertProcessing" || postType == "RobertaProcessing") {
        // ["[CLS]", 101]: an empty or malformed entry must not turn id 0 into CLS and SEP.
        const QJsonArray cls = post.value("cls").toArray(), sep = post.value("sep").toArray();
        auto valid = [&](const QJsonArray& a) {
            return a.size() == 2 && a[0].isString() && !a[0].toString().isEmpty() &&
                   a[1].isDouble() && a[1].toInteger(-1) >= 0 &&
                   a[1].toInteger() < static_cast<qint64>(vocabSize());
        };
        if (!valid(cls) || !valid(sep))
            throw Error(path, postType.toStdString() +
                                  " needs \"cls\" and \"sep\" as [token, id] pairs inside the "
                                  "vocabulary");
        special_.cls = cls[0].toString().toStdString();
        special_.clsId = cls[1].toInteger();
        special_.sep = sep[0].toString().toStdString();
        special_.sepId = sep[1].toInteger();
        if (postType == "BertProcessing") {
            setDefaultBertTemplate();
            return;
        }
        // RobertaProcessing: <s> A </s> and <s> A </s></s> B </s>, every type id 0;
        // trim_offsets is applied by the byte-level tokenizer itself.
        post_ = {};
        post_.specials[special_.cls] = {{special_.clsId, special_.cls}};
        post_.specials[special_.sep] = {{special_.sepId, special_.sep}};
        post_.single = {{false, 0, special_.cls, 0}, {true, 0, {}, 0}, {false, 0, special_.sep, 0}};
        post_.pair = {{false, 0, special_.cls, 0}, {true, 0, {}, 0}, {false, 0, special_.sep, 0},
                      {false, 0, special_.sep, 0}, {true, 1, {}, 0}, {false, 0, special_.sep, 0}};
    } else if (postType.isEmpty()) {
        post_ = {};
    } else {
        throw Error(path, "post-processor '" + postType.toStdString() + "' is not supported");
    }
}

std::unique_ptr<Tokenizer> Tokenizer::loadSentencePiece(const std::string& path) {
    // ALBERT, XLM-R and DeBERTa models: the fast tokenizer transformers would build from the
    // file; any other .model through the sentencepiece library itself.
    if (auto converted = convertSentencePieceModel(path)) return converted;
    return SentencePieceTokenizer::load(path);
}

std::unique_ptr<Tokenizer> Tokenizer::fromTokenizerJson(const std::string& path) {
    // The model section decides the class: WordPiece, byte-level BPE or Unigram.
    const QJsonObject root = readJsonObject(path, true);
    const QString type = root.value("model").toObject().value("type").toString();
    if (type == "BPE") return BpeTokenizer::fromTokenizerJson(root, path);
    if (type == "Unigram") return UnigramTokenizer::fromTokenizerJson(root, path);
    return WordPieceTokenizer::fromTokenizerJson(path);
}

void Tokenizer::readSpecialTokenFiles(const std::string& folder) {
    // tokenizer_config.json, then special_tokens_map.json (its names win), as transformers reads
    // them; a token given as "[CLS]" or {"content": "[CLS]", ...}.
    const auto config =
        readJsonObject((fs::path(folder) / "tokenizer_config.json").string(), false);
    const auto map = readJsonObject((fs::path(folder) / "special_tokens_map.json").string(), false);
    auto name = [](const QJsonValue& v) {
        return v.isObject() ? v.toObject().value("content").toString().toStdString()
                            : v.toString().toStdString();
    };
    for (const QJsonObject* o : {&config, &map})
        for (const auto& [key, field] : {std::pair{"unk_token", &SpecialTokens::unk},
                                         std::pair{"cls_token", &SpecialTokens::cls},
                                         std::pair{"sep_token", &SpecialTokens::sep},
                                         std::pair{"pad_token", &SpecialTokens::pad},
                                         std::pair{"mask_token", &SpecialTokens::mask}})
            if (const std::string n = name(o->value(key)); !n.empty()) special_.*field = n;
    const double maxLength = config.value("model_max_length").toDouble(0);
    if (maxLength > 0 && maxLength <= 1e6) modelMaxLength_ = static_cast<int>(maxLength);
}

void Tokenizer::resolveSpecialIds() {
    special_.unkId = tokenToId(special_.unk);
    special_.clsId = tokenToId(special_.cls);
    special_.sepId = tokenToId(special_.sep);
    special_.maskId = tokenToId(special_.mask);
    const auto pad = tokenToId(special_.pad);
    special_.padId = pad < 0 ? 0 : pad;
}

void Tokenizer::setDefaultBertTemplate() {
    post_ = {};
    if (special_.clsId < 0 || special_.sepId < 0) return;  // no special tokens to add
    post_.specials[special_.cls] = {{special_.clsId, special_.cls}};
    post_.specials[special_.sep] = {{special_.sepId, special_.sep}};
    post_.single = {{false, 0, special_.cls, 0}, {true, 0, {}, 0}, {false, 0, special_.sep, 0}};
    post_.pair = {{false, 0, special_.cls, 0},
                  {true, 0, {}, 0},
                  {false, 0, special_.sep, 0},
                  {true, 1, {}, 1},
                  {false, 0, special_.sep, 1}};
}

bool Tokenizer::isSpecialId(std::int64_t id) const {
    return std::find(specialIds_.begin(), specialIds_.end(), id) != specialIds_.end();
}

Encoding Tokenizer::fromPreTokens(const std::vector<PreToken>& tokens, int sequence) const {
    Encoding e;
    const std::size_t n = tokens.size();
    e.ids.reserve(n);
    e.tokens.reserve(n);
    e.offsets.reserve(n);
    for (const auto& t : tokens) {
        e.ids.push_back(t.id);
        e.tokens.push_back(t.token);
        e.offsets.emplace_back(t.begin, t.end);
        e.wordIds.push_back(t.word);
    }
    e.typeIds.assign(n, sequence);
    e.attentionMask.assign(n, 1);
    e.specialTokensMask.assign(n, 0);
    e.sequenceIds.assign(n, sequence);
    return e;
}

namespace {

// The slice [begin, end) of an encoding (no overflow).
Encoding slice(const Encoding& e, std::size_t begin, std::size_t end) {
    Encoding s;
    auto cut = [&](auto& dst, const auto& src) {
        dst.assign(src.begin() + begin, src.begin() + end);
    };
    cut(s.ids, e.ids);
    cut(s.tokens, e.tokens);
    cut(s.offsets, e.offsets);
    cut(s.typeIds, e.typeIds);
    cut(s.attentionMask, e.attentionMask);
    cut(s.specialTokensMask, e.specialTokensMask);
    cut(s.wordIds, e.wordIds);
    cut(s.sequenceIds, e.sequenceIds);
    return s;
}

void append(Encoding& dst, const Encoding& src) {
    auto add = [](auto& d, const auto& s) { d.insert(d.end(), s.begin(), s.end()); };
    add(dst.ids, src.ids);
    add(dst.tokens, src.tokens);
    add(dst.offsets, src.offsets);
    add(dst.typeIds, src.typeIds);
    add(dst.attentionMask, src.attentionMask);
    add(dst.specialTokensMask, src.specialTokensMask);
    add(dst.wordIds, src.wordIds);
    add(dst.sequenceIds, src.sequenceIds);
}

// Hugging Face's Encoding::truncate: the kept part first, then the overflowing windows,
// consecutive windows sharing `stride` tokens.
std::vector<Encoding> truncateWithOverflow(const Encoding& e, std::size_t maxLen,
                                           std::size_t stride, Side side) {
    const std::size_t len = e.size();
    if (maxLen >= len) return {e};
    if (maxLen == 0) return {slice(e, 0, 0)};
    if (stride >= maxLen)
        throw Error("stride (" + std::to_string(stride) +
                    ") must be smaller than the length left for text (" + std::to_string(maxLen) +
                    ")");
    const std::size_t step = maxLen - stride;
    std::vector<Encoding> parts;
    if (side == Side::Right) {
        for (std::size_t start = 0;; start += step) {
            const std::size_t stop = std::min(start + maxLen, len);
            parts.push_back(slice(e, start, stop));
            if (stop == len) break;
        }
    } else {
        for (std::size_t stop = len;; stop -= step) {
            const std::size_t start = stop > maxLen ? stop - maxLen : 0;
            parts.push_back(slice(e, start, stop));
            if (start == 0 || stop <= step) break;
        }
    }
    return parts;
}

}  // namespace

Encoding Tokenizer::postProcess(const Encoding& a, const Encoding* b, bool addSpecial) const {
    Encoding out;
    const auto& tmpl = b ? post_.pair : post_.single;
    if (!addSpecial || tmpl.empty()) {
        append(out, a);
        if (b) append(out, *b);
        return out;
    }
    for (const auto& item : tmpl) {
        if (item.isSequence) {
            const Encoding* src = item.sequence == 0 ? &a : b;
            if (!src) continue;
            Encoding part = *src;
            std::fill(part.typeIds.begin(), part.typeIds.end(), item.typeId);
            append(out, part);
        } else {
            auto it = post_.specials.find(item.special);
            if (it == post_.specials.end()) continue;
            for (const auto& [id, token] : it->second) {
                out.ids.push_back(id);
                out.tokens.push_back(token);
                out.offsets.emplace_back(0, 0);
                out.typeIds.push_back(item.typeId);
                out.attentionMask.push_back(1);
                out.specialTokensMask.push_back(1);
                out.wordIds.push_back(-1);
                out.sequenceIds.push_back(-1);
            }
        }
    }
    return out;
}

void Tokenizer::pad(Encoding& e, std::size_t length, Side side) const {
    if (e.size() >= length) return;
    const std::size_t n = length - e.size();
    auto grow = [&](auto& v, auto value) {
        using T = typename std::decay_t<decltype(v)>::value_type;
        if (side == Side::Right)
            v.insert(v.end(), n, T(value));
        else
            v.insert(v.begin(), n, T(value));
    };
    grow(e.ids, special_.padId);
    grow(e.tokens, special_.pad);
    grow(e.offsets, std::pair<int, int>(0, 0));
    grow(e.typeIds, 0);
    grow(e.attentionMask, 0);
    grow(e.specialTokensMask, 1);
    grow(e.wordIds, -1);
    grow(e.sequenceIds, -1);
    for (auto& o : e.overflowing) pad(o, length, side);
}

Encoding Tokenizer::encode(std::string_view text, const EncodeOptions& options) const {
    return encode(text, std::nullopt, options);
}

Encoding Tokenizer::encode(std::string_view text, std::optional<std::string_view> pair,
                           const EncodeOptions& opt) const {
    const Encoding a = fromPreTokens(tokenize(text), 0);
    if (!pair) return finish(a, nullptr, opt);
    const Encoding b = fromPreTokens(tokenize(*pair), 1);
    return finish(a, &b, opt);
}

Encoding Tokenizer::encodeWords(const std::vector<std::string>& words,
                                const EncodeOptions& opt) const {
    std::vector<PreToken> all;
    int offset = 0;
    for (std::size_t w = 0; w < words.size(); ++w) {
        for (PreToken t : tokenize(words[w])) {
            t.begin += offset;
            t.end += offset;
            t.word = static_cast<int>(w);
            all.push_back(std::move(t));
        }
        int chars = 0;
        for (unsigned char c : words[w]) chars += (c & 0xC0) != 0x80;
        offset += chars + 1;
    }
    return finish(fromPreTokens(all, 0), nullptr, opt);
}

Encoding Tokenizer::finish(const Encoding& a, const Encoding* bPtr,
                           const EncodeOptions& opt) const {
    std::optional<Encoding> b;
    if (bPtr) b = *bPtr;

    std::vector<Encoding> partsA{a}, partsB;
    if (b) partsB.push_back(*b);
    if (opt.maxLength > 0) {
        const std::size_t added = opt.addSpecialTokens ? post_.addedTokens(b.has_value()) : 0;
        if (static_cast<std::size_t>(opt.maxLength) < added)
            throw Error("max_length " + std::to_string(opt.maxLength) + " leaves no room for the " +
                        std::to_string(added) + " special tokens");
        const std::size_t budget = opt.maxLength - added;
        const std::size_t n1 = a.size(), n2 = b ? b->size() : 0;
        const std::size_t stride = opt.stride > 0 ? static_cast<std::size_t>(opt.stride) : 0;
        if (n1 + n2 > budget) {
            if (!b) {
                partsA = truncateWithOverflow(a, budget, stride, opt.truncationSide);
            } else if (opt.truncation == Truncation::LongestFirst) {
                // Hugging Face's split: the shorter keeps what it can, the longer the rest;
                // when both are long, max/2 each, the odd token to the longer one.
                std::size_t s = std::min(n1, n2), l = std::max(n1, n2);
                if (s > budget)
                    l = s;
                else
                    l = std::max(s, budget - s);
                if (s + l > budget) {
                    s = budget / 2;
                    l = s + budget % 2;
                }
                const bool swapped = n1 > n2;
                partsA = truncateWithOverflow(a, swapped ? l : s, stride, opt.truncationSide);
                partsB = truncateWithOverflow(*b, swapped ? s : l, stride, opt.truncationSide);
            } else {
                const bool first = opt.truncation == Truncation::OnlyFirst;
                const Encoding& target = first ? a : *b;
                const std::size_t remove = n1 + n2 - budget;
                if (target.size() <= remove)
                    throw Error(
                        std::string("cannot truncate only the ") + (first ? "first" : "second") +
                        " sequence enough to fit max_length " + std::to_string(opt.maxLength));
                auto parts = truncateWithOverflow(target, target.size() - remove, stride,
                                                  opt.truncationSide);
                (first ? partsA : partsB) = std::move(parts);
            }
        }
    }

    Encoding result = postProcess(partsA[0], b ? &partsB[0] : nullptr, opt.addSpecialTokens);
    if (opt.returnOverflowing) {
        for (std::size_t i = 0; i < partsA.size(); ++i) {
            if (!b) {
                if (i > 0)
                    result.overflowing.push_back(
                        postProcess(partsA[i], nullptr, opt.addSpecialTokens));
                continue;
            }
            for (std::size_t j = 0; j < partsB.size(); ++j)
                if (i > 0 || j > 0)
                    result.overflowing.push_back(
                        postProcess(partsA[i], &partsB[j], opt.addSpecialTokens));
        }
    }
    if (opt.padding == Padding::MaxLength && opt.maxLength > 0) {
        std::size_t target = opt.maxLength;
        if (opt.padToMultipleOf > 0)
            target = (target + opt.padToMultipleOf - 1) / opt.padToMultipleOf * opt.padToMultipleOf;
        pad(result, target, opt.paddingSide);
    } else if (opt.padToMultipleOf > 0 && opt.padding != Padding::None) {
        pad(result,
            (result.size() + opt.padToMultipleOf - 1) / opt.padToMultipleOf * opt.padToMultipleOf,
            opt.paddingSide);
    }
    return result;
}

std::vector<Encoding> Tokenizer::encodeBatch(const std::vector<std::string>& texts,
                                             const std::vector<std::string>& pairs,
                                             const EncodeOptions& opt) const {
    if (!pairs.empty() && pairs.size() != texts.size())
        throw Error("a batch of " + std::to_string(texts.size()) +
                    " texts needs as many pairs, not " + std::to_string(pairs.size()));
    std::vector<Encoding> out;
    out.reserve(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i)
        out.push_back(pairs.empty() ? encode(texts[i], opt) : encode(texts[i], pairs[i], opt));
    if (opt.padding == Padding::Longest) {
        std::size_t longest = 0;
        for (const auto& e : out) {
            longest = std::max(longest, e.size());
            for (const auto& o : e.overflowing) longest = std::max(longest, o.size());
        }
        if (opt.padToMultipleOf > 0)
            longest =
                (longest + opt.padToMultipleOf - 1) / opt.padToMultipleOf * opt.padToMultipleOf;
        for (auto& e : out) pad(e, longest, opt.paddingSide);
    }
    return out;
}

std::string Tokenizer::decode(const std::vector<std::int64_t>& ids, bool skipSpecialTokens) const {
    std::vector<std::string> tokens;
    tokens.reserve(ids.size());
    for (auto id : ids) {
        if (skipSpecialTokens && isSpecialId(id)) continue;
        if (id < 0 || static_cast<std::size_t>(id) >= vocabSize()) continue;
        tokens.push_back(idToToken(id));
    }
    return decodeTokens(tokens);
}

std::string Tokenizer::decodeTokens(const std::vector<std::string>& tokens) const {
    std::string out;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (i) out += ' ';
        out += tokens[i];
    }
    return out;
}

}  // namespace distilbench
