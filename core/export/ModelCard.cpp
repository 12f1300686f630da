#include "core/export/ModelCard.h"

#include <QFileInfo>
#include <QJsonArray>
#include <filesystem>

#include "core/data/Dataset.h"
#include "core/models/ModelConfig.h"
#include "core/runtime/Environment.h"
#include "core/util/HumanUnits.h"
#include "core/util/JsonFile.h"

namespace distilbench {
namespace fs = std::filesystem;

namespace {

std::string pipelineTag(const ModelConfig& c) {
    switch (c.head) {
        case HeadType::TokenClassification:
            return "token-classification";
        case HeadType::QuestionAnswering:
            return "question-answering";
        case HeadType::MaskedLM:
            return "fill-mask";
        case HeadType::MultipleChoice:
            return "multiple-choice";
        case HeadType::Base:
        case HeadType::ReplacedTokenDetection:
            return "feature-extraction";
        case HeadType::SequenceClassification:
            return "text-classification";
    }
    return "text-classification";
}

std::string autoClass(const ModelConfig& c) {
    switch (c.head) {
        case HeadType::TokenClassification:
            return "AutoModelForTokenClassification";
        case HeadType::QuestionAnswering:
            return "AutoModelForQuestionAnswering";
        case HeadType::MaskedLM:
            return "AutoModelForMaskedLM";
        case HeadType::MultipleChoice:
            return "AutoModelForMultipleChoice";
        case HeadType::Base:
            return "AutoModel";
        case HeadType::ReplacedTokenDetection:
            return "AutoModelForPreTraining";
        case HeadType::SequenceClassification:
            return "AutoModelForSequenceClassification";
    }
    return "AutoModel";
}

}  // namespace

std::string modelCardMarkdown(const ModelConfig& c, const std::string& modelFolder,
                              std::int64_t parameters) {
    const fs::path folder = fs::absolute(modelFolder);
    const std::string name = folder.filename() == "best" ? folder.parent_path().filename().string()
                                                         : folder.filename().string();
    std::string md = "---\nlibrary_name: transformers\npipeline_tag: " + pipelineTag(c) +
                     "\ntags:\n- distilbench\n- " + c.modelType() + "\n---\n\n";
    md += "# " + name + "\n\n";
    md += "A " + c.architecture() + " (" + std::to_string(c.numLayers) + " layers, hidden size " +
          std::to_string(c.hiddenSize) + ", " + std::to_string(c.numHeads) + " heads, " +
          formatCount(static_cast<double>(parameters)) + " parameters) exported by DistilBench " +
          Runtime::appVersion() + ".\n\n";
    if (!c.labels.empty() && c.head != HeadType::MaskedLM) {
        md += "## Labels\n\n| id | label |\n|---|---|\n";
        for (std::size_t i = 0; i < c.labels.size(); ++i)
            md += "| " + std::to_string(i) + " | " + c.labels[i] + " |\n";
        md += "\n";
    }
    // A run's best/ folder: its settings and scores sit one level up.
    const fs::path run = folder.filename() == "best" ? folder.parent_path() : fs::path();
    if (!run.empty() && fs::exists(run / "config.json")) {
        const QJsonObject cfg = readJsonObject((run / "config.json").string(), false);
        md += "## Training\n\n";
        auto row = [&](const char* label, const QString& value) {
            if (!value.isEmpty())
                md += "- " + std::string(label) + ": " + value.toStdString() + "\n";
        };
        row("Task", cfg["task"].toString());
        row("Training data", QFileInfo(cfg["train_file"].toString()).fileName());
        if (!cfg["validation_file"].toString().isEmpty())
            row("Validation data", QFileInfo(cfg["validation_file"].toString()).fileName());
        else if (cfg["validation_split"].toDouble() > 0)
            row("Validation data", QString("%1% of the training data, held out")
                                       .arg(100 * cfg["validation_split"].toDouble()));
        row("Started from", cfg["preset"].toString().isEmpty()
                                ? cfg["model"].toString()
                                : "random weights (" + cfg["preset"].toString() + ")");
        row("Epochs", QString::number(cfg["epochs"].toInt()));
        row("Learning rate", QString::number(cfg["learning_rate"].toDouble()));
        row("Batch size", QString::number(cfg["batch_size"].toInt()));
        row("Max length", QString::number(cfg["max_length"].toInt()));
        row("Warm-up ratio", QString::number(cfg["warmup_ratio"].toDouble()));
        row("Weight decay", QString::number(cfg["weight_decay"].toDouble()));
        row("Seed", cfg["seed"].toString());
        const QJsonObject d = cfg["distillation"].toObject();
        if (d["enabled"].toBool()) {
            row("Distilled from", d["teacher"].toString());
            row("Temperature", QString::number(d["temperature"].toDouble()));
            row("Loss weights", QString("ce %1, hard %2, mlm %3, cos %4, mse %5")
                                    .arg(d["alpha_ce"].toDouble())
                                    .arg(d["alpha_hard"].toDouble())
                                    .arg(d["alpha_mlm"].toDouble())
                                    .arg(d["alpha_cos"].toDouble())
                                    .arg(d["alpha_mse"].toDouble()));
        }
        md += "\n";
        const QJsonObject summary = readJsonObject((run / "run_summary.json").string(), false);
        const QJsonObject best = summary["best_metrics"].toObject();
        if (!best.isEmpty()) {
            md += "## Validation metrics\n\n| metric | value |\n|---|---|\n";
            for (auto it = best.begin(); it != best.end(); ++it)
                md += "| " + it.key().toStdString() + " | " +
                      QString::number(it.value().toDouble(), 'f', 4).toStdString() + " |\n";
            md += "\n";
        }
        if (fs::exists(run / "distillation_report.json")) {
            const QJsonObject r =
                readJsonObject((run / "distillation_report.json").string(), false);
            md +=
                "## Distillation\n\nThe student " + r["summary"].toString().toStdString() + ".\n\n";
        }
    }
    md += "## Use\n\n```python\nfrom transformers import AutoTokenizer, " + autoClass(c) +
          "\n\ntokenizer = AutoTokenizer.from_pretrained(\"" + name +
          "\")\nmodel = " + autoClass(c) + ".from_pretrained(\"" + name + "\")\n```\n\n" +
          "The folder also opens in DistilBench (File > Open Model) and with `distilbench-cli "
          "predict`.\n";
    return md;
}

}  // namespace distilbench
