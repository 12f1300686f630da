#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/util/AtomicFile.h"

namespace distilbench {

// Writes an uncompressed zip the way torch.save does (entries aligned to 64 bytes so that
// readers can map tensors in place). The file appears only when finish() succeeds.
class ZipWriter {
public:
    explicit ZipWriter(const std::string& path);
    void add(const std::string& name, const void* data, std::size_t size);
    // Throws distilbench::Error naming the file when it cannot be written.
    void finish();

private:
    struct Record {
        std::string name;
        std::uint64_t offset;
        std::uint64_t size;
        std::uint32_t crc;
    };
    void write(const void* data, std::size_t size);
    std::string path_;
    AtomicFile file_;
    std::uint64_t position_ = 0;
    std::vector<Record> records_;
};

std::uint32_t crc32(const void* data, std::size_t size, std::uint32_t crc = 0);

}  // namespace distilbench
