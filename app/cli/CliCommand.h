#pragma once

#include <QString>
#include <QStringList>
#include <functional>
#include <vector>

// Exit codes shared by every subcommand.
enum CliExit { kExitOk = 0, kExitRuntimeError = 1, kExitUsage = 2 };

// Thrown by argument handling; main() prints it as one line and exits with kExitUsage.
struct UsageError {
    QString message;
};

// A command the engine runs; its summary is in CommandTable.h (shared with the launcher).
struct CliCommand {
    QString name;
    // Receives the arguments after the subcommand name, argv[0]-style first element included.
    std::function<int(const QStringList&)> run;
};

// Each command file contributes its commands here.
std::vector<CliCommand> environmentCommands();
std::vector<CliCommand> modelCommands();
std::vector<CliCommand> tokenizerCommands();
std::vector<CliCommand> explainCommands();
std::vector<CliCommand> trainCommands();
std::vector<CliCommand> exportCommands();
std::vector<CliCommand> analysisCommands();
