#include "app/cli/CliSupport.h"

#include "core/hub/HubClient.h"

#include <QJsonDocument>
#include <QJsonObject>

bool parseCommand(QCommandLineParser& parser, const QStringList& args, const QString& description,
                  const QString& positional, const QString& positionalHelp) {
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    if (!positional.isEmpty()) parser.addPositionalArgument(positional, positionalHelp);
    if (!parser.parse(args)) throw UsageError{parser.errorText()};
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return false;
    }
    if (!positional.isEmpty() && parser.positionalArguments().size() != 1)
        throw UsageError{QStringLiteral("expects exactly one %1 (see --help)").arg(positional)};
    return true;
}

void addColumnOptions(QCommandLineParser& p) {
    p.addOption({"text-column", "Column with the text (default: sentence, text, …).", "C"});
    p.addOption({"text-pair-column", "Column with the second text.", "C"});
    p.addOption({"label-column", "Column with the label (default: label, labels, …).", "C"});
}

double doubleOption(const QCommandLineParser& p, const QString& name, double fallback) {
    if (!p.isSet(name)) return fallback;
    bool ok = false;
    const double v = p.value(name).toDouble(&ok);
    if (!ok) throw UsageError{"--" + name + " needs a number"};
    return v;
}

int intOption(const QCommandLineParser& parser, const QString& name, int fallback, int minimum) {
    if (!parser.isSet(name)) return fallback;
    bool ok = false;
    const int v = parser.value(name).toInt(&ok);
    if (!ok || v < minimum)
        throw UsageError{QStringLiteral("--%1 needs a whole number >= %2").arg(name).arg(minimum)};
    return v;
}

QJsonArray toJsonArray(const distilbench::FloatArray& array) {
    // Nested lists in row-major order, like numpy's tolist().
    std::function<QJsonArray(std::size_t, std::size_t)> build = [&](std::size_t dim,
                                                                    std::size_t offset) {
        QJsonArray a;
        std::size_t stride = 1;
        for (std::size_t d = dim + 1; d < array.shape.size(); ++d) stride *= array.shape[d];
        for (std::int64_t i = 0; i < array.shape[dim]; ++i) {
            if (dim + 1 == array.shape.size())
                a.append(static_cast<double>(array.values[offset + i]));
            else
                a.append(build(dim + 1, offset + i * stride));
        }
        return a;
    };
    return array.shape.empty() ? QJsonArray() : build(0, 0);
}

void printJson(const QJsonValue& value, bool indented) {
    const auto format = indented ? QJsonDocument::Indented : QJsonDocument::Compact;
    if (value.isArray())
        out() << QJsonDocument(value.toArray()).toJson(format);
    else
        out() << QJsonDocument(value.toObject()).toJson(format);
    if (!indented) out() << '\n';
    out().flush();
}

QTextStream& out() {
    static QTextStream stream(stdout);
    return stream;
}

namespace {
bool gAllowFreshWeights = false;
}

void setAllowFreshWeights(bool allow) {
    gAllowFreshWeights = allow;
}

distilbench::LoadOptions cliLoadOptions() {
    distilbench::LoadOptions o;
    o.allowMissingWeights = gAllowFreshWeights;
    return o;
}

QString resolveModelArgument(const QString& pathOrId) {
    // A folder as it is; a Hub id from the cache, else downloaded with progress on stderr.
    distilbench::JobCallbacks callbacks;
    callbacks.progress = [](const distilbench::ProgressReport& r) {
        QTextStream(stderr) << "\r" << QString::fromStdString(r.message).leftJustified(78)
                            << (r.fraction >= 1.0 ? "\n" : "");
    };
    return QString::fromStdString(
        distilbench::resolveModelLocation(pathOrId.toStdString(), true, callbacks));
}

std::shared_ptr<distilbench::Pipeline> openPipeline(const QString& pathOrId) {
    const QString path = resolveModelArgument(pathOrId);
    if (gAllowFreshWeights)
        QTextStream(stderr)
            << "warning: --allow-fresh-weights: weights missing from " << path
            << " are initialised at random; its answers mean nothing until trained\n";
    return distilbench::Pipeline::open(path.toStdString(), {}, cliLoadOptions());
}
