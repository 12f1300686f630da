#include "core/models/EncoderModel.h"

#include "core/models/InferenceAttention.h"
#include "core/models/PackedLinear.h"
#include "core/models/TrainingLinear.h"
#include "core/models/TrainingMatmul.h"

#include "core/training/Objective.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>

#include <cmath>
#include <limits>
#include <set>

#include "core/runtime/Error.h"

namespace distilbench {

namespace {
enum Init { kNormal, kZeros, kOnes };

// The most negative finite value of a dtype: what transformers uses (finfo.min) to mask keys.
// Multiplying a mask by it would turn into 0 * -inf = NaN where it rounds to -inf (bf16).
double lowestOf(at::ScalarType t) {
    switch (t) {
        case at::kBFloat16:
            return -3.3895313892515355e38;
        case at::kHalf:
            return -65504.0;
        case at::kDouble:
            return std::numeric_limits<double>::lowest();
        default:
            return static_cast<double>(std::numeric_limits<float>::lowest());
    }
}

std::string shapeString(at::IntArrayRef s) {
    std::string out = "[";
    for (std::size_t i = 0; i < s.size(); ++i) out += (i ? ", " : "") + std::to_string(s[i]);
    return out + "]";
}
}  // namespace

EncoderModel::EncoderModel(ModelConfig config, std::uint64_t seed, bool initialise)
    : config_(std::move(config)), initialise_(initialise), seed_(seed) {
    const auto& c = config_;
    const bool bertLayers = c.hasBertLayers();
    const bool albert = c.family == ModelFamily::Albert;
    const bool electra = c.family == ModelFamily::Electra;
    const bool roberta = c.isRobertaLike();
    prefix_ = c.head == HeadType::Base ? "" : c.basePrefix() + ".";
    const std::int64_t D = c.hiddenSize, F = c.intermediateSize, V = c.vocabSize,
                       E = c.embeddingWidth();
    const bool deberta = c.family == ModelFamily::DebertaV2;
    const std::string e = prefix_ + "embeddings.";
    addParameter(e + "word_embeddings.weight", {V, E}, kNormal);
    if (!deberta || c.deberta.positionBiasedInput)
        addParameter(e + "position_embeddings.weight", {c.maxPositions, E}, kNormal);
    if (c.hasTokenTypes())
        addParameter(e + "token_type_embeddings.weight", {c.typeVocabSize, E}, kNormal);
    if (deberta) {
        addDebertaEncoder();
    } else {
        addLayerNorm(e + "LayerNorm", E);
    }
    if (electra && E != D) addLinear(prefix_ + "embeddings_project", D, E);
    if (albert) {
        // One set of weights per group, applied num_hidden_layers / num_hidden_groups times.
        addLinear(prefix_ + "encoder.embedding_hidden_mapping_in", D, E);
        for (int g = 0; g < c.numHiddenGroups; ++g)
            for (int i = 0; i < c.innerGroupNum; ++i) {
                const std::string l = albertLayer(g, i);
                addLinear(l + "attention.query", D, D);
                addLinear(l + "attention.key", D, D);
                addLinear(l + "attention.value", D, D);
                addLinear(l + "attention.dense", D, D);
                addLayerNorm(l + "attention.LayerNorm", D);
                addLinear(l + "ffn", F, D);
                addLinear(l + "ffn_output", D, F);
                addLayerNorm(l + "full_layer_layer_norm", D);
            }
    }
    for (int i = 0; i < (albert || deberta ? 0 : c.numLayers); ++i) {
        if (bertLayers) {
            const std::string l = prefix_ + "encoder.layer." + std::to_string(i) + ".";
            addLinear(l + "attention.self.query", D, D);
            addLinear(l + "attention.self.key", D, D);
            addLinear(l + "attention.self.value", D, D);
            addLinear(l + "attention.output.dense", D, D);
            addLayerNorm(l + "attention.output.LayerNorm", D);
            addLinear(l + "intermediate.dense", F, D);
            addLinear(l + "output.dense", D, F);
            addLayerNorm(l + "output.LayerNorm", D);
        } else {
            const std::string l = prefix_ + "transformer.layer." + std::to_string(i) + ".";
            addLinear(l + "attention.q_lin", D, D);
            addLinear(l + "attention.k_lin", D, D);
            addLinear(l + "attention.v_lin", D, D);
            addLinear(l + "attention.out_lin", D, D);
            addLayerNorm(l + "sa_layer_norm", D);
            addLinear(l + "ffn.lin1", F, D);
            addLinear(l + "ffn.lin2", D, F);
            addLayerNorm(l + "output_layer_norm", D);
        }
    }
    // Which models build a pooler, as transformers' add_pooling_layer decides.
    const bool poolerHeads = c.head == HeadType::Base ||
                             c.head == HeadType::SequenceClassification ||
                             c.head == HeadType::MultipleChoice;
    const bool pooler =
        ((c.family == ModelFamily::Bert || albert) && poolerHeads) ||
        (roberta && (c.head == HeadType::Base || c.head == HeadType::MultipleChoice));
    if (pooler) addLinear(prefix_ + "pooler" + (albert ? "" : ".dense"), D, D);
    // DeBERTa's ContextPooler belongs to the head, outside the base model's prefix.
    if (deberta && poolerHeads && c.head != HeadType::Base) addLinear("pooler.dense", D, D);
    const std::int64_t N = std::max(1, c.numLabels());
    const std::string words = e + "word_embeddings.weight";
    auto decoder = [&](const std::string& name, std::int64_t in) {
        if (c.tieWordEmbeddings)
            tied_[name] = words;
        else
            addParameter(name, {V, in}, kNormal);
    };
    switch (c.head) {
        case HeadType::Base:
            break;
        case HeadType::MaskedLM:
            if (c.family == ModelFamily::Bert || deberta) {
                addParameter("cls.predictions.bias", {V}, kZeros);
                addLinear("cls.predictions.transform.dense", D, D);
                addLayerNorm("cls.predictions.transform.LayerNorm", D);
                decoder("cls.predictions.decoder.weight", D);
                tied_["cls.predictions.decoder.bias"] = "cls.predictions.bias";
            } else if (roberta) {
                addLinear("lm_head.dense", D, D);
                addLayerNorm("lm_head.layer_norm", D);
                decoder("lm_head.decoder.weight", D);
                addParameter("lm_head.bias", {V}, kZeros);
                tied_["lm_head.decoder.bias"] = "lm_head.bias";
            } else if (electra) {
                addLayerNorm("generator_predictions.LayerNorm", E);
                addLinear("generator_predictions.dense", E, D);
                decoder("generator_lm_head.weight", E);
                addParameter("generator_lm_head.bias", {V}, kZeros);
            } else if (albert) {
                addParameter("predictions.bias", {V}, kZeros);
                addLayerNorm("predictions.LayerNorm", E);
                addLinear("predictions.dense", E, D);
                decoder("predictions.decoder.weight", E);
                tied_["predictions.decoder.bias"] = "predictions.bias";
            } else {
                addLinear("vocab_transform", D, D);
                addLayerNorm("vocab_layer_norm", D);
                decoder("vocab_projector.weight", D);
                addParameter("vocab_projector.bias", {V}, kZeros);
            }
            break;
        case HeadType::SequenceClassification:
            if (roberta || electra) {  // dense -> tanh/gelu -> out_proj on the first token
                addLinear("classifier.dense", D, D);
                addLinear("classifier.out_proj", N, D);
                break;
            }
            if (c.family == ModelFamily::DistilBert) addLinear("pre_classifier", D, D);
            addLinear("classifier", N, D);
            break;
        case HeadType::TokenClassification:
            addLinear("classifier", N, D);
            break;
        case HeadType::QuestionAnswering:
            addLinear("qa_outputs", 2, D);
            break;
        case HeadType::MultipleChoice:
            if (c.family == ModelFamily::DistilBert) addLinear("pre_classifier", D, D);
            addLinear("classifier", 1, D);
            break;
        case HeadType::ReplacedTokenDetection:
            addLinear("discriminator_predictions.dense", D, D);
            addLinear("discriminator_predictions.dense_prediction", 1, D);
            break;
    }
    if (initialise_) initialiseMissing();
}

void EncoderModel::addDebertaEncoder() {
    const auto& c = config_;
    const DebertaSettings& d = c.deberta;
    const std::int64_t D = c.hiddenSize, F = c.intermediateSize, E = c.embeddingWidth();
    if (E != D) addParameter(prefix_ + "embeddings.embed_proj.weight", {D, E}, kNormal);
    addLayerNorm(prefix_ + "embeddings.LayerNorm", D);
    for (int i = 0; i < c.numLayers; ++i) {
        const std::string l = prefix_ + "encoder.layer." + std::to_string(i) + ".";
        addLinear(l + "attention.self.query_proj", D, D);
        addLinear(l + "attention.self.key_proj", D, D);
        addLinear(l + "attention.self.value_proj", D, D);
        if (d.relativeAttention && !d.shareAttentionKey) {
            if (d.contentToPosition) addLinear(l + "attention.self.pos_key_proj", D, D);
            if (d.positionToContent) addLinear(l + "attention.self.pos_query_proj", D, D);
        }
        addLinear(l + "attention.output.dense", D, D);
        addLayerNorm(l + "attention.output.LayerNorm", D);
        addLinear(l + "intermediate.dense", F, D);
        addLinear(l + "output.dense", D, F);
        addLayerNorm(l + "output.LayerNorm", D);
    }
    if (d.relativeAttention) {
        addParameter(prefix_ + "encoder.rel_embeddings.weight",
                     {2 * std::int64_t(d.span(c.maxPositions)), D}, kNormal);
        if (d.normaliseRelativeEmbeddings) addLayerNorm(prefix_ + "encoder.LayerNorm", D);
    }
    if (d.convKernelSize > 0) {
        addParameter(prefix_ + "encoder.conv.conv.weight", {D, D / d.convGroups, d.convKernelSize},
                     kNormal);
        addParameter(prefix_ + "encoder.conv.conv.bias", {D}, kZeros);
        addLayerNorm(prefix_ + "encoder.conv.LayerNorm", D);
    }
}

at::Tensor EncoderModel::activationNamed(const at::Tensor& x, const std::string& name) const {
    if (name == "relu") return at::relu(x);
    if (name == "gelu_new") return at::gelu(x, "tanh");
    if (name == "tanh") return at::tanh(x);
    return at::gelu(x);
}

at::Tensor EncoderModel::debertaRelativePositions(std::int64_t L) const {
    // build_relative_position: query minus key, in log buckets beyond half the bucket count.
    const DebertaSettings& d = config_.deberta;
    const auto longs = at::TensorOptions().dtype(at::kLong).device(device());
    const at::Tensor ids = at::arange(L, longs);
    at::Tensor rel = ids.unsqueeze(1) - ids.unsqueeze(0);
    const int maxPosition = d.maxRelative(config_.maxPositions);
    if (d.positionBuckets > 0 && maxPosition > 0) {
        // make_log_bucket_position, in float32 as torch computes it (ceil is sensitive).
        const std::int64_t mid = d.positionBuckets / 2;
        const at::Tensor sign = at::sign(rel);
        const at::Tensor absPos =
            at::where((rel < mid) & (rel > -mid), at::full_like(rel, mid - 1), at::abs(rel));
        const at::Tensor denominator =
            at::log(at::full({}, static_cast<double>(maxPosition - 1) / static_cast<double>(mid),
                             at::TensorOptions().dtype(at::kFloat).device(rel.device())));
        const at::Tensor logPos =
            at::ceil(at::log(absPos.to(at::kFloat) / static_cast<double>(mid)) / denominator *
                     static_cast<double>(mid - 1)) +
            static_cast<double>(mid);
        rel = at::where(absPos <= mid, rel.to(at::kFloat), logPos * sign.to(at::kFloat))
                  .to(at::kLong);
    }
    return rel;
}

at::Tensor EncoderModel::debertaAttention(const at::Tensor& x, const at::Tensor& keep,
                                          const at::Tensor& relPos, const at::Tensor& relEmb,
                                          const std::string& l, at::Tensor* weightsOut) const {
    const auto& c = config_;
    const DebertaSettings& d = c.deberta;
    const std::int64_t B = x.size(0), L = x.size(1), H = c.numHeads, Dh = c.headDim();
    // transpose_for_scores: [B, L, H*Dh] -> [B*H, L, Dh]
    auto heads = [&](const at::Tensor& t) {
        return t.view({t.size(0), t.size(1), H, Dh})
            .permute({0, 2, 1, 3})
            .contiguous()
            .view({-1, t.size(1), Dh});
    };
    const std::string a = l + "attention.self.";
    const auto qkv = linears(x, {a + "query_proj", a + "key_proj", a + "value_proj"});
    const at::Tensor q = heads(qkv[0]);
    const at::Tensor k = heads(qkv[1]);
    const at::Tensor v = heads(qkv[2]);
    const bool relative = d.relativeAttention && relEmb.defined();
    const int scaleFactor =
        1 + (relative && d.contentToPosition ? 1 : 0) + (relative && d.positionToContent ? 1 : 0);
    const double scale = std::sqrt(static_cast<double>(Dh) * scaleFactor);
    at::Tensor scores = at::bmm(q, k.transpose(-1, -2)) / scale;
    if (relative) {
        const std::int64_t span = d.span(c.maxPositions);
        const at::Tensor rel =
            at::dropout(relEmb.slice(0, 0, 2 * span), c.dropout, training_).unsqueeze(0);
        auto positionHeads = [&](const std::string& projection) {
            return heads(linear(rel, a + projection)).repeat({B, 1, 1});
        };
        at::Tensor bias = at::zeros_like(scores);
        if (d.contentToPosition) {
            const at::Tensor posKey =
                positionHeads(d.shareAttentionKey ? "key_proj" : "pos_key_proj");
            const at::Tensor index =
                at::clamp(relPos + span, 0, 2 * span - 1).unsqueeze(0).expand({B * H, L, L});
            bias = bias + at::gather(at::bmm(q, posKey.transpose(-1, -2)), -1, index) / scale;
        }
        if (d.positionToContent) {
            const at::Tensor posQuery =
                positionHeads(d.shareAttentionKey ? "query_proj" : "pos_query_proj");
            const at::Tensor index =
                at::clamp(-relPos + span, 0, 2 * span - 1).unsqueeze(0).expand({B * H, L, L});
            bias = bias +
                   at::gather(at::bmm(k, posQuery.transpose(-1, -2)), -1, index).transpose(-1, -2) /
                       scale;
        }
        scores = scores + bias;
    }
    scores = scores.view({B, H, L, L});
    // XSoftmax: masked pairs (padding as query or key) get probability 0.
    const at::Tensor masked = keep.logical_not();
    at::Tensor probs = at::softmax(scores.masked_fill(masked, lowestOf(scores.scalar_type())), -1)
                           .masked_fill(masked, 0);
    if (weightsOut) *weightsOut = probs;
    probs = at::dropout(probs, c.attentionDropout, training_);
    const at::Tensor context = at::bmm(probs.view({B * H, L, L}), v);
    return context.view({B, H, L, Dh}).permute({0, 2, 1, 3}).contiguous().view({B, L, H * Dh});
}

std::string EncoderModel::albertLayer(int group, int inner) const {
    return prefix_ + "encoder.albert_layer_groups." + std::to_string(group) + ".albert_layers." +
           std::to_string(inner) + ".";
}

void EncoderModel::addParameter(const std::string& name, std::vector<std::int64_t> shape,
                                int init) {
    names_.push_back(name);
    specs_.push_back({std::move(shape), init});
    params_[name] = at::Tensor();
}

void EncoderModel::initialiseParameter(std::size_t index) {
    // One generator per parameter, seeded from the model seed and the parameter's position, so
    // that initialisation does not depend on anything else that consumed random numbers.
    const Spec& spec = specs_[index];
    const std::string& name = names_[index];
    at::NoGradGuard guard;
    at::Tensor t;
    if (spec.init == kZeros)
        t = at::zeros(spec.shape);
    else if (spec.init == kOnes)
        t = at::ones(spec.shape);
    else {
        auto gen = at::detail::createCPUGenerator(seed_ * 1000003ULL + index);
        t = at::empty(spec.shape).normal_(0.0, config_.initializerRange, gen);
    }
    const std::string e = prefix_ + "embeddings.";
    if (name == e + "word_embeddings.weight")
        t[config_.padTokenId].zero_();  // nn.Embedding padding_idx
    if (name == e + "position_embeddings.weight" && config_.isRobertaLike())
        t[config_.padTokenId].zero_();  // RoBERTa's positions have padding_idx too
    if (name == e + "position_embeddings.weight" && config_.sinusoidalPositions) {
        const std::int64_t D = config_.hiddenSize;
        auto acc = t.accessor<float, 2>();
        for (std::int64_t p = 0; p < config_.maxPositions; ++p)
            for (std::int64_t j = 0; j < D; ++j) {
                const double angle = p / std::pow(10000.0, 2.0 * (j / 2) / static_cast<double>(D));
                acc[p][j] = static_cast<float>(j % 2 == 0 ? std::sin(angle) : std::cos(angle));
            }
    }
    params_[name] = t;
}

void EncoderModel::initialiseMissing() {
    dropPackedFloat32();
    for (std::size_t i = 0; i < names_.size(); ++i)
        if (!params_[names_[i]].defined()) initialiseParameter(i);
}

void EncoderModel::addLinear(const std::string& name, std::int64_t out, std::int64_t in) {
    addParameter(name + ".weight", {out, in}, kNormal);
    addParameter(name + ".bias", {out}, kZeros);
}

void EncoderModel::addLayerNorm(const std::string& name, std::int64_t dim) {
    addParameter(name + ".weight", {dim}, kOnes);
    addParameter(name + ".bias", {dim}, kZeros);
}

at::Tensor& EncoderModel::parameter(const std::string& name) {
    auto it = params_.find(name);
    if (it == params_.end()) {
        auto t = tied_.find(name);
        if (t != tied_.end()) return params_.at(t->second);
        throw Error("model has no parameter '" + name + "'");
    }
    return it->second;
}

const at::Tensor& EncoderModel::p(const std::string& name) const {
    auto it = params_.find(name);
    if (it != params_.end()) return it->second;
    return params_.at(tied_.at(name));
}

std::vector<at::Tensor> EncoderModel::parameters() const {
    std::vector<at::Tensor> out;
    for (const auto& n : names_) out.push_back(params_.at(n));
    return out;
}

std::vector<std::pair<std::string, at::Tensor>> EncoderModel::stateDict(bool includeTied) const {
    std::vector<std::pair<std::string, at::Tensor>> out;
    for (const auto& n : names_) out.emplace_back(n, params_.at(n));
    if (includeTied)
        for (const auto& [alias, target] : tied_) out.emplace_back(alias, params_.at(target));
    return out;
}

std::int64_t EncoderModel::parameterCount() const {
    std::int64_t n = 0;
    for (const auto& [name, t] : params_) n += t.numel();
    return n;
}

LoadReport EncoderModel::loadStateDict(
    const std::vector<std::pair<std::string, at::Tensor>>& weights, const std::string& source) {
    LoadReport report;
    dropPackedFloat32();  // whatever was packed is about to be replaced
    const std::string base = config_.basePrefix() + ".";
    bool fileHasPrefix = false;
    for (const auto& [name, t] : weights) fileHasPrefix = fileHasPrefix || name.rfind(base, 0) == 0;

    auto normalise = [&](std::string name) {
        // Old TF-converted checkpoints name LayerNorm parameters gamma/beta.
        auto replaceSuffix = [&](const char* from, const char* to) {
            const std::string f = from;
            if (name.size() > f.size() && name.compare(name.size() - f.size(), f.size(), f) == 0 &&
                name.find("LayerNorm") != std::string::npos)
                name = name.substr(0, name.size() - f.size()) + to;
        };
        replaceSuffix(".gamma", ".weight");
        replaceSuffix(".beta", ".bias");
        const bool isBaseParam =
            name.rfind("embeddings.", 0) == 0 || name.rfind("transformer.", 0) == 0 ||
            name.rfind("encoder.", 0) == 0 ||
            (name.rfind("pooler.", 0) == 0 && config_.family != ModelFamily::DebertaV2);
        if (!prefix_.empty() && !fileHasPrefix && isBaseParam)
            name = prefix_ + name;  // base checkpoint into a head model
        if (prefix_.empty() && name.rfind(base, 0) == 0)
            name = name.substr(base.size());  // head checkpoint into a base model
        return name;
    };

    std::set<std::string> loaded;
    at::NoGradGuard guard;
    for (const auto& [rawName, tensor] : weights) {
        const std::string name = normalise(rawName);
        if (name.find("position_ids") != std::string::npos) continue;  // a buffer, not a weight
        if (tied_.count(name)) {
            loaded.insert(name);
            continue;  // the tie wins, as in transformers
        }
        auto it = params_.find(name);
        if (it == params_.end()) {
            // DeBERTa-v3 checkpoints may carry an absolute position table the model does not use
            // (position_biased_input false); transformers ignores it too.
            if (config_.family == ModelFamily::DebertaV2 &&
                name.find("position_embeddings") != std::string::npos)
                continue;
            report.unexpected.push_back(rawName);
            continue;
        }
        const std::size_t index = std::find(names_.begin(), names_.end(), name) - names_.begin();
        const auto& expected = specs_[index].shape;
        if (!tensor.sizes().equals(expected))
            throw Error(source, "tensor '" + rawName + "' has shape " +
                                    shapeString(tensor.sizes()) + " but the model expects " +
                                    shapeString(expected));
        if (!tensor.is_floating_point())
            throw Error(source, "tensor '" + rawName + "' is not floating point");
        // Same dtype: the tensor keeps pointing into the mapped file (no copy).
        at::Tensor value =
            tensor
                .to(it->second.defined() ? it->second.device() : c10::Device(c10::kCPU),
                    it->second.defined() ? it->second.scalar_type() : at::kFloat)
                .contiguous();
        // sum() is finite exactly when every element is: one pass, no temporary of the tensor's
        // size.
        if (!std::isfinite(value.sum(at::kDouble).item<double>()))
            throw Error(source, "tensor '" + rawName + "' contains NaN or infinite values");
        it->second = value;
        loaded.insert(name);
    }
    for (const auto& n : names_)
        if (!loaded.count(n)) report.missing.push_back(n);
    initialiseMissing();
    for (const auto& [alias, target] : tied_)
        if (!loaded.count(alias)) report.tiedRestored.push_back(alias);
    return report;
}

void EncoderModel::to(c10::Device device, c10::ScalarType dtype) {
    at::NoGradGuard guard;
    // New tensors: a freed weight's address may be reused by another with the same version, so
    // the packed copies cannot tell; drop them.
    dropPackedFloat32();
    for (auto& [name, t] : params_) {
        const bool req = t.requires_grad();
        t = t.to(device, dtype).detach();
        if (req) t.set_requires_grad(true);
    }
}

c10::Device EncoderModel::device() const {
    return params_.begin()->second.device();
}

c10::ScalarType EncoderModel::dtype() const {
    return params_.begin()->second.scalar_type();
}

void EncoderModel::setRequiresGrad(bool requiresGrad) {
    for (auto& [name, t] : params_) t.set_requires_grad(requiresGrad);
}

at::Tensor EncoderModel::linear(const at::Tensor& x, const std::string& name) const {
    if (calibration_ && isInt8Linear(name)) {  // float32 products while calibrating
        recordRange(name, x);
        return at::linear(x, p(name + ".weight"), p(name + ".bias"));
    }
    if (const Int8Linear* int8 = int8Linear(name)) return int8->forward(x).to(x.scalar_type());
    if (const auto packed = packedLinear(x, name, PackedLinear::Activation::None))
        return packed->forward(x);
    // Training, its evaluations and inference with packing off: oneDNN reading the weight in
    // place (with gradients where they are wanted).
    const at::Tensor& weight = p(name + ".weight");
    const at::Tensor& bias = p(name + ".bias");
    if (TrainingLinear::applies(x, weight, bias)) return TrainingLinear::forward(x, weight, bias);
    return at::linear(x, weight, bias);
}

std::vector<at::Tensor> EncoderModel::linears(const at::Tensor& x,
                                              const std::vector<std::string>& names) const {
    std::vector<const Int8Linear*> int8;
    for (const std::string& name : names) {
        const Int8Linear* layer = int8Linear(name);
        if (!layer || (!int8.empty() && !int8.front()->quantizesLike(*layer))) break;
        int8.push_back(layer);
    }
    std::vector<at::Tensor> out;
    if (names.size() > 1 && int8.size() == names.size()) {
        const Int8Linear::QuantizedInput xq = int8.front()->quantize(x);
        for (const Int8Linear* layer : int8) out.push_back(layer->forward(xq).to(x.scalar_type()));
    } else {
        for (const std::string& name : names) out.push_back(linear(x, name));
    }
    return out;
}

std::shared_ptr<const PackedLinear> EncoderModel::packedLinear(
    const at::Tensor& x, const std::string& name, PackedLinear::Activation activation) const {
    if (!packedInference() || isDynamicInt8() || calibration_) return {};
    const at::Tensor& weight = p(name + ".weight");
    const at::Tensor& bias = p(name + ".bias");
    if (!PackedLinear::applies(x, weight, bias) || !PackedLinear::enabled()) return {};
    std::lock_guard<std::mutex> lock(float32PackedMutex_);
    auto& slot = float32Packed_[activation == PackedLinear::Activation::None
                                    ? name
                                    : name + (activation == PackedLinear::Activation::GeluErf
                                                  ? "|gelu"
                                                  : "|gelu_tanh")];
    if (!slot || !slot->matches(weight, bias))
        slot = std::make_shared<const PackedLinear>(weight, bias, activation);
    return slot;
}

at::Tensor EncoderModel::linearActivation(const at::Tensor& x, const std::string& name) const {
    // GELU inside the matrix product's pass where it is the exact or tanh GELU.
    const std::string& a = config_.activation;
    const auto fused = a == "gelu"       ? PackedLinear::Activation::GeluErf
                       : a == "gelu_new" ? PackedLinear::Activation::GeluTanh
                                         : PackedLinear::Activation::None;
    if (fused != PackedLinear::Activation::None) {
        if (const Int8Linear* int8 = int8Linear(name))
            return int8->forward(x, fused).to(x.scalar_type());
        if (const auto packed = packedLinear(x, name, fused)) return packed->forward(x);
    }
    return activation(linear(x, name));
}

const Int8Linear* EncoderModel::int8Linear(const std::string& name) const {
    // Not while calibrating (float32 products record their ranges) or training.
    if (training_ || calibration_ || int8_.empty()) return nullptr;
    const auto it = int8_.find(name);
    return it != int8_.end() ? it->second.get() : nullptr;
}

bool EncoderModel::oneDnnInference() const {
    return !training_ && !at::GradMode::is_enabled();
}

bool EncoderModel::packedInference() const {
    return packFloat32_ && oneDnnInference();
}

void EncoderModel::setPackedFloat32(bool enabled) {
    packFloat32_ = enabled;
    dropPackedFloat32();
}

void EncoderModel::dropPackedFloat32() {
    std::lock_guard<std::mutex> lock(float32PackedMutex_);
    float32Packed_.clear();
}

void EncoderModel::setDynamicInt8(bool enabled) {
    int8_.clear();  // dynamic or static layers alike
    staticRanges_.clear();
    if (!enabled) return;
    if (device().type() != c10::kCPU) throw Error("int8 dynamic quantization runs on the CPU only");
    if (!Int8Linear::available())
        throw Error("int8 needs oneDNN's int8 products, which do not run on this CPU");
    at::NoGradGuard guard;
    std::map<std::string, std::shared_ptr<const Int8Linear>> layers;
    for (const std::string& name : names_) {
        if (!name.ends_with(".weight")) continue;
        const std::string layer = name.substr(0, name.size() - 7);
        if (!isInt8Linear(layer)) continue;
        layers[layer] =
            std::make_shared<const Int8Linear>(quantizedWeight(layer), params_.at(layer + ".bias"));
    }
    int8_ = std::move(layers);
}

void EncoderModel::setStaticInt8(const Int8Ranges& ranges) {
    if (isStaticInt8()) setDynamicInt8(false);  // the old ranges go, whatever follows
    if (ranges.empty()) {
        setDynamicInt8(false);
        return;
    }
    if (device().type() != c10::kCPU) throw Error("int8 static quantization runs on the CPU only");
    std::map<std::string, std::shared_ptr<const Int8Linear>> fixed;
    for (const std::string& name : names_) {
        if (!name.ends_with(".weight")) continue;
        const std::string layer = name.substr(0, name.size() - 7);
        if (!isInt8Linear(layer)) continue;
        const auto r = ranges.find(layer);
        if (r == ranges.end()) throw Error("static int8: no calibrated range for " + layer);
        const Int8Range& v = r->second;
        if (!std::isfinite(v.min) || !std::isfinite(v.max))
            throw Error("static int8: the range of " + layer + " is not finite");
        if (v.min > v.max)
            throw Error("static int8: the range of " + layer +
                        " has its minimum above its maximum");
        const auto [scale, zeroPoint] = Int8Linear::inputParameters(v.min, v.max);
        fixed[layer] = std::make_shared<const Int8Linear>(
            quantizedWeight(layer), params_.at(layer + ".bias"), scale, zeroPoint);
    }
    for (const auto& [layer, range] : ranges)
        if (!fixed.count(layer))
            throw Error("static int8: " + layer + " is not an int8 layer of this model");
    int8_ = std::move(fixed);  // the static products replace any dynamic ones
    staticRanges_ = ranges;
}

void EncoderModel::startInt8Calibration() {
    calibration_ = std::make_unique<Int8Ranges>();
}

Int8Ranges EncoderModel::finishInt8Calibration() {
    if (!calibration_) throw Error("int8 calibration was not started");
    Int8Ranges out = std::move(*calibration_);
    calibration_.reset();
    return out;
}

void EncoderModel::recordRange(const std::string& name, const at::Tensor& x) const {
    const auto [lo, hi] = at::aminmax(x.detach().to(at::kFloat));
    const float min = lo.item<float>(), max = hi.item<float>();
    auto [it, inserted] = calibration_->try_emplace(name, Int8Range{min, max});
    if (inserted) return;
    it->second.min = std::min(it->second.min, min);
    it->second.max = std::max(it->second.max, max);
}

bool EncoderModel::isInt8Linear(const std::string& layer) const {
    const auto w = params_.find(layer + ".weight");
    return w != params_.end() && w->second.dim() == 2 && params_.count(layer + ".bias") &&
           layer.find("embeddings") == std::string::npos;  // Linear layers only
}

void EncoderModel::setInt8WeightBits(int bits) {
    Int8Linear::levelsForBits(bits);  // throws for bits this CPU cannot take
    if (bits == int8WeightBits_) return;
    int8WeightBits_ = bits;
    if (isStaticInt8()) {
        const Int8Ranges ranges = staticRanges_;
        setStaticInt8(ranges);
    } else if (isDynamicInt8()) {
        setDynamicInt8(true);
    }
}

int EncoderModel::int8WeightBits() const {
    return int8WeightBits_ ? int8WeightBits_ : Int8Linear::weightBits();
}

at::Tensor EncoderModel::quantizedWeight(const std::string& layer) const {
    return Int8Linear::quantizeWeight(params_.at(layer + ".weight"),
                                      Int8Linear::levelsForBits(int8WeightBits_));
}

at::Tensor EncoderModel::layerNorm(const at::Tensor& x, const std::string& name) const {
    return at::layer_norm(x, {x.size(-1)}, p(name + ".weight"), p(name + ".bias"),
                          config_.layerNormEps);
}

at::Tensor EncoderModel::activation(const at::Tensor& x) const {
    return activationNamed(x, config_.activation);
}

at::Tensor EncoderModel::wordEmbeddings(const at::Tensor& inputIds) {
    return at::embedding(p(prefix_ + "embeddings.word_embeddings.weight"), inputIds,
                         config_.padTokenId);
}

// Self-attention of one layer. `mask` is [B, L] with 1 for real tokens. `names` are the query,
// key, value and output projections of the family's layer.
at::Tensor EncoderModel::attention(const at::Tensor& x, const at::Tensor& mask,
                                   const AttentionNames& names, bool wantWeights, bool fused,
                                   at::Tensor* weightsOut, std::int64_t queries) const {
    const bool distil = config_.family == ModelFamily::DistilBert;
    const std::int64_t B = x.size(0), L = x.size(1), H = config_.numHeads, Dh = config_.headDim();
    const std::int64_t Lq = queries > 0 ? std::min(queries, L) : L;
    auto heads = [&](const at::Tensor& t) { return t.view({B, t.size(1), H, Dh}).transpose(1, 2); };
    at::Tensor qProjected, kProjected, vProjected;
    if (Lq == L) {
        const auto qkv = linears(x, {names.query, names.key, names.value});
        qProjected = qkv[0], kProjected = qkv[1], vProjected = qkv[2];
    } else {  // the query reads the first rows only
        const auto kv = linears(x, {names.key, names.value});
        kProjected = kv[0], vProjected = kv[1];
        qProjected = linear(x.narrow(1, 0, Lq), names.query);
    }
    const double dropoutP = training_ ? config_.attentionDropout : 0.0;
    const double lowest = lowestOf(qProjected.scalar_type());
    const at::Tensor padding = (mask == 0).view({B, 1, 1, L});
    // The additive mask of the fused paths and BERT's scores: 0 for keys to attend, the dtype's
    // lowest value for padding (made only by the paths that read it).
    auto additiveMask = [&] {
        return at::zeros({B, 1, 1, L}, qProjected.options()).masked_fill(padding, lowest);
    };
    if (!wantWeights && fused && oneDnnInference()) {
        // Heads read in place, the context written in place (oneDNN).
        const at::Tensor context =
            inferenceAttention(qProjected, kProjected, vProjected, additiveMask(), H,
                               1.0 / std::sqrt(static_cast<double>(Dh)));
        if (context.defined()) return linear(context, names.output);
    }
    at::Tensor q = heads(qProjected);
    at::Tensor k = heads(kProjected);
    at::Tensor v = heads(vProjected);
    // Where gradients are wanted the products go through oneDNN (TrainingMatmul), reading the
    // heads in place, and the context comes out already in [B, L, H, Dh] order.
    const bool oneDnnProducts =
        at::GradMode::is_enabled() &&
        (qProjected.requires_grad() || kProjected.requires_grad() || vProjected.requires_grad()) &&
        TrainingMatmul::applies(q, k.transpose(-1, -2)) &&
        TrainingMatmul::applies(k.transpose(-1, -2), v);  // the shapes of scores · v
    auto product = [&](const at::Tensor& a, const at::Tensor& b, bool headsInterleaved) {
        return oneDnnProducts ? TrainingMatmul::forward(a, b, headsInterleaved) : at::matmul(a, b);
    };
    at::Tensor context;
    if (!wantWeights && fused && !oneDnnProducts) {
        context = std::get<0>(
            at::_scaled_dot_product_attention(q, k, v, additiveMask(), dropoutP, false, false));
    } else {
        at::Tensor scores;
        if (!distil) {  // BertSelfAttention (and its copies): scores / sqrt(d) + (1 - mask) * min
            scores = product(q, k.transpose(-1, -2), false) / std::sqrt(static_cast<double>(Dh));
            scores = scores + additiveMask();
        } else {  // DistilBERT: q / sqrt(d), masked_fill with min
            q = q / std::sqrt(static_cast<double>(Dh));
            scores = product(q, k.transpose(2, 3), false);
            scores = scores.masked_fill(padding.expand_as(scores), lowest);
        }
        at::Tensor weights = at::softmax(scores, -1);
        if (weightsOut) *weightsOut = weights;
        weights = at::dropout(weights, dropoutP, training_);
        context = product(weights, v, true);
    }
    context = context.transpose(1, 2).contiguous().view({B, Lq, H * Dh});
    return linear(context, names.output);
}

at::Tensor EncoderModel::embed(const at::Tensor& ids, const at::Tensor& wordEmbeds,
                               const at::Tensor& tokenTypes, std::int64_t B, std::int64_t L) const {
    const auto& c = config_;
    const auto device = this->device();
    const auto longs = at::TensorOptions().dtype(at::kLong).device(device);
    const std::string e = prefix_ + "embeddings.";
    at::Tensor x = wordEmbeds.defined()
                       ? wordEmbeds
                       : at::embedding(p(e + "word_embeddings.weight"), ids, c.padTokenId);
    if (c.hasTokenTypes()) {
        const at::Tensor types = tokenTypes.defined() ? tokenTypes : at::zeros({B, L}, longs);
        x = x + at::embedding(p(e + "token_type_embeddings.weight"), types);
    }
    at::Tensor positions;
    if (c.isRobertaLike()) {
        // create_position_ids_from_input_ids: real tokens count from pad_token_id + 1, padding
        // keeps pad_token_id; given embeddings, positions are sequential from pad + 1.
        if (ids.defined()) {
            const at::Tensor real = ids.ne(c.padTokenId).to(at::kLong);
            positions = at::cumsum(real, 1) * real + c.padTokenId;
        } else {
            positions = at::arange(c.padTokenId + 1, L + c.padTokenId + 1, longs).unsqueeze(0);
        }
    } else {
        positions = at::arange(L, longs).unsqueeze(0);
    }
    // RoBERTa's position table has padding_idx = pad_token_id too: padding gets no gradient.
    return x + at::embedding(p(e + "position_embeddings.weight"), positions,
                             c.isRobertaLike() ? c.padTokenId : -1);
}

at::Tensor EncoderModel::debertaEncode(const at::Tensor& ids, const at::Tensor& wordEmbeds,
                                       const at::Tensor& tokenTypes, const at::Tensor& mask,
                                       const ForwardOptions& opt, ModelOutputs& out) const {
    const auto& c = config_;
    const DebertaSettings& d = c.deberta;
    const std::int64_t B = mask.size(0), L = mask.size(1);
    const auto longs = at::TensorOptions().dtype(at::kLong).device(mask.device());
    const std::string e = prefix_ + "embeddings.";
    // DebertaV2Embeddings: words (+ absolute positions, + token types), projected, normalised,
    // padding zeroed.
    at::Tensor x = wordEmbeds.defined()
                       ? wordEmbeds
                       : at::embedding(p(e + "word_embeddings.weight"), ids, c.padTokenId);
    if (d.positionBiasedInput)
        x = x +
            at::embedding(p(e + "position_embeddings.weight"), at::arange(L, longs).unsqueeze(0));
    if (c.hasTokenTypes())
        x = x + at::embedding(p(e + "token_type_embeddings.weight"),
                              tokenTypes.defined() ? tokenTypes : at::zeros({B, L}, longs));
    if (params_.count(e + "embed_proj.weight")) x = at::linear(x, p(e + "embed_proj.weight"));
    x = layerNorm(x, e + "LayerNorm");
    x = x * mask.unsqueeze(2).to(x.scalar_type());
    x = at::dropout(x, c.dropout, training_);
    if (opt.hiddenStates) out.hiddenStates.push_back(x);
    const at::Tensor embedded = x;

    const at::Tensor maskBool = mask != 0;
    const at::Tensor keep = (maskBool.unsqueeze(1) & maskBool.unsqueeze(2)).unsqueeze(1);
    at::Tensor relPos, relEmb;
    if (d.relativeAttention) {
        relPos = debertaRelativePositions(L);
        relEmb = p(prefix_ + "encoder.rel_embeddings.weight");
        if (d.normaliseRelativeEmbeddings)
            relEmb = layerNorm(relEmb, prefix_ + "encoder.LayerNorm");
    }
    for (int i = 0; i < c.numLayers; ++i) {
        const std::string l = prefix_ + "encoder.layer." + std::to_string(i) + ".";
        at::Tensor weights;
        const at::Tensor context =
            debertaAttention(x, keep, relPos, relEmb, l, opt.attentions ? &weights : nullptr);
        if (opt.attentions) out.attentions.push_back(weights);
        const at::Tensor attn = layerNorm(
            at::dropout(linear(context, l + "attention.output.dense"), c.dropout, training_) + x,
            l + "attention.output.LayerNorm");
        const at::Tensor inter = linearActivation(attn, l + "intermediate.dense");
        x = layerNorm(at::dropout(linear(inter, l + "output.dense"), c.dropout, training_) + attn,
                      l + "output.LayerNorm");
        if (i == 0 && d.convKernelSize > 0) {
            // ConvLayer over the embeddings, added to the first layer's output.
            const std::string cv = prefix_ + "encoder.conv.";
            at::Tensor conv = at::conv1d(embedded.permute({0, 2, 1}).contiguous(),
                                         p(cv + "conv.weight"), p(cv + "conv.bias"), {1},
                                         {(d.convKernelSize - 1) / 2}, {1}, d.convGroups)
                                  .permute({0, 2, 1})
                                  .contiguous();
            conv = conv.masked_fill(maskBool.logical_not().unsqueeze(-1), 0);
            conv = activationNamed(at::dropout(conv, c.dropout, training_), d.convActivation);
            x = layerNorm(x + conv, cv + "LayerNorm") * mask.unsqueeze(2).to(x.scalar_type());
        }
        if (opt.hiddenStates) out.hiddenStates.push_back(x);
    }
    return x;
}

ModelOutputs EncoderModel::forward(const ModelInputs& in, const ForwardOptions& opt) {
    const auto& c = config_;
    const bool distil = c.family == ModelFamily::DistilBert;
    const bool albert = c.family == ModelFamily::Albert;
    const bool electra = c.family == ModelFamily::Electra;
    const bool roberta = c.isRobertaLike();
    const bool multipleChoice = c.head == HeadType::MultipleChoice;
    // Multiple choice: [B, C, L] flattened to [B*C, L], logits reshaped back at the end.
    std::int64_t choices = 0;
    auto flatten = [&](const at::Tensor& t) {
        if (!multipleChoice || !t.defined()) return t;
        return t.dim() >= 3 ? t.reshape({-1, t.size(2)}) : t;
    };
    at::Tensor ids = flatten(in.inputIds);
    at::Tensor embeds = in.inputsEmbeds;
    if (multipleChoice && embeds.defined() && embeds.dim() == 4)
        embeds = embeds.reshape({-1, embeds.size(2), embeds.size(3)});
    if (multipleChoice)
        choices = in.inputIds.defined() ? in.inputIds.size(1) : in.inputsEmbeds.size(1);
    if (!ids.defined() && !embeds.defined()) throw Error("forward needs input ids or embeddings");
    const std::int64_t B = ids.defined() ? ids.size(0) : embeds.size(0);
    const std::int64_t L = ids.defined() ? ids.size(1) : embeds.size(1);
    // RoBERTa's first position is pad_token_id + 1: it reads that many fewer tokens.
    const std::int64_t usable = c.maxPositions - (roberta ? c.padTokenId + 1 : 0);
    if (L > usable)
        throw Error("sequence of " + std::to_string(L) + " tokens is longer than the model's " +
                    std::to_string(usable) + " positions");
    const auto device = this->device();
    at::Tensor mask = flatten(in.attentionMask);
    if (!mask.defined())
        mask = at::ones({B, L}, at::TensorOptions().dtype(at::kLong).device(device));

    ModelOutputs out;
    at::Tensor x;
    if (c.family == ModelFamily::DebertaV2) {
        x = debertaEncode(ids, embeds, flatten(in.tokenTypeIds), mask, opt, out);
    } else {
        const std::string e = prefix_ + "embeddings.";
        x = embed(ids, embeds, flatten(in.tokenTypeIds), B, L);
        x = at::dropout(layerNorm(x, e + "LayerNorm"), c.dropout, training_);
        if (electra && params_.count(prefix_ + "embeddings_project.weight"))
            x = linear(x, prefix_ + "embeddings_project");
        if (albert) x = linear(x, prefix_ + "encoder.embedding_hidden_mapping_in");

        if (opt.hiddenStates) out.hiddenStates.push_back(x);
        const bool firstTokenOnly =
            opt.firstTokenOnly && !opt.attentions && !opt.hiddenStates && !albert &&
            (c.head == HeadType::SequenceClassification || c.head == HeadType::MultipleChoice);
        const int layersPerGroup = albert ? c.numLayers / c.numHiddenGroups : 1;
        for (int i = 0; i < c.numLayers; ++i) {
            if (albert) {
                // The group's shared layers, applied in turn (AlbertLayerGroup).
                const int group = i / layersPerGroup;
                for (int inner = 0; inner < c.innerGroupNum; ++inner) {
                    const std::string l = albertLayer(group, inner);
                    at::Tensor weights;
                    const at::Tensor sa = attention(x, mask,
                                                    {l + "attention.query", l + "attention.key",
                                                     l + "attention.value", l + "attention.dense"},
                                                    opt.attentions, opt.fusedAttention,
                                                    opt.attentions ? &weights : nullptr);
                    if (opt.attentions) out.attentions.push_back(weights);
                    const at::Tensor attn = layerNorm(x + at::dropout(sa, c.dropout, training_),
                                                      l + "attention.LayerNorm");
                    const at::Tensor ffn =
                        linear(linearActivation(attn, l + "ffn"), l + "ffn_output");
                    x = layerNorm(ffn + attn, l + "full_layer_layer_norm");
                }
                if (opt.hiddenStates) out.hiddenStates.push_back(x);
                continue;
            }
            const std::string l = prefix_ + (distil ? "transformer.layer." : "encoder.layer.") +
                                  std::to_string(i) + ".";
            const AttentionNames names =
                distil ? AttentionNames{l + "attention.q_lin", l + "attention.k_lin",
                                        l + "attention.v_lin", l + "attention.out_lin"}
                       : AttentionNames{l + "attention.self.query", l + "attention.self.key",
                                        l + "attention.self.value", l + "attention.output.dense"};
            at::Tensor weights;
            // The head reads the first token only: the last layer's other rows are not needed.
            const std::int64_t queries = firstTokenOnly && i + 1 == c.numLayers ? 1 : 0;
            at::Tensor sa = attention(x, mask, names, opt.attentions, opt.fusedAttention,
                                      opt.attentions ? &weights : nullptr, queries);
            if (opt.attentions) out.attentions.push_back(weights);
            if (queries > 0) x = x.narrow(1, 0, queries);
            if (!distil) {
                const at::Tensor attn = layerNorm(at::dropout(sa, c.dropout, training_) + x,
                                                  l + "attention.output.LayerNorm");
                const at::Tensor inter = linearActivation(attn, l + "intermediate.dense");
                x = layerNorm(
                    at::dropout(linear(inter, l + "output.dense"), c.dropout, training_) + attn,
                    l + "output.LayerNorm");
            } else {
                const at::Tensor s = layerNorm(sa + x, l + "sa_layer_norm");
                at::Tensor f = linear(linearActivation(s, l + "ffn.lin1"), l + "ffn.lin2");
                f = at::dropout(f, c.dropout, training_);
                x = layerNorm(f + s, l + "output_layer_norm");
            }
            if (opt.hiddenStates) out.hiddenStates.push_back(x);
        }
    }
    out.lastHidden = x;
    const std::string pooler = prefix_ + (albert ? "pooler" : "pooler.dense");
    if (params_.count(pooler + ".weight")) out.pooled = at::tanh(linear(x.select(1, 0), pooler));

    switch (c.head) {
        case HeadType::Base:
            break;
        case HeadType::MaskedLM:
            if (c.family == ModelFamily::Bert || c.family == ModelFamily::DebertaV2) {
                at::Tensor h = layerNorm(activation(linear(x, "cls.predictions.transform.dense")),
                                         "cls.predictions.transform.LayerNorm");
                out.logits =
                    at::linear(h, p("cls.predictions.decoder.weight"), p("cls.predictions.bias"));
            } else if (roberta) {  // RobertaLMHead: always the exact gelu
                at::Tensor h =
                    layerNorm(at::gelu(linear(x, "lm_head.dense")), "lm_head.layer_norm");
                out.logits = at::linear(h, p("lm_head.decoder.weight"), p("lm_head.bias"));
            } else if (electra) {  // ElectraGeneratorPredictions: gelu, to embedding_size
                at::Tensor h = layerNorm(at::gelu(linear(x, "generator_predictions.dense")),
                                         "generator_predictions.LayerNorm");
                out.logits =
                    at::linear(h, p("generator_lm_head.weight"), p("generator_lm_head.bias"));
            } else if (albert) {
                at::Tensor h =
                    layerNorm(activation(linear(x, "predictions.dense")), "predictions.LayerNorm");
                out.logits = at::linear(h, p("predictions.decoder.weight"), p("predictions.bias"));
            } else {
                at::Tensor h =
                    layerNorm(activation(linear(x, "vocab_transform")), "vocab_layer_norm");
                out.logits = at::linear(h, p("vocab_projector.weight"), p("vocab_projector.bias"));
            }
            break;
        case HeadType::SequenceClassification:
        case HeadType::MultipleChoice: {
            if (c.head == HeadType::SequenceClassification && (roberta || electra)) {
                // RobertaClassificationHead (tanh) / ElectraClassificationHead (gelu) on <s>.
                at::Tensor h = at::dropout(x.select(1, 0), c.classifierDropout, training_);
                h = linear(h, "classifier.dense");
                h = roberta ? at::tanh(h) : at::gelu(h);
                h = at::dropout(h, c.classifierDropout, training_);
                out.logits = linear(h, "classifier.out_proj");
                break;
            }
            at::Tensor pooled;
            if (c.family == ModelFamily::DebertaV2) {
                // ContextPooler: dropout, dense, its activation on the first token.
                pooled = at::dropout(x.select(1, 0), c.deberta.poolerDropout, training_);
                pooled =
                    activationNamed(linear(pooled, "pooler.dense"), c.deberta.poolerActivation);
                pooled = at::dropout(pooled, c.classifierDropout, training_);
            } else if (!distil) {
                pooled = at::dropout(out.pooled, c.classifierDropout, training_);
            } else {
                pooled = at::relu(linear(x.select(1, 0), "pre_classifier"));
                pooled = at::dropout(pooled, c.classifierDropout, training_);
            }
            out.logits = linear(pooled, "classifier");
            if (multipleChoice) out.logits = out.logits.view({-1, choices});
            break;
        }
        case HeadType::TokenClassification:
            out.logits = linear(
                at::dropout(x, !distil ? c.classifierDropout : c.dropout, training_), "classifier");
            break;
        case HeadType::QuestionAnswering:
            out.logits =
                linear(at::dropout(x, !distil ? c.dropout : c.qaDropout, training_), "qa_outputs");
            break;
        case HeadType::ReplacedTokenDetection:
            // ElectraDiscriminatorPredictions: one logit per token, "was this token replaced".
            out.logits = linear(activation(linear(x, "discriminator_predictions.dense")),
                                "discriminator_predictions.dense_prediction")
                             .squeeze(-1);
            break;
    }
    if (in.labels.defined() || (in.startPositions.defined() && in.endPositions.defined()))
        out.loss = computeLoss(out, in);
    return out;
}

at::Tensor EncoderModel::computeLoss(const ModelOutputs& out, const ModelInputs& in) const {
    const at::Tensor& logits = out.logits;
    switch (config_.head) {
        case HeadType::SequenceClassification:
        case HeadType::TokenClassification:
        case HeadType::MaskedLM:
            return Objective::taskLoss(logits, in.labels, Objective::taskOf(config_));
        case HeadType::MultipleChoice:
            return Objective::taskLoss(logits, in.labels, Task::Classification);
        case HeadType::QuestionAnswering: {
            const std::int64_t ignored = logits.size(1);
            const at::Tensor start = in.startPositions.clamp(0, ignored),
                             end = in.endPositions.clamp(0, ignored);
            const at::Tensor s = logits.select(-1, 0), e = logits.select(-1, 1);
            return (at::cross_entropy_loss(s, start, {}, at::Reduction::Mean, ignored) +
                    at::cross_entropy_loss(e, end, {}, at::Reduction::Mean, ignored)) /
                   2;
        }
        case HeadType::ReplacedTokenDetection: {
            // ElectraForPreTraining: binary cross-entropy over the tokens the mask keeps.
            const at::Tensor active =
                in.attentionMask.defined()
                    ? in.attentionMask.reshape({-1}) == 1
                    : at::ones({logits.numel()},
                               at::TensorOptions().dtype(at::kBool).device(logits.device()));
            return at::binary_cross_entropy_with_logits(
                at::masked_select(logits.reshape({-1}), active),
                at::masked_select(in.labels.reshape({-1}), active).to(logits.scalar_type()));
        }
        case HeadType::Base:
            break;
    }
    return {};
}

}  // namespace distilbench
