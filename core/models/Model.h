#pragma once

// The model facade for the app and the CLI: no LibTorch types in this header.

#include <QJsonObject>
#include <QJsonValue>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/models/Int8Ranges.h"
#include "core/models/ModelConfig.h"
#include "core/runtime/Error.h"
#include "core/runtime/JobCallbacks.h"

namespace distilbench {

class EncoderModel;

// A dense float array with its shape, row-major: the plain form results take outside core.
struct FloatArray {
    std::vector<std::int64_t> shape;
    std::vector<float> values;

    float at(std::initializer_list<std::int64_t> index) const;
};

struct ParameterGroup {
    std::string name;  // "Embeddings", "Layer 0", ..., "Pooler", "Head"
    std::int64_t count = 0;
};

struct ModelSummary {
    std::string folder;
    std::string weightsPath;
    std::string weightsFormat;  // safetensors, safetensors-sharded, pytorch, new
    std::string fileDtype;      // dtype of the weights as stored
    std::int64_t parameterCount = 0;
    std::int64_t bytesOnDisk = 0;
    std::int64_t bytesInMemory = 0;
    std::vector<ParameterGroup> groups;
    std::vector<std::string> missingKeys, unexpectedKeys, tiedRestored;
    std::vector<std::string> tokenizerFiles;
    double loadSeconds = 0.0;
};

enum class ComputeDType { Float32, BFloat16 };

struct LoadOptions {
    // A model whose file lacks some of its weights (no classifier, fewer layers than the config)
    // is refused unless this is set: only training, distillation and explicit inspection
    // ("--allow-fresh-weights") may start from freshly initialised tensors.
    bool allowMissingWeights = false;
};

// Thrown by Model::load for a model that lacks weights; lists them.
class IncompleteModelError : public Error {
public:
    IncompleteModelError(const std::string& file, std::vector<std::string> missing);
    const std::vector<std::string>& missing() const { return missing_; }

private:
    std::vector<std::string> missing_;
};

// "classifier.weight, classifier.bias and 3 more": a short list for one-line messages.
std::string summariseNames(const std::vector<std::string>& names, std::size_t shown = 6);

struct InferenceRequest {
    // Token ids per sequence (ragged: padded to the longest here); type ids optional.
    std::vector<std::vector<std::int64_t>> inputIds;
    std::vector<std::vector<std::int64_t>> tokenTypeIds;
    std::vector<std::vector<std::int64_t>> attentionMask;  // optional; default from lengths
    bool attentions = false;
    bool hiddenStates = false;
    // Compute every token's last-layer output even where the head reads the first token only
    // (what exporters' graphs do; the benchmark's --all-tokens).
    bool allTokens = false;
};

struct InferenceResult {
    std::vector<std::vector<std::int64_t>> inputIds;       // padded
    std::vector<std::vector<std::int64_t>> attentionMask;  // 1 = token
    FloatArray logits;                     // the head's output; a base model's last hidden state
    std::vector<FloatArray> attentions;    // per layer [B, H, L, L]
    std::vector<FloatArray> hiddenStates;  // embeddings + per layer [B, L, D]
    double seconds = 0.0;
};

class Model {
public:
    // Loads a folder (config.json + weights) or a weights file beside a config.json.
    // Throws distilbench::Error naming the file and the problem.
    // Refuses (IncompleteModelError) a file that lacks weights the config needs, unless
    // options.allowMissingWeights; refuses a config whose parameters do not fit in memory.
    static std::shared_ptr<Model> load(const std::string& path, const JobCallbacks& callbacks = {},
                                       const LoadOptions& options = {});
    // A new, randomly initialised model.
    static std::shared_ptr<Model> create(const ModelConfig& config, std::uint64_t seed = 42);
    // Wraps an encoder built elsewhere (a model given a new head for fine-tuning).
    static std::shared_ptr<Model> adopt(std::unique_ptr<EncoderModel> encoder,
                                        const ModelSummary& summary = {});
    ~Model();

    const ModelConfig& config() const;
    const ModelSummary& summary() const { return summary_; }
    const std::string& folder() const { return summary_.folder; }

    void setComputeDType(ComputeDType dtype);
    // "cpu" or "cuda:N"; throws Error when the device does not exist in this LibTorch build.
    void setDevice(const std::string& device);
    std::string device() const;
    ComputeDType computeDType() const { return dtype_; }
    // Dynamic int8 inference for the Linear layers (see EncoderModel::setDynamicInt8). A folder
    // exported with --quantize int8 turns it on when loaded.
    void setDynamicInt8(bool enabled);
    // True for static int8 too (both run the int8 products).
    bool isDynamicInt8() const;
    // Static int8 with calibrated ranges (EncoderModel::setStaticInt8); empty turns int8 off. A
    // folder exported with --quantize int8-static carries the ranges and turns it on when loaded.
    void setStaticInt8(const Int8Ranges& ranges);
    bool isStaticInt8() const;
    // The bits of the int8 weights this CPU computes with unless told otherwise: 8, or 7 where
    // its int8 products would overflow with 8 (no VNNI; see Int8Linear::weightLevels). Runs a
    // tiny product the first time.
    static int cpuInt8WeightBits();
    // This model's (EncoderModel::setInt8WeightBits): 0 = the CPU's, 7, or 8. A folder exported
    // with kInt8WeightBitsKey asks for its bits when loaded (7 wherever the CPU needs 7).
    void setInt8WeightBits(int bits);
    int int8WeightBits() const;  // in effect: 7 or 8
    static constexpr const char* kInt8WeightBitsKey = "distilbench_int8_weight_bits";
    static constexpr const char* kQuantizationKey = "distilbench_quantization";
    static constexpr const char* kInt8RangesKey = "distilbench_int8_ranges";
    // The ranges of a config.json's kInt8RangesKey (layer: [input min, input max]); throws
    // Error naming `source` for anything else.
    static Int8Ranges parseInt8Ranges(const QJsonValue& value, const std::string& source);
    static QJsonObject int8RangesJson(const Int8Ranges& ranges);

    // Runs the model without gradients. Safe to call from one thread at a time per model
    // (a mutex serialises calls).
    InferenceResult run(const InferenceRequest& request) const;

    // For core code that trains or explains: the LibTorch model itself.
    EncoderModel& encoder() { return *encoder_; }
    std::mutex& mutex() const { return mutex_; }

private:
    Model() = default;
    void summarise();

    std::unique_ptr<EncoderModel> encoder_;
    ModelSummary summary_;
    ComputeDType dtype_ = ComputeDType::Float32;
    mutable std::mutex mutex_;
};

}  // namespace distilbench
