#include "app/gui/EvaluatePage.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSlider>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <cmath>

#include "app/common/JobRunner.h"
#include "app/gui/Workspace.h"
#include "core/data/Dataset.h"
#include "core/evaluation/StreamingEvaluation.h"
#include "core/inference/Pipeline.h"
#include "core/runtime/Error.h"
#include "core/training/Objective.h"
#include "core/training/Trainer.h"
#include "widgets/ConfusionMatrixView.h"
#include "widgets/EmptyStateWidget.h"
#include "widgets/LivePlot.h"
#include "widgets/ViewExport.h"

using namespace distilbench;

EvaluatePage::EvaluatePage(Workspace* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace) {
    auto* outer = new QVBoxLayout(this);
    pages_ = new QStackedWidget(this);
    outer->addWidget(pages_);
    empty_ = new EmptyStateWidget(
        tr("Nothing to evaluate yet"),
        tr("Open a classification model on the Models page (or use the demo), then pick a "
           "labelled dataset here to see its metrics and confusion matrix."),
        pages_);
    if (Workspace::demoAvailable())
        connect(empty_->addAction(tr("Use the Demo Model")), &QPushButton::clicked, workspace_,
                &Workspace::openDemo);
    auto pickRun = [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Run folder"));
        if (!dir.isEmpty()) evaluateRun(dir);
    };
    connect(empty_->addAction(tr("Evaluate a Training Run…"),
                              tr("The run's best model on the validation data it held out")),
            &QPushButton::clicked, this, pickRun);
    pages_->addWidget(empty_);
    auto* page = new QWidget(pages_);
    pages_->addWidget(page);
    auto* layout = new QVBoxLayout(page);
    auto* top = new QHBoxLayout;
    data_ = new QLineEdit(page);
    data_->setPlaceholderText(
        tr("Labelled data: CSV, TSV, JSON Lines or JSON with text and label columns"));
    auto* browse = new QPushButton(tr("Browse…"), page);
    auto* run = new QPushButton(tr("Evaluate"), page);
    run->setShortcut(QKeySequence(QStringLiteral("Ctrl+Return")));
    auto* exportButton = new QPushButton(tr("Export…"), page);
    exportButton->setToolTip(tr("Predictions as CSV, or the confusion matrix as PNG/SVG/PDF"));
    auto* runButton = new QPushButton(tr("Evaluate a Run…"), page);
    runButton->setToolTip(
        tr("One click: a training run's best model on the validation set the run held out"));
    stream_ = new QCheckBox(tr("Read in chunks"), page);
    stream_->setObjectName("streamData");
    stream_->setToolTip(
        tr("For files too large to hold: the data is read a few thousand rows at a time and "
           "memory stays the same for any length. The metrics and the confusion matrix are "
           "exact; ROC-AUC is binned (with its error bound), and the example lists, curves, "
           "threshold slider and temperature fit are left out (distilbench-cli evaluate --stream "
           "--predictions writes each example's prediction as it reads)."));
    for (QWidget* w :
         std::initializer_list<QWidget*>{data_, browse, stream_, run, runButton, exportButton})
        top->addWidget(w, w == data_ ? 1 : 0);
    layout->addLayout(top);
    // Read in chunks: the examples are not kept, so their predictions can go to a file as the
    // data is read (shown only then).
    streamRow_ = new QWidget(page);
    auto* streamRow = new QHBoxLayout(streamRow_);
    streamRow->setContentsMargins(0, 0, 0, 0);
    streamPredictions_ = new QLineEdit(streamRow_);
    streamPredictions_->setObjectName("streamPredictions");
    streamPredictions_->setPlaceholderText(tr("optional: a new CSV file for every prediction"));
    streamPredictions_->setToolTip(
        tr("Each example's prediction and probabilities, in file order, written while the data is "
           "read; an existing file is not replaced"));
    auto* browsePredictions = new QPushButton(tr("Browse…"), streamRow_);
    streamRow->addWidget(new QLabel(tr("Predictions to:"), streamRow_));
    streamRow->addWidget(streamPredictions_, 1);
    streamRow->addWidget(browsePredictions);
    streamRow_->setVisible(false);
    layout->addWidget(streamRow_);
    connect(stream_, &QCheckBox::toggled, streamRow_, &QWidget::setVisible);
    connect(browsePredictions, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getSaveFileName(
            this, tr("Predictions"), ViewExport::suggestedPath("predictions.csv"),
            tr("CSV (*.csv)"), nullptr, QFileDialog::DontConfirmOverwrite);
        if (!f.isEmpty()) streamPredictions_->setText(f);
    });
    auto* models = new QHBoxLayout;
    modelFolder_ = new QLineEdit(page);
    modelFolder_->setPlaceholderText(tr("the open model"));
    modelFolder_->setToolTip(
        tr("Model to evaluate: empty for the model open in the workspace, or a model folder"));
    compareFolder_ = new QLineEdit(page);
    compareFolder_->setPlaceholderText(
        tr("optional: a second model (e.g. the student of a teacher)"));
    compareFolder_->setToolTip(
        tr("Evaluated on the same data and shown side by side on the Comparison tab"));
    auto folderButton = [this, page](QLineEdit* edit) {
        auto* b = new QPushButton(tr("Browse…"), page);
        connect(b, &QPushButton::clicked, this, [this, edit] {
            const QString d = QFileDialog::getExistingDirectory(this, tr("Model folder"));
            if (!d.isEmpty()) edit->setText(d);
        });
        return b;
    };
    models->addWidget(new QLabel(tr("Model:"), page));
    models->addWidget(modelFolder_, 1);
    models->addWidget(folderButton(modelFolder_));
    models->addWidget(new QLabel(tr("Compare with:"), page));
    models->addWidget(compareFolder_, 1);
    models->addWidget(folderButton(compareFolder_));
    layout->addLayout(models);
    // Shown when the data's labels are not the model's: no silent remapping, the user says what
    // each label means.
    labelMapBox_ = new QWidget(page);
    auto* lm = new QVBoxLayout(labelMapBox_);
    lm->setContentsMargins(0, 0, 0, 0);
    auto* hint = new QLabel(tr("The data's labels are not the model's. Choose the model label each "
                               "one means, then press Evaluate again."),
                            labelMapBox_);
    hint->setWordWrap(true);
    labelMap_ = new QTableWidget(0, 2, labelMapBox_);
    labelMap_->setHorizontalHeaderLabels({tr("Label in the data"), tr("Model label")});
    labelMap_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    labelMap_->verticalHeader()->hide();
    labelMap_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    labelMap_->setMaximumHeight(170);
    lm->addWidget(hint);
    lm->addWidget(labelMap_);
    labelMapBox_->hide();
    layout->addWidget(labelMapBox_);
    connect(data_, &QLineEdit::textChanged, this, &EvaluatePage::clearLabelMapping);
    connect(workspace_->runner(), &JobRunner::failed, this, [this](int id, const QString&) {
        if (id == lastJob_ && unknown_ && !unknown_->data.empty()) showLabelMapping();
    });
    connect(runButton, &QPushButton::clicked, this, pickRun);
    summary_ = new QLabel(page);
    auto* thresholdRow = new QHBoxLayout;
    threshold_ = new QSlider(Qt::Horizontal, page);
    threshold_->setRange(1, 99);
    threshold_->setValue(50);
    threshold_->setMaximumWidth(260);
    threshold_->setToolTip(tr(
        "Binary tasks: the probability of the second label from which it is predicted; multi-label "
        "tasks: the probability from which each label is predicted. Moving it trades precision "
        "against recall."));
    thresholdLabel_ = new QLabel(tr("threshold 0.50"), page);
    thresholdRow->addWidget(summary_, 1);
    thresholdRow->addWidget(thresholdLabel_);
    thresholdRow->addWidget(threshold_);
    layout->addLayout(thresholdRow);
    // What a streamed evaluation left out, on a line of its own (wrapped).
    streamNote_ = new QLabel(page);
    streamNote_->setWordWrap(true);
    streamNote_->setObjectName("streamNote");
    streamNote_->setVisible(false);
    layout->addWidget(streamNote_);
    connect(threshold_, &QSlider::valueChanged, this, &EvaluatePage::applyThreshold);
    auto* split = new QSplitter(Qt::Horizontal, page);
    metrics_ = new QTableWidget(split);
    metrics_->setColumnCount(5);
    metrics_->setHorizontalHeaderLabels(
        {tr("Label"), tr("Precision"), tr("Recall"), tr("F1"), tr("Support")});
    metrics_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    metrics_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    metrics_->verticalHeader()->hide();
    metrics_->setMinimumWidth(440);
    auto* tabs = new QTabWidget(split);
    tabs_ = tabs;
    auto* matrixPage = new QWidget(tabs);
    auto* ml = new QVBoxLayout(matrixPage);
    mode_ = new QComboBox(matrixPage);
    mode_->addItem(tr("Counts"), int(ConfusionMatrixView::Mode::Counts));
    mode_->addItem(tr("Normalised by true label (recall)"),
                   int(ConfusionMatrixView::Mode::RowNormalised));
    mode_->addItem(tr("Normalised by prediction (precision)"),
                   int(ConfusionMatrixView::Mode::ColumnNormalised));
    confusion_ = new ConfusionMatrixView(matrixPage);
    confusion_->setToolTip(tr("Click a cell to list its examples"));
    examples_ = new QTreeWidget(matrixPage);
    examples_->setHeaderLabels(
        {tr("Text"), tr("True"), tr("Predicted"), tr("Confidence"), tr("Loss"), tr("Words")});
    examples_->setRootIsDecorated(false);
    examples_->setSortingEnabled(true);
    examples_->setToolTip(
        tr("Double-click an example to try it in the Playground; click a column to sort (the "
           "most confident errors come first)"));
    exampleFilter_ = new QLineEdit(matrixPage);
    exampleFilter_->setObjectName("exampleFilter");
    exampleFilter_->setPlaceholderText(tr("Filter the examples by text"));
    exampleFilter_->setClearButtonEnabled(true);
    connect(exampleFilter_, &QLineEdit::textChanged, this, [this](const QString& text) {
        for (int i = 0; i < examples_->topLevelItemCount(); ++i) {
            QTreeWidgetItem* item = examples_->topLevelItem(i);
            item->setHidden(!text.isEmpty() && !item->text(0).contains(text, Qt::CaseInsensitive));
        }
    });
    ml->addWidget(mode_);
    ml->addWidget(confusion_, 2);
    ml->addWidget(exampleFilter_);
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
    // Calibration: how far the confidence shown can be trusted (a reliability diagram, ECE,
    // Brier score, and the temperature that would calibrate the model).
    auto* calibrationPage = new QWidget(tabs);
    auto* kl = new QVBoxLayout(calibrationPage);
    calibrationSummary_ = new QLabel(tr("Evaluate a classifier to see how well its confidence "
                                        "matches its accuracy."),
                                     calibrationPage);
    calibrationSummary_->setWordWrap(true);
    calibrationSummary_->setToolTip(
        tr("Expected calibration error: the gap between confidence and accuracy, averaged over "
           "confidence bins. Temperature scaling divides the logits by T (fitted on this data)."));
    calibration_ = new LivePlot(tr("Reliability diagram"), calibrationPage);
    calibration_->addSeries(tr("perfect calibration"), QColor("#7f7f7f"), false, true);
    calibration_->addSeries(tr("accuracy per confidence bin"), QColor("#ff7f0e"));
    calibration_->addSeries(tr("after temperature scaling"), QColor("#1f77b4"));
    calibration_->addSeries(tr("share of examples per bin"), QColor("#2ca02c"), false, true);
    // Four series: two legend columns, or the legend alone would widen the page.
    calibration_->plot()->legend->setWrap(2);
    calibration_->plot()->legend->setFillOrder(QCPLegend::foColumnsFirst, true);  // re-lay out
    calibration_->setAxisLabels(tr("confidence"), tr("accuracy"));
    // The button on a row of its own: beside the summary it widened the page past 1280 px.
    auto* calibrationRow = new QHBoxLayout;
    kl->addWidget(calibrationSummary_);
    calibrationRow->addStretch(1);
    saveTemperature_ = new QPushButton(tr("Save Temperature…"), calibrationPage);
    saveTemperature_->setObjectName("saveTemperature");
    saveTemperature_->setEnabled(false);
    saveTemperature_->setToolTip(
        tr("Store the fitted temperature in the model's config.json: DistilBench then divides "
           "the logits by it before the softmax, so its confidences match its accuracy "
           "(transformers ignores the key)"));
    calibrationRow->addWidget(saveTemperature_);
    kl->addLayout(calibrationRow);
    kl->addWidget(calibration_, 1);
    connect(saveTemperature_, &QPushButton::clicked, this, [this] { saveFittedTemperature(); });
    tabs->addTab(calibrationPage, tr("Calibration"));
    auto* comparePage = new QWidget(tabs);
    auto* cl = new QVBoxLayout(comparePage);
    comparisonTitle_ = new QLabel(tr("Set a second model under “Compare with” and evaluate: both "
                                     "are scored on the same data."),
                                  comparePage);
    comparisonTitle_->setWordWrap(true);
    comparison_ = new QTableWidget(comparePage);
    comparison_->setColumnCount(4);
    comparison_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    comparison_->verticalHeader()->hide();
    comparison_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    auto* matrices = new QHBoxLayout;
    confusionA_ = new ConfusionMatrixView(comparePage);
    confusionB_ = new ConfusionMatrixView(comparePage);
    matrices->addWidget(confusionA_);
    matrices->addWidget(confusionB_);
    cl->addWidget(comparisonTitle_);
    cl->addWidget(comparison_, 1);
    cl->addLayout(matrices, 2);
    tabs->addTab(comparePage, tr("Comparison"));
    split->addWidget(metrics_);
    split->addWidget(tabs);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(
            this, tr("Labelled data"), {}, tr("Data (*.csv *.tsv *.jsonl *.json);;All files (*)"));
        if (!f.isEmpty()) data_->setText(f);
    });
    connect(run, &QPushButton::clicked, this, [this] { evaluate(data_->text()); });
    connect(mode_, &QComboBox::currentIndexChanged, this, [this] {
        confusion_->setMode(static_cast<ConfusionMatrixView::Mode>(mode_->currentData().toInt()));
    });
    connect(confusion_, &ConfusionMatrixView::cellClicked, this, &EvaluatePage::showCell);
    connect(examples_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        if (item) Q_EMIT openInPlayground(item->text(0));
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        QString selected;
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export"), ViewExport::suggestedPath("evaluation.csv"),
            tr("Predictions (*.csv);;") + ViewExport::filter(), &selected);
        if (path.isEmpty()) return;
        // The visible view: the matrix, a curve, or the comparison.
        QWidget* view = tabs_->currentWidget() == confusion_->parentWidget()
                            ? static_cast<QWidget*>(confusion_)
                            : tabs_->currentWidget();
        const bool ok =
            path.endsWith(".csv") ? exportCsv(path) : ViewExport::save(view, path).isEmpty();
        if (!ok)
            QMessageBox::warning(this, tr("Export"), tr("Cannot write %1").arg(path));
        else
            ViewExport::announceSaved(this, {path});
    });
    connect(workspace_, &Workspace::modelChanged, this, [this] {
        const auto p = workspace_->pipeline();
        const HeadType h = p ? p->model()->config().head : HeadType::Base;
        pages_->setCurrentIndex(
            p && p->tokenizer() &&
                    (h == HeadType::SequenceClassification || h == HeadType::TokenClassification)
                ? 1
                : 0);
    });
}

void EvaluatePage::setModelFolder(const QString& folder) {
    modelFolder_->setText(folder);
}
void EvaluatePage::setCompareFolder(const QString& folder) {
    compareFolder_->setText(folder);
}
QString EvaluatePage::summaryText() const {
    return summary_->text();
}

int EvaluatePage::compareWithRun(const QString& modelFolder, const QString& runDirectory) {
    modelFolder_->setText(modelFolder);
    compareFolder_->setText(runDirectory + "/best");
    pages_->setCurrentIndex(1);
    tabs_->setCurrentIndex(tabs_->count() - 1);  // the Comparison tab
    return launch(tr("Comparing with run %1").arg(QFileInfo(runDirectory).fileName()), {},
                  runDirectory);
}

int EvaluatePage::evaluateRun(const QString& runDirectory) {
    modelFolder_->setText(runDirectory + "/best");
    pages_->setCurrentIndex(1);
    return launch(tr("Evaluating run %1").arg(QFileInfo(runDirectory).fileName()), {},
                  runDirectory);
}

int EvaluatePage::evaluate(const QString& dataPath) {
    if (dataPath.isEmpty()) return -1;
    data_->setText(dataPath);
    return launch(tr("Evaluating on %1").arg(QFileInfo(dataPath).fileName()), dataPath, {});
}

int EvaluatePage::launch(const QString& title, const QString& dataPath,
                         const QString& runDirectory) {
    std::shared_ptr<Pipeline> open = workspace_->pipeline();
    const std::string folderA = modelFolder_->text().toStdString(),
                      folderB = compareFolder_->text().toStdString();
    if (folderA.empty() && !open) return -1;
    nameA_ = folderA.empty() ? tr("open model") : QFileInfo(modelFolder_->text()).fileName();
    if (nameA_ == "best") nameA_ = QFileInfo(QFileInfo(modelFolder_->text()).path()).fileName();
    nameB_ = QFileInfo(compareFolder_->text()).fileName();
    auto a = std::make_shared<EvaluationReport>(), b = std::make_shared<EvaluationReport>();
    const std::string path = dataPath.toStdString(), run = runDirectory.toStdString();
    const double threshold = threshold_->value() / 100.0;
    const std::map<std::string, std::string> mapping = labelMapping();
    auto unknown = std::make_shared<UnknownLabels>();
    unknown_ = unknown;
    auto temperature = std::make_shared<double>(1.0);
    // Chunks: a file (not a run's held-out data, which is small) and one model.
    const bool stream = stream_->isChecked() && !path.empty() && run.empty() && folderB.empty();
    auto streamed = std::make_shared<StreamingEvaluationReport>();
    const std::string predictionsPath = stream ? streamPredictions_->text().toStdString() : "";
    const QString evaluatedFolder =
        folderA.empty() ? workspace_->modelPath() : modelFolder_->text();
    lastJob_ = workspace_->runner()->start(
        title,
        [open, folderA, folderB, path, run, threshold, a, b, mapping, unknown, temperature, stream,
         streamed, predictionsPath](const JobCallbacks& cb) {
            const auto pipelineA = folderA.empty() ? open : Pipeline::open(folderA);
            const ModelConfig& config = pipelineA->model()->config();
            *temperature = config.temperature;
            if (stream) {
                StreamingEvaluationOptions o;
                o.threshold = threshold;
                o.labelMap = mapping;
                o.predictionsPath = predictionsPath;
                try {
                    *streamed = evaluateStream(*pipelineA, path, o, cb);
                } catch (const UnknownLabelsError& e) {
                    unknown->data = e.dataLabels();
                    unknown->model = e.modelLabels();
                    throw;
                }
                return;
            }
            Dataset d;
            int maxLength = EvaluationDefaults::kMaxLength;
            if (!run.empty()) {
                RunEvaluationData data = readRunEvaluationData(run);
                d = std::move(data.dataset);
                maxLength = data.maxLength;
            } else {
                // The unknown labels open the mapping table.
                try {
                    d = readEvaluationData(path, config, {}, mapping);
                } catch (const UnknownLabelsError& e) {
                    unknown->data = e.dataLabels();
                    unknown->model = e.modelLabels();
                    throw;
                }
            }
            if (folderB.empty()) {
                *a = evaluateModel(*pipelineA, d, EvaluationDefaults::kBatchSize, maxLength,
                                   threshold, cb);
                return;
            }
            ModelComparison c = compareModels(
                *pipelineA, *Pipeline::open(folderB), folderA.empty() ? "the open model" : folderA,
                folderB, d, EvaluationDefaults::kBatchSize, maxLength, threshold, cb);
            *a = std::move(c.a);
            *b = std::move(c.b);
        },
        [this, a, b, folderB, temperature, evaluatedFolder, stream, streamed] {
            report_.reset();
            modelTemperature_ = *temperature;
            evaluatedFolder_ = evaluatedFolder;
            reportB_ = folderB.empty() ? nullptr : b;
            streamed_ = stream ? streamed : nullptr;
            if (stream) {
                // The page's views read an EvaluationReport: the streamed one without examples.
                a->task = streamed->task;
                a->labels = streamed->labels;
                a->loss = streamed->loss;
                a->metrics = streamed->metrics;
                a->classification = streamed->classification;
                a->multiLabel = streamed->multiLabel;
                a->entities = streamed->entities;
                a->regression = streamed->regression;
                a->threshold = threshold_->value() / 100.0;
            }
            show(*a);
            showComparison();
        });
    return lastJob_;
}

std::map<std::string, std::string> EvaluatePage::labelMapping() const {
    std::map<std::string, std::string> mapping;
    if (labelMapBox_->isHidden()) return mapping;
    for (int r = 0; r < labelMap_->rowCount(); ++r) {
        const auto* combo = qobject_cast<QComboBox*>(labelMap_->cellWidget(r, 1));
        if (combo && combo->currentIndex() > 0)
            mapping[labelMap_->item(r, 0)->text().toStdString()] =
                combo->currentText().toStdString();
    }
    return mapping;
}

void EvaluatePage::showLabelMapping() {
    labelMap_->setRowCount(0);
    for (const auto& label : unknown_->data) {
        const int r = labelMap_->rowCount();
        labelMap_->insertRow(r);
        labelMap_->setItem(r, 0, new QTableWidgetItem(QString::fromStdString(label)));
        auto* combo = new QComboBox(labelMap_);
        combo->addItem(tr("— choose —"));
        for (const auto& m : unknown_->model) combo->addItem(QString::fromStdString(m));
        // A data label that is already a model label means that label.
        const int same = combo->findText(QString::fromStdString(label));
        if (same > 0) combo->setCurrentIndex(same);
        labelMap_->setCellWidget(r, 1, combo);
    }
    labelMapBox_->show();
    Q_EMIT labelMappingNeeded();
}

void EvaluatePage::clearLabelMapping() {
    labelMap_->setRowCount(0);
    labelMapBox_->hide();
}

bool EvaluatePage::mapLabel(const QString& dataLabel, const QString& modelLabel) {
    for (int r = 0; r < labelMap_->rowCount(); ++r) {
        if (labelMap_->item(r, 0)->text() != dataLabel) continue;
        auto* combo = qobject_cast<QComboBox*>(labelMap_->cellWidget(r, 1));
        const int index = combo ? combo->findText(modelLabel) : -1;
        if (index <= 0) return false;
        combo->setCurrentIndex(index);
        return true;
    }
    return false;
}

void EvaluatePage::setStreaming(bool on, const QString& predictionsPath) {
    stream_->setChecked(on);
    streamPredictions_->setText(predictionsPath);
}

void EvaluatePage::setThreshold(double threshold) {
    threshold_->setValue(static_cast<int>(std::lround(threshold * 100)));
}

void EvaluatePage::applyThreshold() {
    const double t = threshold_->value() / 100.0;
    thresholdLabel_->setText(tr("threshold %1").arg(t, 0, 'f', 2));
    if (!report_ || streamed_) return;  // streamed: no probabilities kept to decide again
    applyDecisionThreshold(*report_, t);
    if (reportB_) applyDecisionThreshold(*reportB_, t);
    show(*report_);
    showComparison();
}

void EvaluatePage::showComparison() {
    comparison_->setRowCount(0);
    confusionA_->setVisible(reportB_ && report_ && report_->task == Task::Classification);
    confusionB_->setVisible(confusionA_->isVisible());
    if (!reportB_ || !report_) return;
    comparisonTitle_->setText(
        tr("%1 and %2 on the same %3 examples").arg(nameA_, nameB_).arg(report_->texts.size()));
    comparison_->setHorizontalHeaderLabels({tr("Metric"), nameA_, nameB_, tr("Difference")});
    const std::vector<MetricDifference> rows = compareMetrics(*report_, *reportB_);
    comparison_->setRowCount(static_cast<int>(rows.size()));
    auto cell = [](const std::optional<double>& v) {
        return new QTableWidgetItem(v ? QString::number(*v, 'f', 4) : QStringLiteral("–"));
    };
    for (int row = 0; row < static_cast<int>(rows.size()); ++row) {
        const MetricDifference& m = rows[row];
        comparison_->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(m.metric)));
        comparison_->setItem(row, 1, cell(m.a));
        comparison_->setItem(row, 2, cell(m.b));
        if (m.a && m.b)
            comparison_->setItem(row, 3,
                                 new QTableWidgetItem(QString::asprintf("%+.4f", *m.b - *m.a)));
    }
    if (report_->task == Task::Classification) {
        QStringList labels;
        for (const auto& l : report_->labels) labels << QString::fromStdString(l);
        confusionA_->setMatrix(labels, report_->classification.confusion);
        confusionB_->setMatrix(labels, reportB_->classification.confusion);
        confusionA_->setToolTip(nameA_);
        confusionB_->setToolTip(nameB_);
    }
}

void EvaluatePage::show(const EvaluationReport& r) {
    if (report_.get() != &r) report_ = std::make_shared<EvaluationReport>(r);
    const bool binary = r.task == Task::Classification && r.labels.size() == 2;
    threshold_->setEnabled((binary || r.task == Task::MultiLabel) && !streamed_);
    auto setRow = [this](int row, const QString& label, double p, double rc, double f,
                         int support) {
        metrics_->setItem(row, 0, new QTableWidgetItem(label));
        const double values[] = {p, rc, f};
        for (int c = 0; c < 3; ++c)
            metrics_->setItem(row, c + 1, new QTableWidgetItem(QString::number(values[c], 'f', 4)));
        metrics_->setItem(
            row, 4, new QTableWidgetItem(support >= 0 ? QString::number(support) : QString()));
    };
    int row = 0;
    auto perClassRows = [&](const std::vector<ClassMetrics>& classes) {
        for (const auto& c : classes)
            setRow(row++, QString::fromStdString(c.label), c.precision, c.recall, c.f1, c.support);
    };
    const int n = static_cast<int>(streamed_ ? streamed_->examples : r.texts.size());
    examples_->clear();
    roc_->clear();
    pr_->clear();
    calibration_->clear();
    metrics_->setHorizontalHeaderLabels(
        {r.task == Task::TokenClassification ? tr("Entity type") : tr("Label"), tr("Precision"),
         tr("Recall"), tr("F1"), tr("Support")});
    switch (r.task) {
        case Task::TokenClassification: {
            // The entity table: seqeval-style scores per entity type and over all entities.
            const auto& e = report_->entities;
            summary_->setText(tr("%1 sentences · entity precision %2 · recall %3 · F1 %4")
                                  .arg(n)
                                  .arg(e.precision, 0, 'f', 4)
                                  .arg(e.recall, 0, 'f', 4)
                                  .arg(e.f1, 0, 'f', 4));
            metrics_->setRowCount(static_cast<int>(e.perType.size()) + 1);
            perClassRows(e.perType);
            int support = 0;
            for (const auto& c : e.perType) support += c.support;
            setRow(row++, tr("all entities (micro)"), e.precision, e.recall, e.f1, support);
            confusion_->setMatrix({}, {});
            break;
        }
        case Task::MultiLabel: {
            const auto& m = report_->multiLabel;
            summary_->setText(
                tr("%1 examples · subset accuracy %2 · micro F1 %3 · macro F1 %4 · Hamming loss %5")
                    .arg(n)
                    .arg(m.subsetAccuracy, 0, 'f', 4)
                    .arg(m.microF1, 0, 'f', 4)
                    .arg(m.macroF1, 0, 'f', 4)
                    .arg(m.hammingLoss, 0, 'f', 4));
            metrics_->setRowCount(static_cast<int>(m.perClass.size()));
            perClassRows(m.perClass);
            confusion_->setMatrix({}, {});
            break;
        }
        case Task::Regression:
        case Task::MaskedLM: {
            QStringList parts;
            for (const auto& [k, v] : r.metrics)
                parts << QString("%1 %2").arg(QString::fromStdString(k)).arg(v, 0, 'f', 4);
            summary_->setText(tr("%1 examples · %2").arg(n).arg(parts.join(" · ")));
            metrics_->setRowCount(0);
            confusion_->setMatrix({}, {});
            break;
        }
        case Task::Classification: {
            const auto& m = report_->classification;
            summary_->setText(
                tr("%1 examples · accuracy %2 · macro F1 %3 · MCC %4%5")
                    .arg(n)
                    .arg(m.accuracy, 0, 'f', 4)
                    .arg(m.macroF1, 0, 'f', 4)
                    .arg(m.mcc, 0, 'f', 4)
                    .arg(m.rocAuc >= 0 ? tr(" · ROC-AUC %1").arg(m.rocAuc, 0, 'f', 4) : QString()));
            metrics_->setRowCount(static_cast<int>(m.perClass.size()) + 3);
            perClassRows(m.perClass);
            setRow(row++, tr("macro average"), m.macroPrecision, m.macroRecall, m.macroF1, n);
            setRow(row++, tr("weighted average"), m.weightedPrecision, m.weightedRecall,
                   m.weightedF1, n);
            setRow(row++, tr("micro average"), m.microPrecision, m.microRecall, m.microF1, n);
            QStringList labels;
            for (const auto& l : r.labels) labels << QString::fromStdString(l);
            confusion_->setMatrix(labels, m.confusion);
            if (binary && !streamed_) {
                std::vector<double> scores;
                for (const auto& p : r.probabilities) scores.push_back(p[1]);
                for (const auto& p : rocCurve(r.truth, scores)) roc_->addPoint(tr("ROC"), p.x, p.y);
                for (const auto& p : precisionRecallCurve(r.truth, scores))
                    pr_->addPoint(tr("precision-recall"), p.x, p.y);
            }
            if (streamed_)
                drawCalibration(streamed_->calibration, nullptr);
            else
                showCalibration(r);
            break;
        }
    }
    streamNote_->setVisible(streamed_ != nullptr);
    if (streamed_) {
        QString note =
            tr("Read in chunks: the examples, curves and threshold need the data in "
               "memory (untick “Read in chunks”).");
        if (r.task == Task::Classification && binary && streamed_->classification.rocAuc >= 0)
            note += " " + (streamed_->rocAucMaxError == 0
                               ? tr("ROC-AUC from binned scores, exact here (no positive and "
                                    "negative example share a bin).")
                               : tr("ROC-AUC from binned scores, within %1 of the exact value.")
                                     .arg(streamed_->rocAucMaxError, 0, 'g', 2));
        if (r.task == Task::Regression)
            note += " " + tr("Spearman's correlation needs every prediction at once.");
        streamNote_->setText(note);
    }
    Q_EMIT evaluated();
}

void EvaluatePage::showCalibration(const EvaluationReport& r) {
    const CalibrationReport c = calibrationReport(r.probabilities, r.truth);
    // The same diagram after the fitted temperature: before and after side by side.
    const CalibrationReport after =
        calibrationReport(applyTemperature(r.probabilities, c.temperature), r.truth);
    drawCalibration(c, &after);
}

void EvaluatePage::drawCalibration(const CalibrationReport& c, const CalibrationReport* after) {
    calibration_->addPoint(tr("perfect calibration"), 0, 0);
    calibration_->addPoint(tr("perfect calibration"), 1, 1);
    // The confidence histogram shares the axes: each bin's share of the examples (0..1).
    int total = 0;
    for (const auto& bin : c.bins) total += bin.count;
    for (const auto& bin : c.bins)
        if (bin.count > 0) {
            calibration_->addPoint(tr("accuracy per confidence bin"), bin.confidence, bin.accuracy);
            calibration_->addPoint(tr("share of examples per bin"), bin.confidence,
                                   double(bin.count) / std::max(1, total));
        }
    if (after)
        for (const auto& bin : after->bins)
            if (bin.count > 0)
                calibration_->addPoint(tr("after temperature scaling"), bin.confidence,
                                       bin.accuracy);
    calibrationReport_ = c;
    if (!after) {
        calibrationSummary_->setText(
            tr("Expected calibration error %1 (worst bin %2) · Brier score %3. Read in chunks: "
               "fitting a temperature needs the data in memory.")
                .arg(c.expectedCalibrationError, 0, 'f', 4)
                .arg(c.maximumCalibrationError, 0, 'f', 4)
                .arg(c.brierScore, 0, 'f', 4));
        saveTemperature_->setEnabled(false);
        return;
    }
    calibrationSummary_->setText(
        tr("Expected calibration error %1 (worst bin %2) · Brier score %3 · temperature scaling "
           "with T = %4 would bring the error to %5.")
            .arg(c.expectedCalibrationError, 0, 'f', 4)
            .arg(c.maximumCalibrationError, 0, 'f', 4)
            .arg(c.brierScore, 0, 'f', 4)
            .arg(c.temperature, 0, 'f', 2)
            .arg(c.expectedCalibrationErrorScaled, 0, 'f', 4) +
        (modelTemperature_ != 1.0
             ? " " + tr("The model already applies T = %1 (saved in its config).")
                         .arg(modelTemperature_, 0, 'f', 2)
             : QString()));
    saveTemperature_->setEnabled(!evaluatedFolder_.isEmpty() &&
                                 QFileInfo(evaluatedFolder_).isDir());
}

namespace {
// Sorts numeric columns by value (confidence, loss, words), text columns as text.
class ExampleItem : public QTreeWidgetItem {
public:
    using QTreeWidgetItem::QTreeWidgetItem;
    bool operator<(const QTreeWidgetItem& other) const override {
        const int column = treeWidget() ? treeWidget()->sortColumn() : 0;
        const QVariant a = data(column, Qt::UserRole), b = other.data(column, Qt::UserRole);
        if (a.isValid() && b.isValid()) return a.toDouble() < b.toDouble();
        return QTreeWidgetItem::operator<(other);
    }
};
}  // namespace

void EvaluatePage::showCell(int trueLabel, int predictedLabel) {
    examples_->setSortingEnabled(false);
    examples_->clear();
    if (!report_) return;
    for (std::size_t i = 0; i < report_->truth.size(); ++i) {
        if (report_->truth[i] != trueLabel || report_->predicted[i] != predictedLabel) continue;
        auto* item = new ExampleItem(examples_);
        const QString text = QString::fromStdString(report_->texts[i]);
        const double confidence = report_->probabilities[i][predictedLabel];
        // The example's cross-entropy: how wrong the model is about its true label.
        const double loss = -std::log(std::max(1e-12f, report_->probabilities[i][trueLabel]));
        const int words = static_cast<int>(text.split(' ', Qt::SkipEmptyParts).size());
        item->setText(0, text);
        item->setText(1, QString::fromStdString(report_->labels[trueLabel]));
        item->setText(2, QString::fromStdString(report_->labels[predictedLabel]));
        item->setText(3, QString::number(confidence * 100.0, 'f', 1) + QLatin1Char('%'));
        item->setData(3, Qt::UserRole, confidence);
        item->setText(4, QString::number(loss, 'f', 3));
        item->setData(4, Qt::UserRole, loss);
        item->setText(5, QString::number(words));
        item->setData(5, Qt::UserRole, words);
        const QString filter = exampleFilter_->text();
        item->setHidden(!filter.isEmpty() && !text.contains(filter, Qt::CaseInsensitive));
    }
    examples_->setSortingEnabled(true);
    // Errors: the most confident first; correct examples: the least confident first.
    examples_->sortItems(3, trueLabel == predictedLabel ? Qt::AscendingOrder : Qt::DescendingOrder);
    examples_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
}

bool EvaluatePage::exportCsv(const QString& path) const {
    if (!report_) return false;
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return false;
    if (report_->task != Task::Classification || streamed_) {
        // Per-label or per-entity rows as shown, then every metric (streamed: no examples).
        f.write("label,precision,recall,f1,support\n");
        for (int r = 0; r < metrics_->rowCount(); ++r) {
            QStringList row;
            for (int c = 0; c < metrics_->columnCount(); ++c)
                row << (metrics_->item(r, c) ? metrics_->item(r, c)->text() : QString());
            f.write((row.join(',') + '\n').toUtf8());
        }
        f.write("\nmetric,value\n");
        for (const auto& [k, v] : report_->metrics)
            f.write(QString("%1,%2\n").arg(QString::fromStdString(k)).arg(v, 0, 'g', 8).toUtf8());
        return f.commit();
    }
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

double EvaluatePage::fittedTemperature() const {
    // The report's probabilities already carry the model's temperature: the two multiply.
    return modelTemperature_ * calibrationReport_.temperature;
}

bool EvaluatePage::saveFittedTemperature(bool ask) {
    const QString folder = evaluatedFolder_;
    const double t = fittedTemperature();
    const QString config = QDir(folder).filePath("config.json");
    if (ask && QMessageBox::question(
                   this, tr("Save Temperature"),
                   tr("Write temperature %1 into %2? DistilBench will divide this model's logits "
                      "by it before the softmax; transformers ignores the key.")
                       .arg(t, 0, 'f', 3)
                       .arg(config)) != QMessageBox::Yes)
        return false;
    try {
        saveTemperature(folder.toStdString(), t);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Save Temperature"), QString::fromUtf8(e.what()));
        return false;
    }
    ViewExport::announceSaved(this, {config});
    // The open model takes it at once: opened again from its folder (on the job runner).
    if (QFileInfo(folder).canonicalFilePath() ==
        QFileInfo(workspace_->modelPath()).canonicalFilePath())
        workspace_->open(workspace_->modelPath());
    return true;
}
