#pragma once

#include "widgets/AttentionData.h"

namespace distilbench {
struct AttentionAnalysis;
class Tokenizer;
}  // namespace distilbench

// Core's attention analysis as the plain data the attention widgets draw (GUI and CLI); with
// the tokenizer, tokens are labelled as people read them (its displayToken).
AttentionData toAttentionData(const distilbench::AttentionAnalysis& analysis,
                              const distilbench::Tokenizer* tokenizer = nullptr);
