#include "app/gui/SlicesTab.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>
#include <map>

#include "app/common/JobRunner.h"
#include "app/gui/Workspace.h"
#include "core/analysis/Slices.h"
#include "core/evaluation/Evaluation.h"
#include "core/inference/Pipeline.h"
#include "core/runtime/Error.h"
#include "widgets/NumericTableItem.h"
#include "widgets/ViewExport.h"

using namespace distilbench;

namespace {
QString str(const std::string& s) {
    return QString::fromStdString(s);
}

QString percent(double v) {
    return QString::number(100 * v, 'f', 1) + "%";
}

std::vector<SliceDefinition> parseSpecs(const QString& text) {
    std::vector<SliceDefinition> out;
    for (const QString& line : text.split('\n', Qt::SkipEmptyParts))
        if (!line.trimmed().isEmpty() && !line.trimmed().startsWith('#'))
            out.push_back(SliceDefinition::parse(line.trimmed().toStdString()));
    return out;
}
}  // namespace

SlicesTab::SlicesTab(Workspace* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace) {
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    data_ = new QLineEdit(this);
    data_->setObjectName("slicesData");
    data_->setPlaceholderText(tr("Labelled data: CSV, TSV, JSON Lines or JSON"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* run = new QPushButton(tr("Compute Slices"), this);
    run->setToolTip(tr("Evaluate the open model on the data and score every slice"));
    auto* exportButton = new QPushButton(tr("Export…"), this);
    exportButton->setToolTip(tr("The slice table as CSV"));
    top->addWidget(data_, 1);
    top->addWidget(browse);
    top->addWidget(run);
    top->addWidget(exportButton);
    layout->addLayout(top);
    auto* specsRow = new QHBoxLayout;
    specs_ = new QPlainTextEdit(this);
    specs_->setObjectName("sliceSpecs");
    specs_->setPlaceholderText(
        tr("One slice per line: keyword:not · regex:\\bbut\\b · length:0-10 · label:positive · "
           "predicted:negative · column:source=web"));
    specs_->setMaximumHeight(70);
    automatic_ = new QCheckBox(tr("Automatic slices"), this);
    automatic_->setChecked(true);
    automatic_->setToolTip(
        tr("Length quartiles, each label, and texts with negation, contrast, questions, "
           "exclamations or numbers"));
    specsRow->addWidget(specs_, 1);
    specsRow->addWidget(automatic_, 0, Qt::AlignTop);
    layout->addLayout(specsRow);
    summary_ = new QLabel(
        tr("Slices show where the model is weaker than on the whole set: pick labelled data "
           "and press Compute Slices."),
        this);
    summary_->setWordWrap(true);
    layout->addWidget(summary_);
    auto* split = new QSplitter(Qt::Vertical, this);
    table_ = new QTableWidget(0, 8, split);
    table_->setObjectName("slicesTable");
    table_->setHorizontalHeaderLabels({tr("Slice"), tr("Examples"), tr("Accuracy"),
                                       tr("95% interval"), tr("vs all"), tr("Macro F1"),
                                       tr("Confidence"), tr("Errors")});
    table_->horizontalHeaderItem(3)->setToolTip(
        tr("Wilson score interval: where the slice's true accuracy lies with 95% confidence; "
           "small slices have wide intervals"));
    table_->horizontalHeaderItem(4)->setToolTip(
        tr("The slice's accuracy minus the whole set's, in points"));
    table_->horizontalHeaderItem(6)->setToolTip(tr("Mean probability of the predicted label"));
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table_->verticalHeader()->hide();
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSortingEnabled(true);
    examples_ = new QTableWidget(0, 4, split);
    examples_->setObjectName("sliceExamples");
    examples_->setHorizontalHeaderLabels(
        {tr("Text"), tr("Label"), tr("Predicted"), tr("Confidence")});
    examples_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    examples_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    examples_->verticalHeader()->hide();
    examples_->setSelectionBehavior(QAbstractItemView::SelectRows);
    examples_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    examples_->setSortingEnabled(true);
    examples_->setToolTip(tr("Errors first; double-click an example to open it in the Playground"));
    split->addWidget(table_);
    split->addWidget(examples_);
    layout->addWidget(split, 1);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(
            this, tr("Labelled data"), {}, tr("Data (*.csv *.tsv *.jsonl *.json);;All files (*)"));
        if (!f.isEmpty()) data_->setText(f);
    });
    connect(run, &QPushButton::clicked, this, [this] { compute(data_->text()); });
    connect(table_, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = table_->selectionModel()->selectedRows();
        showExamples(
            rows.isEmpty() ? -2 : table_->item(rows.first().row(), 0)->data(Qt::UserRole).toInt());
    });
    connect(examples_, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (QTableWidgetItem* item = examples_->item(row, 0)) Q_EMIT openInPlayground(item->text());
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export"), ViewExport::suggestedPath("slices.csv"), tr("CSV (*.csv)"));
        if (path.isEmpty()) return;
        if (!exportCsv(path))
            QMessageBox::warning(this, tr("Export"), tr("Cannot write %1").arg(path));
        else
            ViewExport::announceSaved(this, {path});
    });
}

void SlicesTab::setSpecs(const QString& specs) {
    specs_->setPlainText(specs);
}
void SlicesTab::setAutomatic(bool on) {
    automatic_->setChecked(on);
}
QString SlicesTab::summaryText() const {
    return summary_->text();
}
QString SlicesTab::dataPath() const {
    return data_->text();
}

void SlicesTab::clear() {
    report_.reset();
    slices_.reset();
    definitions_.reset();
    table_->setRowCount(0);
    examples_->setRowCount(0);
}

int SlicesTab::compute(const QString& dataPath) {
    const auto pipeline = workspace_->pipeline();
    if (!pipeline || dataPath.isEmpty()) return -1;
    data_->setText(dataPath);
    std::vector<SliceDefinition> definitions;
    try {
        definitions = parseSpecs(specs_->toPlainText());
    } catch (const std::exception& e) {
        summary_->setText(QString::fromUtf8(e.what()).toHtmlEscaped());
        return -1;
    }
    const bool automatic = automatic_->isChecked();
    const std::string path = dataPath.toStdString();
    auto report = std::make_shared<EvaluationReport>();
    auto slices = std::make_shared<SliceReport>();
    auto metadata = std::make_shared<std::map<std::string, std::vector<std::string>>>();
    auto all = std::make_shared<std::vector<SliceDefinition>>(std::move(definitions));
    summary_->setText(tr("Evaluating on %1…").arg(QFileInfo(dataPath).fileName()));
    return workspace_->runner()->start(
        tr("Slices of %1").arg(QFileInfo(dataPath).fileName()),
        [pipeline, path, all, automatic, report, slices, metadata](const JobCallbacks& cb) {
            const Dataset data = readEvaluationData(path, pipeline->model()->config());
            *report =
                evaluateModel(*pipeline, data, EvaluationDefaults::kBatchSize,
                              EvaluationDefaults::kMaxLength, EvaluationDefaults::kThreshold, cb);
            *metadata = readMetadataColumns(path);
            if (automatic) {
                const auto more = automaticSlices(*report);
                all->insert(all->end(), more.begin(), more.end());
            }
            *slices = computeSlices(*report, *all, *metadata);
        },
        [this, report, slices, metadata, all, pipeline] {
            if (pipeline != workspace_->pipeline()) return;
            report_ = report;
            slices_ = slices;
            metadata_ = metadata;
            definitions_ = all;
            show();
            Q_EMIT computed();
        });
}

void SlicesTab::addSelection(const QString& name, const std::vector<std::size_t>& indices) {
    if (!report_ || !definitions_) return;
    SliceDefinition d;
    d.kind = SliceDefinition::Kind::Selection;
    d.name = name.toStdString();
    d.indices = indices;
    std::sort(d.indices.begin(), d.indices.end());
    definitions_->push_back(std::move(d));
    // Cheap (no model work): counts over the report already there.
    *slices_ = computeSlices(*report_, *definitions_, *metadata_);
    show();
    Q_EMIT computed();
}

void SlicesTab::show() {
    const SliceReport& r = *slices_;
    const bool tokens = r.task == Task::TokenClassification;
    // Token classification: sentences tagged entirely right, and each slice's entity F1.
    table_->horizontalHeaderItem(2)->setText(tokens ? tr("Sentences right") : tr("Accuracy"));
    table_->horizontalHeaderItem(5)->setText(tokens ? tr("Entity F1") : tr("Macro F1"));
    table_->setColumnHidden(6, tokens);
    examples_->setColumnHidden(1, tokens);
    examples_->setColumnHidden(2, tokens);
    examples_->setColumnHidden(3, tokens);
    table_->setSortingEnabled(false);
    table_->setRowCount(static_cast<int>(r.slices.size()) + 1);
    auto fill = [&](int row, const SliceMetrics& m, int index) {
        auto* name = new QTableWidgetItem(str(m.name));
        name->setData(Qt::UserRole, index);
        name->setToolTip(str(m.spec));
        table_->setItem(row, 0, name);
        table_->setItem(row, 1, new NumericTableItem(m.count, QString::number(m.count)));
        table_->setItem(row, 2,
                        new NumericTableItem(m.accuracy, m.count ? percent(m.accuracy) : "–"));
        table_->setItem(
            row, 3,
            new NumericTableItem(
                m.ciLow,
                m.count
                    ? QString("%1–%2").arg(100 * m.ciLow, 0, 'f', 1).arg(100 * m.ciHigh, 0, 'f', 1)
                    : "–"));
        auto* drop = new NumericTableItem(-m.drop, index < 0 || !m.count
                                                       ? QString("–")
                                                       : QString::asprintf("%+.1f", -100 * m.drop));
        // Clearly worse: even the top of the slice's interval is under the whole set.
        if (index >= 0 && m.count && m.ciHigh < r.overall.accuracy)
            drop->setForeground(QColor(0xb0, 0x2a, 0x37));
        table_->setItem(row, 4, drop);
        table_->setItem(row, 5,
                        new NumericTableItem(m.macroF1, QString::number(m.macroF1, 'f', 3)));
        table_->setItem(
            row, 6,
            new NumericTableItem(
                std::isnan(m.meanConfidence) ? 0 : m.meanConfidence,
                std::isnan(m.meanConfidence) ? QString("–") : percent(m.meanConfidence)));
        table_->setItem(row, 7, new NumericTableItem(m.errors, QString::number(m.errors)));
    };
    fill(0, r.overall, -1);
    for (int i = 0; i < static_cast<int>(r.slices.size()); ++i)
        fill(i + 1, r.slices[static_cast<std::size_t>(i)], i);
    table_->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);  // largest drop first
    table_->setSortingEnabled(true);
    int worse = 0;
    for (const SliceMetrics& m : r.slices) worse += m.count && m.ciHigh < r.overall.accuracy;
    summary_->setText(tr("%1 examples, accuracy %2 · %3 of %4 slices are clearly worse (their "
                         "whole interval lies under it)")
                          .arg(r.overall.count)
                          .arg(percent(r.overall.accuracy))
                          .arg(worse)
                          .arg(r.slices.size()));
    table_->selectRow(1 <= table_->rowCount() - 1 ? 1 : 0);
}

void SlicesTab::showExamples(int slice) {
    examples_->setSortingEnabled(false);
    examples_->setRowCount(0);
    if (!slices_ || !report_ || slice < -1 || slice >= static_cast<int>(slices_->slices.size()))
        return;
    const SliceMetrics& m =
        slice < 0 ? slices_->overall : slices_->slices[static_cast<std::size_t>(slice)];
    // Errors first, the most confident of them first.
    std::vector<std::size_t> order = m.examples;
    const bool tokens = report_->task == Task::TokenClassification;
    auto confidence = [&](std::size_t i) {
        if (tokens || i >= report_->probabilities.size()) return 0.0f;
        const auto& p = report_->probabilities[i];
        return p.empty() ? 0.0f : p[static_cast<std::size_t>(report_->predicted[i])];
    };
    auto wrong = [&](std::size_t i) {
        return tokens ? report_->tagTruth[i] != report_->tagPredicted[i]
                      : report_->truth[i] != report_->predicted[i];
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (wrong(a) != wrong(b)) return wrong(a);
        return confidence(a) > confidence(b);
    });
    constexpr std::size_t kShown = 2000;
    examples_->setRowCount(static_cast<int>(std::min(order.size(), kShown)));
    for (int r = 0; r < examples_->rowCount(); ++r) {
        const std::size_t i = order[static_cast<std::size_t>(r)];
        auto* text = new QTableWidgetItem(str(report_->texts[i]));
        if (tokens && wrong(i)) text->setForeground(QColor(0xb0, 0x2a, 0x37));
        examples_->setItem(r, 0, text);
        if (tokens) continue;
        examples_->setItem(r, 1, new QTableWidgetItem(str(report_->labels[report_->truth[i]])));
        auto* predicted = new QTableWidgetItem(str(report_->labels[report_->predicted[i]]));
        if (report_->truth[i] != report_->predicted[i])
            predicted->setForeground(QColor(0xb0, 0x2a, 0x37));
        examples_->setItem(r, 2, predicted);
        examples_->setItem(r, 3, new NumericTableItem(confidence(i), percent(confidence(i))));
    }
    examples_->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    examples_->setSortingEnabled(true);
}

bool SlicesTab::exportCsv(const QString& path) const {
    if (!slices_) return false;
    QList<QStringList> rows{{"slice", "spec", "examples", "errors", "accuracy", "ci_low", "ci_high",
                             "vs_all", "macro_f1", "mean_confidence"}};
    auto row = [](const SliceMetrics& m) {
        return QStringList{str(m.name),
                           str(m.spec),
                           QString::number(m.count),
                           QString::number(m.errors),
                           QString::number(m.accuracy, 'g', 6),
                           QString::number(m.ciLow, 'g', 6),
                           QString::number(m.ciHigh, 'g', 6),
                           QString::number(-m.drop, 'g', 6),
                           QString::number(m.macroF1, 'g', 6),
                           QString::number(m.meanConfidence, 'g', 6)};
    };
    rows << row(slices_->overall);
    for (const SliceMetrics& m : slices_->slices) rows << row(m);
    return ViewExport::saveCsv(path, rows);
}
