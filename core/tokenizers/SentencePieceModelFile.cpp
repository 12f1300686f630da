#include "core/tokenizers/SentencePieceModelFile.h"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>

#include "core/runtime/Error.h"
#include "core/util/FileChecks.h"

namespace distilbench {

namespace {

constexpr std::size_t kMaxModelBytes = 512u << 20;  // the largest real models are ~10 MB
constexpr std::size_t kMaxPieces = 10'000'000;

// A protobuf message: fields as (number, wire type) followed by their value. Every read is
// bounds-checked: a crafted file ends in an Error, never a read past the buffer.
class WireReader {
public:
    WireReader(const char* data, std::size_t size, const std::string& source)
        : p_(data), end_(data + size), source_(source) {}
    bool atEnd() const { return p_ >= end_; }
    std::uint64_t varint() {
        std::uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (p_ >= end_) fail("a number runs past the end");
            const auto byte = static_cast<unsigned char>(*p_++);
            value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
            if (!(byte & 0x80)) return value;
        }
        fail("a number is longer than 10 bytes");
        return 0;
    }
    std::pair<int, int> tag() {
        const std::uint64_t t = varint();
        return {static_cast<int>(t >> 3), static_cast<int>(t & 7)};
    }
    std::pair<const char*, std::size_t> bytes() {
        const std::uint64_t n = varint();
        if (n > static_cast<std::uint64_t>(end_ - p_)) fail("a field runs past the end");
        const char* start = p_;
        p_ += n;
        return {start, static_cast<std::size_t>(n)};
    }
    float fixed32() {
        if (end_ - p_ < 4) fail("a number runs past the end");
        float f;
        std::memcpy(&f, p_, 4);
        p_ += 4;
        return f;
    }
    void skip(int wireType) {
        switch (wireType) {
            case 0:
                varint();
                break;
            case 1:
                if (end_ - p_ < 8) fail("a field runs past the end");
                p_ += 8;
                break;
            case 2:
                bytes();
                break;
            case 5:
                fixed32();
                break;
            default:
                fail("unknown field encoding " + std::to_string(wireType));
        }
    }
    [[noreturn]] void fail(const std::string& what) const {
        throw Error(source_, "is not a valid SentencePiece model: " + what);
    }

private:
    const char* p_;
    const char* end_;
    const std::string& source_;
};

}  // namespace

int SentencePieceModelFile::unknownId() const {
    for (std::size_t i = 0; i < pieces.size(); ++i)
        if (pieces[i].type == PieceType::Unknown) return static_cast<int>(i);
    return -1;
}

SentencePieceModelFile SentencePieceModelFile::read(const std::string& path) {
    requireRegularFile(path);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path, "cannot open");
    in.seekg(0, std::ios::end);
    const auto size = static_cast<std::size_t>(in.tellg());
    if (size > kMaxModelBytes) throw Error(path, "is larger than a SentencePiece model can be");
    in.seekg(0);
    std::string data(size, '\0');
    in.read(data.data(), static_cast<std::streamsize>(size));
    if (!in) throw Error(path, "cannot be read");

    SentencePieceModelFile model;
    WireReader r(data.data(), data.size(), path);
    while (!r.atEnd()) {
        const auto [field, wire] = r.tag();
        if (field == 1 && wire == 2) {  // SentencePiece
            const auto [bytes, n] = r.bytes();
            WireReader m(bytes, n, path);
            Piece piece;
            while (!m.atEnd()) {
                const auto [f, w] = m.tag();
                if (f == 1 && w == 2) {
                    const auto [s, len] = m.bytes();
                    piece.text.assign(s, len);
                } else if (f == 2 && w == 5) {
                    piece.score = m.fixed32();
                } else if (f == 3 && w == 0) {
                    const auto t = m.varint();
                    if (t < 1 || t > 6) m.fail("piece type " + std::to_string(t));
                    piece.type = static_cast<PieceType>(t);
                } else {
                    m.skip(w);
                }
            }
            if (model.pieces.size() >= kMaxPieces) r.fail("too many pieces");
            model.pieces.push_back(std::move(piece));
        } else if (field == 2 && wire == 2) {  // TrainerSpec
            const auto [bytes, n] = r.bytes();
            WireReader t(bytes, n, path);
            while (!t.atEnd()) {
                const auto [f, w] = t.tag();
                if (f == 3 && w == 0) {
                    const auto type = t.varint();
                    if (type < 1 || type > 4) t.fail("model type " + std::to_string(type));
                    model.modelType = static_cast<ModelType>(type);
                } else if (f == 35 && w == 0) {
                    model.byteFallback = t.varint() != 0;
                } else {
                    t.skip(w);
                }
            }
        } else if (field == 3 && wire == 2) {  // NormalizerSpec
            const auto [bytes, n] = r.bytes();
            WireReader s(bytes, n, path);
            while (!s.atEnd()) {
                const auto [f, w] = s.tag();
                if (f == 2 && w == 2) {
                    const auto [c, len] = s.bytes();
                    model.precompiledCharsmap.assign(c, len);
                } else if (f == 3 && w == 0) {
                    model.addDummyPrefix = s.varint() != 0;
                } else if (f == 4 && w == 0) {
                    model.removeExtraWhitespaces = s.varint() != 0;
                } else {
                    s.skip(w);
                }
            }
        } else {
            r.skip(wire);
        }
    }
    if (model.pieces.empty())
        throw Error(path, "is not a valid SentencePiece model: it has no pieces");
    return model;
}

}  // namespace distilbench
