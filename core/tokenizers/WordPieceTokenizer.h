#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/tokenizers/AddedTokens.h"
#include "core/tokenizers/Tokenizer.h"

namespace distilbench {

// BertNormalizer's switches; stripAccents empty = follow lowercase.
struct BertNormalizerOptions {
    bool enabled = true;
    bool cleanText = true;
    bool handleChineseChars = true;
    std::optional<bool> stripAccents;
    bool lowercase = true;
    bool stripsAccents() const { return stripAccents.value_or(lowercase); }
};

// The BERT pipeline, identical to Hugging Face's tokenizers: BertNormalizer (clean text, CJK
// spacing, accents, lowercase), BertPreTokenizer (whitespace and punctuation), greedy
// longest-match WordPiece with "##" continuations, and offsets in the original text.
class WordPieceTokenizer : public Tokenizer {
public:
    // vocab.txt, with tokenizer_config.json and special_tokens_map.json from the same folder.
    static std::unique_ptr<WordPieceTokenizer> fromVocab(const std::string& vocabPath);
    static std::unique_ptr<WordPieceTokenizer> fromTokenizerJson(const std::string& path);

    std::vector<PreToken> tokenize(std::string_view text) const override;
    std::size_t vocabSize() const override { return vocab_.size(); }
    std::string idToToken(std::int64_t id) const override;
    std::int64_t tokenToId(std::string_view token) const override;
    std::string kind() const override { return "WordPiece"; }
    bool isContinuation(const std::string& token) const override;

    const BertNormalizerOptions& normalizer() const { return normalizer_; }
    const std::vector<AddedToken>& addedTokens() const { return added_; }
    const std::vector<std::string>& vocabulary() const { return vocab_; }

protected:
    std::string decodeTokens(const std::vector<std::string>& tokens) const override;

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    using Lookup = std::unordered_map<std::string, std::int64_t, Hash, std::equal_to<>>;

    void finishSetup(const std::string& source);
    void indexAddedTokens();
    void normalize(const std::u32string& text, std::size_t begin, std::size_t end,
                   std::u32string& out, std::vector<int>& align) const;
    void wordPiece(const char32_t* chars, const int* align, std::size_t n, int word,
                   std::vector<PreToken>& out) const;
    void splitWords(const std::u32string& chars, const std::vector<int>& align, int& word,
                    std::vector<PreToken>& out) const;

    std::vector<std::string> vocab_;
    Lookup words_, continuations_;
    std::string prefix_ = "##";
    std::size_t maxInputChars_ = 100;
    BertNormalizerOptions normalizer_;
    bool cleanup_ = true;
    std::vector<AddedToken> added_;
    bool hasNormalizedAdded_ = false;
};

}  // namespace distilbench
