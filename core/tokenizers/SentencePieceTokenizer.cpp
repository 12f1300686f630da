#include "core/tokenizers/SentencePieceTokenizer.h"

#include <filesystem>

#include "core/runtime/Error.h"
#include "core/sentencepiece/SentencePieceLibrary.h"
#include "core/tokenizers/Unicode.h"
#include "core/util/FileChecks.h"

namespace distilbench {
namespace fs = std::filesystem;

std::unique_ptr<SentencePieceTokenizer> SentencePieceTokenizer::load(const std::string& path) {
    requireRegularFile(path);  // a named pipe would block the module's read forever
    auto tok = std::unique_ptr<SentencePieceTokenizer>(new SentencePieceTokenizer());
    tok->backend_ = SentencePieceLibrary::instance().create();
    if (const std::string error = tok->backend_->load(path); !error.empty())
        throw Error(path, error);
    tok->source_ = path;
    auto& s = tok->special_;
    const bool bertStyle = tok->tokenToId("[CLS]") >= 0 && tok->tokenToId("[SEP]") >= 0;
    if (!bertStyle) {
        s.cls = "<s>";
        s.sep = "</s>";
        s.pad = "<pad>";
        s.mask = "<mask>";
    }
    tok->readSpecialTokenFiles(fs::path(path).parent_path().string());
    tok->resolveSpecialIds();
    // The unknown piece is the model's own, whatever the files call it.
    s.unkId = tok->backend_->unknownId();
    s.unk = tok->backend_->idToPiece(static_cast<int>(s.unkId));
    for (std::int64_t id = 0; id < static_cast<std::int64_t>(tok->vocabSize()); ++id)
        if (tok->backend_->isControl(static_cast<int>(id))) tok->specialIds_.push_back(id);
    for (auto id : {s.clsId, s.sepId, s.padId, s.maskId})
        if (id >= 0) tok->specialIds_.push_back(id);
    tok->setDefaultBertTemplate();
    return tok;
}

std::vector<PreToken> SentencePieceTokenizer::tokenize(std::string_view text) const {
    // sentencepiece reports byte offsets; we report code points like the other tokenizers.
    const std::string valid = unicode::encodeUtf8(unicode::decodeUtf8(text));
    std::vector<int> charAt(valid.size() + 1, 0);
    int chars = 0;
    for (std::size_t i = 0; i < valid.size(); ++i) {
        charAt[i] = chars;
        if ((static_cast<unsigned char>(valid[i]) & 0xC0) != 0x80) charAt[i] = chars++;
    }
    charAt[valid.size()] = chars;
    std::vector<PreToken> out;
    int word = -1;
    for (const auto& p : backend_->encode(valid)) {
        if (p.piece.rfind("\xE2\x96\x81", 0) == 0 || word < 0) ++word;  // "▁" starts a word
        const int b = charAt[std::min<std::size_t>(p.begin, valid.size())];
        const int e = charAt[std::min<std::size_t>(p.end, valid.size())];
        out.push_back({p.id, p.piece, b, e, word});
    }
    return out;
}

std::size_t SentencePieceTokenizer::vocabSize() const {
    return static_cast<std::size_t>(backend_->pieceCount());
}

std::string SentencePieceTokenizer::idToToken(std::int64_t id) const {
    return id >= 0 && id < backend_->pieceCount() ? backend_->idToPiece(static_cast<int>(id))
                                                  : std::string();
}

std::int64_t SentencePieceTokenizer::tokenToId(std::string_view token) const {
    const int id = backend_->pieceToId(std::string(token));
    // pieceToId answers the unknown id for anything it does not know.
    if (backend_->isUnknown(id) && token != backend_->idToPiece(id)) return -1;
    return id;
}

bool SentencePieceTokenizer::isContinuation(const std::string& token) const {
    return token.rfind("\xE2\x96\x81", 0) != 0;
}

std::string SentencePieceTokenizer::decodeTokens(const std::vector<std::string>& tokens) const {
    std::vector<int> ids;
    for (const auto& t : tokens) ids.push_back(backend_->pieceToId(t));
    return backend_->decode(ids);
}

}  // namespace distilbench
