#include "core/util/HumanUnits.h"

#include <cmath>
#include <cstdio>

namespace distilbench {

namespace {
std::string format(const char* fmt, double value, const char* unit) {
    char buf[64];
    std::snprintf(buf, sizeof(buf), fmt, value, unit);
    return buf;
}
}  // namespace

std::string formatCount(double count) {
    const double a = std::fabs(count);
    if (a >= 1e9) return format("%.1f %s", count / 1e9, "G");
    if (a >= 1e6) return format("%.1f %s", count / 1e6, "M");
    if (a >= 1e4) return format("%.1f %s", count / 1e3, "k");
    return format("%.0f%s", count, "");
}

std::string formatBytes(std::int64_t bytes) {
    const double b = static_cast<double>(bytes);
    if (bytes < 1024) return format("%.0f %s", b, "B");
    if (b < 1024.0 * 1024) return format("%.1f %s", b / 1024, "KiB");
    if (b < 1024.0 * 1024 * 1024) {
        const double mib = b / (1024.0 * 1024);
        return format(mib >= 100 ? "%.0f %s" : "%.1f %s", mib, "MiB");
    }
    return format("%.2f %s", b / (1024.0 * 1024 * 1024), "GiB");
}

std::string formatDuration(double seconds) {
    if (seconds < 0 || !std::isfinite(seconds)) return "?";
    if (seconds < 1e-3) return format("%.1f %s", seconds * 1e6, "µs");
    if (seconds < 1.0) return format("%.1f %s", seconds * 1e3, "ms");
    if (seconds < 60.0) return format("%.1f %s", seconds, "s");
    const auto total = static_cast<long>(std::lround(seconds));
    char buf[64];
    if (total < 3600)
        std::snprintf(buf, sizeof(buf), "%ld min %02ld s", total / 60, total % 60);
    else
        std::snprintf(buf, sizeof(buf), "%ld h %02ld min", total / 3600, (total % 3600) / 60);
    return buf;
}

}  // namespace distilbench
