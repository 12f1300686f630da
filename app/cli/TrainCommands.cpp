#include <unistd.h>

#include <QJsonObject>

#include <chrono>
#include "app/cli/CliSupport.h"
#include "core/data/Dataset.h"
#include "core/distillation/Distiller.h"
#include "core/distillation/StudentInitializer.h"
#include "core/inference/Pipeline.h"
#include "core/models/ModelConfig.h"
#include "core/runtime/Environment.h"
#include "core/runtime/Error.h"
#include "core/tokenizers/Tokenizer.h"
#include "core/training/Trainer.h"
#include "core/util/HumanUnits.h"

using namespace distilbench;

namespace {

QString str(const std::string& s) {
    return QString::fromStdString(s);
}

QJsonObject metricsJson(const MetricMap& m) {
    QJsonObject o;
    for (const auto& [k, v] : m) o[str(k)] = v;
    return o;
}

void addColumnOptions(QCommandLineParser& p) {
    p.addOption({"text-column", "Column with the text (default: sentence, text, …).", "C"});
    p.addOption({"text-pair-column", "Column with the second text.", "C"});
    p.addOption({"label-column", "Column with the label (default: label, labels, …).", "C"});
    p.addOption({"task", "classification (default), multilabel, token or regression.", "TASK",
                 "classification"});
}

double doubleOption(const QCommandLineParser& p, const QString& name, double fallback) {
    if (!p.isSet(name)) return fallback;
    bool ok = false;
    const double v = p.value(name).toDouble(&ok);
    if (!ok) throw UsageError{"--" + name + " needs a number"};
    return v;
}

TrainerCallbacks consoleCallbacks(bool json) {
    TrainerCallbacks cb;
    const bool terminal = isatty(STDERR_FILENO);
    cb.onLog = [json](const TrainingLogRecord& r) {
        if (json)
            printJson(QJsonObject{{"type", "log"},
                                  {"step", r.step},
                                  {"epoch", r.epoch},
                                  {"loss", r.loss},
                                  {"learning_rate", r.learningRate},
                                  {"grad_norm", r.gradNorm},
                                  {"examples_per_second", r.examplesPerSecond},
                                  {"parts", metricsJson(r.parts)}});
    };
    cb.onEvaluation = [json](const EvaluationRecord& r) {
        if (json) {
            QJsonObject o{{"type", r.teacher ? "teacher_eval" : "eval"},
                          {"step", r.step},
                          {"epoch", r.epoch},
                          {"eval_loss", r.loss}};
            o["metrics"] = metricsJson(r.metrics);
            printJson(o);
        } else {
            QString line = r.teacher ? QString("teacher: loss %1").arg(r.loss, 0, 'f', 4)
                                     : QString("eval at step %1 (epoch %2): loss %3")
                                           .arg(r.step)
                                           .arg(r.epoch, 0, 'f', 2)
                                           .arg(r.loss, 0, 'f', 4);
            for (const char* k :
                 {"accuracy", "macro_f1", "f1", "micro_f1", "mse", "perplexity", "mlm_accuracy"})
                if (r.metrics.count(k))
                    line += QString(", %1 %2").arg(k).arg(r.metrics.at(k), 0, 'f', 4);
            QTextStream(stderr) << (isatty(STDERR_FILENO) ? "\r\033[K" : "") << line << "\n";
        }
    };
    cb.onNotice = [json](const std::string& message) {
        if (json)
            printJson(QJsonObject{{"type", "notice"}, {"message", str(message)}});
        else
            QTextStream(stderr) << (isatty(STDERR_FILENO) ? "\r\033[K" : "")
                                << "note: " << str(message) << "\n";
    };
    cb.job.progress = [json, terminal](const ProgressReport& r) {
        if (json) return;
        if (terminal) {
            const int width = 30, filled = static_cast<int>(r.fraction * width);
            QTextStream(stderr) << "\r[" << QString(filled, '#') << QString(width - filled, '.')
                                << "] " << QString::number(r.fraction * 100, 'f', 1) << "% "
                                << str(r.message)
                                << (r.etaSeconds
                                        ? ", " + str(formatDuration(*r.etaSeconds)) + " left"
                                        : QString())
                                << "\033[K";
        } else {
            static int lastPercent = -1;
            const int percent = static_cast<int>(r.fraction * 100);
            if (percent != lastPercent) {
                lastPercent = percent;
                QTextStream(stderr)
                    << percent << "% " << str(r.message)
                    << (r.etaSeconds ? ", " + str(formatDuration(*r.etaSeconds)) + " left"
                                     : QString())
                    << "\n";
            }
        }
    };
    return cb;
}

int report(const TrainingOutcome& o, bool json) {
    if (isatty(STDERR_FILENO)) QTextStream(stderr) << "\n";
    if (json) {
        printJson(QJsonObject{{"type", "done"},
                              {"steps", o.steps},
                              {"epochs", o.epochs},
                              {"early_stopped", o.earlyStopped},
                              {"best_model", str(o.bestModel)},
                              {"best_metrics", metricsJson(o.bestMetrics)},
                              {"test_metrics", metricsJson(o.testMetrics)},
                              {"seconds", o.seconds},
                              {"examples_per_second", o.examplesPerSecond}});
    } else {
        out() << "trained " << o.steps << " steps (" << QString::number(o.epochs, 'f', 2)
              << " epochs) in " << str(formatDuration(o.seconds)) << ", "
              << QString::number(o.examplesPerSecond, 'f', 1) << " examples/s"
              << (o.earlyStopped ? ", stopped early" : "") << "\nbest model: " << str(o.bestModel)
              << "\n";
        for (const auto& [k, v] : o.bestMetrics)
            out() << "  " << str(k).leftJustified(16) << QString::number(v, 'f', 4) << "\n";
        for (const auto& [k, v] : o.testMetrics)
            out() << "  test " << str(k).leftJustified(11) << QString::number(v, 'f', 4) << "\n";
    }
    return kExitOk;
}

// Options shared by train and distill: data, hyperparameters, run folder.
void addRunOptions(QCommandLineParser& p) {
    p.addOption(
        {"train",
         "Training data (CSV, TSV, JSONL, JSON, folder per label, CoNLL; a text corpus for --mlm).",
         "FILE"});
    p.addOption({"validation", "Validation data (default: 10% of train).", "FILE"});
    p.addOption({"test", "Test data, scored once with the best model.", "FILE"});
    p.addOption(
        {"validation-split",
         "Share of train held out for validation when --validation is absent (default 0.1).", "X"});
    p.addOption(
        {"test-split", "Share of train held out as a test set when --test is absent.", "X"});
    addColumnOptions(p);
    p.addOption({"labels",
                 "Label values in id order, comma-separated (as they appear in the data).", "A,B"});
    p.addOption({"label-names",
                 "Names the model reports for those ids (id2label), e.g. negative,positive.",
                 "A,B"});
    p.addOption({"epochs", "Epochs (default per task: 3; multilabel 5, regression 4).", "N"});
    p.addOption({"max-steps", "Stop after N optimizer steps.", "N"});
    p.addOption(
        {"lr", "Peak learning rate (default 5e-5; regression 2e-5; 5e-4 from a preset).", "X"});
    p.addOption({"batch-size", "Examples per batch (default 16).", "N"});
    p.addOption(
        {"max-length", "Tokens per example (default 128; token 256; 64 from a preset).", "N"});
    p.addOption({"gradient-accumulation", "Batches per optimizer step (default 1).", "N"});
    p.addOption({"warmup-ratio", "Share of steps with a rising learning rate.", "X"});
    p.addOption({"warmup-steps", "Warm-up steps (overrides the ratio).", "N"});
    p.addOption({"weight-decay", "AdamW weight decay (default 0).", "X"});
    p.addOption({"scheduler", "linear (default), cosine or constant.", "S"});
    p.addOption({"max-grad-norm", "Gradient clipping norm (default 1).", "X"});
    p.addOption({"no-group-by-length", "Plain shuffled batches instead of length-grouped ones."});
    p.addOption({"bf16", "bf16 autocast for the forward pass."});
    p.addOption({"class-weights", "balanced, or comma-separated weights per label.", "W"});
    p.addOption({"label-smoothing", "Label smoothing (0-1).", "X"});
    p.addOption({"freeze-embeddings", "Do not train the embeddings."});
    p.addOption({"freeze-layers", "Do not train the first K layers.", "K"});
    p.addOption({"eval-steps", "Evaluate every N steps (default: each epoch).", "N"});
    p.addOption({"logging-steps", "Log every N steps (default 10).", "N"});
    p.addOption({"metric-for-best", "Metric that picks the best model.", "M"});
    p.addOption({"early-stopping-metric", "Metric to watch for early stopping.", "M"});
    p.addOption({"patience", "Evaluations without improvement before stopping.", "N"});
    p.addOption({"early-stopping-threshold", "Least improvement that counts.", "X"});
    p.addOption({"save-total-limit", "Checkpoints to keep (default 2).", "N"});
    p.addOption({"seed", "Random seed (default 42).", "N"});
    p.addOption({"out", "Run folder: new or empty (an existing run continues with --resume only).",
                 "RUN_DIR"});
    p.addOption({"resume", "Continue the run in this folder.", "RUN_DIR"});
    p.addOption({"json", "Print JSON lines."});
}

// Fills `c` from the shared options; values not given keep the defaults already in `c`.
void readRunOptions(const QCommandLineParser& p, TrainingConfig& c) {
    if (!p.isSet("train") || !p.isSet("out"))
        throw UsageError{"--train and --out are required (or --resume RUN_DIR)"};
    c.trainFile = p.value("train").toStdString();
    c.validationFile = p.value("validation").toStdString();
    c.testFile = p.value("test").toStdString();
    c.validationSplit = doubleOption(p, "validation-split", c.validationSplit);
    c.testSplit = doubleOption(p, "test-split", 0.0);
    if (c.validationSplit < 0 || c.validationSplit >= 1 || c.testSplit < 0 ||
        c.validationSplit + c.testSplit >= 1)
        throw UsageError{
            "--validation-split and --test-split must be in [0, 1) and leave training data"};
    c.columns = {p.value("text-column").toStdString(), p.value("text-pair-column").toStdString(),
                 p.value("label-column").toStdString()};
    for (const QString& l : p.value("labels").split(',', Qt::SkipEmptyParts))
        c.labels.push_back(l.trimmed().toStdString());
    for (const QString& l : p.value("label-names").split(',', Qt::SkipEmptyParts))
        c.labelDisplayNames.push_back(l.trimmed().toStdString());
    c.epochs = intOption(p, "epochs", c.epochs, 0);
    c.maxSteps = intOption(p, "max-steps", 0, 0);
    c.learningRate = doubleOption(p, "lr", c.learningRate);
    c.batchSize = intOption(p, "batch-size", c.batchSize, 1);
    c.maxLength = intOption(p, "max-length", c.maxLength, 4);
    c.gradientAccumulation = intOption(p, "gradient-accumulation", 1, 1);
    c.warmupRatio = doubleOption(p, "warmup-ratio", c.warmupRatio);
    c.warmupSteps = intOption(p, "warmup-steps", 0, 0);
    c.weightDecay = doubleOption(p, "weight-decay", c.weightDecay);
    if (p.isSet("scheduler")) c.scheduler = p.value("scheduler").toStdString();
    if (c.scheduler != "linear" && c.scheduler != "cosine" && c.scheduler != "constant")
        throw UsageError{"--scheduler must be linear, cosine or constant"};
    c.maxGradNorm = doubleOption(p, "max-grad-norm", c.maxGradNorm);
    c.groupByLength = !p.isSet("no-group-by-length");
    c.bf16 = p.isSet("bf16");
    c.classWeights = p.value("class-weights").toStdString();
    c.labelSmoothing = doubleOption(p, "label-smoothing", 0);
    c.freezeEmbeddings = p.isSet("freeze-embeddings");
    c.freezeLayers = intOption(p, "freeze-layers", 0, 0);
    c.evalSteps = intOption(p, "eval-steps", 0, 0);
    c.loggingSteps = intOption(p, "logging-steps", 10, 1);
    c.metricForBest = p.value("metric-for-best").toStdString();
    c.earlyStoppingMetric = p.value("early-stopping-metric").toStdString();
    c.earlyStoppingPatience = intOption(p, "patience", 0, 0);
    c.earlyStoppingThreshold = doubleOption(p, "early-stopping-threshold", 0);
    c.saveTotalLimit = intOption(p, "save-total-limit", 2, 1);
    c.seed = static_cast<std::uint64_t>(intOption(p, "seed", 42, 0));
}

int runTrain(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription(
        "Fine-tune a model (or train one from a preset) into a run folder.");
    p.addHelpOption();
    p.addOption({"model", "Model folder to fine-tune.", "DIR"});
    p.addOption({"preset", "Train a new model of this shape.", "NAME"});
    p.addOption(
        {"tokenizer", "Tokenizer (default: the model's, or the bundled BERT vocabulary).", "PATH"});
    addRunOptions(p);
    if (!p.parse(args)) throw UsageError{p.errorText()};
    if (p.isSet("help")) {
        out() << p.helpText();
        return kExitOk;
    }
    const bool json = p.isSet("json");
    if (p.isSet("resume"))
        return report(Trainer::resume(p.value("resume").toStdString(), consoleCallbacks(json)),
                      json);
    if (p.isSet("model") == p.isSet("preset"))
        throw UsageError{"give --model DIR or --preset NAME"};
    Task task = Task::Classification;
    if (!parseTask(p.value("task").toStdString(), task) || task == Task::MaskedLM)
        throw UsageError{"--task must be classification, multilabel, token or regression"};
    TrainingConfig c = TrainingConfig::defaultsFor(task, p.isSet("preset"));
    c.model = p.value("model").toStdString();
    c.preset = p.value("preset").toStdString();
    c.tokenizer = p.value("tokenizer").toStdString();
    readRunOptions(p, c);
    return report(Trainer::train(c, p.value("out").toStdString(), consoleCallbacks(json)), json);
}

int reportDistillation(const DistillationOutcome& o, bool json) {
    if (json) {
        report(o.training, true);
        printJson(QJsonObject{{"type", "report"}, {"report", o.report.toJson()}});
        return kExitOk;
    }
    report(o.training, false);
    if (!o.training.teacherMetrics.empty()) {
        out() << "teacher on the same validation data:\n";
        for (const auto& [k, v] : o.training.teacherMetrics)
            out() << "  " << str(k).leftJustified(16) << QString::number(v, 'f', 4) << "\n";
    }
    if (!o.report.mainMetric.empty()) out() << "\n" << str(o.report.toMarkdown());
    return kExitOk;
}

int runDistill(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription(
        "Distil a teacher into a smaller student. Task-specific: the teacher is a fine-tuned "
        "classifier and the student learns "
        "from its softened predictions and the labels. --mlm: DistilBERT-style pre-training "
        "distillation on a raw corpus "
        "(one document per line).");
    p.addHelpOption();
    p.addOption({"teacher",
                 "Teacher model folder (a fine-tuned classifier, or a masked-LM model with --mlm).",
                 "DIR"});
    p.addOption(
        {"student", "Student: an existing model folder (same vocabulary as the teacher).", "DIR"});
    p.addOption(
        {"student-preset", "Student: a new model of this shape (e.g. distilbert-small).", "NAME"});
    p.addOption(
        {"student-from-teacher",
         "Student: DistilBERT initialised from the teacher's embeddings and every other layer."});
    p.addOption({"layers",
                 "Teacher layers for --student-from-teacher (default: evenly spread, 0,2,4,7,9,11 "
                 "for 12 -> 6).",
                 "LIST"});
    p.addOption(
        {"student-layers",
         "Number of student layers for --student-from-teacher (default: half the teacher's).",
         "N"});
    p.addOption({"mlm", "Pre-training distillation on a text corpus (--corpus or --train)."});
    p.addOption(
        {"corpus", "Raw text, one document per line (same as --train with --mlm).", "FILE"});
    p.addOption({"temperature", "Softmax temperature T (default 2).", "T"});
    p.addOption(
        {"alpha-ce", "Weight of KL(teacher/T || student/T)*T^2 (default 0.5; 5 with --mlm).", "X"});
    p.addOption({"alpha-hard", "Weight of cross-entropy on the labels (default 0.5).", "X"});
    p.addOption({"alpha-mlm", "Weight of the masked-LM cross-entropy (--mlm; default 2).", "X"});
    p.addOption({"alpha-cos",
                 "Weight of the cosine loss between last hidden states (default 0; 1 with --mlm).",
                 "X"});
    p.addOption({"alpha-mse", "Weight of the squared error between logits (default 0).", "X"});
    p.addOption(
        {"cache-teacher-logits",
         "Run the teacher once per example and reuse its logits (classification, alpha-cos 0)."});
    p.addOption({"mlm-probability", "Share of tokens chosen for prediction (default 0.15).", "X"});
    p.addOption({"mlm-smoothing", "Choose rare tokens more often (count^-0.7)."});
    addRunOptions(p);
    // --corpus stands for --train in pre-training distillation.
    QStringList argv = args;
    for (int i = 0; i < argv.size(); ++i)
        if (argv[i] == "--corpus")
            argv[i] = "--train";
        else if (argv[i].startsWith("--corpus="))
            argv[i] = "--train=" + argv[i].mid(9);
    if (!p.parse(argv)) throw UsageError{p.errorText()};
    if (p.isSet("help")) {
        out() << p.helpText();
        return kExitOk;
    }
    const bool json = p.isSet("json");
    if (p.isSet("resume"))
        return reportDistillation(
            Distiller::resume(p.value("resume").toStdString(), consoleCallbacks(json)), json);
    if (!p.isSet("teacher")) throw UsageError{"--teacher DIR is required"};
    const int sources = int(p.isSet("student")) + int(p.isSet("student-preset")) +
                        int(p.isSet("student-from-teacher"));
    if (sources > 1)
        throw UsageError{"give one of --student, --student-preset, --student-from-teacher"};
    TrainingConfig c;
    const bool mlm = p.isSet("mlm");
    DistillationSettings& d = c.distillation;
    if (mlm) {
        c = TrainingConfig::defaultsFor(Task::MaskedLM, false);  // lr 5e-4, warm-up 5%, clipping 5
        d = DistillationSettings::pretrainingDefaults();
        c.validationSplit = 0.02;  // a corpus is large; 2% is plenty to score perplexity
    } else {
        Task task = Task::Classification;
        if (!parseTask(p.value("task").toStdString(), task) || task == Task::MaskedLM)
            throw UsageError{
                "--task must be classification or token (use --mlm for pre-training distillation)"};
        c = TrainingConfig::defaultsFor(task, false);
        d.enabled = true;
    }
    d.teacher = p.value("teacher").toStdString();
    if (p.isSet("student")) {
        d.studentSource = DistillationSettings::StudentSource::Model;
        d.student = p.value("student").toStdString();
    } else if (p.isSet("student-preset")) {
        d.studentSource = DistillationSettings::StudentSource::Preset;
        d.student = p.value("student-preset").toStdString();
    } else {
        d.studentSource = DistillationSettings::StudentSource::FromTeacher;
        if (p.isSet("layers"))
            d.teacherLayers = StudentInitializer::parseLayers(p.value("layers").toStdString());
        if (p.isSet("student-layers")) {
            if (p.isSet("layers")) throw UsageError{"give --layers or --student-layers, not both"};
            const int n = intOption(p, "student-layers", 6, 1);
            d.teacherLayers = StudentInitializer::defaultLayers(
                ModelConfig::load(d.teacher + "/config.json").numLayers, n);
        }
    }
    d.temperature = doubleOption(p, "temperature", d.temperature);
    d.alphaCe = doubleOption(p, "alpha-ce", d.alphaCe);
    d.alphaHard = doubleOption(p, "alpha-hard", d.alphaHard);
    d.alphaMlm = doubleOption(p, "alpha-mlm", d.alphaMlm);
    d.alphaCos = doubleOption(p, "alpha-cos", d.alphaCos);
    d.alphaMse = doubleOption(p, "alpha-mse", d.alphaMse);
    d.cacheTeacherLogits = p.isSet("cache-teacher-logits");
    d.mlmProbability = doubleOption(p, "mlm-probability", d.mlmProbability);
    d.frequencySmoothing = p.isSet("mlm-smoothing");
    if (d.temperature <= 0) throw UsageError{"--temperature must be positive"};
    for (double a : {d.alphaCe, d.alphaHard, d.alphaMlm, d.alphaCos, d.alphaMse})
        if (a < 0) throw UsageError{"loss weights must not be negative"};
    readRunOptions(p, c);
    return reportDistillation(
        Distiller::distill(c, p.value("out").toStdString(), consoleCallbacks(json)), json);
}

int runEvaluate(const QStringList& args) {
    QCommandLineParser p;
    p.addOption(
        {"data", "Labelled data (CSV, TSV, JSONL, JSON, folder per label, CoNLL).", "FILE"});
    addColumnOptions(p);
    p.addOption({"batch-size", "Examples per batch (default 64).", "N"});
    p.addOption({"max-length", "Tokens per example (default 128).", "N"});
    p.addOption({"threshold", "Multi-label decision threshold (default 0.5).", "X"});
    p.addOption({"label-map",
                 "Data labels that differ from the model's: DATA=MODEL,... (e.g. "
                 "foo=negative,bar=positive).",
                 "MAP"});
    p.addOption({"json", "Print JSON."});
    if (!parseCommand(
            p, args,
            "Score a model on labelled data: every metric of its task and the confusion matrix.",
            "MODEL", "Model folder."))
        return kExitOk;
    if (!p.isSet("data")) throw UsageError{"--data is required"};
    Task task;
    if (!parseTask(p.value("task").toStdString(), task))
        throw UsageError{"--task must be classification, multilabel, token or regression"};
    const auto pipeline = openPipeline(p.positionalArguments().first());
    std::vector<std::string> labels;
    if (task != Task::Regression) labels = pipeline->model()->config().labels;
    // Data labels must be the model's label names, ids 0..n-1, or mapped by --label-map.
    const Dataset data = readDatasetForModel(
        p.value("data").toStdString(), task,
        {p.value("text-column").toStdString(), p.value("text-pair-column").toStdString(),
         p.value("label-column").toStdString()},
        labels,
        p.isSet("label-map") ? parseLabelMap(p.value("label-map").toStdString())
                             : std::map<std::string, std::string>{});
    for (const auto& w : data.warnings) QTextStream(stderr) << "warning: " << str(w) << "\n";
    const EvaluationReport r =
        evaluateModel(*pipeline, data, intOption(p, "batch-size", 64, 1),
                      intOption(p, "max-length", 128, 4), doubleOption(p, "threshold", 0.5));
    if (p.isSet("json")) {
        QJsonObject o{{"task", str(taskName(task))},
                      {"examples", static_cast<int>(data.examples.size())},
                      {"metrics", metricsJson(r.metrics)},
                      {"labels", toJsonArray(r.labels)}};
        if (task == Task::Classification) {
            QJsonArray matrix, perClass;
            for (const auto& row : r.classification.confusion) matrix.append(toJsonArray(row));
            for (const auto& c : r.classification.perClass)
                perClass.append(QJsonObject{{"label", str(c.label)},
                                            {"precision", c.precision},
                                            {"recall", c.recall},
                                            {"f1", c.f1},
                                            {"support", c.support}});
            o["confusion_matrix"] = matrix;
            o["per_class"] = perClass;
        }
        if (task == Task::TokenClassification) {
            QJsonArray perType;
            for (const auto& c : r.entities.perType)
                perType.append(QJsonObject{{"type", str(c.label)},
                                           {"precision", c.precision},
                                           {"recall", c.recall},
                                           {"f1", c.f1},
                                           {"support", c.support}});
            o["per_type"] = perType;
        }
        printJson(o, true);
        return kExitOk;
    }
    out() << data.examples.size() << " examples\n";
    for (const auto& [k, v] : r.metrics)
        out() << "  " << str(k).leftJustified(18) << QString::number(v, 'f', 4) << "\n";
    if (task == Task::Classification) {
        out() << "confusion matrix (rows: true, columns: predicted)\n";
        for (std::size_t i = 0; i < r.labels.size(); ++i) {
            out() << "  " << str(r.labels[i]).leftJustified(12);
            for (int v : r.classification.confusion[i])
                out() << QString::number(v).rightJustified(8);
            out() << "\n";
        }
    }
    return kExitOk;
}

int runDatasetStats(const QStringList& args) {
    QCommandLineParser p;
    addColumnOptions(p);
    p.addOption({"tokenizer", "Tokenizer for the length histogram and truncation count.", "PATH"});
    p.addOption({"max-length", "Length that truncates (default 128).", "N"});
    p.addOption({"json", "Print JSON."});
    if (!parseCommand(
            p, args,
            "Class balance, token lengths, empty, duplicate and truncated rows of a dataset.",
            "DATA", "CSV, TSV, JSONL, JSON, folder per label or CoNLL file."))
        return kExitOk;
    Task task;
    if (!parseTask(p.value("task").toStdString(), task))
        throw UsageError{"--task must be classification, multilabel, token or regression"};
    const auto t0 = std::chrono::steady_clock::now();
    const Dataset d = DatasetReader::read(
        p.positionalArguments().first().toStdString(), task,
        {p.value("text-column").toStdString(), p.value("text-pair-column").toStdString(),
         p.value("label-column").toStdString()});
    const double loadSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::unique_ptr<Tokenizer> tok;
    if (p.isSet("tokenizer")) tok = Tokenizer::load(p.value("tokenizer").toStdString());
    const int maxLength = intOption(p, "max-length", 128, 1);
    const DatasetStatistics s = computeStatistics(d, tok.get(), maxLength);
    std::size_t width = 0;
    const auto histogram = s.histogram(20, &width);
    if (p.isSet("json")) {
        QJsonObject classes;
        for (const auto& [label, n] : s.classCounts) classes[str(label)] = static_cast<double>(n);
        printJson(QJsonObject{{"rows", double(s.rows)},
                              {"empty_rows", double(s.emptyRows)},
                              {"duplicate_rows", double(s.duplicateRows)},
                              {"truncated_rows", double(s.truncatedRows)},
                              {"class_counts", classes},
                              {"mean_length", s.meanLength},
                              {"max_length", double(s.maxLength)},
                              {"histogram", toJsonArray(histogram)},
                              {"histogram_bin_width", double(width)},
                              {"load_seconds", loadSeconds},
                              {"resident_bytes", double(Runtime::residentBytes())}},
                  true);
        return kExitOk;
    }
    out() << s.rows << " rows read in " << str(formatDuration(loadSeconds)) << " ("
          << str(formatBytes(Runtime::residentBytes())) << " in memory); " << s.emptyRows
          << " empty, " << s.duplicateRows << " duplicates\n";
    for (const auto& [label, n] : s.classCounts)
        out() << "  " << str(label).leftJustified(12) << n << " ("
              << QString::number(100.0 * n / std::max<std::size_t>(1, s.rows), 'f', 1) << "%)\n";
    if (tok)
        out() << "tokens per row: mean " << QString::number(s.meanLength, 'f', 1) << ", max "
              << s.maxLength << "; " << s.truncatedRows << " rows longer than " << maxLength
              << "\n";
    return kExitOk;
}

}  // namespace

std::vector<CliCommand> trainCommands() {
    return {{"train", "fine-tune or train a model; resume a run", runTrain},
            {"distill",
             "distil a teacher into a smaller student (task-specific, or --mlm pre-training)",
             runDistill},
            {"evaluate", "every metric of a model on labelled data, with the confusion matrix",
             runEvaluate},
            {"dataset-stats",
             "class balance, token lengths, empty/duplicate/truncated rows of a dataset",
             runDatasetStats}};
}
