#include "core/training/TrainingOptions.h"

#include <QString>
#include <QStringList>
#include <QtGlobal>
#include <algorithm>
#include <cmath>
#include <set>

#include "core/runtime/Error.h"
#include "core/training/Objective.h"

namespace distilbench {

namespace {

using Kind = TrainingOption::Kind;
using Group = TrainingOption::Group;

std::string numberText(double v) {
    return QString::number(v, 'g', 10).toStdString();
}

// Accessors for plain members of TrainingConfig and of its DistillationSettings.
template <typename T>
void bind(TrainingOption& o, T TrainingConfig::*member) {
    o.number = [member](const TrainingConfig& c) { return static_cast<double>(c.*member); };
    o.setNumber = [member](TrainingConfig& c, double v) { c.*member = static_cast<T>(v); };
}
template <typename T>
void bind(TrainingOption& o, T DistillationSettings::*member) {
    o.number = [member](const TrainingConfig& c) {
        return static_cast<double>(c.distillation.*member);
    };
    o.setNumber = [member](TrainingConfig& c, double v) {
        c.distillation.*member = static_cast<T>(v);
    };
}
void bindText(TrainingOption& o, std::string TrainingConfig::*member) {
    o.text = [member](const TrainingConfig& c) { return c.*member; };
    o.setText = [member](TrainingConfig& c, const std::string& v) { c.*member = v; };
}

TrainingOption integer(std::string name, const char* label, const char* help, Group group,
                       double min, double max) {
    TrainingOption o;
    o.name = std::move(name);
    o.label = label;
    o.help = help;
    o.kind = Kind::Integer;
    o.group = group;
    o.minimum = min;
    o.maximum = max;
    return o;
}
TrainingOption number(std::string name, const char* label, const char* help, Group group,
                      double min, double max, int decimals) {
    TrainingOption o = integer(std::move(name), label, help, group, min, max);
    o.kind = Kind::Number;
    o.decimals = decimals;
    return o;
}
TrainingOption flag(std::string name, const char* label, const char* help, Group group) {
    TrainingOption o = integer(std::move(name), label, help, group, 0, 1);
    o.kind = Kind::Flag;
    return o;
}

// Every metric some task reports, for the forms' suggestions.
std::vector<std::string> allMetricNames() {
    std::vector<std::string> out;
    for (Task t : {Task::Classification, Task::MultiLabel, Task::TokenClassification,
                   Task::Regression, Task::MaskedLM})
        for (const auto& m : Objective::metricNames(t))
            if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
    return out;
}

std::vector<TrainingOption> buildOptions() {
    std::vector<TrainingOption> v;
    auto add = [&v](TrainingOption o) -> TrainingOption& {
        v.push_back(std::move(o));
        return v.back();
    };
    // Data.
    bind(add(number("validation-split", QT_TRANSLATE_NOOP("TrainingOptions", "Validation split"),
                    QT_TRANSLATE_NOOP("TrainingOptions",
                                      "Share of the training data held out for validation when no "
                                      "validation file is given (stratified by label, seeded)"),
                    Group::Data, 0.0, 0.9, 2)),
         &TrainingConfig::validationSplit);
    bind(add(number("test-split", QT_TRANSLATE_NOOP("TrainingOptions", "Test split"),
                    QT_TRANSLATE_NOOP("TrainingOptions",
                                      "Share of the training data held out as a test set, scored "
                                      "once with the best model, when no test file is given"),
                    Group::Data, 0.0, 0.9, 2)),
         &TrainingConfig::testSplit);
    // Basic.
    bind(add(integer("epochs", QT_TRANSLATE_NOOP("TrainingOptions", "Epochs"),
                     QT_TRANSLATE_NOOP("TrainingOptions", "Passes over the training data"),
                     Group::Basic, 0, 1000)),
         &TrainingConfig::epochs);
    bind(add(integer("max-steps", QT_TRANSLATE_NOOP("TrainingOptions", "Max steps"),
                     QT_TRANSLATE_NOOP("TrainingOptions",
                                       "Stop after this many optimizer steps (0: use epochs)"),
                     Group::Basic, 0, 100000000)),
         &TrainingConfig::maxSteps);
    bind(add(number(
             "lr", QT_TRANSLATE_NOOP("TrainingOptions", "Learning rate"),
             QT_TRANSLATE_NOOP("TrainingOptions",
                               "Peak learning rate: how big each update is. 2e-5 to 5e-5 suits "
                               "fine-tuning; small models from scratch like 5e-4"),
             Group::Basic, 1e-7, 1000.0, 7)),
         &TrainingConfig::learningRate);
    bind(
        add(integer("batch-size", QT_TRANSLATE_NOOP("TrainingOptions", "Batch size"),
                    QT_TRANSLATE_NOOP("TrainingOptions",
                                      "Examples per batch (per process on average in data-parallel "
                                      "runs)"),
                    Group::Basic, 1, 4096)),
        &TrainingConfig::batchSize);
    bind(add(integer("max-length", QT_TRANSLATE_NOOP("TrainingOptions", "Max length"),
                     QT_TRANSLATE_NOOP("TrainingOptions",
                                       "Longer inputs are truncated to this many tokens"),
                     Group::Basic, 4, 4096)),
         &TrainingConfig::maxLength);
    // Advanced.
    bind(add(number("warmup-ratio", QT_TRANSLATE_NOOP("TrainingOptions", "Warm-up ratio"),
                    QT_TRANSLATE_NOOP(
                        "TrainingOptions",
                        "Warm-up: the share of steps during which the learning rate rises from 0 "
                        "to its peak; it keeps early updates from wrecking a pretrained model"),
                    Group::Advanced, 0.0, 1.0, 3)),
         &TrainingConfig::warmupRatio);
    bind(add(integer("warmup-steps", QT_TRANSLATE_NOOP("TrainingOptions", "Warm-up steps"),
                     QT_TRANSLATE_NOOP("TrainingOptions",
                                       "Warm-up as a number of steps (overrides the ratio; 0: "
                                       "use the ratio)"),
                     Group::Advanced, 0, 100000000)),
         &TrainingConfig::warmupSteps);
    {
        TrainingOption& o = add(TrainingOption{});
        o.name = "scheduler";
        o.label = QT_TRANSLATE_NOOP("TrainingOptions", "Schedule");
        o.help = QT_TRANSLATE_NOOP(
            "TrainingOptions",
            "How the learning rate falls after the warm-up: linear to 0, cosine to 0, or constant");
        o.kind = Kind::Choice;
        o.group = Group::Advanced;
        o.choices = schedulerNames();
        o.text = [](const TrainingConfig& c) { return schedulerName(c.scheduler); };
        o.setText = [](TrainingConfig& c, const std::string& v) {
            parseScheduler(v, c.scheduler);  // checked by setFromText and validate
        };
    }
    bind(add(number("weight-decay", QT_TRANSLATE_NOOP("TrainingOptions", "Weight decay"),
                    QT_TRANSLATE_NOOP(
                        "TrainingOptions",
                        "AdamW weight decay: pulls weights towards zero (not biases or LayerNorm)"),
                    Group::Advanced, 0.0, 1.0, 4)),
         &TrainingConfig::weightDecay);
    bind(add(number("max-grad-norm", QT_TRANSLATE_NOOP("TrainingOptions", "Gradient clipping"),
                    QT_TRANSLATE_NOOP("TrainingOptions",
                                      "Gradient clipping: the largest gradient norm allowed (0 = "
                                      "off)"),
                    Group::Advanced, 0.0, 1000.0, 2)),
         &TrainingConfig::maxGradNorm);
    bind(add(integer("gradient-accumulation", QT_TRANSLATE_NOOP("TrainingOptions", "Accumulation"),
                     QT_TRANSLATE_NOOP("TrainingOptions",
                                       "Gradient accumulation: batches summed before each update "
                                       "(a larger effective batch)"),
                     Group::Advanced, 1, 1024)),
         &TrainingConfig::gradientAccumulation);
    bind(add(number("adam-beta1", QT_TRANSLATE_NOOP("TrainingOptions", "Adam β1"),
                    QT_TRANSLATE_NOOP("TrainingOptions",
                                      "AdamW's decay of the gradient average (momentum)"),
                    Group::Advanced, 0.0, 0.9999, 4)),
         &TrainingConfig::adamBeta1);
    bind(add(number(
             "adam-beta2", QT_TRANSLATE_NOOP("TrainingOptions", "Adam β2"),
             QT_TRANSLATE_NOOP("TrainingOptions", "AdamW's decay of the squared-gradient average"),
             Group::Advanced, 0.0, 0.99999, 5)),
         &TrainingConfig::adamBeta2);
    bind(add(number("adam-epsilon", QT_TRANSLATE_NOOP("TrainingOptions", "Adam ε"),
                    QT_TRANSLATE_NOOP("TrainingOptions",
                                      "Added to AdamW's denominator for numerical stability"),
                    Group::Advanced, 1e-12, 1e-3, 12)),
         &TrainingConfig::adamEpsilon);
    bind(add(flag("group-by-length", QT_TRANSLATE_NOOP("TrainingOptions", "Group by length"),
                  QT_TRANSLATE_NOOP("TrainingOptions",
                                    "Batches of similar length (less padding, faster), in the "
                                    "Hugging Face Trainer's order; off: plain shuffled batches"),
                  Group::Advanced)),
         &TrainingConfig::groupByLength);
    bind(add(flag("data-map", QT_TRANSLATE_NOOP("TrainingOptions", "Record a data map"),
                  QT_TRANSLATE_NOOP("TrainingOptions",
                                    "Keep each training example's probability of its label per "
                                    "epoch (from the training pass itself): the Analyse page's "
                                    "data map finds likely label errors with it"),
                  Group::Advanced)),
         &TrainingConfig::recordDataMap);
    {
        TrainingOption& o = add(TrainingOption{});
        o.name = "class-weights";
        o.label = QT_TRANSLATE_NOOP("TrainingOptions", "Class weights");
        o.help = QT_TRANSLATE_NOOP(
            "TrainingOptions",
            "Weights of the classes in the loss: 'balanced' (from label frequencies, so rare "
            "classes count as much as common ones) or one weight per label, e.g. 1,2.5");
        o.placeholder = QT_TRANSLATE_NOOP("TrainingOptions", "none, balanced, or 1,2.5,…");
        o.kind = Kind::Text;
        o.group = Group::Advanced;
        o.choices = {"", "balanced"};
        bindText(o, &TrainingConfig::classWeights);
    }
    bind(add(number("label-smoothing", QT_TRANSLATE_NOOP("TrainingOptions", "Label smoothing"),
                    QT_TRANSLATE_NOOP("TrainingOptions",
                                      "Moves this share of each target's probability to the "
                                      "other classes (0 = off)"),
                    Group::Advanced, 0.0, 0.99, 3)),
         &TrainingConfig::labelSmoothing);
    bind(add(flag("freeze-embeddings", QT_TRANSLATE_NOOP("TrainingOptions", "Freeze embeddings"),
                  QT_TRANSLATE_NOOP("TrainingOptions", "Do not train the embeddings"),
                  Group::Advanced)),
         &TrainingConfig::freezeEmbeddings);
    bind(add(integer("freeze-layers", QT_TRANSLATE_NOOP("TrainingOptions", "Freeze layers"),
                     QT_TRANSLATE_NOOP("TrainingOptions", "Keep the first K layers fixed"),
                     Group::Advanced, 0, 256)),
         &TrainingConfig::freezeLayers);
    bind(add(integer("eval-steps", QT_TRANSLATE_NOOP("TrainingOptions", "Evaluate every"),
                     QT_TRANSLATE_NOOP("TrainingOptions",
                                       "Evaluate every N steps (0: at the end of each epoch)"),
                     Group::Advanced, 0, 100000000)),
         &TrainingConfig::evalSteps);
    bind(add(integer("eval-batch-size", QT_TRANSLATE_NOOP("TrainingOptions", "Evaluation batch"),
                     QT_TRANSLATE_NOOP("TrainingOptions", "Examples per batch when evaluating"),
                     Group::Advanced, 1, 4096)),
         &TrainingConfig::evalBatchSize);
    bind(add(integer("logging-steps", QT_TRANSLATE_NOOP("TrainingOptions", "Log every"),
                     QT_TRANSLATE_NOOP("TrainingOptions", "Log the training loss every N steps"),
                     Group::Advanced, 1, 1000000)),
         &TrainingConfig::loggingSteps);
    {
        TrainingOption& o = add(TrainingOption{});
        o.name = "metric-for-best";
        o.label = QT_TRANSLATE_NOOP("TrainingOptions", "Best model by");
        o.help = QT_TRANSLATE_NOOP(
            "TrainingOptions",
            "The validation metric that picks the best model (empty: the task's main metric)");
        o.placeholder = QT_TRANSLATE_NOOP("TrainingOptions", "the task's main metric");
        o.kind = Kind::Text;
        o.group = Group::Advanced;
        o.choices = allMetricNames();
        o.choices.insert(o.choices.begin(), "");
        bindText(o, &TrainingConfig::metricForBest);
    }
    {
        TrainingOption& o = add(TrainingOption{});
        o.name = "early-stopping-metric";
        o.label = QT_TRANSLATE_NOOP("TrainingOptions", "Early stopping on");
        o.help = QT_TRANSLATE_NOOP(
            "TrainingOptions",
            "Early stopping: stop when this validation metric stops improving (empty: the "
            "metric that picks the best model)");
        o.placeholder = QT_TRANSLATE_NOOP("TrainingOptions", "the best-model metric");
        o.kind = Kind::Text;
        o.group = Group::Advanced;
        o.choices = allMetricNames();
        o.choices.insert(o.choices.begin(), "");
        bindText(o, &TrainingConfig::earlyStoppingMetric);
    }
    bind(add(integer("patience", QT_TRANSLATE_NOOP("TrainingOptions", "Patience"),
                     QT_TRANSLATE_NOOP("TrainingOptions",
                                       "Evaluations without improvement before stopping (0 = off)"),
                     Group::Advanced, 0, 1000)),
         &TrainingConfig::earlyStoppingPatience);
    bind(add(number("early-stopping-threshold",
                    QT_TRANSLATE_NOOP("TrainingOptions", "Least improvement"),
                    QT_TRANSLATE_NOOP("TrainingOptions",
                                      "Early stopping: the least improvement that counts"),
                    Group::Advanced, 0.0, 1e6, 4)),
         &TrainingConfig::earlyStoppingThreshold);
    bind(add(number("multilabel-threshold",
                    QT_TRANSLATE_NOOP("TrainingOptions", "Multi-label threshold"),
                    QT_TRANSLATE_NOOP("TrainingOptions",
                                      "Multi-label: a label is predicted when its probability "
                                      "reaches this value"),
                    Group::Advanced, 0.0, 1.0, 2)),
         &TrainingConfig::multiLabelThreshold);
    bind(add(integer(
             "save-total-limit", QT_TRANSLATE_NOOP("TrainingOptions", "Checkpoints kept"),
             QT_TRANSLATE_NOOP("TrainingOptions", "Checkpoints to keep; older ones are removed"),
             Group::Advanced, 1, 1000)),
         &TrainingConfig::saveTotalLimit);
    bind(
        add(integer("seed", QT_TRANSLATE_NOOP("TrainingOptions", "Seed"),
                    QT_TRANSLATE_NOOP("TrainingOptions", "Same seed and threads give the same run"),
                    Group::Advanced, 0, 2147483647)),
        &TrainingConfig::seed);
    bind(add(flag("bf16", QT_TRANSLATE_NOOP("TrainingOptions", "bf16 autocast"),
                  QT_TRANSLATE_NOOP("TrainingOptions",
                                    "Compute the forward pass in bfloat16: faster on CPUs with "
                                    "AVX512-BF16/AMX"),
                  Group::Advanced)),
         &TrainingConfig::bf16);
    // Distillation.
    bind(add(number("temperature", QT_TRANSLATE_NOOP("TrainingOptions", "Temperature"),
                    QT_TRANSLATE_NOOP(
                        "TrainingOptions",
                        "Temperature T softens both distributions (softmax(logits/T)) so the "
                        "student also learns how the teacher ranks the wrong answers; the KL term "
                        "is multiplied by T² to keep its gradients the same size"),
                    Group::Distillation, 0.1, 20.0, 2)),
         &DistillationSettings::temperature);
    bind(add(number("alpha-ce", QT_TRANSLATE_NOOP("TrainingOptions", "α distillation (KL)"),
                    QT_TRANSLATE_NOOP("TrainingOptions",
                                      "Weight of the distillation term: KL divergence between the "
                                      "teacher's and the student's softened predictions"),
                    Group::Distillation, 0.0, 100.0, 2)),
         &DistillationSettings::alphaCe);
    bind(add(number("alpha-hard", QT_TRANSLATE_NOOP("TrainingOptions", "α labels"),
                    QT_TRANSLATE_NOOP("TrainingOptions",
                                      "Weight of the ordinary cross-entropy on the true labels"),
                    Group::Distillation, 0.0, 100.0, 2)),
         &DistillationSettings::alphaHard);
    bind(add(number(
             "alpha-mlm", QT_TRANSLATE_NOOP("TrainingOptions", "α masked LM"),
             QT_TRANSLATE_NOOP("TrainingOptions",
                               "Pre-training: weight of the masked-language-model cross-entropy"),
             Group::Distillation, 0.0, 100.0, 2)),
         &DistillationSettings::alphaMlm);
    bind(add(number("alpha-cos", QT_TRANSLATE_NOOP("TrainingOptions", "α cosine"),
                    QT_TRANSLATE_NOOP("TrainingOptions",
                                      "Weight of the cosine loss that pulls the student's last "
                                      "hidden states towards the teacher's (needs equal hidden "
                                      "sizes)"),
                    Group::Distillation, 0.0, 100.0, 2)),
         &DistillationSettings::alphaCos);
    bind(add(number("alpha-mse", QT_TRANSLATE_NOOP("TrainingOptions", "α logits MSE"),
                    QT_TRANSLATE_NOOP("TrainingOptions",
                                      "Weight of the squared error between teacher and student "
                                      "logits"),
                    Group::Distillation, 0.0, 100.0, 2)),
         &DistillationSettings::alphaMse);
    bind(add(flag("cache-teacher-logits",
                  QT_TRANSLATE_NOOP("TrainingOptions", "Cache teacher logits"),
                  QT_TRANSLATE_NOOP("TrainingOptions",
                                    "Classification without the cosine term: the teacher runs "
                                    "once per example and later epochs reuse its outputs"),
                  Group::Distillation)),
         &DistillationSettings::cacheTeacherLogits);
    bind(add(number("mlm-probability", QT_TRANSLATE_NOOP("TrainingOptions", "Masking probability"),
                    QT_TRANSLATE_NOOP("TrainingOptions",
                                      "Pre-training: share of tokens chosen for prediction"),
                    Group::Distillation, 0.01, 0.99, 2)),
         &DistillationSettings::mlmProbability);
    bind(add(flag("mlm-smoothing", QT_TRANSLATE_NOOP("TrainingOptions", "Favour rare tokens"),
                  QT_TRANSLATE_NOOP("TrainingOptions",
                                    "Pre-training: choose rare tokens more often (counts^-0.7, as "
                                    "DistilBERT did)"),
                  Group::Distillation)),
         &DistillationSettings::frequencySmoothing);
    return v;
}

}  // namespace

const std::vector<TrainingOption>& trainingOptions() {
    static const std::vector<TrainingOption> options = buildOptions();
    return options;
}

const TrainingOption* findTrainingOption(const std::string& name) {
    for (const auto& o : trainingOptions())
        if (o.name == name) return &o;
    return nullptr;
}

std::vector<const TrainingOption*> trainingOptions(TrainingOption::Group group) {
    std::vector<const TrainingOption*> out;
    for (const auto& o : trainingOptions())
        if (o.group == group) out.push_back(&o);
    return out;
}

std::string TrainingOption::valueText(const TrainingConfig& c) const {
    switch (kind) {
        case Kind::Flag:
            return number(c) != 0 ? "true" : "false";
        case Kind::Integer:
            return QString::number(static_cast<qlonglong>(std::llround(number(c)))).toStdString();
        case Kind::Number:
            return numberText(number(c));
        case Kind::Choice:
        case Kind::Text:
            return text(c);
    }
    return {};
}

void TrainingOption::setFromText(TrainingConfig& c, const std::string& value) const {
    const std::string flagName = "--" + name;
    if (kind == Kind::Choice) {
        if (std::find(choices.begin(), choices.end(), value) == choices.end()) {
            std::string list;
            for (const auto& ch : choices) list += (list.empty() ? "" : ", ") + ch;
            throw Error(flagName + ": '" + value + "' is not one of " + list);
        }
        setText(c, value);
        return;
    }
    if (kind == Kind::Text) {
        setText(c, value);
        return;
    }
    if (kind == Kind::Flag) {
        const QString v = QString::fromStdString(value).trimmed().toLower();
        if (v == "1" || v == "true" || v == "yes" || v == "on")
            setNumber(c, 1);
        else if (v == "0" || v == "false" || v == "no" || v == "off")
            setNumber(c, 0);
        else
            throw Error(flagName + ": '" + value + "' is not true or false");
        return;
    }
    bool ok = false;
    const double v = QString::fromStdString(value).trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v)) throw Error(flagName + ": '" + value + "' is not a number");
    if (kind == Kind::Integer && v != std::floor(v))
        throw Error(flagName + ": '" + value + "' is not a whole number");
    if (v < minimum || v > maximum)
        throw Error(flagName + ": " + value + " is outside " + numberText(minimum) + " to " +
                    numberText(maximum));
    setNumber(c, v);
}

std::string TrainingOption::defaultText() const {
    struct Case {
        const char* name;
        TrainingConfig config;
    };
    std::vector<Case> cases;
    if (group == Group::Distillation) {
        cases = {{"", TrainingConfig::distillationDefaults(Task::Classification)},
                 {"pre-training", TrainingConfig::distillationDefaults(Task::MaskedLM)}};
    } else {
        cases = {
            {"", TrainingConfig::defaultsFor(Task::Classification, false)},
            {"multilabel", TrainingConfig::defaultsFor(Task::MultiLabel, false)},
            {"token", TrainingConfig::defaultsFor(Task::TokenClassification, false)},
            {"regression", TrainingConfig::defaultsFor(Task::Regression, false)},
            {"from a preset", TrainingConfig::defaultsFor(Task::Classification, true)},
            {"token from a preset", TrainingConfig::defaultsFor(Task::TokenClassification, true)},
            {"pre-training distillation", TrainingConfig::distillationDefaults(Task::MaskedLM)}};
    }
    const std::string base = valueText(cases.front().config);
    std::string others;
    std::set<std::string> seen{base};
    for (std::size_t i = 1; i < cases.size(); ++i) {
        const std::string v = valueText(cases[i].config);
        if (v == base) continue;
        others += (others.empty() ? "" : "; ") + std::string(cases[i].name) + " " + v;
    }
    const std::string shown = base.empty() ? "none" : base;
    return others.empty() ? shown : shown + " (" + others + ")";
}

std::vector<std::string> validateTrainingConfig(const TrainingConfig& c) {
    std::vector<std::string> problems;
    for (const auto& o : trainingOptions()) {
        if (o.group == Group::Distillation && !c.distillation.enabled) continue;
        if (o.isNumeric()) {
            const double v = o.number(c);
            if (!std::isfinite(v) || v < o.minimum || v > o.maximum)
                problems.push_back(std::string(o.label) + ": " + o.valueText(c) + " is outside " +
                                   numberText(o.minimum) + " to " + numberText(o.maximum));
        }
    }
    if (c.validationSplit + c.testSplit >= 1 && c.validationFile.empty() && c.testFile.empty())
        problems.push_back("the validation and test splits leave no training data");
    if (c.epochs == 0 && c.maxSteps == 0)
        problems.push_back("nothing to train: epochs and max steps are both 0");
    if (!c.distillation.enabled && c.model.empty() == c.preset.empty())
        problems.push_back("give a model folder or a preset, not both or neither");
    if (!c.classWeights.empty() && c.classWeights != "balanced") {
        for (const QString& v : QString::fromStdString(c.classWeights).split(',')) {
            bool ok = false;
            const double w = v.trimmed().toDouble(&ok);
            if (!ok || !std::isfinite(w) || w < 0) {
                problems.push_back("class weights: '" + v.trimmed().toStdString() +
                                   "' is not a non-negative number (give 'balanced' or one "
                                   "weight per label, e.g. 1,2.5)");
                break;
            }
        }
    }
    if (c.labelSmoothing >= 1) problems.push_back("label smoothing must be below 1");
    for (const std::string* m : {&c.metricForBest, &c.earlyStoppingMetric}) {
        if (m->empty() || Objective::reportsMetric(c.task, *m)) continue;
        std::string list;
        for (const auto& n : Objective::metricNames(c.task)) list += (list.empty() ? "" : ", ") + n;
        problems.push_back("metric '" + *m + "' is not computed for " + taskName(c.task) + " (" +
                           list + ")");
    }
    if (c.distillation.enabled) {
        const DistillationSettings& d = c.distillation;
        const double weights[] = {d.alphaCe, d.alphaHard, d.alphaMlm, d.alphaCos, d.alphaMse};
        if (std::all_of(std::begin(weights), std::end(weights), [](double a) { return a == 0; }))
            problems.push_back("every loss weight is 0: nothing to learn from");
    }
    return problems;
}

void requireValidTrainingConfig(const TrainingConfig& c) {
    const auto problems = validateTrainingConfig(c);
    if (problems.empty()) return;
    std::string text;
    for (const auto& p : problems) text += (text.empty() ? "" : "; ") + p;
    throw Error(text);
}

const char* distillationLossPartLabel(const std::string& part) {
    if (part == "loss_ce") return QT_TRANSLATE_NOOP("TrainingOptions", "distillation (KL)");
    if (part == "loss_hard") return QT_TRANSLATE_NOOP("TrainingOptions", "labels");
    if (part == "loss_mlm") return QT_TRANSLATE_NOOP("TrainingOptions", "masked LM");
    if (part == "loss_cos") return QT_TRANSLATE_NOOP("TrainingOptions", "cosine");
    if (part == "loss_mse") return QT_TRANSLATE_NOOP("TrainingOptions", "logits MSE");
    return nullptr;
}

}  // namespace distilbench
