#pragma once

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonValue>
#include <QString>
#include <QTextStream>
#include <string>
#include <vector>

#include "app/cli/CliCommand.h"
#include "core/inference/Pipeline.h"
#include "core/models/Model.h"

// Parses the arguments of a subcommand; prints its help and returns false when --help was given.
bool parseCommand(QCommandLineParser& parser, const QStringList& args, const QString& description,
                  const QString& positional = {}, const QString& positionalHelp = {});
int intOption(const QCommandLineParser& parser, const QString& name, int fallback, int minimum = 0);
double doubleOption(const QCommandLineParser& parser, const QString& name, double fallback);
// --text-column, --text-pair-column, --label-column (commands that read labelled data).
void addColumnOptions(QCommandLineParser& parser);
QJsonArray toJsonArray(const distilbench::FloatArray& array);
template <typename T>
QJsonArray toJsonArray(const std::vector<T>& values) {
    QJsonArray a;
    for (const auto& v : values) {
        if constexpr (std::is_same_v<T, std::string>)
            a.append(QString::fromStdString(v));
        else
            a.append(static_cast<double>(v));
    }
    return a;
}
void printJson(const QJsonValue& value, bool indented = false);
QTextStream& out();

// --allow-fresh-weights (accepted by every command): open models whose files lack some weights,
// initialising those freshly. Off by default: such a model would answer at random.
void setAllowFreshWeights(bool allow);
distilbench::LoadOptions cliLoadOptions();
// Opens a model folder for a command, refusing incomplete models unless allowed.
// A model folder, or a Hugging Face id (org/name[@revision]) resolved through the shared cache
// (downloaded when missing, offline-first).
QString resolveModelArgument(const QString& pathOrId);
std::shared_ptr<distilbench::Pipeline> openPipeline(const QString& pathOrId);
