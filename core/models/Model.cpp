#include "core/models/Model.h"

#include "core/hub/HubCache.h"

#include <ATen/ATen.h>

#include <QJsonArray>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>

#include "core/models/EncoderModel.h"
#include "core/models/Int8Linear.h"
#include "core/runtime/Environment.h"
#include "core/runtime/Error.h"
#include "core/util/FileChecks.h"
#include "core/weights/WeightLoader.h"

namespace distilbench {
namespace fs = std::filesystem;

float FloatArray::at(std::initializer_list<std::int64_t> index) const {
    std::int64_t offset = 0;
    std::size_t d = 0;
    for (auto i : index) offset = offset * shape[d++] + i;
    return values[static_cast<std::size_t>(offset)];
}

namespace {

FloatArray toArray(const at::Tensor& t) {
    FloatArray a;
    const at::Tensor c = t.detach().to(at::kCPU, at::kFloat).contiguous();
    a.shape.assign(c.sizes().begin(), c.sizes().end());
    a.values.assign(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
    return a;
}

std::string groupOf(const std::string& name, const std::string& prefix) {
    std::string n = name.rfind(prefix, 0) == 0 ? name.substr(prefix.size()) : name;
    if (n.rfind("embeddings.", 0) == 0) return "Embeddings";
    for (const char* layer : {"transformer.layer.", "encoder.layer."}) {
        const std::string l = layer;
        if (n.rfind(l, 0) == 0)
            return "Layer " + n.substr(l.size(), n.find('.', l.size()) - l.size());
    }
    if (n.rfind("pooler.", 0) == 0) return "Pooler";
    return "Head";
}

const char* dtypeLabel(at::ScalarType t) {
    switch (t) {
        case at::kFloat:
            return "F32";
        case at::kHalf:
            return "F16";
        case at::kBFloat16:
            return "BF16";
        case at::kDouble:
            return "F64";
        default:
            return "other";
    }
}

// Bytes the parameters of `config` take in float32 beyond what the weights file provides (the
// file is mapped, not copied): what building the model will allocate at most.
std::uint64_t bytesToAllocate(const ModelConfig& config, std::uint64_t fileBytes) {
    const auto params =
        static_cast<std::uint64_t>(std::max<std::int64_t>(0, config.parameterCount()));
    const std::uint64_t bytes = params * 4;
    return bytes > fileBytes ? bytes - fileBytes : 0;
}

}  // namespace

Model::~Model() = default;

const ModelConfig& Model::config() const {
    return encoder_->config();
}

std::shared_ptr<Model> Model::create(const ModelConfig& config, std::uint64_t seed) {
    requireMemory(bytesToAllocate(config, 0), "",
                  "a new " + config.architecture() + " (" +
                      std::to_string(config.parameterCount()) + " parameters)");
    std::shared_ptr<Model> model(new Model());
    model->encoder_ = std::make_unique<EncoderModel>(config, seed);
    model->summary_.weightsFormat = "new";
    model->summary_.fileDtype = "F32";
    model->summarise();
    return model;
}

std::shared_ptr<Model> Model::adopt(std::unique_ptr<EncoderModel> encoder,
                                    const ModelSummary& summary) {
    std::shared_ptr<Model> model(new Model());
    model->encoder_ = std::move(encoder);
    model->summary_ = summary;
    model->summarise();
    return model;
}

IncompleteModelError::IncompleteModelError(const std::string& file,
                                           std::vector<std::string> missing)
    : Error(file, "is incomplete: " + std::to_string(missing.size()) +
                      (missing.size() == 1 ? " weight is" : " weights are") + " missing (" +
                      summariseNames(missing) +
                      "); train the model first, or allow fresh weights to inspect it "
                      "(distilbench-cli --allow-fresh-weights)"),
      missing_(std::move(missing)) {}

std::string summariseNames(const std::vector<std::string>& names, std::size_t shown) {
    std::string s;
    for (std::size_t i = 0; i < names.size() && i < shown; ++i) s += (i ? ", " : "") + names[i];
    if (names.size() > shown) s += " and " + std::to_string(names.size() - shown) + " more";
    return s;
}

std::shared_ptr<Model> Model::load(const std::string& pathOrId, const JobCallbacks& callbacks,
                                   const LoadOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    std::error_code ec;
    // A Hub id ("org/name") opens from the shared cache, without the network: downloading is an
    // explicit step (the Models page, `distilbench-cli download`).
    const std::string path = HubCache::localPath(pathOrId);
    const fs::path p(path);
    if (!fs::exists(p, ec))
        throw Error(path, HubCache::parseModelId(path)
                              ? "is neither a folder nor a model in the Hugging Face cache "
                                "(download it from the Models page or with `distilbench-cli "
                                "download`)"
                              : "does not exist");
    const fs::path folder = fs::is_directory(p, ec) ? p : p.parent_path();
    callbacks.report(0.05, "reading config.json");
    ModelConfig config = ModelConfig::load((folder / "config.json").string());
    callbacks.checkAbort();
    const WeightsLocation where = findWeights(path);
    // Bytes of the weights on disk: mapped, not copied, so they need no memory of their own.
    auto sizeOf = [](const fs::path& file) {
        std::error_code error;
        const auto n = fs::file_size(file, error);
        return error ? std::uint64_t(0) : static_cast<std::uint64_t>(n);
    };
    std::uint64_t fileBytes = 0;
    if (where.format == "safetensors-sharded") {
        for (const auto& entry : fs::directory_iterator(folder, ec))
            if (entry.path().extension() == ".safetensors") fileBytes += sizeOf(entry.path());
    } else {
        fileBytes = sizeOf(where.path);
    }
    requireMemory(bytesToAllocate(config, fileBytes), (folder / "config.json").string(),
                  "this config (" + std::to_string(config.parameterCount()) + " parameters)");
    callbacks.report(0.15, "mapping " + fs::path(where.path).filename().string());
    NamedTensors weights = readWeights(where);
    callbacks.checkAbort();
    callbacks.report(0.5, "building the model");

    std::shared_ptr<Model> model(new Model());
    // Seed 0 so that missing head weights are initialised reproducibly.
    model->encoder_ = std::make_unique<EncoderModel>(config, 0, /*initialise=*/false);
    callbacks.report(0.7, "loading weights");
    const LoadReport report = model->encoder_->loadStateDict(weights, where.path);
    callbacks.checkAbort();
    if (!report.missing.empty() && !options.allowMissingWeights)
        throw IncompleteModelError(where.path, report.missing);

    auto& s = model->summary_;
    s.folder = folder.string();
    s.weightsPath = where.path;
    s.weightsFormat = where.format;
    s.fileDtype = weights.empty() ? "F32" : dtypeLabel(weights.front().second.scalar_type());
    s.missingKeys = report.missing;
    s.unexpectedKeys = report.unexpected;
    s.tiedRestored = report.tiedRestored;
    s.bytesOnDisk = static_cast<std::int64_t>(fileBytes);
    for (const char* f :
         {"tokenizer.json", "vocab.txt", "tokenizer_config.json", "special_tokens_map.json",
          "spiece.model", "sentencepiece.bpe.model", "tokenizer.model"})
        if (fs::exists(folder / f, ec)) s.tokenizerFiles.push_back(f);
    const QString quantization = config.extra.value(kQuantizationKey).toString();
    if (config.extra.contains(kInt8WeightBitsKey)) {
        const QJsonValue v = config.extra.value(kInt8WeightBitsKey);
        if (v != QJsonValue(7) && v != QJsonValue(8))
            throw Error((folder / "config.json").string(),
                        std::string(kInt8WeightBitsKey) + " must be 7 or 8");
        // 8 where the CPU needs 7 runs with 7, which the model's summary then says.
        model->encoder_->setInt8WeightBits(std::min(v.toInt(), Int8Linear::weightBits()));
    }
    if (quantization == "dynamic-int8") {
        model->encoder_->setDynamicInt8(true);
    } else if (quantization == "static-int8") {
        const std::string source = (folder / "config.json").string();
        try {
            model->encoder_->setStaticInt8(
                parseInt8Ranges(config.extra.value(kInt8RangesKey), source));
        } catch (const Error& e) {
            throw Error(source, e.what());
        }
    }
    model->summarise();
    s.loadSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    callbacks.report(1.0, "loaded");
    return model;
}

void Model::summarise() {
    auto& s = summary_;
    s.parameterCount = encoder_->parameterCount();
    s.bytesInMemory = 0;
    s.groups.clear();
    std::map<std::string, std::size_t> index;
    const std::string prefix = config().basePrefix() + ".";
    for (const auto& [name, t] : encoder_->stateDict(false)) {
        s.bytesInMemory += static_cast<std::int64_t>(t.numel() * t.element_size());
        const std::string g = groupOf(name, prefix);
        auto it = index.find(g);
        if (it == index.end()) {
            index[g] = s.groups.size();
            s.groups.push_back({g, 0});
            it = index.find(g);
        }
        s.groups[it->second].count += t.numel();
    }
}

void Model::setComputeDType(ComputeDType dtype) {
    if (dtype == ComputeDType::BFloat16) Runtime::requireBf16("bf16 inference");
    std::lock_guard lock(mutex_);
    if (dtype == dtype_) return;
    encoder_->to(encoder_->device(), dtype == ComputeDType::BFloat16 ? at::kBFloat16 : at::kFloat);
    dtype_ = dtype;
    summarise();
}

void Model::setDynamicInt8(bool enabled) {
    std::lock_guard lock(mutex_);
    encoder_->setDynamicInt8(enabled);
}

bool Model::isDynamicInt8() const {
    std::lock_guard lock(mutex_);
    return encoder_->isDynamicInt8();
}

void Model::setStaticInt8(const Int8Ranges& ranges) {
    std::lock_guard lock(mutex_);
    encoder_->setStaticInt8(ranges);
}

bool Model::isStaticInt8() const {
    std::lock_guard lock(mutex_);
    return encoder_->isStaticInt8();
}

int Model::cpuInt8WeightBits() {
    return Int8Linear::weightBits();
}

void Model::setInt8WeightBits(int bits) {
    std::lock_guard lock(mutex_);
    encoder_->setInt8WeightBits(bits);
}

int Model::int8WeightBits() const {
    std::lock_guard lock(mutex_);
    return encoder_->int8WeightBits();
}

Int8Ranges Model::parseInt8Ranges(const QJsonValue& value, const std::string& source) {
    if (!value.isObject())
        throw Error(source, std::string("static int8 needs \"") + kInt8RangesKey +
                                "\": an object of each int8 layer's input range [min, max]");
    Int8Ranges out;
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QJsonArray a = it.value().toArray();
        bool ok = it.value().isArray() && a.size() == 2;
        for (const auto& v : a) ok = ok && v.isDouble() && std::isfinite(v.toDouble());
        if (!ok)
            throw Error(source, "the int8 range of " + it.key().toStdString() +
                                    " is not two finite numbers [min, max]");
        out[it.key().toStdString()] = {float(a[0].toDouble()), float(a[1].toDouble())};
    }
    return out;
}

QJsonObject Model::int8RangesJson(const Int8Ranges& ranges) {
    QJsonObject o;
    for (const auto& [layer, r] : ranges)
        o[QString::fromStdString(layer)] = QJsonArray{r.min, r.max};
    return o;
}

void Model::setDevice(const std::string& device) {
    std::lock_guard lock(mutex_);
    c10::Device target(c10::kCPU);
    try {
        target = c10::Device(device);
    } catch (const std::exception&) {
        throw Error("unknown device '" + device + "' (use cpu or cuda:N)");
    }
    if (target.is_cuda() &&
        (!at::hasCUDA() || target.index() >= static_cast<int>(at::getNumGPUs())))
        throw Error("device " + device +
                    " is not available: this LibTorch build has no CUDA or no such GPU");
    if (!target.is_cpu() && encoder_->isDynamicInt8())
        throw Error(
            "int8 inference runs on the CPU only: this model is int8; load it without "
            "int8 to run it on " +
            device);
    encoder_->to(target, encoder_->dtype());
}

std::string Model::device() const {
    return encoder_->device().str();
}

InferenceResult Model::run(const InferenceRequest& request) const {
    std::lock_guard lock(mutex_);
    const auto start = std::chrono::steady_clock::now();
    InferenceResult result;
    const auto& cfg = encoder_->config();
    const std::size_t B = request.inputIds.size();
    if (B == 0) throw Error("nothing to run: the batch is empty");
    std::size_t L = 0;
    for (const auto& ids : request.inputIds) L = std::max(L, ids.size());
    if (L == 0) throw Error("nothing to run: every sequence is empty");
    at::Tensor ids = at::full({static_cast<std::int64_t>(B), static_cast<std::int64_t>(L)},
                              cfg.padTokenId, at::kLong);
    at::Tensor mask = at::zeros_like(ids);
    at::Tensor types = at::zeros_like(ids);
    auto idsA = ids.accessor<std::int64_t, 2>();
    auto maskA = mask.accessor<std::int64_t, 2>();
    auto typesA = types.accessor<std::int64_t, 2>();
    for (std::size_t b = 0; b < B; ++b) {
        const auto& row = request.inputIds[b];
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (row[i] < 0 || row[i] >= cfg.vocabSize)
                throw Error("token id " + std::to_string(row[i]) +
                            " is outside the vocabulary (0.." + std::to_string(cfg.vocabSize - 1) +
                            ")");
            idsA[b][i] = row[i];
            maskA[b][i] = 1;
            if (b < request.tokenTypeIds.size() && i < request.tokenTypeIds[b].size())
                typesA[b][i] = request.tokenTypeIds[b][i];
        }
        if (b < request.attentionMask.size())
            for (std::size_t i = 0; i < request.attentionMask[b].size() && i < L; ++i)
                maskA[b][i] = request.attentionMask[b][i];
    }
    if (cfg.hasTokenTypes() && types.max().item<std::int64_t>() >= cfg.typeVocabSize)
        throw Error("token type id is outside the model's " + std::to_string(cfg.typeVocabSize) +
                    " types");

    at::NoGradGuard noGrad;
    const auto device = encoder_->device();
    ModelInputs in;
    in.inputIds = ids.to(device);
    in.attentionMask = mask.to(device);
    in.tokenTypeIds = types.to(device);
    ForwardOptions options;
    options.attentions = request.attentions;
    options.hiddenStates = request.hiddenStates;
    options.firstTokenOnly = !request.allTokens;
    const ModelOutputs out = encoder_->forward(in, options);

    // A base model (no head) answers with its features, as transformers' feature-extraction
    // pipeline does: the last hidden state [B, L, D].
    result.logits = toArray(out.logits.defined() ? out.logits : out.lastHidden);
    for (const auto& a : out.attentions) result.attentions.push_back(toArray(a));
    for (const auto& h : out.hiddenStates) result.hiddenStates.push_back(toArray(h));
    result.inputIds.assign(B, {});
    result.attentionMask.assign(B, {});
    for (std::size_t b = 0; b < B; ++b)
        for (std::size_t i = 0; i < L; ++i) {
            result.inputIds[b].push_back(idsA[b][i]);
            result.attentionMask[b].push_back(maskA[b][i]);
        }
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

}  // namespace distilbench
