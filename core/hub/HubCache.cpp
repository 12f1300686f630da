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

#include "core/runtime/Error.h"

namespace distilbench::HubCache {
namespace fs = std::filesystem;

namespace {
std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

fs::path hfHome() {
    if (const std::string v = env("HF_HOME"); !v.empty()) return v;
    if (const std::string v = env("XDG_CACHE_HOME"); !v.empty()) return fs::path(v) / "huggingface";
    return fs::path(env("HOME")) / ".cache" / "huggingface";
}

std::string trimmed(std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    std::size_t b = 0;
    while (b < s.size() && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    return s.substr(b);
}
}  // namespace

std::string cacheDir() {
    if (const std::string v = env("HF_HUB_CACHE"); !v.empty()) return v;
    if (const std::string v = env("HUGGINGFACE_HUB_CACHE"); !v.empty()) return v;
    return (hfHome() / "hub").string();
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

std::string token() {
    if (const std::string v = trimmed(env("HF_TOKEN")); !v.empty()) return v;
    const std::string path =
        !env("HF_TOKEN_PATH").empty() ? env("HF_TOKEN_PATH") : (hfHome() / "token").string();
    std::ifstream in(path);
    std::string line;
    if (in) std::getline(in, line);
    return trimmed(line);
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

void deleteCachedModel(const std::string& cache, const std::string& repoId) {
    if (!isRepoId(repoId)) throw Error("'" + repoId + "' is not a model id");
    const fs::path repo = repoFolder(cache, repoId);
    std::error_code ec;
    if (!fs::is_directory(repo, ec)) throw Error(repo.string(), "is not in the cache");
    for (const auto& entry : fs::directory_iterator(repo, ec)) {
        const std::string name = entry.path().filename().string();
        if (name != "blobs" && name != "refs" && name != "snapshots" && name != ".no_exist")
            throw Error(entry.path().string(),
                        "is not part of the Hugging Face cache layout; the model was not deleted");
    }
    const fs::path locks = fs::path(cache) / ".locks" / repo.filename();
    for (const auto& lock : fs::directory_iterator(locks, ec)) {
        const int fd = ::open(lock.path().c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) continue;
        const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
        ::close(fd);
        if (held) throw Error(repoId, "is being downloaded; delete it when the download ends");
    }
    fs::remove_all(repo, ec);
    if (ec) throw Error(repo.string(), "cannot be deleted: " + ec.message());
    fs::remove_all(locks, ec);
}

void saveToken(const std::string& token) {
    const std::string path =
        !env("HF_TOKEN_PATH").empty() ? env("HF_TOKEN_PATH") : (hfHome() / "token").string();
    std::error_code ec;
    if (token.empty()) {
        fs::remove(path, ec);
        return;
    }
    fs::create_directories(fs::path(path).parent_path(), ec);
    // Created with 0600 before anything is written: the token is never readable by others.
    const std::string temporary = path + ".distilbench-tmp";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) throw Error(path, std::string("cannot be written: ") + std::strerror(errno));
    const bool written = ::write(fd, token.data(), token.size()) == ssize_t(token.size());
    ::fchmod(fd, 0600);
    ::close(fd);
    if (!written || std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::remove(temporary.c_str());
        throw Error(path, std::string("cannot be written: ") + std::strerror(errno));
    }
}

std::string localPath(const std::string& pathOrId) {
    std::error_code ec;
    if (fs::exists(pathOrId, ec) || pathOrId.find('/') == std::string::npos) return pathOrId;
    std::string id = pathOrId, revision = "main";
    if (const auto at = id.find('@'); at != std::string::npos) {
        revision = id.substr(at + 1);
        id = id.substr(0, at);
    }
    if (!isRepoId(id)) return pathOrId;
    if (const auto snap = snapshot(cacheDir(), id, revision)) return *snap;
    return pathOrId;
}

}  // namespace distilbench::HubCache
