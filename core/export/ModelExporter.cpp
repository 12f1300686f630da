#include "core/export/ModelExporter.h"
#include "core/export/QuantizationCheck.h"

#include <ATen/ATen.h>

#include <stdlib.h>

#include <cerrno>
#include <chrono>
#include <filesystem>

#include "core/export/ExportTarget.h"
#include "core/export/ModelCard.h"
#include "core/export/OnnxExporter.h"
#include "core/export/TokenizerFiles.h"
#include "core/models/EncoderModel.h"
#include "core/models/Int8Linear.h"
#include "core/models/Model.h"
#include "core/runtime/Error.h"
#include "core/tokenizers/Tokenizer.h"
#include "core/util/AtomicFile.h"
#include "core/util/FileChecks.h"
#include "core/util/JsonFile.h"
#include "core/weights/WeightWriter.h"

namespace distilbench {
namespace fs = std::filesystem;

bool parseExportFormat(const std::string& s, ExportFormat& out) {
    if (s == "hf" || s == "huggingface")
        out = ExportFormat::HuggingFace;
    else if (s == "bin" || s == "pytorch")
        out = ExportFormat::PytorchBin;
    else if (s == "onnx")
        out = ExportFormat::Onnx;
    else
        return false;
    return true;
}

bool parseExportDType(const std::string& s, ExportDType& out) {
    if (s == "f32" || s == "fp32" || s == "float32")
        out = ExportDType::Float32;
    else if (s == "f16" || s == "fp16" || s == "float16")
        out = ExportDType::Float16;
    else if (s == "bf16" || s == "bfloat16")
        out = ExportDType::BFloat16;
    else
        return false;
    return true;
}

namespace {

// A folder we created (mkdtemp, beside the target so that the final rename stays on one file
// system), removed when it goes out of scope unless released.
class TemporaryFolder {
public:
    TemporaryFolder() = default;
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;
    ~TemporaryFolder() {
        if (path_.empty()) return;
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    void create(const fs::path& target) {
        std::string pattern =
            (target.parent_path() / ("." + target.filename().string() + ".export-XXXXXX")).string();
        if (!::mkdtemp(pattern.data()))
            throw Error(target.parent_path().string(),
                        "cannot create a temporary folder: " + errnoText(errno));
        path_ = pattern;
    }
    void release() { path_.clear(); }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

at::ScalarType scalarType(ExportDType d) {
    switch (d) {
        case ExportDType::Float16:
            return at::kHalf;
        case ExportDType::BFloat16:
            return at::kBFloat16;
        case ExportDType::Float32:
            return at::kFloat;
    }
    return at::kFloat;
}

const char* dtypeName(ExportDType d) {
    switch (d) {
        case ExportDType::Float16:
            return "float16";
        case ExportDType::BFloat16:
            return "bfloat16";
        case ExportDType::Float32:
            return "float32";
    }
    return "float32";
}

void writeConfig(const ModelConfig& c, const fs::path& dir, ExportDType dtype, bool int8,
                 const Int8Ranges& staticRanges = {}, int int8WeightBits = 0) {
    QJsonObject json = c.toJson();
    json.remove(Model::kInt8RangesKey);
    json.remove(Model::kInt8WeightBitsKey);
    if (int8 && int8WeightBits) json[Model::kInt8WeightBitsKey] = int8WeightBits;
    if (int8 && !staticRanges.empty()) {
        json[Model::kQuantizationKey] = "static-int8";
        json[Model::kInt8RangesKey] = Model::int8RangesJson(staticRanges);
    } else if (int8) {
        json[Model::kQuantizationKey] = "dynamic-int8";
    } else {
        json.remove(Model::kQuantizationKey);
    }
    json["torch_dtype"] = dtypeName(dtype);
    if (!json.contains("transformers_version")) json["transformers_version"] = "4.36.2";
    writeJsonAtomically((dir / "config.json").string(), json);
}

}  // namespace

bool writesOnnxFile(const ExportOptions& o, const std::string& out) {
    return o.format == ExportFormat::Onnx && fs::path(out).extension() == ".onnx";
}

ExportTarget inspectExport(const std::string& modelPath, const std::string& outPath,
                           const ExportOptions& o) {
    std::error_code ec;
    const fs::path model(modelPath);
    const std::string folder =
        fs::is_directory(model, ec) ? modelPath : model.parent_path().string();
    return inspectExportTarget(outPath, folder, writesOnnxFile(o, outPath));
}

ExportResult exportModel(const std::string& modelPath, const std::string& outPath,
                         const ExportOptions& o, const JobCallbacks& cb) {
    const auto start = std::chrono::steady_clock::now();
    if (outPath.empty()) throw Error("no output path given");
    // Where the export goes is checked before anything is loaded or written.
    const ExportTarget target = inspectExport(modelPath, outPath, o);
    if (target.state == ExportTarget::State::Refused) throw Error(target.path, target.problem);
    if (target.needsConfirmation() && !o.overwrite) throw Error(target.path, target.problem);
    if (o.int8WeightBits != 0 && !o.quantizeInt8)
        throw Error("int8 weight bits are for an int8 export (--quantize int8)");
    Int8Linear::levelsForBits(o.int8WeightBits);  // before anything is loaded
    cb.report(0.0, "loading the model");
    auto model = Model::load(modelPath, cb, o.load);
    if (o.quantizeInt8) model->setInt8WeightBits(o.int8WeightBits);
    std::unique_ptr<Tokenizer> tokenizer;
    try {
        tokenizer = Tokenizer::load(model->folder());
    } catch (const Error&) {
        if (o.format != ExportFormat::Onnx) throw;  // a bare ONNX file needs no tokenizer
    }
    const fs::path out = target.path;  // absolute, normalised
    const bool singleOnnxFile = writesOnnxFile(o, outPath);
    std::error_code ec;
    fs::create_directories(out.parent_path(), ec);
    if (ec) throw Error(out.parent_path().string(), "cannot create the folder: " + ec.message());
    // The export is assembled in a temporary folder of our own beside the target and removed
    // on every failure path; the target appears only when the export is complete.
    TemporaryFolder tmpFolder;
    if (!singleOnnxFile) tmpFolder.create(out);
    const fs::path tmp = tmpFolder.path();
    EncoderModel& enc = model->encoder();
    const ModelConfig& c = enc.config();
    Int8Ranges staticRanges;
    if (!o.calibrationData.empty()) {
        if (!o.quantizeInt8) throw Error("calibration data is for static int8 (--quantize)");
        if (!tokenizer) throw Error(model->folder(), "has no tokenizer to read calibration data");
        cb.report(0.1, "calibrating int8");
        staticRanges = calibrateStaticInt8(*model, *tokenizer, o.calibrationData,
                                           o.calibrationExamples, 128, cb);
    }
    cb.checkAbort();
    cb.report(0.2, "writing the weights");
    switch (o.format) {
        case ExportFormat::HuggingFace:
        case ExportFormat::PytorchBin: {
            NamedTensors weights;
            for (auto& [name, t] : enc.stateDict(o.format == ExportFormat::PytorchBin)) {
                const at::Tensor source = t.detach().to(at::kCPU);
                at::Tensor converted = source.to(scalarType(o.dtype)).contiguous();
                // float16 ends at 65504: a larger weight would be stored as infinity and the
                // exported model would compute NaN without a word.
                if (o.dtype == ExportDType::Float16 && source.is_floating_point() &&
                    !at::equal(at::isfinite(converted), at::isfinite(source))) {
                    const double largest = source.abs().max().item<double>();
                    throw Error(model->folder(),
                                name + " has values up to " + std::to_string(largest) +
                                    ", beyond float16's largest (65504): export as bf16 or f32");
                }
                weights.emplace_back(name, std::move(converted));
            }
            if (o.format == ExportFormat::HuggingFace)
                writeSafetensors((tmp / "model.safetensors").string(), weights);
            else
                writeTorchCheckpoint((tmp / "pytorch_model.bin").string(), weights);
            writeConfig(c, tmp, o.dtype, o.quantizeInt8, staticRanges,
                        o.quantizeInt8 ? o.int8WeightBits : 0);
            break;
        }
        case ExportFormat::Onnx: {
            if (o.dtype != ExportDType::Float32)
                throw Error("ONNX export writes float32 weights; leave the dtype at f32");
            OnnxExportOptions onnx;
            onnx.dynamicInt8 = o.quantizeInt8 && staticRanges.empty();
            onnx.staticInt8 = staticRanges;
            onnx.attentions = o.onnxAttentions;
            onnx.opset = o.onnxOpset;
            exportOnnx(enc, singleOnnxFile ? out.string() : (tmp / "model.onnx").string(), onnx);
            if (!singleOnnxFile) writeConfig(c, tmp, ExportDType::Float32, false);
            break;
        }
    }
    cb.checkAbort();
    ExportResult result;
    result.path = out.string();
    if (o.format == ExportFormat::Onnx && o.quantizeInt8)
        result.notes.push_back(
            enc.int8WeightBits() < 8
                ? std::string("int8 weights in 7 bits") +
                      (Int8Linear::weightBits() < 8 ? " (this CPU has no VNNI)" : "") +
                      ": ONNX Runtime computes them exactly on every CPU"
                : "int8 weights in 8 bits: ONNX Runtime on a CPU without VNNI (AVX2 only) may "
                  "overflow its int8 products with them (its documented saturation); export with "
                  "7-bit weights for such CPUs");
    if (singleOnnxFile) {
        result.files = {out.filename().string()};
        result.bytes = static_cast<std::int64_t>(fs::file_size(out));
    } else {
        cb.report(0.8, "writing the tokenizer and the model card");
        if (tokenizer)
            writeTokenizerFiles(*tokenizer, model->folder(), tmp.string(), c.modelType());
        if (o.format != ExportFormat::Onnx) {
            writeFileAtomically((tmp / "README.md").string(),
                                modelCardMarkdown(c, model->folder(), enc.parameterCount()));
        }
        // Only now that the new export is complete: re-check the target (it may have changed
        // while we worked) and move the export into place.
        const ExportTarget again = inspectExportTarget(out.string(), model->folder(), false);
        if (again.state == ExportTarget::State::Refused) throw Error(again.path, again.problem);
        if (again.state == ExportTarget::State::PreviousExport) {
            if (!o.overwrite) throw Error(again.path, again.problem);
            // Move the previous export aside (it holds only export files), then swap.
            TemporaryFolder old;
            old.create(out);
            fs::rename(out, old.path(), ec);
            if (ec) throw Error(out.string(), "cannot be replaced: " + ec.message());
            fs::rename(tmp, out, ec);
            if (ec) {
                std::error_code back;
                fs::rename(old.path(), out, back);
                // Should even that fail, the previous export stays where it is, never deleted.
                if (back) old.release();
                throw Error(out.string(), "cannot be replaced: " + ec.message());
            }
            tmpFolder.release();
        } else {
            if (again.state == ExportTarget::State::EmptyFolder) fs::remove(out, ec);
            fs::rename(tmp, out, ec);
            if (ec) throw Error(out.string(), "cannot be written: " + ec.message());
            tmpFolder.release();
        }
        for (const auto& e : fs::directory_iterator(out)) {
            result.files.push_back(e.path().filename().string());
            result.bytes += static_cast<std::int64_t>(e.file_size());
        }
        std::sort(result.files.begin(), result.files.end());
    }
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    cb.report(1.0, "exported");
    return result;
}

}  // namespace distilbench
