#pragma once

#include <QColor>
#include <QString>
#include <QWidget>
#include <functional>
#include <vector>

class QCustomPlot;
class QCPGraph;
class QRubberBand;

// One colour group of points: its legend name, colour, coordinates and the caller's id of each
// point (an example index).
struct ScatterGroup {
    QString name;
    QColor color;
    std::vector<double> x, y;
    std::vector<int> ids;
};

// A scatter plot for up to ~100k points (projector, data map): colour groups with a legend,
// wheel zoom and drag pan, double-click resets the view, hovering shows the nearest point's text
// (from a callback), Shift+drag selects a rectangle (selected() with the ids inside); reference
// lines (region borders); exports PNG/SVG/PDF through ViewExport like every view.
class ScatterPlot : public QWidget {
    Q_OBJECT
public:
    explicit ScatterPlot(const QString& title, QWidget* parent = nullptr);

    void setGroups(std::vector<ScatterGroup> groups);
    void setAxisLabels(const QString& x, const QString& y);
    // A dashed line from (x1, y1) to (x2, y2) in data coordinates, with a label.
    void addReferenceLine(double x1, double y1, double x2, double y2, const QString& label = {});
    void clearReferenceLines();
    void setHoverText(std::function<QString(int id)> text) { hoverText_ = std::move(text); }
    // Rings around these points (a selection, linked between two plots); empty removes them.
    void setHighlighted(const std::vector<int>& ids);
    int highlightedCount() const { return highlighted_; }
    void clear();
    void resetView();

    int pointCount() const;
    // The id of the point nearest `pixel` within 12 px, -1 when none.
    int idAt(const QPoint& pixel) const;
    QPoint pixelOf(double x, double y) const;
    // The ids of the points inside a data-space rectangle.
    std::vector<int> idsIn(double x1, double y1, double x2, double y2) const;
    QCustomPlot* plot() const { return plot_; }
    QColor backgroundColor() const;

Q_SIGNALS:
    void selected(const std::vector<int>& ids);
    void activated(int id);  // a point double-clicked

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyPalette();
    QCustomPlot* plot_;
    std::vector<ScatterGroup> groups_;
    std::vector<QCPGraph*> graphs_;
    std::function<QString(int)> hoverText_;
    QCPGraph* highlight_ = nullptr;
    int highlighted_ = 0;
    QRubberBand* band_ = nullptr;
    QPoint bandOrigin_;
    bool selecting_ = false;
};
