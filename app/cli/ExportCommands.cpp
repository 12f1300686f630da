#include <QJsonArray>
#include <QJsonObject>

#include "app/cli/CliSupport.h"
#include "core/export/ModelExporter.h"
#include "core/util/HumanUnits.h"

using namespace distilbench;

namespace {

int runExport(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({"format", "hf (default: config, safetensors, tokenizer files, model card), bin (pytorch_model.bin) or onnx.", "F", "hf"});
    p.addOption({"dtype", "Weights as f32 (default), f16 or bf16 (hf and bin).", "T", "f32"});
    p.addOption({"opset", "ONNX opset, 14 (default) to 17.", "N"});
    p.addOption({"attentions", "ONNX: also output every layer's attention weights."});
    p.addOption({"out", "Output folder (or a .onnx file).", "PATH"});
    p.addOption({"json", "Print JSON."});
    if (!parseCommand(p, args, "Export a model so that transformers, ONNX Runtime or another DistilBench loads it unchanged.", "MODEL",
                      "Model folder (or weights file beside its config.json)."))
        return kExitOk;
    ExportOptions o;
    if (!parseExportFormat(p.value("format").toStdString(), o.format)) throw UsageError{"--format must be hf, bin or onnx"};
    if (!parseExportDType(p.value("dtype").toStdString(), o.dtype)) throw UsageError{"--dtype must be f32, f16 or bf16"};
    if (!p.isSet("out")) throw UsageError{"--out PATH is required"};
    o.onnxOpset = intOption(p, "opset", 14, 14);
    o.onnxAttentions = p.isSet("attentions");
    const ExportResult r = exportModel(p.positionalArguments().first().toStdString(), p.value("out").toStdString(), o, {});
    if (p.isSet("json")) {
        QJsonArray files;
        for (const auto& f : r.files) files.append(QString::fromStdString(f));
        printJson(QJsonObject{{"path", QString::fromStdString(r.path)}, {"files", files}, {"bytes", static_cast<double>(r.bytes)},
                              {"seconds", r.seconds}});
    } else {
        out() << "exported to " << QString::fromStdString(r.path) << " (" << QString::fromStdString(formatBytes(r.bytes)) << " in "
              << QString::fromStdString(formatDuration(r.seconds)) << ")\n";
        for (const auto& f : r.files) out() << "  " << QString::fromStdString(f) << "\n";
    }
    return kExitOk;
}

}  // namespace

std::vector<CliCommand> exportCommands() {
    return {{"export", "write a model for transformers (hf, bin) or ONNX Runtime (onnx), in fp32/fp16/bf16", runExport}};
}
