#pragma once

#include <QJsonObject>
#include <string>

namespace distilbench {

class Tokenizer;
class WordPieceTokenizer;

// tokenizer.json (the Hugging Face tokenizers format) for a WordPiece tokenizer: BertNormalizer,
// BertPreTokenizer, the WordPiece model, the [CLS]/[SEP] template and the WordPiece decoder.
QJsonObject wordPieceTokenizerJson(const WordPieceTokenizer& tokenizer);

// Writes vocab.txt (WordPiece) or spiece.model, tokenizer.json, tokenizer_config.json and
// special_tokens_map.json into `folder`: files the source folder has are copied, missing ones
// generated from the loaded tokenizer. `source` is the tokenizer's folder or file.
void writeTokenizerFiles(const Tokenizer& tokenizer, const std::string& source,
                         const std::string& folder);

}  // namespace distilbench
