#include "app/gui/DistillPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "app/common/JobRunner.h"
#include "app/gui/RunController.h"
#include "app/gui/Workspace.h"
#include "core/distillation/Distiller.h"
#include "core/distillation/StudentInitializer.h"
#include "core/models/ModelConfig.h"
#include "core/runtime/Error.h"
#include "core/util/HumanUnits.h"
#include "widgets/EmptyStateWidget.h"
#include "widgets/LayerMappingView.h"
#include "widgets/LivePlot.h"
#include "widgets/ViewExport.h"

using namespace distilbench;

namespace {

QDoubleSpinBox* weightBox(QWidget* parent, double max, double value, int decimals,
                          const QString& tip) {
    auto* b = new QDoubleSpinBox(parent);
    b->setRange(0.0, max);
    b->setDecimals(decimals);
    b->setSingleStep(0.1);
    b->setValue(value);
    b->setToolTip(tip);
    return b;
}

QSpinBox* countBox(QWidget* parent, int min, int max, int value, const QString& tip) {
    auto* b = new QSpinBox(parent);
    b->setRange(min, max);
    b->setValue(value);
    b->setToolTip(tip);
    return b;
}

QString str(const std::string& s) {
    return QString::fromStdString(s);
}

const QStringList kComponentColors{"#1f77b4", "#ff7f0e", "#2ca02c",
                                   "#9467bd", "#8c564b", "#e377c2"};

}  // namespace

DistillPage::DistillPage(Workspace* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace) {
    runsFolder_ = QSettings()
                      .value("distill/runsFolder",
                             QStandardPaths::writableLocation(QStandardPaths::HomeLocation) +
                                 "/DistilBench/distillation")
                      .toString();
    auto* split = new QSplitter(Qt::Horizontal, this);
    auto* outer = new QVBoxLayout(this);
    outer->addWidget(split);

    auto* formHost = new QWidget;
    auto* fl = new QVBoxLayout(formHost);
    auto browseRow = [&](QLineEdit*& edit, const QString& placeholder, bool folder) {
        edit = new QLineEdit(formHost);
        edit->setPlaceholderText(placeholder);
        auto* browse = new QPushButton(tr("Browse…"), formHost);
        auto* row = new QHBoxLayout;
        row->addWidget(edit, 1);
        row->addWidget(browse);
        connect(browse, &QPushButton::clicked, this, [this, edit, folder] {
            const QString f =
                folder ? QFileDialog::getExistingDirectory(this, tr("Model folder"))
                       : QFileDialog::getOpenFileName(
                             this, tr("Data"), {},
                             tr("Data (*.csv *.tsv *.jsonl *.json *.txt);;All files (*)"));
            if (!f.isEmpty()) {
                edit->setText(f);
                Q_EMIT edit->editingFinished();
            }
        });
        return row;
    };

    // Teacher and student.
    auto* models = new QGroupBox(tr("Teacher and student"), formHost);
    auto* mf = new QFormLayout(models);
    auto* teacherRow = browseRow(teacher_, tr("a fine-tuned classifier folder"), true);
    auto* useOpen = new QPushButton(tr("Use Open Model"), formHost);
    useOpen->setToolTip(tr("The model open in the workspace becomes the teacher"));
    teacherRow->addWidget(useOpen);
    mf->addRow(tr("Teacher:"), teacherRow);
    studentSource_ = new QComboBox(models);
    studentSource_->addItem(tr("Initialise from the teacher's layers"), "teacher");
    studentSource_->addItem(tr("New model from a preset"), "preset");
    studentSource_->addItem(tr("Existing model folder"), "model");
    studentSource_->setToolTip(tr(
        "DistilBERT's authors started the student from every other teacher layer: it learns much "
        "faster than from random weights"));
    mf->addRow(tr("Student:"), studentSource_);
    preset_ = new QComboBox(models);
    for (const auto& n : ModelConfig::presetNames()) preset_->addItem(str(n));
    preset_->setCurrentText("distilbert-small");
    mf->addRow(tr("Preset:"), preset_);
    mf->addRow(tr("Student folder:"),
               browseRow(studentFolder_, tr("a model with the teacher's vocabulary"), true));
    layers_ = new QLineEdit(models);
    layers_->setPlaceholderText(tr("evenly spread, e.g. 0,2,4,7,9,11"));
    layers_->setToolTip(
        tr("Teacher layers copied into the student, one per student layer, bottom first"));
    studentLayers_ =
        countBox(models, 1, 48, 6,
                 tr("Student layers when no list is given: evenly spread over the teacher"));
    auto* layerRow = new QHBoxLayout;
    layerRow->addWidget(layers_, 1);
    layerRow->addWidget(new QLabel(tr("or count"), models));
    layerRow->addWidget(studentLayers_);
    mf->addRow(tr("Teacher layers:"), layerRow);
    mapping_ = new LayerMappingView(models);
    mf->addRow(mapping_);
    comparison_ = new QTableWidget(5, 2, models);
    comparison_->setHorizontalHeaderLabels({tr("Teacher"), tr("Student")});
    comparison_->setVerticalHeaderLabels(
        {tr("Architecture"), tr("Layers"), tr("Parameters"), tr("Size (fp32)"), tr("Speed-up")});
    comparison_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    comparison_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    comparison_->setMaximumHeight(180);
    comparison_->setToolTip(
        tr("Speed-up is estimated from the layer count and widths; the report measures it"));
    mf->addRow(comparison_);
    problem_ = new QLabel(models);
    problem_->setWordWrap(true);
    problem_->setStyleSheet("color: #c0392b");
    mf->addRow(problem_);
    fl->addWidget(models);

    // Data.
    auto* data = new QGroupBox(tr("Data"), formHost);
    auto* df = new QFormLayout(data);
    task_ = new QComboBox(data);
    task_->addItem(tr("Classification"), int(Task::Classification));
    task_->addItem(tr("Token classification (NER)"), int(Task::TokenClassification));
    task_->addItem(tr("Pre-training (masked LM on raw text)"), int(Task::MaskedLM));
    task_->setToolTip(
        tr("Task-specific distillation copies a fine-tuned teacher; pre-training distillation is "
           "DistilBERT's "
           "recipe on a raw corpus (one document per line)"));
    df->addRow(tr("Kind:"), task_);
    df->addRow(tr("Training data:"),
               browseRow(train_, tr("CSV, TSV, JSONL, CoNLL, or a text corpus"), false));
    df->addRow(tr("Validation data:"),
               browseRow(validation_, tr("optional: 10% of the training data otherwise"), false));
    fl->addWidget(data);

    // Loss weights, each with what it does.
    auto* loss = new QGroupBox(tr("Loss"), formHost);
    auto* lf = new QFormLayout(loss);
    temperature_ = weightBox(loss, 20, 2.0, 2,
                             tr("Temperature T softens both distributions (softmax(logits/T)) so "
                                "the student also learns how "
                                "the teacher ranks the wrong answers; the KL term is multiplied by "
                                "T² to keep its gradients "
                                "the same size"));
    temperature_->setMinimum(0.1);
    alphaCe_ =
        weightBox(loss, 100, 0.5, 2,
                  tr("Weight of the distillation term: KL divergence between the teacher's and the "
                     "student's softened predictions"));
    alphaHard_ =
        weightBox(loss, 100, 0.5, 2, tr("Weight of the ordinary cross-entropy on the true labels"));
    alphaMlm_ = weightBox(loss, 100, 0.0, 2,
                          tr("Pre-training: weight of the masked-language-model cross-entropy"));
    alphaCos_ = weightBox(
        loss, 100, 0.0, 2,
        tr("Weight of the cosine loss that pulls the student's last hidden states towards "
           "the teacher's (needs equal hidden sizes)"));
    alphaMse_ = weightBox(loss, 100, 0.0, 2,
                          tr("Weight of the squared error between teacher and student logits"));
    cache_ = new QCheckBox(tr("Cache teacher logits"), loss);
    cache_->setToolTip(
        tr("Classification without the cosine term: the teacher runs once per example and later "
           "epochs reuse "
           "its outputs"));
    lf->addRow(tr("Temperature:"), temperature_);
    lf->addRow(tr("α distillation (KL):"), alphaCe_);
    lf->addRow(tr("α labels:"), alphaHard_);
    lf->addRow(tr("α masked LM:"), alphaMlm_);
    lf->addRow(tr("α cosine:"), alphaCos_);
    lf->addRow(tr("α logits MSE:"), alphaMse_);
    lf->addRow(cache_);
    fl->addWidget(loss);

    auto* hyper = new QGroupBox(tr("Training"), formHost);
    auto* hf = new QFormLayout(hyper);
    epochs_ = countBox(hyper, 1, 1000, 3, tr("Passes over the training data"));
    lr_ = new QDoubleSpinBox(hyper);
    lr_->setDecimals(6);
    lr_->setRange(1e-6, 1.0);
    lr_->setSingleStep(1e-5);
    lr_->setValue(5e-5);
    lr_->setToolTip(tr("Peak learning rate of AdamW"));
    batch_ = countBox(hyper, 1, 4096, 16, tr("Examples per optimizer step"));
    maxLength_ = countBox(hyper, 8, 512, 128, tr("Tokens per example; longer texts are cut"));
    warmup_ = weightBox(
        hyper, 0.5, 0.0, 2,
        tr("Warm-up: share of the steps over which the learning rate rises from 0 to its peak"));
    clip_ =
        weightBox(hyper, 100, 1.0, 1,
                  tr("Gradient clipping: gradients are scaled down when their norm exceeds this"));
    hf->addRow(tr("Epochs:"), epochs_);
    hf->addRow(tr("Learning rate:"), lr_);
    hf->addRow(tr("Batch size:"), batch_);
    hf->addRow(tr("Max length:"), maxLength_);
    hf->addRow(tr("Warm-up ratio:"), warmup_);
    hf->addRow(tr("Gradient clipping:"), clip_);
    fl->addWidget(hyper);

    auto* buttons = new QHBoxLayout;
    startButton_ = new QPushButton(tr("Start Distillation"), formHost);
    startButton_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    startButton_->setToolTip(tr("Start (Ctrl+Enter)"));
    pauseButton_ = new QPushButton(tr("Pause"), formHost);
    cancelButton_ = new QPushButton(tr("Cancel"), formHost);
    auto* resume = new QPushButton(tr("Resume Run…"), formHost);
    pauseButton_->setEnabled(false);
    cancelButton_->setEnabled(false);
    buttons->addWidget(startButton_);
    buttons->addWidget(pauseButton_);
    buttons->addWidget(cancelButton_);
    buttons->addWidget(resume);
    fl->addLayout(buttons);
    fl->addStretch();
    auto* scroll = new QScrollArea(split);
    scroll->setWidget(formHost);
    scroll->setWidgetResizable(true);
    split->addWidget(scroll);

    // Right: empty state until a run starts, then progress, plots and report.
    right_ = new QStackedWidget(split);
    auto* empty = new EmptyStateWidget(
        tr("Distil a teacher into a smaller student"),
        tr("Choose a teacher (a fine-tuned classifier, or the open model), the training data and "
           "how the student starts, then press Start. The loss of every component and the "
           "student's validation score against the teacher's appear here live."),
        right_);
    QPushButton* emptyUseOpen = empty->addAction(tr("Use the Open Model as Teacher"));
    right_->addWidget(empty);
    auto* run = new QWidget(right_);
    auto* rl = new QVBoxLayout(run);
    progress_ = new QProgressBar(run);
    progress_->setRange(0, 1000);
    status_ = new QLabel(run);
    status_->setWordWrap(true);
    loss_ = new LivePlot(tr("Loss components"), run);
    loss_->setAxisLabels(tr("step"), tr("loss"));
    loss_->addSeries(tr("total"), QColor("#222222"), true);
    metrics_ = new LivePlot(tr("Validation: student vs teacher"), run);
    metrics_->setAxisLabels(tr("step"), tr("value"));
    auto* exportPlots = new QPushButton(tr("Export Plots…"), run);
    report_ = new QTextBrowser(run);
    report_->setPlaceholderText(
        tr("The report (teacher vs student: quality, size, measured speed) appears when the run "
           "ends."));
    exportReport_ = new QPushButton(tr("Export Report…"), run);
    exportReport_->setEnabled(false);
    auto* exportRow = new QHBoxLayout;
    exportRow->addStretch();
    exportRow->addWidget(exportPlots);
    exportRow->addWidget(exportReport_);
    compare_ = new QPushButton(tr("Compare on the Evaluate Page"), run);
    compare_->setToolTip(
        tr("Teacher and student side by side on the run's validation data: every metric and both "
           "confusion matrices"));
    compare_->setEnabled(false);
    exportRow->addWidget(compare_);
    connect(compare_, &QPushButton::clicked, this, [this] {
        const DistillationReport r = Distiller::readReport(currentRun_.toStdString());
        Q_EMIT compareRequested(QString::fromStdString(r.teacher.folder), currentRun_);
    });
    rl->addWidget(progress_);
    rl->addWidget(status_);
    notice_ = makeNoticeBanner(status_->parentWidget());
    rl->addWidget(notice_);
    rl->addWidget(loss_, 3);
    rl->addWidget(metrics_, 2);
    rl->addWidget(report_, 2);
    rl->addLayout(exportRow);
    right_->addWidget(run);
    split->addWidget(right_);
    split->setStretchFactor(1, 2);

    auto useOpenModel = [this] {
        if (workspace_->modelPath().isEmpty()) {
            QMessageBox::information(this, tr("Distill"),
                                     tr("Open a model first (File > Open Model)."));
            return;
        }
        setTeacher(workspace_->modelPath());
    };
    connect(useOpen, &QPushButton::clicked, this, useOpenModel);
    connect(emptyUseOpen, &QPushButton::clicked, this, useOpenModel);
    for (QLineEdit* e : {teacher_, studentFolder_, layers_})
        connect(e, &QLineEdit::editingFinished, this, &DistillPage::refreshSummary);
    connect(studentSource_, &QComboBox::currentIndexChanged, this, &DistillPage::refreshSummary);
    connect(preset_, &QComboBox::currentIndexChanged, this, &DistillPage::refreshSummary);
    connect(studentLayers_, &QSpinBox::valueChanged, this, &DistillPage::refreshSummary);
    connect(task_, &QComboBox::currentIndexChanged, this, [this] {
        applyTaskDefaults();
        refreshSummary();
    });
    run_ = new RunController(workspace_->runner(), startButton_, pauseButton_, cancelButton_,
                             progress_, status_, this);
    connect(startButton_, &QPushButton::clicked, this, &DistillPage::start);
    connect(run_, &RunController::finished, this, &DistillPage::finished);
    connect(resume, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Distillation run to resume"), runsFolder_);
        if (!dir.isEmpty()) resumeRun(dir);
    });
    connect(exportPlots, &QPushButton::clicked, this, [this] {
        const QString path = ViewExport::saveWithDialog(loss_, "distillation-loss.svg");
        if (!path.isEmpty())
            loss_->exportCsv(QFileInfo(path).path() + "/" + QFileInfo(path).completeBaseName() +
                             ".csv");
    });
    connect(exportReport_, &QPushButton::clicked, this, &DistillPage::exportReport);
    applyTaskDefaults();
    refreshSummary();
}

QString DistillPage::statusText() const {
    return status_->text();
}

void DistillPage::setTeacher(const QString& folder) {
    teacher_->setText(folder);
    refreshSummary();
}
void DistillPage::setTrainFile(const QString& path) {
    train_->setText(path);
}
void DistillPage::setValidationFile(const QString& path) {
    validation_->setText(path);
}
void DistillPage::setRunsFolder(const QString& path) {
    runsFolder_ = path;
}
void DistillPage::setEpochs(int epochs) {
    epochs_->setValue(epochs);
}
void DistillPage::setMaxLength(int tokens) {
    maxLength_->setValue(tokens);
}
void DistillPage::setTask(int index) {
    task_->setCurrentIndex(index);
}

void DistillPage::setStudent(const QString& source, const QString& value) {
    studentSource_->setCurrentIndex(std::max(0, studentSource_->findData(source)));
    if (source == "teacher")
        layers_->setText(value);
    else if (source == "preset")
        preset_->setCurrentText(value);
    else
        studentFolder_->setText(value);
    refreshSummary();
}

// The DistilBERT recipe for pre-training; Hinton-style halves for task-specific distillation.
void DistillPage::applyTaskDefaults() {
    const bool mlm = static_cast<Task>(task_->currentData().toInt()) == Task::MaskedLM;
    const DistillationSettings d =
        mlm ? DistillationSettings::pretrainingDefaults() : DistillationSettings{};
    temperature_->setValue(d.temperature);
    alphaCe_->setValue(d.alphaCe);
    alphaHard_->setValue(d.alphaHard);
    alphaMlm_->setValue(d.alphaMlm);
    alphaCos_->setValue(d.alphaCos);
    alphaMse_->setValue(d.alphaMse);
    alphaHard_->setEnabled(!mlm);
    alphaMlm_->setEnabled(mlm);
    cache_->setEnabled(!mlm);
    const TrainingConfig t =
        TrainingConfig::defaultsFor(static_cast<Task>(task_->currentData().toInt()), false);
    epochs_->setValue(t.epochs);
    lr_->setValue(t.learningRate);
    batch_->setValue(t.batchSize);
    maxLength_->setValue(t.maxLength);
    warmup_->setValue(t.warmupRatio);
    clip_->setValue(t.maxGradNorm);
}

void DistillPage::refreshSummary() {
    const QString source = studentSource_->currentData().toString();
    preset_->setEnabled(source == "preset");
    studentFolder_->setEnabled(source == "model");
    layers_->setEnabled(source == "teacher");
    studentLayers_->setEnabled(source == "teacher" && layers_->text().trimmed().isEmpty());
    problem_->clear();
    for (int r = 0; r < comparison_->rowCount(); ++r)
        for (int c = 0; c < 2; ++c) comparison_->setItem(r, c, new QTableWidgetItem("–"));
    if (teacher_->text().isEmpty()) {
        mapping_->setMapping(0, {}, 0);
        return;
    }
    // config.json files are a few kilobytes: reading them here keeps the summary immediate.
    try {
        const ModelConfig tc = ModelConfig::load((teacher_->text() + "/config.json").toStdString());
        const bool mlm = static_cast<Task>(task_->currentData().toInt()) == Task::MaskedLM;
        const HeadType head = mlm ? HeadType::MaskedLM : tc.head;
        ModelConfig sc;
        std::vector<int> mapping;
        if (source == "teacher") {
            mapping = layers_->text().trimmed().isEmpty()
                          ? StudentInitializer::defaultLayers(
                                tc.numLayers, std::min(studentLayers_->value(), tc.numLayers))
                          : StudentInitializer::parseLayers(layers_->text().toStdString());
            for (int l : mapping)
                if (l >= tc.numLayers)
                    throw Error(tr("layer %1 does not exist: the teacher has %2 layers (0-%3)")
                                    .arg(l)
                                    .arg(tc.numLayers)
                                    .arg(tc.numLayers - 1)
                                    .toStdString());
            sc = StudentInitializer::studentConfig(tc, static_cast<int>(mapping.size()), head);
        } else if (source == "preset") {
            sc = ModelConfig::preset(preset_->currentText().toStdString(), head);
            sc.vocabSize = tc.vocabSize;
            sc.labels = tc.labels;
        } else {
            if (studentFolder_->text().isEmpty()) {
                mapping_->setMapping(tc.numLayers, {}, 0);
                return;
            }
            sc = ModelConfig::load((studentFolder_->text() + "/config.json").toStdString());
            if (sc.vocabSize != tc.vocabSize)
                problem_->setText(tr("The student's vocabulary (%1 tokens) differs from the "
                                     "teacher's (%2): distillation needs "
                                     "the same one.")
                                      .arg(sc.vocabSize)
                                      .arg(tc.vocabSize));
        }
        mapping_->setMapping(tc.numLayers, mapping, sc.numLayers);
        const ModelConfig* both[2] = {&tc, &sc};
        for (int c = 0; c < 2; ++c) {
            const ModelConfig& m = *both[c];
            comparison_->item(0, c)->setText(str(m.architecture()));
            comparison_->item(1, c)->setText(tr("%1 × %2").arg(m.numLayers).arg(m.hiddenSize));
            comparison_->item(2, c)->setText(
                str(formatCount(static_cast<double>(m.parameterCount()))));
            comparison_->item(3, c)->setText(str(formatBytes(m.parameterCount() * 4)));
        }
        comparison_->item(4, 0)->setText("1.0×");
        comparison_->item(4, 1)->setText(
            tr("≈ %1×").arg(tc.encoderFlopsPerToken() / sc.encoderFlopsPerToken(), 0, 'f', 1));
        if (alphaCos_->value() > 0 && sc.hiddenSize != tc.hiddenSize)
            problem_->setText(tr("The cosine loss needs equal hidden sizes (teacher %1, student "
                                 "%2): set its weight to 0.")
                                  .arg(tc.hiddenSize)
                                  .arg(sc.hiddenSize));
    } catch (const std::exception& e) {
        problem_->setText(QString::fromUtf8(e.what()));
        mapping_->setMapping(0, {}, 0);
    }
}

int DistillPage::start() {
    if (isRunning()) return -1;
    if (teacher_->text().isEmpty() || train_->text().isEmpty()) {
        QMessageBox::information(this, tr("Distill"),
                                 tr("Choose a teacher and the training data first."));
        return -1;
    }
    currentRun_ = RunController::createRunDirectory(runsFolder_);
    return launch(currentRun_, false);
}

int DistillPage::resumeRun(const QString& runDirectory) {
    if (isRunning()) return -1;
    currentRun_ = runDirectory;
    return launch(runDirectory, true);
}

int DistillPage::launch(const QString& dir, bool resume) {
    TrainingConfig c;
    if (!resume) {
        c.task = static_cast<Task>(task_->currentData().toInt());
        c.trainFile = train_->text().toStdString();
        c.validationFile = validation_->text().toStdString();
        if (c.task == Task::MaskedLM) c.validationSplit = 0.02;
        c.epochs = epochs_->value();
        c.learningRate = lr_->value();
        c.batchSize = batch_->value();
        c.maxLength = maxLength_->value();
        c.warmupRatio = warmup_->value();
        c.maxGradNorm = clip_->value();
        DistillationSettings& d = c.distillation;
        d.enabled = true;
        d.teacher = teacher_->text().toStdString();
        const QString source = studentSource_->currentData().toString();
        try {
            if (source == "preset") {
                d.studentSource = DistillationSettings::StudentSource::Preset;
                d.student = preset_->currentText().toStdString();
            } else if (source == "model") {
                d.studentSource = DistillationSettings::StudentSource::Model;
                d.student = studentFolder_->text().toStdString();
            } else {
                d.studentSource = DistillationSettings::StudentSource::FromTeacher;
                d.teacherLayers = mapping_->mapping();
                if (d.teacherLayers.empty())
                    throw Error(tr("choose the teacher layers for the student").toStdString());
            }
        } catch (const std::exception& e) {
            QMessageBox::warning(this, tr("Distill"), QString::fromUtf8(e.what()));
            return -1;
        }
        d.temperature = temperature_->value();
        d.alphaCe = alphaCe_->value();
        d.alphaHard = c.task == Task::MaskedLM ? 0.0 : alphaHard_->value();
        d.alphaMlm = c.task == Task::MaskedLM ? alphaMlm_->value() : 0.0;
        d.alphaCos = alphaCos_->value();
        d.alphaMse = alphaMse_->value();
        d.cacheTeacherLogits = cache_->isChecked() && cache_->isEnabled();
        mainMetric_ = str(c.mainMetric());
    }
    loss_->clear();
    metrics_->clear();
    loss_->addSeries(tr("total"), QColor("#222222"), true);
    report_->clear();
    exportReport_->setEnabled(false);
    compare_->setEnabled(false);
    right_->setCurrentIndex(1);
    QPointer<DistillPage> self(this);
    clearNoticeBanner(notice_);
    TrainerCallbacks cb;
    // Queued to the GUI thread; the plots buffer points and redraw on their 40 ms timers.
    cb.onNotice = noticeSink(notice_);
    cb.onLog = [self](const TrainingLogRecord& r) {
        QMetaObject::invokeMethod(
            self,
            [self, r] {
                if (!self) return;
                self->loss_->addPoint(tr("total"), r.step, r.loss);
                int i = 1;
                for (const auto& [name, value] : r.parts) {
                    const QString n = str(name).mid(5);  // "loss_ce" -> "ce"
                    self->loss_->addSeries(n,
                                           QColor(kComponentColors[i++ % kComponentColors.size()]));
                    self->loss_->addPoint(n, r.step, value);
                }
                self->status_->setText(tr("step %1 · epoch %2 · loss %3 · %4 examples/s")
                                           .arg(r.step)
                                           .arg(r.epoch, 0, 'f', 2)
                                           .arg(r.loss, 0, 'f', 4)
                                           .arg(r.examplesPerSecond, 0, 'f', 1));
            },
            Qt::QueuedConnection);
    };
    const QString metric = mainMetric_.isEmpty() ? QStringLiteral("accuracy") : mainMetric_;
    cb.onEvaluation = [self, metric](const EvaluationRecord& r) {
        QMetaObject::invokeMethod(
            self,
            [self, r, metric] {
                if (!self) return;
                auto it = r.metrics.find(metric.toStdString());
                if (it == r.metrics.end()) return;
                const QString teacherName = tr("teacher %1").arg(metric),
                              studentName = tr("student %1").arg(metric);
                if (r.teacher) {
                    // The teacher's score is a reference line: one point now, extended at every
                    // evaluation.
                    self->metrics_->addSeries(teacherName, QColor("#1f77b4"), false, true);
                    self->metrics_->addPoint(teacherName, 0, it->second);
                    self->metrics_->setProperty("teacherValue", it->second);
                    return;
                }
                self->metrics_->addSeries(studentName, QColor("#ff7f0e"));
                self->metrics_->addPoint(studentName, r.step, it->second);
                const QVariant t = self->metrics_->property("teacherValue");
                if (t.isValid()) self->metrics_->addPoint(teacherName, r.step, t.toDouble());
            },
            Qt::QueuedConnection);
    };
    const std::string runDir = dir.toStdString();
    const int id = run_->launch(
        resume ? tr("Resuming distillation") : tr("Distilling"),
        [c, runDir, resume, cb](const JobCallbacks& job,
                                std::shared_ptr<std::atomic<bool>> paused) mutable {
            cb.job = job;
            cb.isPaused = [paused] { return paused->load(); };
            if (resume)
                Distiller::resume(runDir, cb);
            else
                Distiller::distill(c, runDir, cb);
        },
        tr("Loading the teacher, reading data and scoring the teacher…"));
    return id;
}

void DistillPage::togglePause() {
    run_->togglePause();
}
void DistillPage::cancel() {
    run_->cancel();
}
bool DistillPage::isRunning() const {
    return run_->isRunning();
}

void DistillPage::finished(bool cancelled) {
    // A failure already says why on the status line.
    if (!cancelled) {
        status_->setText(tr("Finished. The student is in %1/best.").arg(currentRun_));
        showReport(currentRun_);
    } else if (!run_->failed()) {
        status_->setText(tr("Stopped. The run can be resumed from %1.").arg(currentRun_));
    }
    Q_EMIT runFinished(currentRun_, cancelled);
}

void DistillPage::showReport(const QString& runDirectory) {
    try {
        const DistillationReport r = Distiller::readReport(runDirectory.toStdString());
        report_->setMarkdown(str(r.toMarkdown()));
        exportReport_->setEnabled(true);
        compare_->setEnabled(true);
    } catch (const std::exception& e) {
        report_->setPlainText(QString::fromUtf8(e.what()));
    }
}

bool DistillPage::exportReport() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Report"), runsFolder_ + "/distillation-report.md",
        tr("Markdown (*.md);;JSON (*.json);;HTML (*.html)"));
    if (path.isEmpty()) return false;
    try {
        const DistillationReport r = Distiller::readReport(currentRun_.toStdString());
        QByteArray bytes;
        if (path.endsWith(".json"))
            bytes = QJsonDocument(r.toJson()).toJson();
        else if (path.endsWith(".html"))
            bytes = report_->toHtml().toUtf8();
        else
            bytes = QByteArray::fromStdString(r.toMarkdown());
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
            throw Error(path.toStdString(), "cannot be written");
        return true;
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Export Report"), QString::fromUtf8(e.what()));
        return false;
    }
}
