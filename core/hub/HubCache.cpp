#include "core/hub/HubCache.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include "core/hub/HubStrings.h"
#include "core/runtime/Error.h"

namespace distilbench::HubCache {
namespace fs = std::filesystem;
using HubStrings::env;
using HubStrings::trimmed;

std::string hfHome() {
    if (const std::string v = env("HF_HOME"); !v.empty()) return v;
    if (const std::string v = env("XDG_CACHE_HOME"); !v.empty())
        return (fs::path(v) / "huggingface").string();
    return (fs::path(env("HOME")) / ".cache" / "huggingface").string();
}

std::string cacheDir() {
    if (const std::string v = env("HF_HUB_CACHE"); !v.empty()) return v;
    if (const std::string v = env("HUGGINGFACE_HUB_CACHE"); !v.empty()) return v;
    return (fs::path(hfHome()) / "hub").string();
}

std::string endpoint() {
    std::string e = env("HF_ENDPOINT");
    if (e.empty()) e = "https://huggingface.co";
    while (!e.empty() && e.back() == '/') e.pop_back();
    return e;
}

bool offline() {
    std::string v = env("HF_HUB_OFFLINE");
    std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return std::tolower(c); });
    return v == "1" || v == "true" || v == "yes" || v == "on";
}

bool isRepoId(const std::string& text) {
    if (text.empty() || text.size() > 96) return false;
    int slashes = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '/') {
            ++slashes;
            continue;
        }
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
            return false;
    }
    if (slashes > 1 || text.find("--") != std::string::npos || text.find("..") != std::string::npos)
        return false;
    auto separator = [](char c) { return c == '/' || c == '-' || c == '.'; };
    return !separator(text.front()) && !separator(text.back()) &&
           text.find("/.") == std::string::npos && text.find("/-") == std::string::npos;
}

std::string repoFolder(const std::string& cache, const std::string& repoId) {
    std::string name = "models--" + repoId;
    for (std::size_t pos; (pos = name.find('/')) != std::string::npos;) name.replace(pos, 1, "--");
    return (fs::path(cache) / name).string();
}

bool isCommitHash(const std::string& revision) {
    return revision.size() == 40 && std::all_of(revision.begin(), revision.end(), [](char c) {
               return std::isdigit(static_cast<unsigned char>(c)) || (c >= 'a' && c <= 'f');
           });
}

std::optional<std::string> snapshot(const std::string& cache, const std::string& repoId,
                                    const std::string& revision) {
    if (!isRepoId(repoId)) return std::nullopt;
    const fs::path repo = repoFolder(cache, repoId);
    std::string commit = revision;
    if (!isCommitHash(revision)) {
        // refs/<branch or tag> holds the commit it pointed to when last downloaded.
        if (revision.find("..") != std::string::npos) return std::nullopt;
        std::ifstream ref(repo / "refs" / revision);
        if (!ref || !std::getline(ref, commit)) return std::nullopt;
        commit = trimmed(commit);
        if (!isCommitHash(commit)) return std::nullopt;
    }
    const fs::path folder = repo / "snapshots" / commit;
    std::error_code ec;
    if (!fs::exists(folder / "config.json", ec)) return std::nullopt;
    return folder.string();
}

namespace {
bool isHex(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) || (c >= 'a' && c <= 'f');
    });
}

// The first entry of a model's cache folder that the Hub's layout does not have, or "" when
// every entry is one huggingface_hub (or we) would write: blobs/<etag>[.incomplete],
// refs/<name>, snapshots/<commit>/... as links into blobs/ and folders, .no_exist/<commit>/<file>.
// Links are never followed.
std::string foreignEntry(const fs::path& repo) {
    std::error_code ec;
    const fs::path blobs = (repo / "blobs").lexically_normal();
    for (auto it = fs::recursive_directory_iterator(repo, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::path rel = it->path().lexically_relative(repo);
        const std::string top = rel.begin()->string();
        const auto depth = static_cast<int>(std::distance(rel.begin(), rel.end()));
        const std::string name = it->path().filename().string();
        const bool link = it->is_symlink(ec);
        const bool folder = !link && it->is_directory(ec);
        const bool file = !link && it->is_regular_file(ec);
        bool ok = false;
        if (top == "blobs") {
            std::string etag = name;
            if (etag.ends_with(".incomplete")) etag.resize(etag.size() - 11);
            ok = depth == 1 ? folder : depth == 2 && file && isHex(etag);
        } else if (top == "refs") {
            ok = folder || file;
        } else if (top == "snapshots" || top == ".no_exist") {
            if (depth == 1)
                ok = folder;
            else if (depth == 2 && folder)
                ok = isCommitHash(name);
            else if (top == ".no_exist")
                ok = folder || (file && fs::file_size(it->path(), ec) == 0);
            else if (folder)
                ok = true;
            else if (link) {
                // A snapshot file is a link to a blob of this model.
                const fs::path target =
                    (it->path().parent_path() / fs::read_symlink(it->path(), ec))
                        .lexically_normal();
                ok = !ec && target.parent_path() == blobs;
            }
        }
        if (!ok || ec) return it->path().string();
    }
    return ec ? repo.string() : std::string();
}
}  // namespace

void deleteCachedModel(const std::string& cache, const std::string& repoId) {
    if (!isRepoId(repoId)) throw Error("'" + repoId + "' is not a model id");
    const fs::path repo = repoFolder(cache, repoId);
    std::error_code ec;
    if (!fs::is_directory(repo, ec) || fs::is_symlink(repo, ec))
        throw Error(repo.string(), "is not in the cache");
    // Only what the Hub's layout holds is deleted: anything else (a user's notes, a file copied
    // into a snapshot, a link out of the cache) leaves the whole folder alone.
    if (const std::string foreign = foreignEntry(repo); !foreign.empty())
        throw Error(foreign,
                    "is not part of the Hugging Face cache layout; the model was not deleted");
    const fs::path locks = fs::path(cache) / ".locks" / repo.filename();
    std::vector<fs::path> lockFiles;
    for (const auto& lock : fs::directory_iterator(locks, ec)) {
        const std::string name = lock.path().filename().string();
        if (!lock.is_regular_file(ec) || !name.ends_with(".lock")) continue;  // not ours: kept
        const int fd = ::open(lock.path().c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) continue;
        const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
        ::close(fd);
        if (held) throw Error(repoId, "is being downloaded; delete it when the download ends");
        lockFiles.push_back(lock.path());
    }
    fs::remove_all(repo, ec);
    if (ec) throw Error(repo.string(), "cannot be deleted: " + ec.message());
    for (const auto& lock : lockFiles) fs::remove(lock, ec);
    fs::remove(locks, ec);  // only when nothing else is left in it
}

std::optional<ModelId> parseModelId(const std::string& text) {
    // Only "org/name" is an id: a bare name is more likely a folder that is missing.
    ModelId m{text, "main"};
    if (const auto at = text.find('@'); at != std::string::npos) {
        m.revision = text.substr(at + 1);
        m.repoId = text.substr(0, at);
    }
    if (m.repoId.find('/') == std::string::npos || !isRepoId(m.repoId) || m.revision.empty())
        return std::nullopt;
    return m;
}

std::string localPath(const std::string& pathOrId) {
    std::error_code ec;
    if (fs::exists(pathOrId, ec)) return pathOrId;
    if (const auto id = parseModelId(pathOrId))
        if (const auto snap = snapshot(cacheDir(), id->repoId, id->revision)) return *snap;
    return pathOrId;
}

}  // namespace distilbench::HubCache
