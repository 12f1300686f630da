#include "widgets/LivePlot.h"

#include "widgets/PlotTheme.h"

#include <qcustomplot.h>

#include <QMenu>
#include <QMouseEvent>
#include <QSaveFile>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

LivePlot::LivePlot(const QString& title, QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    plot_ = new QCustomPlot(this);
    addTitleAndLegendBelow(plot_, title, font(), 4);
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->setMinimumHeight(160);
    plot_->setMouseTracking(true);
    layout->addWidget(plot_);
    // Once the user zooms or pans, new points no longer move the view; double-click resets it.
    connect(plot_, &QCustomPlot::mouseWheel, this, [this] { followData_ = false; });
    connect(plot_, &QCustomPlot::mousePress, this, [this] { followData_ = false; });
    connect(plot_, &QCustomPlot::mouseDoubleClick, this, [this] { resetView(); });
    connect(plot_, &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) {
        const QString text = readoutAt(e->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(e->globalPosition().toPoint(), text, plot_);
    });
    plot_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(plot_, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        QMenu menu(this);
        QAction* log = menu.addAction(tr("Log Scale"));
        log->setCheckable(true);
        log->setChecked(logScale());
        connect(log, &QAction::toggled, this, &LivePlot::setLogScale);
        menu.addAction(tr("Reset View"), this, &LivePlot::resetView);
        menu.exec(plot_->mapToGlobal(at));
    });
    applyPalette();
    timer_ = new QTimer(this);
    timer_->setInterval(kReplotIntervalMs);
    connect(timer_, &QTimer::timeout, this, &LivePlot::drain);
    timer_->start();
}

void LivePlot::addSeries(const QString& name, const QColor& color, bool smoothed, bool dashed) {
    if (series_.contains(name)) return;
    Series s;
    s.graph = plot_->addGraph();
    s.graph->setName(name);
    QPen pen(color, smoothed ? 1 : 2);
    if (dashed) pen.setStyle(Qt::DashLine);
    if (smoothed) {
        QColor faint = color;
        faint.setAlpha(80);
        pen.setColor(faint);
        s.smooth = plot_->addGraph();
        s.smooth->setName(name + tr(" (smoothed)"));
        s.smooth->setPen(QPen(color, 2));
    }
    s.graph->setPen(pen);
    series_.insert(name, s);
    order_ << name;
}

void LivePlot::addPoint(const QString& name, double x, double y) {
    auto it = series_.find(name);
    if (it == series_.end()) return;
    it->xs.push_back(x);
    it->ys.push_back(y);
    dirty_ = true;
}

void LivePlot::setSmoothing(double factor) {
    smoothing_ = std::clamp(factor, 0.0, 0.999);
    for (auto& s : series_)
        if (s.smooth) rebuildSmoothed(s);
    dirty_ = true;
}

void LivePlot::rebuildSmoothed(Series& s) {
    s.smooth->data()->clear();
    s.emaStarted = false;
    for (std::size_t i = 0; i < s.drawn; ++i) {
        s.ema = s.emaStarted ? smoothing_ * s.ema + (1 - smoothing_) * s.ys[i] : s.ys[i];
        s.emaStarted = true;
        s.smooth->addData(s.xs[i], s.ema);
    }
}

void LivePlot::setAxisLabels(const QString& x, const QString& y) {
    plot_->xAxis->setLabel(x);
    plot_->yAxis->setLabel(y);
}

void LivePlot::clear() {
    for (auto& s : series_) {
        s.graph->data()->clear();
        if (s.smooth) s.smooth->data()->clear();
        s.xs.clear();
        s.ys.clear();
        s.drawn = 0;
        s.emaStarted = false;
    }
    dirty_ = true;
}

std::pair<double, double> LivePlot::axisRange(Qt::Orientation axis) const {
    const QCPRange r = (axis == Qt::Horizontal ? plot_->xAxis : plot_->yAxis)->range();
    return {r.lower, r.upper};
}

void LivePlot::fitAxes() {
    plot_->rescaleAxes();
    // Every point inside the frame, none on its edge; a single value gets a range around it.
    for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis}) {
        const QCPRange r = axis->range();
        if (axis->scaleType() == QCPAxis::stLogarithmic) {
            axis->setRange(r.lower / 1.2, r.upper * 1.2);
            continue;
        }
        const double span = r.size() > 0 ? r.size() : std::max(std::abs(r.center()) * 0.1, 0.5);
        axis->setRange(r.lower - span * 0.05, r.upper + span * 0.05);
    }
}

void LivePlot::resetView() {
    followData_ = true;
    fitAxes();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LivePlot::setLogScale(bool on) {
    plot_->yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    plot_->yAxis->setTicker(on ? QSharedPointer<QCPAxisTicker>(new QCPAxisTickerLog)
                               : QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    resetView();
}

bool LivePlot::logScale() const {
    return plot_->yAxis->scaleType() == QCPAxis::stLogarithmic;
}

QPoint LivePlot::pixelOf(double x, double y) const {
    return QPointF(plot_->xAxis->coordToPixel(x), plot_->yAxis->coordToPixel(y)).toPoint();
}

QString LivePlot::readoutAt(const QPoint& pixel) const {
    QString best;
    double bestDistance = 20.0;
    for (const QString& name : order_) {
        const Series& s = series_[name];
        for (std::size_t i = 0; i < s.drawn; ++i) {
            const QPoint p = pixelOf(s.xs[i], s.ys[i]);
            const double d = std::hypot(p.x() - pixel.x(), p.y() - pixel.y());
            if (d < bestDistance) {
                bestDistance = d;
                best = tr("%1: x = %2, y = %3")
                           .arg(name)
                           .arg(s.xs[i], 0, 'g', 6)
                           .arg(s.ys[i], 0, 'g', 6);
            }
        }
    }
    return best;
}

bool LivePlot::legendOutsideData() const {
    return !plot_->legend->outerRect().intersects(plot_->axisRect()->rect());
}

QColor LivePlot::backgroundColor() const {
    return plot_->axisRect()->backgroundBrush().color();
}

void LivePlot::applyPalette() {
    applyPlotPalette(plot_, palette());
}

void LivePlot::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyPalette();
    QWidget::changeEvent(event);
}

bool LivePlot::hasMarkers(const QString& series) const {
    auto it = series_.find(series);
    return it != series_.end() && it->graph->scatterStyle().shape() != QCPScatterStyle::ssNone;
}

int LivePlot::pointCount(const QString& series) const {
    auto it = series_.find(series);
    return it == series_.end() ? 0 : static_cast<int>(it->xs.size());
}

void LivePlot::drain() {
    if (!dirty_) return;
    dirty_ = false;
    for (auto& s : series_) {
        for (; s.drawn < s.xs.size(); ++s.drawn) {
            s.graph->addData(s.xs[s.drawn], s.ys[s.drawn]);
            if (s.smooth) {
                s.ema = s.emaStarted ? smoothing_ * s.ema + (1 - smoothing_) * s.ys[s.drawn]
                                     : s.ys[s.drawn];
                s.emaStarted = true;
                s.smooth->addData(s.xs[s.drawn], s.ema);
            }
        }
    }
    // Sparse series (a validation point per epoch) get markers: one point draws no line.
    for (auto& s : series_) {
        const bool sparse = !s.smooth && s.xs.size() <= kMarkerLimit;
        s.graph->setScatterStyle(sparse ? QCPScatterStyle(QCPScatterStyle::ssCircle, 6)
                                        : QCPScatterStyle(QCPScatterStyle::ssNone));
    }
    if (followData_) fitAxes();
    plot_->replot(QCustomPlot::rpQueuedReplot);
    ++replots_;
}

bool LivePlot::exportCsv(const QString& path) const {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return false;
    f.write("series,x,y\n");
    for (const QString& name : order_) {
        const Series& s = series_[name];
        for (std::size_t i = 0; i < s.xs.size(); ++i)
            f.write(QStringLiteral("%1,%2,%3\n")
                        .arg(name)
                        .arg(s.xs[i], 0, 'g', 10)
                        .arg(s.ys[i], 0, 'g', 10)
                        .toUtf8());
    }
    return f.commit();
}
