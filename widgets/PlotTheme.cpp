#include "widgets/PlotTheme.h"

#include <qcustomplot.h>

void applyPlotPalette(QCustomPlot* plot, const QPalette& p) {
    const QColor base = p.color(QPalette::Base), text = p.color(QPalette::Text);
    QColor grid = text;
    grid.setAlpha(40);
    plot->setBackground(base);
    plot->axisRect()->setBackground(base);
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
        axis->setBasePen(QPen(text));
        axis->setTickPen(QPen(text));
        axis->setSubTickPen(QPen(text));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
    }
    QColor legend = base;
    legend.setAlpha(200);
    plot->legend->setBrush(legend);
    plot->legend->setTextColor(text);
    plot->legend->setBorderPen(QPen(grid));
    if (plot->plotLayout()->elementCount() > 0)
        if (auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0)))
            title->setTextColor(text);
    plot->replot(QCustomPlot::rpQueuedReplot);
}
