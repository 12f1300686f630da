#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace distilbench {

// A whole file mapped copy-on-write (MAP_PRIVATE, read+write): tensors can point straight into
// it without copying, and an in-place update of such a tensor copies only the touched pages
// instead of crashing or writing to the file.
class MappedFile {
public:
    // Throws distilbench::Error naming the file when it cannot be opened or mapped.
    static std::shared_ptr<MappedFile> open(const std::string& path);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    const std::uint8_t* data() const { return data_; }
    std::uint8_t* mutableData() { return data_; }
    std::size_t size() const { return size_; }
    const std::string& path() const { return path_; }

private:
    MappedFile() = default;
    std::uint8_t* data_ = nullptr;
    std::size_t size_ = 0;
    std::string path_;
};

}  // namespace distilbench
