#pragma once

#include <QColor>
#include <QSize>
#include <QString>
#include <QStringList>
#include <functional>

class QPainter;
class QWidget;
class QTableWidget;

// Saves what a widget draws as PNG (at 2x for sharp slides), SVG or PDF (vector: what papers
// need), chosen by the file extension. Returns an error message, empty on success.
namespace ViewExport {
QString save(QWidget* widget, const QString& path);
// The same for any drawing code (the CLI renders views without a window).
QString saveRendering(const QString& path, const QSize& size,
                      const std::function<void(QPainter&)>& paint,
                      const QColor& background = Qt::white);
// File dialog filter listing the three formats.
QString filter();
// Asks for a file name and saves; reports errors in a message box. Returns the path or "".
QString saveWithDialog(QWidget* widget, const QString& suggestedName);
// Confirms a finished export where the user looks without blocking them: the window's status
// bar for a while ("Saved /path/file.csv"), or a tooltip-like note when the widget has none.
// Returns the message shown.
QString announceSaved(QWidget* near, const QStringList& paths);
// Where a save dialog starts: a relative name goes into the user's Documents folder.
QString suggestedPath(const QString& name);
// The entry of filter() that matches the path's suffix (PNG when none matches).
QString filterFor(const QString& path);
// One CSV line (RFC 4180 quoting) without the line break.
QString csvLine(const QStringList& fields);
// Rows as CSV through a temporary file and a rename; false when it cannot be written.
bool saveCsv(const QString& path, const QList<QStringList>& rows);
// A table as shown (header, then every row in its current order; hidden columns left out).
bool saveTableCsv(const QTableWidget* table, const QString& path);
}  // namespace ViewExport
