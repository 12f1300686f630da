#pragma once

#include <QString>

class QWidget;

// Saves what a widget draws as PNG (at 2x for sharp slides), SVG or PDF (vector: what papers
// need), chosen by the file extension. Returns an error message, empty on success.
namespace ViewExport {
QString save(QWidget* widget, const QString& path);
// File dialog filter listing the three formats.
QString filter();
// Asks for a file name and saves; reports errors in a message box. Returns the path or "".
QString saveWithDialog(QWidget* widget, const QString& suggestedName);
}  // namespace ViewExport
