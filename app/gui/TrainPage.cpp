#include "app/gui/TrainPage.h"

#include "core/runtime/Environment.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <cmath>

#include <QTabWidget>
#include <QTableWidget>
#include "app/common/JobRunner.h"
#include "app/gui/OptionForm.h"
#include "app/gui/RunController.h"
#include "app/gui/RunView.h"
#include "app/gui/Workspace.h"
#include "core/data/Dataset.h"
#include "core/data/TableReader.h"
#include "core/inference/Pipeline.h"
#include "core/models/ModelConfig.h"
#include "core/runtime/Resources.h"
#include "core/tokenizers/Tokenizer.h"
#include "core/training/RunFolder.h"
#include "core/training/Trainer.h"
#include "core/training/TrainingOptions.h"
#include "core/util/HumanUnits.h"
#include "widgets/LengthHistogram.h"
#include "widgets/LivePlot.h"
#include "widgets/ViewExport.h"

using namespace distilbench;

TrainPage::TrainPage(Workspace* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace) {
    runsFolder_ = QSettings()
                      .value("train/runsFolder",
                             QStandardPaths::writableLocation(QStandardPaths::HomeLocation) +
                                 "/DistilBench/runs")
                      .toString();
    auto* split = new QSplitter(Qt::Horizontal, this);
    auto* outer = new QVBoxLayout(this);
    outer->addWidget(split);

    // Left: data, model, hyperparameters. The hyperparameters are core's run options, the same
    // ones (with the same defaults and ranges) as `distilbench-cli train`.
    auto* formHost = new QWidget;
    auto* form = new QFormLayout(formHost);
    form->addRow(tr("Training data:"),
                 browseRow(formHost, train_, tr("CSV, TSV, JSON Lines, JSON or CoNLL"), false));
    form->addRow(tr("Validation data:"),
                 browseRow(formHost, validation_,
                           tr("optional: a share of the training data otherwise"), false));
    dataOptions_ = new OptionForm(form, trainingOptions(TrainingOption::Group::Data), formHost);
    task_ = new QComboBox(formHost);
    task_->addItem(tr("Classification"), int(Task::Classification));
    task_->addItem(tr("Multi-label"), int(Task::MultiLabel));
    task_->addItem(tr("Token classification (NER)"), int(Task::TokenClassification));
    task_->addItem(tr("Regression"), int(Task::Regression));
    form->addRow(tr("Task:"), task_);
    textColumn_ = new QComboBox(formHost);
    textColumn_->setObjectName("textColumn");
    textColumn_->setPlaceholderText(tr("choose the text column"));
    labelColumn_ = new QComboBox(formHost);
    labelColumn_->setObjectName("labelColumn");
    labelColumn_->setPlaceholderText(tr("choose the label column"));
    form->addRow(tr("Text column:"), textColumn_);
    form->addRow(tr("Label column:"), labelColumn_);
    modelSource_ = new QComboBox(formHost);
    modelSource_->addItem(tr("The open model"), QString());
    for (const auto& p : ModelConfig::presetNames())
        modelSource_->addItem(tr("New %1").arg(QString::fromStdString(p)),
                              QString::fromStdString(p));
    modelSource_->setToolTip(
        tr("Fine-tune the model open on the Models page, or train a new one from scratch"));
    form->addRow(tr("Model:"), modelSource_);
    // Where runs go and what this one is called (empty: the date and time).
    form->addRow(tr("Runs folder:"),
                 browseRow(formHost, runsFolderEdit_, tr("folder of the run history"), true));
    runsFolderEdit_->setText(runsFolder_);
    connect(runsFolderEdit_, &QLineEdit::editingFinished, this, [this] {
        const QString folder = runsFolderEdit_->text().trimmed();
        if (folder.isEmpty() || folder == runsFolder_) return;
        QSettings().setValue("train/runsFolder", folder);
        setRunsFolder(folder);
    });
    runName_ = new QLineEdit(formHost);
    runName_->setObjectName("runName");
    runName_->setPlaceholderText(tr("date and time"));
    runName_->setToolTip(tr("The run's folder name inside the runs folder"));
    form->addRow(tr("Run name:"), runName_);
    for (QComboBox* c : {task_, textColumn_, labelColumn_, modelSource_}) guardWheel(c);
    basic_ = new OptionForm(form, trainingOptions(TrainingOption::Group::Basic), formHost);

    advanced_ = advancedOptionsGroup(formHost, advancedOptions_);
    form->addRow(advanced_);

    auto* buttons = new QHBoxLayout;
    startButton_ = new QPushButton(tr("Start"), formHost);
    startButton_->setShortcut(QKeySequence(QStringLiteral("Ctrl+R")));
    startButton_->setToolTip(tr("Start training (Ctrl+R)"));
    pauseButton_ = new QPushButton(tr("Pause"), formHost);
    cancelButton_ = new QPushButton(tr("Cancel"), formHost);
    cancelButton_->setToolTip(
        tr("Stop after the current step; a checkpoint is saved so the run can be resumed"));
    auto* resume = new QPushButton(tr("Resume Run…"), formHost);
    for (QPushButton* b : {startButton_, pauseButton_, cancelButton_, resume})
        buttons->addWidget(b);
    form->addRow(buttons);
    auto* scroll = new QScrollArea(split);
    scroll->setWidgetResizable(true);
    scroll->setWidget(formHost);
    split->addWidget(scroll);

    // Right: the data (preview and statistics) and the run (progress, plots, history).
    tabs_ = new QTabWidget(split);
    auto* dataTab = new QWidget(tabs_);
    auto* dl = new QVBoxLayout(dataTab);
    stats_ = new QLabel(
        tr("Choose training data to see a preview, the class balance and token lengths."), dataTab);
    stats_->setWordWrap(true);
    preview_ = new QTableWidget(dataTab);
    preview_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    histogram_ = new LengthHistogram(dataTab);
    histogram_->setToolTip(
        tr("Tokens per example; examples right of the red line are cut to max_length"));
    dl->addWidget(stats_);
    dl->addWidget(preview_, 2);
    dl->addWidget(histogram_, 1);
    tabs_->addTab(dataTab, tr("Data"));
    auto* right = new QWidget(tabs_);
    auto* rl = new QVBoxLayout(right);
    runView_ = new RunView(workspace_->runner(), startButton_, pauseButton_, cancelButton_,
                           RunView::Options{.learningRatePlot = true,
                                            .smoothingSlider = true,
                                            .teacherComparison = false,
                                            .exportName = "loss.svg"},
                           right);
    runView_->status()->setText(tr("Pick training data and press Start."));
    history_ = new QTreeWidget(right);
    history_->setHeaderLabels({tr("Run"), tr("Task"), tr("Data"), tr("Model"), tr("Best metric"),
                               tr("Steps"), tr("Duration")});
    history_->setRootIsDecorated(false);
    history_->setToolTip(tr("Runs in %1; check runs to overlay their loss curves; right-click to "
                            "compare, rename or delete")
                             .arg(runsFolder_));
    history_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(history_, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        QTreeWidgetItem* item = history_->itemAt(at);
        QMenu menu(this);
        QStringList checked;
        for (int i = 0; i < history_->topLevelItemCount(); ++i)
            if (history_->topLevelItem(i)->checkState(0) == Qt::Checked)
                checked << history_->topLevelItem(i)->data(0, Qt::UserRole).toString();
        menu.addAction(
            checked.size() >= 2 ? tr("Compare Checked Runs") : tr("Compare All Runs"), this,
            [this, checked] { compareRuns(checked.size() >= 2 ? checked : QStringList{}); });
        if (item) {
            const QString dir = item->data(0, Qt::UserRole).toString();
            menu.addAction(tr("Rename Run…"), this, [this, dir] { renameRun(dir); });
            menu.addAction(tr("Delete Run…"), this, [this, dir] { deleteRun(dir); });
        }
        menu.exec(history_->viewport()->mapToGlobal(at));
    });
    rl->addWidget(runView_, 6);
    rl->addWidget(new QLabel(tr("<b>Run history</b>"), right));
    rl->addWidget(history_, 2);
    tabs_->addTab(right, tr("Training"));
    split->addWidget(tabs_);
    split->setStretchFactor(1, 2);

    connect(train_, &QLineEdit::editingFinished, this, [this] {
        readColumns();
        inspectData();
    });
    connect(task_, &QComboBox::currentIndexChanged, this, &TrainPage::inspectData);
    // Another column: read again, so that preview, statistics and checks show what Start uses.
    connect(textColumn_, &QComboBox::activated, this, &TrainPage::inspectData);
    connect(labelColumn_, &QComboBox::activated, this, &TrainPage::inspectData);
    // Data that cannot be read says why where the preview would be.
    connect(workspace_->runner(), &JobRunner::failed, this, [this](int id, const QString& error) {
        if (id != inspectJob_) return;
        statistics_.reset();
        preview_->clear();
        preview_->setRowCount(0);
        stats_->setText(tr("<b>The data cannot be read:</b> %1").arg(error.toHtmlEscaped()));
    });
    confirmStart_ = [this](const QString& question) {
        return QMessageBox::question(this, tr("Train"), question) == QMessageBox::Yes;
    };
    reportProblem_ = [this](const QString& problem) {
        QMessageBox::warning(this, tr("Run History"), problem);
    };
    askName_ = [this](const QString& current) {
        return QInputDialog::getText(this, tr("Rename Run"), tr("New name:"), QLineEdit::Normal,
                                     current);
    };
    connect(task_, &QComboBox::currentIndexChanged, this, &TrainPage::applyDefaults);
    connect(modelSource_, &QComboBox::currentIndexChanged, this, &TrainPage::applyDefaults);
    connect(maxLengthBox(), &QSpinBox::valueChanged, this, &TrainPage::showStatistics);
    connect(startButton_, &QPushButton::clicked, this, &TrainPage::start);
    connect(runView_->controller(), &RunController::finished, this, &TrainPage::finished);
    connect(resume, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Run folder to resume"), runsFolder_);
        if (!dir.isEmpty()) resumeRun(dir);
    });
    connect(history_, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* item) {
        // Overlay: a checked run's training loss joins the loss plot, and its validation curve of
        // the metric that picks its best model joins the metrics plot, both dashed.
        const QString name = item->text(0);
        if (item->checkState(0) != Qt::Checked) return;
        const QColor color = QColor::fromHsl(static_cast<int>(qHash(name) % 360), 150, 110);
        LivePlot* loss = runView_->lossPlot();
        LivePlot* metrics = runView_->metricPlot();
        const QString path = item->data(0, Qt::UserRole).toString();
        QString metric;
        for (const RunFolder::RunSummary& run : runs_)
            if (QString::fromStdString(run.path) == path)
                metric = QString::fromStdString(run.metricForBest);
        const QString validation = QStringLiteral("%1 · %2").arg(name, metric);
        loss->addSeries(name, color, false, true);
        if (!metric.isEmpty()) metrics->addSeries(validation, color, false, true);
        if (loss->pointCount(name) > 0) return;
        // The run's metrics file is read on the job runner (long runs write thousands of lines).
        auto records = std::make_shared<std::vector<QJsonObject>>();
        workspace_->runner()->start(
            tr("Reading the curves of %1").arg(name),
            [records, dir = path.toStdString()](const JobCallbacks&) {
                *records = RunFolder::readMetricRecords(dir);
            },
            [loss, metrics, records, name, metric, validation] {
                if (loss->pointCount(name) > 0) return;  // checked twice while reading
                for (const QJsonObject& o : *records) {
                    if (o.contains("split")) continue;
                    if (o.contains("loss"))
                        loss->addPoint(name, o["step"].toDouble(), o["loss"].toDouble());
                    if (!metric.isEmpty() && o.contains("eval_" + metric))
                        metrics->addPoint(validation, o["step"].toDouble(),
                                          o["eval_" + metric].toDouble());
                }
            },
            JobRunner::Visibility::Quiet);
    });
    applyDefaults();
    refreshHistory();
}

void TrainPage::setTrainFile(const QString& path) {
    train_->setText(path);
    readColumns();
    inspectData();
}

QString TrainPage::statisticsText() const {
    return stats_->text();
}

int TrainPage::inspectData() {
    const QString path = train_->text();
    if (path.isEmpty()) return -1;
    const Task task = static_cast<Task>(task_->currentData().toInt());
    const ColumnMapping columns{
        textColumn_->currentText().toStdString(), {}, labelColumn_->currentText().toStdString()};
    // Token lengths with the tokenizer training will use: the open model's, else the bundled one.
    std::shared_ptr<Tokenizer> tokenizer =
        modelSource_->currentData().toString().isEmpty() ? workspace_->tokenizer() : nullptr;
    const std::string vocab = bundledVocabPath();
    auto dataset = std::make_shared<Dataset>();
    auto stats = std::make_shared<DatasetStatistics>();
    auto problems = std::make_shared<std::vector<std::string>>();
    const std::string p = path.toStdString();
    const int maxLength = maxLengthBox()->value();
    columnProblems_.clear();
    inspectJob_ = workspace_->runner()->start(
        tr("Reading %1").arg(QFileInfo(path).fileName()),
        [p, task, columns, tokenizer, vocab, maxLength, dataset, stats,
         problems](const JobCallbacks&) {
            *dataset = DatasetReader::read(p, task, columns);
            *problems = checkColumnMapping(*dataset);
            std::shared_ptr<Tokenizer> tok = tokenizer;
            if (!tok && !vocab.empty()) tok = Tokenizer::load(vocab);
            *stats = computeStatistics(*dataset, tok.get(), maxLength);
        },
        [this, dataset, stats, problems] {
            statistics_ = stats;
            columnProblems_.clear();
            for (const auto& problem : *problems)
                columnProblems_ << QString::fromStdString(problem);
            const int rows = static_cast<int>(std::min<std::size_t>(dataset->examples.size(), 200));
            preview_->clear();
            preview_->setColumnCount(2);
            preview_->setHorizontalHeaderLabels({tr("Text"), tr("Label")});
            preview_->setRowCount(rows);
            for (int i = 0; i < rows; ++i) {
                const Example& e = dataset->examples[i];
                QString text = QString::fromStdString(e.text);
                for (const auto& w : e.words)
                    text += (text.isEmpty() ? "" : " ") + QString::fromStdString(w);
                QString label;
                if (dataset->task == Task::Classification && e.label >= 0)
                    label = QString::fromStdString(dataset->labels[e.label]);
                else if (dataset->task == Task::Regression)
                    label = QString::number(e.target);
                else if (dataset->task == Task::MultiLabel) {
                    for (std::size_t c = 0; c < e.labels.size(); ++c)
                        if (e.labels[c])
                            label += (label.isEmpty() ? "" : ";") +
                                     QString::fromStdString(dataset->labels[c]);
                } else {
                    label = tr("%1 tags").arg(e.tags.size());
                }
                preview_->setItem(i, 0, new QTableWidgetItem(text));
                preview_->setItem(i, 1, new QTableWidgetItem(label));
            }
            preview_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
            showStatistics();
            Q_EMIT dataInspected();
        });
    return inspectJob_;
}

void TrainPage::showStatistics() {
    if (!statistics_) return;
    const DatasetStatistics& s = *statistics_;
    const int maxLength = maxLengthBox()->value();
    std::size_t truncated = 0;
    for (auto l : s.lengths) truncated += l > static_cast<std::size_t>(maxLength);
    QStringList balance;
    for (const auto& [label, n] : s.classCounts)
        balance << QStringLiteral("%1 %2%")
                       .arg(QString::fromStdString(label))
                       .arg(100.0 * n / std::max<std::size_t>(1, s.rows), 0, 'f', 1);
    QString text = tr("<b>%1 rows</b> · %2").arg(s.rows).arg(balance.join(QStringLiteral(", ")));
    if (!s.lengths.empty())
        text +=
            tr(" · tokens per row: mean %1, max %2").arg(s.meanLength, 0, 'f', 1).arg(s.maxLength);
    QStringList problems = columnProblems_;
    if (s.emptyRows) problems << tr("%n empty row(s)", nullptr, static_cast<int>(s.emptyRows));
    if (s.duplicateRows)
        problems << tr("%n duplicate row(s)", nullptr, static_cast<int>(s.duplicateRows));
    if (truncated)
        problems << tr("%n row(s) longer than max_length %1", nullptr, static_cast<int>(truncated))
                        .arg(maxLength);
    text += problems.isEmpty()
                ? tr("<br>No problems found.")
                : tr("<br><b>Problems:</b> %1").arg(problems.join(QStringLiteral("; ")));
    stats_->setText(text);
    std::size_t width = 1;
    const auto bins = s.histogram(30, &width);
    histogram_->setCut(maxLength);
    histogram_->setHistogram(bins, static_cast<double>(width));
}

void TrainPage::setRunsFolder(const QString& path) {
    runsFolder_ = path;
    if (runsFolderEdit_) runsFolderEdit_->setText(path);
    refreshHistory();
}

QString TrainPage::runsFolder() const {
    return runsFolder_;
}

void TrainPage::setTask(int index) {
    task_->setCurrentIndex(index);
}

void TrainPage::applyDefaults() {
    const TrainingConfig d =
        TrainingConfig::defaultsFor(static_cast<Task>(task_->currentData().toInt()),
                                    !modelSource_->currentData().toString().isEmpty());
    dataOptions_->load(d);
    basic_->load(d);
    advancedOptions_->load(d);
}

QSpinBox* TrainPage::epochsBox() const {
    return basic_->editorAs<QSpinBox>("epochs");
}
QSpinBox* TrainPage::maxStepsBox() const {
    return basic_->editorAs<QSpinBox>("max-steps");
}
QDoubleSpinBox* TrainPage::learningRateBox() const {
    return basic_->editorAs<QDoubleSpinBox>("lr");
}
QSpinBox* TrainPage::maxLengthBox() const {
    return basic_->editorAs<QSpinBox>("max-length");
}
LivePlot* TrainPage::lossPlot() const {
    return runView_->lossPlot();
}
LivePlot* TrainPage::metricPlot() const {
    return runView_->metricPlot();
}
QLabel* TrainPage::noticeBanner() const {
    return runView_->noticeBanner();
}

void TrainPage::setModelSource(const QString& preset) {
    modelSource_->setCurrentIndex(std::max(0, modelSource_->findData(preset)));
}

void TrainPage::readColumns() {
    textColumn_->clear();
    labelColumn_->clear();
    const QString path = train_->text();
    if (!path.endsWith(".csv") && !path.endsWith(".tsv")) return;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return;
    // Only the header line: the file itself is read by the training job.
    const QByteArray header = f.readLine();
    try {
        const Table t = TableReader::parse(header.toStdString(), path.endsWith(".tsv") ? '\t' : ',',
                                           !path.endsWith(".tsv"), path.toStdString());
        for (const auto& h : t.header) {
            textColumn_->addItem(QString::fromStdString(h));
            labelColumn_->addItem(QString::fromStdString(h));
        }
        // Core's rule, the one the Evaluate page and the CLI follow; a column it does not find
        // stays unchosen (never the first column by position).
        const ColumnMapping detected = detectColumns(t.header);
        textColumn_->setCurrentIndex(textColumn_->findText(QString::fromStdString(detected.text)));
        labelColumn_->setCurrentIndex(
            labelColumn_->findText(QString::fromStdString(detected.label)));
    } catch (const std::exception& e) {
        // The columns stay empty; say why instead of leaving the user to guess.
        stats_->setText(tr("The header of %1 cannot be read: %2")
                            .arg(QFileInfo(path).fileName(), QString::fromUtf8(e.what())));
    }
}

TrainingConfig TrainPage::configFromForm() const {
    TrainingConfig config;
    config.task = static_cast<Task>(task_->currentData().toInt());
    const QString preset = modelSource_->currentData().toString();
    config.preset = preset.toStdString();
    if (preset.isEmpty()) config.model = workspace_->modelPath().toStdString();
    config.trainFile = train_->text().toStdString();
    config.validationFile = validation_->text().toStdString();
    config.columns.text = textColumn_->currentText().toStdString();
    config.columns.label = labelColumn_->currentText().toStdString();
    dataOptions_->store(config);
    basic_->store(config);
    advancedOptions_->store(config);
    return config;
}

int TrainPage::start() {
    if (isRunning()) return -1;
    if (train_->text().isEmpty()) {
        QMessageBox::information(this, tr("Train"), tr("Choose the training data first."));
        return -1;
    }
    const QString preset = modelSource_->currentData().toString();
    if (preset.isEmpty() && (!workspace_->pipeline() || workspace_->modelPath().isEmpty())) {
        QMessageBox::information(
            this, tr("Train"),
            tr("Open a model to fine-tune, or choose a new model from a preset."));
        return -1;
    }
    // Signs of a wrong column mapping (shown since the data was read): the user decides.
    if (!columnProblems_.isEmpty() &&
        !confirmStart_(tr("The data may be mapped wrongly:\n%1\n\nTrain anyway?")
                           .arg(columnProblems_.join(QChar('\n')))))
        return -1;
    const TrainingConfig config = configFromForm();
    // The same checks the engine and the CLI make, before anything starts.
    QStringList problems;
    for (const auto& p : validateTrainingConfig(config)) problems << QString::fromStdString(p);
    if (RunView::refuseStart(this, tr("Train"), problems)) return -1;
    try {
        currentRun_ = QString::fromStdString(RunFolder::runPath(
            runsFolder_.toStdString(), runName_->text().trimmed().toStdString()));
    } catch (const std::exception& e) {
        RunView::refuseStart(this, tr("Train"), {QString::fromUtf8(e.what())});
        return -1;
    }
    return launch(currentRun_, config, false);
}

int TrainPage::resumeRun(const QString& runDirectory) {
    if (isRunning()) return -1;
    currentRun_ = runDirectory;
    return launch(runDirectory, {}, true);
}

int TrainPage::launch(const QString& dir, const TrainingConfig& config, bool resume) {
    runView_->prepare(dir, config, resume);
    const std::string runDir = dir.toStdString();
    const int id = runView_->launch(
        resume ? tr("Resuming training") : tr("Training"),
        [config, runDir, resume](TrainerCallbacks& cb) {
            if (resume)
                Trainer::resume(runDir, cb);
            else
                Trainer::train(config, runDir, cb);
        },
        tr("Preparing data and model…"));
    tabs_->setCurrentIndex(1);
    return id;
}

void TrainPage::togglePause() {
    runView_->controller()->togglePause();
}
void TrainPage::cancel() {
    runView_->controller()->cancel();
}
bool TrainPage::isRunning() const {
    return runView_->controller()->isRunning();
}

void TrainPage::finished(bool cancelled) {
    runView_->showEnd(cancelled, tr("Finished. The best model is in %1/best.").arg(currentRun_),
                      currentRun_);
    refreshHistory();
    Q_EMIT runFinished(currentRun_, cancelled);
}

void TrainPage::refreshHistory() {
    // Run folders are read on the job runner: a runs folder with hundreds of runs and long
    // metrics files must not freeze the page. A newer refresh supersedes one still reading.
    const int generation = ++historyGeneration_;
    auto runs = std::make_shared<std::vector<RunFolder::RunSummary>>();
    const std::string root = runsFolder_.toStdString();
    workspace_->runner()->start(
        tr("Reading the run history"),
        [runs, root](const JobCallbacks&) {
            // One reader of run folders (core's RunFolder), shared with `distilbench-cli runs`.
            *runs = RunFolder::listRuns(root);
        },
        [this, runs, generation] {
            if (generation != historyGeneration_) return;
            showHistory(std::move(*runs));
        },
        JobRunner::Visibility::Quiet);
}

void TrainPage::showHistory(std::vector<RunFolder::RunSummary> runs) {
    runs_ = std::move(runs);
    QSignalBlocker block(history_);
    history_->clear();
    for (const RunFolder::RunSummary& run : runs_) {
        auto* item = new QTreeWidgetItem(history_);
        item->setText(0, QString::fromStdString(run.name));
        item->setText(1, QString::fromStdString(run.task));
        item->setText(2, QFileInfo(QString::fromStdString(run.trainFile)).fileName());
        item->setText(3, QString::fromStdString(run.model));
        // The best value of the metric that picks the run's best model.
        item->setText(4, run.bestValue ? QStringLiteral("%1 %2")
                                             .arg(QString::fromStdString(run.metricForBest))
                                             .arg(*run.bestValue, 0, 'f', 4)
                                       : QString());
        item->setText(5, QString::number(run.steps));
        item->setText(6, run.finished ? QString::fromStdString(formatDuration(run.seconds))
                                      : tr("not finished"));
        item->setData(0, Qt::UserRole, QString::fromStdString(run.path));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(0, Qt::Unchecked);
    }
    // Names, files and best values are read in full (they were cut at 100 px).
    for (int c = 0; c < history_->columnCount(); ++c) history_->resizeColumnToContents(c);
    Q_EMIT historyRefreshed();
}

bool TrainPage::deleteRun(const QString& dir) {
    if (isRunning() && dir == currentRun_) return false;
    if (!confirmStart_(tr("Delete the run %1 with its checkpoints and best model?").arg(dir)))
        return false;
    try {
        RunFolder::deleteRun(dir.toStdString());
    } catch (const std::exception& e) {
        reportProblem_(QString::fromUtf8(e.what()));
        return false;
    }
    refreshHistory();
    return true;
}

bool TrainPage::renameRun(const QString& dir) {
    if (isRunning() && dir == currentRun_) return false;
    const QString name = askName_(QFileInfo(dir).fileName()).trimmed();
    if (name.isEmpty() || name == QFileInfo(dir).fileName()) return false;
    try {
        RunFolder::renameRun(dir.toStdString(), name.toStdString());
    } catch (const std::exception& e) {
        reportProblem_(QString::fromUtf8(e.what()));
        return false;
    }
    refreshHistory();
    return true;
}

QTableWidget* TrainPage::compareRuns(const QStringList& dirs) {
    // The runs as the history last read them (no file is read on the GUI thread).
    std::vector<RunFolder::RunSummary> runs;
    for (const RunFolder::RunSummary& run : runs_)
        if (dirs.isEmpty() || dirs.contains(QString::fromStdString(run.path))) runs.push_back(run);
    // The hyperparameters of config.json shown side by side, then the results.
    const QStringList keys{"learning_rate", "batch_size",   "epochs",    "max_steps", "max_length",
                           "warmup_ratio",  "weight_decay", "scheduler", "seed"};
    QStringList headers{tr("Run"), tr("Task"), tr("Model")};
    headers << keys << tr("Best metric") << tr("Best value") << tr("Steps") << tr("Duration (s)")
            << tr("Examples/s");
    auto* dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Compare Runs"));
    auto* table = new QTableWidget(static_cast<int>(runs.size()), headers.size(), dialog);
    table->setObjectName("runComparison");
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto number = [](double v) {
        auto* item = new QTableWidgetItem;
        item->setData(Qt::DisplayRole, v);  // sorts as a number
        return item;
    };
    for (int r = 0; r < static_cast<int>(runs.size()); ++r) {
        const auto& run = runs[r];
        int c = 0;
        table->setItem(r, c++, new QTableWidgetItem(QString::fromStdString(run.name)));
        table->setItem(r, c++, new QTableWidgetItem(QString::fromStdString(run.task)));
        table->setItem(r, c++, new QTableWidgetItem(QString::fromStdString(run.model)));
        for (const QString& k : keys) {
            const QJsonValue v = run.config.value(k);
            table->setItem(r, c++,
                           v.isDouble() ? number(v.toDouble())
                                        : new QTableWidgetItem(v.toVariant().toString()));
        }
        table->setItem(r, c++, new QTableWidgetItem(QString::fromStdString(run.metricForBest)));
        table->setItem(r, c++, run.bestValue ? number(*run.bestValue) : new QTableWidgetItem);
        table->setItem(r, c++, number(run.steps));
        table->setItem(r, c++,
                       run.finished ? number(std::round(run.seconds * 10) / 10)
                                    : new QTableWidgetItem(tr("not finished")));
        table->setItem(r, c++,
                       run.finished ? number(std::round(run.examplesPerSecond * 10) / 10)
                                    : new QTableWidgetItem);
    }
    table->setSortingEnabled(true);
    table->resizeColumnsToContents();
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(table);
    // Wide enough for every column where the screen allows (it used to open at 900 px with most
    // hyperparameters behind a scroll bar).
    int needed = table->verticalHeader()->width() + 2 * table->frameWidth() + 40;
    for (int c = 0; c < table->columnCount(); ++c) needed += table->columnWidth(c);
    const QRect screen =
        this->screen() ? this->screen()->availableGeometry() : QRect(0, 0, 1280, 800);
    dialog->resize(
        std::clamp(needed, 600, screen.width() * 9 / 10),
        std::clamp(table->horizontalHeader()->height() +
                       table->rowCount() * table->verticalHeader()->defaultSectionSize() + 120,
                   240, screen.height() * 2 / 3));
    dialog->show();
    return table;
}
