#include "core/training/RunFolder.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>

#include "core/runtime/Error.h"
#include "core/util/FileChecks.h"

namespace distilbench {
namespace fs = std::filesystem;

void RunFolder::checkNewRun(const std::string& dir) {
    if (dir.empty()) throw Error("no run folder given");
    std::error_code ec;
    const fs::file_status st = fs::status(dir, ec);
    if (!fs::exists(st)) return;
    if (!fs::is_directory(st))
        throw Error(dir, "exists and is not a folder; a new run needs a new or empty folder");
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        if (name == kLockFileName) continue;  // left by a run that failed to start
        const bool run = fs::exists(fs::path(dir) / "checkpoints") ||
                         fs::exists(fs::path(dir) / "metrics.jsonl");
        throw Error(dir, run ? "already holds a run; continue it with --resume or choose a new "
                               "folder"
                             : "is not empty (it holds '" + name +
                                   "'); a new run needs a new or empty folder");
    }
    if (ec) throw Error(dir, "cannot be read: " + ec.message());
}

namespace {
std::string hostName() {
    char host[256] = {};
    if (gethostname(host, sizeof(host) - 1) != 0) return "unknown host";
    return host;
}
}  // namespace

RunFolderLock::RunFolderLock(const std::string& dir)
    : path_((fs::path(dir) / RunFolder::kLockFileName).string()) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw Error(dir, "cannot create the run folder: " + ec.message());
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd_ < 0) throw Error(path_, "cannot create the lock file: " + errnoText(errno));
    // What the previous holder wrote, for the messages below.
    char buffer[512] = {};
    const ssize_t n = ::pread(fd_, buffer, sizeof(buffer) - 1, 0);
    std::string holder = n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : "";
    while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' ')) holder.pop_back();
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        const int e = errno;
        ::close(fd_);
        fd_ = -1;
        if (e == EWOULDBLOCK) {
            std::string who = holder.empty() ? "" : " (" + holder + ")";
            const auto space = holder.find(' ');
            if (space != std::string::npos)
                who = " (pid " + holder.substr(0, space) + " on " + holder.substr(space + 1) + ")";
            throw Error(dir, "is in use by another training" + who +
                                 "; wait for it to finish or choose another folder");
        }
        throw Error(path_, "cannot lock: " + errnoText(e));
    }
    if (!holder.empty()) {
        const auto space = holder.find(' ');
        staleNotice_ = "a stale lock of a run that no longer runs (pid " + holder.substr(0, space) +
                       (space == std::string::npos ? "" : " on " + holder.substr(space + 1)) +
                       ") was found in " + dir + " and taken over";
    }
    // The lock is held either way; the pid and host written here are only informative, so a
    // failure to write them is not an error.
    const std::string me = std::to_string(::getpid()) + " " + hostName() + "\n";
    if (::ftruncate(fd_, 0) == 0) (void)!::pwrite(fd_, me.data(), me.size(), 0);
}

RunFolderLock::~RunFolderLock() {
    if (fd_ < 0) return;
    // Emptied rather than deleted: unlinking a lock file races with a second writer that has
    // just opened it. An empty lock file is not stale.
    (void)!::ftruncate(fd_, 0);
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
}

}  // namespace distilbench
