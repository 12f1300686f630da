#include "app/gui/RunView.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>

#include "app/gui/RunController.h"
#include "core/training/RunFolder.h"
#include "core/training/TrainingOptions.h"
#include "widgets/LivePlot.h"
#include "widgets/ViewExport.h"

using namespace distilbench;

namespace {

const QStringList kPartColors{"#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf"};
// The metrics the Train page's validation plot draws, when the task reports them.
const QStringList kHeadlineMetrics{"accuracy", "macro_f1", "f1",      "micro_f1",
                                   "roc_auc",  "mse",      "pearson", "perplexity"};

QString partLabel(const std::string& part) {
    const char* label = distillationLossPartLabel(part);
    return label ? QCoreApplication::translate("TrainingOptions", label)
                 : QString::fromStdString(part);
}

}  // namespace

RunView::RunView(JobRunner* runner, QPushButton* start, QPushButton* pause, QPushButton* cancel,
                 const Options& options, QWidget* parent)
    : QWidget(parent), options_(options) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 1000);
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    notice_ = makeNoticeBanner(this);
    layout->addWidget(progress_);
    layout->addWidget(status_);
    layout->addWidget(notice_);
    auto* tools = new QHBoxLayout;
    if (options_.smoothingSlider) {
        smoothing_ = new QSlider(Qt::Horizontal, this);
        smoothing_->setRange(0, 99);
        smoothing_->setValue(60);
        smoothing_->setToolTip(tr("Smoothing of the loss curve (exponential moving average)"));
        tools->addWidget(new QLabel(tr("Smoothing"), this));
        tools->addWidget(smoothing_, 1);
    } else {
        tools->addStretch();
    }
    xAxisBox_ = new QComboBox(this);
    xAxisBox_->setObjectName("xAxis");
    xAxisBox_->addItem(tr("by step"), int(XAxis::Step));
    xAxisBox_->addItem(tr("by epoch"), int(XAxis::Epoch));
    xAxisBox_->addItem(tr("by time"), int(XAxis::Time));
    xAxisBox_->setToolTip(tr("What the x axis of the plots counts"));
    tools->addWidget(xAxisBox_);
    connect(xAxisBox_, &QComboBox::currentIndexChanged, this,
            [this] { setXAxis(static_cast<XAxis>(xAxisBox_->currentData().toInt())); });
    auto* exportPlots = new QPushButton(tr("Export Plots…"), this);
    exportPlots->setToolTip(tr("Save the loss plot as PNG, SVG or PDF, with its data as CSV"));
    tools->addWidget(exportPlots);
    layout->addLayout(tools);
    loss_ = new LivePlot(options_.teacherComparison ? tr("Loss components") : tr("Loss"), this);
    loss_->setAxisLabels(tr("step"), tr("loss"));
    metrics_ = new LivePlot(options_.teacherComparison ? tr("Validation: student vs teacher")
                                                       : tr("Validation metrics"),
                            this);
    metrics_->setAxisLabels(tr("step"), tr("value"));
    layout->addWidget(loss_, 3);
    layout->addWidget(metrics_, 2);
    if (options_.learningRatePlot) {
        learningRate_ = new LivePlot(tr("Learning rate"), this);
        learningRate_->setAxisLabels(tr("step"), tr("learning rate"));
        layout->addWidget(learningRate_, 1);
    }
    controller_ = new RunController(runner, start, pause, cancel, progress_, status_, this);
    if (smoothing_)
        connect(smoothing_, &QSlider::valueChanged, this,
                [this](int v) { loss_->setSmoothing(v / 100.0); });
    connect(exportPlots, &QPushButton::clicked, this, [this] {
        const QString path = ViewExport::saveWithDialog(loss_, options_.exportName);
        if (path.isEmpty()) return;
        // The curves' data beside the picture.
        const QString csv =
            QFileInfo(path).path() + "/" + QFileInfo(path).completeBaseName() + ".csv";
        if (loss_->exportCsv(csv))
            ViewExport::announceSaved(loss_, {path, csv});
        else
            QMessageBox::warning(loss_, tr("Export"), tr("Cannot write %1").arg(csv));
    });
    reset({});
}

void RunView::reset(const QString& mainMetric) {
    mainMetric_ = mainMetric;
    hasTeacher_ = false;
    logs_.clear();
    evaluations_.clear();
    clearPlots();
    clearNoticeBanner(notice_);
}

void RunView::clearPlots() {
    colorIndex_ = 0;
    loss_->clear();
    metrics_->clear();
    if (learningRate_) learningRate_->clear();
    loss_->addSeries(options_.teacherComparison ? tr("total") : tr("training loss"),
                     QColor("#1f77b4"), true);
    if (!options_.teacherComparison) loss_->addSeries(tr("validation loss"), QColor("#d62728"));
    if (learningRate_) learningRate_->addSeries(tr("learning rate"), QColor("#2ca02c"));
    const QString x = xAxis_ == XAxis::Epoch  ? tr("epoch")
                      : xAxis_ == XAxis::Time ? tr("seconds")
                                              : tr("step");
    loss_->setAxisLabels(x, tr("loss"));
    metrics_->setAxisLabels(x, tr("value"));
    if (learningRate_) learningRate_->setAxisLabels(x, tr("learning rate"));
}

void RunView::setXAxis(XAxis axis) {
    xAxis_ = axis;
    if (xAxisBox_ && xAxisBox_->currentData().toInt() != int(axis))
        xAxisBox_->setCurrentIndex(xAxisBox_->findData(int(axis)));
    clearPlots();
    hasTeacher_ = false;
    for (const auto& e : evaluations_)
        if (e.teacher) plotEvaluation(e);
    // Logs and evaluations in step order, as they arrived.
    std::size_t l = 0, e = 0;
    while (l < logs_.size() || e < evaluations_.size()) {
        if (e < evaluations_.size() && evaluations_[e].teacher) {
            ++e;
            continue;
        }
        if (e >= evaluations_.size() || (l < logs_.size() && logs_[l].step <= evaluations_[e].step))
            plotLog(logs_[l++]);
        else
            plotEvaluation(evaluations_[e++]);
    }
}

double RunView::xOf(int step, double epoch, double seconds) const {
    switch (xAxis_) {
        case XAxis::Epoch:
            return epoch;
        case XAxis::Time:
            return seconds;
        case XAxis::Step:
            break;
    }
    return step;
}

void RunView::addLog(const TrainingLogRecord& r) {
    logs_.push_back(r);
    plotLog(r);
    status_->setText(tr("step %1 · epoch %2 · loss %3 · %4 examples/s")
                         .arg(r.step)
                         .arg(r.epoch, 0, 'f', 2)
                         .arg(r.loss, 0, 'f', 4)
                         .arg(r.examplesPerSecond, 0, 'f', 1));
}

void RunView::plotLog(const TrainingLogRecord& r) {
    const double x = xOf(r.step, r.epoch, r.seconds);
    loss_->addPoint(options_.teacherComparison ? tr("total") : tr("training loss"), x, r.loss);
    for (const auto& [name, value] : r.parts) {
        const QString n = partLabel(name);
        loss_->addSeries(n, QColor(kPartColors[colorIndex_++ % kPartColors.size()]));
        loss_->addPoint(n, x, value);
    }
    if (learningRate_) learningRate_->addPoint(tr("learning rate"), x, r.learningRate);
}

void RunView::addEvaluation(const EvaluationRecord& r) {
    evaluations_.push_back(r);
    plotEvaluation(r);
}

void RunView::plotEvaluation(const EvaluationRecord& r) {
    const double x = xOf(r.step, r.epoch, r.seconds);
    if (options_.teacherComparison) {
        const auto it = r.metrics.find(mainMetric_.toStdString());
        if (it == r.metrics.end()) return;
        const QString teacherName = tr("teacher %1").arg(mainMetric_),
                      studentName = tr("student %1").arg(mainMetric_);
        if (r.teacher) {
            // The teacher's score is a reference line: one point now, extended at every
            // evaluation.
            metrics_->addSeries(teacherName, QColor("#1f77b4"), false, true);
            metrics_->addPoint(teacherName, 0, it->second);
            teacherValue_ = it->second;
            hasTeacher_ = true;
            return;
        }
        metrics_->addSeries(studentName, QColor("#ff7f0e"));
        metrics_->addPoint(studentName, x, it->second);
        if (hasTeacher_) metrics_->addPoint(teacherName, x, teacherValue_);
        return;
    }
    loss_->addPoint(tr("validation loss"), x, r.loss);
    int i = 0;
    for (const QString& name : kHeadlineMetrics) {
        const auto it = r.metrics.find(name.toStdString());
        if (it == r.metrics.end()) continue;
        metrics_->addSeries(name, QColor::fromHsl((i++ * 47) % 360, 160, 100));
        metrics_->addPoint(name, x, it->second);
    }
}

void RunView::replay(const QString& runDirectory) {
    for (const QJsonObject& o : RunFolder::readMetricRecords(runDirectory.toStdString())) {
        const QString split = o["split"].toString();
        if (split == "test") continue;
        if (split == "teacher") {
            EvaluationRecord r;
            r.teacher = true;
            for (auto it = o.begin(); it != o.end(); ++it)
                if (it.key().startsWith("teacher_eval_"))
                    r.metrics[it.key().mid(13).toStdString()] = it.value().toDouble();
            addEvaluation(r);
        } else if (o.contains("eval_loss")) {
            EvaluationRecord r;
            r.step = o["step"].toInt();
            r.epoch = o["epoch"].toDouble();
            r.loss = o["eval_loss"].toDouble();
            r.seconds = o["elapsed_seconds"].toDouble();
            for (auto it = o.begin(); it != o.end(); ++it)
                if (it.key().startsWith("eval_"))
                    r.metrics[it.key().mid(5).toStdString()] = it.value().toDouble();
            addEvaluation(r);
        } else if (o.contains("loss")) {
            TrainingLogRecord r;
            r.step = o["step"].toInt();
            r.epoch = o["epoch"].toDouble();
            r.loss = o["loss"].toDouble();
            r.learningRate = o["learning_rate"].toDouble();
            r.examplesPerSecond = o["examples_per_second"].toDouble();
            r.seconds = o["elapsed_seconds"].toDouble();
            for (auto it = o.begin(); it != o.end(); ++it)
                if (it.key().startsWith("loss_"))
                    r.parts[it.key().toStdString()] = it.value().toDouble();
            addLog(r);
        }
    }
}

void RunView::prepare(const QString& dir, const TrainingConfig& config, bool resume) {
    QString metric = QString::fromStdString(config.mainMetric());
    if (resume) {
        try {
            metric = QString::fromStdString(RunFolder::readRun(dir.toStdString()).metricForBest);
        } catch (const std::exception&) {
            // Not a run folder: resuming says so on the status line.
        }
    }
    reset(metric);
    if (resume) replay(dir);
}

bool RunView::refuseStart(QWidget* parent, const QString& title, const QStringList& problems) {
    if (problems.isEmpty()) return false;
    QMessageBox::warning(parent, title,
                         tr("The run cannot start:\n%1").arg(problems.join(QChar('\n'))));
    return true;
}

TrainerCallbacks RunView::callbacks() {
    QPointer<RunView> self(this);
    TrainerCallbacks cb;
    cb.onNotice = noticeSink(notice_);
    cb.onLog = [self](const TrainingLogRecord& r) {
        QMetaObject::invokeMethod(
            self,
            [self, r] {
                if (self) self->addLog(r);
            },
            Qt::QueuedConnection);
    };
    cb.onEvaluation = [self](const EvaluationRecord& r) {
        QMetaObject::invokeMethod(
            self,
            [self, r] {
                if (self) self->addEvaluation(r);
            },
            Qt::QueuedConnection);
    };
    return cb;
}

int RunView::launch(const QString& name, const std::function<void(TrainerCallbacks&)>& job,
                    const QString& startingStatus) {
    TrainerCallbacks cb = callbacks();
    return controller_->launch(
        name,
        [cb, job](const JobCallbacks& jobCallbacks,
                  std::shared_ptr<std::atomic<bool>> paused) mutable {
            cb.job = jobCallbacks;
            cb.isPaused = [paused] { return paused->load(); };
            job(cb);
        },
        startingStatus);
}

void RunView::showEnd(bool cancelled, const QString& finishedText, const QString& runDirectory) {
    if (!cancelled)
        status_->setText(finishedText);
    else if (!controller_->failed())
        status_->setText(tr("Stopped. The run can be resumed from %1.").arg(runDirectory));
}
