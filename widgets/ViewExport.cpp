#include "widgets/ViewExport.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QMessageBox>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
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

QString saveWithDialog(QWidget* widget, const QString& suggestedName) {
    QString selected;
    QString path = QFileDialog::getSaveFileName(widget, QObject::tr("Export view"), suggestedName,
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
    return path;
}

}  // namespace ViewExport
