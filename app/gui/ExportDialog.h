#pragma once

#include <QDialog>
#include <functional>

class Workspace;
class QComboBox;
class QCheckBox;
class QLineEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

// Exports the open model: Hugging Face folder, pytorch_model.bin folder or ONNX file, fp32/fp16/
// bf16, optionally marked for int8 inference after measuring what int8 changes on an evaluation
// set. Non-modal: the work runs on the job runner with progress and the window stays usable.
class ExportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExportDialog(Workspace* workspace, QWidget* parent = nullptr);

    void setFormat(int index);  // 0 hf, 1 bin, 2 onnx
    void setOutput(const QString& path);
    void setQuantize(bool on);
    // 7-bit int8 weights (exact in ONNX Runtime on CPUs without VNNI too); always on where this
    // CPU needs them.
    void setSevenBitWeights(bool on);
    void setEvaluationData(const QString& path);
    // Static int8's calibration data (empty: dynamic int8).
    void setCalibrationData(const QString& path);
    int exportNow();
    int measureQuantization();
    QString resultText() const;
    QString quantizationText() const;
    // Asked before a previous export is replaced, with its folder; a question box by default
    // (tests answer it directly).
    void setReplaceConfirmation(std::function<bool(const QString&)> confirm) {
        confirmReplace_ = std::move(confirm);
    }

Q_SIGNALS:
    void exported(const QString& path);
    void quantizationMeasured();

private:
    void updateControls();
    bool cpuNeedsSevenBits() const;
    void growToFit();

    Workspace* workspace_;
    QLabel* model_;
    QComboBox* format_;
    QComboBox* dtype_;
    QCheckBox* attentions_;
    QSpinBox* opset_;
    QCheckBox* quantize_;
    QCheckBox* sevenBit_;
    QLineEdit* evalData_;
    QLineEdit* calibrationData_;
    QPushButton* measure_;
    QLabel* quantizationResult_;
    QLineEdit* output_;
    QProgressBar* progress_;
    QLabel* result_;
    QPushButton* exportButton_;
    int jobId_ = -1;
    std::function<bool(const QString&)> confirmReplace_;
};
