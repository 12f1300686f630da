#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace distilbench {

// One encoded sequence (or pair), field for field what Hugging Face's Encoding holds.
struct Encoding {
    std::vector<std::int64_t> ids;
    std::vector<std::string> tokens;
    std::vector<std::pair<int, int>> offsets;  // Unicode code points in the original text
    std::vector<std::int64_t> typeIds;
    std::vector<std::int64_t> attentionMask;
    std::vector<std::int64_t> specialTokensMask;
    std::vector<int> wordIds;      // -1 for none (special tokens, padding)
    std::vector<int> sequenceIds;  // 0 / 1 for text / pair, -1 for special tokens and padding
    std::vector<Encoding> overflowing;

    std::size_t size() const { return ids.size(); }
};

enum class Truncation { LongestFirst, OnlyFirst, OnlySecond };
enum class Padding { None, Longest, MaxLength };
enum class Side { Right, Left };

struct EncodeOptions {
    bool addSpecialTokens = true;
    int maxLength = 0;  // 0 = no truncation
    Truncation truncation = Truncation::LongestFirst;
    Side truncationSide = Side::Right;
    int stride = 0;  // overlap between overflowing windows
    bool returnOverflowing = false;
    Padding padding = Padding::None;
    Side paddingSide = Side::Right;
    int padToMultipleOf = 0;
};

// Parses "longest_first" / "only_first" / "only_second" etc.; false when unknown.
bool parseTruncation(const std::string& s, Truncation& out);
bool parsePadding(const std::string& s, Padding& out);

}  // namespace distilbench
