#pragma once

#include <QColor>
#include <QHash>
#include <QString>
#include <QWidget>
#include <cstddef>
#include <utility>
#include <vector>

class QCustomPlot;
class QCPGraph;
class QTimer;

// A line plot for live training curves (PlotJuggler's pattern): addPoint() only appends to a
// buffer; a 40 ms timer moves new points into the graphs and replots once, so the UI stays smooth
// at any step rate. A series can show a smoothed twin (exponential moving average, as
// TensorBoard's smoothing slider). Exports PNG/SVG/PDF and CSV.
class LivePlot : public QWidget {
    Q_OBJECT
public:
    explicit LivePlot(const QString& title, QWidget* parent = nullptr);

    void addSeries(const QString& name, const QColor& color, bool smoothed = false,
                   bool dashed = false);
    void addPoint(const QString& series, double x, double y);
    void setSmoothing(double factor);  // 0 = none … 0.99
    void setAxisLabels(const QString& x, const QString& y);
    void clear();
    int pointCount(const QString& series) const;
    // Whether the series is drawn with markers (sparse series: up to kMarkerLimit points).
    bool hasMarkers(const QString& series) const;
    static constexpr std::size_t kMarkerLimit = 50;
    // The shown range of the x (Qt::Horizontal) or y axis: {lower, upper}.
    std::pair<double, double> axisRange(Qt::Orientation axis) const;
    int replotCount() const { return replots_; }

    // Interactions users bring from TensorBoard: wheel zooms, drag pans (the view then stays
    // where the user put it), double-click (or "Reset View") follows the data again; the
    // context menu switches the y axis to a log scale; hovering shows the nearest point.
    void resetView();
    bool followsData() const { return followData_; }
    void setLogScale(bool on);
    bool logScale() const;
    // "series: x = …, y = …" for the point nearest to `pixel` (within 20 px), or "".
    QString readoutAt(const QPoint& pixel) const;
    // Where a data point is drawn, in widget pixels of the plot (tests, tooltips).
    QPoint pixelOf(double x, double y) const;
    QColor backgroundColor() const;
    // Whether the legend lies outside the data area (it never covers a curve).
    bool legendOutsideData() const;
    bool exportCsv(const QString& path) const;
    QCustomPlot* plot() const { return plot_; }

    static constexpr int kReplotIntervalMs = 40;

private:
    struct Series {
        QCPGraph* graph = nullptr;
        QCPGraph* smooth = nullptr;
        std::vector<double> xs, ys;
        std::size_t drawn = 0;
        double ema = 0;
        bool emaStarted = false;
    };
    void drain();
    void rebuildSmoothed(Series& s);
    void fitAxes();
    // Background, axes, grid and legend in the palette's colours (light and dark themes).
    void applyPalette();
    void changeEvent(QEvent* event) override;

    QCustomPlot* plot_;
    QTimer* timer_;
    QHash<QString, Series> series_;
    QStringList order_;
    double smoothing_ = 0.6;
    bool dirty_ = false;
    int replots_ = 0;
    bool followData_ = true;
};
