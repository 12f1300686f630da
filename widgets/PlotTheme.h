#pragma once

#include <QFont>
#include <QString>

class QCustomPlot;
class QPalette;

// Plots in the palette's colours (background, axes, grid, legend, title), so that light and dark
// themes reach them; every QCustomPlot of the widgets calls it when its palette changes.
void applyPlotPalette(QCustomPlot* plot, const QPalette& palette);

// A title row above the plot and the legend in a row of its own under it (it never covers the
// data), filled column by column, `columns` entries wide.
void addTitleAndLegendBelow(QCustomPlot* plot, const QString& title, const QFont& font,
                            int columns);
