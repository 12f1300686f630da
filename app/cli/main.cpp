// distilbench-cli-engine: the commands of distilbench-cli, a thin headless client of
// distilbench_core (the distilbench-cli launcher starts it for every command).
#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>
#include <cstdlib>
#include <exception>
#include <memory>

#include "app/cli/CliCommand.h"
#include "app/cli/CliSupport.h"
#include "app/cli/CommandTable.h"
#include "core/runtime/Environment.h"
#include "core/runtime/ErrorText.h"

namespace {

std::vector<CliCommand> allCommands() {
    std::vector<CliCommand> commands;
    for (auto&& group : {environmentCommands(), modelCommands(), tokenizerCommands(),
                         explainCommands(), trainCommands(), exportCommands(), analysisCommands()})
        for (auto&& c : group) commands.push_back(c);
    return commands;
}

}  // namespace

// The offscreen platform that rendering commands use warns about XDG_RUNTIME_DIR on every call;
// that is noise for a command-line user (it changes nothing we write), so it is dropped.
static void quietMessages(QtMsgType type, const QMessageLogContext& context,
                          const QString& message) {
    if (message.startsWith(QLatin1String("QStandardPaths:"))) return;
    if (type == QtDebugMsg || type == QtInfoMsg) return;
    QTextStream(stderr) << message << '\n';
    (void)context;
}

int main(int argc, char** argv) {
    qInstallMessageHandler(quietMessages);
    // Rendering commands paint with QtGui; the offscreen platform needs no display.
    bool renders = false;
    for (int i = 1; i < argc; ++i)
        if (std::string(argv[i]) == "attention") renders = true;
    std::unique_ptr<QCoreApplication> application;
    if (renders) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("distilbench-cli"));
    QCoreApplication::setApplicationVersion(
        QString::fromStdString(distilbench::Runtime::appVersion()));
    QTextStream err(stderr);

    QStringList args = QCoreApplication::arguments();
    // Accepted anywhere on the line, by every command that opens a model.
    if (args.removeAll(QStringLiteral("--allow-fresh-weights")) > 0) setAllowFreshWeights(true);
    const auto commands = allCommands();
    int threads = 0;
    if (const char* env = std::getenv("DISTILBENCH_THREADS")) threads = std::atoi(env);
    // Global options come before the command name.
    int i = 1;
    for (; i < args.size() && args[i].startsWith(QLatin1Char('-')); ++i) {
        const QString a = args[i];
        if (a == QLatin1String("--version") || a == QLatin1String("-v")) {
            QTextStream(stdout) << "distilbench-cli " << QCoreApplication::applicationVersion()
                                << '\n';
            return kExitOk;
        }
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            QTextStream(stdout) << QString::fromStdString(cliHelpText());
            return kExitOk;
        }
        // For the test that the launcher's command table and the engine's commands agree.
        if (a == QLatin1String("--list-commands")) {
            for (const auto& c : commands) QTextStream(stdout) << c.name << '\n';
            return kExitOk;
        }
        if (a == QLatin1String("--threads") && i + 1 < args.size()) {
            bool ok = false;
            threads = args[++i].toInt(&ok);
            if (!ok || threads < 1) {
                err << "distilbench-cli: --threads needs a positive number\n";
                return kExitUsage;
            }
            continue;
        }
        err << "distilbench-cli: unknown option " << a << " (see --help)\n";
        return kExitUsage;
    }
    if (i >= args.size()) {
        err << "distilbench-cli: no command given (see --help)\n";
        return kExitUsage;
    }
    const QString name = args[i];
    for (const auto& c : commands) {
        if (c.name != name) continue;
        distilbench::Runtime::initialize(threads);
        QStringList sub = args.mid(i);
        sub[0] = QStringLiteral("distilbench-cli ") + name;
        try {
            return c.run(sub);
        } catch (const UsageError& e) {
            err << "distilbench-cli " << name << ": " << e.message << '\n';
            return kExitUsage;
        } catch (...) {
            // Every exception ends here as one line (never terminate, never a backtrace).
            err << "distilbench-cli " << name << ": "
                << QString::fromStdString(distilbench::describeCurrentException()) << '\n';
            return kExitRuntimeError;
        }
    }
    err << "distilbench-cli: unknown command '" << name << "' (see --help)\n";
    return kExitUsage;
}
