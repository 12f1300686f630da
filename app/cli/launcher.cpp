// distilbench-cli: answers --help and --version at once and hands every command to the engine
// (distilbench-cli-engine), which links LibTorch: its static initialisation alone takes most of
// a second, which a user asking for the version or the command list should not wait for.
#include <limits.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "app/cli/CommandTable.h"

namespace {
std::string executableDir() {
    char buf[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
    if (n <= 0) return {};
    buf[n] = '\0';
    std::string path(buf);
    return path.substr(0, path.rfind('/'));
}
}  // namespace

int main(int argc, char** argv) {
    // The global options come before the command; the engine checks them, the launcher only
    // steps over them to see whether help or the version was asked for.
    for (int i = 1; i < argc && argv[i][0] == '-'; ++i) {
        const std::string a = argv[i];
        if (a == "--version" || a == "-v") {
            std::printf("distilbench-cli %s\n", DISTILBENCH_VERSION);
            return 0;
        }
        if (a == "--help" || a == "-h") {
            std::fputs(cliHelpText().c_str(), stdout);
            return 0;
        }
        if (a == "--threads") {
            ++i;
            continue;
        }
        break;
    }
    // Installed: <prefix>/libexec/distilbench/; in the build tree: beside the launcher.
    const std::string dir = executableDir();
    std::string tried;
    for (const std::string& engine :
         {dir + "/../libexec/distilbench/distilbench-cli-engine", dir + "/distilbench-cli-engine",
          std::string(DISTILBENCH_ENGINE_INSTALL_PATH)}) {
        if (access(engine.c_str(), X_OK) != 0) {
            tried += (tried.empty() ? "" : ", ") + engine;
            continue;
        }
        execv(engine.c_str(), argv);
        std::fprintf(stderr, "distilbench-cli: cannot start %s: %s\n", engine.c_str(),
                     std::strerror(errno));
        return 1;
    }
    std::fprintf(stderr, "distilbench-cli: the engine is missing (looked for %s)\n", tried.c_str());
    return 1;
}
