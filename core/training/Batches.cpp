#include "core/training/Batches.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <string_view>

#include "core/models/EncoderModel.h"
#include "core/tokenizers/Tokenizer.h"
#include "core/training/Objective.h"

namespace distilbench {

std::vector<EncodedExample> encodeDataset(const Dataset& d, const Tokenizer& tok, int maxLength) {
    EncodeOptions opt;
    opt.maxLength = maxLength;
    std::vector<EncodedExample> out;
    out.reserve(d.examples.size());
    for (const auto& e : d.examples) {
        EncodedExample x;
        Encoding enc;
        if (d.task == Task::TokenClassification) {
            enc = tok.encodeWords(e.words, opt);
            int last = -1;
            for (std::size_t i = 0; i < enc.size(); ++i) {
                const int w = enc.wordIds[i];
                // The label sits on the first piece of each word; the rest is ignored by the loss.
                x.tokenLabels.push_back(w >= 0 && w != last ? e.tags[w] : Objective::kIgnoreIndex);
                if (w >= 0) last = w;
            }
        } else {
            enc = e.pair.empty() ? tok.encode(e.text, opt)
                                 : tok.encode(e.text, std::string_view(e.pair), opt);
        }
        x.ids = std::move(enc.ids);
        x.types = std::move(enc.typeIds);
        x.label = e.label;
        x.multi.assign(e.labels.begin(), e.labels.end());
        x.target = static_cast<float>(e.target);
        out.push_back(std::move(x));
    }
    return out;
}

Batch collateBatch(const std::vector<EncodedExample>& data, const std::vector<std::size_t>& idx,
                   Task task, std::int64_t padId, c10::Device device) {
    std::size_t L = 0;
    for (auto i : idx) L = std::max(L, data[i].ids.size());
    const auto B = static_cast<std::int64_t>(idx.size());
    const auto T = static_cast<std::int64_t>(L);
    Batch b;
    b.ids = at::full({B, T}, padId, at::kLong);
    b.types = at::zeros({B, T}, at::kLong);
    b.mask = at::zeros({B, T}, at::kLong);
    auto ids = b.ids.accessor<std::int64_t, 2>(), types = b.types.accessor<std::int64_t, 2>(),
         mask = b.mask.accessor<std::int64_t, 2>();
    if (task == Task::TokenClassification)
        b.labels = at::full({B, T}, Objective::kIgnoreIndex, at::kLong);
    else if (task == Task::MultiLabel)
        b.labels = at::zeros({B, static_cast<std::int64_t>(data[idx[0]].multi.size())});
    else if (task == Task::Regression)
        b.labels = at::zeros({B});
    else if (task == Task::Classification)
        b.labels = at::zeros({B}, at::kLong);
    for (std::int64_t r = 0; r < B; ++r) {
        const EncodedExample& e = data[idx[r]];
        for (std::size_t t = 0; t < e.ids.size(); ++t) {
            ids[r][t] = e.ids[t];
            types[r][t] = e.types[t];
            mask[r][t] = 1;
        }
        switch (task) {
            case Task::TokenClassification: {
                auto lab = b.labels.accessor<std::int64_t, 2>();
                for (std::size_t t = 0; t < e.tokenLabels.size(); ++t) lab[r][t] = e.tokenLabels[t];
                break;
            }
            case Task::MultiLabel: {
                auto lab = b.labels.accessor<float, 2>();
                for (std::size_t c = 0; c < e.multi.size(); ++c) lab[r][c] = e.multi[c];
                break;
            }
            case Task::Regression:
                b.labels.accessor<float, 1>()[r] = e.target;
                break;
            case Task::Classification:
                b.labels.accessor<std::int64_t, 1>()[r] = e.label;
                break;
            case Task::MaskedLM:
                break;
        }
    }
    b.ids = b.ids.to(device);
    b.types = b.types.to(device);
    b.mask = b.mask.to(device);
    if (b.labels.defined()) b.labels = b.labels.to(device);
    return b;
}

ModelInputs modelInputs(const Batch& b) {
    ModelInputs in;
    in.inputIds = b.ids;
    in.tokenTypeIds = b.types;
    in.attentionMask = b.mask;
    return in;
}

std::vector<std::vector<std::size_t>> epochBatches(const std::vector<EncodedExample>& data,
                                                   const BatchOrder& o, int epoch) {
    std::vector<std::size_t> order(data.size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 rng(o.seed * 1000003ULL + epoch);
    std::shuffle(order.begin(), order.end(), rng);
    const std::size_t world = static_cast<std::size_t>(std::max(1, o.worldSize));
    const std::size_t rank = static_cast<std::size_t>(std::max(0, o.rank));
    const std::size_t global = static_cast<std::size_t>(o.batchSize) * world;
    if (o.groupByLength) {
        const std::size_t mega = 50 * global;
        for (std::size_t s = 0; s < order.size(); s += mega) {
            const auto e = order.begin() + std::min(order.size(), s + mega);
            std::stable_sort(order.begin() + s, e, [&](auto a, auto b) {
                return data[a].ids.size() > data[b].ids.size();
            });
        }
    }
    std::vector<std::vector<std::size_t>> batches;
    for (std::size_t s = 0; s < order.size(); s += global) {
        const std::size_t end = std::min(order.size(), s + global);
        const std::size_t per = (end - s + world - 1) / world;
        const std::size_t b = std::min(end, s + rank * per), e = std::min(end, b + per);
        batches.emplace_back(order.begin() + b, order.begin() + e);
    }
    return batches;
}

}  // namespace distilbench
