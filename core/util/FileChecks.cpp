#include "core/util/FileChecks.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <fstream>

#include "core/runtime/Error.h"
#include "core/util/HumanUnits.h"

namespace distilbench {

std::string errnoText(int error) {
    if (error == 0) return "an unknown system error";
    return std::strerror(error);
}

std::uint64_t requireRegularFile(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) throw Error(path, "cannot open: " + errnoText(errno));
    if (S_ISDIR(st.st_mode)) throw Error(path, "is a folder, not a file");
    if (S_ISFIFO(st.st_mode)) throw Error(path, "is a named pipe, not a regular file");
    if (S_ISSOCK(st.st_mode)) throw Error(path, "is a socket, not a regular file");
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
        throw Error(path, "is a device, not a regular file");
    if (!S_ISREG(st.st_mode)) throw Error(path, "is not a regular file");
    return static_cast<std::uint64_t>(st.st_size);
}

std::string readSmallFile(const std::string& path, std::uint64_t maxBytes) {
    const std::uint64_t size = requireRegularFile(path);
    if (size > maxBytes)
        throw Error(
            path,
            "is " +
                formatBytes(static_cast<std::int64_t>(std::min<std::uint64_t>(size, INT64_MAX))) +
                "; at most " +
                formatBytes(
                    static_cast<std::int64_t>(std::min<std::uint64_t>(maxBytes, INT64_MAX))) +
                " are read");
    // O_NONBLOCK: should the file be swapped for a pipe after the check, open does not hang.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) throw Error(path, "cannot open: " + errnoText(errno));
    struct stat st {};
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw Error(path, "is not a regular file");
    }
    std::string data;
    data.resize(static_cast<std::size_t>(size));
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::read(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int e = errno;
            ::close(fd);
            throw Error(path, "cannot read: " + errnoText(e));
        }
        if (n == 0) break;
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    data.resize(done);
    return data;
}

std::uint64_t availableMemoryBytes() {
    std::uint64_t available = 0;
    std::ifstream meminfo("/proc/meminfo");
    std::string key;
    std::uint64_t kb = 0;
    std::string unit;
    while (meminfo >> key >> kb >> unit) {
        if (key == "MemAvailable:") {
            available = kb * 1024;
            break;
        }
    }
    struct rlimit limit {};
    if (getrlimit(RLIMIT_AS, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY &&
        (available == 0 || limit.rlim_cur < available))
        available = limit.rlim_cur;
    return available;
}

void requireMemory(std::uint64_t bytes, const std::string& file, const std::string& what) {
    const std::uint64_t available = availableMemoryBytes();
    if (available == 0 || bytes <= available) return;
    throw Error(
        file,
        what + " needs " +
            formatBytes(static_cast<std::int64_t>(std::min<std::uint64_t>(bytes, INT64_MAX))) +
            "; " +
            formatBytes(static_cast<std::int64_t>(std::min<std::uint64_t>(available, INT64_MAX))) +
            " are available");
}

}  // namespace distilbench
