#include "core/util/AtomicFile.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <vector>

#include "core/runtime/Error.h"
#include "core/util/FileChecks.h"

namespace distilbench {

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
    std::vector<char> name(path_.begin(), path_.end());
    for (char c : std::string_view(".tmp-XXXXXX")) name.push_back(c);
    name.push_back('\0');
    fd_ = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd_ < 0) throw Error(path_, "cannot write: " + errnoText(errno));
    temp_ = name.data();
    ::fchmod(
        fd_, 0644 & ~[] {
            const mode_t m = ::umask(0);
            ::umask(m);
            return m;
        }());
}

AtomicFile::~AtomicFile() {
    discard();
}

void AtomicFile::fail(const std::string& what, int error) {
    discard();
    throw Error(path_, what + ": " + errnoText(error));
}

void AtomicFile::write(const void* data, std::size_t size) {
    if (fd_ < 0) throw Error(path_, "cannot write: the file is already closed");
    const char* p = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t n = ::write(fd_, p, size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail("cannot write", errno);
        if (n == 0) fail("cannot write", ENOSPC);
        p += n;
        size -= static_cast<std::size_t>(n);
    }
}

void AtomicFile::commit() {
    if (fd_ < 0) throw Error(path_, "cannot save: the file is already closed");
    if (::fsync(fd_) != 0 && errno != EINVAL) fail("cannot save", errno);
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) {
        const int e = errno;
        ::unlink(temp_.c_str());
        temp_.clear();
        throw Error(path_, "cannot save: " + errnoText(e));
    }
    if (::rename(temp_.c_str(), path_.c_str()) != 0) {
        const int e = errno;
        ::unlink(temp_.c_str());
        temp_.clear();
        throw Error(path_, "cannot save: " + errnoText(e));
    }
    temp_.clear();
}

void AtomicFile::discard() {
    if (fd_ >= 0) {
        ::close(fd_);
        fd_ = -1;
    }
    if (!temp_.empty()) {
        ::unlink(temp_.c_str());
        temp_.clear();
    }
}

void writeFileAtomically(const std::string& path, std::string_view bytes) {
    AtomicFile f(path);
    f.write(bytes);
    f.commit();
}

}  // namespace distilbench
