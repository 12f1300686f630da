#include <QCommandLineParser>
#include <QJsonDocument>
#include <QTextStream>

#include "app/cli/CliCommand.h"
#include "core/models/Model.h"
#include "core/runtime/EnvironmentJson.h"

namespace {

int runEnv(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Show versions, BLAS, threads and devices."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    if (!parser.parse(args)) throw UsageError{parser.errorText()};
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return kExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        throw UsageError{QStringLiteral("env takes no positional arguments")};
    auto env = distilbench::Runtime::collect();
    env.int8WeightBits = distilbench::Model::cpuInt8WeightBits();
    QTextStream out(stdout);
    if (parser.isSet(QStringLiteral("json")))
        out << QJsonDocument(distilbench::environmentToJson(env)).toJson(QJsonDocument::Indented);
    else
        out << distilbench::environmentToText(env) << '\n';
    return kExitOk;
}

}  // namespace

std::vector<CliCommand> environmentCommands() {
    // Summaries: app/cli/CommandTable.h.
    return {{"env", runEnv}};
}
