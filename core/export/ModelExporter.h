#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/models/Model.h"
#include "core/runtime/JobCallbacks.h"

namespace distilbench {

enum class ExportFormat { HuggingFace, PytorchBin, Onnx };
enum class ExportDType { Float32, Float16, BFloat16 };

bool parseExportFormat(const std::string& name, ExportFormat& out);  // hf | bin | onnx
bool parseExportDType(const std::string& name, ExportDType& out);    // f32 | f16 | bf16

struct ExportOptions {
    ExportFormat format = ExportFormat::HuggingFace;
    ExportDType dtype = ExportDType::Float32;  // weights as stored (ONNX stays fp32)
    bool onnxAttentions = false;
    // hf/bin: mark the folder for int8 dynamic inference; DistilBench quantizes the Linear layers
    // when it loads it (transformers ignores the key and runs fp32).
    bool quantizeInt8 = false;
    int onnxOpset = 14;
    // Replace an existing export at the target (only one that holds nothing but export files).
    bool overwrite = false;
    LoadOptions load;  // an incomplete model is refused unless load.allowMissingWeights
};

struct ExportResult {
    std::string path;
    std::vector<std::string> files;  // relative to `path` for folders
    std::int64_t bytes = 0;
    double seconds = 0;
};

// Writes a model folder (or checkpoint file beside a config.json) in a form other tools load
// unchanged. hf: config.json, model.safetensors, tokenizer files and a model card README.md;
// bin: the same with pytorch_model.bin (torch.save zip format); onnx: model.onnx (a file path
// ending in .onnx, or a folder that also gets config.json and the tokenizer files). Everything is
// written into OUT.tmp and renamed, so an existing OUT is replaced only by a complete export.
ExportResult exportModel(const std::string& model, const std::string& out,
                         const ExportOptions& options, const JobCallbacks& callbacks = {});

}  // namespace distilbench
