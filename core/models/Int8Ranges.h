#pragma once

#include <map>
#include <string>

namespace distilbench {

// Static int8's calibrated ranges: per int8 Linear layer, the smallest and largest value its
// input took over the calibration data.
struct Int8Range {
    float min = 0, max = 0;
};
using Int8Ranges = std::map<std::string, Int8Range>;

}  // namespace distilbench
