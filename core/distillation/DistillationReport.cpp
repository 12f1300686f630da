#include "core/distillation/DistillationReport.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/inference/Benchmark.h"
#include "core/models/Model.h"
#include "core/util/HumanUnits.h"

namespace distilbench {

namespace {

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

QJsonObject factsJson(const DistilledModelFacts& f) {
    QJsonObject metrics;
    for (const auto& [k, v] : f.metrics) metrics[QString::fromStdString(k)] = v;
    return QJsonObject{{"folder", QString::fromStdString(f.folder)},
                       {"architecture", QString::fromStdString(f.architecture)},
                       {"layers", f.layers},
                       {"hidden_size", f.hiddenSize},
                       {"parameters", static_cast<double>(f.parameters)},
                       {"bytes_on_disk", static_cast<double>(f.bytesOnDisk)},
                       {"latency_ms", f.latencyMs},
                       {"metrics", metrics}};
}

DistilledModelFacts factsFromJson(const QJsonObject& j) {
    DistilledModelFacts f;
    f.folder = j["folder"].toString().toStdString();
    f.architecture = j["architecture"].toString().toStdString();
    f.layers = j["layers"].toInt();
    f.hiddenSize = j["hidden_size"].toInt();
    f.parameters = static_cast<std::int64_t>(j["parameters"].toDouble());
    f.bytesOnDisk = static_cast<std::int64_t>(j["bytes_on_disk"].toDouble());
    f.latencyMs = j["latency_ms"].toDouble();
    const QJsonObject m = j["metrics"].toObject();
    for (auto it = m.begin(); it != m.end(); ++it)
        f.metrics[it.key().toStdString()] = it.value().toDouble();
    return f;
}

double metric(const MetricMap& m, const std::string& name) {
    auto it = m.find(name);
    return it == m.end() ? std::nan("") : it->second;
}

}  // namespace

double DistillationReport::retention() const {
    const double t = metric(teacher.metrics, mainMetric), s = metric(student.metrics, mainMetric);
    if (!std::isfinite(t) || !std::isfinite(s) || t == 0 || s == 0) return std::nan("");
    return greaterIsBetter(mainMetric) ? s / t : t / s;
}

double DistillationReport::speedUp() const {
    return student.latencyMs > 0 ? teacher.latencyMs / student.latencyMs : std::nan("");
}

double DistillationReport::sizeRatio() const {
    return teacher.parameters > 0 ? double(student.parameters) / double(teacher.parameters)
                                  : std::nan("");
}

std::string DistillationReport::summary() const {
    std::string out;
    const double r = retention(), s = speedUp(), z = sizeRatio();
    if (std::isfinite(r)) out = "keeps " + fixed(100 * r, 1) + "% of the teacher's " + mainMetric;
    if (std::isfinite(s)) out += (out.empty() ? "runs at " : " at ") + fixed(s, 1) + "x the speed";
    if (std::isfinite(z))
        out += (out.empty() ? "has " : " and ") + fixed(z, 2) + "x the parameters";
    return out;
}

QJsonObject DistillationReport::toJson() const {
    auto finite = [](double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(); };
    return QJsonObject{{"main_metric", QString::fromStdString(mainMetric)},
                       {"batch", batch},
                       {"sequence_length", sequenceLength},
                       {"teacher", factsJson(teacher)},
                       {"student", factsJson(student)},
                       {"retention", finite(retention())},
                       {"speed_up", finite(speedUp())},
                       {"parameter_ratio", finite(sizeRatio())},
                       {"summary", QString::fromStdString(summary())}};
}

DistillationReport DistillationReport::fromJson(const QJsonObject& j) {
    DistillationReport r;
    r.mainMetric = j["main_metric"].toString().toStdString();
    r.batch = j["batch"].toInt(1);
    r.sequenceLength = j["sequence_length"].toInt(128);
    r.teacher = factsFromJson(j["teacher"].toObject());
    r.student = factsFromJson(j["student"].toObject());
    return r;
}

std::string DistillationReport::toMarkdown() const {
    std::string md =
        "# Distillation report\n\n" + summary() + ".\n\n| | Teacher | Student |\n|---|---|---|\n";
    auto row = [&](const std::string& name, const std::string& a, const std::string& b) {
        md += "| " + name + " | " + a + " | " + b + " |\n";
    };
    row("Architecture", teacher.architecture, student.architecture);
    row("Layers", std::to_string(teacher.layers), std::to_string(student.layers));
    row("Parameters", formatCount(teacher.parameters), formatCount(student.parameters));
    row("Size on disk", formatBytes(teacher.bytesOnDisk), formatBytes(student.bytesOnDisk));
    row("Latency (batch " + std::to_string(batch) + ", " + std::to_string(sequenceLength) +
            " tokens)",
        formatDuration(teacher.latencyMs / 1000), formatDuration(student.latencyMs / 1000));
    std::vector<std::string> names;
    for (const auto& [k, v] : teacher.metrics) names.push_back(k);
    for (const auto& [k, v] : student.metrics)
        if (!teacher.metrics.count(k)) names.push_back(k);
    for (const auto& n : names) {
        const double a = metric(teacher.metrics, n), b = metric(student.metrics, n);
        row(n, std::isfinite(a) ? fixed(a, 4) : "-", std::isfinite(b) ? fixed(b, 4) : "-");
    }
    return md;
}

DistillationReport measureDistillation(const std::string& teacherFolder,
                                       const std::string& studentFolder,
                                       const MetricMap& teacherMetrics,
                                       const MetricMap& studentMetrics,
                                       const std::string& mainMetric, int sequenceLength,
                                       int iterations, const JobCallbacks& callbacks) {
    DistillationReport r;
    r.mainMetric = mainMetric;
    r.sequenceLength = sequenceLength;
    int step = 0;
    for (auto* side : {&r.teacher, &r.student}) {
        const std::string& folder = side == &r.teacher ? teacherFolder : studentFolder;
        auto model = Model::load(folder);
        const ModelConfig& c = model->config();
        side->folder = folder;
        side->architecture = c.architecture();
        side->layers = c.numLayers;
        side->hiddenSize = c.hiddenSize;
        side->parameters = model->summary().parameterCount;
        side->bytesOnDisk = model->summary().bytesOnDisk;
        side->metrics = side == &r.teacher ? teacherMetrics : studentMetrics;
        const int length = std::min(sequenceLength, c.maxPositions);
        JobCallbacks inner = callbacks;
        inner.progress = [&](const ProgressReport& p) {
            callbacks.report(
                (step + p.fraction) / 2.0,
                std::string(side == &r.teacher ? "timing the teacher" : "timing the student"));
        };
        side->latencyMs = benchmarkModel(*model, r.batch, length, iterations, 2, inner).medianMs;
        ++step;
    }
    return r;
}

}  // namespace distilbench
