#include <unistd.h>

#include <QJsonArray>
#include <QJsonObject>

#include <chrono>
#include <filesystem>
#include <memory>
#include "app/cli/CliSupport.h"
#include "core/data/Dataset.h"
#include "core/distillation/Distiller.h"
#include "core/distillation/StudentInitializer.h"
#include "core/evaluation/Calibration.h"
#include "core/evaluation/StreamingEvaluation.h"
#include "core/inference/Pipeline.h"
#include "core/models/ModelConfig.h"
#include "core/runtime/Environment.h"
#include "core/runtime/Error.h"
#include "core/tokenizers/Tokenizer.h"
#include "core/training/Objective.h"
#include "core/training/RunFolder.h"
#include "core/training/Trainer.h"
#include "core/training/TrainingOptions.h"
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

void addTaskOption(QCommandLineParser& p) {
    p.addOption({"task", "classification (default), multilabel, token or regression.", "TASK",
                 "classification"});
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

// The run options of core's TrainingOptions as flags: "--lr X", "--bf16", and "--no-NAME" for
// flags that are on by default. Help texts and defaults come from core.
void addEngineOptions(QCommandLineParser& p, bool distillation) {
    const TrainingConfig defaults = TrainingConfig::defaultsFor(Task::Classification, false);
    for (const TrainingOption& o : trainingOptions()) {
        if ((o.group == TrainingOption::Group::Distillation) != distillation) continue;
        const QString help = QString::fromUtf8(o.help) + ". Default: " + str(o.defaultText()) + ".";
        if (o.kind == TrainingOption::Kind::Flag) {
            const bool onByDefault = o.number(defaults) != 0;
            p.addOption({onByDefault ? "no-" + str(o.name) : str(o.name),
                         onByDefault ? "Turn off: " + help : help});
            continue;
        }
        const QString valueName = o.kind == TrainingOption::Kind::Integer  ? "N"
                                  : o.kind == TrainingOption::Kind::Number ? "X"
                                  : o.kind == TrainingOption::Kind::Choice ? str([&] {
                                        std::string v;
                                        for (const auto& c : o.choices)
                                            v += (v.empty() ? "" : "|") + c;
                                        return v;
                                    }())
                                                                           : "VALUE";
        p.addOption({str(o.name), help, valueName});
    }
}

void readEngineOptions(const QCommandLineParser& p, TrainingConfig& c, bool distillation) {
    for (const TrainingOption& o : trainingOptions()) {
        if ((o.group == TrainingOption::Group::Distillation) != distillation) continue;
        try {
            if (o.kind == TrainingOption::Kind::Flag) {
                if (p.optionNames().contains(str(o.name)) && p.isSet(str(o.name)))
                    o.setNumber(c, 1);
                if (p.optionNames().contains("no-" + str(o.name)) && p.isSet("no-" + str(o.name)))
                    o.setNumber(c, 0);
            } else if (p.isSet(str(o.name))) {
                o.setFromText(c, p.value(str(o.name)).toStdString());
            }
        } catch (const Error& e) {
            throw UsageError{QString::fromUtf8(e.what())};
        }
    }
}

// Options shared by train and distill: data, hyperparameters, run folder.
void addRunOptions(QCommandLineParser& p) {
    p.addOption(
        {"train",
         "Training data (CSV, TSV, JSONL, JSON, folder per label, CoNLL; a text corpus for --mlm).",
         "FILE"});
    p.addOption(
        {"validation", "Validation data (default: a share of train, --validation-split).", "FILE"});
    p.addOption({"test", "Test data, scored once with the best model.", "FILE"});
    addColumnOptions(p);
    addTaskOption(p);
    p.addOption({"labels",
                 "Label values in id order, comma-separated (as they appear in the data).", "A,B"});
    p.addOption({"label-names",
                 "Names the model reports for those ids (id2label), e.g. negative,positive.",
                 "A,B"});
    addEngineOptions(p, false);
    p.addOption({"out", "Run folder: new or empty (an existing run continues with --resume only).",
                 "RUN_DIR"});
    p.addOption({"resume", "Continue the run in this folder.", "RUN_DIR"});
    p.addOption({"json", "Print JSON lines."});
}

// Fills `c` from the shared options; values not given keep the defaults already in `c`. Core
// checks the whole configuration (validateTrainingConfig) before the run starts.
void readRunOptions(const QCommandLineParser& p, TrainingConfig& c) {
    if (!p.isSet("train") || !p.isSet("out"))
        throw UsageError{"--train and --out are required (or --resume RUN_DIR)"};
    c.trainFile = p.value("train").toStdString();
    c.validationFile = p.value("validation").toStdString();
    c.testFile = p.value("test").toStdString();
    c.columns = {p.value("text-column").toStdString(), p.value("text-pair-column").toStdString(),
                 p.value("label-column").toStdString()};
    for (const QString& l : p.value("labels").split(',', Qt::SkipEmptyParts))
        c.labels.push_back(l.trimmed().toStdString());
    for (const QString& l : p.value("label-names").split(',', Qt::SkipEmptyParts))
        c.labelDisplayNames.push_back(l.trimmed().toStdString());
    readEngineOptions(p, c, false);
    if (const auto problems = validateTrainingConfig(c); !problems.empty()) {
        QString text;
        for (const auto& problem : problems) text += (text.isEmpty() ? "" : "; ") + str(problem);
        throw UsageError{text};
    }
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
    // The options are checked first: a usage error never waits on a download.
    if (p.isSet("model")) c.model = resolveModelArgument(p.value("model")).toStdString();
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
    addEngineOptions(p, true);
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
    const bool mlm = p.isSet("mlm");
    Task task = Task::MaskedLM;
    if (!mlm && (!parseTask(p.value("task").toStdString(), task) || task == Task::MaskedLM))
        throw UsageError{
            "--task must be classification or token (use --mlm for pre-training distillation)"};
    TrainingConfig c = TrainingConfig::distillationDefaults(task);
    DistillationSettings& d = c.distillation;
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
            d.teacher = resolveModelArgument(p.value("teacher")).toStdString();
            d.teacherLayers =
                StudentInitializer::defaultLayers(ModelConfig::ofModel(d.teacher).numLayers, n);
        }
    }
    readEngineOptions(p, c, true);
    readRunOptions(p, c);
    // The options are checked first: a usage error never waits on a download.
    d.teacher = resolveModelArgument(p.value("teacher")).toStdString();
    if (p.isSet("student")) d.student = resolveModelArgument(p.value("student")).toStdString();
    return reportDistillation(
        Distiller::distill(c, p.value("out").toStdString(), consoleCallbacks(json)), json);
}

// Progress on stderr at most once a second, for jobs that can run for minutes.
JobCallbacks stderrProgress(const QString& what) {
    JobCallbacks cb;
    auto last = std::make_shared<std::chrono::steady_clock::time_point>();
    cb.progress = [last, what](const ProgressReport& r) {
        const auto now = std::chrono::steady_clock::now();
        if (now - *last < std::chrono::seconds(1) && r.fraction < 1.0) return;
        *last = now;
        QTextStream err(stderr);
        err << what << ": " << QString::number(100 * r.fraction, 'f', 0) << "% (" << str(r.message)
            << ")";
        if (r.etaSeconds && r.fraction < 1.0)
            err << ", " << str(formatDuration(*r.etaSeconds)) << " left";
        err << "\n";
    };
    return cb;
}

QJsonArray confusionJson(const ClassificationMetrics& m) {
    QJsonArray matrix;
    for (const auto& row : m.confusion) matrix.append(toJsonArray(row));
    return matrix;
}

QJsonArray perClassJson(const std::vector<ClassMetrics>& classes, const char* key) {
    QJsonArray out;
    for (const auto& c : classes)
        out.append(QJsonObject{{key, str(c.label)},
                               {"precision", c.precision},
                               {"recall", c.recall},
                               {"f1", c.f1},
                               {"support", c.support}});
    return out;
}

void printConfusion(const std::vector<std::string>& labels, const ClassificationMetrics& m) {
    out() << "confusion matrix (rows: true, columns: predicted)\n";
    for (std::size_t i = 0; i < labels.size(); ++i) {
        out() << "  " << str(labels[i]).leftJustified(12);
        for (int v : m.confusion[i]) out() << QString::number(v).rightJustified(8);
        out() << "\n";
    }
}

int runStreamingEvaluation(const QCommandLineParser& p, const Pipeline& pipeline, Task task) {
    StreamingEvaluationOptions o;
    o.columns = {p.value("text-column").toStdString(), p.value("text-pair-column").toStdString(),
                 p.value("label-column").toStdString()};
    if (p.isSet("label-map")) o.labelMap = parseLabelMap(p.value("label-map").toStdString());
    o.batchSize = intOption(p, "batch-size", EvaluationDefaults::kBatchSize, 1);
    o.maxLength = intOption(p, "max-length", EvaluationDefaults::kMaxLength, 4);
    o.threshold = doubleOption(p, "threshold", EvaluationDefaults::kThreshold);
    o.predictionsPath = p.value("predictions").toStdString();
    const StreamingEvaluationReport r =
        evaluateStream(pipeline, p.value("data").toStdString(), o, stderrProgress("evaluating"));
    for (const auto& w : r.warnings) QTextStream(stderr) << "warning: " << str(w) << "\n";
    if (p.isSet("json")) {
        QJsonObject o{{"task", str(taskName(task))},
                      {"examples", static_cast<double>(r.examples)},
                      {"streamed", true},
                      {"metrics", metricsJson(r.metrics)},
                      {"labels", toJsonArray(r.labels)},
                      {"notes", toJsonArray(r.notes)}};
        if (task == Task::Classification) {
            o["confusion_matrix"] = confusionJson(r.classification);
            o["per_class"] = perClassJson(r.classification.perClass, "label");
            if (r.classification.rocAuc >= 0) o["roc_auc_max_error"] = r.rocAucMaxError;
            o["calibration"] = QJsonObject{{"ece", r.calibration.expectedCalibrationError},
                                           {"mce", r.calibration.maximumCalibrationError},
                                           {"brier", r.calibration.brierScore},
                                           {"nll", r.calibration.negativeLogLikelihood}};
        }
        if (task == Task::TokenClassification)
            o["per_type"] = perClassJson(r.entities.perType, "type");
        printJson(o, true);
        return kExitOk;
    }
    out() << r.examples << " examples (streamed)\n";
    for (const auto& [k, v] : r.metrics)
        out() << "  " << str(k).leftJustified(18) << QString::number(v, 'f', 4) << "\n";
    if (task == Task::Classification) {
        printConfusion(r.labels, r.classification);
        out() << QString("calibration: ECE %1 (worst bin %2), Brier %3\n")
                     .arg(r.calibration.expectedCalibrationError, 0, 'f', 4)
                     .arg(r.calibration.maximumCalibrationError, 0, 'f', 4)
                     .arg(r.calibration.brierScore, 0, 'f', 4);
    }
    for (const auto& n : r.notes) out() << "note: " << str(n) << "\n";
    return kExitOk;
}

int runEvaluate(const QStringList& args) {
    QCommandLineParser p;
    p.addOption(
        {"data", "Labelled data (CSV, TSV, JSONL, JSON, folder per label, CoNLL).", "FILE"});
    addColumnOptions(p);
    p.addOption({"task",
                 "The model's task (from its head and problem_type); if given, it must match.",
                 "TASK"});
    p.addOption({"batch-size",
                 QString("Examples per batch (default %1).").arg(EvaluationDefaults::kBatchSize),
                 "N"});
    p.addOption({"max-length",
                 QString("Tokens per example (default %1).").arg(EvaluationDefaults::kMaxLength),
                 "N"});
    p.addOption({"threshold",
                 QString("Binary and multi-label decision threshold (default %1).")
                     .arg(EvaluationDefaults::kThreshold),
                 "X"});
    p.addOption({"compare",
                 "A second model on the same data: both reports and every metric's difference.",
                 "MODEL_B"});
    p.addOption({"label-map",
                 "Data labels that differ from the model's: DATA=MODEL,... (e.g. "
                 "foo=negative,bar=positive).",
                 "MAP"});
    p.addOption({"stream",
                 "Read the data in chunks: memory stays the same for any length of file (CSV, "
                 "TSV, JSON Lines, CoNLL). ROC-AUC and PR-AUC are then binned (with a bound), "
                 "Spearman and the calibration temperature are left out."});
    p.addOption({"predictions",
                 "With --stream: each example's prediction as CSV, in file order (a new file).",
                 "FILE"});
    p.addOption({"json", "Print JSON."});
    if (!parseCommand(
            p, args,
            "Score a model on labelled data: every metric of its task and the confusion matrix.",
            "MODEL", "Model folder."))
        return kExitOk;
    if (!p.isSet("data")) throw UsageError{"--data is required"};
    const auto pipeline = openPipeline(p.positionalArguments().first());
    // The model's task (as the Evaluate page); --task only confirms it.
    const Task task = Objective::taskOf(pipeline->model()->config());
    if (Task given;
        p.isSet("task") && (!parseTask(p.value("task").toStdString(), given) || given != task))
        throw UsageError{"--task " + p.value("task") + ": the model is a " + str(taskName(task)) +
                         " model"};
    if (p.isSet("stream")) {
        if (p.isSet("compare"))
            throw UsageError{
                "--compare keeps both models' predictions in memory; leave out --stream"};
        return runStreamingEvaluation(p, *pipeline, task);
    }
    if (p.isSet("predictions"))
        throw UsageError{"--predictions writes while the data streams: add --stream"};
    const Dataset data = readEvaluationData(
        p.value("data").toStdString(), pipeline->model()->config(),
        {p.value("text-column").toStdString(), p.value("text-pair-column").toStdString(),
         p.value("label-column").toStdString()},
        p.isSet("label-map") ? parseLabelMap(p.value("label-map").toStdString())
                             : std::map<std::string, std::string>{});
    for (const auto& w : data.warnings) QTextStream(stderr) << "warning: " << str(w) << "\n";
    const int batchSize = intOption(p, "batch-size", EvaluationDefaults::kBatchSize, 1);
    const int maxLength = intOption(p, "max-length", EvaluationDefaults::kMaxLength, 4);
    const double threshold = doubleOption(p, "threshold", EvaluationDefaults::kThreshold);
    if (p.isSet("compare")) {
        const auto other = openPipeline(p.value("compare"));
        const ModelComparison c =
            compareModels(*pipeline, *other, p.positionalArguments().first().toStdString(),
                          p.value("compare").toStdString(), data, batchSize, maxLength, threshold);
        if (p.isSet("json")) {
            QJsonArray rows;
            for (const auto& m : c.metrics) {
                QJsonObject o{{"metric", str(m.metric)}};
                if (m.a) o["a"] = *m.a;
                if (m.b) o["b"] = *m.b;
                if (m.a && m.b) o["difference"] = *m.b - *m.a;
                rows.append(o);
            }
            printJson(QJsonObject{{"examples", static_cast<int>(data.examples.size())},
                                  {"disagreements", static_cast<double>(c.disagreements)},
                                  {"metrics", rows}},
                      true);
            return kExitOk;
        }
        out() << data.examples.size() << " examples; the models disagree on " << c.disagreements
              << "\n";
        out() << "  " << QString("metric").leftJustified(18) << QString("A").rightJustified(10)
              << QString("B").rightJustified(10) << QString("B - A").rightJustified(10) << "\n";
        for (const auto& m : c.metrics)
            out() << "  " << str(m.metric).leftJustified(18)
                  << (m.a ? QString::number(*m.a, 'f', 4) : QString("-")).rightJustified(10)
                  << (m.b ? QString::number(*m.b, 'f', 4) : QString("-")).rightJustified(10)
                  << (m.a && m.b ? QString::asprintf("%+.4f", *m.b - *m.a) : QString())
                         .rightJustified(10)
                  << "\n";
        return kExitOk;
    }
    const EvaluationReport r = evaluateModel(*pipeline, data, batchSize, maxLength, threshold);
    if (p.isSet("json")) {
        QJsonObject o{{"task", str(taskName(task))},
                      {"examples", static_cast<int>(data.examples.size())},
                      {"metrics", metricsJson(r.metrics)},
                      {"labels", toJsonArray(r.labels)}};
        if (task == Task::Classification) {
            o["confusion_matrix"] = confusionJson(r.classification);
            o["per_class"] = perClassJson(r.classification.perClass, "label");
            const CalibrationReport cal = calibrationReport(r.probabilities, r.truth);
            QJsonArray bins;
            for (const auto& b : cal.bins)
                bins.append(QJsonObject{{"lower", b.lower},
                                        {"upper", b.upper},
                                        {"count", b.count},
                                        {"confidence", b.confidence},
                                        {"accuracy", b.accuracy}});
            o["calibration"] =
                QJsonObject{{"ece", cal.expectedCalibrationError},
                            {"mce", cal.maximumCalibrationError},
                            {"brier", cal.brierScore},
                            {"nll", cal.negativeLogLikelihood},
                            {"temperature", cal.temperature},
                            {"ece_after_temperature", cal.expectedCalibrationErrorScaled},
                            {"bins", bins}};
        }
        if (task == Task::TokenClassification)
            o["per_type"] = perClassJson(r.entities.perType, "type");
        printJson(o, true);
        return kExitOk;
    }
    out() << data.examples.size() << " examples\n";
    for (const auto& [k, v] : r.metrics)
        out() << "  " << str(k).leftJustified(18) << QString::number(v, 'f', 4) << "\n";
    if (task == Task::Classification) {
        printConfusion(r.labels, r.classification);
        const CalibrationReport cal = calibrationReport(r.probabilities, r.truth);
        out() << QString(
                     "calibration: ECE %1 (worst bin %2), Brier %3; temperature %4 would "
                     "bring ECE to %5\n")
                     .arg(cal.expectedCalibrationError, 0, 'f', 4)
                     .arg(cal.maximumCalibrationError, 0, 'f', 4)
                     .arg(cal.brierScore, 0, 'f', 4)
                     .arg(cal.temperature, 0, 'f', 2)
                     .arg(cal.expectedCalibrationErrorScaled, 0, 'f', 4);
    }
    return kExitOk;
}

int runDatasetStats(const QStringList& args) {
    QCommandLineParser p;
    addColumnOptions(p);
    addTaskOption(p);
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

int runRuns(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({"json", "Print JSON."});
    p.addOption({"delete",
                 "Delete this run (a folder name in RUNS_DIR). Refused for a folder holding "
                 "files no run writes, or a run in progress.",
                 "RUN"});
    p.addOption({"rename", "Rename this run (with --to).", "RUN"});
    p.addOption({"to", "The new folder name for --rename.", "NAME"});
    if (!parseCommand(p, args,
                      "The runs in a runs folder, newest first: task, data, model, the best value "
                      "of each run's metric_for_best, steps and duration (as the Train page's "
                      "history).",
                      "RUNS_DIR", "A folder of run folders (train/distill --out targets)."))
        return kExitOk;
    const std::string root = p.positionalArguments().first().toStdString();
    std::error_code ec;
    if (!std::filesystem::is_directory(root, ec)) throw Error(root, "is not a folder");
    if (p.isSet("delete")) {
        const std::string run =
            (std::filesystem::path(root) / p.value("delete").toStdString()).string();
        RunFolder::deleteRun(run);
        out() << "deleted " << str(run) << "\n";
        return kExitOk;
    }
    if (p.isSet("rename")) {
        if (!p.isSet("to")) throw UsageError{"--rename RUN needs --to NAME"};
        const std::string run =
            (std::filesystem::path(root) / p.value("rename").toStdString()).string();
        out() << "renamed to " << str(RunFolder::renameRun(run, p.value("to").toStdString()))
              << "\n";
        return kExitOk;
    }
    const auto runs = RunFolder::listRuns(root);
    if (p.isSet("json")) {
        QJsonArray all;
        for (const auto& r : runs) {
            QJsonObject o{{"name", str(r.name)},
                          {"path", str(r.path)},
                          {"task", str(r.task)},
                          {"train_file", str(r.trainFile)},
                          {"model", str(r.model)},
                          {"distillation", r.distillation},
                          {"finished", r.finished},
                          {"early_stopped", r.earlyStopped},
                          {"steps", r.steps},
                          {"epochs", r.epochs},
                          {"seconds", r.seconds},
                          {"examples_per_second", r.examplesPerSecond},
                          {"metric_for_best", str(r.metricForBest)},
                          {"best_metrics", metricsJson(r.bestMetrics)},
                          {"config", r.config}};
            if (r.bestValue) o["best_value"] = *r.bestValue;
            all.append(o);
        }
        printJson(all, true);
        return kExitOk;
    }
    if (runs.empty()) {
        out() << "no runs in " << str(root) << "\n";
        return kExitOk;
    }
    for (const auto& r : runs)
        out() << str(r.name).leftJustified(22) << " " << str(r.task).leftJustified(15) << " "
              << str(r.model).leftJustified(24) << " "
              << (r.bestValue ? str(r.metricForBest) + " " + QString::number(*r.bestValue, 'f', 4)
                              : QString("-"))
                     .leftJustified(20)
              << " " << QString::number(r.steps).rightJustified(7) << " steps  "
              << (r.finished ? str(formatDuration(r.seconds)) : QString("not finished")) << "\n";
    return kExitOk;
}

}  // namespace

std::vector<CliCommand> trainCommands() {
    // Summaries: app/cli/CommandTable.h.
    return {{"train", runTrain},
            {"distill", runDistill},
            {"evaluate", runEvaluate},
            {"runs", runRuns},
            {"dataset-stats", runDatasetStats}};
}
