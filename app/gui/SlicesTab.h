#pragma once

#include <QWidget>
#include <memory>
#include <vector>

class Workspace;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;
namespace distilbench {
struct EvaluationReport;
struct SliceReport;
struct SliceDefinition;
}  // namespace distilbench

// Per-slice metrics (Analyse page): the open classifier on labelled data, sliced by keyword,
// regular expression, length, label, a metadata column or a projector selection; accuracy with
// its 95% interval next to the whole set, the largest drops first, and each slice's examples.
class SlicesTab : public QWidget {
    Q_OBJECT
public:
    explicit SlicesTab(Workspace* workspace, QWidget* parent = nullptr);

    // Evaluates the open model on the data and slices it; the job id, -1 when it cannot start.
    int compute(const QString& dataPath);
    void setSpecs(const QString& specs);
    void setAutomatic(bool on);
    // A slice of example indices of the last report (from the projector); recomputed at once.
    void addSelection(const QString& name, const std::vector<std::size_t>& indices);
    QTableWidget* table() const { return table_; }
    QTableWidget* examples() const { return examples_; }
    QString summaryText() const;
    QString dataPath() const;
    bool hasReport() const { return static_cast<bool>(report_); }
    bool exportCsv(const QString& path) const;
    void clear();

Q_SIGNALS:
    void computed();
    void openInPlayground(const QString& text);

private:
    void show();
    void showExamples(int slice);

    Workspace* workspace_;
    QLineEdit* data_;
    QPlainTextEdit* specs_;
    QCheckBox* automatic_;
    QLabel* summary_;
    QTableWidget* table_;
    QTableWidget* examples_;
    std::shared_ptr<distilbench::EvaluationReport> report_;
    std::shared_ptr<distilbench::SliceReport> slices_;
    std::shared_ptr<std::map<std::string, std::vector<std::string>>> metadata_;
    // The definitions the shown slices came from (automatic ones and selections included):
    // a new selection is scored with them again, without another evaluation.
    std::shared_ptr<std::vector<distilbench::SliceDefinition>> definitions_;
};
