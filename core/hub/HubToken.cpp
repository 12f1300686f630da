#include "core/hub/HubToken.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/hub/HubCache.h"
#include "core/hub/HubStrings.h"
#include "core/keychain/SecretServiceKeychain.h"
#include "core/runtime/Error.h"

namespace distilbench::HubCache {
namespace fs = std::filesystem;
using HubStrings::env;
using HubStrings::trimmed;

std::string tokenPath() {
    return !env("HF_TOKEN_PATH").empty() ? env("HF_TOKEN_PATH")
                                         : (fs::path(hfHome()) / "token").string();
}

namespace {
// One keychain entry per Hub endpoint, so a private hub's token never goes to huggingface.co.
SecretServiceKeychain::Attributes keychainKey() {
    return {
        {"application", "distilbench"}, {"kind", "huggingface-token"}, {"endpoint", endpoint()}};
}
}  // namespace

bool keychainAvailable() {
    return SecretServiceKeychain::available();
}

FoundToken findToken(bool mayPrompt) {
    FoundToken found;
    if (const std::string v = trimmed(env("HF_TOKEN")); !v.empty())
        return {v, TokenSource::Environment, {}};
    if (SecretServiceKeychain::available()) {
        try {
            if (const auto v = SecretServiceKeychain::read(keychainKey(), mayPrompt, &found.note);
                v && !trimmed(*v).empty())
                return {trimmed(*v), TokenSource::Keychain, {}};
        } catch (const std::exception& e) {
            found.note = e.what();  // a broken keychain must not hide the token file
        }
    }
    std::ifstream in(tokenPath());
    std::string line;
    if (in) std::getline(in, line);
    if (!trimmed(line).empty()) {
        found.token = trimmed(line);
        found.source = TokenSource::File;
    }
    return found;
}

std::string token() {
    return findToken(true).token;
}

void saveTokenInKeychain(const std::string& token) {
    if (token.empty()) {
        SecretServiceKeychain::remove(keychainKey());
        return;
    }
    SecretServiceKeychain::write("Hugging Face token (" + endpoint() + ")", keychainKey(), token);
}

void saveToken(const std::string& token) {
    const std::string path = tokenPath();
    std::error_code ec;
    if (token.empty()) {
        fs::remove(path, ec);
        return;
    }
    fs::create_directories(fs::path(path).parent_path(), ec);
    // mkstemp creates a new file of this writer's own with 0600 before anything is written: the
    // token is never readable by others, a link planted at the temporary's name is not followed,
    // and two saves at once do not write into one file.
    std::string temporary = path + ".distilbench-tmp-XXXXXX";
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0) throw Error(path, std::string("cannot be written: ") + std::strerror(errno));
    int error = 0;
    if (::write(fd, token.data(), token.size()) != ssize_t(token.size()))
        error = errno != 0 ? errno : ENOSPC;
    if (::fchmod(fd, 0600) != 0 && error == 0) error = errno;
    if (::close(fd) != 0 && error == 0) error = errno;
    if (error == 0 && std::rename(temporary.c_str(), path.c_str()) != 0) error = errno;
    if (error != 0) {
        std::remove(temporary.c_str());
        throw Error(path, std::string("cannot be written: ") + std::strerror(error));
    }
}

}  // namespace distilbench::HubCache
