#pragma once

#include <QWidget>
#include <memory>

class Workspace;
class QComboBox;
class QLabel;
class QTableWidget;
namespace distilbench {
struct BehaviourReport;
}

// Behavioural tests of the open classifier (Analyse page): a suite (the built-in sentiment
// suite or a JSON file) runs on the job runner; each test's pass rate against its threshold,
// and the failing examples of the selected test, worst first.
class BehaviourTab : public QWidget {
    Q_OBJECT
public:
    explicit BehaviourTab(Workspace* workspace, QWidget* parent = nullptr);

    // Runs a suite file ("" = the built-in one) on the open model; the job id, -1 when no model.
    int runSuite(const QString& path = {});
    QTableWidget* results() const { return results_; }
    QTableWidget* failures() const { return failures_; }
    QString summaryText() const;
    // Every failing example as CSV, or the whole report as JSON (by suffix).
    bool exportReport(const QString& path) const;
    void clear();

Q_SIGNALS:
    void finished();
    void openInPlayground(const QString& text);

private:
    void show(const distilbench::BehaviourReport& report);
    void showFailures(int test);

    Workspace* workspace_;
    QComboBox* suite_;
    QLabel* summary_;
    QTableWidget* results_;
    QTableWidget* failures_;
    std::shared_ptr<distilbench::BehaviourReport> report_;
};
