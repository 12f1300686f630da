#pragma once

#include <QJsonObject>
#include <cstdint>
#include <string>
#include <vector>

namespace distilbench {

// A token that is matched in the text before the model sees it ("[CLS]" typed by a user is the
// special token, not five characters).
struct AddedToken {
    std::string content;
    std::u32string chars;
    std::int64_t id = 0;
    bool special = true;
    bool lstrip = false, rstrip = false, singleWord = false;
    bool normalized = false;
};

// One entry of tokenizer.json's "added_tokens"; throws Error naming `source` when it has no
// content or id.
AddedToken readAddedToken(const QJsonObject& o, const std::string& source);

// Where an added token occurs in a searched text; [begin, end) includes what lstrip/rstrip
// took.
struct AddedTokenMatch {
    std::size_t begin, end;
    const AddedToken* token;
};

// Leftmost-longest occurrences of the added tokens whose `normalized` flag equals `normalized`
// in text[begin, end), as Hugging Face's AddedVocabulary finds them. `tokens` must be sorted
// longest first (sortAddedTokens).
std::vector<AddedTokenMatch> findAddedTokens(const std::u32string& text, std::size_t begin,
                                             std::size_t end, const std::vector<AddedToken>& tokens,
                                             bool normalized);
void sortAddedTokens(std::vector<AddedToken>& tokens);

}  // namespace distilbench
