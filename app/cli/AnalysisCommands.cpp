// Analysis commands: behavioural tests (`check`).
#include <QJsonObject>
#include <QTextStream>

#include "app/cli/CliCommand.h"
#include "app/cli/CliSupport.h"
#include "core/analysis/BehaviourCheck.h"

using namespace distilbench;

namespace {

QString str(const std::string& s) {
    return QString::fromStdString(s);
}

int runCheck(const QStringList& args) {
    QCommandLineParser p;
    p.addPositionalArgument("MODEL", "Model folder or Hub id.");
    p.addPositionalArgument("SUITE",
                            "Behavioural test suite (JSON); the built-in sentiment suite "
                            "when omitted.",
                            "[SUITE.json]");
    p.addOption({"batch-size", "Texts per batch (default 32).", "N"});
    p.addOption({"show", "Failing examples printed per failing test (default 3).", "N"});
    p.addOption(
        {"json", "Print the whole report as JSON (every failing example, up to 200 a test)."});
    if (!parseCommand(p, args,
                      "Behavioural tests (CheckList style: MFT, INV, DIR) of a classifier. Exits "
                      "with 1 when any test passes fewer examples than its min_pass_rate, so a "
                      "model can be gated in automation."))
        return kExitOk;
    const QStringList positional = p.positionalArguments();
    if (positional.isEmpty() || positional.size() > 2)
        throw UsageError{"expects MODEL and optionally SUITE.json (see --help)"};
    const std::string suitePath = positional.size() == 2 ? positional[1].toStdString()
                                                         : BehaviourSuite::builtInSentimentPath();
    const BehaviourSuite suite = BehaviourSuite::read(suitePath);
    const auto pipeline = openPipeline(positional[0]);
    const BehaviourReport report =
        runBehaviourSuite(*pipeline, suite, intOption(p, "batch-size", 32, 1));
    if (p.isSet("json")) {
        printJson(report.toJson(), true);
        return report.passed() ? kExitOk : kExitRuntimeError;
    }
    const int show = intOption(p, "show", 3, 0);
    out() << str(report.suite) << " on " << positional[0] << "\n";
    for (const auto& [suiteLabel, modelLabel] : report.labels)
        if (suiteLabel != modelLabel)
            out() << "  label " << str(suiteLabel) << " = the model's " << str(modelLabel) << "\n";
    for (const BehaviourTestResult& t : report.tests) {
        out() << (t.passed ? "  pass  " : "  FAIL  ") << str(behaviourTestTypeName(t.type)) << "  "
              << str(t.capability).leftJustified(11) << " " << str(t.name).leftJustified(36) << " ";
        if (!t.note.empty()) {
            out() << str(t.note) << "\n";
            continue;
        }
        out() << QString("%1/%2 passed (%3%, needs %4%)")
                     .arg(t.examples - t.failures)
                     .arg(t.examples)
                     .arg(100.0 * t.passRate, 0, 'f', 1)
                     .arg(100.0 * t.minPassRate, 0, 'f', 0)
              << "\n";
        if (t.passed) continue;
        for (int k = 0; k < show && k < static_cast<int>(t.failing.size()); ++k) {
            const BehaviourFailure& f = t.failing[static_cast<std::size_t>(k)];
            if (t.type == BehaviourTestType::MFT)
                out() << "          \"" << str(f.text) << "\" → " << str(f.predicted)
                      << QString(" (%1 %2)").arg(str(f.expected)).arg(f.before, 0, 'f', 2) << "\n";
            else
                out() << "          \"" << str(f.text) << "\" → \"" << str(f.variant) << "\" ["
                      << str(f.change) << "] "
                      << QString("%1 %2 → %3")
                             .arg(str(f.expected))
                             .arg(f.before, 0, 'f', 2)
                             .arg(f.after, 0, 'f', 2)
                      << (t.type == BehaviourTestType::INV ? ", now " + str(f.predicted) : "")
                      << "\n";
        }
    }
    out() << (report.tests.size() - static_cast<std::size_t>(report.failedTests())) << " of "
          << report.tests.size() << " tests passed\n";
    return report.passed() ? kExitOk : kExitRuntimeError;
}

}  // namespace

std::vector<CliCommand> analysisCommands() {
    return {{"check",
             "behavioural tests of a classifier from a suite (MFT/INV/DIR); exit 1 on a failure",
             runCheck}};
}
