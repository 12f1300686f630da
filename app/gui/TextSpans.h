#pragma once

#include <QColor>
#include <QString>
#include <vector>

class QTextEdit;
class QPlainTextEdit;

// Offsets from core count Unicode code points; Qt's text cursors count UTF-16 units.
int utf16Position(const QString& text, int codePoint);
int codePointPosition(const QString& text, int utf16);

struct TextSpan {
    int begin = 0, end = 0;  // code points
    QColor color;
    QString toolTip;
};
// Marks spans with background colours (extra selections: the text itself is not changed).
void highlightSpans(QPlainTextEdit* edit, const std::vector<TextSpan>& spans);
void highlightSpans(QTextEdit* edit, const std::vector<TextSpan>& spans);
// A stable, readable colour per label name.
QColor colorForLabel(const QString& label, bool dark);
