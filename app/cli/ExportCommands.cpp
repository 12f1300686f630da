#include <QJsonArray>
#include <QJsonObject>

#include "app/cli/CliSupport.h"
#include "core/data/Dataset.h"
#include "core/export/ModelExporter.h"
#include "core/export/QuantizationCheck.h"
#include "core/inference/Pipeline.h"
#include "core/models/Int8Linear.h"
#include "core/models/Model.h"
#include "core/runtime/Error.h"
#include "core/tokenizers/Tokenizer.h"
#include "core/training/Objective.h"
#include "core/training/Trainer.h"
#include "core/util/HumanUnits.h"

using namespace distilbench;

namespace {

const Tokenizer& requireTokenizer(const Pipeline& pipeline) {
    if (!pipeline.tokenizer())
        throw Error(pipeline.model()->folder(), "has no tokenizer to read calibration data");
    return *pipeline.tokenizer();
}

int runExport(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({"format",
                 "hf (default: config, safetensors, tokenizer files, model card), bin "
                 "(pytorch_model.bin) or onnx.",
                 "F", "hf"});
    p.addOption({"dtype", "Weights as f32 (default), f16 or bf16 (hf and bin).", "T", "f32"});
    p.addOption({"opset", "ONNX opset, 14 (default) to 17.", "N"});
    p.addOption({"attentions", "ONNX: also output every layer's attention weights."});
    p.addOption(
        {"quantize",
         "int8: the Linear layers in int8 (dynamic): DistilBench quantizes an hf/bin folder when "
         "it loads it; an onnx file holds the int8 weights and DynamicQuantizeLinear + "
         "MatMulInteger products for ONNX Runtime.",
         "int8"});
    p.addOption({"calibration-data",
                 "With --quantize int8: static int8, activations quantized with ranges "
                 "calibrated on this data's first texts (labelled data or a .txt, one text per "
                 "line) instead of measured on every call.",
                 "FILE"});
    p.addOption({"calibration-examples",
                 QString("Texts to calibrate on (default %1).")
                     .arg(StaticInt8Defaults::kCalibrationExamples),
                 "N"});
    p.addOption({"int8-weight-bits",
                 "With --quantize int8: 7 for 7-bit weights, which ONNX Runtime computes exactly "
                 "on CPUs without VNNI too, or 8 (refused on such a CPU). Default: this CPU's "
                 "(8, or 7 without VNNI).",
                 "N"});
    p.addOption({"eval-data",
                 "With --quantize: labelled data on which to measure the change in quality first.",
                 "FILE"});
    p.addOption(
        {"out",
         "Output folder (or a .onnx file): new, empty, or a previous export with --overwrite.",
         "PATH"});
    p.addOption(
        {"overwrite", "Replace a previous export at --out (a folder holding only export files)."});
    p.addOption({"json", "Print JSON."});
    if (!parseCommand(p, args,
                      "Export a model so that transformers, ONNX Runtime or another DistilBench "
                      "loads it unchanged.",
                      "MODEL", "Model folder (or weights file beside its config.json)."))
        return kExitOk;
    ExportOptions o;
    if (!parseExportFormat(p.value("format").toStdString(), o.format))
        throw UsageError{"--format must be hf, bin or onnx"};
    if (!parseExportDType(p.value("dtype").toStdString(), o.dtype))
        throw UsageError{"--dtype must be f32, f16 or bf16"};
    if (!p.isSet("out")) throw UsageError{"--out PATH is required"};
    o.onnxOpset = intOption(p, "opset", 14, 14);
    o.onnxAttentions = p.isSet("attentions");
    if (p.isSet("quantize") && p.value("quantize") != "int8")
        throw UsageError{"--quantize supports int8"};
    o.quantizeInt8 = p.isSet("quantize");
    if (p.isSet("calibration-data")) {
        if (!o.quantizeInt8) throw UsageError{"--calibration-data calibrates --quantize int8"};
        o.calibrationData = p.value("calibration-data").toStdString();
    }
    o.calibrationExamples =
        intOption(p, "calibration-examples", StaticInt8Defaults::kCalibrationExamples, 1);
    if (p.isSet("int8-weight-bits")) {
        if (!o.quantizeInt8) throw UsageError{"--int8-weight-bits is for --quantize int8"};
        o.int8WeightBits = intOption(p, "int8-weight-bits", 0, 1);
        try {
            Int8Linear::levelsForBits(o.int8WeightBits);
        } catch (const Error& e) {
            throw UsageError{QString("--int8-weight-bits: ") + e.what()};
        }
    }
    o.overwrite = p.isSet("overwrite");
    o.load = cliLoadOptions();
    QJsonObject check;
    if (p.isSet("eval-data")) {
        if (!o.quantizeInt8) throw UsageError{"--eval-data measures --quantize int8"};
        // The change in quality is shown before anything is written.
        auto pipeline = openPipeline(p.positionalArguments().first());
        pipeline->model()->setInt8WeightBits(o.int8WeightBits);  // as the export will have them
        const Task task = Objective::taskOf(pipeline->model()->config());
        const Dataset d = readDatasetForModel(p.value("eval-data").toStdString(), task, {},
                                              pipeline->model()->config().labels);
        const QuantizationCheck q =
            o.calibrationData.empty()
                ? checkDynamicInt8(*pipeline, d)
                : checkStaticInt8(
                      *pipeline, d,
                      calibrateStaticInt8(*pipeline->model(), requireTokenizer(*pipeline),
                                          o.calibrationData, o.calibrationExamples));
        QJsonObject f32, i8;
        for (const auto& [k, v] : q.float32) f32[QString::fromStdString(k)] = v;
        for (const auto& [k, v] : q.int8) i8[QString::fromStdString(k)] = v;
        check = QJsonObject{{"main_metric", QString::fromStdString(q.mainMetric)},
                            {"float32", f32},
                            {"int8", i8},
                            {"delta", q.delta()},
                            {"float32_ms", q.float32Ms},
                            {"int8_ms", q.int8Ms}};
        if (!p.isSet("json"))
            out() << (o.calibrationData.empty() ? "int8 on " : "static int8 on ")
                  << p.value("eval-data") << ": " << QString::fromStdString(q.summary()) << "\n";
    }
    const ExportResult r = exportModel(p.positionalArguments().first().toStdString(),
                                       p.value("out").toStdString(), o, {});
    if (p.isSet("json")) {
        QJsonArray files;
        for (const auto& f : r.files) files.append(QString::fromStdString(f));
        printJson(QJsonObject{{"path", QString::fromStdString(r.path)},
                              {"files", files},
                              {"bytes", static_cast<double>(r.bytes)},
                              {"seconds", r.seconds},
                              {"notes", toJsonArray(r.notes)},
                              {"quantization_check", check}});
    } else {
        out() << "exported to " << QString::fromStdString(r.path) << " ("
              << QString::fromStdString(formatBytes(r.bytes)) << " in "
              << QString::fromStdString(formatDuration(r.seconds)) << ")\n";
        for (const auto& f : r.files) out() << "  " << QString::fromStdString(f) << "\n";
        for (const auto& n : r.notes) out() << "note: " << QString::fromStdString(n) << "\n";
    }
    return kExitOk;
}

}  // namespace

std::vector<CliCommand> exportCommands() {
    // Summaries: app/cli/CommandTable.h.
    return {{"export", runExport}};
}
