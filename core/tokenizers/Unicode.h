#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace distilbench::unicode {

// Decodes UTF-8; every invalid or truncated sequence becomes one U+FFFD (never throws).
std::u32string decodeUtf8(std::string_view text);
void appendUtf8(std::string& out, char32_t c);
std::string encodeUtf8(std::u32string_view text);

// The character classes BERT's normaliser and pre-tokenizer use, as Hugging Face's Rust
// tokenizers define them.
bool isWhitespace(char32_t c);   // \t \n \r and the Unicode White_Space property
bool isControl(char32_t c);      // C* categories except \t \n \r
bool isPunctuation(char32_t c);  // ASCII punctuation and symbols, and Unicode P*
bool isChineseChar(char32_t c);  // CJK ideograph blocks, as in the original BERT code
bool isMarkNonspacing(char32_t c);

// Canonical decomposition (NFD) of one character, recursively, Hangul included; `out` receives
// the characters in canonical order when combined with neighbours by the caller.
void decomposeCanonical(char32_t c, std::u32string& out);
int combiningClass(char32_t c);
// Full lowercase mapping (U+0130 becomes "i̇" as in Rust's char::to_lowercase).
void toLowerFull(char32_t c, std::u32string& out);

}  // namespace distilbench::unicode
