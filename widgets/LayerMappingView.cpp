#include "widgets/LayerMappingView.h"

#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <algorithm>

LayerMappingView::LayerMappingView(QWidget* parent) : QWidget(parent) {
    setMinimumSize(220, 160);
}

void LayerMappingView::setMapping(int teacherLayers, const std::vector<int>& mapping,
                                  int studentLayers) {
    teacherLayers_ = std::max(0, teacherLayers);
    mapping_ = mapping;
    studentLayers_ = studentLayers >= 0 ? studentLayers : static_cast<int>(mapping.size());
    setToolTip(description());
    setAccessibleDescription(description());
    update();
}

QString LayerMappingView::description() const {
    if (mapping_.empty())
        return tr("The student (%n layer(s)) starts from its own weights.", nullptr,
                  studentLayers_);
    QStringList parts;
    for (std::size_t i = 0; i < mapping_.size(); ++i)
        parts << tr("student %1 ← teacher %2").arg(i).arg(mapping_[i]);
    return parts.join(", ");
}

void LayerMappingView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    paint(p, size());
}

void LayerMappingView::paint(QPainter& p, const QSize& size) const {
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const int rows = std::max({teacherLayers_, studentLayers_, 1}) + 1;  // + embeddings
    const double top = 24, bottom = size.height() - 6.0;
    const double rowH = (bottom - top) / rows;
    const double boxW = std::min(120.0, size.width() * 0.32), boxH = std::max(6.0, rowH * 0.72);
    const double leftX = 8, rightX = size.width() - boxW - 8;
    QFont f = p.font();
    f.setPointSizeF(std::max(6.0, std::min(9.0, boxH * 0.55)));
    p.setFont(f);
    p.setPen(pal.color(QPalette::WindowText));
    p.drawText(QRectF(leftX, 0, boxW, 20), Qt::AlignCenter, tr("Teacher"));
    p.drawText(QRectF(rightX, 0, boxW, 20), Qt::AlignCenter, tr("Student"));
    // Layer k of a stack with n layers sits k rows above the embeddings, bottom-up.
    auto rowY = [&](int k) { return bottom - (k + 1.5) * rowH - boxH / 2; };
    auto box = [&](double x, double y, const QString& text, const QColor& fill) {
        const QRectF r(x, y, boxW, boxH);
        p.setPen(QPen(pal.color(QPalette::Mid), 1));
        p.setBrush(fill);
        p.drawRoundedRect(r, 3, 3);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(r, Qt::AlignCenter, text);
        return r;
    };
    const QColor teacherFill = QColor(31, 119, 180, 60), studentFill = QColor(255, 127, 14, 70),
                 embedFill = QColor(44, 160, 44, 60);
    const double embedY = bottom - rowH * 0.5 - boxH / 2;
    box(leftX, embedY, tr("embeddings"), embedFill);
    box(rightX, embedY, tr("embeddings"), embedFill);
    std::vector<QRectF> teacherBoxes, studentBoxes;
    for (int k = 0; k < teacherLayers_; ++k)
        teacherBoxes.push_back(box(leftX, rowY(k), tr("layer %1").arg(k), teacherFill));
    for (int k = 0; k < studentLayers_; ++k)
        studentBoxes.push_back(box(rightX, rowY(k), tr("layer %1").arg(k), studentFill));
    if (mapping_.empty()) return;
    p.setBrush(Qt::NoBrush);
    auto link = [&](const QRectF& a, const QRectF& b) {
        QPainterPath path(QPointF(a.right(), a.center().y()));
        const double mid = (a.right() + b.left()) / 2;
        path.cubicTo(QPointF(mid, a.center().y()), QPointF(mid, b.center().y()),
                     QPointF(b.left(), b.center().y()));
        p.drawPath(path);
    };
    p.setPen(QPen(pal.color(QPalette::Highlight), 1.6));
    link(QRectF(leftX, embedY, boxW, boxH), QRectF(rightX, embedY, boxW, boxH));
    for (std::size_t i = 0; i < mapping_.size() && i < studentBoxes.size(); ++i)
        if (mapping_[i] >= 0 && mapping_[i] < teacherLayers_)
            link(teacherBoxes[mapping_[i]], studentBoxes[i]);
}
