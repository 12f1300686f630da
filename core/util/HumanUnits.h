#pragma once

#include <cstdint>
#include <string>

namespace distilbench {

// Numbers the way people read them: "66.9 M", "255 MiB", "12.3 ms", "1 h 02 min".
std::string formatCount(double count);
std::string formatBytes(std::int64_t bytes);
std::string formatDuration(double seconds);

}  // namespace distilbench
