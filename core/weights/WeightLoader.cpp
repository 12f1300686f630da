#include "core/weights/WeightLoader.h"

#include <ATen/ATen.h>

#include <filesystem>

#include "core/runtime/Error.h"
#include "core/util/MappedFile.h"
#include "core/weights/SafetensorsReader.h"
#include "core/weights/TorchCheckpointReader.h"

namespace distilbench {
namespace fs = std::filesystem;

namespace {
at::ScalarType toScalarType(DType d) {
    switch (d) {
        case DType::F32:
            return at::kFloat;
        case DType::F16:
            return at::kHalf;
        case DType::BF16:
            return at::kBFloat16;
        case DType::F64:
            return at::kDouble;
        case DType::I64:
            return at::kLong;
        case DType::I32:
            return at::kInt;
        case DType::I16:
            return at::kShort;
        case DType::I8:
            return at::kChar;
        case DType::U8:
            return at::kByte;
        case DType::Bool:
            return at::kBool;
    }
    return at::kFloat;
}
}  // namespace

at::Tensor tensorFromInfo(const TensorInfo& info) {
    auto file = info.file;
    std::uint8_t* base = file->mutableData() + info.dataOffset;
    const auto options = at::TensorOptions().dtype(toScalarType(info.dtype));
    auto keepAlive = [file](void*) {};
    if (info.strides.empty()) return at::from_blob(base, info.shape, keepAlive, options);
    return at::from_blob(
        base + info.storageOffset * static_cast<std::int64_t>(dtypeSize(info.dtype)), info.shape,
        info.strides, keepAlive, options);
}

WeightsLocation findWeights(const std::string& folderOrFile) {
    const fs::path p(folderOrFile);
    std::error_code ec;
    if (fs::is_regular_file(p, ec)) {
        const std::string name = p.filename().string();
        if (name.ends_with(".index.json")) return {folderOrFile, "safetensors-sharded"};
        if (name.ends_with(".safetensors")) return {folderOrFile, "safetensors"};
        if (name.ends_with(".bin") || name.ends_with(".pt") || name.ends_with(".pth"))
            return {folderOrFile, "pytorch"};
        throw Error(folderOrFile,
                    "not a weights file (expected .safetensors, .index.json or .bin)");
    }
    if (!fs::is_directory(p, ec)) throw Error(folderOrFile, "does not exist");
    if (fs::exists(p / "model.safetensors"))
        return {(p / "model.safetensors").string(), "safetensors"};
    if (fs::exists(p / "model.safetensors.index.json"))
        return {(p / "model.safetensors.index.json").string(), "safetensors-sharded"};
    if (fs::exists(p / "pytorch_model.bin")) return {(p / "pytorch_model.bin").string(), "pytorch"};
    throw Error(folderOrFile,
                "no weights found (looked for model.safetensors, model.safetensors.index.json, "
                "pytorch_model.bin)");
}

NamedTensors readWeights(const WeightsLocation& location) {
    std::vector<TensorInfo> infos;
    if (location.format == "safetensors")
        infos = SafetensorsReader::read(location.path).tensors;
    else if (location.format == "safetensors-sharded")
        infos = SafetensorsReader::readSharded(location.path).tensors;
    else
        infos = TorchCheckpointReader::read(location.path);
    NamedTensors out;
    out.reserve(infos.size());
    for (const auto& info : infos) out.emplace_back(info.name, tensorFromInfo(info));
    return out;
}

}  // namespace distilbench
