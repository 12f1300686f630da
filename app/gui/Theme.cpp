#include "app/gui/Theme.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QProxyStyle>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>

namespace Theme {

namespace {
QPalette darkPalette() {
    QPalette p;
    const QColor window(37, 37, 38), base(30, 30, 30), text(230, 230, 230), accent(42, 130, 218);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, accent);
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, Qt::white);
    // Placeholders kept Fusion's dark grey: unreadable on the dark base.
    p.setColor(QPalette::PlaceholderText, QColor(150, 150, 150));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(127, 127, 127));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(127, 127, 127));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(127, 127, 127));
    return p;
}

// Fusion draws check box and radio outlines as the window colour darkened: on a dark window
// they vanish (the run history's check boxes and "Advanced" could not be seen), on a light one
// they reach 2:1 contrast. This style draws an outline in the text colour over them, above the
// 3:1 that WCAG asks of controls, in both themes.
class ReadableFusionStyle : public QProxyStyle {
public:
    ReadableFusionStyle() : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion"))) {}
    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget) const override {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        const bool box =
            element == PE_IndicatorCheckBox || element == PE_IndicatorItemViewItemCheck;
        if (!box && element != PE_IndicatorRadioButton) return;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        QColor outline = option->palette.color(QPalette::WindowText);
        outline.setAlpha(option->state & State_Enabled ? 150 : 70);
        painter->setPen(QPen(outline, 1));
        painter->setBrush(Qt::NoBrush);
        const QRectF r = QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5);
        if (box)
            painter->drawRoundedRect(r, 2, 2);
        else
            painter->drawEllipse(r);
        painter->restore();
    }
};
}  // namespace

void apply(AppSettings::Theme theme) {
    static const QPalette systemPalette = QApplication::palette();
    static const QString systemStyle = QApplication::style()->name();
    switch (theme) {
        case AppSettings::Theme::Dark:
            QApplication::setStyle(new ReadableFusionStyle);
            QApplication::setPalette(darkPalette());
            break;
        case AppSettings::Theme::Light:
            QApplication::setStyle(new ReadableFusionStyle);
            QApplication::setPalette(QApplication::style()->standardPalette());
            break;
        case AppSettings::Theme::System:
            QApplication::setStyle(QStyleFactory::create(systemStyle));
            QApplication::setPalette(systemPalette);
            break;
    }
}

bool isDark() {
    return QApplication::palette().color(QPalette::Window).lightness() < 128;
}

}  // namespace Theme
