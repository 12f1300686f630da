#pragma once

#include <QWidget>
#include <memory>

class Workspace;
class QLineEdit;
class QComboBox;
class QTableWidget;
class QTreeWidget;
class QLabel;
class QStackedWidget;
class ConfusionMatrixView;
class LivePlot;
class EmptyStateWidget;
class QSlider;
namespace distilbench {
struct EvaluationReport;
}

// Scores the open model on a labelled dataset: metrics per class and averaged, a confusion
// matrix whose cells list their examples (one opens in the Playground), ROC and precision-recall
// curves for binary tasks, CSV export.
class EvaluatePage : public QWidget {
    Q_OBJECT
public:
    explicit EvaluatePage(Workspace* workspace, QWidget* parent = nullptr);

    int evaluate(const QString& dataPath);
    QTableWidget* metricsTable() const { return metrics_; }
    ConfusionMatrixView* confusion() const { return confusion_; }
    QTreeWidget* examples() const { return examples_; }
    LivePlot* rocPlot() const { return roc_; }
    void showCell(int trueLabel, int predictedLabel);
    bool exportCsv(const QString& path) const;
    // Binary tasks: predict the second label when its probability reaches the threshold.
    void setThreshold(double threshold);

Q_SIGNALS:
    void evaluated();
    void openInPlayground(const QString& text);

private:
    void show(const distilbench::EvaluationReport& report);
    void applyThreshold();

    Workspace* workspace_;
    QStackedWidget* pages_;
    EmptyStateWidget* empty_;
    QLineEdit* data_;
    QComboBox* mode_;
    QLabel* summary_;
    QTableWidget* metrics_;
    ConfusionMatrixView* confusion_;
    QTreeWidget* examples_;
    LivePlot* roc_;
    LivePlot* pr_;
    QSlider* threshold_;
    QLabel* thresholdLabel_;
    std::shared_ptr<distilbench::EvaluationReport> report_;
};
