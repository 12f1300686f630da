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

std::vector<std::size_t> balancedSplit(const std::vector<std::size_t>& lengths, int parts) {
    const std::size_t n = lengths.size();
    const std::size_t world = static_cast<std::size_t>(std::max(1, parts));
    // Greedy runs no costlier than `limit`: how many runs that takes (n + 1 if one example
    // alone is over it).
    auto runsWithin = [&](std::size_t limit) {
        std::size_t runs = 0;
        for (std::size_t pos = 0; pos < n; ++runs) {
            if (lengths[pos] > limit) return n + 1;
            pos += std::max<std::size_t>(1, limit / std::max<std::size_t>(1, lengths[pos]));
        }
        return runs;
    };
    // The smallest limit that `world` runs meet, by bisection over costs.
    std::size_t lo = 0, hi = n * (n ? lengths.front() : 0);
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (runsWithin(mid) <= world)
            hi = mid;
        else
            lo = mid + 1;
    }
    std::vector<std::size_t> starts;
    std::size_t pos = 0;
    for (std::size_t r = 0; r < world; ++r) {
        starts.push_back(pos);
        if (pos >= n) continue;
        std::size_t take = std::max<std::size_t>(1, lo / std::max<std::size_t>(1, lengths[pos]));
        // Leave one example for each process after this one while there are enough.
        const std::size_t later = world - r - 1;
        if (n - pos > later) take = std::min(take, n - pos - later);
        if (r + 1 == world) take = n - pos;
        pos += std::min(take, n - pos);
    }
    return starts;
}

double dataParallelShare(std::size_t examples, std::size_t globalExamples, int worldSize) {
    if (worldSize <= 1 || globalExamples == 0) return 1.0;
    return static_cast<double>(examples) * worldSize / static_cast<double>(globalExamples);
}

std::vector<std::vector<std::size_t>> epochBatches(const std::vector<EncodedExample>& data,
                                                   const BatchOrder& o, int epoch,
                                                   std::vector<std::size_t>* globalCounts) {
    std::vector<std::size_t> order(data.size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 rng(o.seed * 1000003ULL + epoch);
    std::shuffle(order.begin(), order.end(), rng);
    const std::size_t world = static_cast<std::size_t>(std::max(1, o.worldSize));
    const std::size_t rank = static_cast<std::size_t>(std::max(0, o.rank));
    const std::size_t global = static_cast<std::size_t>(o.batchSize) * world;
    auto longerFirst = [&](std::size_t a, std::size_t b) {
        return data[a].ids.size() > data[b].ids.size();
    };
    if (o.groupByLength) {
        const std::size_t mega = 50 * global;
        for (std::size_t s = 0; s < order.size(); s += mega) {
            const auto e = order.begin() + std::min(order.size(), s + mega);
            std::stable_sort(order.begin() + s, e, longerFirst);
        }
    }
    std::vector<std::vector<std::size_t>> batches;
    if (globalCounts) globalCounts->clear();
    for (std::size_t s = 0; s < order.size(); s += global) {
        const std::size_t end = std::min(order.size(), s + global);
        if (globalCounts) globalCounts->push_back(end - s);
        if (world == 1) {
            batches.emplace_back(order.begin() + s, order.begin() + end);
            continue;
        }
        std::stable_sort(order.begin() + s, order.begin() + end, longerFirst);
        std::vector<std::size_t> lengths;
        for (std::size_t i = s; i < end; ++i) lengths.push_back(data[order[i]].ids.size());
        const std::vector<std::size_t> starts = balancedSplit(lengths, static_cast<int>(world));
        const std::size_t b = s + starts[rank];
        const std::size_t e = rank + 1 < world ? s + starts[rank + 1] : end;
        batches.emplace_back(order.begin() + b, order.begin() + e);
    }
    return batches;
}

}  // namespace distilbench
