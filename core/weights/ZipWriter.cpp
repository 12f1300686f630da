#include "core/weights/ZipWriter.h"

#include <array>
#include <cstring>

#include "core/runtime/Error.h"

namespace distilbench {

std::uint32_t crc32(const void* data, std::size_t size, std::uint32_t crc) {
    static const auto table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    crc = ~crc;
    const auto* p = static_cast<const std::uint8_t*>(data);
    for (std::size_t i = 0; i < size; ++i) crc = table[(crc ^ p[i]) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

namespace {
template <typename T>
void put(std::vector<std::uint8_t>& out, T v) {
    // Little-endian, as the zip format stores every number.
    for (std::size_t k = 0; k < sizeof(T); ++k)
        out.push_back(static_cast<std::uint8_t>(static_cast<std::uint64_t>(v) >> (8 * k)));
}
}  // namespace

ZipWriter::ZipWriter(const std::string& path) : path_(path), file_(path) {}

void ZipWriter::write(const void* data, std::size_t size) {
    file_.write(data, size);
    position_ += size;
}

void ZipWriter::add(const std::string& name, const void* data, std::size_t size) {
    const bool zip64 = size >= 0xFFFFFFFFull || position_ >= 0xFFFFFFFFull;
    // Local header: padding goes into an extra field so the data starts on a 64-byte boundary.
    std::vector<std::uint8_t> h;
    put<std::uint32_t>(h, 0x04034b50);
    put<std::uint16_t>(h, zip64 ? 45 : 20);
    put<std::uint16_t>(h, 0);  // flags
    put<std::uint16_t>(h, 0);  // stored
    put<std::uint16_t>(h, 0);
    put<std::uint16_t>(h, 0x21);  // time/date: fixed, so output is reproducible
    const std::uint32_t crc = crc32(data, size);
    put<std::uint32_t>(h, crc);
    put<std::uint32_t>(h, zip64 ? 0xFFFFFFFFu : static_cast<std::uint32_t>(size));
    put<std::uint32_t>(h, zip64 ? 0xFFFFFFFFu : static_cast<std::uint32_t>(size));
    put<std::uint16_t>(h, static_cast<std::uint16_t>(name.size()));
    const std::size_t extraPos = h.size();
    put<std::uint16_t>(h, 0);
    h.insert(h.end(), name.begin(), name.end());
    std::vector<std::uint8_t> extra;
    if (zip64) {
        put<std::uint16_t>(extra, 0x0001);
        put<std::uint16_t>(extra, 16);
        put<std::uint64_t>(extra, size);
        put<std::uint64_t>(extra, size);
    }
    const std::uint64_t unpadded = position_ + h.size() + extra.size() + 4;
    const std::uint64_t pad = (64 - unpadded % 64) % 64;
    put<std::uint16_t>(extra, 0x4650);  // "FB" padding field, as torch writes it
    put<std::uint16_t>(extra, static_cast<std::uint16_t>(pad));
    extra.insert(extra.end(), pad, 'Z');
    const std::uint16_t extraLen = static_cast<std::uint16_t>(extra.size());
    std::memcpy(h.data() + extraPos, &extraLen, 2);
    h.insert(h.end(), extra.begin(), extra.end());
    const std::uint64_t offset = position_;
    write(h.data(), h.size());
    write(data, size);
    records_.push_back({name, offset, size, crc});
}

void ZipWriter::finish() {
    const std::uint64_t cdStart = position_;
    for (const auto& r : records_) {
        const bool big = r.size >= 0xFFFFFFFFull || r.offset >= 0xFFFFFFFFull;
        std::vector<std::uint8_t> c;
        put<std::uint32_t>(c, 0x02014b50);
        put<std::uint16_t>(c, big ? 45 : 20);
        put<std::uint16_t>(c, big ? 45 : 20);
        put<std::uint16_t>(c, 0);
        put<std::uint16_t>(c, 0);
        put<std::uint16_t>(c, 0);
        put<std::uint16_t>(c, 0x21);
        put<std::uint32_t>(c, r.crc);
        put<std::uint32_t>(c, big ? 0xFFFFFFFFu : static_cast<std::uint32_t>(r.size));
        put<std::uint32_t>(c, big ? 0xFFFFFFFFu : static_cast<std::uint32_t>(r.size));
        put<std::uint16_t>(c, static_cast<std::uint16_t>(r.name.size()));
        put<std::uint16_t>(c, big ? 28 : 0);
        put<std::uint16_t>(c, 0);
        put<std::uint16_t>(c, 0);
        put<std::uint16_t>(c, 0);
        put<std::uint32_t>(c, 0);
        put<std::uint32_t>(c, big ? 0xFFFFFFFFu : static_cast<std::uint32_t>(r.offset));
        c.insert(c.end(), r.name.begin(), r.name.end());
        if (big) {
            put<std::uint16_t>(c, 0x0001);
            put<std::uint16_t>(c, 24);
            put<std::uint64_t>(c, r.size);
            put<std::uint64_t>(c, r.size);
            put<std::uint64_t>(c, r.offset);
        }
        write(c.data(), c.size());
    }
    const std::uint64_t cdSize = position_ - cdStart;
    const bool zip64 = cdStart >= 0xFFFFFFFFull || records_.size() >= 0xFFFF;
    std::vector<std::uint8_t> e;
    if (zip64) {
        const std::uint64_t z64 = position_;
        put<std::uint32_t>(e, 0x06064b50);
        put<std::uint64_t>(e, 44);
        put<std::uint16_t>(e, 45);
        put<std::uint16_t>(e, 45);
        put<std::uint32_t>(e, 0);
        put<std::uint32_t>(e, 0);
        put<std::uint64_t>(e, records_.size());
        put<std::uint64_t>(e, records_.size());
        put<std::uint64_t>(e, cdSize);
        put<std::uint64_t>(e, cdStart);
        put<std::uint32_t>(e, 0x07064b50);
        put<std::uint32_t>(e, 0);
        put<std::uint64_t>(e, z64);
        put<std::uint32_t>(e, 1);
    }
    put<std::uint32_t>(e, 0x06054b50);
    put<std::uint16_t>(e, 0);
    put<std::uint16_t>(e, 0);
    put<std::uint16_t>(e, zip64 ? 0xFFFF : static_cast<std::uint16_t>(records_.size()));
    put<std::uint16_t>(e, zip64 ? 0xFFFF : static_cast<std::uint16_t>(records_.size()));
    put<std::uint32_t>(e, zip64 ? 0xFFFFFFFFu : static_cast<std::uint32_t>(cdSize));
    put<std::uint32_t>(e, zip64 ? 0xFFFFFFFFu : static_cast<std::uint32_t>(cdStart));
    put<std::uint16_t>(e, 0);
    write(e.data(), e.size());
    file_.commit();
}

}  // namespace distilbench
