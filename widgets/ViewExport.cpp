#include "widgets/ViewExport.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QMainWindow>
#include <QMessageBox>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSvgGenerator>
#include <QTableWidget>
#include <QToolTip>
#include <QWidget>

namespace ViewExport {

QString saveRendering(const QString& path, const QSize& size,
                      const std::function<void(QPainter&)>& paint, const QColor& background) {
    const QString ext = QFileInfo(path).suffix().toLower();
    QPainter painter;
    if (ext == QLatin1String("png")) {
        QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);  // 2x: sharp on slides
        image.setDevicePixelRatio(2.0);
        image.fill(background);
        painter.begin(&image);
        paint(painter);
        painter.end();
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
            return QObject::tr("Cannot write %1").arg(path);
        return {};
    }
    if (ext == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(QStringLiteral("DistilBench"));
        if (!painter.begin(&svg)) return QObject::tr("Cannot write %1").arg(path);
        paint(painter);
        painter.end();
        return QFileInfo(path).size() > 0 ? QString() : QObject::tr("Cannot write %1").arg(path);
    }
    if (ext == QLatin1String("pdf")) {
        QPdfWriter pdf(path);
        pdf.setResolution(96);
        pdf.setPageSize(QPageSize(QSizeF(size), QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        if (!painter.begin(&pdf)) return QObject::tr("Cannot write %1").arg(path);
        const double scale = pdf.width() / double(std::max(1, size.width()));
        painter.scale(scale, scale);
        paint(painter);
        painter.end();
        return {};
    }
    return QObject::tr("Unknown format '%1': use .png, .svg or .pdf").arg(ext);
}

QString save(QWidget* widget, const QString& path) {
    return saveRendering(
        path, widget->size(),
        [widget](QPainter& p) { widget->render(&p, {}, {}, QWidget::DrawChildren); },
        widget->palette().color(QPalette::Window));
}

QString filter() {
    return QObject::tr("PNG image (*.png);;SVG vector image (*.svg);;PDF document (*.pdf)");
}

QString suggestedPath(const QString& name) {
    if (QFileInfo(name).isAbsolute()) return name;
    // The user's documents, never the working directory (inside the app's own, read-only files
    // once installed).
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty()) folder = QDir::homePath();
    return QDir(folder).filePath(name);
}

QString filterFor(const QString& path) {
    const QStringList filters = filter().split(QStringLiteral(";;"));
    const QString suffix = QFileInfo(path).suffix().toLower();
    for (const QString& f : filters)
        if (!suffix.isEmpty() && f.contains(QStringLiteral("*.") + suffix)) return f;
    return filters.first();
}

QString saveWithDialog(QWidget* widget, const QString& suggestedName) {
    const QString suggested = suggestedPath(suggestedName);
    // The selected type agrees with the suggested name's suffix (attention.svg: SVG).
    QString selected = filterFor(suggested);
    QString path = QFileDialog::getSaveFileName(widget, QObject::tr("Export view"), suggested,
                                                filter(), &selected);
    if (path.isEmpty()) return {};
    if (QFileInfo(path).suffix().isEmpty())
        path += selected.contains(QLatin1String("svg"))   ? ".svg"
                : selected.contains(QLatin1String("pdf")) ? ".pdf"
                                                          : ".png";
    const QString error = save(widget, path);
    if (!error.isEmpty()) {
        QMessageBox::warning(widget, QObject::tr("Export"), error);
        return {};
    }
    announceSaved(widget, {path});
    return path;
}

QString announceSaved(QWidget* near, const QStringList& paths) {
    const QString message = QObject::tr("Saved %1").arg(paths.join(QStringLiteral(", ")));
    if (!near) return message;
    if (auto* window = qobject_cast<QMainWindow*>(near->window())) {
        window->statusBar()->showMessage(message, 10000);
    } else {
        QToolTip::showText(near->mapToGlobal(near->rect().center()), message, near);
    }
    return message;
}

QString csvLine(const QStringList& fields) {
    QStringList out;
    for (QString f : fields) {
        if (f.contains(',') || f.contains('"') || f.contains('\n') || f.contains('\r'))
            f = '"' + f.replace("\"", "\"\"") + '"';
        out << f;
    }
    return out.join(',');
}

bool saveCsv(const QString& path, const QList<QStringList>& rows) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return false;
    for (const QStringList& r : rows) file.write((csvLine(r) + "\n").toUtf8());
    return file.commit();
}

bool saveTableCsv(const QTableWidget* table, const QString& path) {
    QList<QStringList> rows;
    QStringList header;
    for (int c = 0; c < table->columnCount(); ++c)
        if (!table->isColumnHidden(c))
            header << (table->horizontalHeaderItem(c) ? table->horizontalHeaderItem(c)->text()
                                                      : QString());
    rows << header;
    for (int r = 0; r < table->rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < table->columnCount(); ++c)
            if (!table->isColumnHidden(c))
                row << (table->item(r, c) ? table->item(r, c)->text() : QString());
        rows << row;
    }
    return saveCsv(path, rows);
}

}  // namespace ViewExport
