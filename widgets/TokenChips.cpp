#include "widgets/TokenChips.h"

#include "widgets/AttentionData.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>

namespace {
constexpr int kPadX = 6, kHeight = 24, kGapInWord = 1, kGapWords = 8, kLineGap = 6;
}

TokenChips::TokenChips(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void TokenChips::setTokens(std::vector<TokenChip> tokens, int truncateAt) {
    tokens_ = std::move(tokens);
    truncateAt_ = truncateAt;
    highlighted_.clear();
    layoutChips(width(), &rects_);
    updateGeometry();
    update();
}

void TokenChips::setHighlighted(std::vector<int> indices) {
    highlighted_ = std::move(indices);
    update();
}

int TokenChips::layoutChips(int width, std::vector<QRect>* rects) const {
    const QFontMetrics fm(font());
    int x = 0, y = 0;
    if (rects) rects->clear();
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
        const auto& t = tokens_[i];
        const int w = fm.horizontalAdvance(t.text) + 2 * kPadX;
        const bool sameWord = i > 0 && t.word >= 0 && t.word == tokens_[i - 1].word &&
                              t.segment == tokens_[i - 1].segment;
        int gap = i == 0 ? 0 : (sameWord ? kGapInWord : kGapWords);
        if (i > 0 && tokens_[i - 1].segment != t.segment) gap += 12;  // A | B
        if (x > 0 && x + gap + w > width) {
            x = 0;
            y += kHeight + kLineGap;
            gap = 0;
        }
        x += gap;
        if (rects) rects->emplace_back(x, y, w, kHeight);
        x += w;
    }
    return tokens_.empty() ? kHeight : y + kHeight + 2;
}

int TokenChips::heightForWidth(int width) const {
    return layoutChips(width, nullptr);
}

QSize TokenChips::sizeHint() const {
    return {400, layoutChips(std::max(400, width()), nullptr)};
}

void TokenChips::resizeEvent(QResizeEvent*) {
    layoutChips(width(), &rects_);
}

QRect TokenChips::chipRect(int index) const {
    return index >= 0 && index < static_cast<int>(rects_.size()) ? rects_[index] : QRect();
}

int TokenChips::chipAt(const QPoint& pos) const {
    for (std::size_t i = 0; i < rects_.size(); ++i)
        if (rects_[i].contains(pos)) return static_cast<int>(i);
    return -1;
}

TokenChips::Colors TokenChips::colorsOf(int index) const {
    const auto& t = tokens_.at(static_cast<std::size_t>(index));
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    QColor fill = t.segment == 0 ? QColor(dark ? "#1f3a5f" : "#dbe8fb")
                                 : QColor(dark ? "#4a3a1a" : "#fcebc7");
    QColor text = palette().color(QPalette::Text);
    if (t.special)
        fill = QColor(dark ? "#3c3c3c" : "#e4e4e4"), text = QColor(dark ? "#b0b0b0" : "#555555");
    if (t.unknown)
        fill = QColor(dark ? "#6b1f24" : "#f8d0d3"), text = QColor(dark ? "#ffd6d9" : "#9b1c24");
    if (t.fill.isValid()) {
        // A colour from outside (attributions run from the background to saturated green and
        // red): whichever of near-black and near-white contrasts more with it.
        fill = t.fill;
        const QColor darkText(20, 20, 20), lightText(245, 245, 245);
        text =
            contrastRatio(fill, darkText) >= contrastRatio(fill, lightText) ? darkText : lightText;
    }
    if (truncateAt_ >= 0 && index >= truncateAt_) fill.setAlpha(70);
    return {fill, text};
}

void TokenChips::paintEvent(QPaintEvent*) {
    if (rects_.size() != tokens_.size()) layoutChips(width(), &rects_);
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
        const auto& t = tokens_[i];
        const bool truncated = truncateAt_ >= 0 && static_cast<int>(i) >= truncateAt_;
        const auto [fill, text] = colorsOf(static_cast<int>(i));
        const bool lit = std::find(highlighted_.begin(), highlighted_.end(), static_cast<int>(i)) !=
                         highlighted_.end();
        p.setPen(lit ? QPen(palette().color(QPalette::Highlight), 2) : Qt::NoPen);
        p.setBrush(fill);
        p.drawRoundedRect(QRectF(rects_[i]).adjusted(0.5, 0.5, -0.5, -0.5), 5, 5);
        QFont f = font();
        f.setItalic(t.continuation);
        f.setStrikeOut(truncated);
        p.setFont(f);
        p.setPen(text);
        p.drawText(rects_[i], Qt::AlignCenter, t.text);
    }
}

void TokenChips::mousePressEvent(QMouseEvent* event) {
    const int i = chipAt(event->position().toPoint());
    if (i < 0) return;
    setHighlighted({i});
    Q_EMIT tokenClicked(i);
}

bool TokenChips::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int i = chipAt(help->pos());
        if (i >= 0) {
            const auto& t = tokens_[i];
            QString tip = tr("<b>%1</b><br>id %2<br>characters %3–%4")
                              .arg(t.text.toHtmlEscaped())
                              .arg(t.id)
                              .arg(t.begin)
                              .arg(t.end);
            if (t.special) tip += tr("<br>special token");
            if (t.unknown) tip += tr("<br>unknown: not in the vocabulary");
            if (t.continuation) tip += tr("<br>continues the previous piece");
            if (!t.note.isEmpty()) tip += "<br>" + t.note.toHtmlEscaped();
            if (truncateAt_ >= 0 && i >= truncateAt_) tip += tr("<br>cut off by max_length");
            QToolTip::showText(help->globalPos(), tip, this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}
