#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/models/ModelConfig.h"

namespace distilbench {

class EncoderModel;
class Tokenizer;

// Builds a DistilBERT student from a BERT or DistilBERT teacher, as the DistilBERT authors did:
// the embeddings and a subset of the layers are copied, so the student starts close to the
// teacher instead of from random weights.
class StudentInitializer {
public:
    // Evenly spread teacher layers, first and last included: 12 -> 6 gives 0, 2, 4, 7, 9, 11.
    static std::vector<int> defaultLayers(int teacherLayers, int studentLayers);
    // "0,2,4,7,9,11" -> {0, 2, 4, 7, 9, 11}; throws Error on anything else.
    static std::vector<int> parseLayers(const std::string& text);

    // Throws Error (naming `source`) unless every layer index exists in the teacher.
    static void checkLayers(int teacherLayers, const std::vector<int>& layers,
                            const std::string& source);

    // The student's configuration: the teacher's widths, one layer per teacher layer; DistilBERT
    // for BERT and DistilBERT teachers, the teacher's own family for the others (RoBERTa ->
    // DistilRoBERTa shape, ELECTRA, DeBERTa, ALBERT with its shared layers applied fewer times).
    static ModelConfig studentConfig(const ModelConfig& teacher, int layers, HeadType head);

    // The student has the teacher's widths, one layer per entry of `layers` and the given head
    // (the teacher's labels). BERT's token-type embedding 0 is folded into the position
    // embeddings, so single-segment inputs embed exactly as in the teacher; BERT's pooler becomes
    // DistilBERT's pre_classifier. Throws Error when a layer index does not exist.
    static std::unique_ptr<EncoderModel> fromTeacher(const EncoderModel& teacher,
                                                     const std::vector<int>& layers, HeadType head,
                                                     const std::string& teacherSource,
                                                     std::uint64_t seed = 42);

    // A student of the teacher's family: every weight outside the layers copied, the chosen
    // layers renumbered; a head the teacher has (same labels) kept, another started fresh.
    static std::unique_ptr<EncoderModel> sameFamily(const EncoderModel& teacher,
                                                    const ModelConfig& student,
                                                    const std::vector<int>& layers,
                                                    const std::string& teacherSource,
                                                    std::uint64_t seed);

    // Distillation compares distributions token by token: both tokenizers must map the same
    // strings to the same ids. Throws Error naming both sources and the first difference.
    static void checkSameVocabulary(const Tokenizer& teacher, const std::string& teacherSource,
                                    const Tokenizer& student, const std::string& studentSource);
};

}  // namespace distilbench
