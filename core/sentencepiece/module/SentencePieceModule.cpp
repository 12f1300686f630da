// Built as a MODULE library linked against libsentencepiece; never linked into the app.
#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include "core/sentencepiece/SentencePieceBackend.h"

namespace {

class SentencePieceModule final : public distilbench::SentencePieceBackend {
public:
    std::string load(const std::string& path) override {
        const auto status = processor_.Load(path);
        return status.ok() ? std::string() : status.ToString();
    }

    std::vector<distilbench::SentencePieceToken> encode(const std::string& text) const override {
        // The immutable proto keeps protobuf types inside libsentencepiece.
        const auto spt = processor_.EncodeAsImmutableProto(text);
        std::vector<distilbench::SentencePieceToken> out;
        out.reserve(spt.pieces_size());
        for (const auto& p : spt.pieces())
            out.push_back(distilbench::SentencePieceToken{static_cast<int>(p.id()), p.piece(),
                                                          static_cast<int>(p.begin()),
                                                          static_cast<int>(p.end())});
        return out;
    }

    std::string decode(const std::vector<int>& ids) const override {
        std::string text;
        processor_.Decode(ids, &text).IgnoreError();
        return text;
    }

    int pieceCount() const override { return processor_.GetPieceSize(); }
    std::string idToPiece(int id) const override { return processor_.IdToPiece(id); }
    int pieceToId(const std::string& piece) const override { return processor_.PieceToId(piece); }
    bool isControl(int id) const override { return processor_.IsControl(id); }
    bool isUnknown(int id) const override { return processor_.IsUnknown(id); }
    int unknownId() const override { return processor_.unk_id(); }

    std::string train(const std::string& arguments) const override {
        const auto status = sentencepiece::SentencePieceTrainer::Train(arguments);
        return status.ok() ? std::string() : status.ToString();
    }

    std::string version() const override {
        return "sentencepiece " DISTILBENCH_SENTENCEPIECE_VERSION;
    }

private:
    sentencepiece::SentencePieceProcessor processor_;
};

}  // namespace

extern "C" __attribute__((visibility("default"))) distilbench::SentencePieceBackend*
distilbench_sentencepiece_create() {
    return new SentencePieceModule();
}
