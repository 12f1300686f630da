#pragma once

#include <QJsonObject>
#include <string>

namespace distilbench {

class Tokenizer;
class WordPieceTokenizer;

// tokenizer.json (the Hugging Face tokenizers format) for a WordPiece tokenizer: BertNormalizer,
// BertPreTokenizer, the WordPiece model, the [CLS]/[SEP] template and the WordPiece decoder.
QJsonObject wordPieceTokenizerJson(const WordPieceTokenizer& tokenizer);

// The tokenizer class transformers writes into tokenizer_config.json for a model type
// ("distilbert" -> "DistilBertTokenizer"), "" for a type it does not know. The class decides
// what the tokenizer returns: BertTokenizer adds token_type_ids, which DistilBERT's forward()
// rejects with a TypeError.
std::string tokenizerClassFor(const std::string& modelType);

// Writes vocab.txt (WordPiece) or spiece.model, tokenizer.json, tokenizer_config.json and
// special_tokens_map.json into `folder`: files the source folder has are copied, missing ones
// generated from the loaded tokenizer. `source` is the tokenizer's folder or file; `modelType`
// the config.json model_type of the model they go with: tokenizer_config.json names the
// tokenizer class of that type (a copied one naming another family's class is corrected).
void writeTokenizerFiles(const Tokenizer& tokenizer, const std::string& source,
                         const std::string& folder, const std::string& modelType);

}  // namespace distilbench
