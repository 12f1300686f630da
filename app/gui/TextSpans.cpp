#include "app/gui/TextSpans.h"

#include <QPlainTextEdit>
#include <QTextEdit>

int utf16Position(const QString& text, int codePoint) {
    int cp = 0;
    for (int i = 0; i < text.size(); ++i) {
        if (cp == codePoint) return i;
        if (text[i].isHighSurrogate() && i + 1 < text.size()) ++i;
        ++cp;
    }
    return text.size();
}

int codePointPosition(const QString& text, int utf16) {
    int cp = 0;
    for (int i = 0; i < text.size() && i < utf16; ++i) {
        if (text[i].isHighSurrogate() && i + 1 < text.size()) ++i;
        ++cp;
    }
    return cp;
}

namespace {
template <typename Edit>
void apply(Edit* edit, const std::vector<TextSpan>& spans) {
    const QString text = edit->toPlainText();
    QList<QTextEdit::ExtraSelection> selections;
    for (const auto& s : spans) {
        QTextEdit::ExtraSelection sel;
        sel.cursor = QTextCursor(edit->document());
        sel.cursor.setPosition(utf16Position(text, s.begin));
        sel.cursor.setPosition(utf16Position(text, s.end), QTextCursor::KeepAnchor);
        sel.format.setBackground(s.color);
        if (!s.toolTip.isEmpty()) sel.format.setToolTip(s.toolTip);
        selections << sel;
    }
    edit->setExtraSelections(selections);
}
}  // namespace

void highlightSpans(QPlainTextEdit* edit, const std::vector<TextSpan>& spans) {
    apply(edit, spans);
}
void highlightSpans(QTextEdit* edit, const std::vector<TextSpan>& spans) {
    apply(edit, spans);
}

QColor colorForLabel(const QString& label, bool dark) {
    const int hue = static_cast<int>(qHash(label) % 360);
    return QColor::fromHsl(hue, dark ? 120 : 170, dark ? 70 : 200);
}
