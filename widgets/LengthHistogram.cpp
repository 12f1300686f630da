#include "widgets/LengthHistogram.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QVBoxLayout>

#include "widgets/PlotTheme.h"

LengthHistogram::LengthHistogram(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    plot_ = new QCustomPlot(this);
    plot_->setMinimumHeight(140);
    bars_ = new QCPBars(plot_->xAxis, plot_->yAxis);
    bars_->setBrush(QColor(66, 146, 198, 170));
    bars_->setPen(Qt::NoPen);
    line_ = new QCPItemStraightLine(plot_);
    line_->setPen(QPen(QColor("#d62728"), 2, Qt::DashLine));
    line_->setVisible(false);  // until there is a cut to mark
    plot_->xAxis->setLabel(tr("tokens per example"));
    plot_->yAxis->setLabel(tr("examples"));
    layout->addWidget(plot_);
    applyPlotPalette(plot_, palette());
}

void LengthHistogram::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyPlotPalette(plot_, palette());
    QWidget::changeEvent(event);
}

void LengthHistogram::setHistogram(const std::vector<std::size_t>& counts, double binWidth) {
    QVector<double> x, y;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        x << (i + 0.5) * binWidth;
        y << static_cast<double>(counts[i]);
    }
    bars_->setWidth(binWidth * 0.9);
    bars_->setData(x, y);
    plot_->rescaleAxes();
    plot_->xAxis->setRangeLower(0);
    plot_->xAxis->setRangeUpper(std::max(plot_->xAxis->range().upper, cut_ * 1.05));
    plot_->replot();
}

void LengthHistogram::setCut(double maxLength) {
    cut_ = maxLength;
    line_->point1->setCoords(maxLength, 0);
    line_->point2->setCoords(maxLength, 1);
    line_->setVisible(maxLength > 0);
    plot_->xAxis->setRangeUpper(std::max(plot_->xAxis->range().upper, cut_ * 1.05));
    plot_->replot();
}

bool LengthHistogram::cutShown() const {
    return line_->visible();
}

QColor LengthHistogram::backgroundColor() const {
    return plot_->axisRect()->backgroundBrush().color();
}
