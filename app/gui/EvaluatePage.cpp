#include "app/gui/EvaluatePage.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSlider>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "app/common/JobRunner.h"
#include "app/gui/Workspace.h"
#include "core/data/Dataset.h"
#include "core/inference/Pipeline.h"
#include "core/training/Trainer.h"
#include "widgets/ConfusionMatrixView.h"
#include "widgets/EmptyStateWidget.h"
#include "widgets/LivePlot.h"
#include "widgets/ViewExport.h"

using namespace distilbench;

EvaluatePage::EvaluatePage(Workspace* workspace, QWidget* parent) : QWidget(parent), workspace_(workspace) {
    auto* outer = new QVBoxLayout(this);
    pages_ = new QStackedWidget(this);
    outer->addWidget(pages_);
    empty_ = new EmptyStateWidget(tr("Nothing to evaluate yet"),
                                  tr("Open a classification model on the Models page (or use the demo), then pick a "
                                     "labelled dataset here to see its metrics and confusion matrix."),
                                  pages_);
    if (Workspace::demoAvailable())
        connect(empty_->addAction(tr("Use the Demo Model")), &QPushButton::clicked, workspace_, &Workspace::openDemo);
    pages_->addWidget(empty_);
    auto* page = new QWidget(pages_);
    pages_->addWidget(page);
    auto* layout = new QVBoxLayout(page);
    auto* top = new QHBoxLayout;
    data_ = new QLineEdit(page);
    data_->setPlaceholderText(tr("Labelled data: CSV, TSV, JSON Lines or JSON with text and label columns"));
    auto* browse = new QPushButton(tr("Browse…"), page);
    auto* run = new QPushButton(tr("Evaluate"), page);
    run->setShortcut(QKeySequence(QStringLiteral("Ctrl+Return")));
    auto* exportButton = new QPushButton(tr("Export…"), page);
    exportButton->setToolTip(tr("Predictions as CSV, or the confusion matrix as PNG/SVG/PDF"));
    for (QWidget* w : std::initializer_list<QWidget*>{data_, browse, run, exportButton}) top->addWidget(w, w == data_ ? 1 : 0);
    layout->addLayout(top);
    summary_ = new QLabel(page);
    auto* thresholdRow = new QHBoxLayout;
    threshold_ = new QSlider(Qt::Horizontal, page);
    threshold_->setRange(1, 99);
    threshold_->setValue(50);
    threshold_->setMaximumWidth(260);
    threshold_->setToolTip(tr("Binary tasks: the probability of the second label from which it is predicted. "
                              "Moving it trades precision against recall."));
    thresholdLabel_ = new QLabel(tr("threshold 0.50"), page);
    thresholdRow->addWidget(summary_, 1);
    thresholdRow->addWidget(thresholdLabel_);
    thresholdRow->addWidget(threshold_);
    layout->addLayout(thresholdRow);
    connect(threshold_, &QSlider::valueChanged, this, &EvaluatePage::applyThreshold);
    auto* split = new QSplitter(Qt::Horizontal, page);
    metrics_ = new QTableWidget(split);
    metrics_->setColumnCount(5);
    metrics_->setHorizontalHeaderLabels({tr("Label"), tr("Precision"), tr("Recall"), tr("F1"), tr("Support")});
    metrics_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    metrics_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    metrics_->verticalHeader()->hide();
    metrics_->setMinimumWidth(440);
    auto* tabs = new QTabWidget(split);
    auto* matrixPage = new QWidget(tabs);
    auto* ml = new QVBoxLayout(matrixPage);
    mode_ = new QComboBox(matrixPage);
    mode_->addItem(tr("Counts"), int(ConfusionMatrixView::Mode::Counts));
    mode_->addItem(tr("Normalised by true label (recall)"), int(ConfusionMatrixView::Mode::RowNormalised));
    mode_->addItem(tr("Normalised by prediction (precision)"), int(ConfusionMatrixView::Mode::ColumnNormalised));
    confusion_ = new ConfusionMatrixView(matrixPage);
    confusion_->setToolTip(tr("Click a cell to list its examples"));
    examples_ = new QTreeWidget(matrixPage);
    examples_->setHeaderLabels({tr("Text"), tr("True"), tr("Predicted"), tr("Confidence")});
    examples_->setRootIsDecorated(false);
    examples_->setToolTip(tr("Double-click an example to try it in the Playground"));
    ml->addWidget(mode_);
    ml->addWidget(confusion_, 2);
    ml->addWidget(examples_, 1);
    tabs->addTab(matrixPage, tr("Confusion matrix"));
    roc_ = new LivePlot(tr("ROC curve"), tabs);
    roc_->addSeries(tr("ROC"), QColor("#1f77b4"));
    roc_->setAxisLabels(tr("false positive rate"), tr("true positive rate"));
    pr_ = new LivePlot(tr("Precision-recall curve"), tabs);
    pr_->addSeries(tr("precision-recall"), QColor("#d62728"));
    pr_->setAxisLabels(tr("recall"), tr("precision"));
    tabs->addTab(roc_, tr("ROC"));
    tabs->addTab(pr_, tr("Precision-recall"));
    split->addWidget(metrics_);
    split->addWidget(tabs);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Labelled data"), {}, tr("Data (*.csv *.tsv *.jsonl *.json);;All files (*)"));
        if (!f.isEmpty()) data_->setText(f);
    });
    connect(run, &QPushButton::clicked, this, [this] { evaluate(data_->text()); });
    connect(mode_, &QComboBox::currentIndexChanged, this,
            [this] { confusion_->setMode(static_cast<ConfusionMatrixView::Mode>(mode_->currentData().toInt())); });
    connect(confusion_, &ConfusionMatrixView::cellClicked, this, &EvaluatePage::showCell);
    connect(examples_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        if (item) emit openInPlayground(item->text(0));
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        QString selected;
        const QString path = QFileDialog::getSaveFileName(this, tr("Export"), "evaluation.csv",
                                                          tr("Predictions (*.csv);;") + ViewExport::filter(), &selected);
        if (path.isEmpty()) return;
        const bool ok = path.endsWith(".csv") ? exportCsv(path) : ViewExport::save(confusion_, path).isEmpty();
        if (!ok) QMessageBox::warning(this, tr("Export"), tr("Cannot write %1").arg(path));
    });
    connect(workspace_, &Workspace::modelChanged, this, [this] {
        const auto p = workspace_->pipeline();
        pages_->setCurrentIndex(p && p->tokenizer() && p->model()->config().head == HeadType::SequenceClassification ? 1 : 0);
    });
}

int EvaluatePage::evaluate(const QString& dataPath) {
    const auto pipeline = workspace_->pipeline();
    if (!pipeline || dataPath.isEmpty()) return -1;
    data_->setText(dataPath);
    auto report = std::make_shared<EvaluationReport>();
    const std::string path = dataPath.toStdString();
    return workspace_->runner()->start(
        tr("Evaluating on %1").arg(QFileInfo(dataPath).fileName()),
        [pipeline, path, report](const JobCallbacks& cb) {
            const auto& labels = pipeline->model()->config().labels;
            Dataset d;
            try {  // labels written as the model's names, else as ids 0..n-1
                d = DatasetReader::read(path, Task::Classification, {}, labels);
            } catch (const std::exception&) {
                d = DatasetReader::read(path, Task::Classification);
            }
            *report = evaluateModel(*pipeline, d, 64, 128, 0.5, cb);
        },
        [this, report] {
            report_.reset();
            show(*report);
            if (threshold_->value() != 50) applyThreshold();
        });
}

void EvaluatePage::setThreshold(double threshold) { threshold_->setValue(static_cast<int>(std::lround(threshold * 100))); }

void EvaluatePage::applyThreshold() {
    const double t = threshold_->value() / 100.0;
    thresholdLabel_->setText(tr("threshold %1").arg(t, 0, 'f', 2));
    if (!report_ || report_->labels.size() != 2) return;
    std::vector<double> scores;
    for (std::size_t i = 0; i < report_->probabilities.size(); ++i) {
        report_->predicted[i] = report_->probabilities[i][1] >= t ? 1 : 0;
        scores.push_back(report_->probabilities[i][1]);
    }
    report_->classification = classificationMetrics(report_->truth, report_->predicted, report_->labels, scores);
    show(*report_);
}

void EvaluatePage::show(const EvaluationReport& r) {
    if (report_.get() != &r) report_ = std::make_shared<EvaluationReport>(r);
    threshold_->setEnabled(r.labels.size() == 2);
    const auto& m = report_->classification;
    summary_->setText(tr("%1 examples · accuracy %2 · macro F1 %3 · MCC %4%5")
                          .arg(r.truth.size())
                          .arg(m.accuracy, 0, 'f', 4)
                          .arg(m.macroF1, 0, 'f', 4)
                          .arg(m.mcc, 0, 'f', 4)
                          .arg(m.rocAuc >= 0 ? tr(" · ROC-AUC %1").arg(m.rocAuc, 0, 'f', 4) : QString()));
    metrics_->setRowCount(static_cast<int>(m.perClass.size()) + 3);
    auto setRow = [this](int row, const QString& label, double p, double rc, double f, int support) {
        metrics_->setItem(row, 0, new QTableWidgetItem(label));
        const double values[] = {p, rc, f};
        for (int c = 0; c < 3; ++c) metrics_->setItem(row, c + 1, new QTableWidgetItem(QString::number(values[c], 'f', 4)));
        metrics_->setItem(row, 4, new QTableWidgetItem(support >= 0 ? QString::number(support) : QString()));
    };
    int row = 0;
    for (const auto& c : m.perClass) setRow(row++, QString::fromStdString(c.label), c.precision, c.recall, c.f1, c.support);
    setRow(row++, tr("macro average"), m.macroPrecision, m.macroRecall, m.macroF1, static_cast<int>(r.truth.size()));
    setRow(row++, tr("weighted average"), m.weightedPrecision, m.weightedRecall, m.weightedF1, static_cast<int>(r.truth.size()));
    setRow(row++, tr("micro average"), m.microPrecision, m.microRecall, m.microF1, static_cast<int>(r.truth.size()));
    QStringList labels;
    for (const auto& l : r.labels) labels << QString::fromStdString(l);
    confusion_->setMatrix(labels, m.confusion);
    examples_->clear();
    roc_->clear();
    pr_->clear();
    if (r.labels.size() == 2) {
        std::vector<double> scores;
        for (const auto& p : r.probabilities) scores.push_back(p[1]);
        for (const auto& p : rocCurve(r.truth, scores)) roc_->addPoint(tr("ROC"), p.x, p.y);
        for (const auto& p : precisionRecallCurve(r.truth, scores)) pr_->addPoint(tr("precision-recall"), p.x, p.y);
    }
    emit evaluated();
}

void EvaluatePage::showCell(int trueLabel, int predictedLabel) {
    examples_->clear();
    if (!report_) return;
    for (std::size_t i = 0; i < report_->truth.size(); ++i) {
        if (report_->truth[i] != trueLabel || report_->predicted[i] != predictedLabel) continue;
        auto* item = new QTreeWidgetItem(examples_);
        item->setText(0, QString::fromStdString(report_->texts[i]));
        item->setText(1, QString::fromStdString(report_->labels[trueLabel]));
        item->setText(2, QString::fromStdString(report_->labels[predictedLabel]));
        item->setText(3, QString::number(report_->probabilities[i][predictedLabel], 'f', 3));
    }
    examples_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
}

bool EvaluatePage::exportCsv(const QString& path) const {
    if (!report_) return false;
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return false;
    QStringList header{"text", "true", "predicted"};
    for (const auto& l : report_->labels) header << "p_" + QString::fromStdString(l);
    f.write((header.join(',') + '\n').toUtf8());
    for (std::size_t i = 0; i < report_->truth.size(); ++i) {
        QString text = QString::fromStdString(report_->texts[i]);
        text = '"' + text.replace("\"", "\"\"") + '"';
        QStringList row{text, QString::fromStdString(report_->labels[report_->truth[i]]),
                        QString::fromStdString(report_->labels[report_->predicted[i]])};
        for (float p : report_->probabilities[i]) row << QString::number(p, 'g', 6);
        f.write((row.join(',') + '\n').toUtf8());
    }
    return f.commit();
}
