#include "widgets/AttentionHeatmap.h"

#include <QHelpEvent>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <vector>

namespace {
constexpr int kVectorCells = 64 * 64;

struct Geometry {
    QRect grid;
    double cellW = 0, cellH = 0;
    int labelW = 0, labelH = 0;
    QRect legend;
};

Geometry heatmapLayout(const QSize& size, const LabelledMatrix& m, const QFont& font,
                       bool hasTitle) {
    const QFontMetrics fm(font);
    Geometry g;
    for (const auto& l : m.rowLabels) g.labelW = std::max(g.labelW, fm.horizontalAdvance(l));
    for (const auto& l : m.columnLabels) g.labelH = std::max(g.labelH, fm.horizontalAdvance(l));
    g.labelW = std::min(g.labelW + 8, size.width() / 4);
    g.labelH = std::min(g.labelH + 8, size.height() / 4);
    const int top = (hasTitle ? fm.height() + 6 : 0) + g.labelH;
    const int legendW = 60;
    const int w = std::max(10, size.width() - g.labelW - legendW - 4);
    const int h = std::max(10, size.height() - top - 4);
    g.cellW = m.columns ? double(w) / m.columns : 0;
    g.cellH = m.rows ? double(h) / m.rows : 0;
    g.grid = QRect(g.labelW, top, w, h);
    g.legend = QRect(g.grid.right() + 14, top, 12, std::min(h, 200));
    return g;
}
}  // namespace

AttentionHeatmap::AttentionHeatmap(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
}

void AttentionHeatmap::setMatrix(LabelledMatrix matrix, const QString& title) {
    matrix_ = std::move(matrix);
    title_ = title;
    updateGeometry();
    update();
}

int AttentionHeatmap::readableCellSize() const {
    return fontMetrics().height() + 2;
}

void AttentionHeatmap::setCellSize(int pixels) {
    pixels = std::clamp(pixels, 0, 64);
    if (pixels == cellSize_) return;
    cellSize_ = pixels;
    updateGeometry();
    update();
    Q_EMIT cellSizeChanged(cellSize_);
}

QSize AttentionHeatmap::minimumSizeHint() const {
    if (cellSize_ <= 0 || matrix_.rows == 0) return {160, 120};
    const QFontMetrics fm(font());
    int labelW = 0, labelH = 0;
    for (const auto& l : matrix_.rowLabels) labelW = std::max(labelW, fm.horizontalAdvance(l));
    for (const auto& l : matrix_.columnLabels) labelH = std::max(labelH, fm.horizontalAdvance(l));
    const int title = title_.isEmpty() ? 0 : fm.height() + 6;
    // The layout gives labels at most a quarter of each side: ask for enough that they fit.
    const int gridW = matrix_.columns * cellSize_, gridH = matrix_.rows * cellSize_;
    const int width = std::max(gridW + 80 + labelW + 8, (labelW + 8) * 4);
    const int height = std::max(title + gridH + labelH + 12, (labelH + 8) * 4);
    return {width, height};
}

QSize AttentionHeatmap::sizeHint() const {
    return cellSize_ > 0 ? minimumSizeHint().expandedTo({640, 560}) : QSize(640, 560);
}

void AttentionHeatmap::wheelEvent(QWheelEvent* event) {
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QWidget::wheelEvent(event);  // scrolls the view
        return;
    }
    const int current =
        cellSize_ > 0 ? cellSize_ : std::max(1, height() / std::max(1, matrix_.rows));
    setCellSize(event->angleDelta().y() > 0 ? current + std::max(1, current / 4)
                                            : std::max(1, current - std::max(1, current / 4)));
    event->accept();
}

void AttentionHeatmap::render(QPainter& p, const QSize& size, const LabelledMatrix& m,
                              const QString& title, bool dark) {
    const QColor text = dark ? QColor(230, 230, 230) : QColor(20, 20, 20);
    p.fillRect(QRect(QPoint(0, 0), size), dark ? QColor(37, 37, 38) : Qt::white);
    const Geometry g = heatmapLayout(size, m, p.font(), !title.isEmpty());
    p.setPen(text);
    if (!title.isEmpty())
        p.drawText(QRect(0, 0, size.width(), p.fontMetrics().height() + 4), Qt::AlignHCenter,
                   title);
    if (m.rows == 0 || m.columns == 0) return;
    const float maxValue = std::max(1e-9f, *std::max_element(m.values.begin(), m.values.end()));
    const auto engine = p.paintEngine() ? p.paintEngine()->type() : QPaintEngine::Raster;
    const bool vectorDevice = engine == QPaintEngine::SVG || engine == QPaintEngine::Pdf ||
                              engine == QPaintEngine::Picture;
    if (m.rows * m.columns <= kVectorCells) {
        for (int r = 0; r < m.rows; ++r)
            for (int c = 0; c < m.columns; ++c) {
                const QRectF cell(g.grid.left() + c * g.cellW, g.grid.top() + r * g.cellH,
                                  g.cellW + 0.5, g.cellH + 0.5);
                p.fillRect(cell, heatColor(m.at(r, c) / maxValue, dark));
            }
    } else if (vectorDevice) {
        // SVG and PDF (papers need vectors): still rectangles, but one filled path per colour
        // level, neighbouring cells of a level merged into one rectangle. A 300x300 map is a few
        // hundred paths instead of 90 000 rectangles; 256 levels are as many as the colour map
        // shows.
        constexpr int kLevels = 256;
        std::vector<QPainterPath> levels(kLevels);
        for (int r = 0; r < m.rows; ++r) {
            int runStart = 0;
            int runLevel = -1;
            auto flush = [&](int end) {
                if (runLevel < 0) return;
                levels[size_t(runLevel)].addRect(
                    QRectF(g.grid.left() + runStart * g.cellW, g.grid.top() + r * g.cellH,
                           (end - runStart) * g.cellW + 0.5, g.cellH + 0.5));
            };
            for (int c = 0; c < m.columns; ++c) {
                const double t = std::clamp(double(m.at(r, c) / maxValue), 0.0, 1.0);
                const int level = int(std::lround(t * (kLevels - 1)));
                if (level == runLevel) continue;
                flush(c);
                runStart = c;
                runLevel = level;
            }
            flush(m.columns);
        }
        p.save();
        p.setPen(Qt::NoPen);
        for (int level = 0; level < kLevels; ++level) {
            if (levels[size_t(level)].isEmpty()) continue;
            p.fillPath(levels[size_t(level)], heatColor(level / double(kLevels - 1), dark));
        }
        p.restore();
    } else {
        // On screen and in PNG: one pixel per cell, scaled without smoothing (as imshow does);
        // labels stay vector text. Hundreds of thousands of rectangles would repaint slowly.
        QImage cells(m.columns, m.rows, QImage::Format_RGB32);
        for (int r = 0; r < m.rows; ++r) {
            auto* line = reinterpret_cast<QRgb*>(cells.scanLine(r));
            for (int c = 0; c < m.columns; ++c)
                line[c] = heatColor(m.at(r, c) / maxValue, dark).rgb();
        }
        p.save();
        p.setRenderHint(QPainter::SmoothPixmapTransform, false);
        p.drawImage(QRectF(g.grid), cells);
        p.restore();
    }
    // Labels only when there is room for them to be read.
    const int fontH = p.fontMetrics().height();
    // Labels are never drawn larger than the font the layout measured them in (the line height
    // used to be taken as the pixel size: "wooden" came out wider than its margin and was cut).
    const int fontPixels = QFontInfo(p.font()).pixelSize();
    if (g.cellH >= fontH * 0.6) {
        QFont f = p.font();
        f.setPixelSize(std::max(6, std::min(fontPixels, int(g.cellH * 0.9))));
        p.setFont(f);
        // Labels longer than the label margin (capped at a quarter of the view) end in "…".
        const QFontMetrics fm(f);
        for (int r = 0; r < m.rows; ++r)
            p.drawText(QRectF(0, g.grid.top() + r * g.cellH, g.labelW - 4, g.cellH),
                       Qt::AlignRight | Qt::AlignVCenter,
                       fm.elidedText(m.rowLabels.value(r), Qt::ElideRight, g.labelW - 4));
    }
    if (g.cellW >= fontH * 0.6) {
        QFont f = p.font();
        f.setPixelSize(std::max(6, std::min(fontPixels, int(g.cellW * 0.9))));
        p.setFont(f);
        const QFontMetrics fm(f);
        for (int c = 0; c < m.columns; ++c) {
            p.save();
            p.translate(g.grid.left() + (c + 0.5) * g.cellW, g.grid.top() - 4);
            p.rotate(-90);
            p.drawText(QRectF(0, -g.cellW / 2, g.labelH - 4, g.cellW),
                       Qt::AlignLeft | Qt::AlignVCenter,
                       fm.elidedText(m.columnLabels.value(c), Qt::ElideRight, g.labelH - 4));
            p.restore();
        }
    }
    // Legend: the colour scale from 0 to the largest value shown.
    for (int y = 0; y < g.legend.height(); ++y)
        p.fillRect(QRect(g.legend.left(), g.legend.bottom() - y, g.legend.width(), 1),
                   heatColor(double(y) / g.legend.height(), dark));
    p.setPen(text);
    p.drawRect(g.legend);
    QFont small = p.font();
    small.setPixelSize(10);
    p.setFont(small);
    p.drawText(QPoint(g.legend.right() + 3, g.legend.top() + 10),
               QString::number(maxValue, 'f', 2));
    p.drawText(QPoint(g.legend.right() + 3, g.legend.bottom()), QStringLiteral("0"));
}

QPoint AttentionHeatmap::cellAt(const QSize& size, const LabelledMatrix& m, const QPoint& pos,
                                const QFont& font, bool hasTitle) {
    const Geometry g = heatmapLayout(size, m, font, hasTitle);
    if (!g.grid.contains(pos) || g.cellW <= 0 || g.cellH <= 0) return {-1, -1};
    return {int((pos.x() - g.grid.left()) / g.cellW), int((pos.y() - g.grid.top()) / g.cellH)};
}

void AttentionHeatmap::paintEvent(QPaintEvent*) {
    QPainter p(this);
    render(p, size(), matrix_, title_, palette().color(QPalette::Window).lightness() < 128);
}

bool AttentionHeatmap::event(QEvent* e) {
    if (e->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(e);
        const QPoint cell = cellAt(size(), matrix_, help->pos(), font(), !title_.isEmpty());
        if (cell.x() >= 0 && cell.x() < matrix_.columns && cell.y() < matrix_.rows)
            QToolTip::showText(
                help->globalPos(),
                tr("%1 → %2: %3")
                    .arg(matrix_.rowLabels.value(cell.y()), matrix_.columnLabels.value(cell.x()))
                    .arg(matrix_.at(cell.y(), cell.x()), 0, 'f', 4),
                this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(e);
}
