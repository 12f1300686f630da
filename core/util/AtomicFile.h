#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace distilbench {

// Writes a file through a temporary beside it and a rename, with POSIX calls so that every
// failure carries its errno text ("No space left on device") and the path. The temporary is
// removed on every failure path (and when the writer is destroyed without commit()), so a full
// disk never leaves half a file or a stray temporary. QSaveFile is not used: it reports a short
// write on a full disk as "Unknown error" and commits the truncated file.
class AtomicFile {
public:
    // Creates the temporary; throws Error(path, "cannot write: <errno text>").
    explicit AtomicFile(std::string path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void write(const void* data, std::size_t size);
    void write(std::string_view text) { write(text.data(), text.size()); }
    // Flushes, closes and renames onto the final path; throws Error naming the path.
    void commit();
    // Removes the temporary; the final path is untouched.
    void discard();

    const std::string& path() const { return path_; }

private:
    [[noreturn]] void fail(const std::string& what, int error);
    std::string path_;
    std::string temp_;
    int fd_ = -1;
};

// One call for a whole small file.
void writeFileAtomically(const std::string& path, std::string_view bytes);

}  // namespace distilbench
