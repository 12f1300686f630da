#include "core/explain/AttentionAnalysis.h"

#include <ATen/ATen.h>

#include <QJsonArray>
#include <algorithm>
#include <cmath>

#include "core/inference/Pipeline.h"
#include "core/tokenizers/Tokenizer.h"
#include "core/tokenizers/Unicode.h"

#include "core/runtime/Error.h"

namespace distilbench {

std::vector<LayerAttention> attentionsForSequence(const std::vector<FloatArray>& attentions,
                                                  int batch, int length) {
    std::vector<LayerAttention> out;
    for (const auto& a : attentions) {
        if (a.shape.size() != 4)
            throw Error("attention tensors must be [batch, heads, query, key]");
        const int B = static_cast<int>(a.shape[0]), H = static_cast<int>(a.shape[1]),
                  L = static_cast<int>(a.shape[2]);
        if (batch < 0 || batch >= B || length > L) throw Error("attention: sequence out of range");
        LayerAttention layer;
        layer.heads = H;
        layer.length = length;
        layer.values.resize(static_cast<std::size_t>(H) * length * length);
        for (int h = 0; h < H; ++h)
            for (int q = 0; q < length; ++q)
                for (int k = 0; k < length; ++k)
                    layer.values[(static_cast<std::size_t>(h) * length + q) * length + k] =
                        a.at({batch, h, q, k});
        out.push_back(std::move(layer));
    }
    return out;
}

std::vector<HeadStatistics> headStatistics(const std::vector<LayerAttention>& layers,
                                           const std::vector<bool>& isSeparator,
                                           const std::vector<bool>& isPunctuation) {
    std::vector<HeadStatistics> stats;
    for (std::size_t l = 0; l < layers.size(); ++l) {
        const auto& a = layers[l];
        const int L = a.length;
        for (int h = 0; h < a.heads; ++h) {
            HeadStatistics s;
            s.layer = static_cast<int>(l);
            s.head = h;
            for (int q = 0; q < L; ++q) {
                for (int k = 0; k < L; ++k) {
                    const double p = a.at(h, q, k);
                    if (p > 0) s.entropy -= p * std::log(p);
                    if (k == 0) s.clsMass += p;
                    if (k < static_cast<int>(isSeparator.size()) && isSeparator[k]) s.sepMass += p;
                    if (k < static_cast<int>(isPunctuation.size()) && isPunctuation[k])
                        s.punctuationMass += p;
                    s.meanDistance += p * std::abs(q - k);
                }
            }
            if (L > 0) {
                s.entropy /= L;
                s.clsMass /= L;
                s.sepMass /= L;
                s.punctuationMass /= L;
                s.meanDistance /= L;
            }
            stats.push_back(s);
        }
    }
    return stats;
}

std::vector<float> attentionRollout(const std::vector<LayerAttention>& layers) {
    if (layers.empty()) return {};
    const int L = layers.front().length;
    std::vector<double> result(static_cast<std::size_t>(L) * L, 0.0), mixed(result.size()),
        next(result.size());
    for (int i = 0; i < L; ++i) result[static_cast<std::size_t>(i) * L + i] = 1.0;
    for (const auto& a : layers) {
        for (int q = 0; q < L; ++q) {
            double rowSum = 0;
            for (int k = 0; k < L; ++k) {
                double mean = 0;
                for (int h = 0; h < a.heads; ++h) mean += a.at(h, q, k);
                mean /= std::max(1, a.heads);
                const double v = 0.5 * mean + (q == k ? 0.5 : 0.0);
                mixed[static_cast<std::size_t>(q) * L + k] = v;
                rowSum += v;
            }
            for (int k = 0; k < L; ++k)
                mixed[static_cast<std::size_t>(q) * L + k] /= rowSum > 0 ? rowSum : 1.0;
        }
        // result = mixed @ result: a later layer's attention routes through the earlier ones.
        // A double GEMM (BLAS, every core): for 512 tokens the plain triple loop took ~80 ms a
        // layer, most of the Attention page's wait beyond the model.
        const auto options = at::TensorOptions().dtype(at::kDouble);
        at::Tensor out = at::from_blob(next.data(), {L, L}, options);
        at::mm_out(out, at::from_blob(mixed.data(), {L, L}, options),
                   at::from_blob(result.data(), {L, L}, options));
        result.swap(next);
    }
    return std::vector<float>(result.begin(), result.end());
}

AttentionAnalysis analyseAttention(const Pipeline& pipeline, const std::string& text,
                                   const std::string& pair, const std::vector<std::int64_t>& ids) {
    PipelineOptions options;
    options.attentions = true;
    PipelineResult result;
    if (!ids.empty()) {
        result = pipeline.predictIds({ids}, options);
    } else {
        if (text.empty()) throw Error("no text to analyse");
        result = pipeline.predict(
            {text}, pair.empty() ? std::vector<std::string>{} : std::vector<std::string>{pair},
            options);
    }
    AttentionAnalysis a;
    a.fullLength =
        std::max(result.predictions.front().fullLength, result.predictions.front().encoding.size());
    a.encoding = std::move(result.predictions.front().encoding);
    a.seconds = result.raw.seconds;
    const int length = static_cast<int>(a.encoding.size());
    a.layers = attentionsForSequence(result.raw.attentions, 0, length);
    std::vector<bool> separator(length, false), punctuation(length, false);
    const auto& special =
        pipeline.tokenizer() ? pipeline.tokenizer()->specialTokens() : SpecialTokens{};
    for (int i = 0; i < length; ++i) {
        separator[i] = a.encoding.ids[i] == special.sepId;
        const std::u32string chars = unicode::decodeUtf8(a.encoding.tokens[i]);
        punctuation[i] =
            !chars.empty() && std::all_of(chars.begin(), chars.end(), unicode::isPunctuation);
    }
    a.statistics = headStatistics(a.layers, separator, punctuation);
    a.rollout = attentionRollout(a.layers);
    return a;
}

QJsonObject attentionToJson(const AttentionAnalysis& analysis) {
    QJsonArray tokens, layers;
    for (const auto& t : analysis.encoding.tokens) tokens.append(QString::fromStdString(t));
    for (const auto& layer : analysis.layers) {
        QJsonArray heads;
        for (int h = 0; h < layer.heads; ++h) {
            QJsonArray rows;
            for (int q = 0; q < layer.length; ++q) {
                QJsonArray row;
                for (int k = 0; k < layer.length; ++k)
                    row.append(static_cast<double>(layer.at(h, q, k)));
                rows.append(row);
            }
            heads.append(rows);
        }
        layers.append(heads);
    }
    QJsonArray ids;
    for (auto id : analysis.encoding.ids) ids.append(static_cast<double>(id));
    return QJsonObject{{"tokens", tokens}, {"input_ids", ids}, {"attentions", layers}};
}

}  // namespace distilbench
