#include "core/runtime/Resources.h"

#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <filesystem>
#include <vector>

#ifndef DISTILBENCH_SOURCE_RESOURCES
#define DISTILBENCH_SOURCE_RESOURCES ""
#endif

namespace distilbench {
namespace fs = std::filesystem;

std::string resourcePath(const std::string& relative) {
    std::vector<fs::path> roots;
    if (const char* env = std::getenv("DISTILBENCH_DATA_DIR")) roots.emplace_back(env);
    char buf[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
    if (n > 0) {
        buf[n] = '\0';
        roots.push_back(fs::path(buf).parent_path() / "../share/distilbench");
        // The CLI engine lives in <prefix>/libexec/distilbench.
        roots.push_back(fs::path(buf).parent_path() / "../../share/distilbench");
    }
    roots.emplace_back(DISTILBENCH_SOURCE_RESOURCES);
    std::error_code ec;
    for (const auto& root : roots) {
        const fs::path p = root / relative;
        if (!root.empty() && fs::exists(p, ec)) return fs::weakly_canonical(p, ec).string();
    }
    return {};
}

std::string bundledVocabPath() {
    return resourcePath("vocab/bert-base-uncased-vocab.txt");
}

std::string demoModelPath() {
    return resourcePath("demo/sst2-distilbert-tiny");
}

}  // namespace distilbench
