#include "core/tokenizers/NormalizedText.h"

#include <QByteArray>
#include <QChar>
#include <QJsonArray>
#include <QRegularExpression>
#include <QString>
#include <QTextBoundaryFinder>
#include <algorithm>
#include <cstring>
#include <optional>
#include <string_view>

#include "core/runtime/Error.h"
#include "core/tokenizers/Unicode.h"

namespace distilbench {

NormalizedText NormalizedText::fromOriginal(const std::u32string& original, std::size_t begin,
                                            std::size_t end) {
    NormalizedText t;
    t.chars.assign(original.begin() + begin, original.begin() + end);
    t.align.reserve(end - begin);
    for (std::size_t i = begin; i < end; ++i)
        t.align.emplace_back(static_cast<int>(i), static_cast<int>(i) + 1);
    return t;
}

void NormalizedText::transform(std::size_t from, std::size_t to,
                               const std::vector<std::pair<char32_t, int>>& replacement,
                               std::size_t removedFirst) {
    std::u32string newChars;
    std::vector<std::pair<int, int>> newAlign;
    newChars.reserve(replacement.size());
    newAlign.reserve(replacement.size());
    std::size_t pos = from + removedFirst;
    for (const auto& [c, change] : replacement) {
        std::pair<int, int> a{0, 0};
        if (change > 0) {
            // Inserted: shares the alignment of the old character before it.
            if (pos >= 1 && pos - 1 < align.size()) a = align[pos - 1];
        } else {
            if (pos < align.size()) a = align[pos];
            ++pos;
            if (change < 0) pos += static_cast<std::size_t>(-change);
        }
        newChars.push_back(c);
        newAlign.push_back(a);
    }
    to = std::min(to, chars.size());
    chars.replace(from, to - from, newChars);
    align.erase(align.begin() + from, align.begin() + to);
    align.insert(align.begin() + from, newAlign.begin(), newAlign.end());
}

void NormalizedText::prepend(const std::u32string& prefix) {
    if (chars.empty() || prefix.empty()) return;
    // tokenizers' prepend: the prefix takes the first character's place, which is re-inserted.
    std::vector<std::pair<char32_t, int>> t;
    for (std::size_t i = 0; i < prefix.size(); ++i) t.emplace_back(prefix[i], i == 0 ? 0 : 1);
    t.emplace_back(chars[0], 1);
    transform(0, 1, t, 0);
}

namespace {

// Keeps the characters `keep` accepts; the others vanish with their alignment.
template <typename Keep>
void filter(NormalizedText& t, Keep keep) {
    std::size_t out = 0;
    for (std::size_t i = 0; i < t.chars.size(); ++i)
        if (keep(t.chars[i])) {
            t.chars[out] = t.chars[i];
            t.align[out] = t.align[i];
            ++out;
        }
    t.chars.resize(out);
    t.align.resize(out);
}

bool isMark(char32_t c) {
    const auto cat = QChar::category(c);
    return cat == QChar::Mark_NonSpacing || cat == QChar::Mark_SpacingCombining ||
           cat == QChar::Mark_Enclosing;
}

// Rust's char::is_whitespace (the White_Space property).
bool isRustWhitespace(char32_t c) {
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x80 && unicode::isWhitespace(c));
}

QString toQString(char32_t c) {
    return QString::fromUcs4(&c, 1);
}

std::u32string toU32(const QString& s) {
    const QList<uint> ucs4 = s.toUcs4();
    return std::u32string(ucs4.begin(), ucs4.end());
}

class SequenceNormalizer : public TextNormalizer {
public:
    std::vector<std::unique_ptr<TextNormalizer>> steps;
    void apply(NormalizedText& t) const override {
        for (const auto& s : steps) s->apply(t);
    }
};

class UnicodeNormalizer : public TextNormalizer {
public:
    explicit UnicodeNormalizer(QString::NormalizationForm form) : form_(form) {}
    void apply(NormalizedText& t) const override {
        const bool compose =
            form_ == QString::NormalizationForm_C || form_ == QString::NormalizationForm_KC;
        std::u32string out;
        std::vector<std::pair<int, int>> align;
        out.reserve(t.chars.size());
        align.reserve(t.chars.size());
        if (!compose) {
            // Each character decomposed on its own, every piece aligned to it; then marks in
            // canonical order, carrying their alignment.
            for (std::size_t i = 0; i < t.chars.size(); ++i) {
                const char32_t c = t.chars[i];
                if (c < 0x80) {
                    out.push_back(c);
                    align.push_back(t.align[i]);
                    continue;
                }
                for (char32_t d : toU32(toQString(c).normalized(form_))) {
                    out.push_back(d);
                    align.push_back(t.align[i]);
                }
            }
            for (std::size_t i = 0; i < out.size();) {
                if (unicode::combiningClass(out[i]) == 0) {
                    ++i;
                    continue;
                }
                std::size_t j = i;
                while (j < out.size() && unicode::combiningClass(out[j]) != 0) ++j;
                std::vector<std::size_t> order(j - i);
                for (std::size_t k = 0; k < order.size(); ++k) order[k] = i + k;
                std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
                    return unicode::combiningClass(out[a]) < unicode::combiningClass(out[b]);
                });
                std::u32string run;
                std::vector<std::pair<int, int>> runAlign;
                for (std::size_t k : order) {
                    run.push_back(out[k]);
                    runAlign.push_back(align[k]);
                }
                std::copy(run.begin(), run.end(), out.begin() + i);
                std::copy(runAlign.begin(), runAlign.end(), align.begin() + i);
                i = j;
            }
        } else {
            // A starter and the marks after it compose together: the output's characters take
            // the input's alignments in order (a composed "é" is aligned to the "e"), extra
            // ones (a compatibility "ﬁ" -> "fi") the last input's.
            for (std::size_t i = 0; i < t.chars.size();) {
                std::size_t j = i + 1;
                while (j < t.chars.size() && t.chars[j] >= 0x300 &&
                       unicode::combiningClass(t.chars[j]) != 0)
                    ++j;
                bool ascii = j == i + 1 && t.chars[i] < 0x80;
                if (ascii) {
                    out.push_back(t.chars[i]);
                    align.push_back(t.align[i]);
                    i = j;
                    continue;
                }
                const std::u32string cluster(t.chars.begin() + i, t.chars.begin() + j);
                const std::u32string normalized =
                    toU32(QString::fromUcs4(cluster.data(), static_cast<qsizetype>(cluster.size()))
                              .normalized(form_));
                for (std::size_t k = 0; k < normalized.size(); ++k) {
                    out.push_back(normalized[k]);
                    align.push_back(t.align[i + std::min(k, cluster.size() - 1)]);
                }
                i = j;
            }
        }
        t.chars = std::move(out);
        t.align = std::move(align);
    }

private:
    QString::NormalizationForm form_;
};

class NmtNormalizer : public TextNormalizer {
public:
    void apply(NormalizedText& t) const override {
        filter(t, [](char32_t c) {
            return !((c >= 0x01 && c <= 0x08) || c == 0x0B || (c >= 0x0E && c <= 0x1F) ||
                     c == 0x7F || c == 0x8F || c == 0x9F);
        });
        for (char32_t& c : t.chars)
            if (c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x1680 ||
                (c >= 0x200B && c <= 0x200F) || c == 0x2028 || c == 0x2029 || c == 0x2581 ||
                c == 0xFEFF || c == 0xFFFD)
                c = ' ';
    }
};

class LowercaseNormalizer : public TextNormalizer {
public:
    void apply(NormalizedText& t) const override {
        std::vector<std::pair<char32_t, int>> out;
        out.reserve(t.chars.size());
        std::u32string lower;
        for (char32_t c : t.chars) {
            lower.clear();
            unicode::toLowerFull(c, lower);
            for (std::size_t i = 0; i < lower.size(); ++i) out.emplace_back(lower[i], i > 0);
        }
        t.transform(0, t.chars.size(), out, 0);
    }
};

class StripAccentsNormalizer : public TextNormalizer {
public:
    void apply(NormalizedText& t) const override {
        filter(t, [](char32_t c) { return !isMark(c); });
    }
};

class StripNormalizer : public TextNormalizer {
public:
    bool left = true, right = true;
    void apply(NormalizedText& t) const override {
        std::size_t b = 0, e = t.chars.size();
        if (left)
            while (b < e && isRustWhitespace(t.chars[b])) ++b;
        if (right)
            while (e > b && isRustWhitespace(t.chars[e - 1])) --e;
        t.chars = t.chars.substr(b, e - b);
        t.align = std::vector<std::pair<int, int>>(t.align.begin() + b, t.align.begin() + e);
    }
};

class ReplaceNormalizer : public TextNormalizer {
public:
    std::u32string literal;  // a String pattern
    QRegularExpression regex;
    bool isRegex = false;
    std::u32string content;
    void apply(NormalizedText& t) const override {
        // Matches in the text as it is, left to right, not overlapping.
        std::vector<std::pair<std::size_t, std::size_t>> matches;
        if (isRegex) {
            const QString s =
                QString::fromUcs4(t.chars.data(), static_cast<qsizetype>(t.chars.size()));
            // UTF-16 positions -> character positions.
            std::vector<std::size_t> charAt(static_cast<std::size_t>(s.size()) + 1, 0);
            std::size_t c = 0;
            for (qsizetype i = 0; i < s.size(); ++i) {
                charAt[static_cast<std::size_t>(i)] = c;
                if (!(s[i].isHighSurrogate() && i + 1 < s.size())) ++c;
            }
            charAt[static_cast<std::size_t>(s.size())] = c;
            auto it = regex.globalMatch(s);
            while (it.hasNext()) {
                const auto m = it.next();
                if (m.capturedLength() == 0) continue;
                matches.emplace_back(charAt[static_cast<std::size_t>(m.capturedStart())],
                                     charAt[static_cast<std::size_t>(m.capturedEnd())]);
            }
        } else if (!literal.empty()) {
            for (std::size_t p = t.chars.find(literal); p != std::u32string::npos;
                 p = t.chars.find(literal, p + literal.size()))
                matches.emplace_back(p, p + literal.size());
        }
        std::vector<std::pair<char32_t, int>> inserted;
        for (char32_t c : content) inserted.emplace_back(c, 1);
        // From the end, so that earlier positions stay valid.
        for (auto m = matches.rbegin(); m != matches.rend(); ++m)
            t.transform(m->first, m->second, inserted, m->second - m->first);
    }
};

// SentencePiece's precompiled normalization map: a Darts double-array trie over UTF-8 bytes and
// the replacement strings it points into (spm_precompiled in tokenizers).
class PrecompiledNormalizer : public TextNormalizer {
public:
    PrecompiledNormalizer(const QByteArray& blob, const std::string& source) {
        if (blob.size() < 4) throw Error(source, "the precompiled charsmap is truncated");
        std::uint32_t trieBytes = 0;
        std::memcpy(&trieBytes, blob.constData(), 4);
        if (trieBytes % 4 != 0 || trieBytes > static_cast<std::uint32_t>(blob.size() - 4) ||
            trieBytes == 0)
            throw Error(source, "the precompiled charsmap has an invalid trie size");
        units_.resize(trieBytes / 4);
        std::memcpy(units_.data(), blob.constData() + 4, trieBytes);
        strings_.assign(blob.constData() + 4 + trieBytes, blob.constData() + blob.size());
    }

    void apply(NormalizedText& t) const override {
        std::vector<std::pair<char32_t, int>> out;
        out.reserve(t.chars.size());
        bool modified = false;
        const QString text =
            QString::fromUcs4(t.chars.data(), static_cast<qsizetype>(t.chars.size()));
        QTextBoundaryFinder graphemes(QTextBoundaryFinder::Grapheme, text);
        qsizetype start = 0;
        std::string bytes;
        while (start < text.size()) {
            qsizetype end = graphemes.toNextBoundary();
            if (end <= start) end = text.size();
            const std::u32string grapheme = toU32(text.mid(start, end - start));
            bytes = unicode::encodeUtf8(grapheme);
            const auto whole = bytes.size() < 6 ? lookup(bytes) : std::nullopt;
            if (whole) {
                modified = true;
                replace(out, grapheme.size(), *whole);
            } else {
                for (char32_t c : grapheme) {
                    std::string one;
                    unicode::appendUtf8(one, c);
                    if (const auto part = lookup(one)) {
                        modified = true;
                        replace(out, 1, *part);
                    } else {
                        out.emplace_back(c, 0);
                    }
                }
            }
            start = end;
        }
        if (modified) t.transform(0, t.chars.size(), out, 0);
    }

private:
    // The replacement of the shortest prefix of `key` the trie holds (what spm_precompiled's
    // transform returns), or nothing. A view into the map's own strings: the normalizer is
    // shared by every thread that tokenizes, so it keeps no scratch state.
    std::optional<std::string_view> lookup(const std::string& key) const {
        auto unit = [&](std::size_t pos) -> std::uint32_t {
            return pos < units_.size() ? units_[pos] : 0;
        };
        auto offset = [](std::uint32_t u) -> std::size_t {
            return (u >> 10) << ((u & (1u << 9)) >> 6);
        };
        std::size_t node = 0;
        std::uint32_t u = unit(node);
        node ^= offset(u);
        for (unsigned char c : key) {
            if (c == 0) break;
            node ^= c;
            u = unit(node);
            if ((u & ((1u << 31) | 0xFF)) != c) return std::nullopt;
            node ^= offset(u);
            if ((u >> 8) & 1) {
                const std::size_t value = unit(node) & ((1u << 31) - 1);
                if (value >= strings_.size()) return std::nullopt;
                const std::size_t end = strings_.find('\0', value);
                return std::string_view(strings_).substr(
                    value, end == std::string::npos ? std::string::npos : end - value);
            }
        }
        return std::nullopt;
    }
    static void replace(std::vector<std::pair<char32_t, int>>& out, std::size_t oldCount,
                        std::string_view replacement) {
        const std::u32string chars = unicode::decodeUtf8(replacement);
        const long diff = static_cast<long>(chars.size()) - static_cast<long>(oldCount);
        const std::size_t first = out.size();
        for (char32_t c : chars) out.emplace_back(c, 0);
        if (diff > 0) {
            for (std::size_t k = 0; k < static_cast<std::size_t>(diff); ++k)
                out[out.size() - 1 - k].second = 1;
        } else if (diff < 0 && out.size() > first) {
            out.back().second += static_cast<int>(diff);
        } else if (diff < 0) {
            // Replaced by nothing: the old characters are dropped with the previous change.
            if (!out.empty()) out.back().second += static_cast<int>(diff);
        }
    }

    std::vector<std::uint32_t> units_;
    std::string strings_;
};

}  // namespace

std::unique_ptr<TextNormalizer> TextNormalizer::fromJson(const QJsonObject& json,
                                                         const std::string& source) {
    const QString type = json.value("type").toString();
    if (type == "Sequence") {
        auto seq = std::make_unique<SequenceNormalizer>();
        for (const auto& step : json.value("normalizers").toArray())
            if (auto n = fromJson(step.toObject(), source)) seq->steps.push_back(std::move(n));
        return seq;
    }
    if (type == "NFC") return std::make_unique<UnicodeNormalizer>(QString::NormalizationForm_C);
    if (type == "NFD") return std::make_unique<UnicodeNormalizer>(QString::NormalizationForm_D);
    if (type == "NFKC") return std::make_unique<UnicodeNormalizer>(QString::NormalizationForm_KC);
    if (type == "NFKD") return std::make_unique<UnicodeNormalizer>(QString::NormalizationForm_KD);
    if (type == "Nmt") return std::make_unique<NmtNormalizer>();
    if (type == "Lowercase") return std::make_unique<LowercaseNormalizer>();
    if (type == "StripAccents") return std::make_unique<StripAccentsNormalizer>();
    if (type == "Strip") {
        auto s = std::make_unique<StripNormalizer>();
        s->left = json.value("strip_left").toBool(true);
        s->right = json.value("strip_right").toBool(true);
        return s;
    }
    if (type == "Replace") {
        auto r = std::make_unique<ReplaceNormalizer>();
        const QJsonObject pattern = json.value("pattern").toObject();
        if (pattern.contains("Regex")) {
            r->isRegex = true;
            r->regex = QRegularExpression(pattern.value("Regex").toString());
            if (!r->regex.isValid())
                throw Error(source, "Replace pattern '" +
                                        pattern.value("Regex").toString().toStdString() +
                                        "' is not a valid regular expression");
        } else {
            r->literal = unicode::decodeUtf8(pattern.value("String").toString().toStdString());
        }
        r->content = unicode::decodeUtf8(json.value("content").toString().toStdString());
        return r;
    }
    if (type == "Precompiled") {
        const QByteArray blob =
            QByteArray::fromBase64(json.value("precompiled_charsmap").toString().toLatin1());
        if (blob.isEmpty()) return nullptr;  // an empty map changes nothing
        return std::make_unique<PrecompiledNormalizer>(blob, source);
    }
    throw Error(source, "normalizer '" + type.toStdString() + "' is not supported");
}

}  // namespace distilbench
