#pragma once

#include <QWidget>
#include <memory>

class Workspace;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;
class ScatterPlot;
namespace distilbench {
struct DataMap;
struct TrainingConfig;
}  // namespace distilbench

// The data map of a fine-tuning run (Analyse page; Dataset Cartography): confidence against
// variability of every training example, coloured by correctness; the hard-to-learn examples
// listed as likely label errors, sortable and exportable; the checked ones left out of a copy
// of the training file for the next run (the original untouched).
class DataMapTab : public QWidget {
    Q_OBJECT
public:
    explicit DataMapTab(Workspace* workspace, QWidget* parent = nullptr);

    // Reads a run folder's data map on the job runner; the job id.
    int load(const QString& runDirectory);
    // 0: likely label errors, 1: ambiguous, 2: every example by loss.
    void setListMode(int mode);
    ScatterPlot* plot() const { return plot_; }
    QTableWidget* list() const { return list_; }
    QString summaryText() const;
    // Writes the training file without the checked examples; the job id (-1 when none).
    int writeWithoutChecked(const QString& target);
    bool exportCsv(const QString& path) const;

Q_SIGNALS:
    void loaded();
    void written(const QString& path);
    void openInPlayground(const QString& text);

private:
    void show();
    void fillList();

    Workspace* workspace_;
    QLineEdit* run_;
    QLabel* summary_;
    ScatterPlot* plot_;
    QComboBox* mode_;
    QTableWidget* list_;
    std::shared_ptr<distilbench::DataMap> map_;
    std::shared_ptr<distilbench::TrainingConfig> config_;
};
