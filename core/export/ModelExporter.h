#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/export/ExportTarget.h"
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
    // when it loads it (transformers ignores the key and runs fp32). onnx: the graph itself holds
    // the int8 weights and the dynamic int8 products (ONNX Runtime runs them).
    bool quantizeInt8 = false;
    // With quantizeInt8: static int8 calibrated on the first calibrationExamples texts of this
    // file (labelled data or a .txt); empty = dynamic int8.
    std::string calibrationData;
    int calibrationExamples = 256;
    // With quantizeInt8, the bits of the int8 weights (EncoderModel::setInt8WeightBits): 0 =
    // this CPU's (8, or 7 without VNNI); 7 = exact in ONNX Runtime on CPUs without VNNI too (a
    // folder asks for them when loaded); 8 is refused where this CPU needs 7.
    int int8WeightBits = 0;
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
    // What the user should know of the result, a sentence each (an int8 ONNX file's weight
    // bits and where ONNX Runtime runs them exactly).
    std::vector<std::string> notes;
};

// Whether the export is one .onnx file rather than a folder.
bool writesOnnxFile(const ExportOptions& options, const std::string& out);
// Where exportModel(model, out, options) would write and whether it may (see ExportTarget): the
// GUI asks before starting, to name a refused target or confirm a replacement; exportModel
// checks again.
ExportTarget inspectExport(const std::string& model, const std::string& out,
                           const ExportOptions& options);

// Writes a model folder (or checkpoint file beside a config.json) in a form other tools load
// unchanged. hf: config.json, model.safetensors, tokenizer files and a model card README.md;
// bin: the same with pytorch_model.bin (torch.save zip format); onnx: model.onnx (a file path
// ending in .onnx, or a folder that also gets config.json and the tokenizer files). Everything is
// written into a temporary folder of ours beside OUT and renamed; OUT must be new, empty, or a
// previous export replaced only with options.overwrite (see inspectExport).
ExportResult exportModel(const std::string& model, const std::string& out,
                         const ExportOptions& options, const JobCallbacks& callbacks = {});

}  // namespace distilbench
