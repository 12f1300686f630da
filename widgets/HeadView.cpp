#include "widgets/HeadView.h"

#include <QMouseEvent>
#include <QPainter>

namespace {
constexpr int kRowHeight = 18, kTop = 8;
}

HeadView::HeadView(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
}

void HeadView::setData(const AttentionData* data, int layer, std::set<int> heads) {
    data_ = data;
    layer_ = layer;
    heads_ = std::move(heads);
    hover_ = -1;
    updateGeometry();
    update();
}

QSize HeadView::sizeHint() const {
    return {480, data_ ? data_->length * kRowHeight + 2 * kTop : 200};
}

void HeadView::render(QPainter& p, const QSize& size, const AttentionData& d, int layer,
                      const std::set<int>& heads, int focus, bool dark) {
    p.fillRect(QRect(QPoint(0, 0), size), dark ? QColor(37, 37, 38) : Qt::white);
    if (d.isEmpty()) return;
    p.setRenderHint(QPainter::Antialiasing);
    const int rowH =
        std::max(4, std::min(kRowHeight, (size.height() - 2 * kTop) / std::max(1, d.length)));
    const int colW = std::max(60, size.width() / 4);
    const int leftX = colW, rightX = size.width() - colW;
    auto y = [&](int i) { return kTop + i * rowH + rowH / 2.0; };
    for (int h : heads) {
        if (h < 0 || h >= d.heads) continue;
        QColor c = headColor(h);
        for (int q = 0; q < d.length; ++q) {
            if (focus >= 0 && q != focus) continue;
            for (int k = 0; k < d.length; ++k) {
                const float a = d.at(layer, h, q, k);
                if (a < 0.01f) continue;
                c.setAlphaF(std::min(1.0f, a) * (focus >= 0 ? 1.0 : 0.8) /
                            std::max<std::size_t>(1, heads.size()) * 1.5);
                p.setPen(QPen(c, 1.0 + 2.0 * a));
                p.drawLine(QPointF(leftX + 4, y(q)), QPointF(rightX - 4, y(k)));
            }
        }
    }
    QFont f = p.font();
    f.setPixelSize(std::max(6, rowH - 4));
    p.setFont(f);
    const QColor text = dark ? QColor(230, 230, 230) : QColor(20, 20, 20);
    for (int i = 0; i < d.length; ++i) {
        const bool lit = i == focus;
        QFont tf = f;
        tf.setBold(lit);
        p.setFont(tf);
        p.setPen(d.special.size() > std::size_t(i) && d.special[i] ? QColor(128, 128, 128) : text);
        p.drawText(QRectF(0, kTop + i * rowH, leftX - 4, rowH), Qt::AlignRight | Qt::AlignVCenter,
                   d.tokens.value(i));
        p.drawText(QRectF(rightX + 4, kTop + i * rowH, colW - 4, rowH),
                   Qt::AlignLeft | Qt::AlignVCenter, d.tokens.value(i));
    }
}

void HeadView::paintEvent(QPaintEvent*) {
    if (!data_) return;
    QPainter p(this);
    render(p, size(), *data_, layer_, heads_, hover_,
           palette().color(QPalette::Window).lightness() < 128);
}

void HeadView::mouseMoveEvent(QMouseEvent* event) {
    if (!data_ || data_->isEmpty()) return;
    const int rowH =
        std::max(4, std::min(kRowHeight, (height() - 2 * kTop) / std::max(1, data_->length)));
    const int colW = std::max(60, width() / 4);
    const int x = static_cast<int>(event->position().x());
    const int i = static_cast<int>((event->position().y() - kTop) / rowH);
    const int hover = (x < colW && i >= 0 && i < data_->length) ? i : -1;
    if (hover != hover_) {
        hover_ = hover;
        update();
    }
}

void HeadView::leaveEvent(QEvent*) {
    hover_ = -1;
    update();
}
