#include "core/util/MappedFile.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/runtime/Error.h"
#include "core/util/FileChecks.h"

namespace distilbench {

std::shared_ptr<MappedFile> MappedFile::open(const std::string& path) {
    // Only regular files: a named pipe called model.safetensors would block open() forever.
    requireRegularFile(path);
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) throw Error(path, std::string("cannot open: ") + errnoText(errno));
    struct stat st {};
    if (fstat(fd, &st) != 0) {
        const int e = errno;
        ::close(fd);
        throw Error(path, std::string("cannot stat: ") + errnoText(e));
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        throw Error(path, "is not a regular file");
    }
    std::shared_ptr<MappedFile> file(new MappedFile());
    file->path_ = path;
    file->size_ = static_cast<std::size_t>(st.st_size);
    if (file->size_ > 0) {
        void* p = mmap(nullptr, file->size_, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED) {
            const int e = errno;
            ::close(fd);
            throw Error(path, std::string("cannot map into memory: ") + errnoText(e));
        }
        file->data_ = static_cast<std::uint8_t*>(p);
    }
    ::close(fd);
    return file;
}

MappedFile::~MappedFile() {
    if (data_) munmap(data_, size_);
}

}  // namespace distilbench
