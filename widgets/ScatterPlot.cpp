#include "widgets/ScatterPlot.h"

#include <qcustomplot.h>

#include <QMouseEvent>
#include <QRubberBand>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>

#include "widgets/PlotTheme.h"

ScatterPlot::ScatterPlot(const QString& title, QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    plot_ = new QCustomPlot(this);
    addTitleAndLegendBelow(plot_, title, font(), 3);
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->setMinimumHeight(200);
    plot_->setMouseTracking(true);
    // Many points: no antialiasing while dragging keeps panning smooth at 100k.
    plot_->setNoAntialiasingOnDrag(true);
    plot_->installEventFilter(this);
    layout->addWidget(plot_);
    connect(plot_, &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) {
        if (selecting_) return;
        const int id = idAt(e->pos());
        if (id < 0 || !hoverText_)
            QToolTip::hideText();
        else
            QToolTip::showText(e->globalPosition().toPoint(), hoverText_(id), plot_);
    });
    connect(plot_, &QCustomPlot::mouseDoubleClick, this, [this](QMouseEvent* e) {
        const int id = idAt(e->pos());
        if (id >= 0)
            Q_EMIT activated(id);
        else
            resetView();
    });
    band_ = new QRubberBand(QRubberBand::Rectangle, plot_);
    applyPalette();
    setToolTip(tr("Wheel zooms, drag pans, Shift+drag selects, double-click resets the view"));
}

bool ScatterPlot::eventFilter(QObject* watched, QEvent* event) {
    if (watched != plot_) return QWidget::eventFilter(watched, event);
    auto* m = dynamic_cast<QMouseEvent*>(event);
    if (!m) return false;
    if (event->type() == QEvent::MouseButtonPress && m->button() == Qt::LeftButton &&
        (m->modifiers() & Qt::ShiftModifier)) {
        // Shift+drag selects instead of panning.
        selecting_ = true;
        bandOrigin_ = m->pos();
        band_->setGeometry(QRect(bandOrigin_, QSize()));
        band_->show();
        return true;
    }
    if (selecting_ && event->type() == QEvent::MouseMove) {
        band_->setGeometry(QRect(bandOrigin_, m->pos()).normalized());
        return true;
    }
    if (selecting_ && event->type() == QEvent::MouseButtonRelease) {
        selecting_ = false;
        band_->hide();
        const QRect r = QRect(bandOrigin_, m->pos()).normalized();
        QCPAxis* x = plot_->xAxis;
        QCPAxis* y = plot_->yAxis;
        Q_EMIT selected(idsIn(x->pixelToCoord(r.left()), y->pixelToCoord(r.bottom()),
                              x->pixelToCoord(r.right()), y->pixelToCoord(r.top())));
        return true;
    }
    return false;
}

void ScatterPlot::setGroups(std::vector<ScatterGroup> groups) {
    plot_->clearGraphs();
    graphs_.clear();
    highlight_ = nullptr;
    highlighted_ = 0;
    groups_ = std::move(groups);
    std::size_t total = 0;
    for (const auto& g : groups_) total += g.x.size();
    // Marker size follows the density: dots for a crowd, discs for a few.
    const double size = total > 20000 ? 2.5 : total > 2000 ? 4 : 6;
    for (const ScatterGroup& g : groups_) {
        QCPGraph* graph = plot_->addGraph();
        graph->setName(QStringLiteral("%1 (%2)").arg(g.name).arg(g.x.size()));
        graph->setLineStyle(QCPGraph::lsNone);
        QColor fill = g.color;
        fill.setAlpha(total > 20000 ? 140 : 200);
        // A crowd is drawn as small squares without antialiasing: QCustomPlot paints each
        // point, and a disc costs several times a square (100k points: 13 fps -> 30+ fps).
        const bool crowd = total > 20000;
        graph->setScatterStyle(
            QCPScatterStyle(crowd ? QCPScatterStyle::ssSquare : QCPScatterStyle::ssDisc, fill, fill,
                            crowd ? 2 : size));
        graph->setAntialiasedScatters(!crowd);
        graph->setPen(QPen(g.color));
        // Sorted by x for QCustomPlot's data container; ids travel with the points.
        QVector<QCPGraphData> data;
        data.reserve(static_cast<int>(g.x.size()));
        for (std::size_t i = 0; i < g.x.size(); ++i) data.append(QCPGraphData(g.x[i], g.y[i]));
        graph->data()->set(data, false);
        graph->setAdaptiveSampling(true);
        graphs_.push_back(graph);
    }
    resetView();
}

void ScatterPlot::setHighlighted(const std::vector<int>& ids) {
    if (highlight_) {
        plot_->removeGraph(highlight_);
        highlight_ = nullptr;
    }
    highlighted_ = 0;
    if (!ids.empty()) {
        std::vector<int> sorted = ids;
        std::sort(sorted.begin(), sorted.end());
        QVector<QCPGraphData> data;
        for (const auto& g : groups_)
            for (std::size_t i = 0; i < g.x.size() && i < g.ids.size(); ++i)
                if (std::binary_search(sorted.begin(), sorted.end(), g.ids[i]))
                    data.append(QCPGraphData(g.x[i], g.y[i]));
        highlighted_ = static_cast<int>(data.size());
        highlight_ = plot_->addGraph();
        highlight_->setName(tr("selected (%1)").arg(highlighted_));
        highlight_->setLineStyle(QCPGraph::lsNone);
        QPen ring(palette().color(QPalette::WindowText), 1.5);
        highlight_->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, ring, Qt::NoBrush, 9));
        highlight_->data()->set(data, false);
    }
    plot_->replot();
}

void ScatterPlot::setAxisLabels(const QString& x, const QString& y) {
    plot_->xAxis->setLabel(x);
    plot_->yAxis->setLabel(y);
}

void ScatterPlot::addReferenceLine(double x1, double y1, double x2, double y2,
                                   const QString& label) {
    auto* line = new QCPItemLine(plot_);
    line->start->setCoords(x1, y1);
    line->end->setCoords(x2, y2);
    QPen pen(palette().color(QPalette::WindowText));
    pen.setStyle(Qt::DashLine);
    line->setPen(pen);
    line->setProperty("reference", true);
    if (!label.isEmpty()) {
        auto* text = new QCPItemText(plot_);
        text->position->setCoords(x2, y2);
        text->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
        text->setText(label);
        text->setColor(palette().color(QPalette::WindowText));
        text->setProperty("reference", true);
    }
    plot_->replot();
}

void ScatterPlot::clearReferenceLines() {
    for (int i = plot_->itemCount() - 1; i >= 0; --i)
        if (plot_->item(i)->property("reference").toBool()) plot_->removeItem(i);
    plot_->replot();
}

void ScatterPlot::clear() {
    setGroups({});
    clearReferenceLines();
}

void ScatterPlot::resetView() {
    double x0 = std::numeric_limits<double>::max(), x1 = -x0, y0 = x0, y1 = -x0;
    for (const auto& g : groups_)
        for (std::size_t i = 0; i < g.x.size(); ++i) {
            x0 = std::min(x0, g.x[i]);
            x1 = std::max(x1, g.x[i]);
            y0 = std::min(y0, g.y[i]);
            y1 = std::max(y1, g.y[i]);
        }
    if (x0 > x1) {
        x0 = y0 = 0;
        x1 = y1 = 1;
    }
    const double px = std::max(1e-9, (x1 - x0) * 0.04), py = std::max(1e-9, (y1 - y0) * 0.04);
    plot_->xAxis->setRange(x0 - px, x1 + px);
    plot_->yAxis->setRange(y0 - py, y1 + py);
    plot_->replot();
}

int ScatterPlot::pointCount() const {
    int n = 0;
    for (const auto& g : groups_) n += static_cast<int>(g.x.size());
    return n;
}

QPoint ScatterPlot::pixelOf(double x, double y) const {
    return QPoint(static_cast<int>(plot_->xAxis->coordToPixel(x)),
                  static_cast<int>(plot_->yAxis->coordToPixel(y)));
}

int ScatterPlot::idAt(const QPoint& pixel) const {
    // Brute force in data space: 100k points take well under a millisecond.
    const double x = plot_->xAxis->pixelToCoord(pixel.x());
    const double y = plot_->yAxis->pixelToCoord(pixel.y());
    const double sx = std::abs(plot_->xAxis->pixelToCoord(pixel.x() + 1) - x);
    const double sy = std::abs(plot_->yAxis->pixelToCoord(pixel.y() + 1) - y);
    if (sx <= 0 || sy <= 0) return -1;
    double best = 12.0 * 12.0;
    int id = -1;
    for (const auto& g : groups_)
        for (std::size_t i = 0; i < g.x.size(); ++i) {
            const double dx = (g.x[i] - x) / sx, dy = (g.y[i] - y) / sy;
            const double d = dx * dx + dy * dy;
            if (d < best) {
                best = d;
                id = i < g.ids.size() ? g.ids[i] : -1;
            }
        }
    return id;
}

std::vector<int> ScatterPlot::idsIn(double x1, double y1, double x2, double y2) const {
    if (x1 > x2) std::swap(x1, x2);
    if (y1 > y2) std::swap(y1, y2);
    std::vector<int> out;
    for (const auto& g : groups_)
        for (std::size_t i = 0; i < g.x.size(); ++i)
            if (g.x[i] >= x1 && g.x[i] <= x2 && g.y[i] >= y1 && g.y[i] <= y2 && i < g.ids.size())
                out.push_back(g.ids[i]);
    std::sort(out.begin(), out.end());
    return out;
}

QColor ScatterPlot::backgroundColor() const {
    return plot_->axisRect()->backgroundBrush().color();
}

void ScatterPlot::applyPalette() {
    applyPlotPalette(plot_, palette());
}

void ScatterPlot::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        applyPalette();
        plot_->replot();
    }
    QWidget::changeEvent(event);
}
