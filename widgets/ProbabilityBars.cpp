#include "widgets/ProbabilityBars.h"

#include <QPainter>
#include <algorithm>

namespace {
constexpr int kRow = 26;
}

ProbabilityBars::ProbabilityBars(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);
}

void ProbabilityBars::setValues(const QStringList& labels,
                                const std::vector<float>& probabilities) {
    labels_ = labels;
    values_ = probabilities;
    updateGeometry();
    update();
}

void ProbabilityBars::clear() {
    setValues({}, {});
}

QSize ProbabilityBars::sizeHint() const {
    return {360, std::max<int>(1, labels_.size()) * kRow + 4};
}
QSize ProbabilityBars::minimumSizeHint() const {
    return {160, std::max<int>(1, labels_.size()) * kRow + 4};
}

void ProbabilityBars::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm(font());
    int labelWidth = 60;
    for (const QString& l : labels_)
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(l) + 12);
    const int valueWidth = fm.horizontalAdvance(QStringLiteral("100.0%")) + 10;
    const int barWidth = std::max(20, width() - labelWidth - valueWidth);
    const auto best =
        values_.empty() ? -1 : std::max_element(values_.begin(), values_.end()) - values_.begin();
    const QColor accent = palette().color(QPalette::Highlight);
    for (int i = 0; i < labels_.size() && i < static_cast<int>(values_.size()); ++i) {
        const int y = i * kRow + 2;
        QFont f = font();
        f.setBold(i == best);
        p.setFont(f);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(0, y, labelWidth - 8, kRow - 4), Qt::AlignVCenter | Qt::AlignRight,
                   labels_[i]);
        const QRect track(labelWidth, y + 4, barWidth, kRow - 12);
        p.setPen(Qt::NoPen);
        p.setBrush(palette().color(QPalette::AlternateBase).darker(110));
        p.drawRoundedRect(track, 3, 3);
        QColor c = accent;
        if (i != best) c.setAlpha(130);
        p.setBrush(c);
        const float v = std::clamp(values_[i], 0.0f, 1.0f);
        p.drawRoundedRect(
            QRect(track.left(), track.top(), static_cast<int>(track.width() * v), track.height()),
            3, 3);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(labelWidth + barWidth + 6, y, valueWidth, kRow - 4),
                   Qt::AlignVCenter | Qt::AlignLeft,
                   QString::number(values_[i] * 100.0, 'f', 1) + QLatin1Char('%'));
    }
}
