#pragma once

#include <QJsonObject>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/tokenizers/AddedTokens.h"
#include "core/tokenizers/NormalizedText.h"
#include "core/tokenizers/Tokenizer.h"

namespace distilbench {

// The Unigram model of XLM-RoBERTa's, ALBERT's and DeBERTa-v3's fast tokenizers, identical to
// Hugging Face's tokenizers: the tokenizer.json normalizers with alignments (Precompiled
// SentencePiece maps, NFKC, Nmt, Replace, …), the Metaspace pre-tokenizer ("▁" for spaces and
// before each word), Viterbi segmentation by piece scores with unknown pieces fused, and
// offsets in code points of the original text.
class UnigramTokenizer : public Tokenizer {
public:
    static std::unique_ptr<UnigramTokenizer> fromTokenizerJson(const QJsonObject& root,
                                                               const std::string& path);

    std::vector<PreToken> tokenize(std::string_view text) const override;
    std::size_t vocabSize() const override { return pieces_.size(); }
    std::string idToToken(std::int64_t id) const override;
    std::int64_t tokenToId(std::string_view token) const override;
    std::string kind() const override { return "Unigram"; }
    bool isContinuation(const std::string& token) const override;
    // The piece's log probability (what the Tokenizer page shows beside it).
    double score(std::int64_t id) const;

protected:
    std::string decodeTokens(const std::vector<std::string>& tokens) const override;

private:
    enum class Prepend { Always, First, Never };
    // Metaspace on one piece of normalized text, then Viterbi per word.
    void segment(NormalizedText& text, int& word, std::vector<PreToken>& out) const;
    void viterbi(const std::u32string& chars, std::size_t begin, std::size_t end,
                 const std::vector<std::pair<int, int>>& align, int word,
                 std::vector<PreToken>& out) const;

    std::vector<std::string> pieces_;
    std::vector<double> scores_;
    std::unordered_map<std::string, std::int64_t> ids_;
    std::size_t longestPiece_ = 1;  // in characters
    std::size_t modelPieces_ = 0;   // ids below this are the model's; above, added tokens only
    std::int64_t unkId_ = -1;
    double unkScore_ = 0;
    std::unique_ptr<TextNormalizer> normalizer_;
    std::vector<AddedToken> added_;
    char32_t replacement_ = U'\u2581';
    Prepend prepend_ = Prepend::Always;
    bool split_ = true;
};

}  // namespace distilbench
