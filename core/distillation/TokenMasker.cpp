#include "core/distillation/TokenMasker.h"

#include <ATen/ATen.h>

#include <cmath>

#include "core/runtime/Error.h"

namespace distilbench {

TokenMasker::TokenMasker(const DistillationSettings& settings, std::int64_t vocabSize,
                         std::int64_t maskId, const std::vector<std::int64_t>& specialIds,
                         const std::vector<double>& tokenCounts)
    : s_(settings), vocabSize_(vocabSize), maskId_(maskId) {
    if (maskId < 0 || maskId >= vocabSize)
        throw Error("the tokenizer has no [MASK] token: masked-LM distillation needs one");
    if (s_.mlmProbability <= 0 || s_.mlmProbability >= 1)
        throw Error("the masking probability must be between 0 and 1");
    if (s_.maskTokenShare < 0 || s_.randomTokenShare < 0 ||
        s_.maskTokenShare + s_.randomTokenShare > 1)
        throw Error(
            "the [MASK] and random-token shares must be non-negative and add up to at most 1");
    special_ = at::zeros({vocabSize}, at::kBool);
    for (auto id : specialIds)
        if (id >= 0 && id < vocabSize) special_[id] = true;
    if (s_.frequencySmoothing) {
        std::vector<float> p(vocabSize, 1.0f);
        for (std::int64_t i = 0; i < vocabSize && i < static_cast<std::int64_t>(tokenCounts.size());
             ++i)
            p[i] = static_cast<float>(std::pow(std::max(1.0, tokenCounts[i]), -0.7));
        tokenProbs_ = at::tensor(p);
    }
}

MaskedBatch TokenMasker::mask(const at::Tensor& inputIds, const at::Tensor& attentionMask,
                              at::Generator gen) const {
    const at::Tensor ids = inputIds.to(at::kCPU);
    const at::Tensor real = attentionMask.to(at::kCPU).to(at::kBool) & ~special_.index({ids});
    at::Tensor chosen;
    const std::int64_t candidates = real.sum().item<std::int64_t>();
    if (tokenProbs_.defined() && candidates > 0) {
        // Exactly round(p·n) positions, drawn without replacement, weighted towards rare tokens.
        const at::Tensor weights = (tokenProbs_.index({ids}) * real.to(at::kFloat)).flatten();
        const auto n = std::max<std::int64_t>(1, std::llround(s_.mlmProbability * candidates));
        // Weighted sampling without replacement via Gumbel top-k: one pass instead of n draws.
        const at::Tensor gumbel =
            -at::log(-at::log(at::empty(weights.sizes(), at::kFloat).uniform_(1e-10, 1.0, gen)));
        const at::Tensor keys =
            at::where(weights > 0, at::log(weights) + gumbel, at::full_like(weights, -INFINITY));
        const at::Tensor picked = std::get<1>(at::topk(keys, n));
        chosen = at::zeros({ids.numel()}, at::kBool).index_fill_(0, picked, true).view(ids.sizes());
    } else {
        chosen =
            at::empty(ids.sizes(), at::kFloat).uniform_(0, 1, gen).lt(s_.mlmProbability) & real;
        if (candidates > 0 && !chosen.any().item<bool>()) {
            const at::Tensor first = real.flatten().nonzero()[0];
            chosen.view({-1}).index_fill_(0, first, true);
        }
    }
    MaskedBatch out;
    out.labels = at::where(chosen, ids, at::full_like(ids, -100));
    const at::Tensor roll = at::empty(ids.sizes(), at::kFloat).uniform_(0, 1, gen);
    const at::Tensor toMask = chosen & roll.lt(s_.maskTokenShare);
    const at::Tensor toRandom =
        chosen & roll.ge(s_.maskTokenShare) & roll.lt(s_.maskTokenShare + s_.randomTokenShare);
    const at::Tensor random = at::randint(vocabSize_, ids.sizes(), gen, at::kLong);
    out.inputIds = at::where(toMask, at::full_like(ids, maskId_), at::where(toRandom, random, ids))
                       .to(inputIds.device());
    out.labels = out.labels.to(inputIds.device());
    return out;
}

}  // namespace distilbench
