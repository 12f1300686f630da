#include "core/inference/Pipeline.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/runtime/Error.h"

namespace distilbench {

std::string substringByCodePoints(const std::string& text, int begin, int end) {
    std::size_t b = std::string::npos, e = text.size();
    int cp = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const bool boundary =
            i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
        if (!boundary) continue;
        if (cp == begin && b == std::string::npos) b = i;
        if (cp == end) {
            e = i;
            break;
        }
        ++cp;
    }
    if (b == std::string::npos || e < b) return {};
    return text.substr(b, e - b);
}

std::vector<float> softmax(const float* logits, std::size_t n) {
    std::vector<float> p(n);
    if (n == 0) return p;
    const float m = *std::max_element(logits, logits + n);
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) sum += (p[i] = std::exp(logits[i] - m));
    for (auto& v : p) v = static_cast<float>(v / sum);
    return p;
}

std::shared_ptr<Pipeline> Pipeline::open(const std::string& path, const JobCallbacks& callbacks,
                                         const LoadOptions& load) {
    JobCallbacks modelProgress = callbacks;
    modelProgress.progress = [&](const ProgressReport& r) {
        callbacks.report(r.fraction * 0.9, r.message);
    };
    auto model = Model::load(path, modelProgress, load);
    std::shared_ptr<Tokenizer> tokenizer;
    if (!model->summary().tokenizerFiles.empty()) {
        callbacks.report(0.92, "loading the tokenizer");
        tokenizer = Tokenizer::load(model->folder());
    }
    callbacks.report(1.0, "ready");
    return std::make_shared<Pipeline>(std::move(model), std::move(tokenizer));
}

std::vector<Entity> groupEntities(const Encoding& encoding,
                                  const std::vector<std::string>& tokenLabels,
                                  const std::vector<float>& probs, const std::string& text) {
    std::vector<Entity> entities;
    Entity current;
    std::vector<float> scores;
    auto close = [&] {
        if (scores.empty()) return;
        current.score = std::accumulate(scores.begin(), scores.end(), 0.0f) / scores.size();
        current.text = substringByCodePoints(text, current.begin, current.end);
        entities.push_back(current);
        scores.clear();
    };
    int lastWord = -1, lastSequence = -2;
    for (std::size_t t = 0; t < encoding.size() && t < tokenLabels.size(); ++t) {
        if (encoding.specialTokensMask[t]) continue;
        const int word = encoding.wordIds[t];
        const int sequence = encoding.sequenceIds[t];
        if (word >= 0 && word == lastWord &&
            sequence == lastSequence) {  // a later piece of the same word
            if (!scores.empty()) current.end = encoding.offsets[t].second;
            continue;
        }
        lastWord = word;
        lastSequence = sequence;
        const std::string& label = tokenLabels[t];
        if (label == "O") {
            close();
            continue;
        }
        const bool begins = label.rfind("B-", 0) == 0;
        const std::string type = (begins || label.rfind("I-", 0) == 0) ? label.substr(2) : label;
        if (!scores.empty() && (begins || type != current.label)) close();
        if (scores.empty())
            current = Entity{type, {}, encoding.offsets[t].first, encoding.offsets[t].second, 0};
        current.end = encoding.offsets[t].second;
        scores.push_back(t < probs.size() ? probs[t] : 0.0f);
    }
    close();
    return entities;
}

AnswerSpan bestAnswerSpan(const Encoding& encoding, const std::vector<float>& startLogits,
                          const std::vector<float>& endLogits, int contextSequence, int maxTokens,
                          const std::string& context) {
    const std::size_t n = std::min({encoding.size(), startLogits.size(), endLogits.size()});
    const auto ps = softmax(startLogits.data(), n), pe = softmax(endLogits.data(), n);
    AnswerSpan best;
    float bestScore = -1;
    for (std::size_t s = 0; s < n; ++s) {
        if (encoding.sequenceIds[s] != contextSequence) continue;
        for (std::size_t e = s; e < n && e < s + static_cast<std::size_t>(maxTokens); ++e) {
            if (encoding.sequenceIds[e] != contextSequence) break;
            const float score = ps[s] * pe[e];
            if (score > bestScore) {
                bestScore = score;
                best.begin = encoding.offsets[s].first;
                best.end = encoding.offsets[e].second;
                best.score = score;
            }
        }
    }
    best.text = substringByCodePoints(context, best.begin, best.end);
    return best;
}

Pipeline::Pipeline(std::shared_ptr<Model> model, std::shared_ptr<Tokenizer> tokenizer)
    : model_(std::move(model)), tokenizer_(std::move(tokenizer)) {}

PipelineResult Pipeline::predict(const std::vector<std::string>& texts,
                                 const std::vector<std::string>& pairs,
                                 const PipelineOptions& options) const {
    if (!tokenizer_) throw Error("this model has no tokenizer: give token ids instead");
    if (texts.empty()) throw Error("no text given");
    EncodeOptions enc;
    enc.maxLength = options.maxLength > 0
                        ? options.maxLength
                        : std::min(model_->config().maxPositions, tokenizer_->modelMaxLength());
    enc.truncation = model_->config().head == HeadType::QuestionAnswering
                         ? Truncation::OnlySecond
                         : Truncation::LongestFirst;
    std::vector<Encoding> encodings = tokenizer_->encodeBatch(texts, pairs, enc);
    // What was cut: only inputs that reached the limit are encoded again, whole.
    std::vector<std::size_t> full(encodings.size());
    for (std::size_t i = 0; i < encodings.size(); ++i) {
        full[i] = encodings[i].size();
        if (enc.maxLength <= 0 || full[i] < static_cast<std::size_t>(enc.maxLength)) continue;
        EncodeOptions whole = enc;
        whole.maxLength = 0;
        full[i] =
            (i < pairs.size() ? tokenizer_->encode(texts[i], std::string_view(pairs[i]), whole)
                              : tokenizer_->encode(texts[i], whole))
                .size();
    }
    PipelineResult result = decode(std::move(encodings), texts, pairs, options);
    for (std::size_t i = 0; i < full.size() && i < result.predictions.size(); ++i)
        result.predictions[i].fullLength = full[i];
    return result;
}

PipelineResult Pipeline::predictIds(const std::vector<std::vector<std::int64_t>>& ids,
                                    const PipelineOptions& options) const {
    std::vector<Encoding> encodings;
    for (const auto& row : ids) {
        Encoding e;
        e.ids = row;
        for (auto id : row) {
            e.tokens.push_back(tokenizer_ ? tokenizer_->idToToken(id) : std::to_string(id));
            e.offsets.emplace_back(0, 0);
            const bool special = tokenizer_ && tokenizer_->isSpecialId(id);
            e.specialTokensMask.push_back(special);
            e.sequenceIds.push_back(special ? -1 : 0);
            e.wordIds.push_back(-1);
            e.typeIds.push_back(0);
            e.attentionMask.push_back(1);
        }
        encodings.push_back(std::move(e));
    }
    return decode(std::move(encodings), {}, {}, options);
}

PipelineResult Pipeline::decode(std::vector<Encoding> encodings,
                                const std::vector<std::string>& texts,
                                const std::vector<std::string>& pairs,
                                const PipelineOptions& options) const {
    const ModelConfig& cfg = model_->config();
    InferenceRequest request;
    for (const auto& e : encodings) {
        request.inputIds.push_back(e.ids);
        request.tokenTypeIds.push_back(e.typeIds);
    }
    request.attentions = options.attentions;
    request.hiddenStates = options.hiddenStates;
    PipelineResult result;
    result.raw = model_->run(request);
    const FloatArray& logits = result.raw.logits;

    for (std::size_t b = 0; b < encodings.size(); ++b) {
        TextPrediction p;
        p.encoding = std::move(encodings[b]);
        const std::size_t n = p.encoding.size();
        switch (cfg.head) {
            case HeadType::SequenceClassification: {
                const std::size_t L = logits.shape[1];
                p.logits.assign(logits.values.begin() + b * L, logits.values.begin() + (b + 1) * L);
                std::vector<float> probs;
                if (cfg.effectiveProblemType() == "multi_label_classification") {
                    for (float v : p.logits) probs.push_back(1.0f / (1.0f + std::exp(-v)));
                } else if (cfg.effectiveProblemType() == "regression") {
                    probs = p.logits;
                } else {
                    // A calibrated model's temperature (1 when none was fitted).
                    std::vector<float> scaled = p.logits;
                    for (float& v : scaled) v = static_cast<float>(v / cfg.temperature);
                    probs = softmax(scaled.data(), L);
                }
                for (std::size_t i = 0; i < L; ++i)
                    p.scores.push_back(
                        {i < cfg.labels.size() ? cfg.labels[i] : "LABEL_" + std::to_string(i),
                         probs[i]});
                const auto best = std::max_element(probs.begin(), probs.end()) - probs.begin();
                p.label = p.scores[best].label;
                break;
            }
            case HeadType::TokenClassification: {
                const std::size_t T = logits.shape[1], C = logits.shape[2];
                const float* base = logits.values.data() + b * T * C;
                p.logits.assign(base, base + n * C);
                std::vector<float> chosen;
                for (std::size_t t = 0; t < n; ++t) {
                    const auto probs = softmax(base + t * C, C);
                    const auto best = std::max_element(probs.begin(), probs.end()) - probs.begin();
                    p.tokenLabels.push_back(best < static_cast<long>(cfg.labels.size())
                                                ? cfg.labels[best]
                                                : "LABEL_" + std::to_string(best));
                    chosen.push_back(probs[best]);
                }
                p.entities = groupEntities(p.encoding, p.tokenLabels, chosen,
                                           b < texts.size() ? texts[b] : std::string());
                break;
            }
            case HeadType::QuestionAnswering: {
                const std::size_t T = logits.shape[1];
                const float* base = logits.values.data() + b * T * 2;
                p.logits.assign(base, base + n * 2);
                std::vector<float> start(n), end(n);
                for (std::size_t t = 0; t < n; ++t) {
                    start[t] = base[t * 2];
                    end[t] = base[t * 2 + 1];
                }
                // The context is the pair text when there is one, else the text itself.
                const int contextSeq = b < pairs.size() ? 1 : 0;
                const std::string& context =
                    contextSeq == 1 ? pairs[b] : (b < texts.size() ? texts[b] : std::string());
                p.answer = bestAnswerSpan(p.encoding, start, end, contextSeq,
                                          options.maxAnswerTokens, context);
                break;
            }
            case HeadType::MaskedLM: {
                const std::size_t T = logits.shape[1], V = logits.shape[2];
                const std::int64_t maskId = tokenizer_ ? tokenizer_->specialTokens().maskId : -1;
                for (std::size_t t = 0; t < n; ++t) {
                    if (p.encoding.ids[t] != maskId) continue;
                    const auto probs = softmax(logits.values.data() + (b * T + t) * V, V);
                    std::vector<std::size_t> order(V);
                    std::iota(order.begin(), order.end(), 0);
                    const std::size_t k = std::min<std::size_t>(options.topK, V);
                    std::partial_sort(
                        order.begin(), order.begin() + k, order.end(),
                        [&](std::size_t x, std::size_t y) { return probs[x] > probs[y]; });
                    MaskFill fill;
                    fill.position = static_cast<int>(t);
                    for (std::size_t i = 0; i < k; ++i)
                        fill.candidates.emplace_back(
                            tokenizer_ ? tokenizer_->idToToken(order[i]) : std::to_string(order[i]),
                            probs[order[i]]);
                    p.fills.push_back(std::move(fill));
                }
                break;
            }
            case HeadType::ReplacedTokenDetection: {
                // ELECTRA's discriminator: per token, the probability that it was replaced.
                const std::size_t T = logits.shape[1];
                const float* base = logits.values.data() + b * T;
                p.logits.assign(base, base + n);
                for (std::size_t t = 0; t < n; ++t)
                    p.tokenLabels.push_back(1.0f / (1.0f + std::exp(-base[t])) > 0.5f ? "replaced"
                                                                                      : "original");
                break;
            }
            case HeadType::MultipleChoice:
            case HeadType::Base:
                break;
        }
        result.predictions.push_back(std::move(p));
    }
    return result;
}

}  // namespace distilbench
