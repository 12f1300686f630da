#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/models/Model.h"
#include "core/tokenizers/Tokenizer.h"

namespace distilbench {

struct LabelScore {
    std::string label;
    float probability = 0.0f;
};

struct Entity {
    std::string label;  // type without the B-/I- prefix
    std::string text;
    int begin = 0, end = 0;  // code points in the text
    float score = 0.0f;      // mean probability of its tokens
};

struct AnswerSpan {
    std::string text;
    int begin = 0, end = 0;  // code points in the context (the pair text)
    float score = 0.0f;
};

struct MaskFill {
    int position = 0;  // token index of the [MASK]
    std::vector<std::pair<std::string, float>> candidates;
};

// What the Playground and `distilbench-cli predict` show for one input.
struct TextPrediction {
    Encoding encoding;
    std::vector<float> logits;             // classification: [labels]; others: flattened per token
    std::vector<LabelScore> scores;        // classification, sorted by id
    std::string label;                     // classification: the best label
    std::vector<std::string> tokenLabels;  // token classification, per token
    std::vector<Entity> entities;
    AnswerSpan answer;
    std::vector<MaskFill> fills;
    // Tokens of the input before truncation: larger than encoding.size() when the input was cut
    // to the model's limit (the pages say so instead of predicting on a part in silence).
    std::size_t fullLength = 0;
};

struct PipelineOptions {
    int maxLength = 0;  // 0 = the model's limit
    int topK = 5;
    bool attentions = false;
    bool hiddenStates = false;
    int maxAnswerTokens = 30;
};

struct PipelineResult {
    std::vector<TextPrediction> predictions;
    InferenceResult raw;  // padded ids, logits, attentions and hidden states
};

// Text in, task-aware predictions out: tokenises (truncating to the model's length), runs the
// model as one padded batch, and decodes logits for the model's head.
class Pipeline {
public:
    Pipeline(std::shared_ptr<Model> model, std::shared_ptr<Tokenizer> tokenizer);
    // Loads a model folder and the tokenizer beside it (none when the folder has no tokenizer
    // files). Throws distilbench::Error naming the file and the problem.
    static std::shared_ptr<Pipeline> open(const std::string& path,
                                          const JobCallbacks& callbacks = {},
                                          const LoadOptions& load = {});

    PipelineResult predict(const std::vector<std::string>& texts,
                           const std::vector<std::string>& pairs = {},
                           const PipelineOptions& options = {}) const;
    // From token ids directly (no tokenizer needed).
    PipelineResult predictIds(const std::vector<std::vector<std::int64_t>>& ids,
                              const PipelineOptions& options = {}) const;

    const std::shared_ptr<Model>& model() const { return model_; }
    const std::shared_ptr<Tokenizer>& tokenizer() const { return tokenizer_; }

private:
    PipelineResult decode(std::vector<Encoding> encodings, const std::vector<std::string>& texts,
                          const std::vector<std::string>& pairs,
                          const PipelineOptions& options) const;

    std::shared_ptr<Model> model_;
    std::shared_ptr<Tokenizer> tokenizer_;
};

// Token classification: B-/I- tags (or plain labels) of each word's first piece grouped into
// entities; later pieces of a word extend it. `probs` are the chosen labels' probabilities.
std::vector<Entity> groupEntities(const Encoding& encoding,
                                  const std::vector<std::string>& tokenLabels,
                                  const std::vector<float>& probs, const std::string& text);
// Question answering: the span of the context sequence that maximises p(start) * p(end), at most
// maxTokens long.
AnswerSpan bestAnswerSpan(const Encoding& encoding, const std::vector<float>& startLogits,
                          const std::vector<float>& endLogits, int contextSequence, int maxTokens,
                          const std::string& context);

// Slices UTF-8 text by code points [begin, end).
std::string substringByCodePoints(const std::string& text, int begin, int end);
std::vector<float> softmax(const float* logits, std::size_t n);

}  // namespace distilbench
