#pragma once

#include <memory>
#include <string>

namespace distilbench {

class Tokenizer;

// The fast tokenizer transformers' converters (AlbertConverter, XLMRobertaConverter,
// DebertaV2Converter) build from a SentencePiece .model, for the family the folder's
// tokenizer_config.json (tokenizer_class) or config.json (model_type) names: the Unigram pieces
// (with XLM-RoBERTa's fairseq id offset), the family's normalizers around the model's
// precompiled map, Metaspace, and the family's special-token template. nullptr when the folder
// names none of these families or the model is not Unigram (the sentencepiece module reads it).
std::unique_ptr<Tokenizer> convertSentencePieceModel(const std::string& modelPath);

}  // namespace distilbench
