#pragma once

// The DistilBERT, BERT, RoBERTa (XLM-R, CamemBERT), ELECTRA and ALBERT encoders with their task
// heads, written directly on ATen operators.
// Parameters carry the Hugging Face names (for example
// "distilbert.transformer.layer.0.attention.q_lin.weight"), so a state dict maps one to one.
// Include this header only from .cpp files: it pulls in ATen.

#include <ATen/core/Tensor.h>
#include <ATen/core/ivalue.h>
#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/models/Int8Linear.h"
#include "core/models/Int8Ranges.h"
#include "core/models/ModelConfig.h"
#include "core/models/PackedLinear.h"

namespace distilbench {

struct ModelInputs {
    at::Tensor inputIds;        // [B, L] int64
    at::Tensor attentionMask;   // [B, L] (1 = token, 0 = padding); undefined = all ones
    at::Tensor tokenTypeIds;    // [B, L]; BERT only, undefined = zeros
    at::Tensor inputsEmbeds;    // [B, L, D] instead of inputIds (attributions)
    at::Tensor labels;          // task-dependent; undefined = no loss
    at::Tensor startPositions;  // QA
    at::Tensor endPositions;    // QA
};

struct ForwardOptions {
    bool attentions = false;
    bool hiddenStates = false;
    // Use at::_scaled_dot_product_attention when attention weights are not needed.
    bool fusedAttention = true;
    // Only the logits of a sequence classifier (or multiple-choice model) are wanted: its head
    // reads the first token alone, so the last layer computes queries, the attention output and
    // the feed-forward block for that token only (keys and values still come from every token).
    // The logits are the same; lastHidden is then [B, 1, D]. Ignored for other heads, for
    // ALBERT and DeBERTa, and when attentions or hidden states are asked for.
    bool firstTokenOnly = false;
};

struct ModelOutputs {
    at::Tensor logits;      // classification [B, N]; token/MLM [B, L, N]; QA [B, L, 2]; MC [B, C]
    at::Tensor loss;        // scalar when labels were given
    at::Tensor lastHidden;  // [B, L, D]
    at::Tensor pooled;      // BERT pooler output when the model has one
    std::vector<at::Tensor> hiddenStates;  // embeddings + each layer: [B, L, D]
    std::vector<at::Tensor> attentions;    // each layer: [B, H, L, L]
};

struct LoadReport {
    std::vector<std::string> missing;     // freshly initialised
    std::vector<std::string> unexpected;  // in the file, not used
    std::vector<std::string> tiedRestored;
};

class EncoderModel {
public:
    // Creates the parameters and initialises them as transformers' _init_weights does. With
    // initialise = false nothing is allocated: loadStateDict() fills what the checkpoint has and
    // initialises only what it lacks (loading a checkpoint costs no random draws).
    explicit EncoderModel(ModelConfig config, std::uint64_t seed = 42, bool initialise = true);

    const ModelConfig& config() const { return config_; }
    // Training changes the weights a fitted temperature was measured on: it starts again at 1.
    void resetCalibrationTemperature() { config_.temperature = 1.0; }
    ModelConfig& mutableConfig() { return config_; }

    // Trainable parameters in definition order; tied aliases are not repeated.
    const std::vector<std::string>& parameterNames() const { return names_; }
    at::Tensor& parameter(const std::string& name);
    bool hasParameter(const std::string& name) const { return params_.count(name) > 0; }
    std::vector<at::Tensor> parameters() const;
    // name -> target for weights that share storage (vocab_projector.weight -> word_embeddings).
    const std::map<std::string, std::string>& tiedParameters() const { return tied_; }
    // What transformers' state_dict() holds: every parameter, plus tied aliases when asked.
    std::vector<std::pair<std::string, at::Tensor>> stateDict(bool includeTied = false) const;

    // Copies weights in (converting dtype), accepting checkpoints saved with or without the
    // base-model prefix and old gamma/beta LayerNorm names. A shape mismatch throws an Error naming
    // the tensor and both shapes; `source` names the file in errors.
    LoadReport loadStateDict(const std::vector<std::pair<std::string, at::Tensor>>& weights,
                             const std::string& source);

    void setTraining(bool training) { training_ = training; }
    bool isTraining() const { return training_; }
    void to(c10::Device device, c10::ScalarType dtype);
    c10::Device device() const;
    c10::ScalarType dtype() const;
    void setRequiresGrad(bool requiresGrad);

    ModelOutputs forward(const ModelInputs& inputs, const ForwardOptions& options = {});
    // The word embedding lookup alone (for attributions, which perturb embeddings).
    at::Tensor wordEmbeddings(const at::Tensor& inputIds);

    std::int64_t parameterCount() const;

    // DeBERTa's bucketed relative positions (query minus key) for `length` tokens: [L, L].
    at::Tensor debertaRelativePositions(std::int64_t length) const;

    // Dynamic int8 quantization of every Linear layer (PyTorch's quantize_dynamic): weights
    // quantized per output channel, activations per batch at run time, int8 matrix products
    // through oneDNN (Int8Linear). Float weights stay for training, export and switching back.
    // Throws Error where oneDNN's int8 products do not run.
    void setDynamicInt8(bool enabled);
    // Whether the Linear layers run int8 products (dynamic or static).
    bool isDynamicInt8() const { return !int8_.empty(); }
    // The rule of which layers int8 covers (a 2-D weight with a bias, not an embedding), and
    // such a layer's weight quantized as setDynamicInt8 quantizes it (qint8 per output channel):
    // the ONNX export writes the same integers.
    bool isInt8Linear(const std::string& layer) const;
    at::Tensor quantizedWeight(const std::string& layer) const;

    // Static int8: every int8 Linear's input is quantized (uint8, per tensor) with a range fixed
    // by a calibration pass over sample data instead of measured on each call; the weights as
    // dynamic int8's, the products through Int8Linear (float32 out).
    // Turns static int8 on with `ranges` (one per int8 Linear layer, finite, min <= max), or off
    // when empty. Throws Error naming a layer that is missing, unknown or out of order.
    void setStaticInt8(const Int8Ranges& ranges);
    bool isStaticInt8() const { return !staticRanges_.empty(); }
    // The bits of the int8 weights: 0 = this CPU's (Int8Linear::weightBits: 8, or 7 where its
    // products would overflow 8-bit ones), or 7 (exact on every CPU, in ONNX Runtime too) or 8
    // (refused where the CPU needs 7). Re-quantizes int8 layers already made.
    void setInt8WeightBits(int bits);
    int int8WeightBits() const;  // in effect: 7 or 8
    const Int8Ranges& staticInt8Ranges() const { return staticRanges_; }
    // Calibration: between these calls, float32 forwards record the range of every int8 Linear's
    // input.
    void startInt8Calibration();
    Int8Ranges finishInt8Calibration();

    // Float32 inference (no gradients, not training) runs each Linear layer through a copy of
    // its weight pre-packed for oneDNN (PackedLinear), made on first use and again after the
    // weight changes. On by default; a model that is being trained turns it off, since its
    // weights change every step and the copies would only cost memory: its products (and its
    // evaluations') then run through oneDNN reading the weights in place (TrainingLinear).
    void setPackedFloat32(bool enabled);
    // Forgets the packed copies (they are made again on next use).
    void dropPackedFloat32();

private:
    void addParameter(const std::string& name, std::vector<std::int64_t> shape, int init);
    void initialiseParameter(std::size_t index);
    void initialiseMissing();
    void addLinear(const std::string& name, std::int64_t out, std::int64_t in);
    void addLayerNorm(const std::string& name, std::int64_t dim);
    const at::Tensor& p(const std::string& name) const;
    at::Tensor linear(const at::Tensor& x, const std::string& name) const;
    // linear(x, name) for each of `names` (an attention's query, key and value): where they are
    // all int8 layers that quantize alike, x is quantized once for all of them (the same
    // numbers, fewer passes).
    std::vector<at::Tensor> linears(const at::Tensor& x,
                                    const std::vector<std::string>& names) const;
    // activation(linear(x, name)), the activation fused into the product where it can be.
    at::Tensor linearActivation(const at::Tensor& x, const std::string& name) const;
    // The packed float32 copy of a Linear layer when x may take that path (inference on the CPU
    // in float32), made or remade as needed; null otherwise.
    std::shared_ptr<const PackedLinear> packedLinear(const at::Tensor& x, const std::string& name,
                                                     PackedLinear::Activation activation) const;
    // Whether this forward may take the oneDNN inference paths: not training, no gradients
    // being recorded (the tensor checks are the paths' own); packedInference() also wants
    // packing on.
    bool oneDnnInference() const;
    bool packedInference() const;
    at::Tensor layerNorm(const at::Tensor& x, const std::string& name) const;
    at::Tensor activation(const at::Tensor& x) const;
    struct AttentionNames {
        std::string query, key, value, output;
    };
    // `queries`: attend from the first this many tokens only (0: every token).
    at::Tensor attention(const at::Tensor& x, const at::Tensor& mask, const AttentionNames& names,
                         bool wantWeights, bool fused, at::Tensor* weightsOut,
                         std::int64_t queries = 0) const;
    // DeBERTa-v2/v3: the embeddings' projection and norm, the layers with disentangled attention,
    // the relative position table and the optional convolution.
    void addDebertaEncoder();
    // One layer's disentangled self-attention (content->position and position->content terms
    // added to the content scores); `keep` [B, 1, L, L] is true where query and key are tokens.
    at::Tensor debertaAttention(const at::Tensor& x, const at::Tensor& keep,
                                const at::Tensor& relPos, const at::Tensor& relEmb,
                                const std::string& layer, at::Tensor* weightsOut) const;
    at::Tensor activationNamed(const at::Tensor& x, const std::string& name) const;
    // DeBERTa's embeddings and encoder; fills out's hidden states and attentions as asked.
    at::Tensor debertaEncode(const at::Tensor& ids, const at::Tensor& wordEmbeds,
                             const at::Tensor& tokenTypes, const at::Tensor& mask,
                             const ForwardOptions& options, ModelOutputs& out) const;
    // ALBERT's shared layer `inner` of group `group` ("albert.encoder.albert_layer_groups.0.…").
    std::string albertLayer(int group, int inner) const;
    // The embeddings of ids (or given word embeddings) with positions and token types, in the
    // family's way; [B, L, embedding width].
    at::Tensor embed(const at::Tensor& ids, const at::Tensor& wordEmbeds,
                     const at::Tensor& tokenTypes, std::int64_t B, std::int64_t L) const;
    at::Tensor computeLoss(const ModelOutputs& out, const ModelInputs& in) const;

    ModelConfig config_;
    std::string prefix_;  // "distilbert." / "bert." or "" for a base model
    std::vector<std::string> names_;
    std::map<std::string, at::Tensor> params_;
    struct Spec {
        std::vector<std::int64_t> shape;
        int init;
    };
    std::vector<Spec> specs_;  // per entry of names_
    bool initialise_ = true;
    std::map<std::string, std::string> tied_;
    // Linear name -> its int8 product: dynamic, or static where staticRanges_ holds ranges.
    std::map<std::string, std::shared_ptr<const Int8Linear>> int8_;
    // The int8 product of Linear `name` where int8 is on for it (not training or calibrating).
    const Int8Linear* int8Linear(const std::string& name) const;
    Int8Ranges staticRanges_;
    int int8WeightBits_ = 0;                           // see setInt8WeightBits
    mutable std::unique_ptr<Int8Ranges> calibration_;  // while calibrating
    void recordRange(const std::string& name, const at::Tensor& x) const;
    bool packFloat32_ = true;
    // Linear name -> its float32 weight packed for oneDNN; guarded: jobs on several threads may
    // run one model.
    mutable std::map<std::string, std::shared_ptr<const PackedLinear>> float32Packed_;
    mutable std::mutex float32PackedMutex_;
    bool training_ = false;
    std::uint64_t seed_;
};

}  // namespace distilbench
