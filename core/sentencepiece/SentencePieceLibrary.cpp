#include "core/sentencepiece/SentencePieceLibrary.h"

#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include "core/runtime/Error.h"

#ifndef DISTILBENCH_MODULE_BUILD_DIR
#define DISTILBENCH_MODULE_BUILD_DIR ""
#endif
#ifndef DISTILBENCH_MODULE_INSTALL_DIR
#define DISTILBENCH_MODULE_INSTALL_DIR ""
#endif

namespace distilbench {
namespace fs = std::filesystem;

namespace {
constexpr const char* kModuleName = "distilbench_sentencepiece.so";

fs::path executableDir() {
    char buf[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
    if (n <= 0) return {};
    buf[n] = '\0';
    return fs::path(buf).parent_path();
}
}  // namespace

SentencePieceLibrary& SentencePieceLibrary::instance() {
    static SentencePieceLibrary library;
    return library;
}

void SentencePieceLibrary::ensureLoaded() {
    std::call_once(once_, [this] {
        std::vector<fs::path> candidates;
        if (const char* env = std::getenv("DISTILBENCH_SENTENCEPIECE_MODULE"))
            candidates.emplace_back(env);
        const fs::path exe = executableDir();
        if (!exe.empty()) {
            candidates.push_back(exe / kModuleName);
            candidates.push_back(exe / "../lib/distilbench" / kModuleName);
            candidates.push_back(exe / "../lib/x86_64-linux-gnu/distilbench" / kModuleName);
            // The CLI engine lives in <prefix>/libexec/distilbench.
            candidates.push_back(exe / "../../lib/distilbench" / kModuleName);
            candidates.push_back(exe / "../../lib/x86_64-linux-gnu/distilbench" / kModuleName);
        }
        if (*DISTILBENCH_MODULE_BUILD_DIR)
            candidates.push_back(fs::path(DISTILBENCH_MODULE_BUILD_DIR) / kModuleName);
        if (*DISTILBENCH_MODULE_INSTALL_DIR)
            candidates.push_back(fs::path(DISTILBENCH_MODULE_INSTALL_DIR) / kModuleName);

        std::string tried;
        for (const auto& candidate : candidates) {
            std::error_code ec;
            if (!fs::exists(candidate, ec)) {
                tried += " " + candidate.string();
                continue;
            }
            // RTLD_DEEPBIND: the module and its libsentencepiece resolve their own (embedded)
            // protobuf symbols before the ones LibTorch brought into the global scope.
            handle_ = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
            if (!handle_) {
                error_ = std::string("cannot open ") + candidate.string() + ": " + dlerror();
                return;
            }
            factory_ =
                reinterpret_cast<Factory>(dlsym(handle_, "distilbench_sentencepiece_create"));
            if (!factory_) {
                error_ = candidate.string() + " does not export distilbench_sentencepiece_create";
                return;
            }
            path_ = fs::weakly_canonical(candidate, ec).string();
            return;
        }
        error_ = "sentencepiece module not found (looked for" + tried + ")";
    });
}

bool SentencePieceLibrary::available() {
    ensureLoaded();
    return factory_ != nullptr;
}

const std::string& SentencePieceLibrary::loadError() {
    ensureLoaded();
    return error_;
}

std::string SentencePieceLibrary::modulePath() {
    ensureLoaded();
    return path_;
}

std::string SentencePieceLibrary::version() {
    if (!available()) return {};
    return create()->version();
}

std::unique_ptr<SentencePieceBackend> SentencePieceLibrary::create() {
    if (!available()) throw Error(error_);
    return std::unique_ptr<SentencePieceBackend>(factory_());
}

}  // namespace distilbench
