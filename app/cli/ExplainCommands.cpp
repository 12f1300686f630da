#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <chrono>
#include <functional>
#include <set>

#include "app/cli/CliSupport.h"
#include "app/common/AttentionConversion.h"
#include "core/explain/AttentionAnalysis.h"
#include "core/explain/Attribution.h"
#include "core/inference/Pipeline.h"
#include "widgets/AttentionData.h"
#include "widgets/AttentionHeatmap.h"
#include "widgets/HeadView.h"
#include "widgets/ModelView.h"
#include "widgets/ViewExport.h"

using namespace distilbench;

namespace {

// Returns the milliseconds spent painting (file encoding excluded).
double renderToFile(const QString& path, const QSize& size,
                    const std::function<void(QPainter&)>& paintView) {
    double paintMs = 0;
    const QString error = ViewExport::saveRendering(path, size, [&](QPainter& painter) {
        const auto t0 = std::chrono::steady_clock::now();
        paintView(painter);
        paintMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                      .count();
    });
    if (!error.isEmpty()) throw std::runtime_error(error.toStdString());
    return paintMs;
}

int runAttention(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({"text", "Input text.", "T"});
    p.addOption({"text-pair", "Second text (segment B).", "P"});
    p.addOption({"ids", "Token ids instead of text: 101,2023,102.", "IDS"});
    p.addOption({"layer", "Layer to show (default 0).", "L"});
    p.addOption({"head", "Head to show (default: mean of all heads).", "H"});
    p.addOption({"view", "heatmap (default), head, model or rollout.", "VIEW", "heatmap"});
    p.addOption({"format", "png, svg, pdf or json.", "FORMAT"});
    p.addOption({"out", "Output file.", "FILE"});
    p.addOption({"hide-special", "Hide [CLS]/[SEP] in heatmaps."});
    p.addOption({"normalise-rows", "Rescale heatmap rows to sum to 1."});
    p.addOption(
        {"top-mass", "Keep the largest weights holding this share of each row (0-1).", "X"});
    p.addOption({"width", "Image width in points (default 900).", "W"});
    p.addOption({"height", "Image height in points (default 800).", "H"});
    if (!parseCommand(p, args,
                      "Render attention maps (no display needed) or export the raw tensor as JSON.",
                      "MODEL", "Model folder."))
        return kExitOk;
    if (p.isSet("text") == p.isSet("ids")) throw UsageError{"give --text or --ids"};
    if (!p.isSet("out")) throw UsageError{"--out is required"};
    const QString out = p.value("out");
    QString format = p.isSet("format") ? p.value("format") : QFileInfo(out).suffix().toLower();
    if (!QStringList{"png", "svg", "pdf", "json"}.contains(format))
        throw UsageError{"--format must be png, svg, pdf or json"};
    const QString view = p.value("view");
    if (!QStringList{"heatmap", "head", "model", "rollout"}.contains(view))
        throw UsageError{"--view must be heatmap, head, model or rollout"};
    HeatmapOptions options;
    options.hideSpecialTokens = p.isSet("hide-special");
    options.normaliseRows = p.isSet("normalise-rows");
    if (p.isSet("top-mass")) {
        bool ok = false;
        options.topMass = p.value("top-mass").toDouble(&ok);
        if (!ok || options.topMass <= 0 || options.topMass > 1)
            throw UsageError{"--top-mass must be in (0, 1]"};
    }
    std::vector<std::int64_t> ids;
    if (p.isSet("ids"))
        for (const QString& v : p.value("ids").split(',', Qt::SkipEmptyParts)) {
            bool ok = false;
            ids.push_back(v.trimmed().toLongLong(&ok));
            if (!ok) throw UsageError{"--ids: '" + v + "' is not a token id"};
        }
    const int layerArg = intOption(p, "layer", 0, 0), headArg = intOption(p, "head", -1, 0);
    const QSize size(intOption(p, "width", 900, 100), intOption(p, "height", 800, 100));

    const auto pipeline = openPipeline(p.positionalArguments().first());
    const AttentionAnalysis a = analyseAttention(*pipeline, p.value("text").toStdString(),
                                                 p.value("text-pair").toStdString(), ids);
    if (layerArg >= static_cast<int>(a.layers.size()))
        throw UsageError{QString("--layer must be below %1").arg(a.layers.size())};
    if (headArg >= a.layers.front().heads)
        throw UsageError{QString("--head must be below %1").arg(a.layers.front().heads)};
    if (format == "json") {
        QSaveFile f(out);
        if (!f.open(QIODevice::WriteOnly))
            throw std::runtime_error((out + ": cannot write").toStdString());
        f.write(QJsonDocument(attentionToJson(a)).toJson(QJsonDocument::Compact));
        if (!f.commit()) throw std::runtime_error((out + ": cannot write").toStdString());
        return kExitOk;
    }
    const auto start = std::chrono::steady_clock::now();
    const AttentionData data = toAttentionData(a);
    double paintMs = 0;
    if (view == "heatmap") {
        const QString title = headArg < 0 ? QString("layer %1, mean of heads").arg(layerArg)
                                          : QString("layer %1, head %2").arg(layerArg).arg(headArg);
        const LabelledMatrix m = headMatrix(data, layerArg, headArg, options);
        paintMs = renderToFile(out, size, [&](QPainter& painter) {
            AttentionHeatmap::render(painter, size, m, title, false);
        });
    } else if (view == "rollout") {
        LabelledMatrix m;
        m.rows = m.columns = data.length;
        m.rowLabels = m.columnLabels = data.tokens;
        m.values = a.rollout;
        const LabelledMatrix shown = applyOptions(m, data.special, data.segment, options);
        paintMs = renderToFile(out, size, [&](QPainter& painter) {
            AttentionHeatmap::render(painter, size, shown, "attention rollout", false);
        });
    } else if (view == "head") {
        std::set<int> heads;
        for (int h = 0; h < data.heads; ++h)
            if (headArg < 0 || h == headArg) heads.insert(h);
        paintMs = renderToFile(out, size, [&](QPainter& painter) {
            HeadView::render(painter, size, data, layerArg, heads, -1, false);
        });
    } else {
        const auto thumbs = ModelView::thumbnails(data, false);
        paintMs +=
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        paintMs += renderToFile(out, size, [&](QPainter& painter) {
            ModelView::render(painter, size, thumbs, data.layers, data.heads, false);
        });
    }
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    QTextStream(stderr)
        << QString("%1 tokens, %2 view: data to picture in %3 ms, with the %4 file %5 ms\n")
               .arg(data.length)
               .arg(view)
               .arg(paintMs, 0, 'f', 1)
               .arg(format)
               .arg(ms, 0, 'f', 1);
    return kExitOk;
}

int runExplain(const QStringList& args) {
    QCommandLineParser p;
    p.addOption({"text", "Input text.", "T"});
    p.addOption({"text-pair", "Second text.", "P"});
    p.addOption({"label", "Label to explain (default: the predicted one).", "NAME"});
    p.addOption({"method", "ig (integrated gradients, default) or gradxinput.", "M", "ig"});
    p.addOption({"steps", "Integrated-gradients steps (default 50).", "N"});
    p.addOption({"internal-batch", "Path points per pass (default 16).", "N"});
    p.addOption({"json", "Print JSON."});
    if (!parseCommand(p, args, "Token attributions for a classifier's prediction.", "MODEL",
                      "Model folder."))
        return kExitOk;
    if (!p.isSet("text")) throw UsageError{"--text is required"};
    AttributionOptions options;
    if (!parseAttributionMethod(p.value("method").toStdString(), options.method))
        throw UsageError{"--method must be ig or gradxinput"};
    options.steps = intOption(p, "steps", 50, 1);
    options.internalBatch = intOption(p, "internal-batch", 16, 1);
    options.label = p.value("label").toStdString();
    const auto pipeline = openPipeline(p.positionalArguments().first());
    const AttributionResult r = explain(*pipeline, p.value("text").toStdString(),
                                        p.value("text-pair").toStdString(), options);
    if (p.isSet("json")) {
        QJsonArray tokens, offsets;
        for (const auto& t : r.encoding.tokens) tokens.append(QString::fromStdString(t));
        for (const auto& [b, e] : r.encoding.offsets) offsets.append(QJsonArray{b, e});
        printJson(QJsonObject{{"tokens", tokens},
                              {"offsets", offsets},
                              {"attributions", toJsonArray(r.scores)},
                              {"label", QString::fromStdString(r.label)},
                              {"label_index", r.labelIndex},
                              {"method", p.value("method")},
                              {"target_logit", r.targetLogit},
                              {"baseline_logit", r.baselineLogit},
                              {"attribution_sum", r.attributionSum},
                              {"completeness_gap", r.completenessGap}});
        return kExitOk;
    }
    out() << "label " << QString::fromStdString(r.label) << " (logit " << r.targetLogit << ")\n";
    for (std::size_t i = 0; i < r.scores.size(); ++i)
        out() << "  " << QString::fromStdString(r.encoding.tokens[i]).leftJustified(16)
              << QString::number(r.scores[i], 'f', 4) << "\n";
    if (options.method == AttributionMethod::IntegratedGradients)
        out() << "completeness: sum " << r.attributionSum << " vs f(x) - f(baseline) "
              << (r.targetLogit - r.baselineLogit) << " (gap " << r.completenessGap << ")\n";
    return kExitOk;
}

}  // namespace

std::vector<CliCommand> explainCommands() {
    // Summaries: app/cli/CommandTable.h.
    return {{"attention", runAttention}, {"explain", runExplain}};
}
