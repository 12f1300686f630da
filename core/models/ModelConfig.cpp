#include "core/models/ModelConfig.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>
#include <cmath>
#include <filesystem>
#include <map>

#include "core/hub/HubCache.h"
#include "core/runtime/Error.h"
#include "core/util/JsonFile.h"

namespace distilbench {

namespace {

struct ArchInfo {
    const char* name;
    ModelFamily family;
    HeadType head;
};

constexpr ArchInfo kArchitectures[] = {
    {"DistilBertModel", ModelFamily::DistilBert, HeadType::Base},
    {"DistilBertForMaskedLM", ModelFamily::DistilBert, HeadType::MaskedLM},
    {"DistilBertForSequenceClassification", ModelFamily::DistilBert,
     HeadType::SequenceClassification},
    {"DistilBertForTokenClassification", ModelFamily::DistilBert, HeadType::TokenClassification},
    {"DistilBertForQuestionAnswering", ModelFamily::DistilBert, HeadType::QuestionAnswering},
    {"DistilBertForMultipleChoice", ModelFamily::DistilBert, HeadType::MultipleChoice},
    {"BertModel", ModelFamily::Bert, HeadType::Base},
    {"BertForMaskedLM", ModelFamily::Bert, HeadType::MaskedLM},
    {"BertForPreTraining", ModelFamily::Bert, HeadType::MaskedLM},
    {"BertForSequenceClassification", ModelFamily::Bert, HeadType::SequenceClassification},
    {"BertForTokenClassification", ModelFamily::Bert, HeadType::TokenClassification},
    {"BertForQuestionAnswering", ModelFamily::Bert, HeadType::QuestionAnswering},
    {"BertForMultipleChoice", ModelFamily::Bert, HeadType::MultipleChoice},
};

// The families whose classes follow one pattern: <Prefix>Model, <Prefix>ForMaskedLM, …
struct FamilyInfo {
    ModelFamily family;
    const char* modelType;
    const char* classPrefix;
    const char* basePrefix;
};
constexpr FamilyInfo kFamilies[] = {
    {ModelFamily::DistilBert, "distilbert", "DistilBert", "distilbert"},
    {ModelFamily::Bert, "bert", "Bert", "bert"},
    {ModelFamily::Roberta, "roberta", "Roberta", "roberta"},
    {ModelFamily::XlmRoberta, "xlm-roberta", "XLMRoberta", "roberta"},
    {ModelFamily::Camembert, "camembert", "Camembert", "roberta"},
    {ModelFamily::Electra, "electra", "Electra", "electra"},
    {ModelFamily::Albert, "albert", "Albert", "albert"},
    {ModelFamily::DebertaV2, "deberta-v2", "DebertaV2", "deberta"},
};

const FamilyInfo& familyInfo(ModelFamily f) {
    for (const auto& i : kFamilies)
        if (i.family == f) return i;
    return kFamilies[0];
}

// The head of an architecture name of a family ("RobertaForMaskedLM" -> MaskedLM); false when
// the name is not one of the family's classes we compute.
bool headOfArchitecture(const std::string& arch, ModelFamily family, HeadType* head) {
    for (const auto& a : kArchitectures)
        if (arch == a.name && a.family == family) {
            *head = a.head;
            return true;
        }
    if (family == ModelFamily::DistilBert || family == ModelFamily::Bert) return false;
    const std::string prefix = familyInfo(family).classPrefix;
    if (arch.rfind(prefix, 0) != 0) return false;
    const std::string rest = arch.substr(prefix.size());
    if (family == ModelFamily::Electra && rest == "ForPreTraining") {
        *head = HeadType::ReplacedTokenDetection;
        return true;
    }
    for (HeadType h :
         {HeadType::Base, HeadType::MaskedLM, HeadType::SequenceClassification,
          HeadType::TokenClassification, HeadType::QuestionAnswering, HeadType::MultipleChoice}) {
        // ELECTRA's multiple choice head is a SequenceSummary we do not compute.
        if (h == HeadType::MultipleChoice && family == ModelFamily::Electra) continue;
        if (rest == ModelConfig::headName(h)) {
            *head = h;
            return true;
        }
    }
    return false;
}

// Keys this struct owns; everything else goes to `extra`.
const char* const kKnownKeys[] = {"model_type",
                                  "architectures",
                                  "vocab_size",
                                  "dim",
                                  "hidden_size",
                                  "n_layers",
                                  "num_hidden_layers",
                                  "n_heads",
                                  "num_attention_heads",
                                  "hidden_dim",
                                  "intermediate_size",
                                  "max_position_embeddings",
                                  "type_vocab_size",
                                  "pad_token_id",
                                  "activation",
                                  "hidden_act",
                                  "sinusoidal_pos_embds",
                                  "dropout",
                                  "hidden_dropout_prob",
                                  "attention_dropout",
                                  "attention_probs_dropout_prob",
                                  "seq_classif_dropout",
                                  "classifier_dropout",
                                  "qa_dropout",
                                  "layer_norm_eps",
                                  "initializer_range",
                                  "tie_word_embeddings",
                                  "id2label",
                                  "label2id",
                                  "problem_type",
                                  "distilbench_temperature",
                                  "num_labels",
                                  "embedding_size",
                                  "num_hidden_groups",
                                  "inner_group_num",
                                  "classifier_dropout_prob",
                                  "relative_attention",
                                  "max_relative_positions",
                                  "position_buckets",
                                  "pos_att_type",
                                  "share_att_key",
                                  "norm_rel_ebd",
                                  "position_biased_input",
                                  "conv_kernel_size",
                                  "conv_groups",
                                  "conv_act",
                                  "pooler_hidden_size",
                                  "pooler_hidden_act",
                                  "pooler_dropout",
                                  "cls_dropout"};

std::string typeName(const QJsonValue& v) {
    switch (v.type()) {
        case QJsonValue::String:
            return "a string";
        case QJsonValue::Bool:
            return "true/false";
        case QJsonValue::Array:
            return "a list";
        case QJsonValue::Object:
            return "an object";
        case QJsonValue::Null:
            return "null";
        default:
            return "a number";
    }
}

// A value of the wrong type names the key and what was expected: "dim": "64" must not
// silently become 768. null counts as absent, as in transformers.
int getInt(const QJsonObject& o, const char* key, int fallback, const std::string& source) {
    const auto v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) return fallback;
    if (!v.isDouble())
        throw Error(source, std::string("\"") + key + "\" must be an integer, not " + typeName(v));
    const double d = v.toDouble();
    if (d != std::floor(d) || d < -2147483648.0 || d > 2147483647.0)
        throw Error(source, std::string("\"") + key + "\" must be an integer, not " +
                                QString::number(d, 'g', 17).toStdString());
    return static_cast<int>(d);
}
double getDouble(const QJsonObject& o, const char* key, double fallback,
                 const std::string& source) {
    const auto v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) return fallback;
    if (!v.isDouble())
        throw Error(source, std::string("\"") + key + "\" must be a number, not " + typeName(v));
    return v.toDouble();
}
bool getBool(const QJsonObject& o, const char* key, bool fallback, const std::string& source) {
    const auto v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) return fallback;
    if (!v.isBool())
        throw Error(source,
                    std::string("\"") + key + "\" must be true or false, not " + typeName(v));
    return v.toBool();
}
std::string getString(const QJsonObject& o, const char* key, const std::string& fallback,
                      const std::string& source) {
    const auto v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) return fallback;
    if (!v.isString())
        throw Error(source, std::string("\"") + key + "\" must be a string, not " + typeName(v));
    return v.toString().toStdString();
}

// Sanity limits for numbers read from config.json. The largest public encoders stay far below
// them (XLM-R: 250k tokens; BERT-large: 24 layers of 1024); a tiny crafted file must not ask
// for terabytes or hours before anything else is checked.
void checkRange(const std::string& source, const char* key, std::int64_t value, std::int64_t lo,
                std::int64_t hi) {
    if (value < lo || value > hi)
        throw Error(source, std::string("\"") + key + "\" is " + std::to_string(value) +
                                "; it must be between " + std::to_string(lo) + " and " +
                                std::to_string(hi));
}

}  // namespace

std::string ModelConfig::headName(HeadType head) {
    switch (head) {
        case HeadType::Base:
            return "Model";
        case HeadType::MaskedLM:
            return "ForMaskedLM";
        case HeadType::SequenceClassification:
            return "ForSequenceClassification";
        case HeadType::TokenClassification:
            return "ForTokenClassification";
        case HeadType::QuestionAnswering:
            return "ForQuestionAnswering";
        case HeadType::MultipleChoice:
            return "ForMultipleChoice";
        case HeadType::ReplacedTokenDetection:
            return "ForPreTraining";
    }
    return "Model";
}

std::string ModelConfig::modelType() const {
    return familyInfo(family).modelType;
}

std::string ModelConfig::basePrefix() const {
    return familyInfo(family).basePrefix;
}

std::string ModelConfig::architecture() const {
    return std::string(familyInfo(family).classPrefix) + headName(head);
}

std::int64_t ModelConfig::parameterCount() const {
    const std::int64_t D = hiddenSize, F = intermediateSize, V = vocabSize, E = embeddingWidth(),
                       N = std::max(1, numLabels());
    const bool distil = family == ModelFamily::DistilBert;
    const bool albert = family == ModelFamily::Albert;
    const bool deberta = family == ModelFamily::DebertaV2;
    const bool positions = !deberta || this->deberta.positionBiasedInput;
    std::int64_t n = V * E + (positions ? std::int64_t(maxPositions) * E : 0) +
                     (hasTokenTypes() ? std::int64_t(typeVocabSize) * E : 0) +
                     2 * (deberta ? D : E);
    if (family == ModelFamily::Electra && E != D) n += E * D + D;
    if (deberta && E != D) n += E * D;  // embed_proj has no bias
    std::int64_t layer = 4 * (D * D + D) + 2 * D + (D * F + F) + (F * D + D) + 2 * D;
    if (deberta) {
        const DebertaSettings& d = this->deberta;
        if (d.relativeAttention && !d.shareAttentionKey)
            layer += (d.contentToPosition ? D * D + D : 0) + (d.positionToContent ? D * D + D : 0);
        if (d.relativeAttention) n += 2 * std::int64_t(d.span(maxPositions)) * D;
        if (d.relativeAttention && d.normaliseRelativeEmbeddings) n += 2 * D;
        if (d.convKernelSize > 0) n += D * (D / d.convGroups) * d.convKernelSize + D + 2 * D;
    }
    if (albert)
        n += E * D + D + std::int64_t(numHiddenGroups) * innerGroupNum * layer;
    else
        n += std::int64_t(numLayers) * layer;
    const bool pooler =
        (family == ModelFamily::Bert &&
         (head == HeadType::Base || head == HeadType::SequenceClassification ||
          head == HeadType::MultipleChoice)) ||
        (isRobertaLike() && (head == HeadType::Base || head == HeadType::MultipleChoice)) ||
        (albert && (head == HeadType::Base || head == HeadType::SequenceClassification ||
                    head == HeadType::MultipleChoice)) ||
        (deberta && (head == HeadType::SequenceClassification || head == HeadType::MultipleChoice));
    if (pooler) n += D * D + D;
    // RoBERTa's and ELECTRA's classification heads: dense then out_proj on the first token.
    const bool denseHead = isRobertaLike() || family == ModelFamily::Electra;
    switch (head) {
        case HeadType::Base:
            break;
        case HeadType::MaskedLM:  // transform to the embedding width, norm, bias, decoder
            n += D * E + E + 2 * E + V + (tieWordEmbeddings ? 0 : V * E);
            break;
        case HeadType::SequenceClassification:
            n += (distil || denseHead ? D * D + D : 0) + N * D + N;
            break;
        case HeadType::TokenClassification:
            n += N * D + N;
            break;
        case HeadType::QuestionAnswering:
            n += 2 * D + 2;
            break;
        case HeadType::MultipleChoice:
            n += (distil ? D * D + D : 0) + D + 1;
            break;
        case HeadType::ReplacedTokenDetection:
            n += D * D + D + D + 1;
            break;
    }
    return n;
}

double ModelConfig::encoderFlopsPerToken() const {
    const double D = hiddenSize, F = intermediateSize;
    return numLayers * (4 * D * D + 2 * D * F);
}

void ModelConfig::setNumLabels(int n) {
    labels.clear();
    for (int i = 0; i < n; ++i) labels.push_back("LABEL_" + std::to_string(i));
}

std::string ModelConfig::effectiveProblemType() const {
    if (!problemType.empty()) return problemType;
    return numLabels() == 1 ? "regression" : "single_label_classification";
}

ModelConfig ModelConfig::fromJson(const QJsonObject& json, const std::string& source) {
    ModelConfig c;
    const std::string type = json.value("model_type").toString().toStdString();
    bool knownType = false;
    std::string supported;
    for (const auto& f : kFamilies) {
        supported += std::string(supported.empty() ? "" : ", ") + f.modelType;
        if (type == f.modelType) {
            c.family = f.family;
            knownType = true;
        }
    }
    if (type.empty()) throw Error(source, "has no model_type");
    if (!knownType)
        throw Error(source, "unknown model_type '" + type + "' (supported: " + supported + ")");

    c.head = HeadType::Base;
    const QJsonArray archs = json.value("architectures").toArray();
    if (!archs.isEmpty()) {
        const std::string arch = archs.first().toString().toStdString();
        if (!headOfArchitecture(arch, c.family, &c.head)) {
            for (const auto& f : kFamilies)
                if (f.family != c.family && headOfArchitecture(arch, f.family, &c.head))
                    throw Error(source,
                                "architecture " + arch + " does not match model_type " + type);
            throw Error(source, "unsupported architecture '" + arch + "'");
        }
    }

    const bool distil = c.family == ModelFamily::DistilBert;
    const bool bert = !distil;  // every other family uses BERT's key names
    const bool albert = c.family == ModelFamily::Albert;
    c.vocabSize = getInt(json, "vocab_size", 30522, source);
    c.hiddenSize = getInt(json, bert ? "hidden_size" : "dim", 768, source);
    c.numLayers = getInt(json, bert ? "num_hidden_layers" : "n_layers", bert ? 12 : 6, source);
    c.numHeads = getInt(json, bert ? "num_attention_heads" : "n_heads", 12, source);
    c.intermediateSize = getInt(json, bert ? "intermediate_size" : "hidden_dim", 3072, source);
    c.maxPositions = getInt(json, "max_position_embeddings", 512, source);
    const bool deberta = c.family == ModelFamily::DebertaV2;
    c.typeVocabSize = bert ? getInt(json, "type_vocab_size", deberta ? 0 : 2, source) : 0;
    c.padTokenId = getInt(json, "pad_token_id", c.isRobertaLike() ? 1 : 0, source);
    c.activation = getString(json, bert ? "hidden_act" : "activation", "gelu", source);
    c.sinusoidalPositions = !bert && getBool(json, "sinusoidal_pos_embds", false, source);
    c.dropout = getDouble(json, bert ? "hidden_dropout_prob" : "dropout", 0.1, source);
    c.attentionDropout =
        getDouble(json, bert ? "attention_probs_dropout_prob" : "attention_dropout", 0.1, source);
    c.classifierDropout = albert ? getDouble(json, "classifier_dropout_prob", 0.1, source)
                          : bert ? getDouble(json, "classifier_dropout", c.dropout, source)
                                 : getDouble(json, "seq_classif_dropout", 0.2, source);
    c.qaDropout = albert ? c.dropout
                  : bert ? getDouble(json, "classifier_dropout", c.dropout, source)
                         : getDouble(json, "qa_dropout", 0.1, source);
    c.layerNormEps = getDouble(json, "layer_norm_eps", 1e-12, source);
    c.initializerRange = getDouble(json, "initializer_range", 0.02, source);
    c.tieWordEmbeddings = getBool(json, "tie_word_embeddings", true, source);
    c.problemType = getString(json, "problem_type", "", source);
    c.temperature = getDouble(json, kTemperatureKey, 1.0, source);
    if (!(c.temperature > 0) || !std::isfinite(c.temperature) || c.temperature > 1e6)
        throw Error(source, std::string("\"") + kTemperatureKey + "\" must be a positive number");
    if (deberta) {
        DebertaSettings& d = c.deberta;
        d.relativeAttention = getBool(json, "relative_attention", false, source);
        d.maxRelativePositions = getInt(json, "max_relative_positions", -1, source);
        d.positionBuckets = getInt(json, "position_buckets", -1, source);
        // A list (["p2c", "c2p"]) or, in older configs, "p2c|c2p".
        QStringList types;
        const QJsonValue pat = json.value("pos_att_type");
        if (pat.isArray())
            for (const auto& v : pat.toArray()) types << v.toString().trimmed().toLower();
        else if (pat.isString())
            for (const QString& t : pat.toString().split('|')) types << t.trimmed().toLower();
        d.contentToPosition = types.contains("c2p");
        d.positionToContent = types.contains("p2c");
        d.shareAttentionKey = getBool(json, "share_att_key", false, source);
        d.normaliseRelativeEmbeddings =
            QString::fromStdString(getString(json, "norm_rel_ebd", "none", source))
                .toLower()
                .split('|')
                .contains("layer_norm");
        d.positionBiasedInput = getBool(json, "position_biased_input", true, source);
        d.convKernelSize = getInt(json, "conv_kernel_size", 0, source);
        d.convGroups = getInt(json, "conv_groups", 1, source);
        d.convActivation = getString(json, "conv_act", "tanh", source);
        d.poolerActivation = getString(json, "pooler_hidden_act", "gelu", source);
        d.poolerDropout = getDouble(json, "pooler_dropout", 0, source);
        c.embeddingSize = getInt(json, "embedding_size", c.hiddenSize, source);
        checkRange(source, "embedding_size", c.embeddingSize, 1, kMaxHiddenSize);
        checkRange(source, "max_relative_positions", d.maxRelativePositions, -1, kMaxPositions);
        checkRange(source, "position_buckets", d.positionBuckets, -1, kMaxPositions);
        checkRange(source, "conv_kernel_size", d.convKernelSize, 0, 64);
        // A head size other than hidden/heads changes every projection's shape: refused.
        if (getInt(json, "attention_head_size", c.hiddenSize / std::max(1, c.numHeads), source) !=
            c.hiddenSize / std::max(1, c.numHeads))
            throw Error(source,
                        "attention_head_size other than hidden_size / "
                        "num_attention_heads is not supported");
        if (getInt(json, "pooler_hidden_size", c.hiddenSize, source) != c.hiddenSize)
            throw Error(source, "pooler_hidden_size must equal hidden_size");
        for (const std::string& a : {d.convActivation, d.poolerActivation})
            if (a != "gelu" && a != "relu" && a != "gelu_new" && a != "tanh")
                throw Error(source, "unsupported activation '" + a + "'");
        if (d.positionBuckets > 0 && d.positionBuckets < 2)
            throw Error(source, "position_buckets must be at least 2");
    }
    if (c.family == ModelFamily::Electra || albert) {
        c.embeddingSize = getInt(json, "embedding_size", albert ? 128 : c.hiddenSize, source);
        checkRange(source, "embedding_size", c.embeddingSize, 1, kMaxHiddenSize);
    }
    if (albert) {
        c.numHiddenGroups = getInt(json, "num_hidden_groups", 1, source);
        c.innerGroupNum = getInt(json, "inner_group_num", 1, source);
        checkRange(source, "inner_group_num", c.innerGroupNum, 1, kMaxLayers);
    }
    // Relative position embeddings (BERT's relative_key variants) compute something else: refuse
    // them rather than answer with absolute positions.
    const std::string positions = getString(json, "position_embedding_type", "absolute", source);
    if (positions != "absolute")
        throw Error(source, "position_embedding_type '" + positions +
                                "' is not supported (only \"absolute\")");

    const QJsonObject id2label = json.value("id2label").toObject();
    if (!id2label.isEmpty()) {
        std::map<int, std::string> byId;
        for (auto it = id2label.begin(); it != id2label.end(); ++it) {
            bool ok = false;
            const int id = it.key().toInt(&ok);
            if (!ok || id < 0 || id >= kMaxLabels)
                throw Error(source, "id2label has a key '" + it.key().toStdString() +
                                        "' that is not an id between 0 and " +
                                        std::to_string(kMaxLabels - 1));
            if (!it.value().isString())
                throw Error(source, "id2label[" + it.key().toStdString() +
                                        "] must be a string, not " + typeName(it.value()));
            byId[id] = it.value().toString().toStdString();
        }
        const int n = byId.rbegin()->first + 1;
        if (static_cast<int>(byId.size()) != n) throw Error(source, "id2label ids are not 0..n-1");
        for (auto& [id, name] : byId) c.labels.push_back(name);
    } else {
        const int n = getInt(json, "num_labels", 2, source);
        checkRange(source, "num_labels", n, 1, kMaxLabels);
        c.setNumLabels(n);
    }

    checkRange(source, "vocab_size", c.vocabSize, 1, kMaxVocabSize);
    checkRange(source, bert ? "hidden_size" : "dim", c.hiddenSize, 1, kMaxHiddenSize);
    checkRange(source, bert ? "num_hidden_layers" : "n_layers", c.numLayers, 1, kMaxLayers);
    checkRange(source, bert ? "num_attention_heads" : "n_heads", c.numHeads, 1, kMaxHeads);
    checkRange(source, bert ? "intermediate_size" : "hidden_dim", c.intermediateSize, 1,
               kMaxIntermediateSize);
    checkRange(source, "max_position_embeddings", c.maxPositions, 1, kMaxPositions);
    if (bert)
        checkRange(source, "type_vocab_size", c.typeVocabSize, deberta ? 0 : 1, kMaxTypeVocabSize);
    if (deberta && c.deberta.convKernelSize > 0 &&
        (c.deberta.convGroups < 1 || c.hiddenSize % c.deberta.convGroups != 0))
        throw Error(source, "conv_groups must divide hidden_size");
    if (albert) {
        checkRange(source, "num_hidden_groups", c.numHiddenGroups, 1, c.numLayers);
        if (c.numLayers % c.numHiddenGroups != 0)
            throw Error(source, "num_hidden_layers " + std::to_string(c.numLayers) +
                                    " is not a multiple of num_hidden_groups " +
                                    std::to_string(c.numHiddenGroups));
    }
    // RoBERTa numbers positions from pad_token_id + 1: the table needs room for them.
    if (c.isRobertaLike() && c.maxPositions <= c.padTokenId + 1)
        throw Error(source, "max_position_embeddings " + std::to_string(c.maxPositions) +
                                " leaves no positions after pad_token_id " +
                                std::to_string(c.padTokenId));
    for (const auto& [key, value] : {std::pair{"dropout", c.dropout},
                                     {"attention dropout", c.attentionDropout},
                                     {"classifier dropout", c.classifierDropout},
                                     {"qa dropout", c.qaDropout}})
        if (!(value >= 0 && value < 1))
            throw Error(source, std::string(key) + " must be in [0, 1), not " +
                                    QString::number(value).toStdString());
    if (!(c.layerNormEps > 0 && c.layerNormEps < 1))
        throw Error(source, "\"layer_norm_eps\" must be in (0, 1)");
    if (c.hiddenSize % c.numHeads != 0)
        throw Error(source, "hidden size " + std::to_string(c.hiddenSize) +
                                " is not divisible by the number of heads " +
                                std::to_string(c.numHeads));
    if (c.activation != "gelu" && c.activation != "relu" && c.activation != "gelu_new")
        throw Error(source, "unsupported activation '" + c.activation + "'");
    if (c.padTokenId < 0 || c.padTokenId >= c.vocabSize) c.padTokenId = 0;

    for (auto it = json.begin(); it != json.end(); ++it) {
        bool known = false;
        for (const char* k : kKnownKeys) known = known || it.key() == QLatin1String(k);
        if (!known) c.extra.insert(it.key(), it.value());
    }
    return c;
}

ModelConfig ModelConfig::load(const std::string& path) {
    if (!QFile::exists(QString::fromStdString(path)))
        throw Error(path, "missing: a model folder needs a config.json");
    return fromJson(readJsonObject(path), path);
}

ModelConfig ModelConfig::ofModel(const std::string& folderFileOrId) {
    const std::filesystem::path p = HubCache::localPath(folderFileOrId);
    std::error_code ec;
    const std::filesystem::path folder =
        std::filesystem::is_regular_file(p, ec) ? p.parent_path() : p;
    return load((folder / "config.json").string());
}

QJsonObject ModelConfig::toJson() const {
    QJsonObject o = extra;
    const bool bert = family != ModelFamily::DistilBert;
    o["model_type"] = QString::fromStdString(modelType());
    o["architectures"] = QJsonArray{QString::fromStdString(architecture())};
    o["vocab_size"] = vocabSize;
    o[bert ? "hidden_size" : "dim"] = hiddenSize;
    o[bert ? "num_hidden_layers" : "n_layers"] = numLayers;
    o[bert ? "num_attention_heads" : "n_heads"] = numHeads;
    o[bert ? "intermediate_size" : "hidden_dim"] = intermediateSize;
    o["max_position_embeddings"] = maxPositions;
    o["pad_token_id"] = padTokenId;
    o[bert ? "hidden_act" : "activation"] = QString::fromStdString(activation);
    o[bert ? "hidden_dropout_prob" : "dropout"] = dropout;
    o[bert ? "attention_probs_dropout_prob" : "attention_dropout"] = attentionDropout;
    o["layer_norm_eps"] = layerNormEps;
    o["initializer_range"] = initializerRange;
    if (family == ModelFamily::Albert) {
        o["type_vocab_size"] = typeVocabSize;
        o["classifier_dropout_prob"] = classifierDropout;
    } else if (bert) {
        o["type_vocab_size"] = typeVocabSize;
        if (classifierDropout != dropout) o["classifier_dropout"] = classifierDropout;
    } else {
        o["sinusoidal_pos_embds"] = sinusoidalPositions;
        o["seq_classif_dropout"] = classifierDropout;
        o["qa_dropout"] = qaDropout;
    }
    if (family == ModelFamily::DebertaV2) {
        const DebertaSettings& d = deberta;
        o.remove("classifier_dropout");
        o["cls_dropout"] = classifierDropout;
        o["relative_attention"] = d.relativeAttention;
        o["max_relative_positions"] = d.maxRelativePositions;
        o["position_buckets"] = d.positionBuckets;
        QJsonArray types;
        if (d.positionToContent) types.append("p2c");
        if (d.contentToPosition) types.append("c2p");
        o["pos_att_type"] = types;
        o["share_att_key"] = d.shareAttentionKey;
        o["norm_rel_ebd"] = d.normaliseRelativeEmbeddings ? "layer_norm" : "none";
        o["position_biased_input"] = d.positionBiasedInput;
        if (d.convKernelSize > 0) {
            o["conv_kernel_size"] = d.convKernelSize;
            o["conv_groups"] = d.convGroups;
            o["conv_act"] = QString::fromStdString(d.convActivation);
        }
        o["pooler_hidden_size"] = hiddenSize;
        o["pooler_hidden_act"] = QString::fromStdString(d.poolerActivation);
        o["pooler_dropout"] = d.poolerDropout;
        if (embeddingWidth() != hiddenSize) o["embedding_size"] = embeddingWidth();
    }
    if (family == ModelFamily::Electra || family == ModelFamily::Albert)
        o["embedding_size"] = embeddingWidth();
    if (family == ModelFamily::Albert) {
        o["num_hidden_groups"] = numHiddenGroups;
        o["inner_group_num"] = innerGroupNum;
    }
    if (!tieWordEmbeddings) o["tie_word_embeddings"] = false;
    QJsonObject id2label, label2id;
    for (int i = 0; i < numLabels(); ++i) {
        id2label[QString::number(i)] = QString::fromStdString(labels[i]);
        label2id[QString::fromStdString(labels[i])] = i;
    }
    o["id2label"] = id2label;
    o["label2id"] = label2id;
    if (!problemType.empty()) o["problem_type"] = QString::fromStdString(problemType);
    if (temperature != 1.0) o[kTemperatureKey] = temperature;
    return o;
}

std::vector<std::string> ModelConfig::presetNames() {
    return {"distilbert-base-uncased",
            "bert-base-uncased",
            "distilbert-small",
            "distilbert-tiny",
            "bert-small",
            "roberta-base",
            "distilroberta-base",
            "xlm-roberta-base",
            "electra-small",
            "electra-base",
            "albert-base-v2",
            "roberta-tiny",
            "electra-tiny",
            "albert-tiny",
            "deberta-v3-base",
            "deberta-v3-small",
            "deberta-v3-xsmall",
            "deberta-v3-tiny"};
}

ModelConfig ModelConfig::preset(const std::string& name, HeadType head) {
    ModelConfig c;
    c.head = head;
    c.setNumLabels(2);
    if (name == "distilbert-base-uncased") return c;
    if (name == "bert-base-uncased") {
        c.family = ModelFamily::Bert;
        c.numLayers = 12;
        c.typeVocabSize = 2;
        c.classifierDropout = c.qaDropout = 0.1;
        return c;
    }
    if (name == "distilbert-small") {  // ~4 layers of 256: fast experiments on a laptop CPU
        c.hiddenSize = 256;
        c.numLayers = 4;
        c.numHeads = 4;
        c.intermediateSize = 1024;
        return c;
    }
    if (name == "distilbert-tiny") {
        c.hiddenSize = 128;
        c.numLayers = 2;
        c.numHeads = 2;
        c.intermediateSize = 512;
        return c;
    }
    if (name == "bert-small") {
        c.family = ModelFamily::Bert;
        c.hiddenSize = 256;
        c.numLayers = 4;
        c.numHeads = 4;
        c.intermediateSize = 1024;
        c.typeVocabSize = 2;
        c.classifierDropout = c.qaDropout = 0.1;
        return c;
    }
    // The other families' published shapes (their config.json on the Hub).
    auto roberta = [&](ModelFamily family, int vocab, int layers) {
        c.family = family;
        c.vocabSize = vocab;
        c.numLayers = layers;
        c.maxPositions = 514;  // 512 positions after pad_token_id + 1
        c.padTokenId = 1;
        c.typeVocabSize = 1;
        c.layerNormEps = 1e-5;
        c.classifierDropout = c.qaDropout = 0.1;
        return c;
    };
    if (name == "roberta-base") return roberta(ModelFamily::Roberta, 50265, 12);
    if (name == "distilroberta-base") return roberta(ModelFamily::Roberta, 50265, 6);
    if (name == "xlm-roberta-base") return roberta(ModelFamily::XlmRoberta, 250002, 12);
    if (name == "roberta-tiny") {
        roberta(ModelFamily::Roberta, 50265, 2);
        c.hiddenSize = 128;
        c.numHeads = 2;
        c.intermediateSize = 512;
        return c;
    }
    auto electra = [&](int embedding, int hidden, int heads, int ffn, int layers) {
        c.family = ModelFamily::Electra;
        c.typeVocabSize = 2;
        c.embeddingSize = embedding;
        c.hiddenSize = hidden;
        c.numHeads = heads;
        c.intermediateSize = ffn;
        c.numLayers = layers;
        c.classifierDropout = c.qaDropout = 0.1;
        return c;
    };
    if (name == "electra-small") return electra(128, 256, 4, 1024, 12);
    if (name == "electra-base") return electra(768, 768, 12, 3072, 12);
    if (name == "electra-tiny") return electra(64, 128, 2, 512, 2);
    auto albert = [&](int hidden, int heads, int ffn, int layers) {
        c.family = ModelFamily::Albert;
        c.vocabSize = 30000;
        c.typeVocabSize = 2;
        c.embeddingSize = 128;
        c.hiddenSize = hidden;
        c.numHeads = heads;
        c.intermediateSize = ffn;
        c.numLayers = layers;
        c.activation = "gelu_new";
        c.dropout = c.attentionDropout = 0;
        c.classifierDropout = 0.1;
        c.qaDropout = 0;
        return c;
    };
    if (name == "albert-base-v2") return albert(768, 12, 3072, 12);
    auto debertaV3 = [&](int hidden, int heads, int ffn, int layers) {
        c.family = ModelFamily::DebertaV2;
        c.vocabSize = 128100;
        c.typeVocabSize = 0;
        c.hiddenSize = hidden;
        c.numHeads = heads;
        c.intermediateSize = ffn;
        c.numLayers = layers;
        c.layerNormEps = 1e-7;
        c.classifierDropout = c.qaDropout = 0.1;
        c.deberta = DebertaSettings{};  // v3: relative attention, 256 buckets, shared keys
        return c;
    };
    if (name == "deberta-v3-base") return debertaV3(768, 12, 3072, 12);
    if (name == "deberta-v3-small") return debertaV3(768, 12, 3072, 6);
    if (name == "deberta-v3-xsmall") return debertaV3(384, 6, 1536, 12);
    if (name == "deberta-v3-tiny") return debertaV3(128, 2, 512, 2);
    if (name == "albert-tiny") return albert(128, 2, 512, 2);
    std::string names;
    for (const auto& n : presetNames()) names += " " + n;
    throw Error("unknown preset '" + name + "' (available:" + names + ")");
}

}  // namespace distilbench
