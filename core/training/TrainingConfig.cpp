#include "core/training/TrainingConfig.h"

#include <QJsonArray>

#include "core/runtime/Error.h"

namespace distilbench {

QJsonObject TrainingConfig::toJson() const {
    QJsonArray labelArray, displayArray;
    for (const auto& l : labels) labelArray.append(QString::fromStdString(l));
    for (const auto& l : labelDisplayNames) displayArray.append(QString::fromStdString(l));
    auto s = [](const std::string& v) { return QString::fromStdString(v); };
    QJsonObject json{{"task", s(taskName(task))},
                     {"model", s(model)},
                     {"preset", s(preset)},
                     {"tokenizer", s(tokenizer)},
                     {"train_file", s(trainFile)},
                     {"validation_file", s(validationFile)},
                     {"test_file", s(testFile)},
                     {"text_column", s(columns.text)},
                     {"text_pair_column", s(columns.pair)},
                     {"label_column", s(columns.label)},
                     {"labels", labelArray},
                     {"label_display_names", displayArray},
                     {"validation_split", validationSplit},
                     {"test_split", testSplit},
                     {"epochs", epochs},
                     {"max_steps", maxSteps},
                     {"learning_rate", learningRate},
                     {"batch_size", batchSize},
                     {"eval_batch_size", evalBatchSize},
                     {"max_length", maxLength},
                     {"gradient_accumulation", gradientAccumulation},
                     {"warmup_ratio", warmupRatio},
                     {"warmup_steps", warmupSteps},
                     {"weight_decay", weightDecay},
                     {"scheduler", s(schedulerName(scheduler))},
                     {"max_grad_norm", maxGradNorm},
                     {"adam_beta1", adamBeta1},
                     {"adam_beta2", adamBeta2},
                     {"adam_epsilon", adamEpsilon},
                     {"group_by_length", groupByLength},
                     {"record_data_map", recordDataMap},
                     {"bf16", bf16},
                     {"class_weights", s(classWeights)},
                     {"label_smoothing", labelSmoothing},
                     {"freeze_embeddings", freezeEmbeddings},
                     {"freeze_layers", freezeLayers},
                     {"multilabel_threshold", multiLabelThreshold},
                     {"eval_steps", evalSteps},
                     {"logging_steps", loggingSteps},
                     {"metric_for_best", s(metricForBest)},
                     {"early_stopping_metric", s(earlyStoppingMetric)},
                     {"early_stopping_patience", earlyStoppingPatience},
                     {"early_stopping_threshold", earlyStoppingThreshold},
                     {"save_total_limit", saveTotalLimit},
                     {"seed", QString::number(seed)}};
    if (distillation.enabled) json["distillation"] = distillation.toJson();
    return json;
}

TrainingConfig TrainingConfig::fromJson(const QJsonObject& j) {
    TrainingConfig c;
    auto s = [&](const char* k, const std::string& d) {
        return j.value(k).toString(QString::fromStdString(d)).toStdString();
    };
    parseTask(s("task", "classification"), c.task);
    c.model = s("model", "");
    c.preset = s("preset", "");
    c.tokenizer = s("tokenizer", "");
    c.trainFile = s("train_file", "");
    c.validationFile = s("validation_file", "");
    c.testFile = s("test_file", "");
    c.columns = {s("text_column", ""), s("text_pair_column", ""), s("label_column", "")};
    for (const auto& l : j.value("labels").toArray())
        c.labels.push_back(l.toString().toStdString());
    for (const auto& l : j.value("label_display_names").toArray())
        c.labelDisplayNames.push_back(l.toString().toStdString());
    c.validationSplit = j.value("validation_split").toDouble(c.validationSplit);
    c.testSplit = j.value("test_split").toDouble(c.testSplit);
    c.epochs = j.value("epochs").toInt(c.epochs);
    c.maxSteps = j.value("max_steps").toInt(c.maxSteps);
    c.learningRate = j.value("learning_rate").toDouble(c.learningRate);
    c.batchSize = j.value("batch_size").toInt(c.batchSize);
    c.evalBatchSize = j.value("eval_batch_size").toInt(c.evalBatchSize);
    c.maxLength = j.value("max_length").toInt(c.maxLength);
    c.gradientAccumulation = j.value("gradient_accumulation").toInt(c.gradientAccumulation);
    c.warmupRatio = j.value("warmup_ratio").toDouble(c.warmupRatio);
    c.warmupSteps = j.value("warmup_steps").toInt(c.warmupSteps);
    c.weightDecay = j.value("weight_decay").toDouble(c.weightDecay);
    if (const std::string name = s("scheduler", "linear"); !parseScheduler(name, c.scheduler))
        throw Error("config.json: unknown scheduler '" + name + "' (linear, cosine or constant)");
    c.maxGradNorm = j.value("max_grad_norm").toDouble(c.maxGradNorm);
    c.adamBeta1 = j.value("adam_beta1").toDouble(c.adamBeta1);
    c.adamBeta2 = j.value("adam_beta2").toDouble(c.adamBeta2);
    c.adamEpsilon = j.value("adam_epsilon").toDouble(c.adamEpsilon);
    c.groupByLength = j.value("group_by_length").toBool(c.groupByLength);
    c.recordDataMap = j.value("record_data_map").toBool(c.recordDataMap);
    c.bf16 = j.value("bf16").toBool(c.bf16);
    c.classWeights = s("class_weights", "");
    c.labelSmoothing = j.value("label_smoothing").toDouble(c.labelSmoothing);
    c.freezeEmbeddings = j.value("freeze_embeddings").toBool(c.freezeEmbeddings);
    c.freezeLayers = j.value("freeze_layers").toInt(c.freezeLayers);
    c.multiLabelThreshold = j.value("multilabel_threshold").toDouble(c.multiLabelThreshold);
    c.evalSteps = j.value("eval_steps").toInt(c.evalSteps);
    c.loggingSteps = j.value("logging_steps").toInt(c.loggingSteps);
    c.metricForBest = s("metric_for_best", "");
    c.earlyStoppingMetric = s("early_stopping_metric", "");
    c.earlyStoppingPatience = j.value("early_stopping_patience").toInt(c.earlyStoppingPatience);
    c.earlyStoppingThreshold =
        j.value("early_stopping_threshold").toDouble(c.earlyStoppingThreshold);
    c.saveTotalLimit = j.value("save_total_limit").toInt(c.saveTotalLimit);
    c.seed = j.value("seed").toString("42").toULongLong();
    if (j.contains("distillation"))
        c.distillation = DistillationSettings::fromJson(j.value("distillation").toObject());
    return c;
}

TrainingConfig TrainingConfig::defaultsFor(Task task, bool fromPreset) {
    TrainingConfig c;
    c.task = task;
    switch (task) {
        case Task::Classification:
            break;  // the Hugging Face Trainer's 5e-5, 3 epochs, 128 tokens
        case Task::MultiLabel:
            c.epochs = 5;
            break;  // independent sigmoids converge more slowly
        case Task::TokenClassification:
            c.maxLength = 256;
            break;  // documents, labels per word
        case Task::Regression:
            c.learningRate = 2e-5;
            c.epochs = 4;
            break;  // MSE reacts strongly to large steps
        case Task::MaskedLM:
            c.learningRate = 5e-4;
            c.warmupRatio = 0.05;
            c.maxGradNorm = 5.0;
            break;
    }
    if (fromPreset) {
        // What trained the shipped demo model from scratch.
        c.learningRate = 5e-4;
        c.warmupRatio = 0.06;
        c.weightDecay = 0.01;
        c.batchSize = 32;
        if (task != Task::TokenClassification) c.maxLength = 64;
    }
    return c;
}

TrainingConfig TrainingConfig::distillationDefaults(Task task) {
    TrainingConfig c = defaultsFor(task, false);
    if (task == Task::MaskedLM) {
        c.distillation = DistillationSettings::pretrainingDefaults();
        c.validationSplit = 0.02;  // a corpus is large; 2% is plenty to score perplexity
    }
    c.distillation.enabled = true;
    return c;
}

std::string TrainingConfig::mainMetric() const {
    switch (task) {
        case Task::Classification:
            return "accuracy";
        case Task::MultiLabel:
            return "micro_f1";
        case Task::TokenClassification:
            return "f1";
        case Task::Regression:
            return "mse";
        case Task::MaskedLM:
            return "perplexity";
    }
    return "accuracy";
}

}  // namespace distilbench
