#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace distilbench {

class MappedFile;

enum class DType { F32, F16, BF16, F64, I64, I32, I16, I8, U8, Bool };

std::size_t dtypeSize(DType dtype);
const char* dtypeName(DType dtype);  // safetensors spelling: "F32", "BF16", ...

// Where a tensor's bytes are in a mapped file, before any LibTorch tensor exists. Readers of
// each format produce these; one place turns them into tensors.
struct TensorInfo {
    std::string name;
    DType dtype = DType::F32;
    std::vector<std::int64_t> shape;
    std::vector<std::int64_t> strides;  // in elements; empty = contiguous
    std::int64_t storageOffset = 0;     // in elements, from dataOffset
    std::uint64_t dataOffset = 0;       // in bytes, from the start of the file
    std::uint64_t byteLength = 0;       // bytes available from dataOffset
    std::shared_ptr<MappedFile> file;

    std::int64_t numel() const;
};

}  // namespace distilbench
