#pragma once

#include <QJsonObject>
#include <cstdint>
#include <string>
#include <vector>

namespace distilbench {

// The encoder families DistilBench computes. RoBERTa, XLM-RoBERTa and CamemBERT share one
// architecture (BERT layers, positions counted from pad_token_id + 1) and differ in model_type
// and class names only.
enum class ModelFamily {
    DistilBert,
    Bert,
    Roberta,
    XlmRoberta,
    Camembert,
    Electra,
    Albert,
    DebertaV2
};

// DeBERTa-v2/v3's disentangled attention and the rest of its configuration.
struct DebertaSettings {
    bool relativeAttention = true;
    int maxRelativePositions = -1;  // < 1: max_position_embeddings
    int positionBuckets = 256;      // <= 0: no log buckets
    bool contentToPosition = true;  // "c2p" in pos_att_type
    bool positionToContent = true;  // "p2c"
    bool shareAttentionKey = true;
    bool normaliseRelativeEmbeddings = true;  // norm_rel_ebd "layer_norm"
    bool positionBiasedInput = false;         // absolute position embeddings added to the input
    int convKernelSize = 0;                   // the optional convolution after the first layer
    int convGroups = 1;
    std::string convActivation = "tanh";
    std::string poolerActivation = "gelu";
    double poolerDropout = 0;

    int maxRelative(int maxPositions) const {
        return maxRelativePositions < 1 ? maxPositions : maxRelativePositions;
    }
    // How many relative distances each side has an embedding for (att_span).
    int span(int maxPositions) const {
        return positionBuckets > 0 ? positionBuckets : maxRelative(maxPositions);
    }
};
enum class HeadType {
    Base,
    MaskedLM,
    SequenceClassification,
    TokenClassification,
    QuestionAnswering,
    MultipleChoice,
    ReplacedTokenDetection  // ELECTRA's discriminator (ElectraForPreTraining): logits [B, L]
};

// Sanity limits on sizes read from a config.json (see ModelConfig::fromJson): generous for any
// real encoder, small enough that a crafted file cannot demand terabytes.
constexpr int kMaxVocabSize = 4'000'000;
constexpr int kMaxHiddenSize = 32'768;
constexpr int kMaxLayers = 256;
constexpr int kMaxHeads = 1'024;
constexpr int kMaxIntermediateSize = 131'072;
constexpr int kMaxPositions = 1'048'576;
constexpr int kMaxTypeVocabSize = 1'024;
constexpr int kMaxLabels = 100'000;

// Everything we read from a Hugging Face config.json. Keys we do not interpret are kept in
// `extra` and written back unchanged, so nothing is lost on a round trip.
struct ModelConfig {
    ModelFamily family = ModelFamily::DistilBert;
    HeadType head = HeadType::SequenceClassification;

    int vocabSize = 30522;
    int hiddenSize = 768;
    int numLayers = 6;
    int numHeads = 12;
    int intermediateSize = 3072;
    int maxPositions = 512;
    int typeVocabSize = 0;  // BERT 2, RoBERTa 1; DistilBERT has no token types
    // ELECTRA and ALBERT embed tokens in embedding_size and project to hidden_size; 0 = hidden.
    int embeddingSize = 0;
    // ALBERT: the layer groups whose weights the num_hidden_layers layers share.
    int numHiddenGroups = 1;
    int innerGroupNum = 1;
    DebertaSettings deberta;
    int padTokenId = 0;
    std::string activation = "gelu";  // gelu | gelu_new | relu
    bool sinusoidalPositions = false;
    double dropout = 0.1;
    double attentionDropout = 0.1;
    double classifierDropout = 0.2;  // DistilBERT seq_classif_dropout / BERT classifier_dropout
    double qaDropout = 0.1;
    double layerNormEps = 1e-12;
    double initializerRange = 0.02;
    bool tieWordEmbeddings = true;
    std::vector<std::string> labels;  // id2label in id order
    // "", regression, single_label_classification, multi_label_classification
    std::string problemType;
    // Temperature scaling fitted by calibration (single-label classification): probabilities
    // are softmax(logits / temperature). Stored as "distilbench_temperature", which our loader
    // applies and transformers ignores; 1 = none.
    double temperature = 1.0;
    static constexpr const char* kTemperatureKey = "distilbench_temperature";
    QJsonObject extra;

    // Throws distilbench::Error naming `source` for unknown model types or invalid values.
    static ModelConfig fromJson(const QJsonObject& json, const std::string& source = "config.json");
    static ModelConfig load(const std::string& path);
    // The config.json of a model argument: a folder, a weights file in one, or a Hub id in the
    // shared cache (HubCache::localPath), as Model::load opens them.
    static ModelConfig ofModel(const std::string& folderFileOrId);
    QJsonObject toJson() const;

    static ModelConfig preset(const std::string& name,
                              HeadType head = HeadType::SequenceClassification);
    static std::vector<std::string> presetNames();

    std::string modelType() const;
    // "distilbert", "bert", "roberta" (also XLM-R and CamemBERT), "electra", "albert": the prefix
    // of base-model parameters inside a head model.
    std::string basePrefix() const;
    // Family traits the model, the tokenizer and the exporters ask for.
    bool isRobertaLike() const {
        return family == ModelFamily::Roberta || family == ModelFamily::XlmRoberta ||
               family == ModelFamily::Camembert;
    }
    // BERT's layer names and computation (encoder.layer.N.attention.self.query, …).
    bool hasBertLayers() const {
        return family == ModelFamily::Bert || family == ModelFamily::Electra || isRobertaLike();
    }
    bool hasTokenTypes() const { return family != ModelFamily::DistilBert && typeVocabSize > 0; }
    int embeddingWidth() const { return embeddingSize > 0 ? embeddingSize : hiddenSize; }
    std::string architecture() const;
    int numLabels() const { return static_cast<int>(labels.size()); }
    int headDim() const { return hiddenSize / numHeads; }
    void setNumLabels(int n);
    // Parameters this configuration creates (tied weights counted once), without building it.
    std::int64_t parameterCount() const;
    // Multiply-adds per token of the encoder's linear layers: what layer count and widths cost.
    double encoderFlopsPerToken() const;
    std::string effectiveProblemType()
        const;  // resolves "" like transformers does (integer labels)

    static std::string headName(HeadType head);
};

}  // namespace distilbench
