#pragma once

// Include from .cpp files only: pulls in ATen.

#include <ATen/core/Generator.h>
#include <ATen/core/Tensor.h>

#include <cstdint>
#include <vector>

#include "core/distillation/DistillationSettings.h"

namespace distilbench {

struct MaskedBatch {
    at::Tensor inputIds;  // with [MASK], random and kept tokens at the chosen positions
    at::Tensor labels;    // original id at chosen positions, -100 elsewhere
};

// BERT's dynamic masking: a share of the real (non-special, non-padding) tokens is chosen anew
// for every batch; of those 80% become [MASK], 10% a random token and 10% stay. With frequency
// smoothing positions are drawn in proportion to count^-0.7, so rare tokens are predicted more
// often (DistilBERT's `mlm_smoothing`).
class TokenMasker {
public:
    TokenMasker(const DistillationSettings& settings, std::int64_t vocabSize, std::int64_t maskId,
                const std::vector<std::int64_t>& specialIds,
                const std::vector<double>& tokenCounts = {});

    // Every batch with at least one real token gets at least one chosen position.
    MaskedBatch mask(const at::Tensor& inputIds, const at::Tensor& attentionMask,
                     at::Generator generator) const;

private:
    DistillationSettings s_;
    std::int64_t vocabSize_, maskId_;
    at::Tensor special_;     // [V] bool
    at::Tensor tokenProbs_;  // [V] float, defined with smoothing
};

}  // namespace distilbench
