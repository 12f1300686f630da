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
    // Room for every label in full (bold, as the best one is drawn), capped so that a page with
    // very long label names still fits; beyond the cap they are elided with "…", never cut.
    const int labels = std::min(fullLabelWidth(), 320);
    return {labels + valueWidth() + 40, std::max<int>(1, labels_.size()) * kRow + 4};
}

int ProbabilityBars::fullLabelWidth() const {
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics fm(bold);
    int width = 60;
    for (const QString& l : labels_) width = std::max(width, fm.horizontalAdvance(l) + 12);
    return width;
}

int ProbabilityBars::valueWidth() const {
    return QFontMetrics(font()).horizontalAdvance(QStringLiteral("100.0%")) + 10;
}

int ProbabilityBars::labelWidth() const {
    // At most half the widget: the bars are the point.
    return std::min(fullLabelWidth(), std::max(60, width() / 2));
}

QStringList ProbabilityBars::elidedLabels() const {
    QStringList out;
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics fm(bold);
    for (const QString& l : labels_)
        if (fm.horizontalAdvance(l) > labelWidth() - 8) out << l;
    return out;
}

void ProbabilityBars::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const int labelWidth = this->labelWidth();
    const int valueWidth = this->valueWidth();
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
                   QFontMetrics(f).elidedText(labels_[i], Qt::ElideRight, labelWidth - 8));
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
