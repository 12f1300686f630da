#pragma once

#include <map>
#include <string>

#include "core/weights/WeightLoader.h"

namespace distilbench {

// Saves tensors as model.safetensors (header padded to 8 bytes, tensors in the given order).
// Written to a temporary file and renamed, so an existing file is never left half-written.
void writeSafetensors(const std::string& path, const NamedTensors& tensors,
                      const std::map<std::string, std::string>& metadata = {{"format", "pt"}});

// Saves tensors as pytorch_model.bin in torch.save's zip format: an OrderedDict pickled with
// protocol 2 that torch.load(weights_only=True) accepts, one storage per tensor (tensors that
// share storage, like tied weights, are written once).
void writeTorchCheckpoint(const std::string& path, const NamedTensors& tensors);

}  // namespace distilbench
