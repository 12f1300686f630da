#include "core/distillation/DistillationSettings.h"

#include <QJsonArray>

namespace distilbench {

std::string DistillationSettings::sourceName(StudentSource s) {
    switch (s) {
        case StudentSource::Preset:
            return "preset";
        case StudentSource::Model:
            return "model";
        case StudentSource::FromTeacher:
            return "from-teacher";
    }
    return "from-teacher";
}

bool DistillationSettings::parseSource(const std::string& name, StudentSource& out) {
    if (name == "preset")
        out = StudentSource::Preset;
    else if (name == "model")
        out = StudentSource::Model;
    else if (name == "from-teacher")
        out = StudentSource::FromTeacher;
    else
        return false;
    return true;
}

DistillationSettings DistillationSettings::pretrainingDefaults() {
    DistillationSettings d;
    d.enabled = true;
    d.temperature = 2.0;
    d.alphaCe = 5.0;
    d.alphaMlm = 2.0;
    d.alphaCos = 1.0;
    d.alphaHard = 0.0;
    return d;
}

QJsonObject DistillationSettings::toJson() const {
    QJsonArray layers;
    for (int l : teacherLayers) layers.append(l);
    return QJsonObject{{"enabled", enabled},
                       {"teacher", QString::fromStdString(teacher)},
                       {"student_source", QString::fromStdString(sourceName(studentSource))},
                       {"student", QString::fromStdString(student)},
                       {"teacher_layers", layers},
                       {"temperature", temperature},
                       {"alpha_ce", alphaCe},
                       {"alpha_hard", alphaHard},
                       {"alpha_mlm", alphaMlm},
                       {"alpha_cos", alphaCos},
                       {"alpha_mse", alphaMse},
                       {"cache_teacher_logits", cacheTeacherLogits},
                       {"mlm_probability", mlmProbability},
                       {"mask_token_share", maskTokenShare},
                       {"random_token_share", randomTokenShare},
                       {"frequency_smoothing", frequencySmoothing}};
}

DistillationSettings DistillationSettings::fromJson(const QJsonObject& j) {
    DistillationSettings d;
    d.enabled = j.value("enabled").toBool(false);
    d.teacher = j.value("teacher").toString().toStdString();
    parseSource(j.value("student_source").toString("from-teacher").toStdString(), d.studentSource);
    d.student = j.value("student").toString().toStdString();
    for (const auto& l : j.value("teacher_layers").toArray()) d.teacherLayers.push_back(l.toInt());
    d.temperature = j.value("temperature").toDouble(d.temperature);
    d.alphaCe = j.value("alpha_ce").toDouble(d.alphaCe);
    d.alphaHard = j.value("alpha_hard").toDouble(d.alphaHard);
    d.alphaMlm = j.value("alpha_mlm").toDouble(d.alphaMlm);
    d.alphaCos = j.value("alpha_cos").toDouble(d.alphaCos);
    d.alphaMse = j.value("alpha_mse").toDouble(d.alphaMse);
    d.cacheTeacherLogits = j.value("cache_teacher_logits").toBool(d.cacheTeacherLogits);
    d.mlmProbability = j.value("mlm_probability").toDouble(d.mlmProbability);
    d.maskTokenShare = j.value("mask_token_share").toDouble(d.maskTokenShare);
    d.randomTokenShare = j.value("random_token_share").toDouble(d.randomTokenShare);
    d.frequencySmoothing = j.value("frequency_smoothing").toBool(d.frequencySmoothing);
    return d;
}

}  // namespace distilbench
