#pragma once

#include <string>
#include <vector>

namespace distilbench {

struct SentencePieceToken {
    int id = 0;
    std::string piece;
    // Byte range in the UTF-8 input this piece came from.
    int begin = 0;
    int end = 0;
};

// The interface the separately loaded sentencepiece module implements. Debian's
// libsentencepiece embeds its own protobuf, which clashes with LibTorch's when both are linked
// into one process; the module is opened with RTLD_DEEPBIND so each keeps its own copy. Only
// virtual calls and standard types cross the boundary.
class SentencePieceBackend {
public:
    virtual ~SentencePieceBackend() = default;

    // Loads a .model file; returns an empty string on success, the error otherwise.
    virtual std::string load(const std::string& path) = 0;
    virtual std::vector<SentencePieceToken> encode(const std::string& text) const = 0;
    virtual std::string decode(const std::vector<int>& ids) const = 0;
    virtual int pieceCount() const = 0;
    virtual std::string idToPiece(int id) const = 0;
    virtual int pieceToId(const std::string& piece) const = 0;
    virtual bool isControl(int id) const = 0;
    virtual bool isUnknown(int id) const = 0;
    virtual int unknownId() const = 0;
    // Runs the sentencepiece trainer with its command-line style arguments
    // ("--input=... --model_prefix=... --vocab_size=..."); returns an error or "".
    virtual std::string train(const std::string& arguments) const = 0;
    virtual std::string version() const = 0;
};

}  // namespace distilbench

// Exported by the module; returns a new backend owned by the caller.
extern "C" distilbench::SentencePieceBackend* distilbench_sentencepiece_create();
