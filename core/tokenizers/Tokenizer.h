#pragma once

#include <QJsonObject>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/tokenizers/Encoding.h"

namespace distilbench {

// A token produced by a tokenizer model before special tokens are added.
struct PreToken {
    std::int64_t id = 0;
    std::string token;
    int begin = 0;  // code points in the original text
    int end = 0;
    int word = -1;
};

// How special tokens are placed around one or two sequences (TemplateProcessing).
struct TemplateItem {
    bool isSequence = false;
    int sequence = 0;  // A = 0, B = 1
    std::string special;
    int typeId = 0;
};

struct PostProcessor {
    std::vector<TemplateItem> single;
    std::vector<TemplateItem> pair;
    // A template's special token name -> its ids and tokens (usually one of each).
    std::map<std::string, std::vector<std::pair<std::int64_t, std::string>>> specials;
    std::size_t addedTokens(bool isPair) const;
};

struct SpecialTokens {
    std::string unk = "[UNK]", cls = "[CLS]", sep = "[SEP]", pad = "[PAD]", mask = "[MASK]";
    std::int64_t unkId = -1, clsId = -1, sepId = -1, padId = 0, maskId = -1;
};

// The shared part of every tokenizer: truncation, special tokens, padding, overflowing windows,
// batching and decoding. Subclasses turn one text into PreTokens.
class Tokenizer {
public:
    virtual ~Tokenizer() = default;

    // Loads a model folder, vocab.txt, tokenizer.json or a SentencePiece .model.
    // Throws distilbench::Error naming the file and the problem.
    static std::unique_ptr<Tokenizer> load(const std::string& path);
    // tokenizer.json of any supported model type (WordPiece, BPE, Unigram).
    static std::unique_ptr<Tokenizer> fromTokenizerJson(const std::string& path);
    // A SentencePiece .model: converted for the families transformers converts, else through the
    // sentencepiece module.
    static std::unique_ptr<Tokenizer> loadSentencePiece(const std::string& path);

    Encoding encode(std::string_view text, const EncodeOptions& options = {}) const;
    Encoding encode(std::string_view text, std::optional<std::string_view> pair,
                    const EncodeOptions& options) const;
    // Padding::Longest pads to the longest in the batch.
    std::vector<Encoding> encodeBatch(const std::vector<std::string>& texts,
                                      const std::vector<std::string>& pairs,
                                      const EncodeOptions& options) const;
    std::string decode(const std::vector<std::int64_t>& ids, bool skipSpecialTokens = true) const;
    // Pre-split words (is_split_into_words): each word is tokenized on its own, word ids are the
    // word positions, offsets refer to the words joined by single spaces.
    Encoding encodeWords(const std::vector<std::string>& words, const EncodeOptions& options) const;

    // The model step: tokens without special tokens, offsets in code points.
    virtual std::vector<PreToken> tokenize(std::string_view text) const = 0;
    virtual std::size_t vocabSize() const = 0;
    virtual std::string idToToken(std::int64_t id) const = 0;
    virtual std::int64_t tokenToId(std::string_view token) const = 0;  // -1 when absent
    virtual bool isSpecialId(std::int64_t id) const;
    virtual std::string kind() const = 0;  // "WordPiece", "SentencePiece"
    // "##" for WordPiece, "▁" for SentencePiece: how continuation pieces are marked.
    virtual bool isContinuation(const std::string& token) const { return false; }
    // A token as a person reads it (byte-level BPE pieces decoded; others as they are).
    virtual std::string displayToken(const std::string& token) const { return token; }

    const SpecialTokens& specialTokens() const { return special_; }
    const PostProcessor& postProcessor() const { return post_; }
    int modelMaxLength() const { return modelMaxLength_; }
    const std::string& source() const { return source_; }

protected:
    virtual std::string decodeTokens(const std::vector<std::string>& tokens) const;
    void setDefaultBertTemplate();
    // tokenizer.json's "post_processor": TemplateProcessing, BertProcessing, RobertaProcessing or
    // none; sets the template and the [CLS]/[SEP]-like special tokens. Throws Error naming `path`.
    void readPostProcessor(const QJsonObject& post, const std::string& path);
    // The special token names of tokenizer_config.json and special_tokens_map.json in `folder`
    // (when there are such files) over the names already set, and model_max_length.
    void readSpecialTokenFiles(const std::string& folder);
    // Every special token's id from its name (padding falls back to 0).
    void resolveSpecialIds();

    SpecialTokens special_;
    PostProcessor post_;
    std::vector<std::int64_t> specialIds_;  // skipped when decoding
    int modelMaxLength_ = 512;
    std::string source_;

private:
    Encoding fromPreTokens(const std::vector<PreToken>& tokens, int sequence) const;
    Encoding finish(const Encoding& a, const Encoding* b, const EncodeOptions& options) const;
    Encoding postProcess(const Encoding& a, const Encoding* b, bool addSpecial) const;
    void pad(Encoding& e, std::size_t length, Side side) const;
};

}  // namespace distilbench
