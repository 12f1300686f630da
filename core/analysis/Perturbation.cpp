#include "core/analysis/Perturbation.h"

#include <QString>
#include <algorithm>
#include <map>
#include <random>

namespace distilbench {
namespace {

// Bytes of letters and digits, UTF-8 continuation and lead bytes included: a word boundary is
// anything else (space, punctuation).
bool wordByte(unsigned char c) {
    return std::isalnum(c) || c >= 0x80 || c == '\'';
}

// Where `needle` occurs in `text` as whole words; npos when it does not.
std::size_t findWord(const std::string& text, const std::string& needle, std::size_t from = 0) {
    if (needle.empty()) return std::string::npos;
    for (std::size_t at = text.find(needle, from); at != std::string::npos;
         at = text.find(needle, at + 1)) {
        const bool startOk = at == 0 || !wordByte(static_cast<unsigned char>(text[at - 1]));
        const std::size_t end = at + needle.size();
        const bool endOk = end == text.size() || !wordByte(static_cast<unsigned char>(text[end]));
        if (startOk && endOk) return at;
    }
    return std::string::npos;
}

struct WordSpan {
    std::size_t begin, end;
};

std::vector<WordSpan> wordSpans(const std::string& text) {
    std::vector<WordSpan> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && !wordByte(static_cast<unsigned char>(text[i]))) ++i;
        const std::size_t b = i;
        while (i < text.size() && wordByte(static_cast<unsigned char>(text[i]))) ++i;
        if (i > b) out.push_back({b, i});
    }
    return out;
}

std::uint64_t textSeed(const std::string& text, std::uint64_t seed) {
    std::uint64_t h = 1469598103934665603ull ^ seed;  // FNV-1a: stable across runs and builds
    for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
    return h;
}

std::string joined(const std::string& a, const std::string& b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    return a + " " + b;
}

}  // namespace

std::vector<PerturbedText> Perturbation::apply(const std::string& text) const {
    std::vector<PerturbedText> out;
    std::mt19937_64 rng(textSeed(text, seed));
    switch (kind) {
        case Kind::Swap: {
            // The first list entry found in the text is replaced by the others, longest entries
            // first so that "New York" wins over "York".
            std::vector<std::string> sorted = words;
            std::stable_sort(sorted.begin(), sorted.end(),
                             [](const auto& a, const auto& b) { return a.size() > b.size(); });
            for (const std::string& w : sorted) {
                const std::size_t at = findWord(text, w);
                if (at == std::string::npos) continue;
                std::vector<std::string> others;
                for (const std::string& o : words)
                    if (o != w && std::find(others.begin(), others.end(), o) == others.end())
                        others.push_back(o);
                std::shuffle(others.begin(), others.end(), rng);
                if (variants > 0 && static_cast<int>(others.size()) > variants)
                    others.resize(static_cast<std::size_t>(variants));
                for (const std::string& o : others) {
                    std::string t = text;
                    t.replace(at, w.size(), o);
                    out.push_back({t, w + " → " + o});
                }
                break;
            }
            break;
        }
        case Kind::Lowercase:
        case Kind::Uppercase: {
            const QString q = QString::fromStdString(text);
            const std::string t =
                (kind == Kind::Lowercase ? q.toLower() : q.toUpper()).toStdString();
            if (t != text)
                out.push_back({t, kind == Kind::Lowercase ? "lower case" : "upper case"});
            break;
        }
        case Kind::Punctuation: {
            std::string stripped = text;
            while (!stripped.empty() &&
                   std::string(".!?;,").find(stripped.back()) != std::string::npos)
                stripped.pop_back();
            while (!stripped.empty() && stripped.back() == ' ') stripped.pop_back();
            if (stripped != text) out.push_back({stripped, "trailing punctuation removed"});
            for (const char* mark : {".", "!"})
                if (stripped + mark != text)
                    out.push_back({stripped + mark, std::string("ends with ") + mark});
            break;
        }
        case Kind::Typos: {
            // Words with at least four ASCII letters; the swapped pair is inside the word.
            std::vector<WordSpan> candidates;
            for (const WordSpan& w : wordSpans(text)) {
                bool ascii = w.end - w.begin >= 4;
                for (std::size_t i = w.begin; ascii && i < w.end; ++i)
                    ascii = std::isalpha(static_cast<unsigned char>(text[i])) != 0;
                if (ascii) candidates.push_back(w);
            }
            std::shuffle(candidates.begin(), candidates.end(), rng);
            const std::size_t n = std::min<std::size_t>(
                candidates.size(), static_cast<std::size_t>(std::max(1, variants)));
            for (std::size_t k = 0; k < n; ++k) {
                const WordSpan w = candidates[k];
                std::uniform_int_distribution<std::size_t> pick(w.begin + 1, w.end - 3);
                const std::size_t i = pick(rng);
                std::string t = text;
                std::swap(t[i], t[i + 1]);
                if (t == text) continue;  // a doubled letter
                out.push_back({t, "typo in '" + text.substr(w.begin, w.end - w.begin) + "'"});
            }
            break;
        }
        case Kind::Append:
            for (const std::string& p : phrases) out.push_back({joined(text, p), "+ '" + p + "'"});
            break;
        case Kind::Prepend:
            for (const std::string& p : phrases) out.push_back({joined(p, text), "'" + p + "' +"});
            break;
        case Kind::DropWord: {
            const std::vector<WordSpan> ws = wordSpans(text);
            for (const WordSpan& w : ws) {
                if (out.size() >= kMaxVariants) break;
                // One space goes with the word, so no double space (or space before a full
                // stop) is left.
                std::string before = text.substr(0, w.begin), after = text.substr(w.end);
                if (!before.empty() && before.back() == ' ' &&
                    (after.empty() || after.front() == ' ' ||
                     std::ispunct(static_cast<unsigned char>(after.front()))))
                    before.pop_back();
                else if (before.empty() && !after.empty() && after.front() == ' ')
                    after.erase(0, 1);
                out.push_back(
                    {before + after, "dropped '" + text.substr(w.begin, w.end - w.begin) + "'"});
            }
            break;
        }
        case Kind::Negate: {
            static const std::vector<std::string> aux = {
                "is",   "are",   "was",    "were", "am",   "do",  "does", "did",   "can", "could",
                "will", "would", "should", "has",  "have", "had", "must", "might", "may"};
            auto lowerWord = [&](const WordSpan& w) {
                return QString::fromStdString(text.substr(w.begin, w.end - w.begin))
                    .toLower()
                    .toStdString();
            };
            const std::vector<WordSpan> ws = wordSpans(text);
            for (std::size_t i = 0; i < ws.size(); ++i) {
                const std::string w = lowerWord(ws[i]);
                if (w.size() > 3 && w.compare(w.size() - 3, 3, "n't") == 0) {
                    // "isn't" -> "is", "don't" -> "do", "can't" -> "can", "won't" -> "will".
                    std::string base = text.substr(ws[i].begin, ws[i].end - ws[i].begin - 3);
                    if (w == "can't") base = text.substr(ws[i].begin, 3);
                    if (w == "won't") base = text[ws[i].begin] == 'W' ? "Will" : "will";
                    std::string t = text;
                    t.replace(ws[i].begin, ws[i].end - ws[i].begin, base);
                    out.push_back({t, "removed n't"});
                } else if (std::find(aux.begin(), aux.end(), w) != aux.end()) {
                    std::string t = text;
                    if (i + 1 < ws.size() && lowerWord(ws[i + 1]) == "not") {
                        t.erase(ws[i].end, ws[i + 1].end - ws[i].end);  // " not"
                        out.push_back({t, "removed not after '" + w + "'"});
                    } else {
                        t.insert(ws[i].end, " not");
                        out.push_back({t, "not after '" + w + "'"});
                    }
                }
            }
            break;
        }
    }
    if (out.size() > kMaxVariants) out.resize(kMaxVariants);
    return out;
}

const std::vector<std::string>& builtInWordList(const std::string& name) {
    static const std::map<std::string, std::vector<std::string>> lists = {
        {"intensifiers",
         {"very", "really", "extremely", "incredibly", "truly", "quite", "somewhat", "slightly",
          "fairly", "rather"}},
        {"first_names",
         {"Mary", "John", "Aisha", "Wei", "Carlos", "Olga", "Kwame", "Priya", "Hiroshi", "Fatima",
          "Liam", "Ana", "Mohammed", "Emma", "Dmitri", "Sofia"}},
        {"pronouns", {"he", "she", "they"}},
    };
    static const std::vector<std::string> none;
    const auto it = lists.find(name);
    return it == lists.end() ? none : it->second;
}

bool Perturbation::parseKind(const std::string& name, Kind& out) {
    for (Kind k : {Kind::Swap, Kind::Lowercase, Kind::Uppercase, Kind::Punctuation, Kind::Typos,
                   Kind::Append, Kind::Prepend, Kind::DropWord, Kind::Negate})
        if (kindName(k) == name) {
            out = k;
            return true;
        }
    return false;
}

std::string Perturbation::kindName(Kind kind) {
    switch (kind) {
        case Kind::Swap:
            return "swap";
        case Kind::Lowercase:
            return "lowercase";
        case Kind::Uppercase:
            return "uppercase";
        case Kind::Punctuation:
            return "punctuation";
        case Kind::Typos:
            return "typos";
        case Kind::Append:
            return "append";
        case Kind::Prepend:
            return "prepend";
        case Kind::DropWord:
            return "drop-word";
        case Kind::Negate:
            return "negate";
    }
    return {};
}

}  // namespace distilbench
