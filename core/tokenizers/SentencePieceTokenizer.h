#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "core/sentencepiece/SentencePieceBackend.h"
#include "core/tokenizers/Tokenizer.h"

namespace distilbench {

// A SentencePiece .model through the separately loaded sentencepiece module. Special tokens
// come from special_tokens_map.json beside the model, else [CLS]/[SEP] or <s>/</s> when the
// model has them.
class SentencePieceTokenizer : public Tokenizer {
public:
    static std::unique_ptr<SentencePieceTokenizer> load(const std::string& path);

    std::vector<PreToken> tokenize(std::string_view text) const override;
    std::size_t vocabSize() const override;
    std::string idToToken(std::int64_t id) const override;
    std::int64_t tokenToId(std::string_view token) const override;
    std::string kind() const override { return "SentencePiece"; }
    bool isContinuation(const std::string& token) const override;

protected:
    std::string decodeTokens(const std::vector<std::string>& tokens) const override;

private:
    std::unique_ptr<SentencePieceBackend> backend_;
};

}  // namespace distilbench
