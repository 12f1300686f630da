#include <QJsonObject>

#include "app/cli/CliSupport.h"
#include "core/hub/HubClient.h"
#include "core/inference/Benchmark.h"
#include "core/inference/Pipeline.h"
#include "core/runtime/Environment.h"
#include "core/util/HumanUnits.h"

using namespace distilbench;

namespace {

QString str(const std::string& s) {
    return QString::fromStdString(s);
}

int runInspect(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({"json", "Print JSON."});
    if (!parseCommand(p, args,
                      "Show a model's architecture, configuration, parameters and tokenizer.",
                      "MODEL", "Model folder, weights file, or Hugging Face id (org/name)."))
        return kExitOk;
    const auto pipeline =
        Pipeline::open(resolveModelArgument(p.positionalArguments().first()).toStdString(), {},
                       // inspect lists missing weights rather than refusing
                       LoadOptions{.allowMissingWeights = true});
    const Model& model = *pipeline->model();
    const ModelSummary& s = model.summary();
    const ModelConfig& c = model.config();
    QJsonArray groups;
    for (const auto& g : s.groups)
        groups.append(QJsonObject{{"name", str(g.name)}, {"parameters", double(g.count)}});
    QJsonObject tokenizer;
    if (pipeline->tokenizer()) {
        const auto& t = *pipeline->tokenizer();
        tokenizer = {{"kind", str(t.kind())},
                     {"source", str(t.source())},
                     {"vocab_size", double(t.vocabSize())},
                     {"model_max_length", t.modelMaxLength()},
                     {"files", toJsonArray(s.tokenizerFiles)}};
    }
    const QJsonObject json{
        {"path", str(s.folder)},
        {"architecture", str(c.architecture())},
        {"model_type", str(c.modelType())},
        {"weights", str(s.weightsPath)},
        {"format", str(s.weightsFormat)},
        {"dtype", str(s.fileDtype)},
        {"inference", model.isStaticInt8()    ? "int8-static"
                      : model.isDynamicInt8() ? "int8"
                                              : "float"},
        {"int8_weight_bits",
         model.isDynamicInt8() ? QJsonValue(model.int8WeightBits()) : QJsonValue()},
        {"parameters", double(s.parameterCount)},
        {"parameters_per_component", groups},
        {"bytes_on_disk", double(s.bytesOnDisk)},
        {"bytes_in_memory", double(s.bytesInMemory)},
        {"labels", toJsonArray(c.labels)},
        {"config", c.toJson()},
        {"tokenizer", tokenizer.isEmpty() ? QJsonValue() : QJsonValue(tokenizer)},
        {"missing_keys", toJsonArray(s.missingKeys)},
        {"unexpected_keys", toJsonArray(s.unexpectedKeys)},
        {"tied_weights_restored", toJsonArray(s.tiedRestored)},
        {"load_seconds", s.loadSeconds},
    };
    if (p.isSet("json")) {
        printJson(json, true);
        return kExitOk;
    }
    auto& o = out();
    o << str(c.architecture()) << "  (" << str(s.folder) << ")\n"
      << "  layers " << c.numLayers << ", heads " << c.numHeads << ", hidden " << c.hiddenSize
      << ", FFN " << c.intermediateSize << ", vocab " << c.vocabSize << ", positions "
      << c.maxPositions << ", activation " << str(c.activation) << "\n"
      << "  parameters " << str(formatCount(double(s.parameterCount))) << " (" << s.parameterCount
      << "), " << str(s.fileDtype) << " " << str(s.weightsFormat) << ", "
      << str(formatBytes(s.bytesOnDisk)) << " on disk, " << str(formatBytes(s.bytesInMemory))
      << " in memory, loaded in " << str(formatDuration(s.loadSeconds)) << "\n";
    for (const auto& g : s.groups)
        o << "    " << str(g.name).leftJustified(12) << str(formatCount(double(g.count))) << "\n";
    QStringList labels;
    for (const auto& l : c.labels) labels << str(l);
    if (c.head == HeadType::SequenceClassification || c.head == HeadType::TokenClassification)
        o << "  labels: " << labels.join(", ") << "\n";
    o << "  tokenizer: "
      << (pipeline->tokenizer()
              ? str(pipeline->tokenizer()->kind()) + ", " +
                    QString::number(pipeline->tokenizer()->vocabSize()) + " tokens"
              : QStringLiteral("none found"))
      << "\n";
    if (model.isDynamicInt8())
        o << "  inference: int8 (Linear layers, " << (model.isStaticInt8() ? "static" : "dynamic")
          << " quantization, " << model.int8WeightBits() << "-bit weights"
          << (Model::cpuInt8WeightBits() < 8 ? ": this CPU's int8 products have no VNNI"
              : model.int8WeightBits() < 8   ? ", as the model asks"
                                             : "")
          << ")\n";
    for (const auto& k : s.missingKeys) o << "  missing (freshly initialised): " << str(k) << "\n";
    for (const auto& k : s.unexpectedKeys) o << "  unexpected (not used): " << str(k) << "\n";
    for (const auto& k : s.tiedRestored) o << "  tied weight restored: " << str(k) << "\n";
    return kExitOk;
}

std::vector<std::vector<std::int64_t>> parseIds(const QString& text) {
    std::vector<std::vector<std::int64_t>> rows;
    for (const QString& row : text.split(';', Qt::SkipEmptyParts)) {
        std::vector<std::int64_t> ids;
        for (const QString& v : row.split(',', Qt::SkipEmptyParts)) {
            bool ok = false;
            const qint64 id = v.trimmed().toLongLong(&ok);
            if (!ok) throw UsageError{QStringLiteral("--ids: '%1' is not a token id").arg(v)};
            ids.push_back(id);
        }
        rows.push_back(ids);
    }
    if (rows.empty()) throw UsageError{QStringLiteral("--ids is empty")};
    return rows;
}

int runPredict(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({"text", "Input text (repeat for a batch).", "T"});
    p.addOption({"text-pair", "Second text of a pair (repeat, one per --text).", "P"});
    p.addOption({"ids", "Token ids instead of text: 101,2023,102;101,...", "IDS"});
    p.addOption({"attentions", "Include every layer's attention weights."});
    p.addOption({"hidden-states", "Include every hidden state."});
    p.addOption({"dtype", "f32 (default) or bf16.", "DTYPE", "f32"});
    p.addOption({"top-k", "Fills per [MASK] for masked-LM models (default 5).", "K"});
    p.addOption({"max-length", "Truncate inputs to N tokens (default: the model's limit).", "N"});
    p.addOption({"json", "Print JSON."});
    if (!parseCommand(p, args, "Run a model on texts or token ids.", "MODEL", "Model folder."))
        return kExitOk;
    const QStringList texts = p.values("text"), pairs = p.values("text-pair");
    if (texts.isEmpty() == !p.isSet("ids")) throw UsageError{"give --text (one or more) or --ids"};
    if (!pairs.isEmpty() && pairs.size() != texts.size())
        throw UsageError{"give one --text-pair per --text"};
    const QString dtype = p.value("dtype");
    if (dtype != "f32" && dtype != "bf16") throw UsageError{"--dtype must be f32 or bf16"};
    PipelineOptions options;
    options.attentions = p.isSet("attentions");
    options.hiddenStates = p.isSet("hidden-states");
    options.topK = intOption(p, "top-k", 5, 1);
    options.maxLength = intOption(p, "max-length", 0, 2);

    const auto ids =
        p.isSet("ids") ? parseIds(p.value("ids")) : std::vector<std::vector<std::int64_t>>{};
    const auto pipeline = openPipeline(p.positionalArguments().first());
    if (dtype == "bf16") pipeline->model()->setComputeDType(ComputeDType::BFloat16);
    std::vector<std::string> t, pr;
    for (const auto& s : texts) t.push_back(s.toStdString());
    for (const auto& s : pairs) pr.push_back(s.toStdString());
    const PipelineResult r =
        p.isSet("ids") ? pipeline->predictIds(ids, options) : pipeline->predict(t, pr, options);
    const ModelConfig& cfg = pipeline->model()->config();

    if (p.isSet("json")) {
        QJsonArray ids, probs, labels, tokens, extra;
        for (const auto& row : r.raw.inputIds) ids.append(toJsonArray(row));
        for (const auto& pred : r.predictions) {
            tokens.append(toJsonArray(pred.encoding.tokens));
            if (cfg.head == HeadType::SequenceClassification) {
                QJsonArray row;
                for (const auto& s : pred.scores) row.append(s.probability);
                probs.append(row);
                labels.append(str(pred.label));
            } else if (cfg.head == HeadType::TokenClassification) {
                labels.append(toJsonArray(pred.tokenLabels));
                QJsonArray entities;
                for (const auto& e : pred.entities)
                    entities.append(QJsonObject{{"label", str(e.label)},
                                                {"text", str(e.text)},
                                                {"start", e.begin},
                                                {"end", e.end},
                                                {"score", e.score}});
                extra.append(entities);
            } else if (cfg.head == HeadType::QuestionAnswering) {
                extra.append(QJsonObject{{"answer", str(pred.answer.text)},
                                         {"start", pred.answer.begin},
                                         {"end", pred.answer.end},
                                         {"score", pred.answer.score}});
            } else if (cfg.head == HeadType::MaskedLM) {
                QJsonArray fills;
                for (const auto& f : pred.fills) {
                    QJsonArray candidates;
                    for (const auto& [token, prob] : f.candidates)
                        candidates.append(
                            QJsonObject{{"token", str(token)}, {"probability", prob}});
                    fills.append(QJsonObject{{"position", f.position}, {"candidates", candidates}});
                }
                extra.append(fills);
            }
        }
        QJsonObject json{{"input_ids", ids},
                         {"tokens", tokens},
                         {"logits", toJsonArray(r.raw.logits)},
                         {"seconds", r.raw.seconds}};
        if (!probs.isEmpty()) json["probs"] = probs;
        if (!labels.isEmpty()) json["labels"] = labels;
        if (cfg.head == HeadType::TokenClassification) json["entities"] = extra;
        if (cfg.head == HeadType::QuestionAnswering) json["answers"] = extra;
        if (cfg.head == HeadType::MaskedLM) json["fills"] = extra;
        if (options.attentions) {
            QJsonArray a;
            for (const auto& layer : r.raw.attentions) a.append(toJsonArray(layer));
            json["attentions"] = a;
        }
        if (options.hiddenStates) {
            QJsonArray h;
            for (const auto& layer : r.raw.hiddenStates) h.append(toJsonArray(layer));
            json["hidden_states"] = h;
        }
        printJson(json);
        return kExitOk;
    }
    auto& o = out();
    for (std::size_t i = 0; i < r.predictions.size(); ++i) {
        const auto& pred = r.predictions[i];
        o << (i < t.size() ? str(t[i]) : QStringLiteral("ids #%1").arg(i)) << "\n";
        switch (cfg.head) {
            case HeadType::SequenceClassification:
                for (const auto& s : pred.scores)
                    o << "  " << str(s.label).leftJustified(16)
                      << QString::number(s.probability, 'f', 4)
                      << (s.label == pred.label ? "  <" : "") << "\n";
                break;
            case HeadType::TokenClassification:
                if (pred.entities.empty()) o << "  no entities\n";
                for (const auto& e : pred.entities)
                    o << "  " << str(e.label).leftJustified(8) << str(e.text) << "  [" << e.begin
                      << ", " << e.end << ")  " << QString::number(e.score, 'f', 3) << "\n";
                break;
            case HeadType::QuestionAnswering:
                o << "  answer: " << str(pred.answer.text) << "  [" << pred.answer.begin << ", "
                  << pred.answer.end << ")  " << QString::number(pred.answer.score, 'f', 3) << "\n";
                break;
            case HeadType::MaskedLM:
                if (pred.fills.empty()) o << "  no [MASK] in the input\n";
                for (const auto& f : pred.fills) {
                    o << "  [MASK] at token " << f.position << ":";
                    for (const auto& [token, prob] : f.candidates)
                        o << "  " << str(token) << " " << QString::number(prob, 'f', 3);
                    o << "\n";
                }
                break;
            default:
                o << "  hidden state of [CLS] computed (base model has no head)\n";
        }
    }
    o << "(" << str(formatDuration(r.raw.seconds)) << ")\n";
    return kExitOk;
}

int runBench(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({"preset",
                 "Benchmark a new model of this shape instead of MODEL (" +
                     QString::fromStdString([] {
                         std::string s;
                         for (const auto& n : ModelConfig::presetNames())
                             s += (s.empty() ? "" : ", ") + n;
                         return s;
                     }()) +
                     ").",
                 "NAME"});
    p.addOption({"batch", "Sequences per batch (default 8).", "B"});
    p.addOption({"seq", "Tokens per sequence (default 128).", "L"});
    p.addOption({"threads", "LibTorch threads (default: one per core).", "N"});
    p.addOption({"dtype",
                 "f32 (default), bf16, or int8 (dynamic quantization of the Linear layers).",
                 "DTYPE", "f32"});
    p.addOption({"iterations", "Timed forward passes (default 20).", "N"});
    p.addOption({"all-tokens",
                 "Compute every token's last-layer output, as an exported graph does (a "
                 "classifier's head reads the first token only, so by default its last layer "
                 "runs for that token alone)."});
    p.addOption({"json", "Print JSON."});
    p.setApplicationDescription("Time forward passes: ms per batch and sequences per second.");
    p.addHelpOption();
    p.addPositionalArgument("MODEL", "Model folder (or use --preset).");
    if (!p.parse(args)) throw UsageError{p.errorText()};
    if (p.isSet("help")) {
        out() << p.helpText();
        return kExitOk;
    }
    if (p.positionalArguments().size() != (p.isSet("preset") ? 0 : 1))
        throw UsageError{"give a MODEL folder or --preset NAME"};
    if (p.isSet("threads")) Runtime::setThreads(intOption(p, "threads", 0, 1));
    const QString dtype = p.value("dtype");
    if (dtype != "f32" && dtype != "bf16" && dtype != "int8")
        throw UsageError{"--dtype must be f32, bf16 or int8"};
    std::shared_ptr<Model> model =
        p.isSet("preset") ? Model::create(ModelConfig::preset(p.value("preset").toStdString()))
                          : Model::load(p.positionalArguments().first().toStdString(), {},
                                        // speed does not depend on the values
                                        LoadOptions{.allowMissingWeights = true});
    if (dtype == "bf16") model->setComputeDType(ComputeDType::BFloat16);
    if (dtype == "int8") model->setDynamicInt8(true);
    const auto b = benchmarkModel(*model, intOption(p, "batch", 8, 1), intOption(p, "seq", 128, 1),
                                  intOption(p, "iterations", 20, 1), 3, {}, p.isSet("all-tokens"));
    if (p.isSet("json")) {
        printJson(QJsonObject{
            {"model", p.isSet("preset") ? p.value("preset") : p.positionalArguments().first()},
            {"batch", b.batch},
            {"seq", b.sequenceLength},
            {"dtype", str(b.dtype)},
            {"int8_weight_bits", b.int8WeightBits ? QJsonValue(b.int8WeightBits) : QJsonValue()},
            {"threads", b.threads},
            {"iterations", b.iterations},
            {"all_tokens", b.allTokens},
            {"ms_per_batch", b.medianMs},
            {"ms_mean", b.meanMs},
            {"ms_min", b.minMs},
            {"sequences_per_second", b.sequencesPerSecond}});
    } else {
        out()
            << QString(
                   "%1 x %2, %3, %4 threads: %5 per batch (median of %6; min %7), %8 sequences/s\n")
                   .arg(b.batch)
                   .arg(b.sequenceLength)
                   .arg(str(b.dtype) +
                        (b.int8WeightBits == 7 ? (Model::cpuInt8WeightBits() < 8
                                                      ? " (7-bit weights: no VNNI on this CPU)"
                                                      : " (7-bit weights, as the model asks)")
                                               : "") +
                        (b.allTokens ? ", every token's output" : ""))
                   .arg(b.threads)
                   .arg(str(formatDuration(b.medianMs / 1000)))
                   .arg(b.iterations)
                   .arg(str(formatDuration(b.minMs / 1000)))
                   .arg(b.sequencesPerSecond, 0, 'f', 1);
    }
    return kExitOk;
}

int runDownload(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({"revision", "Branch, tag or commit (default main).", "REV", "main"});
    p.addOption({"include", "Also download files matching this pattern (repeatable).", "PATTERN"});
    p.addOption({"json", "Print JSON."});
    if (!parseCommand(p, args,
                      "Download a model from the Hugging Face Hub (HF_ENDPOINT) into the cache "
                      "Python's huggingface_hub shares (HF_HUB_CACHE / HF_HOME); resumes an "
                      "interrupted download.",
                      "ORG/NAME", "Model id on the Hub."))
        return kExitOk;
    const bool json = p.isSet("json");
    JobCallbacks callbacks;
    if (!json)
        callbacks.progress = [](const ProgressReport& r) {
            QTextStream(stderr) << "\r" << str(r.message).leftJustified(78)
                                << (r.fraction >= 1.0 ? "\n" : "");
        };
    std::vector<std::string> include;
    for (const QString& i : p.values("include")) include.push_back(i.toStdString());
    const HubDownload d =
        HubClient().download(p.positionalArguments().first().toStdString(),
                             p.value("revision").toStdString(), include, callbacks);
    if (json) {
        QJsonArray files;
        for (const auto& f : d.files) files.append(str(f));
        printJson(QJsonObject{{"snapshot", str(d.snapshot)},
                              {"commit", str(d.commit)},
                              {"files", files},
                              {"downloaded_bytes", double(d.downloadedBytes)}});
    } else {
        out() << str(d.snapshot) << "\n";
    }
    return kExitOk;
}

}  // namespace

std::vector<CliCommand> modelCommands() {
    // Summaries: app/cli/CommandTable.h.
    return {{"inspect", runInspect},
            {"predict", runPredict},
            {"bench", runBench},
            {"download", runDownload}};
}
