#pragma once

#include <QJsonObject>
#include <string>
#include <vector>

namespace distilbench {

// How a student learns from a teacher. Part of TrainingConfig: a distillation run is a
// fine-tuning run whose loss compares the student with the teacher, so it shares the run folder,
// checkpoints, resume, cancel and metrics.
struct DistillationSettings {
    enum class StudentSource { Preset, Model, FromTeacher };

    bool enabled = false;
    std::string teacher;  // a model folder
    StudentSource studentSource = StudentSource::FromTeacher;
    // Preset: the preset name; Model: its folder. FromTeacher: unused.
    std::string student;
    std::vector<int> teacherLayers;  // FromTeacher: which teacher layer feeds each student layer;
                                     // empty = every other

    double temperature = 2.0;
    double alphaCe = 0.5;    // KL between softened distributions, times T²
    double alphaHard = 0.5;  // cross-entropy on the labels (task-specific)
    double alphaMlm = 0.0;   // masked-LM cross-entropy (pre-training distillation)
    double alphaCos = 0.0;   // cosine embedding loss between last hidden states
    double alphaMse = 0.0;   // mean squared error between logits
    // task-specific, alpha_cos = 0: the teacher runs once per example
    bool cacheTeacherLogits = false;

    double mlmProbability = 0.15;  // share of tokens chosen for prediction
    double maskTokenShare = 0.8,
           randomTokenShare = 0.1;  // of the chosen: [MASK], random, the rest kept
    // choose rare tokens more often (counts^-0.7, as DistilBERT did)
    bool frequencySmoothing = false;

    QJsonObject toJson() const;
    static DistillationSettings fromJson(const QJsonObject& json);
    // The DistilBERT paper's reference settings for pre-training distillation.
    static DistillationSettings pretrainingDefaults();

    static std::string sourceName(StudentSource source);
    static bool parseSource(const std::string& name, StudentSource& out);
};

}  // namespace distilbench
