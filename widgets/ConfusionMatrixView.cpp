#include "widgets/ConfusionMatrixView.h"

#include <QMouseEvent>
#include <QPainter>
#include <algorithm>

#include "widgets/AttentionData.h"

namespace {
constexpr int kLabelW = 110, kLabelH = 70, kLegendW = 70;
}

ConfusionMatrixView::ConfusionMatrixView(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
}

void ConfusionMatrixView::setMatrix(const QStringList& labels,
                                    const std::vector<std::vector<int>>& counts) {
    labels_ = labels;
    counts_ = counts;
    update();
}

void ConfusionMatrixView::setMode(Mode mode) {
    mode_ = mode;
    update();
}

double ConfusionMatrixView::value(int r, int c) const {
    const double v = counts_[r][c];
    if (mode_ == Mode::RowNormalised) {
        double sum = 0;
        for (int x : counts_[r]) sum += x;
        return sum > 0 ? v / sum : 0;
    }
    if (mode_ == Mode::ColumnNormalised) {
        double sum = 0;
        for (const auto& row : counts_) sum += row[c];
        return sum > 0 ? v / sum : 0;
    }
    return v;
}

QString ConfusionMatrixView::cellText(int r, int c) const {
    return mode_ == Mode::Counts ? QString::number(counts_[r][c])
                                 : QString::number(value(r, c), 'f', 2);
}

QRect ConfusionMatrixView::gridRect() const {
    const int side = std::max(10, std::min(width() - kLabelW - kLegendW, height() - kLabelH - 24));
    return {kLabelW, kLabelH, side, side};
}

QRect ConfusionMatrixView::cellRect(int r, int c) const {
    const QRect g = gridRect();
    const int n = std::max<int>(1, labels_.size());
    return {g.left() + c * g.width() / n, g.top() + r * g.height() / n, g.width() / n,
            g.height() / n};
}

void ConfusionMatrixView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    const int n = labels_.size();
    if (n == 0 || static_cast<int>(counts_.size()) != n) return;
    double maxValue = 1e-9;
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c) maxValue = std::max(maxValue, value(r, c));
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c) {
            const QRect cell = cellRect(r, c);
            const double t = value(r, c) / maxValue;
            p.fillRect(cell, heatColor(t, dark));
            p.setPen(t > 0.55 ? (dark ? Qt::black : Qt::white) : palette().color(QPalette::Text));
            if (cell.height() > fontMetrics().height())
                p.drawText(cell, Qt::AlignCenter, cellText(r, c));
        }
    p.setPen(palette().color(QPalette::Text));
    for (int i = 0; i < n; ++i) {
        const QRect row = cellRect(i, 0), col = cellRect(0, i);
        p.drawText(QRect(0, row.top(), kLabelW - 6, row.height()),
                   Qt::AlignRight | Qt::AlignVCenter, labels_[i]);
        p.drawText(QRect(col.left(), kLabelH - 22, col.width(), 20), Qt::AlignCenter, labels_[i]);
    }
    p.drawText(QRect(kLabelW, 0, gridRect().width(), 20), Qt::AlignCenter, tr("predicted"));
    p.save();
    p.translate(12, gridRect().center().y());
    p.rotate(-90);
    p.drawText(QRect(-60, -10, 120, 20), Qt::AlignCenter, tr("true"));
    p.restore();
    const QRect g = gridRect();
    const QRect legend(g.right() + 16, g.top(), 14, g.height());
    for (int y = 0; y < legend.height(); ++y)
        p.fillRect(QRect(legend.left(), legend.bottom() - y, legend.width(), 1),
                   heatColor(double(y) / legend.height(), dark));
    p.drawRect(legend);
    p.drawText(QPoint(legend.right() + 4, legend.top() + 10),
               mode_ == Mode::Counts ? QString::number(maxValue, 'f', 0)
                                     : QString::number(maxValue, 'f', 2));
    p.drawText(QPoint(legend.right() + 4, legend.bottom()), QStringLiteral("0"));
}

void ConfusionMatrixView::mousePressEvent(QMouseEvent* event) {
    for (int r = 0; r < labels_.size(); ++r)
        for (int c = 0; c < labels_.size(); ++c)
            if (cellRect(r, c).contains(event->position().toPoint())) {
                Q_EMIT cellClicked(r, c);
                return;
            }
}

int ConfusionMatrixView::total() const {
    int n = 0;
    for (const auto& row : counts_)
        for (int c : row) n += c;
    return n;
}
