#include "core/explain/Attribution.h"

#include <ATen/ATen.h>
#include <torch/csrc/autograd/autograd.h>

#include <cmath>

#include "core/inference/Pipeline.h"
#include "core/models/EncoderModel.h"
#include "core/runtime/Error.h"

namespace distilbench {

bool parseAttributionMethod(const std::string& s, AttributionMethod& out) {
    if (s == "ig" || s == "integrated-gradients")
        out = AttributionMethod::IntegratedGradients;
    else if (s == "gradxinput" || s == "gradient-x-input")
        out = AttributionMethod::GradientTimesInput;
    else
        return false;
    return true;
}

AttributionResult explain(const Pipeline& pipeline, const std::string& text,
                          const std::string& pair, const AttributionOptions& options,
                          const JobCallbacks& callbacks) {
    if (!pipeline.tokenizer()) throw Error("explaining text needs the model's tokenizer");
    Model& model = *pipeline.model();
    const ModelConfig& cfg = model.config();
    if (cfg.head != HeadType::SequenceClassification)
        throw Error("attributions are computed for sequence-classification models (this is " +
                    cfg.architecture() + ")");
    if (options.steps < 1 || options.internalBatch < 1)
        throw Error("steps and internal batch must be positive");

    AttributionResult result;
    EncodeOptions enc;
    enc.maxLength = std::min(cfg.maxPositions, pipeline.tokenizer()->modelMaxLength());
    result.encoding = pair.empty()
                          ? pipeline.tokenizer()->encode(text, enc)
                          : pipeline.tokenizer()->encode(text, std::string_view(pair), enc);
    const Encoding& e = result.encoding;
    const auto L = static_cast<std::int64_t>(e.size());

    std::lock_guard lock(model.mutex());
    EncoderModel& encoder = model.encoder();
    const bool wasTraining = encoder.isTraining();
    encoder.setTraining(false);
    const auto device = encoder.device();
    const auto ids = at::tensor(e.ids, at::kLong).view({1, L}).to(device);
    const auto types = at::tensor(e.typeIds, at::kLong).view({1, L}).to(device);

    at::Tensor inputEmbeds, baseline;
    {
        at::NoGradGuard g;
        inputEmbeds = encoder.wordEmbeddings(ids).detach();
        baseline = inputEmbeds.clone();
        const at::Tensor pad = encoder.wordEmbeddings(
            at::full({1, 1}, pipeline.tokenizer()->specialTokens().padId, at::kLong).to(device));
        for (std::int64_t i = 0; i < L; ++i)
            if (!e.specialTokensMask[i]) baseline[0][i].copy_(pad[0][0]);
    }
    auto logitsFor = [&](const at::Tensor& embeds) {
        ModelInputs in;
        in.inputsEmbeds = embeds;
        const std::int64_t n = embeds.size(0);
        in.tokenTypeIds = types.expand({n, L});
        in.attentionMask = at::ones({n, L}, at::TensorOptions().dtype(at::kLong).device(device));
        ForwardOptions opt;
        return encoder.forward(in, opt).logits;
    };

    // The target: the given label, else the predicted one.
    {
        at::NoGradGuard g;
        const at::Tensor logits = logitsFor(inputEmbeds)[0];
        result.labelIndex = static_cast<int>(logits.argmax().item<std::int64_t>());
        if (!options.label.empty()) {
            auto it = std::find(cfg.labels.begin(), cfg.labels.end(), options.label);
            if (it == cfg.labels.end()) {
                std::string names;
                for (const auto& l : cfg.labels) names += (names.empty() ? "" : ", ") + l;
                throw Error("unknown label '" + options.label + "' (labels: " + names + ")");
            }
            result.labelIndex = static_cast<int>(it - cfg.labels.begin());
        }
        result.targetLogit = logits[result.labelIndex].item<float>();
    }
    result.label = result.labelIndex < cfg.numLabels() ? cfg.labels[result.labelIndex]
                                                       : std::to_string(result.labelIndex);
    const std::int64_t target = result.labelIndex;

    at::Tensor scores;
    if (options.method == AttributionMethod::GradientTimesInput) {
        at::Tensor x = inputEmbeds.clone().set_requires_grad(true);
        const at::Tensor out = logitsFor(x).select(1, target).sum();
        const at::Tensor grad = torch::autograd::grad({out}, {x})[0];
        scores = (grad * x).sum(-1)[0];
        callbacks.report(1.0, "gradient × input");
    } else {
        // Trapezoidal rule over alpha in [0, 1]: points 0..S with weights 1/S (halved at the ends).
        const int S = options.steps;
        const at::Tensor delta = inputEmbeds - baseline;
        at::Tensor total = at::zeros_like(inputEmbeds);
        for (int start = 0; start <= S; start += options.internalBatch) {
            callbacks.checkAbort();
            const int count = std::min(options.internalBatch, S + 1 - start);
            std::vector<double> alphas, weights;
            for (int i = start; i < start + count; ++i) {
                alphas.push_back(double(i) / S);
                weights.push_back((i == 0 || i == S) ? 0.5 / S : 1.0 / S);
            }
            const auto opts = inputEmbeds.options();
            const at::Tensor alpha = at::tensor(alphas, at::kDouble).to(opts).view({count, 1, 1});
            const at::Tensor weight = at::tensor(weights, at::kDouble).to(opts).view({count, 1, 1});
            at::Tensor x = (baseline + alpha * delta).detach().set_requires_grad(true);
            const at::Tensor logits = logitsFor(x).select(1, target);
            if (start == 0) result.baselineLogit = logits[0].item<float>();
            const at::Tensor grad = torch::autograd::grad({logits.sum()}, {x})[0];
            total += (grad * weight).sum(0, /*keepdim=*/true);
            callbacks.report(double(start + count) / (S + 1), "integrated gradients " +
                                                                  std::to_string(start + count) +
                                                                  "/" + std::to_string(S + 1));
        }
        scores = (delta * total).sum(-1)[0];
    }
    encoder.setTraining(wasTraining);
    const at::Tensor cpu = scores.detach().to(at::kCPU, at::kFloat).contiguous();
    result.scores.assign(cpu.data_ptr<float>(), cpu.data_ptr<float>() + cpu.numel());
    result.attributionSum = cpu.sum().item<float>();
    if (options.method == AttributionMethod::IntegratedGradients)
        result.completenessGap =
            std::abs(result.attributionSum - (result.targetLogit - result.baselineLogit));
    return result;
}

}  // namespace distilbench
