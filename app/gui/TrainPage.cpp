#include "app/gui/TrainPage.h"

#include "core/runtime/Environment.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <QTabWidget>
#include <QTableWidget>
#include "app/common/JobRunner.h"
#include "app/gui/RunController.h"
#include "app/gui/Workspace.h"
#include "core/data/Dataset.h"
#include "core/data/TableReader.h"
#include "core/inference/Pipeline.h"
#include "core/models/ModelConfig.h"
#include "core/runtime/Resources.h"
#include "core/tokenizers/Tokenizer.h"
#include "core/training/Trainer.h"
#include "core/util/HumanUnits.h"
#include "widgets/LengthHistogram.h"
#include "widgets/LivePlot.h"
#include "widgets/ViewExport.h"

using namespace distilbench;

namespace {
QDoubleSpinBox* doubleBox(QWidget* parent, double min, double max, double value, int decimals,
                          const QString& tip) {
    auto* b = new QDoubleSpinBox(parent);
    b->setRange(min, max);
    b->setDecimals(decimals);
    b->setValue(value);
    b->setToolTip(tip);
    return b;
}
QSpinBox* intBox(QWidget* parent, int min, int max, int value, const QString& tip) {
    auto* b = new QSpinBox(parent);
    b->setRange(min, max);
    b->setValue(value);
    b->setToolTip(tip);
    return b;
}
QJsonObject readJson(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object()
                                       : QJsonObject();
}
}  // namespace

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

    // Left: data, model, hyperparameters.
    auto* formHost = new QWidget;
    auto* form = new QFormLayout(formHost);
    auto fileRow = [&](QLineEdit*& edit, const QString& placeholder) {
        edit = new QLineEdit(formHost);
        edit->setPlaceholderText(placeholder);
        auto* browse = new QPushButton(tr("Browse…"), formHost);
        auto* row = new QHBoxLayout;
        row->addWidget(edit, 1);
        row->addWidget(browse);
        connect(browse, &QPushButton::clicked, this, [this, edit] {
            const QString f = QFileDialog::getOpenFileName(
                this, tr("Dataset"), {},
                tr("Data (*.csv *.tsv *.jsonl *.json *.txt);;All files (*)"));
            if (!f.isEmpty()) edit->setText(f);
        });
        return row;
    };
    form->addRow(tr("Training data:"), fileRow(train_, tr("CSV, TSV, JSON Lines, JSON or CoNLL")));
    form->addRow(tr("Validation data:"),
                 fileRow(validation_, tr("optional: a share of the training data otherwise")));
    validationSplit_ = doubleBox(formHost, 0.0, 0.5, 0.1, 2,
                                 tr("Share of the training data held out for validation when no "
                                    "validation file is given (stratified by label, seeded)"));
    form->addRow(tr("Validation split:"), validationSplit_);
    task_ = new QComboBox(formHost);
    task_->addItem(tr("Classification"), int(Task::Classification));
    task_->addItem(tr("Multi-label"), int(Task::MultiLabel));
    task_->addItem(tr("Token classification (NER)"), int(Task::TokenClassification));
    task_->addItem(tr("Regression"), int(Task::Regression));
    form->addRow(tr("Task:"), task_);
    textColumn_ = new QComboBox(formHost);
    labelColumn_ = new QComboBox(formHost);
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
    epochs_ = intBox(formHost, 0, 1000, 3, tr("Passes over the training data"));
    maxSteps_ = intBox(formHost, 0, 10000000, 0,
                       tr("Stop after this many optimizer steps (0: use epochs)"));
    lr_ =
        doubleBox(formHost, 1e-7, 1.0, 5e-5, 7,
                  tr("Peak learning rate: how big each update is. 2e-5 to 5e-5 suits fine-tuning; "
                     "small models from scratch like 5e-4"));
    batch_ = intBox(formHost, 1, 4096, 16, tr("Examples per update"));
    maxLength_ =
        intBox(formHost, 4, 4096, 128, tr("Longer inputs are truncated to this many tokens"));
    form->addRow(tr("Epochs:"), epochs_);
    form->addRow(tr("Max steps:"), maxSteps_);
    form->addRow(tr("Learning rate:"), lr_);
    form->addRow(tr("Batch size:"), batch_);
    form->addRow(tr("Max length:"), maxLength_);

    advanced_ = new QGroupBox(tr("Advanced"), formHost);
    advanced_->setCheckable(true);
    advanced_->setChecked(false);
    auto* adv = new QFormLayout(advanced_);
    warmup_ = doubleBox(
        advanced_, 0, 1, 0.0, 3,
        tr("Warm-up: the share of steps during which the learning rate rises from 0 to its "
           "peak; it keeps early updates from wrecking a pretrained model"));
    weightDecay_ =
        doubleBox(advanced_, 0, 1, 0.0, 4,
                  tr("AdamW weight decay: pulls weights towards zero (not biases or LayerNorm)"));
    clip_ = doubleBox(advanced_, 0, 100, 1.0, 2,
                      tr("Gradient clipping: the largest gradient norm allowed (0 = off)"));
    accumulation_ = intBox(
        advanced_, 1, 1024, 1,
        tr("Gradient accumulation: batches summed before each update (a larger effective batch)"));
    seed_ = intBox(advanced_, 0, 1 << 30, 42, tr("Same seed and threads give the same run"));
    evalSteps_ = intBox(advanced_, 0, 1000000, 0,
                        tr("Evaluate every N steps (0: at the end of each epoch)"));
    earlyMetric_ = new QComboBox(advanced_);
    for (const char* m : {"", "accuracy", "macro_f1", "f1", "micro_f1", "loss", "mse"})
        earlyMetric_->addItem(m);
    earlyMetric_->setToolTip(
        tr("Early stopping: stop when this validation metric stops improving"));
    patience_ = intBox(advanced_, 0, 1000, 0,
                       tr("Evaluations without improvement before stopping (0 = off)"));
    balanced_ = new QCheckBox(tr("Balance classes"), advanced_);
    balanced_->setToolTip(
        tr("Class weights from label frequencies, so rare classes count as much as common ones"));
    freezeEmbeddings_ = new QCheckBox(tr("Freeze embeddings"), advanced_);
    freezeLayers_ = intBox(advanced_, 0, 48, 0, tr("Keep the first K layers fixed"));
    bf16_ = new QCheckBox(tr("bf16 autocast"), advanced_);
    bf16_->setToolTip(
        tr("Compute the forward pass in bfloat16: faster on CPUs with AVX512-BF16/AMX"));
    adv->addRow(tr("Warm-up ratio:"), warmup_);
    adv->addRow(tr("Weight decay:"), weightDecay_);
    adv->addRow(tr("Gradient clipping:"), clip_);
    adv->addRow(tr("Accumulation:"), accumulation_);
    adv->addRow(tr("Seed:"), seed_);
    adv->addRow(tr("Evaluate every:"), evalSteps_);
    adv->addRow(tr("Early stopping on:"), earlyMetric_);
    adv->addRow(tr("Patience:"), patience_);
    adv->addRow(balanced_);
    adv->addRow(freezeEmbeddings_);
    adv->addRow(tr("Freeze layers:"), freezeLayers_);
    // Offered only where the CPU computes bf16 natively; emulated bf16 takes minutes a step.
    if (!distilbench::Runtime::bf16Usable()) {
        bf16_->setEnabled(false);
        bf16_->setToolTip(
            tr("Unavailable: this CPU has no native bf16 (AVX512-BF16 or AMX); "
               "emulated bf16 would take minutes per step."));
    }
    adv->addRow(bf16_);
    for (QWidget* w : advanced_->findChildren<QWidget*>()) w->setVisible(false);
    connect(advanced_, &QGroupBox::toggled, this, [this](bool on) {
        for (QWidget* w : advanced_->findChildren<QWidget*>()) w->setVisible(on);
    });
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
    pauseButton_->setEnabled(false);
    cancelButton_->setEnabled(false);
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
    progress_ = new QProgressBar(right);
    progress_->setRange(0, 1000);
    status_ = new QLabel(tr("Pick training data and press Start."), right);
    auto* smoothRow = new QHBoxLayout;
    smoothing_ = new QSlider(Qt::Horizontal, right);
    smoothing_->setRange(0, 99);
    smoothing_->setValue(60);
    smoothing_->setToolTip(tr("Smoothing of the loss curve (exponential moving average)"));
    auto* exportPlots = new QPushButton(tr("Export Plots…"), right);
    smoothRow->addWidget(new QLabel(tr("Smoothing"), right));
    smoothRow->addWidget(smoothing_, 1);
    smoothRow->addWidget(exportPlots);
    loss_ = new LivePlot(tr("Loss"), right);
    loss_->addSeries(tr("training loss"), QColor("#1f77b4"), true);
    loss_->addSeries(tr("validation loss"), QColor("#d62728"));
    loss_->setAxisLabels(tr("step"), tr("loss"));
    metrics_ = new LivePlot(tr("Validation metrics"), right);
    metrics_->setAxisLabels(tr("step"), tr("value"));
    lr_plot_ = new LivePlot(tr("Learning rate"), right);
    lr_plot_->addSeries(tr("learning rate"), QColor("#2ca02c"));
    history_ = new QTreeWidget(right);
    history_->setHeaderLabels(
        {tr("Run"), tr("Task"), tr("Data"), tr("Best metric"), tr("Steps"), tr("Duration")});
    history_->setRootIsDecorated(false);
    history_->setToolTip(
        tr("Runs in %1; check runs to overlay their loss curves").arg(runsFolder_));
    rl->addWidget(progress_);
    rl->addWidget(status_);
    notice_ = makeNoticeBanner(status_->parentWidget());
    rl->addWidget(notice_);
    rl->addLayout(smoothRow);
    rl->addWidget(loss_, 3);
    rl->addWidget(metrics_, 2);
    rl->addWidget(lr_plot_, 1);
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
    connect(task_, &QComboBox::currentIndexChanged, this, &TrainPage::applyDefaults);
    connect(modelSource_, &QComboBox::currentIndexChanged, this, &TrainPage::applyDefaults);
    connect(maxLength_, &QSpinBox::valueChanged, this, &TrainPage::showStatistics);
    run_ = new RunController(workspace_->runner(), startButton_, pauseButton_, cancelButton_,
                             progress_, status_, this);
    connect(startButton_, &QPushButton::clicked, this, &TrainPage::start);
    connect(run_, &RunController::finished, this, &TrainPage::finished);
    connect(resume, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Run folder to resume"), runsFolder_);
        if (!dir.isEmpty()) resumeRun(dir);
    });
    connect(smoothing_, &QSlider::valueChanged, this,
            [this](int v) { loss_->setSmoothing(v / 100.0); });
    connect(exportPlots, &QPushButton::clicked, this, [this] {
        const QString path = ViewExport::saveWithDialog(loss_, "loss.svg");
        if (!path.isEmpty())
            loss_->exportCsv(QFileInfo(path).path() + "/" + QFileInfo(path).completeBaseName() +
                             ".csv");
    });
    connect(history_, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* item) {
        // Overlay: a checked run's training loss joins the plot as a dashed curve.
        const QString name = item->text(0);
        if (item->checkState(0) != Qt::Checked) return;
        loss_->addSeries(name, QColor::fromHsl(static_cast<int>(qHash(name) % 360), 150, 110),
                         false, true);
        if (loss_->pointCount(name) > 0) return;
        QFile f(item->data(0, Qt::UserRole).toString() + "/metrics.jsonl");
        if (!f.open(QIODevice::ReadOnly)) return;
        while (!f.atEnd()) {
            const QJsonObject o = QJsonDocument::fromJson(f.readLine()).object();
            if (o.contains("loss"))
                loss_->addPoint(name, o["step"].toDouble(), o["loss"].toDouble());
        }
    });
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
    const std::string p = path.toStdString();
    const int maxLength = maxLength_->value();
    return workspace_->runner()->start(
        tr("Reading %1").arg(QFileInfo(path).fileName()),
        [p, task, columns, tokenizer, vocab, maxLength, dataset, stats](const JobCallbacks&) {
            *dataset = DatasetReader::read(p, task, columns);
            std::shared_ptr<Tokenizer> tok = tokenizer;
            if (!tok && !vocab.empty()) tok = Tokenizer::load(vocab);
            *stats = computeStatistics(*dataset, tok.get(), maxLength);
        },
        [this, dataset, stats] {
            statistics_ = stats;
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
            emit dataInspected();
        });
}

void TrainPage::showStatistics() {
    if (!statistics_) return;
    const DatasetStatistics& s = *statistics_;
    const int maxLength = maxLength_->value();
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
    QStringList problems;
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
    epochs_->setValue(d.epochs);
    lr_->setValue(d.learningRate);
    batch_->setValue(d.batchSize);
    maxLength_->setValue(d.maxLength);
    warmup_->setValue(d.warmupRatio);
    weightDecay_->setValue(d.weightDecay);
    clip_->setValue(d.maxGradNorm);
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
        for (const char* guess : {"sentence", "text"})
            if (textColumn_->findText(guess) >= 0) textColumn_->setCurrentText(guess);
        for (const char* guess : {"label", "labels"})
            if (labelColumn_->findText(guess) >= 0) labelColumn_->setCurrentText(guess);
    } catch (const std::exception&) {
    }
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
    currentRun_ = RunController::createRunDirectory(runsFolder_);
    return launch(currentRun_, false);
}

int TrainPage::resumeRun(const QString& runDirectory) {
    if (isRunning()) return -1;
    currentRun_ = runDirectory;
    return launch(runDirectory, true);
}

int TrainPage::launch(const QString& dir, bool resume) {
    loss_->clear();
    metrics_->clear();
    lr_plot_->clear();
    TrainingConfig config;
    if (!resume) {
        config.task = static_cast<Task>(task_->currentData().toInt());
        const QString preset = modelSource_->currentData().toString();
        config.preset = preset.toStdString();
        if (preset.isEmpty()) config.model = workspace_->modelPath().toStdString();
        config.trainFile = train_->text().toStdString();
        config.validationFile = validation_->text().toStdString();
        config.validationSplit = validationSplit_->value();
        config.columns.text = textColumn_->currentText().toStdString();
        config.columns.label = labelColumn_->currentText().toStdString();
        config.epochs = epochs_->value();
        config.maxSteps = maxSteps_->value();
        config.learningRate = lr_->value();
        config.batchSize = batch_->value();
        config.maxLength = maxLength_->value();
        config.warmupRatio = warmup_->value();
        config.weightDecay = weightDecay_->value();
        config.maxGradNorm = clip_->value();
        config.gradientAccumulation = accumulation_->value();
        config.seed = static_cast<std::uint64_t>(seed_->value());
        config.evalSteps = evalSteps_->value();
        config.earlyStoppingMetric = earlyMetric_->currentText().toStdString();
        config.earlyStoppingPatience = patience_->value();
        config.classWeights = balanced_->isChecked() ? "balanced" : "";
        config.freezeEmbeddings = freezeEmbeddings_->isChecked();
        config.freezeLayers = freezeLayers_->value();
        config.bf16 = bf16_->isChecked();
    }
    QPointer<TrainPage> self(this);
    clearNoticeBanner(notice_);
    TrainerCallbacks cb;
    // Records cross to the GUI thread as queued calls; the plots only buffer them, and their
    // 40 ms timers redraw, so hundreds of steps per second cost one replot per frame.
    cb.onNotice = noticeSink(notice_);
    cb.onLog = [self](const TrainingLogRecord& r) {
        QMetaObject::invokeMethod(
            self,
            [self, r] {
                if (!self) return;
                self->loss_->addPoint(tr("training loss"), r.step, r.loss);
                self->lr_plot_->addPoint(tr("learning rate"), r.step, r.learningRate);
                self->status_->setText(tr("step %1 · epoch %2 · loss %3 · %4 examples/s")
                                           .arg(r.step)
                                           .arg(r.epoch, 0, 'f', 2)
                                           .arg(r.loss, 0, 'f', 4)
                                           .arg(r.examplesPerSecond, 0, 'f', 1));
            },
            Qt::QueuedConnection);
    };
    cb.onEvaluation = [self](const EvaluationRecord& r) {
        QMetaObject::invokeMethod(
            self,
            [self, r] {
                if (!self) return;
                self->loss_->addPoint(tr("validation loss"), r.step, r.loss);
                int i = 0;
                for (const auto& [name, value] : r.metrics) {
                    const QString n = QString::fromStdString(name);
                    static const QStringList headline{"accuracy", "macro_f1", "f1",     "micro_f1",
                                                      "roc_auc",  "mse",      "pearson"};
                    if (!headline.contains(n)) continue;
                    self->metrics_->addSeries(n, QColor::fromHsl((i++ * 47) % 360, 160, 100));
                    self->metrics_->addPoint(n, r.step, value);
                }
            },
            Qt::QueuedConnection);
    };
    const std::string runDir = dir.toStdString();
    const int id = run_->launch(
        resume ? tr("Resuming training") : tr("Training"),
        [config, runDir, resume, cb](const JobCallbacks& job,
                                     std::shared_ptr<std::atomic<bool>> paused) mutable {
            cb.job = job;
            cb.isPaused = [paused] { return paused->load(); };
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
    run_->togglePause();
}
void TrainPage::cancel() {
    run_->cancel();
}
bool TrainPage::isRunning() const {
    return run_->isRunning();
}

void TrainPage::finished(bool cancelled) {
    if (!cancelled)
        status_->setText(tr("Finished. The best model is in %1/best.").arg(currentRun_));
    else if (!run_->failed())
        status_->setText(tr("Stopped. The run can be resumed from %1.").arg(currentRun_));
    refreshHistory();
    emit runFinished(currentRun_, cancelled);
}

void TrainPage::refreshHistory() {
    QSignalBlocker block(history_);
    history_->clear();
    const QDir root(runsFolder_);
    for (const QString& name :
         root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::Reversed)) {
        const QString dir = root.filePath(name);
        const QJsonObject config = readJson(dir + "/config.json");
        if (config.isEmpty()) continue;
        int steps = 0;
        QString best;
        QFile f(dir + "/metrics.jsonl");
        if (f.open(QIODevice::ReadOnly)) {
            while (!f.atEnd()) {
                const QJsonObject o = QJsonDocument::fromJson(f.readLine()).object();
                steps = std::max(steps, o["step"].toInt());
                for (const char* k : {"eval_accuracy", "eval_f1", "eval_micro_f1", "eval_mse"})
                    if (o.contains(k))
                        best =
                            QString("%1 %2").arg(QString(k).mid(5)).arg(o[k].toDouble(), 0, 'f', 4);
            }
        }
        auto* item = new QTreeWidgetItem(history_);
        item->setText(0, name);
        item->setText(1, config["task"].toString());
        item->setText(2, QFileInfo(config["train_file"].toString()).fileName());
        item->setText(3, best);
        item->setText(4, QString::number(steps));
        const QJsonObject summary = readJson(dir + "/run_summary.json");
        item->setText(5, summary.contains("seconds")
                             ? QString::fromStdString(formatDuration(summary["seconds"].toDouble()))
                             : tr("not finished"));
        item->setData(0, Qt::UserRole, dir);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(0, Qt::Unchecked);
    }
}
