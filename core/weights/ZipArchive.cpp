#include "core/weights/ZipArchive.h"

#include <algorithm>
#include <cstring>
#include <fstream>

#include "core/runtime/Error.h"
#include "core/util/CheckedMath.h"
#include "core/util/MappedFile.h"

namespace distilbench {

namespace {
template <typename T>
T readLE(const std::uint8_t* p) {
    T v;
    std::memcpy(&v, p, sizeof(T));
    return v;
}
}  // namespace

bool ZipArchive::looksLikeZip(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    in.read(magic, 4);
    return in && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
}

ZipArchive::ZipArchive(const std::string& path) : path_(path), file_(MappedFile::open(path)) {
    const std::uint8_t* d = file_->data();
    const std::uint64_t size = file_->size();
    if (size < 22) throw Error(path, "not a zip archive (too short)");
    // End of central directory: last record with the signature, within the final 64 KiB + 22.
    std::int64_t eocd = -1;
    const std::int64_t lowest = size > 65557 ? static_cast<std::int64_t>(size - 65557) : 0;
    for (std::int64_t i = static_cast<std::int64_t>(size) - 22; i >= lowest; --i) {
        if (readLE<std::uint32_t>(d + i) == 0x06054b50) {
            eocd = i;
            break;
        }
    }
    if (eocd < 0) throw Error(path, "not a zip archive or truncated (no end-of-directory record)");
    std::uint64_t count = readLE<std::uint16_t>(d + eocd + 10);
    std::uint64_t cdSize = readLE<std::uint32_t>(d + eocd + 12);
    std::uint64_t cdOffset = readLE<std::uint32_t>(d + eocd + 16);
    if ((count == 0xFFFF || cdOffset == 0xFFFFFFFF) && eocd >= 20 &&
        readLE<std::uint32_t>(d + eocd - 20) == 0x07064b50) {
        const std::uint64_t z64 = readLE<std::uint64_t>(d + eocd - 20 + 8);
        if (!rangeInside(z64, 56, size) || readLE<std::uint32_t>(d + z64) != 0x06064b50)
            throw Error(path, "corrupt zip64 end-of-directory record");
        count = readLE<std::uint64_t>(d + z64 + 32);
        cdSize = readLE<std::uint64_t>(d + z64 + 40);
        cdOffset = readLE<std::uint64_t>(d + z64 + 48);
    }
    // Every size and offset below comes from the file: each sum is checked (rangeInside) so
    // that a zip64 field of 2^64-1 cannot wrap a bounds check around.
    if (!rangeInside(cdOffset, cdSize, size))
        throw Error(path, "zip central directory points outside the file (truncated?)");
    // Each record takes at least 46 bytes: a count beyond that is a lie, not a reason to loop.
    if (count > size / 46)
        throw Error(path, "zip central directory claims more entries than fit in the file");
    std::uint64_t p = cdOffset;
    for (std::uint64_t i = 0; i < count; ++i) {
        if (!rangeInside(p, 46, size) || readLE<std::uint32_t>(d + p) != 0x02014b50)
            throw Error(path, "corrupt zip central directory");
        const std::uint16_t method = readLE<std::uint16_t>(d + p + 10);
        std::uint64_t compSize = readLE<std::uint32_t>(d + p + 20);
        std::uint64_t rawSize = readLE<std::uint32_t>(d + p + 24);
        const std::uint16_t nameLen = readLE<std::uint16_t>(d + p + 28);
        const std::uint16_t extraLen = readLE<std::uint16_t>(d + p + 30);
        const std::uint16_t commentLen = readLE<std::uint16_t>(d + p + 32);
        std::uint64_t localOffset = readLE<std::uint32_t>(d + p + 42);
        if (!rangeInside(p + 46, std::uint64_t(nameLen) + extraLen, size))
            throw Error(path, "corrupt zip central directory");
        Entry e;
        e.name.assign(reinterpret_cast<const char*>(d + p + 46), nameLen);
        // zip64 extra field: 64-bit values for the fields that are saturated above, in order.
        std::uint64_t x = p + 46 + nameLen;
        const std::uint64_t xEnd = x + extraLen;
        while (x + 4 <= xEnd) {
            const std::uint16_t id = readLE<std::uint16_t>(d + x);
            const std::uint16_t len = readLE<std::uint16_t>(d + x + 2);
            if (id == 0x0001) {
                std::uint64_t q = x + 4;
                const std::uint64_t fieldEnd = std::min<std::uint64_t>(x + 4 + len, xEnd);
                if (rawSize == 0xFFFFFFFF && q + 8 <= fieldEnd) {
                    rawSize = readLE<std::uint64_t>(d + q);
                    q += 8;
                }
                if (compSize == 0xFFFFFFFF && q + 8 <= fieldEnd) {
                    compSize = readLE<std::uint64_t>(d + q);
                    q += 8;
                }
                if (localOffset == 0xFFFFFFFF && q + 8 <= fieldEnd) {
                    localOffset = readLE<std::uint64_t>(d + q);
                }
            }
            x += 4 + len;
        }
        if (!rangeInside(localOffset, 30, size) ||
            readLE<std::uint32_t>(d + localOffset) != 0x04034b50)
            throw Error(path, "zip entry '" + e.name + "' has a corrupt local header");
        const std::uint64_t dataOffset = localOffset + 30 +
                                         readLE<std::uint16_t>(d + localOffset + 26) +
                                         readLE<std::uint16_t>(d + localOffset + 28);
        e.stored = method == 0;
        e.size = e.stored ? rawSize : compSize;
        e.dataOffset = dataOffset;
        if (!rangeInside(dataOffset, e.size, size))
            throw Error(path,
                        "zip entry '" + e.name + "' extends past the end of the file (truncated?)");
        entries_.push_back(std::move(e));
        p += 46 + nameLen + extraLen + commentLen;
    }
}

const ZipArchive::Entry* ZipArchive::find(const std::string& name) const {
    for (const auto& e : entries_)
        if (e.name == name) return &e;
    return nullptr;
}

const std::uint8_t* ZipArchive::data(const Entry& entry) const {
    if (!entry.stored)
        throw Error(path_, "zip entry '" + entry.name +
                               "' is compressed; only stored entries are supported");
    return file_->data() + entry.dataOffset;
}

}  // namespace distilbench
