#pragma once

#include <ATen/core/Tensor.h>

#include <string>
#include <utility>
#include <vector>

#include "core/weights/TensorInfo.h"

namespace distilbench {

using NamedTensors = std::vector<std::pair<std::string, at::Tensor>>;

// Turns tensor descriptions into LibTorch tensors that point into the mapped file (no copy);
// the mapping lives as long as any tensor does.
at::Tensor tensorFromInfo(const TensorInfo& info);

// Which weights file of a model folder we read, in transformers' order of preference.
struct WeightsLocation {
    std::string path;
    std::string format;  // "safetensors", "safetensors-sharded", "pytorch"
};
// Throws Error naming the folder when it has no weights file.
WeightsLocation findWeights(const std::string& folder);

// Reads a safetensors file, a sharded index or a pytorch_model.bin.
NamedTensors readWeights(const WeightsLocation& location);

}  // namespace distilbench
