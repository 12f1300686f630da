#pragma once

#include <QWidget>
#include <vector>

class QCustomPlot;
class QCPItemStraightLine;

// Token lengths of a dataset as bars, with the max_length cut marked: what is right of the line
// gets truncated.
class LengthHistogram : public QWidget {
    Q_OBJECT
public:
    explicit LengthHistogram(QWidget* parent = nullptr);
    void setHistogram(const std::vector<std::size_t>& counts, double binWidth);
    void setCut(double maxLength);
    double cut() const { return cut_; }
    QCustomPlot* plot() const { return plot_; }
    bool cutShown() const;
    QColor backgroundColor() const;

private:
    void changeEvent(QEvent* event) override;
    QCustomPlot* plot_;
    class QCPBars* bars_;
    QCPItemStraightLine* line_;
    double cut_ = 0;
};
