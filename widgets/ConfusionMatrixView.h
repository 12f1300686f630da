#pragma once

#include <QStringList>
#include <QWidget>
#include <vector>

// A confusion matrix (rows: true label, columns: predicted) as counts or normalised by row or
// column, with label names and a colour legend; clicking a cell emits cellClicked(true, predicted).
class ConfusionMatrixView : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Counts, RowNormalised, ColumnNormalised };
    explicit ConfusionMatrixView(QWidget* parent = nullptr);
    void setMatrix(const QStringList& labels, const std::vector<std::vector<int>>& counts);
    void setMode(Mode mode);
    // The text a cell shows in the current mode ("42" or "0.84").
    QString cellText(int row, int column) const;
    QRect cellRect(int row, int column) const;
    QSize sizeHint() const override { return {520, 480}; }
    // Examples in the matrix (the sum of its counts).
    int total() const;

Q_SIGNALS:
    void cellClicked(int trueLabel, int predictedLabel);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    double value(int row, int column) const;
    QRect gridRect() const;
    QStringList labels_;
    std::vector<std::vector<int>> counts_;
    Mode mode_ = Mode::Counts;
};
