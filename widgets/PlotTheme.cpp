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

void addTitleAndLegendBelow(QCustomPlot* plot, const QString& title, const QFont& font,
                            int columns) {
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(
        0, 0, new QCPTextElement(plot, title, QFont(font.family(), font.pointSize(), QFont::Bold)));
    plot->legend->setVisible(true);
    plot->legend->setFont(font);
    plot->axisRect()->insetLayout()->take(plot->legend);
    plot->plotLayout()->addElement(2, 0, plot->legend);
    plot->plotLayout()->setRowStretchFactor(2, 0.001);
    plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot->legend->setWrap(columns);
    plot->legend->setMargins(QMargins(4, 2, 4, 2));
    // A layout column is no wider than the smallest maximum in it, and an empty legend's
    // maximum is its margins: the plot above shrank to a sliver until its first series came.
    // An explicit maximum lifts that (QWIDGETSIZE_MAX itself, or anything that reaches it once
    // the margins are added, means "use the hint").
    plot->legend->setMaximumSize(QWIDGETSIZE_MAX / 2, QWIDGETSIZE_MAX / 2);
}
