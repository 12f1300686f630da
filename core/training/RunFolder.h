#pragma once

#include <string>

namespace distilbench {

// Rules for run folders (train, distill, resume; the GUI and the CLI alike).
namespace RunFolder {

// A new run goes into a folder that does not exist or is empty: an existing model folder or a
// finished run is never written over (continuing a run is Trainer::resume only). Throws Error.
void checkNewRun(const std::string& dir);

// The name of the lock file inside a run folder.
constexpr const char* kLockFileName = ".distilbench.lock";

}  // namespace RunFolder

// An exclusive advisory lock (flock) on RUN_DIR/.distilbench.lock, held by every writer of a
// run folder for as long as it writes. The file holds "pid host" of the holder, so that a
// second writer learns who holds it. The kernel drops a flock when its process dies, so a lock
// file left by a killed run is stale: it is detected (nobody holds the flock), reported
// through `staleNotice()`, and taken over.
class RunFolderLock {
public:
    // Throws Error("RUN_DIR: is in use by another training (pid 123 on host)") when held.
    explicit RunFolderLock(const std::string& dir);
    ~RunFolderLock();
    RunFolderLock(const RunFolderLock&) = delete;
    RunFolderLock& operator=(const RunFolderLock&) = delete;

    // Non-empty when a stale lock of a process that no longer runs was taken over.
    const std::string& staleNotice() const { return staleNotice_; }

private:
    int fd_ = -1;
    std::string path_;
    std::string staleNotice_;
};

}  // namespace distilbench
