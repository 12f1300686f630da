#pragma once

class QCustomPlot;
class QPalette;

// Plots in the palette's colours (background, axes, grid, legend, title), so that light and dark
// themes reach them; every QCustomPlot of the widgets calls it when its palette changes.
void applyPlotPalette(QCustomPlot* plot, const QPalette& palette);
