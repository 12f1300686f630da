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
#include "app/gui/OptionForm.h"
#include "app/gui/RunController.h"
#include "app/gui/RunView.h"
#include "app/gui/Workspace.h"
#include "core/distillation/DistillationPlan.h"
#include "core/distillation/Distiller.h"
#include "core/distillation/StudentInitializer.h"
#include "core/models/ModelConfig.h"
#include "core/runtime/Environment.h"
#include "core/runtime/Error.h"
#include "core/training/RunFolder.h"
#include "core/training/TrainingOptions.h"
#include "core/util/AtomicFile.h"
#include "core/util/HumanUnits.h"
#include "widgets/EmptyStateWidget.h"
#include "widgets/LayerMappingView.h"
#include "widgets/LivePlot.h"
#include "widgets/ViewExport.h"

using namespace distilbench;

namespace {

QString str(const std::string& s) {
    return QString::fromStdString(s);
}

QString fromTeacherKey() {
    return str(DistillationSettings::sourceName(DistillationSettings::StudentSource::FromTeacher));
}
QString presetKey() {
    return str(DistillationSettings::sourceName(DistillationSettings::StudentSource::Preset));
}
QString modelKey() {
    return str(DistillationSettings::sourceName(DistillationSettings::StudentSource::Model));
}

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
    // Teacher and student.
    auto* models = new QGroupBox(tr("Teacher and student"), formHost);
    auto* mf = new QFormLayout(models);
    auto* teacherRow = browseRow(formHost, teacher_, tr("a fine-tuned classifier folder"), true);
    auto* useOpen = new QPushButton(tr("Use Open Model"), formHost);
    useOpen->setToolTip(tr("The model open in the workspace becomes the teacher"));
    teacherRow->addWidget(useOpen);
    mf->addRow(tr("Teacher:"), teacherRow);
    studentSource_ = new QComboBox(models);
    // The keys are core's names of the student sources (DistillationSettings::sourceName).
    studentSource_->addItem(tr("Initialise from the teacher's layers"), fromTeacherKey());
    studentSource_->addItem(tr("New model from a preset"), presetKey());
    studentSource_->addItem(tr("Existing model folder"), modelKey());
    studentSource_->setToolTip(tr(
        "DistilBERT's authors started the student from every other teacher layer: it learns much "
        "faster than from random weights"));
    mf->addRow(tr("Student:"), studentSource_);
    preset_ = new QComboBox(models);
    for (const auto& n : ModelConfig::presetNames()) preset_->addItem(str(n));
    preset_->setCurrentText("distilbert-small");
    mf->addRow(tr("Preset:"), preset_);
    mf->addRow(tr("Student folder:"), browseRow(formHost, studentFolder_,
                                                tr("a model with the teacher's vocabulary"), true));
    layers_ = new QLineEdit(models);
    layers_->setPlaceholderText(tr("evenly spread, e.g. 0,2,4,7,9,11"));
    layers_->setToolTip(
        tr("Teacher layers copied into the student, one per student layer, bottom first"));
    // The count follows the teacher (half its layers) when a teacher is chosen.
    studentLayers_ = new QSpinBox(models);
    studentLayers_->setRange(1, kMaxLayers);
    studentLayers_->setToolTip(
        tr("Student layers when no list is given: evenly spread over the teacher"));
    guardWheel(studentLayers_);
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
    problem_->setObjectName("distillProblem");
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
               browseRow(formHost, train_, tr("CSV, TSV, JSONL, CoNLL, or a text corpus"), false));
    df->addRow(tr("Validation data:"),
               browseRow(formHost, validation_,
                         tr("optional: a share of the training data otherwise"), false));
    dataOptions_ = new OptionForm(df, trainingOptions(TrainingOption::Group::Data), data);
    for (QComboBox* c : {studentSource_, preset_, task_}) guardWheel(c);
    fl->addWidget(data);

    // Loss weights, each with what it does.
    auto* loss = new QGroupBox(tr("Loss"), formHost);
    auto* lf = new QFormLayout(loss);
    lossOptions_ = new OptionForm(lf, trainingOptions(TrainingOption::Group::Distillation), loss);
    fl->addWidget(loss);

    auto* hyper = new QGroupBox(tr("Training"), formHost);
    auto* hf = new QFormLayout(hyper);
    basic_ = new OptionForm(hf, trainingOptions(TrainingOption::Group::Basic), hyper);
    fl->addWidget(hyper);
    advanced_ = advancedOptionsGroup(formHost, advancedOptions_);
    fl->addWidget(advanced_);

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
    runView_ = new RunView(workspace_->runner(), startButton_, pauseButton_, cancelButton_,
                           RunView::Options{.learningRatePlot = false,
                                            .smoothingSlider = false,
                                            .teacherComparison = true,
                                            .exportName = "distillation-loss.svg"},
                           run);
    report_ = new QTextBrowser(run);
    report_->setPlaceholderText(
        tr("The report (teacher vs student: quality, size, measured speed) appears when the run "
           "ends."));
    exportReport_ = new QPushButton(tr("Export Report…"), run);
    exportReport_->setEnabled(false);
    auto* exportRow = new QHBoxLayout;
    exportRow->addStretch();
    exportRow->addWidget(exportReport_);
    compare_ = new QPushButton(tr("Compare on the Evaluate Page"), run);
    compare_->setToolTip(
        tr("Teacher and student side by side on the run's validation data: every metric and both "
           "confusion matrices"));
    compare_->setEnabled(false);
    exportRow->addWidget(compare_);
    connect(compare_, &QPushButton::clicked, this, [this] {
        try {
            const DistillationReport r = Distiller::readReport(currentRun_.toStdString());
            Q_EMIT compareRequested(QString::fromStdString(r.teacher.folder), currentRun_);
        } catch (const std::exception& e) {
            QMessageBox::warning(this, tr("Distill"), QString::fromUtf8(e.what()));
        }
    });
    rl->addWidget(runView_, 5);
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
    connect(teacher_, &QLineEdit::editingFinished, this, &DistillPage::followTeacher);
    connect(studentSource_, &QComboBox::currentIndexChanged, this, &DistillPage::refreshSummary);
    connect(lossOptions_, &OptionForm::changed, this, &DistillPage::refreshSummary);
    connect(preset_, &QComboBox::currentIndexChanged, this, &DistillPage::refreshSummary);
    connect(studentLayers_, &QSpinBox::valueChanged, this, &DistillPage::refreshSummary);
    connect(task_, &QComboBox::currentIndexChanged, this, [this] {
        applyTaskDefaults();
        refreshSummary();
    });
    connect(startButton_, &QPushButton::clicked, this, &DistillPage::start);
    connect(runView_->controller(), &RunController::finished, this, &DistillPage::finished);
    connect(resume, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Distillation run to resume"), runsFolder_);
        if (!dir.isEmpty()) resumeRun(dir);
    });
    connect(exportReport_, &QPushButton::clicked, this, &DistillPage::exportReport);
    applyTaskDefaults();
    refreshSummary();
}

QString DistillPage::planProblems() const {
    return problem_->text();
}

QString DistillPage::statusText() const {
    return runView_->status()->text();
}
LivePlot* DistillPage::lossPlot() const {
    return runView_->lossPlot();
}
LivePlot* DistillPage::metricPlot() const {
    return runView_->metricPlot();
}

void DistillPage::setTeacher(const QString& folder) {
    teacher_->setText(folder);
    followTeacher();
}

// The student's layer count follows the teacher: half its layers by default, never more.
void DistillPage::followTeacher() {
    try {
        const ModelConfig tc = ModelConfig::ofModel(teacher_->text().toStdString());
        QSignalBlocker block(studentLayers_);
        studentLayers_->setMaximum(tc.numLayers);
        studentLayers_->setValue(defaultStudentLayers(tc.numLayers));
    } catch (const std::exception&) {
        // refreshSummary() names the problem.
    }
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
    basic_->editorAs<QSpinBox>("epochs")->setValue(epochs);
}
void DistillPage::setMaxLength(int tokens) {
    basic_->editorAs<QSpinBox>("max-length")->setValue(tokens);
}
void DistillPage::setTask(int index) {
    task_->setCurrentIndex(index);
}

void DistillPage::setStudent(const QString& source, const QString& value) {
    studentSource_->setCurrentIndex(std::max(0, studentSource_->findData(source)));
    if (source == fromTeacherKey())
        layers_->setText(value);
    else if (source == presetKey())
        preset_->setCurrentText(value);
    else
        studentFolder_->setText(value);
    refreshSummary();
}

// DistilBERT's recipe for pre-training; Hinton-style halves for task-specific distillation.
void DistillPage::applyTaskDefaults() {
    const Task task = static_cast<Task>(task_->currentData().toInt());
    const TrainingConfig d = TrainingConfig::distillationDefaults(task);
    dataOptions_->load(d);
    lossOptions_->load(d);
    basic_->load(d);
    advancedOptions_->load(d);
    const bool mlm = task == Task::MaskedLM;
    for (const char* name : {"alpha-hard", "cache-teacher-logits"})
        lossOptions_->editor(name)->setEnabled(!mlm);
    for (const char* name : {"alpha-mlm", "mlm-probability", "mlm-smoothing"})
        lossOptions_->editor(name)->setEnabled(mlm);
}

DistillationSettings DistillPage::studentSettings() const {
    DistillationSettings d;
    const QString source = studentSource_->currentData().toString();
    DistillationSettings::parseSource(source.toStdString(), d.studentSource);
    d.teacher = teacher_->text().toStdString();
    if (d.studentSource == DistillationSettings::StudentSource::Preset)
        d.student = preset_->currentText().toStdString();
    else if (d.studentSource == DistillationSettings::StudentSource::Model)
        d.student = studentFolder_->text().toStdString();
    else if (!layers_->text().trimmed().isEmpty())
        d.teacherLayers = StudentInitializer::parseLayers(layers_->text().toStdString());
    return d;
}

TrainingConfig DistillPage::configFromForm() const {
    const Task task = static_cast<Task>(task_->currentData().toInt());
    TrainingConfig c = TrainingConfig::distillationDefaults(task);
    c.trainFile = train_->text().toStdString();
    c.validationFile = validation_->text().toStdString();
    dataOptions_->store(c);
    lossOptions_->store(c);
    basic_->store(c);
    advancedOptions_->store(c);
    const DistillationSettings s = studentSettings();
    DistillationSettings& d = c.distillation;
    d.teacher = s.teacher;
    d.studentSource = s.studentSource;
    d.student = s.student;
    d.teacherLayers = s.teacherLayers;
    // What the layer picture shows is what the student gets.
    if (d.studentSource == DistillationSettings::StudentSource::FromTeacher)
        d.teacherLayers = mapping_->mapping();
    // Parts that do not belong to the task stay off (the form keeps them disabled).
    if (task == Task::MaskedLM) {
        d.alphaHard = 0;
        d.cacheTeacherLogits = false;
    } else {
        d.alphaMlm = 0;
    }
    return c;
}

// The preview: core's plan of the student (DistillationPlan), the same one the run builds.
void DistillPage::refreshSummary() {
    const QString source = studentSource_->currentData().toString();
    preset_->setEnabled(source == presetKey());
    studentFolder_->setEnabled(source == modelKey());
    layers_->setEnabled(source == fromTeacherKey());
    studentLayers_->setEnabled(source == fromTeacherKey() && layers_->text().trimmed().isEmpty());
    problem_->clear();
    for (int r = 0; r < comparison_->rowCount(); ++r)
        for (int c = 0; c < 2; ++c) comparison_->setItem(r, c, new QTableWidgetItem("–"));
    if (teacher_->text().isEmpty()) {
        mapping_->setMapping(0, {}, 0);
        return;
    }
    // config.json files are a few kilobytes: reading them here keeps the summary immediate.
    try {
        const ModelConfig tc = ModelConfig::ofModel(teacher_->text().toStdString());
        const Task task = static_cast<Task>(task_->currentData().toInt());
        // The form's settings with the layers as typed (the picture shows the plan's result).
        DistillationSettings settings = configFromForm().distillation;
        settings.teacherLayers = studentSettings().teacherLayers;
        const DistillationPlan plan = planStudent(
            settings, tc, task, studentLayers_->isEnabled() ? studentLayers_->value() : 0);
        QStringList problems;
        for (const auto& p : plan.problems) problems << str(p);
        problem_->setText(problems.join(QChar('\n')));
        if (settings.studentSource == DistillationSettings::StudentSource::Model &&
            settings.student.empty()) {
            mapping_->setMapping(tc.numLayers, {}, 0);
            return;
        }
        const ModelConfig& sc = plan.student;
        mapping_->setMapping(tc.numLayers, plan.teacherLayers, sc.numLayers);
        if (sc.numLayers == 0) return;
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
    TrainingConfig c;
    QStringList problems;
    try {
        c = configFromForm();
        for (const auto& p : validateTrainingConfig(c)) problems << str(p);
        const ModelConfig tc = ModelConfig::ofModel(c.distillation.teacher);
        for (const auto& p : planStudent(c.distillation, tc, c.task).problems) problems << str(p);
        if (c.distillation.studentSource == DistillationSettings::StudentSource::FromTeacher &&
            c.distillation.teacherLayers.empty())
            problems << tr("choose the teacher layers for the student");
    } catch (const std::exception& e) {
        problems << QString::fromUtf8(e.what());
    }
    if (RunView::refuseStart(this, tr("Distill"), problems)) return -1;
    currentRun_ = QString::fromStdString(RunFolder::newRunPath(runsFolder_.toStdString()));
    return launch(currentRun_, c, false);
}

int DistillPage::resumeRun(const QString& runDirectory) {
    if (isRunning()) return -1;
    currentRun_ = runDirectory;
    return launch(runDirectory, {}, true);
}

int DistillPage::launch(const QString& dir, const TrainingConfig& c, bool resume) {
    // The student is plotted by the run's own metric, also when it is resumed.
    runView_->prepare(dir, c, resume);
    report_->clear();
    exportReport_->setEnabled(false);
    compare_->setEnabled(false);
    right_->setCurrentIndex(1);
    const std::string runDir = dir.toStdString();
    return runView_->launch(
        resume ? tr("Resuming distillation") : tr("Distilling"),
        [c, runDir, resume](TrainerCallbacks& cb) {
            if (resume)
                Distiller::resume(runDir, cb);
            else
                Distiller::distill(c, runDir, cb);
        },
        tr("Loading the teacher, reading data and scoring the teacher…"));
}

void DistillPage::togglePause() {
    runView_->controller()->togglePause();
}
void DistillPage::cancel() {
    runView_->controller()->cancel();
}
bool DistillPage::isRunning() const {
    return runView_->controller()->isRunning();
}

void DistillPage::finished(bool cancelled) {
    // A failure already says why on the status line.
    runView_->showEnd(cancelled, tr("Finished. The student is in %1/best.").arg(currentRun_),
                      currentRun_);
    if (!cancelled) showReport(currentRun_);
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
        AtomicFile f(path.toStdString());
        f.write(bytes.constData(), static_cast<std::size_t>(bytes.size()));
        f.commit();
        ViewExport::announceSaved(this, {path});
        return true;
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Export Report"), QString::fromUtf8(e.what()));
        return false;
    }
}
