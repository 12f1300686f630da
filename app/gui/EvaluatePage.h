#pragma once

#include "core/evaluation/Calibration.h"

#include <QWidget>
#include <map>
#include <memory>
#include <string>
#include <vector>

class Workspace;
class QLineEdit;
class QComboBox;
class QTableWidget;
class QTreeWidget;
class QCheckBox;
class QLabel;
class QStackedWidget;
class ConfusionMatrixView;
class LivePlot;
class EmptyStateWidget;
class QSlider;
namespace distilbench {
struct EvaluationReport;
struct StreamingEvaluationReport;
}  // namespace distilbench

// Scores a model on labelled data (a file or a run's validation set): metrics per class and
// averaged (per entity type for NER), a confusion matrix whose cells list their examples (one
// opens in the Playground), ROC and precision-recall curves, a decision threshold for binary and
// multi-label tasks, a second model side by side (teacher and student), CSV/PNG/SVG/PDF export.
class EvaluatePage : public QWidget {
    Q_OBJECT
public:
    explicit EvaluatePage(Workspace* workspace, QWidget* parent = nullptr);

    // Scores the model (the open one, or the folder set with setModelFolder) on labelled data;
    // with a comparison folder, that model too, side by side.
    int evaluate(const QString& dataPath);
    // One click: a run's best model on the validation set the run held out.
    int evaluateRun(const QString& runDirectory);
    // A model folder against a run's best model, on that run's validation set (a distillation
    // run's teacher against its student).
    int compareWithRun(const QString& modelFolder, const QString& runDirectory);
    void setModelFolder(const QString& folder);    // "" = the open model
    void setCompareFolder(const QString& folder);  // "" = no comparison
    QTableWidget* comparisonTable() const { return comparison_; }
    ConfusionMatrixView* comparisonConfusion() const { return confusionB_; }
    QString summaryText() const;
    QTableWidget* metricsTable() const { return metrics_; }
    ConfusionMatrixView* confusion() const { return confusion_; }
    QTreeWidget* examples() const { return examples_; }
    LivePlot* rocPlot() const { return roc_; }
    LivePlot* calibrationPlot() const { return calibration_; }
    // The last classification report's calibration (ECE, Brier, fitted temperature).
    const distilbench::CalibrationReport& calibration() const { return calibrationReport_; }
    void showCell(int trueLabel, int predictedLabel);
    bool exportCsv(const QString& path) const;
    // Binary tasks: predict the second label when its probability reaches the threshold.
    void setThreshold(double threshold);
    // "Read in chunks": a data file is evaluated in bounded memory (metrics only), each
    // prediction written to `predictionsPath` as it is read when one is given.
    void setStreaming(bool on, const QString& predictionsPath = {});
    // When the data's labels are not the model's, this table (shown after the failed
    // evaluation) maps each data label to a model label; the next evaluation uses it.
    QTableWidget* labelMapTable() const { return labelMap_; }
    // Chooses the model label for a data label in that table; false when either is unknown.
    bool mapLabel(const QString& dataLabel, const QString& modelLabel);
    // The temperature that calibrates the evaluated model on this data (its saved one times
    // the one fitted on the report), and storing it in the model's config.json (asked first,
    // with the path, unless `ask` is false).
    double fittedTemperature() const;
    bool saveFittedTemperature(bool ask = true);

Q_SIGNALS:
    void evaluated();
    void labelMappingNeeded();
    void openInPlayground(const QString& text);

private:
    void show(const distilbench::EvaluationReport& report);
    void showComparison();
    void applyThreshold();
    int launch(const QString& title, const QString& dataPath, const QString& runDirectory);
    std::map<std::string, std::string> labelMapping() const;
    void showLabelMapping();
    void clearLabelMapping();

    // The data and model labels of the last evaluation that failed on unknown labels.
    struct UnknownLabels {
        std::vector<std::string> data, model;
    };

    Workspace* workspace_;
    QStackedWidget* pages_;
    EmptyStateWidget* empty_;
    QLineEdit* data_;
    QLineEdit* modelFolder_;
    QLineEdit* compareFolder_;
    class QTabWidget* tabs_;
    QTableWidget* comparison_;
    ConfusionMatrixView* confusionA_;
    ConfusionMatrixView* confusionB_;
    QLabel* comparisonTitle_;
    QComboBox* mode_;
    QLabel* summary_;
    QTableWidget* metrics_;
    ConfusionMatrixView* confusion_;
    QTreeWidget* examples_;
    QLineEdit* exampleFilter_;
    LivePlot* roc_;
    LivePlot* pr_;
    LivePlot* calibration_;
    QLabel* calibrationSummary_;
    class QPushButton* saveTemperature_;
    double modelTemperature_ = 1.0;
    QString evaluatedFolder_;
    distilbench::CalibrationReport calibrationReport_;
    void showCalibration(const distilbench::EvaluationReport& report);
    // The reliability diagram of `c`, and of `after` a fitted temperature when there is one.
    void drawCalibration(const distilbench::CalibrationReport& c,
                         const distilbench::CalibrationReport* after);
    QCheckBox* stream_;
    QWidget* streamRow_;
    QLabel* streamNote_;
    QLineEdit* streamPredictions_;
    // The last evaluation's when it was read in chunks (no examples kept); null otherwise.
    std::shared_ptr<distilbench::StreamingEvaluationReport> streamed_;
    QSlider* threshold_;
    QLabel* thresholdLabel_;
    std::shared_ptr<distilbench::EvaluationReport> report_;
    std::shared_ptr<distilbench::EvaluationReport> reportB_;
    QString nameA_, nameB_;
    QWidget* labelMapBox_ = nullptr;
    QTableWidget* labelMap_ = nullptr;
    std::shared_ptr<UnknownLabels> unknown_;
    int lastJob_ = -1;
};
