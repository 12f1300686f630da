// Analysis commands: behavioural tests (`check`).
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>
#include <algorithm>
#include <cmath>

#include "app/cli/CliCommand.h"
#include "app/cli/CliSupport.h"
#include "core/analysis/BehaviourCheck.h"
#include "core/analysis/Counterfactuals.h"
#include "core/analysis/DataMap.h"
#include "core/analysis/Embeddings.h"
#include "core/analysis/Projection.h"
#include "core/analysis/Slices.h"
#include "core/evaluation/Calibration.h"
#include "core/evaluation/Evaluation.h"
#include "core/inference/Pipeline.h"
#include "core/runtime/Error.h"
#include "core/training/Objective.h"
#include "core/training/RunFolder.h"
#include "core/training/TrainingConfig.h"
#include "core/training/TrainingDynamics.h"
#include "core/util/AtomicFile.h"
#include "core/util/JsonFile.h"

using namespace distilbench;

namespace {

QString str(const std::string& s) {
    return QString::fromStdString(s);
}

int runCheck(const QStringList& args) {
    QCommandLineParser p;
    p.addPositionalArgument("MODEL", "Model folder or Hub id.");
    p.addPositionalArgument("SUITE",
                            "Behavioural test suite (JSON); when omitted, the built-in one for "
                            "the model (sentiment, or named entities for a token classifier).",
                            "[SUITE.json]");
    p.addOption({"batch-size", "Texts per batch (default 32).", "N"});
    p.addOption({"show", "Failing examples printed per failing test (default 3).", "N"});
    p.addOption(
        {"json", "Print the whole report as JSON (every failing example, up to 200 a test)."});
    if (!parseCommand(p, args,
                      "Behavioural tests (CheckList style: MFT, INV, DIR) of a classifier. Exits "
                      "with 1 when any test passes fewer examples than its min_pass_rate, so a "
                      "model can be gated in automation."))
        return kExitOk;
    const QStringList positional = p.positionalArguments();
    if (positional.isEmpty() || positional.size() > 2)
        throw UsageError{"expects MODEL and optionally SUITE.json (see --help)"};
    const auto pipeline = openPipeline(positional[0]);
    // Without a suite: the built-in one for the model's task.
    const std::string suitePath =
        positional.size() == 2
            ? positional[1].toStdString()
            : BehaviourSuite::builtInPathFor(Objective::taskOf(pipeline->model()->config()));
    const BehaviourSuite suite = BehaviourSuite::read(suitePath);
    const BehaviourReport report =
        runBehaviourSuite(*pipeline, suite, intOption(p, "batch-size", 32, 1));
    if (p.isSet("json")) {
        printJson(report.toJson(), true);
        return report.passed() ? kExitOk : kExitRuntimeError;
    }
    const int show = intOption(p, "show", 3, 0);
    out() << str(report.suite) << " on " << positional[0] << "\n";
    for (const auto& [suiteLabel, modelLabel] : report.labels)
        if (suiteLabel != modelLabel)
            out() << "  label " << str(suiteLabel) << " = the model's " << str(modelLabel) << "\n";
    for (const BehaviourTestResult& t : report.tests) {
        out() << (t.passed ? "  pass  " : "  FAIL  ") << str(behaviourTestTypeName(t.type)) << "  "
              << str(t.capability).leftJustified(11) << " " << str(t.name).leftJustified(36) << " ";
        if (!t.note.empty()) {
            out() << str(t.note) << "\n";
            continue;
        }
        out() << QString("%1/%2 passed (%3%, needs %4%)")
                     .arg(t.examples - t.failures)
                     .arg(t.examples)
                     .arg(100.0 * t.passRate, 0, 'f', 1)
                     .arg(100.0 * t.minPassRate, 0, 'f', 0)
              << "\n";
        if (t.passed) continue;
        for (int k = 0; k < show && k < static_cast<int>(t.failing.size()); ++k) {
            const BehaviourFailure& f = t.failing[static_cast<std::size_t>(k)];
            if (report.tokenClassification)
                out() << "          \"" << str(f.text) << "\""
                      << (f.variant.empty() ? QString() : " → \"" + str(f.variant) + "\"") << ": "
                      << str(f.predicted) << " (expected " << str(f.expected) << ")\n";
            else if (t.type == BehaviourTestType::MFT)
                out() << "          \"" << str(f.text) << "\" → " << str(f.predicted)
                      << QString(" (%1 %2)").arg(str(f.expected)).arg(f.before, 0, 'f', 2) << "\n";
            else
                out() << "          \"" << str(f.text) << "\" → \"" << str(f.variant) << "\" ["
                      << str(f.change) << "] "
                      << QString("%1 %2 → %3")
                             .arg(str(f.expected))
                             .arg(f.before, 0, 'f', 2)
                             .arg(f.after, 0, 'f', 2)
                      << (t.type == BehaviourTestType::INV ? ", now " + str(f.predicted) : "")
                      << "\n";
        }
    }
    out() << (report.tests.size() - static_cast<std::size_t>(report.failedTests())) << " of "
          << report.tests.size() << " tests passed\n";
    return report.passed() ? kExitOk : kExitRuntimeError;
}

int runPerturb(const QStringList& args) {
    QCommandLineParser p;
    p.addPositionalArgument("MODEL", "Model folder or Hub id.");
    p.addPositionalArgument("TEXT", "The sentence to change.");
    p.addOption({"kind",
                 "drop-word (occlusion; the default), negate, swap, typos, lowercase, uppercase, "
                 "punctuation, append or prepend.",
                 "KIND"});
    p.addOption({"words",
                 "swap: words that replace each other, comma-separated, or a built-in list: "
                 "intensifiers, first_names, pronouns.",
                 "LIST"});
    p.addOption({"phrases", "append/prepend: phrases separated by '|'.", "LIST"});
    p.addOption({"variants", "swap/typos: variants per text (default 5).", "N"});
    p.addOption({"json", "Print JSON."});
    if (!parseCommand(p, args,
                      "Counterfactuals: the sentence changed one way at a time, each variant "
                      "predicted, prediction flips first."))
        return kExitOk;
    const QStringList positional = p.positionalArguments();
    if (positional.size() != 2) throw UsageError{"expects MODEL and TEXT (see --help)"};
    Perturbation perturbation;
    perturbation.kind = Perturbation::Kind::DropWord;
    if (p.isSet("kind") &&
        !Perturbation::parseKind(p.value("kind").toStdString(), perturbation.kind))
        throw UsageError{"--kind " + p.value("kind") + " is not a perturbation (see --help)"};
    const QString words = p.value("words");
    if (!builtInWordList(words.toStdString()).empty())
        perturbation.words = builtInWordList(words.toStdString());
    else
        for (const QString& w : words.split(',', Qt::SkipEmptyParts))
            perturbation.words.push_back(w.trimmed().toStdString());
    for (const QString& ph : p.value("phrases").split('|', Qt::SkipEmptyParts))
        perturbation.phrases.push_back(ph.trimmed().toStdString());
    perturbation.variants = intOption(p, "variants", 5, 1);
    if (perturbation.kind == Perturbation::Kind::Swap && perturbation.words.size() < 2)
        throw UsageError{"--kind swap needs --words with two or more words, or a built-in list"};
    if ((perturbation.kind == Perturbation::Kind::Append ||
         perturbation.kind == Perturbation::Kind::Prepend) &&
        perturbation.phrases.empty())
        throw UsageError{"--kind " + p.value("kind") + " needs --phrases"};
    const auto pipeline = openPipeline(positional[0]);
    const CounterfactualSet set =
        findCounterfactuals(*pipeline, positional[1].toStdString(), perturbation);
    if (p.isSet("json")) {
        QJsonArray variants;
        for (const Counterfactual& c : set.variants)
            variants.append(QJsonObject{{"text", str(c.text)},
                                        {"change", str(c.change)},
                                        {"label", str(c.label)},
                                        {"probabilities", toJsonArray(c.probabilities)},
                                        {"delta", c.delta},
                                        {"flipped", c.flipped}});
        printJson(QJsonObject{{"text", str(set.text)},
                              {"label", str(set.label)},
                              {"probabilities", toJsonArray(set.probabilities)},
                              {"variants", variants}},
                  true);
        return kExitOk;
    }
    const float best = *std::max_element(set.probabilities.begin(), set.probabilities.end());
    out() << "\"" << str(set.text) << "\" → " << str(set.label)
          << QString(" %1%").arg(100.0 * best, 0, 'f', 1) << "\n";
    if (set.variants.empty()) out() << "  the perturbation does not change this text\n";
    int flips = 0;
    for (const Counterfactual& c : set.variants) {
        flips += c.flipped;
        out() << (c.flipped ? "  FLIP " : "       ")
              << QString("%1").arg(QString::asprintf("%+.1f", 100.0 * c.delta), 6) << "  "
              << str(c.label).leftJustified(10) << " \"" << str(c.text) << "\"  [" << str(c.change)
              << "]\n";
    }
    out() << flips << " of " << set.variants.size() << " variants change the prediction\n";
    return kExitOk;
}

int runSlices(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({"data", "Labelled data (CSV, TSV, JSONL, JSON, folder per label).", "FILE"});
    addColumnOptions(p);
    p.addOption({"slice",
                 "A slice (repeatable): keyword:WORD, regex:PATTERN, length:MIN-MAX (words), "
                 "label:NAME, predicted:NAME, column:NAME=VALUE (a column of the data file).",
                 "SPEC"});
    p.addOption({"no-auto",
                 "Only the --slice slices (otherwise length quartiles, labels, negation, "
                 "contrast, questions, exclamations and numbers are added)."});
    p.addOption({"batch-size", "Examples per batch (default 64).", "N"});
    p.addOption({"max-length", "Tokens per example (default 128).", "N"});
    p.addOption({"json", "Print JSON (with the example indices of each slice)."});
    if (!parseCommand(p, args,
                      "Accuracy of a classifier on slices of labelled data, with 95% confidence "
                      "intervals; the slices where it drops most against the whole set first.",
                      "MODEL", "Model folder or Hub id."))
        return kExitOk;
    if (!p.isSet("data")) throw UsageError{"--data is required"};
    std::vector<SliceDefinition> definitions;
    for (const QString& spec : p.values("slice"))
        definitions.push_back(SliceDefinition::parse(spec.toStdString()));
    if (p.isSet("no-auto") && definitions.empty())
        throw UsageError{"--no-auto needs at least one --slice"};
    const auto pipeline = openPipeline(p.positionalArguments().first());
    const std::string path = p.value("data").toStdString();
    const Dataset data = readEvaluationData(
        path, pipeline->model()->config(),
        {p.value("text-column").toStdString(), p.value("text-pair-column").toStdString(),
         p.value("label-column").toStdString()});
    const EvaluationReport report = evaluateModel(
        *pipeline, data, intOption(p, "batch-size", EvaluationDefaults::kBatchSize, 1),
        intOption(p, "max-length", EvaluationDefaults::kMaxLength, 4));
    if (!p.isSet("no-auto")) {
        const auto automatic = automaticSlices(report);
        definitions.insert(definitions.end(), automatic.begin(), automatic.end());
    }
    const SliceReport slices = computeSlices(report, definitions, readMetadataColumns(path));
    auto json = [](const SliceMetrics& m) {
        QJsonArray examples;
        for (std::size_t i : m.examples) examples.append(static_cast<double>(i));
        return QJsonObject{
            {"name", str(m.name)}, {"spec", str(m.spec)},    {"count", m.count},
            {"errors", m.errors},  {"accuracy", m.accuracy}, {"ci_low", m.ciLow},
            {"ci_high", m.ciHigh}, {"macro_f1", m.macroF1},  {"mean_confidence", m.meanConfidence},
            {"drop", m.drop},      {"examples", examples}};
    };
    if (p.isSet("json")) {
        QJsonArray rows;
        for (const SliceMetrics& m : slices.slices) rows.append(json(m));
        printJson(QJsonObject{{"overall", json(slices.overall)}, {"slices", rows}}, true);
        return kExitOk;
    }
    auto line = [](const SliceMetrics& m) {
        return str(m.name).leftJustified(22) + QString::number(m.count).rightJustified(7) +
               QString("%1%").arg(100 * m.accuracy, 0, 'f', 1).rightJustified(9) +
               QString("[%1, %2]")
                   .arg(100 * m.ciLow, 0, 'f', 1)
                   .arg(100 * m.ciHigh, 0, 'f', 1)
                   .rightJustified(15) +
               QString::asprintf("%+.1f", -100 * m.drop).rightJustified(9) +
               QString::number(m.macroF1, 'f', 3).rightJustified(10);
    };
    // Token classification: the share of sentences tagged entirely right, and entity F1.
    const bool tokens = slices.task == Task::TokenClassification;
    out() << QString("slice").leftJustified(22) << QString("n").rightJustified(7)
          << QString(tokens ? "exact" : "accuracy").rightJustified(9)
          << QString("95% CI").rightJustified(15) << QString("vs all").rightJustified(9)
          << QString(tokens ? "entity F1" : "macro F1").rightJustified(10) << "\n";
    out() << line(slices.overall) << "\n";
    for (const SliceMetrics& m : slices.slices) out() << line(m) << "\n";
    return kExitOk;
}

int runCalibrate(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({"data", "Labelled validation data (CSV, TSV, JSONL, JSON).", "FILE"});
    addColumnOptions(p);
    p.addOption(
        {"save",
         "Store the fitted temperature in the model folder's config.json "
         "(\"distilbench_temperature\": DistilBench applies it, transformers ignores it)."});
    p.addOption({"bins", "Confidence bins of the reliability diagram (default 15).", "N"});
    p.addOption({"json", "Print JSON."});
    if (!parseCommand(p, args,
                      "Calibration of a classifier: expected calibration error, Brier score and "
                      "the temperature that makes its confidence match its accuracy, fitted on "
                      "labelled data; --save stores it with the model.",
                      "MODEL", "Model folder."))
        return kExitOk;
    if (!p.isSet("data")) throw UsageError{"--data is required"};
    const QString model = p.positionalArguments().first();
    const auto pipeline = openPipeline(model);
    const Dataset data = readEvaluationData(
        p.value("data").toStdString(), pipeline->model()->config(),
        {p.value("text-column").toStdString(), p.value("text-pair-column").toStdString(),
         p.value("label-column").toStdString()});
    const EvaluationReport report = evaluateModel(*pipeline, data, EvaluationDefaults::kBatchSize,
                                                  EvaluationDefaults::kMaxLength);
    if (report.task != Task::Classification)
        throw UsageError{"calibrate needs a single-label classification model"};
    const CalibrationReport c =
        calibrationReport(report.probabilities, report.truth, intOption(p, "bins", 15, 2));
    // The report's probabilities carry the temperature the model already applies.
    const double saved = pipeline->model()->config().temperature;
    const double temperature = saved * c.temperature;
    QString stored;
    if (p.isSet("save")) {
        const QString folder = resolveModelArgument(model);
        saveTemperature(folder.toStdString(), temperature);
        stored = QDir(folder).filePath("config.json");
    }
    if (p.isSet("json")) {
        QJsonObject o{{"examples", static_cast<int>(report.truth.size())},
                      {"ece", c.expectedCalibrationError},
                      {"mce", c.maximumCalibrationError},
                      {"brier", c.brierScore},
                      {"nll", c.negativeLogLikelihood},
                      {"model_temperature", saved},
                      {"temperature", temperature},
                      {"ece_after", c.expectedCalibrationErrorScaled},
                      {"nll_after", c.negativeLogLikelihoodScaled}};
        if (!stored.isEmpty()) o["saved_to"] = stored;
        printJson(o, true);
        return kExitOk;
    }
    out() << report.truth.size() << " examples\n"
          << QString("  expected calibration error %1 (worst bin %2), Brier %3, NLL %4\n")
                 .arg(c.expectedCalibrationError, 0, 'f', 4)
                 .arg(c.maximumCalibrationError, 0, 'f', 4)
                 .arg(c.brierScore, 0, 'f', 4)
                 .arg(c.negativeLogLikelihood, 0, 'f', 4)
          << QString("  temperature %1%2: error %3, NLL %4\n")
                 .arg(temperature, 0, 'f', 3)
                 .arg(saved != 1.0 ? QString(" (the model applied %1)").arg(saved, 0, 'f', 3)
                                   : QString())
                 .arg(c.expectedCalibrationErrorScaled, 0, 'f', 4)
                 .arg(c.negativeLogLikelihoodScaled, 0, 'f', 4);
    if (!stored.isEmpty()) out() << "  stored in " << stored << "\n";
    return kExitOk;
}

int runDataMap(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({"top", "Likely label errors listed (default 20).", "N"});
    p.addOption({"without",
                 "Write a copy of the run's training file without the likely label errors (the "
                 "hard-to-learn examples) to FILE, for the next run; the original is untouched.",
                 "FILE"});
    p.addOption({"json", "Print every example's confidence, variability and correctness."});
    if (!parseCommand(p, args,
                      "The data map of a fine-tuning run (Dataset Cartography): each training "
                      "example's confidence and variability over epochs; the hard-to-learn ones "
                      "are likely label errors.",
                      "RUN", "Run folder."))
        return kExitOk;
    const std::string run = p.positionalArguments().first().toStdString();
    const std::string file =
        (QDir(QString::fromStdString(run)).filePath(RunFolder::kTrainingDynamicsFile))
            .toStdString();
    if (!QFileInfo::exists(QString::fromStdString(file)))
        throw Error(run, "has no data map (runs that fine-tune a classifier record one)");
    const DataMap map = computeDataMap(TrainingDynamics::load(file));
    const auto errors = map.likelyLabelErrors();
    auto region = [&](DataMapRegion r) {
        return std::count_if(map.points.begin(), map.points.end(),
                             [&](const DataMapPoint& pt) { return DataMap::regionOf(pt) == r; });
    };
    if (p.isSet("without")) {
        const TrainingConfig cfg = TrainingConfig::fromJson(readJsonObject(
            (QDir(QString::fromStdString(run)).filePath(RunFolder::kConfigFile)).toStdString()));
        std::vector<Example> remove;
        for (const DataMapPoint& pt : errors) {
            Example e;
            e.text = map.texts[pt.index];
            e.pair = map.pairs[pt.index];
            e.label = map.gold[pt.index];
            remove.push_back(e);
        }
        const std::size_t n = writeDataWithout(cfg.trainFile, cfg.task, cfg.columns, map.dataLabels,
                                               remove, p.value("without").toStdString());
        QTextStream(stderr) << "wrote " << p.value("without") << " without " << n << " rows of "
                            << str(cfg.trainFile) << "\n";
    }
    if (p.isSet("json")) {
        QJsonArray points;
        for (const DataMapPoint& pt : map.points)
            points.append(QJsonObject{{"index", static_cast<double>(pt.index)},
                                      {"text", str(map.texts[pt.index])},
                                      {"label", str(map.labelOf(pt.index))},
                                      {"confidence", pt.confidence},
                                      {"variability", pt.variability},
                                      {"correctness", pt.correctness},
                                      {"region", str(DataMap::regionName(DataMap::regionOf(pt)))}});
        printJson(QJsonObject{{"epochs", map.epochs}, {"points", points}}, true);
        return kExitOk;
    }
    out() << map.points.size() << " training examples over " << map.epochs
          << " epochs: " << region(DataMapRegion::EasyToLearn) << " easy to learn, "
          << region(DataMapRegion::Ambiguous) << " ambiguous, "
          << region(DataMapRegion::HardToLearn) << " hard to learn\n";
    const int top = intOption(p, "top", 20, 0);
    if (!errors.empty()) out() << "likely label errors (lowest confidence first):\n";
    for (int k = 0; k < top && k < static_cast<int>(errors.size()); ++k) {
        const DataMapPoint& pt = errors[static_cast<std::size_t>(k)];
        out() << QString("  %1  %2  \"%3\"\n")
                     .arg(pt.confidence, 0, 'f', 3)
                     .arg(str(map.labelOf(pt.index)), -10)
                     .arg(str(map.texts[pt.index]));
    }
    return kExitOk;
}

int runEmbed(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({"data",
                 "Texts: labelled data (CSV, TSV, JSONL, JSON) or a .txt file with one text "
                 "per line.",
                 "FILE"});
    p.addOption({"layer", "0 = the embeddings, 1..L = a layer's output (default: the last).", "N"});
    p.addOption({"pooling", "cls (the first token; default) or mean (over the tokens).", "P"});
    p.addOption({"project",
                 "pca (default; every example), tsne (exact t-SNE of up to 3000) or none (the "
                 "file is then streamed: memory stays the same for any number of texts).",
                 "M"});
    p.addOption({"out", "Points as CSV: index, x, y, text, label, predicted, confidence.", "FILE"});
    p.addOption({"vectors",
                 "The raw vectors as TSV (TensorBoard projector's vectors.tsv; metadata.tsv "
                 "is written beside it).",
                 "FILE"});
    p.addOption({"batch-size", "Texts per batch (default 32).", "N"});
    p.addOption({"json", "Print the timings and projection as JSON."});
    if (!parseCommand(p, args,
                      "Embeddings of a layer for every text of a file, projected to 2-D (PCA or "
                      "t-SNE), as the Analyse page's projector computes them.",
                      "MODEL", "Model folder or Hub id."))
        return kExitOk;
    if (!p.isSet("data")) throw UsageError{"--data is required"};
    EmbeddingOptions options;
    options.layer = p.isSet("layer") ? intOption(p, "layer", -1, 0) : -1;
    if (p.isSet("pooling") && !parsePooling(p.value("pooling").toStdString(), options.pooling))
        throw UsageError{"--pooling takes cls or mean"};
    options.batchSize = intOption(p, "batch-size", 32, 1);
    const QString method = p.value("project").isEmpty() ? "pca" : p.value("project");
    if (method != "pca" && method != "tsne" && method != "none")
        throw UsageError{"--project takes pca, tsne or none"};
    const auto pipeline = openPipeline(p.positionalArguments().first());
    if (method == "none") {
        if (p.isSet("out"))
            throw UsageError{"--out writes projected points: leave out --project none"};
        QElapsedTimer timer;
        timer.start();
        const EmbeddingExport e = exportEmbeddings(*pipeline, p.value("data").toStdString(),
                                                   p.value("vectors").toStdString(), options);
        const double seconds = timer.nsecsElapsed() / 1e9;
        for (const auto& w : e.warnings) QTextStream(stderr) << "warning: " << str(w) << "\n";
        if (p.isSet("json")) {
            printJson(QJsonObject{{"examples", static_cast<double>(e.rows)},
                                  {"dim", static_cast<double>(e.dim)},
                                  {"layer", e.layer},
                                  {"embedding_seconds", seconds},
                                  {"projection", method},
                                  {"streamed", true}},
                      true);
            return kExitOk;
        }
        out() << e.rows << " texts -> " << e.dim << "-d vectors of layer " << e.layer << " in "
              << QString::number(seconds, 'f', 2) << " s ("
              << QString::number(e.rows / std::max(seconds, 1e-9), 'f', 0)
              << " texts/s, streamed)\n";
        return kExitOk;
    }
    const Dataset data = readProjectorData(p.value("data").toStdString(), *pipeline);
    QElapsedTimer timer;
    timer.start();
    const EmbeddingSet set = computeEmbeddings(*pipeline, data, options);
    const double embedSeconds = timer.nsecsElapsed() / 1e9;
    timer.restart();
    Projection projection;
    if (method == "pca") projection = projectPca(set);
    if (method == "tsne") projection = projectTsne(set);
    const double projectSeconds = timer.nsecsElapsed() / 1e9;
    auto labelOf = [&](int id) {
        return id >= 0 && id < static_cast<int>(set.labels.size())
                   ? str(set.labels[static_cast<std::size_t>(id)])
                   : QString();
    };
    if (p.isSet("out")) {
        QList<QStringList> rows{
            {"index", "x", "y", "text", "label", "predicted", "confidence", "tokens"}};
        for (std::size_t k = 0; k < projection.rows.size(); ++k) {
            const std::size_t i = projection.rows[k];
            rows << QStringList{QString::number(i),
                                QString::number(projection.x[k], 'g', 7),
                                QString::number(projection.y[k], 'g', 7),
                                str(set.texts[i]),
                                labelOf(set.gold[i]),
                                labelOf(set.predicted[i]),
                                std::isnan(set.confidence[i])
                                    ? QString()
                                    : QString::number(set.confidence[i], 'g', 6),
                                QString::number(set.tokens[i])};
        }
        QString csv;
        for (const QStringList& r : rows) {
            QStringList quoted;
            for (QString f : r) {
                if (f.contains(',') || f.contains('"') || f.contains('\n'))
                    f = '"' + f.replace("\"", "\"\"") + '"';
                quoted << f;
            }
            csv += quoted.join(',') + "\n";
        }
        writeFileAtomically(p.value("out").toStdString(), csv.toStdString());
    }
    if (p.isSet("vectors")) {
        std::string vectors, metadata = "text\tlabel\tpredicted\n";
        for (std::size_t i = 0; i < set.rows; ++i) {
            for (std::size_t c = 0; c < set.dim; ++c) {
                if (c) vectors += '\t';
                vectors += QString::number(set.vectors[i * set.dim + c], 'g', 7).toStdString();
            }
            vectors += '\n';
            QString text = str(set.texts[i]);
            text.replace('\t', ' ').replace('\n', ' ');
            metadata +=
                (text + "\t" + labelOf(set.gold[i]) + "\t" + labelOf(set.predicted[i]) + "\n")
                    .toStdString();
        }
        writeFileAtomically(p.value("vectors").toStdString(), vectors);
        writeFileAtomically(
            (QFileInfo(p.value("vectors")).dir().filePath("metadata.tsv")).toStdString(), metadata);
    }
    QJsonArray explained;
    for (double e : projection.explained) explained.append(e);
    if (p.isSet("json")) {
        printJson(QJsonObject{{"examples", static_cast<double>(set.rows)},
                              {"dim", static_cast<double>(set.dim)},
                              {"layer", set.layer},
                              {"embedding_seconds", embedSeconds},
                              {"projection", method},
                              {"projection_seconds", projectSeconds},
                              {"points", static_cast<double>(projection.rows.size())},
                              {"explained_variance", explained}},
                  true);
        return kExitOk;
    }
    out() << set.rows << " texts -> " << set.dim << "-d vectors of layer " << set.layer << " in "
          << QString::number(embedSeconds, 'f', 2) << " s ("
          << QString::number(set.rows / std::max(embedSeconds, 1e-9), 'f', 0) << " texts/s)\n";
    if (method != "none")
        out() << method << " of " << projection.rows.size() << " points in "
              << QString::number(projectSeconds, 'f', 3) << " s"
              << (projection.explained.size() >= 2
                      ? QString(" (variance explained %1% + %2%)")
                            .arg(100 * projection.explained[0], 0, 'f', 1)
                            .arg(100 * projection.explained[1], 0, 'f', 1)
                      : QString())
              << "\n";
    return kExitOk;
}

}  // namespace

std::vector<CliCommand> analysisCommands() {
    // Summaries: app/cli/CommandTable.h.
    return {{"check", runCheck},         {"perturb", runPerturb}, {"slices", runSlices},
            {"calibrate", runCalibrate}, {"datamap", runDataMap}, {"embed", runEmbed}};
}
