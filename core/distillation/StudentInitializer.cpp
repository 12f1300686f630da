#include "core/distillation/StudentInitializer.h"

#include <ATen/ATen.h>

#include <QString>
#include <QStringList>
#include <cmath>
#include <map>

#include "core/models/EncoderModel.h"
#include "core/runtime/Error.h"
#include "core/tokenizers/Tokenizer.h"

namespace distilbench {

namespace {

// BERT layer part -> DistilBERT layer part.
const std::vector<std::pair<std::string, std::string>> kBertToDistil = {
    {"attention.self.query", "attention.q_lin"},
    {"attention.self.key", "attention.k_lin"},
    {"attention.self.value", "attention.v_lin"},
    {"attention.output.dense", "attention.out_lin"},
    {"attention.output.LayerNorm", "sa_layer_norm"},
    {"intermediate.dense", "ffn.lin1"},
    {"output.dense", "ffn.lin2"},
    {"output.LayerNorm", "output_layer_norm"},
};

}  // namespace

std::vector<int> StudentInitializer::defaultLayers(int teacherLayers, int studentLayers) {
    if (teacherLayers < 1 || studentLayers < 1 || studentLayers > teacherLayers)
        throw Error("a student of " + std::to_string(studentLayers) +
                    " layers cannot be taken from a teacher of " + std::to_string(teacherLayers));
    std::vector<int> out;
    for (int i = 0; i < studentLayers; ++i)
        out.push_back(studentLayers == 1
                          ? teacherLayers - 1
                          : static_cast<int>(std::lround(double(i) * (teacherLayers - 1) /
                                                         (studentLayers - 1))));
    return out;
}

std::vector<int> StudentInitializer::parseLayers(const std::string& text) {
    std::vector<int> out;
    for (const QString& part : QString::fromStdString(text).split(',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int v = part.trimmed().toInt(&ok);
        if (!ok || v < 0)
            throw Error("'" + text + "' is not a list of layer numbers such as 0,2,4,7,9,11");
        out.push_back(v);
    }
    if (out.empty()) throw Error("no teacher layers given");
    return out;
}

void StudentInitializer::checkLayers(int teacherLayers, const std::vector<int>& layers,
                                     const std::string& source) {
    if (layers.empty()) throw Error(source, "no teacher layers chosen for the student");
    for (int l : layers)
        if (l < 0 || l >= teacherLayers)
            throw Error(source, "layer " + std::to_string(l) + " does not exist: the teacher has " +
                                    std::to_string(teacherLayers) + " layers (0-" +
                                    std::to_string(teacherLayers - 1) + ")");
}

namespace {
// Teachers whose student keeps their own family (DistilRoBERTa was made from RoBERTa this way):
// every family but BERT, whose students are DistilBERTs, and DistilBERT itself.
bool sameFamilyStudent(const ModelConfig& tc) {
    return tc.family != ModelFamily::Bert && tc.family != ModelFamily::DistilBert;
}
}  // namespace

ModelConfig StudentInitializer::studentConfig(const ModelConfig& tc, int layers, HeadType head) {
    ModelConfig sc = tc;
    if (sameFamilyStudent(tc)) {
        sc.head = head;
        sc.numLayers = layers;
        if (tc.family == ModelFamily::Albert && layers % tc.numHiddenGroups != 0)
            throw Error("an ALBERT student needs a multiple of the teacher's " +
                        std::to_string(tc.numHiddenGroups) + " layer groups, not " +
                        std::to_string(layers) + " layers");
        if (head != HeadType::SequenceClassification && head != HeadType::TokenClassification) {
            sc.labels.clear();
            sc.problemType.clear();
        }
        return sc;
    }
    sc.family = ModelFamily::DistilBert;
    sc.head = head;
    sc.numLayers = layers;
    sc.typeVocabSize = 0;
    sc.sinusoidalPositions = false;
    if (head != HeadType::SequenceClassification && head != HeadType::TokenClassification) {
        sc.labels.clear();
        sc.problemType.clear();
    }
    sc.extra = QJsonObject();
    return sc;
}

std::unique_ptr<EncoderModel> StudentInitializer::fromTeacher(const EncoderModel& teacher,
                                                              const std::vector<int>& layers,
                                                              HeadType head,
                                                              const std::string& source,
                                                              std::uint64_t seed) {
    const ModelConfig& tc = teacher.config();
    checkLayers(tc.numLayers, layers, source);
    const bool bert = tc.family == ModelFamily::Bert;
    const ModelConfig sc = studentConfig(tc, static_cast<int>(layers.size()), head);
    if (sameFamilyStudent(tc)) return sameFamily(teacher, sc, layers, source, seed);

    std::map<std::string, at::Tensor> t;
    for (const auto& [name, tensor] : teacher.stateDict(true)) t[name] = tensor;
    const std::string tp = tc.head == HeadType::Base ? "" : tc.basePrefix() + ".";
    const std::string sp = head == HeadType::Base ? "" : std::string("distilbert.");
    std::vector<std::pair<std::string, at::Tensor>> w;
    auto take = [&](const std::string& studentName, const std::string& teacherName) {
        auto it = t.find(teacherName);
        if (it != t.end()) w.emplace_back(studentName, it->second.detach().to(at::kFloat).clone());
    };
    take(sp + "embeddings.word_embeddings.weight", tp + "embeddings.word_embeddings.weight");
    take(sp + "embeddings.LayerNorm.weight", tp + "embeddings.LayerNorm.weight");
    take(sp + "embeddings.LayerNorm.bias", tp + "embeddings.LayerNorm.bias");
    {
        at::Tensor pos =
            t.at(tp + "embeddings.position_embeddings.weight").detach().to(at::kFloat).clone();
        if (bert) pos += t.at(tp + "embeddings.token_type_embeddings.weight")[0].to(at::kFloat);
        w.emplace_back(sp + "embeddings.position_embeddings.weight", pos);
    }
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const std::string s = sp + "transformer.layer." + std::to_string(i) + ".";
        for (const auto& [bertPart, distilPart] : kBertToDistil)
            for (const char* kind : {".weight", ".bias"}) {
                const std::string from =
                    bert ? tp + "encoder.layer." + std::to_string(layers[i]) + "." + bertPart
                         : tp + "transformer.layer." + std::to_string(layers[i]) + "." + distilPart;
                take(s + distilPart + kind, from + kind);
            }
    }
    for (const char* kind : {".weight", ".bias"}) {
        const std::string k = kind;
        if (head == HeadType::SequenceClassification || head == HeadType::MultipleChoice) {
            take("pre_classifier" + k, bert ? tp + "pooler.dense" + k : "pre_classifier" + k);
            take("classifier" + k, "classifier" + k);
        } else if (head == HeadType::TokenClassification) {
            take("classifier" + k, "classifier" + k);
        } else if (head == HeadType::QuestionAnswering) {
            take("qa_outputs" + k, "qa_outputs" + k);
        } else if (head == HeadType::MaskedLM) {
            take("vocab_transform" + k,
                 bert ? "cls.predictions.transform.dense" + k : "vocab_transform" + k);
            take("vocab_layer_norm" + k,
                 bert ? "cls.predictions.transform.LayerNorm" + k : "vocab_layer_norm" + k);
        }
    }
    if (head == HeadType::MaskedLM) {
        take("vocab_projector.bias", bert ? "cls.predictions.bias" : "vocab_projector.bias");
        if (!sc.tieWordEmbeddings)
            take("vocab_projector.weight",
                 bert ? "cls.predictions.decoder.weight" : "vocab_projector.weight");
    }
    // A head the teacher lacks (or with other labels) starts fresh.
    if (head == HeadType::SequenceClassification || head == HeadType::TokenClassification) {
        auto it = t.find("classifier.weight");
        if (it == t.end() || it->second.size(0) != std::max(1, sc.numLabels()) || tc.head != head)
            std::erase_if(w, [](const auto& p) {
                return p.first.rfind("classifier", 0) == 0 ||
                       p.first.rfind("pre_classifier", 0) == 0;
            });
    }
    auto student = std::make_unique<EncoderModel>(sc, seed, false);
    student->loadStateDict(w, source);
    return student;
}

std::unique_ptr<EncoderModel> StudentInitializer::sameFamily(const EncoderModel& teacher,
                                                             const ModelConfig& sc,
                                                             const std::vector<int>& layers,
                                                             const std::string& source,
                                                             std::uint64_t seed) {
    // The teacher's weights under the student's names: its embeddings and everything outside
    // the layers as they are, the chosen layers renumbered (encoder.layer.7 -> encoder.layer.3).
    // ALBERT's shared layers are kept whole: the student applies them fewer times.
    const ModelConfig& tc = teacher.config();
    const std::string tp = tc.head == HeadType::Base ? "" : tc.basePrefix() + ".";
    const std::string sp = sc.head == HeadType::Base ? "" : sc.basePrefix() + ".";
    std::map<int, int> studentLayerOf;
    for (std::size_t i = 0; i < layers.size(); ++i) studentLayerOf[layers[i]] = static_cast<int>(i);
    const std::string layerPart = "encoder.layer.";
    std::vector<std::pair<std::string, at::Tensor>> w;
    const bool sameHead = tc.head == sc.head && tc.labels.size() == sc.labels.size();
    for (const auto& [name, tensor] : teacher.stateDict(false)) {
        std::string rest;
        if (!tp.empty() && name.rfind(tp, 0) == 0)
            rest = name.substr(tp.size());
        else if (tp.empty())  // a base teacher: every weight is the encoder's
            rest = name;
        if (rest.empty()) {
            if (sameHead) w.emplace_back(name, tensor.detach().to(at::kFloat).clone());
            continue;  // a head the student does not have (or with other labels) starts fresh
        }
        if (rest.rfind(layerPart, 0) == 0 && tc.family != ModelFamily::Albert) {
            const std::size_t dot = rest.find('.', layerPart.size());
            const int layer = std::stoi(rest.substr(layerPart.size(), dot - layerPart.size()));
            const auto it = studentLayerOf.find(layer);
            if (it == studentLayerOf.end()) continue;
            rest = layerPart + std::to_string(it->second) + rest.substr(dot);
        }
        w.emplace_back(sp + rest, tensor.detach().to(at::kFloat).clone());
    }
    auto student = std::make_unique<EncoderModel>(sc, seed, false);
    student->loadStateDict(w, source);
    return student;
}

void StudentInitializer::checkSameVocabulary(const Tokenizer& teacher,
                                             const std::string& teacherSource,
                                             const Tokenizer& student,
                                             const std::string& studentSource) {
    if (teacher.vocabSize() != student.vocabSize())
        throw Error("teacher and student must share the vocabulary: " + teacherSource + " has " +
                    std::to_string(teacher.vocabSize()) + " tokens, " + studentSource + " " +
                    std::to_string(student.vocabSize()));
    for (std::size_t id = 0; id < teacher.vocabSize(); ++id) {
        const std::string a = teacher.idToToken(static_cast<std::int64_t>(id)),
                          b = student.idToToken(static_cast<std::int64_t>(id));
        if (a != b)
            throw Error("teacher and student must share the vocabulary: token " +
                        std::to_string(id) + " is '" + a + "' in " + teacherSource + " but '" + b +
                        "' in " + studentSource);
    }
}

}  // namespace distilbench
