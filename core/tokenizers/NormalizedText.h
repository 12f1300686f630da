#pragma once

#include <QJsonObject>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace distilbench {

// Text being normalized, each character aligned to the range of original code points it came
// from: Hugging Face's NormalizedString, so that tokens found in normalized text report offsets
// in the text the user typed.
struct NormalizedText {
    std::u32string chars;
    std::vector<std::pair<int, int>> align;  // per character: [begin, end) in the original

    static NormalizedText fromOriginal(const std::u32string& original, std::size_t begin,
                                       std::size_t end);
    // Replaces chars[from, to) by `replacement`, given as (character, change) pairs as
    // tokenizers' transform_range takes them: change 0 takes the next old character's place,
    // 1 is inserted (aligned to the old character before it), -n also drops the n old
    // characters after it. `removedFirst` old characters are dropped before the first one.
    void transform(std::size_t from, std::size_t to,
                   const std::vector<std::pair<char32_t, int>>& replacement,
                   std::size_t removedFirst);
    // Puts `prefix` before the text, aligned to its first character (a no-op on empty text).
    void prepend(const std::u32string& prefix);
};

// One step of tokenizer.json's "normalizer" (Sequence, NFC/NFD/NFKC/NFKD, Nmt, Lowercase,
// StripAccents, Strip, Replace with a string or a regex, Precompiled), applied with alignments.
class TextNormalizer {
public:
    virtual ~TextNormalizer() = default;
    virtual void apply(NormalizedText& text) const = 0;
    // Builds the normalizer a tokenizer.json describes; nullptr for null. Throws Error naming
    // `source` for a type it does not implement.
    static std::unique_ptr<TextNormalizer> fromJson(const QJsonObject& json,
                                                    const std::string& source);
};

}  // namespace distilbench
