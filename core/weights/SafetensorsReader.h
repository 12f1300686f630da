#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/weights/TensorInfo.h"

namespace distilbench {

// Reads the safetensors format: an 8-byte little-endian header length, a JSON header, then the
// raw tensor bytes. The file is memory-mapped; nothing is copied. Every header entry is checked
// against the file size before any tensor is created.
class SafetensorsReader {
public:
    struct Contents {
        std::vector<TensorInfo> tensors;  // in header order
        std::map<std::string, std::string> metadata;
    };

    // Throws distilbench::Error naming the file and the problem.
    static Contents read(const std::string& path);
    // model.safetensors.index.json: reads every shard it names.
    static Contents readSharded(const std::string& indexPath);
};

}  // namespace distilbench
