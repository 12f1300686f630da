#pragma once

#include <string>
#include <vector>

namespace distilbench {

// What a SentencePiece .model file (a serialized ModelProto) holds that transformers' converters
// read: the pieces with their scores and types, the model type, and the normalizer's
// precompiled character map. Read directly from the protobuf wire format, so that no protobuf
// library (which clashes with LibTorch's) enters the process.
struct SentencePieceModelFile {
    enum class PieceType {
        Normal = 1,
        Unknown = 2,
        Control = 3,
        UserDefined = 4,
        Unused = 5,
        Byte = 6
    };
    enum class ModelType { Unigram = 1, Bpe = 2, Word = 3, Char = 4 };
    struct Piece {
        std::string text;
        float score = 0;
        PieceType type = PieceType::Normal;
    };
    std::vector<Piece> pieces;
    ModelType modelType = ModelType::Unigram;
    bool byteFallback = false;
    std::string precompiledCharsmap;  // raw bytes
    bool addDummyPrefix = true;
    bool removeExtraWhitespaces = true;

    int unknownId() const;  // -1 when none
    // Throws Error naming `path` for an unreadable or malformed file.
    static SentencePieceModelFile read(const std::string& path);
};

}  // namespace distilbench
