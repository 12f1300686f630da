// A keystroke in the Playground until its bars show, against the model's own time (issue #18:
// "keystroke → updated bars ≤ model time + 5 ms, p50", demo model). The real pages offscreen:
// each character of a sentence is typed into the input, and the time until predictionShown is
// taken; the overhead is that minus the forward pass the page reports.
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTextStream>
#include <algorithm>
#include <vector>

#include "app/gui/MainWindow.h"
#include "app/gui/PageSetup.h"
#include "app/gui/PlaygroundPage.h"
#include "app/gui/Workspace.h"
#include "core/runtime/Environment.h"

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName("DistilBenchBench");
    distilbench::Runtime::initialize(0);
    MainWindow window;
    Pages pages = setupPages(window);
    window.resize(1280, 800);
    window.show();
    QSignalSpy changed(pages.workspace, &Workspace::modelChanged);
    if (pages.workspace->openDemo() < 0 || !changed.wait(20000)) {
        QTextStream(stderr) << "the demo model is not available\n";
        return 1;
    }
    window.showPage(pages.playground);
    const QString sentence = "the movie was a delight from start to end, and the cast shines";
    std::vector<double> total, overhead;
    QPlainTextEdit* input = pages.playground->input();
    for (int round = 0; round < 3; ++round) {
        input->clear();
        QSignalSpy settle(pages.playground, &PlaygroundPage::predictionShown);
        settle.wait(500);
        for (const QChar c : sentence) {
            QSignalSpy shown(pages.playground, &PlaygroundPage::predictionShown);
            QElapsedTimer t;
            t.start();
            input->insertPlainText(QString(c));
            if (!shown.wait(5000)) continue;
            const double ms = t.nsecsElapsed() / 1e6;
            total.push_back(ms);
            overhead.push_back(ms - 1000.0 * pages.playground->lastModelSeconds());
        }
    }
    auto pct = [](std::vector<double> v, double q) {
        std::sort(v.begin(), v.end());
        return v.empty() ? 0.0 : v[static_cast<std::size_t>(q * (v.size() - 1))];
    };
    QTextStream(stdout) << total.size() << " keystrokes: keystroke -> bars p50 "
                        << QString::number(pct(total, 0.5), 'f', 2) << " ms (p90 "
                        << QString::number(pct(total, 0.9), 'f', 2)
                        << "); beyond the model's time p50 "
                        << QString::number(pct(overhead, 0.5), 'f', 2) << " ms (p90 "
                        << QString::number(pct(overhead, 0.9), 'f', 2) << ")\n";
    return 0;
}
