#include "app/gui/ExportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "app/common/JobRunner.h"
#include "app/gui/Workspace.h"
#include "core/data/Dataset.h"
#include "core/export/ModelExporter.h"
#include "core/export/QuantizationCheck.h"
#include "core/inference/Pipeline.h"
#include "core/models/Model.h"
#include "core/runtime/Error.h"
#include "core/training/Objective.h"
#include "core/training/Trainer.h"
#include "core/util/HumanUnits.h"

using namespace distilbench;

ExportDialog::ExportDialog(Workspace* workspace, QWidget* parent)
    : QDialog(parent), workspace_(workspace) {
    setWindowTitle(tr("Export Model"));
    setModal(false);
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    model_ = new QLabel(
        workspace_->modelPath().isEmpty() ? tr("No model is open.") : workspace_->modelPath(),
        this);
    model_->setWordWrap(true);
    form->addRow(tr("Model:"), model_);
    format_ = new QComboBox(this);
    format_->addItem(tr("Hugging Face folder (safetensors)"), "hf");
    format_->addItem(tr("Hugging Face folder (pytorch_model.bin)"), "bin");
    format_->addItem(tr("ONNX"), "onnx");
    format_->setToolTip(
        tr("Hugging Face folders load unchanged with transformers' from_pretrained; ONNX runs in "
           "ONNX Runtime"));
    form->addRow(tr("Format:"), format_);
    dtype_ = new QComboBox(this);
    dtype_->addItem(tr("float32 (exact)"), "f32");
    dtype_->addItem(tr("float16 (half the size)"), "f16");
    dtype_->addItem(tr("bfloat16 (half the size, float32's range)"), "bf16");
    form->addRow(tr("Weights:"), dtype_);
    attentions_ = new QCheckBox(tr("Also output attention weights"), this);
    opset_ = new QSpinBox(this);
    opset_->setRange(14, 17);
    opset_->setValue(14);
    opset_->setToolTip(tr("ONNX operator set version; 14 runs on every ONNX Runtime since 1.10"));
    form->addRow(tr("ONNX:"), attentions_);
    form->addRow(tr("ONNX opset:"), opset_);
    quantize_ = new QCheckBox(tr("int8 inference of the Linear layers"), this);
    quantize_->setToolTip(
        tr("Dynamic quantization: weights in int8 per output channel, activations quantized per "
           "batch; faster on CPUs, usually a small change in quality: measure it first. A folder "
           "is quantized when DistilBench loads it (transformers runs it in float32); an ONNX "
           "file holds the int8 weights and products itself, for ONNX Runtime."));
    form->addRow(tr("Quantization:"), quantize_);
    sevenBit_ = new QCheckBox(tr("7-bit weights, exact on CPUs without VNNI"), this);
    sevenBit_->setObjectName("sevenBitWeights");
    sevenBit_->setToolTip(
        tr("CPUs without VNNI (AVX2 only, such as Zen 3 or Intel before Ice Lake) add pairs of "
           "int8 products in 16 bits, which 8-bit weights can overflow, in ONNX Runtime as in "
           "DistilBench. 7-bit weights cannot; they cost a little precision. Tick it for an ONNX "
           "file or folder meant for such CPUs."));
    form->addRow(QString(), sevenBit_);
    auto* calibrationRow = new QHBoxLayout;
    calibrationData_ = new QLineEdit(this);
    calibrationData_->setObjectName("calibrationData");
    calibrationData_->setPlaceholderText(
        tr("optional: data to calibrate static int8 on (empty: dynamic int8)"));
    calibrationData_->setToolTip(
        tr("Static int8: the activation ranges of every Linear layer are measured once on the "
           "first %1 texts of this file (labelled data or a .txt with one text per line) and "
           "fixed, instead of measured on every call. An ONNX export writes them as "
           "QuantizeLinear/DequantizeLinear pairs.")
            .arg(StaticInt8Defaults::kCalibrationExamples));
    auto* browseCalibration = new QPushButton(tr("Browse…"), this);
    calibrationRow->addWidget(calibrationData_, 1);
    calibrationRow->addWidget(browseCalibration);
    form->addRow(tr("Calibration set:"), calibrationRow);
    connect(browseCalibration, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(
            this, tr("Calibration data"), {},
            tr("Data (*.csv *.tsv *.jsonl *.json *.txt);;All files (*)"));
        if (!f.isEmpty()) calibrationData_->setText(f);
    });
    auto* evalRow = new QHBoxLayout;
    evalData_ = new QLineEdit(this);
    evalData_->setPlaceholderText(tr("labelled data to measure the change in quality"));
    auto* browseEval = new QPushButton(tr("Browse…"), this);
    measure_ = new QPushButton(tr("Measure"), this);
    evalRow->addWidget(evalData_, 1);
    evalRow->addWidget(browseEval);
    evalRow->addWidget(measure_);
    form->addRow(tr("Evaluation set:"), evalRow);
    quantizationResult_ = new QLabel(this);
    quantizationResult_->setWordWrap(true);
    form->addRow(QString(), quantizationResult_);
    auto* outRow = new QHBoxLayout;
    output_ = new QLineEdit(this);
    auto* browseOut = new QPushButton(tr("Browse…"), this);
    outRow->addWidget(output_, 1);
    outRow->addWidget(browseOut);
    form->addRow(tr("Save to:"), outRow);
    layout->addLayout(form);
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 1000);
    progress_->setValue(0);
    result_ = new QLabel(this);
    result_->setObjectName("exportResult");
    result_->setWordWrap(true);
    result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(progress_);
    layout->addWidget(result_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    exportButton_ = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    layout->addWidget(buttons);

    if (!workspace_->modelPath().isEmpty())
        output_->setText(QFileInfo(workspace_->modelPath()).absolutePath() + "/" +
                         QFileInfo(workspace_->modelPath()).fileName() + "-export");
    connect(format_, &QComboBox::currentIndexChanged, this, [this] {
        QString out = output_->text();
        const bool onnx = format_->currentData() == "onnx";
        if (onnx && !out.endsWith(".onnx")) output_->setText(out + "/model.onnx");
        if (!onnx && out.endsWith("/model.onnx")) output_->setText(out.chopped(11));
        updateControls();
    });
    connect(quantize_, &QCheckBox::toggled, this, &ExportDialog::updateControls);
    connect(browseEval, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(
            this, tr("Evaluation data"), {},
            tr("Data (*.csv *.tsv *.jsonl *.json *.txt);;All files (*)"));
        if (!f.isEmpty()) evalData_->setText(f);
    });
    connect(browseOut, &QPushButton::clicked, this, [this] {
        const QString f = format_->currentData() == "onnx"
                              ? QFileDialog::getSaveFileName(this, tr("ONNX file"), output_->text(),
                                                             tr("ONNX (*.onnx)"))
                              : QFileDialog::getExistingDirectory(this, tr("Folder to export into"),
                                                                  output_->text());
        if (!f.isEmpty()) output_->setText(f);
    });
    connect(measure_, &QPushButton::clicked, this, &ExportDialog::measureQuantization);
    connect(exportButton_, &QPushButton::clicked, this, &ExportDialog::exportNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(workspace_->runner(), &JobRunner::progress, this,
            [this](int id, double f, const QString& message, double) {
                if (id != jobId_) return;
                progress_->setValue(static_cast<int>(f * 1000));
                progress_->setFormat(message);
            });
    connect(workspace_->runner(), &JobRunner::failed, this, [this](int id, const QString& error) {
        if (id != jobId_) return;
        jobId_ = -1;
        result_->setText(tr("Failed: %1").arg(error));
        updateControls();
    });
    connect(workspace_->runner(), &JobRunner::cancelled, this, [this](int id) {
        if (id != jobId_) return;
        jobId_ = -1;
        result_->setText(tr("Cancelled."));
        updateControls();
    });
    updateControls();
}

void ExportDialog::setFormat(int index) {
    format_->setCurrentIndex(index);
}
void ExportDialog::setOutput(const QString& path) {
    output_->setText(path);
}
void ExportDialog::setCalibrationData(const QString& path) {
    calibrationData_->setText(path);
}

void ExportDialog::setQuantize(bool on) {
    quantize_->setChecked(on);
}
void ExportDialog::setSevenBitWeights(bool on) {
    sevenBit_->setChecked(on || cpuNeedsSevenBits());
}
void ExportDialog::growToFit() {
    // Word-wrapped results can need more height than the dialog has: it grows (never shrinks)
    // so that no line of a result, a warning least of all, is cut off.
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    if (needed > height()) resize(width(), needed);
}
bool ExportDialog::cpuNeedsSevenBits() const {
    // Known once a model is open: the job that opened it asked (Workspace), so this does not
    // run the product on the GUI thread.
    return !workspace_->modelPath().isEmpty() && Model::cpuInt8WeightBits() < 8;
}
void ExportDialog::setEvaluationData(const QString& path) {
    evalData_->setText(path);
}
QString ExportDialog::resultText() const {
    return result_->text();
}
QString ExportDialog::quantizationText() const {
    return quantizationResult_->text();
}

void ExportDialog::updateControls() {
    const bool onnx = format_->currentData() == "onnx";
    const bool idle = jobId_ < 0 && !workspace_->modelPath().isEmpty();
    dtype_->setEnabled(!onnx && idle);
    if (onnx) dtype_->setCurrentIndex(0);
    attentions_->setEnabled(onnx && idle);
    opset_->setEnabled(onnx && idle);
    quantize_->setEnabled(idle);
    evalData_->setEnabled(quantize_->isChecked() && idle);
    calibrationData_->setEnabled(quantize_->isChecked() && idle);
    if (cpuNeedsSevenBits()) {
        sevenBit_->setChecked(true);
        sevenBit_->setToolTip(
            tr("This CPU has no VNNI: its int8 products add pairs of products in 16 bits, which "
               "8-bit weights could overflow, so its int8 weights always have 7 bits."));
    }
    sevenBit_->setEnabled(quantize_->isChecked() && idle && !cpuNeedsSevenBits());
    measure_->setEnabled(quantize_->isChecked() && idle);
    exportButton_->setEnabled(idle);
}

int ExportDialog::measureQuantization() {
    const auto pipeline = workspace_->pipeline();
    if (!pipeline || evalData_->text().isEmpty()) {
        quantizationResult_->setText(tr("Choose labelled data to measure on."));
        return -1;
    }
    // A separate copy of the model: the open one keeps serving the other pages meanwhile.
    const std::string model = workspace_->modelPath().toStdString(),
                      data = evalData_->text().toStdString(),
                      calibration = calibrationData_->text().toStdString();
    const int bits = sevenBit_->isChecked() ? 7 : 0;  // as the export will have them
    auto summary = std::make_shared<std::string>();
    jobId_ = workspace_->runner()->start(
        tr("Measuring int8 quality"),
        [model, data, calibration, bits, summary](const JobCallbacks& cb) {
            auto copy = Pipeline::open(model);
            copy->model()->setInt8WeightBits(bits);
            const Task task = Objective::taskOf(copy->model()->config());
            const Dataset d = readDatasetForModel(data, task, {}, copy->model()->config().labels);
            if (calibration.empty()) {
                *summary = checkDynamicInt8(*copy, d, 128, cb).summary();
                return;
            }
            if (!copy->tokenizer()) throw Error(model, "has no tokenizer to read calibration data");
            const Int8Ranges ranges =
                calibrateStaticInt8(*copy->model(), *copy->tokenizer(), calibration);
            *summary = checkStaticInt8(*copy, d, ranges, 128, cb).summary();
        },
        [this, summary, calibration] {
            jobId_ = -1;
            quantizationResult_->setText(
                (calibration.empty() ? tr("fp32 → int8: %1") : tr("fp32 → static int8: %1"))
                    .arg(QString::fromStdString(*summary)));
            growToFit();
            updateControls();
            Q_EMIT quantizationMeasured();
        });
    updateControls();
    return jobId_;
}

int ExportDialog::exportNow() {
    if (workspace_->modelPath().isEmpty() || output_->text().isEmpty()) {
        result_->setText(tr("Open a model and choose where to save it."));
        return -1;
    }
    ExportOptions o;
    parseExportFormat(format_->currentData().toString().toStdString(), o.format);
    parseExportDType(dtype_->currentData().toString().toStdString(), o.dtype);
    o.onnxAttentions = attentions_->isChecked();
    o.onnxOpset = opset_->value();
    o.quantizeInt8 = quantize_->isChecked();
    if (o.quantizeInt8) {
        o.calibrationData = calibrationData_->text().toStdString();
        o.int8WeightBits = sevenBit_->isChecked() ? 7 : 0;
    }
    const std::string model = workspace_->modelPath().toStdString(),
                      out = output_->text().toStdString();
    // The target is checked before the job starts: refused targets are named, and replacing a
    // previous export needs the user's yes with the folder named.
    const ExportTarget target = inspectExport(model, out, o);
    if (target.state == ExportTarget::State::Refused) {
        result_->setText(
            tr("Not exported: %1 %2")
                .arg(QString::fromStdString(target.path), QString::fromStdString(target.problem)));
        return -1;
    }
    if (target.needsConfirmation()) {
        const QString path = QString::fromStdString(target.path);
        const bool yes = confirmReplace_ ? confirmReplace_(path)
                                         : QMessageBox::question(
                                               this, tr("Replace the previous export?"),
                                               tr("%1 already holds an export. Replace its files "
                                                  "with this export?")
                                                   .arg(path)) == QMessageBox::Yes;
        if (!yes) {
            result_->setText(tr("Not exported: %1 was left as it is.").arg(path));
            return -1;
        }
        o.overwrite = true;
    }
    auto result = std::make_shared<ExportResult>();
    jobId_ = workspace_->runner()->start(
        tr("Exporting %1").arg(QFileInfo(output_->text()).fileName()),
        [model, out, o, result](const JobCallbacks& cb) {
            *result = exportModel(model, out, o, cb);
        },
        [this, result] {
            jobId_ = -1;
            QStringList files;
            for (const auto& f : result->files) files << QString::fromStdString(f);
            // The path on a line of its own (it cannot wrap), the notes after it.
            QString text = tr("Saved %1 in %2: %3")
                               .arg(QString::fromStdString(formatBytes(result->bytes)),
                                    QString::fromStdString(formatDuration(result->seconds)),
                                    files.join(", ")) +
                           QLatin1Char('\n') + QString::fromStdString(result->path);
            for (const auto& n : result->notes)
                text += QLatin1Char('\n') + QString::fromStdString(n);
            result_->setText(text);
            growToFit();
            progress_->setValue(1000);
            updateControls();
            Q_EMIT exported(QString::fromStdString(result->path));
        });
    result_->setText(tr("Exporting…"));
    updateControls();
    return jobId_;
}
