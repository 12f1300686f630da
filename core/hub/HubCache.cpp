#include "core/hub/HubCache.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>

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
