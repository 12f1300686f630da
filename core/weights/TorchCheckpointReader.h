#pragma once

#include <string>
#include <vector>

#include "core/weights/TensorInfo.h"

namespace distilbench {

// Reads pytorch_model.bin written by torch.save (zip format): the pickled OrderedDict of the
// state dict plus one raw storage file per tensor. Like torch.load(weights_only=True) it
// executes nothing: only the globals needed to rebuild tensors are accepted (OrderedDict,
// torch._utils._rebuild_tensor_v2/_rebuild_parameter, torch.*Storage); any other global is an
// error naming it.
class TorchCheckpointReader {
public:
    static std::vector<TensorInfo> read(const std::string& path);
    // The pickle part alone, for tests: the tensors it describes, with storage keys in `name`
    // of a pseudo file. `storageDir` is resolved against the archive.
    static bool isAllowedGlobal(const std::string& module, const std::string& name);
};

}  // namespace distilbench
