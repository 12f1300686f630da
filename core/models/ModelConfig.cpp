#include "core/models/ModelConfig.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>
#include <map>

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
};

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
                                  "num_labels"};

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
    }
    return "Model";
}

std::string ModelConfig::architecture() const {
    return std::string(family == ModelFamily::Bert ? "Bert" : "DistilBert") + headName(head);
}

std::int64_t ModelConfig::parameterCount() const {
    const std::int64_t D = hiddenSize, F = intermediateSize, V = vocabSize,
                       N = std::max(1, numLabels());
    const bool bert = family == ModelFamily::Bert;
    std::int64_t n = V * D + std::int64_t(maxPositions) * D +
                     (bert ? std::int64_t(typeVocabSize) * D : 0) + 2 * D;
    n += std::int64_t(numLayers) * (4 * (D * D + D) + 2 * D + (D * F + F) + (F * D + D) + 2 * D);
    if (bert && (head == HeadType::Base || head == HeadType::SequenceClassification ||
                 head == HeadType::MultipleChoice))
        n += D * D + D;
    switch (head) {
        case HeadType::Base:
            break;
        case HeadType::MaskedLM:
            n += D * D + D + 2 * D + V + (tieWordEmbeddings ? 0 : V * D);
            break;
        case HeadType::SequenceClassification:
            n += (bert ? 0 : D * D + D) + N * D + N;
            break;
        case HeadType::TokenClassification:
            n += N * D + N;
            break;
        case HeadType::QuestionAnswering:
            n += 2 * D + 2;
            break;
        case HeadType::MultipleChoice:
            n += (bert ? 0 : D * D + D) + D + 1;
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
    if (type == "distilbert")
        c.family = ModelFamily::DistilBert;
    else if (type == "bert")
        c.family = ModelFamily::Bert;
    else if (type.empty())
        throw Error(source, "has no model_type");
    else
        throw Error(source, "unknown model_type '" + type + "' (supported: distilbert, bert)");

    c.head = HeadType::Base;
    const QJsonArray archs = json.value("architectures").toArray();
    if (!archs.isEmpty()) {
        const std::string arch = archs.first().toString().toStdString();
        bool found = false;
        for (const auto& a : kArchitectures) {
            if (arch == a.name) {
                if (a.family != c.family)
                    throw Error(source,
                                "architecture " + arch + " does not match model_type " + type);
                c.head = a.head;
                found = true;
            }
        }
        if (!found) throw Error(source, "unsupported architecture '" + arch + "'");
    }

    const bool bert = c.family == ModelFamily::Bert;
    c.vocabSize = getInt(json, "vocab_size", 30522, source);
    c.hiddenSize = getInt(json, bert ? "hidden_size" : "dim", 768, source);
    c.numLayers = getInt(json, bert ? "num_hidden_layers" : "n_layers", bert ? 12 : 6, source);
    c.numHeads = getInt(json, bert ? "num_attention_heads" : "n_heads", 12, source);
    c.intermediateSize = getInt(json, bert ? "intermediate_size" : "hidden_dim", 3072, source);
    c.maxPositions = getInt(json, "max_position_embeddings", 512, source);
    c.typeVocabSize = bert ? getInt(json, "type_vocab_size", 2, source) : 0;
    c.padTokenId = getInt(json, "pad_token_id", 0, source);
    c.activation = getString(json, bert ? "hidden_act" : "activation", "gelu", source);
    c.sinusoidalPositions = !bert && getBool(json, "sinusoidal_pos_embds", false, source);
    c.dropout = getDouble(json, bert ? "hidden_dropout_prob" : "dropout", 0.1, source);
    c.attentionDropout =
        getDouble(json, bert ? "attention_probs_dropout_prob" : "attention_dropout", 0.1, source);
    c.classifierDropout = bert ? getDouble(json, "classifier_dropout", c.dropout, source)
                               : getDouble(json, "seq_classif_dropout", 0.2, source);
    c.qaDropout = bert ? getDouble(json, "classifier_dropout", c.dropout, source)
                       : getDouble(json, "qa_dropout", 0.1, source);
    c.layerNormEps = getDouble(json, "layer_norm_eps", 1e-12, source);
    c.initializerRange = getDouble(json, "initializer_range", 0.02, source);
    c.tieWordEmbeddings = getBool(json, "tie_word_embeddings", true, source);
    c.problemType = getString(json, "problem_type", "", source);

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
    if (bert) checkRange(source, "type_vocab_size", c.typeVocabSize, 1, kMaxTypeVocabSize);
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

QJsonObject ModelConfig::toJson() const {
    QJsonObject o = extra;
    const bool bert = family == ModelFamily::Bert;
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
    if (bert) {
        o["type_vocab_size"] = typeVocabSize;
        if (classifierDropout != dropout) o["classifier_dropout"] = classifierDropout;
    } else {
        o["sinusoidal_pos_embds"] = sinusoidalPositions;
        o["seq_classif_dropout"] = classifierDropout;
        o["qa_dropout"] = qaDropout;
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
    return o;
}

std::vector<std::string> ModelConfig::presetNames() {
    return {"distilbert-base-uncased", "bert-base-uncased", "distilbert-small", "distilbert-tiny",
            "bert-small"};
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
    std::string names;
    for (const auto& n : presetNames()) names += " " + n;
    throw Error("unknown preset '" + name + "' (available:" + names + ")");
}

}  // namespace distilbench
