#include "core/tokenizers/AddedTokens.h"

#include <algorithm>

#include "core/runtime/Error.h"
#include "core/tokenizers/Unicode.h"

namespace distilbench {

AddedToken readAddedToken(const QJsonObject& o, const std::string& source) {
    AddedToken a;
    a.content = o.value("content").toString().toStdString();
    a.chars = unicode::decodeUtf8(a.content);
    a.id = o.value("id").toInteger(-1);
    a.special = o.value("special").toBool(false);
    a.lstrip = o.value("lstrip").toBool(false);
    a.rstrip = o.value("rstrip").toBool(false);
    a.singleWord = o.value("single_word").toBool(false);
    a.normalized = o.value("normalized").toBool(!a.special);
    if (a.content.empty() || a.id < 0) throw Error(source, "an added token has no content or id");
    return a;
}

void sortAddedTokens(std::vector<AddedToken>& tokens) {
    std::stable_sort(tokens.begin(), tokens.end(), [](const AddedToken& a, const AddedToken& b) {
        return a.chars.size() > b.chars.size();  // longest match first
    });
}

namespace {
bool isWordChar(char32_t c) {
    return !unicode::isWhitespace(c) && !unicode::isPunctuation(c);
}
}  // namespace

std::vector<AddedTokenMatch> findAddedTokens(const std::u32string& text, std::size_t begin,
                                             std::size_t end, const std::vector<AddedToken>& tokens,
                                             bool normalized) {
    std::vector<AddedTokenMatch> matches;
    for (std::size_t i = begin; i < end;) {
        const AddedToken* hit = nullptr;
        for (const auto& t : tokens) {
            if (t.normalized != normalized || t.chars.empty() || t.chars[0] != text[i]) continue;
            if (t.chars.size() > end - i || text.compare(i, t.chars.size(), t.chars) != 0) continue;
            if (t.singleWord &&
                ((i > begin && isWordChar(text[i - 1])) ||
                 (i + t.chars.size() < end && isWordChar(text[i + t.chars.size()]))))
                continue;
            hit = &t;
            break;
        }
        if (!hit) {
            ++i;
            continue;
        }
        std::size_t b = i, e = i + hit->chars.size();
        if (hit->lstrip) {
            const std::size_t floor = matches.empty() ? begin : matches.back().end;
            while (b > floor && unicode::isWhitespace(text[b - 1])) --b;
        }
        if (hit->rstrip)
            while (e < end && unicode::isWhitespace(text[e])) ++e;
        matches.push_back({b, e, hit});
        i = e;
    }
    return matches;
}

}  // namespace distilbench
