#include "app/gui/BehaviourTab.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include "app/common/JobRunner.h"
#include "app/gui/Workspace.h"
#include "core/analysis/BehaviourCheck.h"
#include "core/inference/Pipeline.h"
#include "core/training/Objective.h"
#include "widgets/NumericTableItem.h"
#include "widgets/ViewExport.h"

using namespace distilbench;

namespace {
QString str(const std::string& s) {
    return QString::fromStdString(s);
}

}  // namespace

BehaviourTab::BehaviourTab(Workspace* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace) {
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    suite_ = new QComboBox(this);
    suite_->addItem(tr("Built-in: sentiment (16 tests)"), QString());
    suite_->setToolTip(
        tr("A behavioural test suite: templates filled from word lists, checked as MFT (the "
           "expected label), INV (a change must not flip the prediction) or DIR (a change must "
           "move a label's probability one way), after CheckList (Ribeiro et al., 2020)"));
    auto* open = new QPushButton(tr("Open Suite…"), this);
    open->setToolTip(tr("A suite as JSON (see docs/BEHAVIOUR_SUITES.md)"));
    auto* run = new QPushButton(tr("Run Tests"), this);
    run->setObjectName("runBehaviour");
    run->setShortcut(QKeySequence(QStringLiteral("Ctrl+Return")));
    run->setToolTip(tr("Run every test of the suite on the open model (Ctrl+Return)"));
    auto* exportButton = new QPushButton(tr("Export…"), this);
    exportButton->setToolTip(tr("Failing examples as CSV, or the whole report as JSON"));
    top->addWidget(new QLabel(tr("Suite:"), this));
    top->addWidget(suite_, 1);
    top->addWidget(open);
    top->addWidget(run);
    top->addWidget(exportButton);
    layout->addLayout(top);
    summary_ = new QLabel(tr("Run a suite to see which behaviours the model has learnt."), this);
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(summary_);

    auto* split = new QSplitter(Qt::Vertical, this);
    results_ = new QTableWidget(0, 7, split);
    results_->setObjectName("behaviourResults");
    results_->setHorizontalHeaderLabels({tr("Result"), tr("Type"), tr("Capability"), tr("Test"),
                                         tr("Passed"), tr("Pass rate"), tr("Needs")});
    results_->horizontalHeaderItem(1)->setToolTip(
        tr("MFT: expected label · INV: prediction must not change · DIR: probability must move "
           "one way"));
    results_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    results_->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    results_->verticalHeader()->hide();
    results_->setSelectionBehavior(QAbstractItemView::SelectRows);
    results_->setSelectionMode(QAbstractItemView::SingleSelection);
    results_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    results_->setSortingEnabled(true);
    failures_ = new QTableWidget(0, 7, split);
    failures_->setObjectName("behaviourFailures");
    failures_->setHorizontalHeaderLabels({tr("Example"), tr("Changed to"), tr("Change"),
                                          tr("Expected"), tr("Predicted"), tr("Before"),
                                          tr("After")});
    failures_->horizontalHeaderItem(5)->setToolTip(
        tr("MFT: the expected label's probability · INV: the original prediction's probability "
           "· DIR: the direction label's probability"));
    failures_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    failures_->horizontalHeader()->setStretchLastSection(false);
    failures_->verticalHeader()->hide();
    failures_->setSelectionBehavior(QAbstractItemView::SelectRows);
    failures_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    failures_->setSortingEnabled(true);
    failures_->setToolTip(tr("Double-click an example to open it in the Playground"));
    split->addWidget(results_);
    split->addWidget(failures_);
    layout->addWidget(split, 1);

    connect(open, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Behavioural test suite"), {},
                                                       tr("Suites (*.json);;All files (*)"));
        if (f.isEmpty()) return;
        if (suite_->findData(f) < 0) suite_->addItem(QFileInfo(f).fileName(), f);
        suite_->setCurrentIndex(suite_->findData(f));
        runSuite(f);
    });
    connect(run, &QPushButton::clicked, this,
            [this] { runSuite(suite_->currentData().toString()); });
    connect(results_, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = results_->selectionModel()->selectedRows();
        showFailures(rows.isEmpty()
                         ? -1
                         : results_->item(rows.first().row(), 0)->data(Qt::UserRole).toInt());
    });
    connect(failures_, &QTableWidget::cellDoubleClicked, this, [this](int row, int column) {
        // The perturbed text when that column was clicked, else the example.
        QTableWidgetItem* item = failures_->item(row, column == 1 ? 1 : 0);
        if (item && !item->text().isEmpty()) Q_EMIT openInPlayground(item->text());
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        if (!report_) return;
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export"), ViewExport::suggestedPath("behaviour.csv"),
            tr("Failing examples (*.csv);;Report (*.json)"));
        if (path.isEmpty()) return;
        if (!exportReport(path))
            QMessageBox::warning(this, tr("Export"), tr("Cannot write %1").arg(path));
        else
            ViewExport::announceSaved(this, {path});
    });
}

QString BehaviourTab::summaryText() const {
    return summary_->text();
}

void BehaviourTab::clear() {
    // The built-in entry names the suite the open model gets.
    const auto pipeline = workspace_->pipeline();
    const bool tagger =
        pipeline && Objective::taskOf(pipeline->model()->config()) == Task::TokenClassification;
    suite_->setItemText(0, tagger ? tr("Built-in: named entities (10 tests)")
                                  : tr("Built-in: sentiment (16 tests)"));
    report_.reset();
    results_->setRowCount(0);
    failures_->setRowCount(0);
    summary_->setText(tr("Run a suite to see which behaviours the model has learnt."));
}

int BehaviourTab::runSuite(const QString& path) {
    const auto pipeline = workspace_->pipeline();
    if (!pipeline) return -1;
    const std::string file =
        path.isEmpty()
            ? BehaviourSuite::builtInPathFor(Objective::taskOf(pipeline->model()->config()))
            : path.toStdString();
    auto report = std::make_shared<BehaviourReport>();
    summary_->setText(tr("Running %1…").arg(QFileInfo(QString::fromStdString(file)).fileName()));
    return workspace_->runner()->start(
        tr("Behavioural tests"),
        [pipeline, file, report](const JobCallbacks& cb) {
            *report = runBehaviourSuite(*pipeline, BehaviourSuite::read(file), 32, cb);
        },
        [this, report, pipeline] {
            if (pipeline != workspace_->pipeline()) return;  // another model opened meanwhile
            report_ = report;
            show(*report);
            Q_EMIT finished();
        });
}

void BehaviourTab::show(const BehaviourReport& report) {
    results_->setSortingEnabled(false);
    results_->setRowCount(static_cast<int>(report.tests.size()));
    for (int i = 0; i < static_cast<int>(report.tests.size()); ++i) {
        const BehaviourTestResult& t = report.tests[static_cast<std::size_t>(i)];
        auto* result = new QTableWidgetItem(t.passed ? tr("✓ pass") : tr("✗ fail"));
        result->setData(Qt::UserRole, i);
        result->setForeground(t.passed ? QColor(0x1a, 0x7f, 0x37) : QColor(0xb0, 0x2a, 0x37));
        if (!t.note.empty()) result->setToolTip(str(t.note));
        results_->setItem(i, 0, result);
        results_->setItem(i, 1, new QTableWidgetItem(str(behaviourTestTypeName(t.type))));
        results_->setItem(i, 2, new QTableWidgetItem(str(t.capability)));
        auto* name = new QTableWidgetItem(str(t.name));
        name->setToolTip(str(t.description));
        results_->setItem(i, 3, name);
        results_->setItem(
            i, 4,
            new NumericTableItem(t.examples - t.failures,
                                 QString("%1/%2").arg(t.examples - t.failures).arg(t.examples)));
        results_->setItem(
            i, 5,
            new NumericTableItem(t.passRate, t.note.empty()
                                                 ? QString::number(100 * t.passRate, 'f', 1) + "%"
                                                 : str(t.note)));
        results_->setItem(i, 6,
                          new NumericTableItem(t.minPassRate,
                                               QString::number(100 * t.minPassRate, 'f', 0) + "%"));
    }
    // In the suite's order until the user sorts by a column.
    results_->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    results_->setSortingEnabled(true);
    QStringList labels;
    for (const auto& [suiteLabel, modelLabel] : report.labels)
        if (suiteLabel != modelLabel) labels << str(suiteLabel) + " = " + str(modelLabel);
    summary_->setText(tr("<b>%1 of %2 tests passed</b> · %3")
                          .arg(report.tests.size() - report.failedTests())
                          .arg(report.tests.size())
                          .arg(str(report.suite).toHtmlEscaped()) +
                      (labels.isEmpty()
                           ? QString()
                           : " · " + tr("labels: %1").arg(labels.join(", ").toHtmlEscaped())));
    failures_->setRowCount(0);
    // The first failing test is selected: its examples show at once.
    for (int r = 0; r < results_->rowCount(); ++r)
        if (!report
                 .tests[static_cast<std::size_t>(results_->item(r, 0)->data(Qt::UserRole).toInt())]
                 .passed) {
            results_->selectRow(r);
            break;
        }
}

void BehaviourTab::showFailures(int test) {
    failures_->setSortingEnabled(false);
    failures_->setRowCount(0);
    const auto report = report_;
    if (!report || test < 0 || test >= static_cast<int>(report->tests.size())) return;
    const BehaviourTestResult& t = report->tests[static_cast<std::size_t>(test)];
    const bool perturbed = t.type != BehaviourTestType::MFT;
    failures_->setColumnHidden(1, !perturbed);
    failures_->setColumnHidden(2, !perturbed);
    failures_->setColumnHidden(6, !perturbed || report->tokenClassification);
    failures_->setColumnHidden(5, report->tokenClassification);
    failures_->horizontalHeaderItem(5)->setText(perturbed ? tr("Before") : tr("p(expected)"));
    failures_->setRowCount(static_cast<int>(t.failing.size()));
    for (int i = 0; i < static_cast<int>(t.failing.size()); ++i) {
        const BehaviourFailure& f = t.failing[static_cast<std::size_t>(i)];
        failures_->setItem(i, 0, new QTableWidgetItem(str(f.text)));
        failures_->setItem(i, 1, new QTableWidgetItem(str(f.variant)));
        failures_->setItem(i, 2, new QTableWidgetItem(str(f.change)));
        failures_->setItem(i, 3, new QTableWidgetItem(str(f.expected)));
        failures_->setItem(i, 4, new QTableWidgetItem(str(f.predicted)));
        failures_->setItem(
            i, 5, new NumericTableItem(f.before, QString::number(100 * f.before, 'f', 1) + "%"));
        failures_->setItem(
            i, 6, new NumericTableItem(f.after, QString::number(100 * f.after, 'f', 1) + "%"));
    }
    failures_->resizeColumnsToContents();
    failures_->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);  // worst first
    failures_->setSortingEnabled(true);
}

bool BehaviourTab::exportReport(const QString& path) const {
    if (!report_) return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return false;
    if (path.endsWith(".json", Qt::CaseInsensitive)) {
        file.write(QJsonDocument(report_->toJson()).toJson());
        return file.commit();
    }
    file.cancelWriting();
    QList<QStringList> rows{{"test", "type", "capability", "text", "variant", "change", "expected",
                             "predicted", "before", "after"}};
    for (const BehaviourTestResult& t : report_->tests)
        for (const BehaviourFailure& f : t.failing)
            rows << QStringList{str(t.name),
                                str(behaviourTestTypeName(t.type)),
                                str(t.capability),
                                str(f.text),
                                str(f.variant),
                                str(f.change),
                                str(f.expected),
                                str(f.predicted),
                                QString::number(f.before, 'g', 6),
                                QString::number(f.after, 'g', 6)};
    return ViewExport::saveCsv(path, rows);
}
