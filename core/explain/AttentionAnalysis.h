#pragma once

#include <string>
#include <vector>

#include <QJsonObject>

#include "core/models/Model.h"
#include "core/tokenizers/Encoding.h"

namespace distilbench {

// One layer's attention for one input: [heads][query][key], already restricted to real tokens.
struct LayerAttention {
    int heads = 0, length = 0;
    std::vector<float> values;  // heads * length * length
    float at(int h, int q, int k) const {
        return values[(static_cast<std::size_t>(h) * length + q) * length + k];
    }
};

struct HeadStatistics {
    int layer = 0, head = 0;
    double entropy = 0;          // mean over queries, in nats
    double clsMass = 0;          // mean attention on the first token ([CLS])
    double sepMass = 0;          // mean attention on separator tokens
    double punctuationMass = 0;  // mean attention on punctuation tokens
    double meanDistance = 0;     // mean |query - key| weighted by attention
};

// Extracts sequence `batch` from run() attentions ([B, H, L, L] per layer), keeping the first
// `length` positions (padding dropped).
std::vector<LayerAttention> attentionsForSequence(const std::vector<FloatArray>& attentions,
                                                  int batch, int length);

// Per-head statistics. `isSeparator` and `isPunctuation` flag key positions.
std::vector<HeadStatistics> headStatistics(const std::vector<LayerAttention>& layers,
                                           const std::vector<bool>& isSeparator,
                                           const std::vector<bool>& isPunctuation);

// Attention rollout (Abnar & Zuidema 2020): heads averaged, the residual added (0.5 A + 0.5 I),
// rows renormalised, multiplied through the layers. Returns [length][length], row-major.
std::vector<float> attentionRollout(const std::vector<LayerAttention>& layers);

class Pipeline;

// Everything the attention views show for one input.
struct AttentionAnalysis {
    Encoding encoding;
    std::vector<LayerAttention> layers;
    std::vector<HeadStatistics> statistics;
    std::vector<float> rollout;  // [length][length]
    double seconds = 0;
    // Tokens of the input before truncation to the model's limit (see TextPrediction).
    std::size_t fullLength = 0;
};

// Runs the model on a text (and optional pair), or on token ids when `ids` is not empty, and
// analyses its attention. Throws Error for empty input or a model without a tokenizer.
AttentionAnalysis analyseAttention(const Pipeline& pipeline, const std::string& text,
                                   const std::string& pair,
                                   const std::vector<std::int64_t>& ids = {});

// {"tokens": [...], "attentions": [layer][head][query][key]}: the raw tensor for other tools.
QJsonObject attentionToJson(const AttentionAnalysis& analysis);

}  // namespace distilbench
