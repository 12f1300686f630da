#include "core/analysis/Embeddings.h"

#include <ATen/ATen.h>

#include <QDir>
#include <QFileInfo>
#include <QString>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>
#include <optional>

#include "core/data/DatasetStream.h"
#include "core/evaluation/Evaluation.h"
#include "core/inference/Pipeline.h"
#include "core/models/EncoderModel.h"
#include "core/runtime/Error.h"
#include "core/tokenizers/Tokenizer.h"
#include "core/training/Batches.h"
#include "core/util/AtomicFile.h"

namespace distilbench {

bool parsePooling(const std::string& name, Pooling& out) {
    if (name == "cls")
        out = Pooling::Cls;
    else if (name == "mean")
        out = Pooling::Mean;
    else
        return false;
    return true;
}

Dataset readProjectorData(const std::string& path, const Pipeline& pipeline) {
    const QString lower = QString::fromStdString(path).toLower();
    if (lower.endsWith(".txt")) {
        Dataset d = DatasetReader::read(path, Task::MaskedLM);  // one text per line
        d.task = Task::Classification;
        for (Example& e : d.examples) e.label = -1;
        return d;
    }
    return readEvaluationData(path, pipeline.model()->config());
}

EmbeddingSet computeEmbeddings(const Pipeline& pipeline, const Dataset& data,
                               const EmbeddingOptions& options, const JobCallbacks& cb) {
    if (!pipeline.tokenizer()) throw Error("embeddings need the model's tokenizer");
    if (data.examples.empty()) throw Error(data.source, "has no examples");
    Model& model = *pipeline.model();
    const ModelConfig& c = model.config();
    const int layers = c.numLayers;
    EmbeddingSet out;
    out.layer = options.layer < 0 ? layers : options.layer;
    if (out.layer > layers)
        throw Error("layer " + std::to_string(options.layer) + ": the model has " +
                    std::to_string(layers) + " layers (0 = the embeddings)");
    const bool classifier = c.head == HeadType::SequenceClassification &&
                            c.effectiveProblemType() == "single_label_classification";
    if (classifier) out.labels = c.labels;
    out.rows = data.examples.size();
    out.dim = static_cast<std::size_t>(c.hiddenSize);
    // Memory is estimated before it is taken.
    const double bytes = double(out.rows) * double(out.dim) * sizeof(float);
    if (bytes > 8.0 * (1ull << 30))
        throw Error(data.source, "would need " + std::to_string(int(bytes / (1 << 30))) +
                                     " GiB of embeddings; take a sample of the data");
    out.vectors.assign(out.rows * out.dim, 0.0f);
    out.texts.resize(out.rows);
    out.gold.assign(out.rows, -1);
    out.predicted.assign(out.rows, -1);
    out.confidence.assign(out.rows, std::numeric_limits<float>::quiet_NaN());
    out.loss.assign(out.rows, std::numeric_limits<float>::quiet_NaN());
    out.tokens.assign(out.rows, 0);
    for (std::size_t i = 0; i < out.rows; ++i) {
        out.texts[i] = data.examples[i].text;
        out.gold[i] = data.examples[i].label;
    }

    const int maxLength = std::min(options.maxLength, c.maxPositions);
    const std::int64_t padId = pipeline.tokenizer()->specialTokens().padId;
    std::lock_guard lock(model.mutex());
    EncoderModel& encoder = model.encoder();
    const bool wasTraining = encoder.isTraining();
    encoder.setTraining(false);
    at::NoGradGuard noGrad;
    constexpr std::size_t kChunk = 4096;
    const std::size_t batch = static_cast<std::size_t>(std::max(1, options.batchSize));
    EtaEstimator eta;
    eta.start();
    for (std::size_t start = 0; start < out.rows; start += kChunk) {
        Dataset chunk;
        chunk.task = Task::Classification;
        chunk.labels = data.labels;
        const std::size_t end = std::min(out.rows, start + kChunk);
        chunk.examples.assign(data.examples.begin() + start, data.examples.begin() + end);
        for (Example& e : chunk.examples) e.label = std::max(0, e.label);  // ids only matter here
        const std::vector<EncodedExample> encoded =
            encodeDataset(chunk, *pipeline.tokenizer(), maxLength);
        std::vector<std::size_t> order(encoded.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) {
            return encoded[a].ids.size() < encoded[b].ids.size();
        });
        for (std::size_t s = 0; s < order.size(); s += batch) {
            cb.checkAbort();
            const std::vector<std::size_t> idx(order.begin() + s,
                                               order.begin() + std::min(order.size(), s + batch));
            const Batch b =
                collateBatch(encoded, idx, Task::Classification, padId, encoder.device());
            ModelInputs in;
            in.inputIds = b.ids;
            in.tokenTypeIds = b.types;
            in.attentionMask = b.mask;
            ForwardOptions fo;
            fo.hiddenStates = out.layer != layers;
            const ModelOutputs o = encoder.forward(in, fo);
            const at::Tensor hidden =
                (out.layer == layers ? o.lastHidden : o.hiddenStates.at(out.layer)).to(at::kFloat);
            at::Tensor pooled;
            if (options.pooling == Pooling::Cls) {
                pooled = hidden.select(1, 0);
            } else {
                const at::Tensor mask = b.mask.to(hidden.scalar_type()).unsqueeze(-1);
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp_min(1.0);
            }
            pooled = pooled.to(at::kCPU).contiguous();
            at::Tensor probs;
            if (classifier)
                probs = at::softmax(o.logits.to(at::kFloat) / c.temperature, -1)
                            .to(at::kCPU)
                            .contiguous();
            for (std::size_t r = 0; r < idx.size(); ++r) {
                const std::size_t row = start + idx[r];
                std::copy_n(pooled[static_cast<std::int64_t>(r)].data_ptr<float>(), out.dim,
                            out.vectors.begin() + static_cast<std::ptrdiff_t>(row * out.dim));
                out.tokens[row] = static_cast<int>(encoded[idx[r]].ids.size());
                if (classifier) {
                    const at::Tensor p = probs[static_cast<std::int64_t>(r)];
                    const int best = static_cast<int>(p.argmax().item<std::int64_t>());
                    out.predicted[row] = best;
                    out.confidence[row] = p[best].item<float>();
                    const int g = out.gold[row];
                    if (g >= 0 && g < p.size(0))
                        out.loss[row] = -std::log(std::max(p[g].item<float>(), 1e-12f));
                }
            }
        }
        const double fraction = double(end) / double(out.rows);
        cb.report(fraction, std::to_string(end) + " of " + std::to_string(out.rows) + " texts",
                  eta.update(fraction));
    }
    encoder.setTraining(wasTraining);
    return out;
}

EmbeddingExport exportEmbeddings(const Pipeline& pipeline, const std::string& dataPath,
                                 const std::string& vectorsPath, const EmbeddingOptions& options,
                                 const JobCallbacks& cb) {
    const ModelConfig& c = pipeline.model()->config();
    DatasetStream::Options so = evaluationStreamOptions(c);
    so.plainTextUnlabelled = true;
    DatasetStream stream(dataPath, so);
    std::optional<AtomicFile> vectors, metadata;
    if (!vectorsPath.empty()) {
        vectors.emplace(vectorsPath);
        metadata.emplace(QFileInfo(QString::fromStdString(vectorsPath))
                             .dir()
                             .filePath("metadata.tsv")
                             .toStdString());
        metadata->write("text\tlabel\tpredicted\n");
    }
    EmbeddingExport out;
    EtaEstimator eta;
    eta.start();
    std::vector<Example> chunk;
    constexpr std::size_t kChunk = 4096;
    while (stream.next(chunk, kChunk)) {
        Dataset d;
        d.task = Task::Classification;
        d.labels = stream.labels();
        d.source = dataPath;
        d.examples = std::move(chunk);
        if (so.task != Task::Classification)  // gold labels are single-label ids or none
            for (Example& e : d.examples) e.label = -1;
        const EmbeddingSet set = computeEmbeddings(pipeline, d, options);
        out.dim = set.dim;
        out.layer = set.layer;
        out.rows += set.rows;
        if (vectors) {
            auto labelOf = [&](int id) {
                return id >= 0 && id < static_cast<int>(set.labels.size())
                           ? set.labels[static_cast<std::size_t>(id)]
                           : std::string();
            };
            std::string v, m;
            char number[32];
            for (std::size_t i = 0; i < set.rows; ++i) {
                for (std::size_t k = 0; k < set.dim; ++k) {
                    std::snprintf(number, sizeof number, "%.7g", set.vectors[i * set.dim + k]);
                    if (k) v += '\t';
                    v += number;
                }
                v += '\n';
                std::string text = set.texts[i];
                std::replace(text.begin(), text.end(), '\t', ' ');
                std::replace(text.begin(), text.end(), '\n', ' ');
                std::replace(text.begin(), text.end(), '\r', ' ');
                m += text + '\t' + labelOf(set.gold[i]) + '\t' + labelOf(set.predicted[i]) + '\n';
            }
            vectors->write(v);
            metadata->write(m);
        }
        const double fraction = stream.fraction();
        cb.report(fraction, std::to_string(out.rows) + " texts", eta.update(fraction));
        cb.checkAbort();
    }
    out.warnings = stream.warnings();
    if (vectors) {
        vectors->commit();
        metadata->commit();
    }
    return out;
}

}  // namespace distilbench
