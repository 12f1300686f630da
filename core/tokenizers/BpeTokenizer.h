#pragma once

#include <QJsonObject>
#include <array>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/tokenizers/AddedTokens.h"
#include "core/tokenizers/Tokenizer.h"

namespace distilbench {

// Byte-level BPE as RoBERTa (and GPT-2) use it, identical to Hugging Face's tokenizers: added
// tokens, the ByteLevel pre-tokenizer (GPT-2's split pattern, bytes mapped to printable
// characters, optional prefix space), BPE merges by rank, and offsets in code points of the
// original text, trimmed as RobertaProcessing's trim_offsets does ("Ġjourney" covers the 7
// letters; a lone "Ġ" gets an empty span after its space).
class BpeTokenizer : public Tokenizer {
public:
    // tokenizer.json with a "BPE" model.
    static std::unique_ptr<BpeTokenizer> fromTokenizerJson(const QJsonObject& root,
                                                           const std::string& path);
    // vocab.json + merges.txt, with tokenizer_config.json / special_tokens_map.json beside them
    // (RobertaTokenizer's files).
    static std::unique_ptr<BpeTokenizer> fromVocabAndMerges(const std::string& vocabPath,
                                                            const std::string& mergesPath);

    std::vector<PreToken> tokenize(std::string_view text) const override;
    std::size_t vocabSize() const override { return vocab_.size(); }
    std::string idToToken(std::int64_t id) const override;
    std::int64_t tokenToId(std::string_view token) const override;
    std::string kind() const override { return "BPE"; }
    // Byte-level pieces shown readably: "Ġcharming" -> "▁charming", bytes decoded to text.
    std::string displayToken(const std::string& token) const override;

    // The byte -> printable character table of GPT-2 (bytes_to_unicode).
    static const std::array<char32_t, 256>& byteToChar();

protected:
    std::string decodeTokens(const std::vector<std::string>& tokens) const override;

private:
    struct Piece {
        std::int64_t id;
        int begin, end;  // bytes of the word
    };
    void setVocabulary(std::vector<std::string> vocab, const std::string& source);
    void setMerges(const std::vector<std::pair<std::string, std::string>>& merges,
                   const std::string& source);
    std::vector<Piece> bpe(const std::string& mapped, const std::vector<int>& charBytes) const;
    void tokenizeWords(const std::u32string& chars, std::size_t begin, std::size_t end, int& word,
                       std::vector<PreToken>& out) const;
    void trimOffsets(PreToken& t, bool first) const;

    std::vector<std::string> vocab_;
    std::unordered_map<std::string, std::int64_t> ids_;
    // (left id << 32 | right id) -> (rank, merged id)
    std::unordered_map<std::uint64_t, std::pair<int, std::int64_t>> merges_;
    std::vector<AddedToken> added_;
    std::int64_t unkId_ = -1;
    bool addPrefixSpace_ = false;
    bool trimOffsets_ = true;
    bool useRegex_ = true;
    // Words seen before: a long text repeats its words, and BPE on a word costs more than a lookup.
    mutable std::mutex cacheMutex_;
    mutable std::unordered_map<std::string, std::vector<Piece>> cache_;
};

}  // namespace distilbench
