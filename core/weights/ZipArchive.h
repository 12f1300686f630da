#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace distilbench {

class MappedFile;

// Reads the entries of a zip file in place. torch.save writes uncompressed ("stored") entries,
// so an entry's bytes are a slice of the mapped file; compressed entries are refused.
class ZipArchive {
public:
    struct Entry {
        std::string name;
        std::uint64_t dataOffset = 0;  // of the entry's bytes in the file
        std::uint64_t size = 0;
        bool stored = true;
    };

    // Throws distilbench::Error naming the file when it is not a readable zip.
    explicit ZipArchive(const std::string& path);
    static bool looksLikeZip(const std::string& path);

    const std::vector<Entry>& entries() const { return entries_; }
    const Entry* find(const std::string& name) const;
    // The bytes of a stored entry.
    const std::uint8_t* data(const Entry& entry) const;
    const std::shared_ptr<MappedFile>& file() const { return file_; }
    const std::string& path() const { return path_; }

private:
    std::string path_;
    std::shared_ptr<MappedFile> file_;
    std::vector<Entry> entries_;
};

}  // namespace distilbench
