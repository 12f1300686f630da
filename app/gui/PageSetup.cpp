#include "app/gui/PageSetup.h"

#include <QFileInfo>

#include "app/gui/AppSettings.h"

#include <QApplication>
#include <QIconEngine>
#include <QPainter>
#include <QStyle>

#include "app/gui/AnalysePage.h"
#include "app/gui/AttentionPage.h"
#include "app/gui/DistillPage.h"
#include "app/gui/EvaluatePage.h"
#include "app/gui/ExportDialog.h"
#include "app/gui/MainWindow.h"
#include "app/gui/ModelsPage.h"
#include "app/gui/PlaygroundPage.h"
#include "app/gui/StartPage.h"
#include "app/gui/TokenizerPage.h"
#include "app/gui/TrainPage.h"
#include "app/gui/Workspace.h"

namespace {
// A play triangle in the application palette's text colour.
class PlayIconEngine : public QIconEngine {
public:
    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State) override {
        const QPalette palette = QApplication::palette();
        QColor color = palette.color(
            mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active, QPalette::WindowText);
        if (mode == QIcon::Selected) color = palette.color(QPalette::HighlightedText);
        const QRectF r = QRectF(rect).adjusted(rect.width() * 0.22, rect.height() * 0.18,
                                               -rect.width() * 0.18, -rect.height() * 0.18);
        const QPointF triangle[3] = {r.topLeft(), QPointF(r.right(), r.center().y()),
                                     r.bottomLeft()};
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawPolygon(triangle, 3);
        painter->restore();
    }
    QIconEngine* clone() const override { return new PlayIconEngine; }
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override {
        QPixmap pm(size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        paint(&p, QRect(QPoint(0, 0), size), mode, state);
        return pm;
    }
};
}  // namespace

Pages setupPages(MainWindow& window) {
    Pages pages;
    pages.workspace = new Workspace(window.jobRunner(), &window);
    pages.start = new StartPage(&window, pages.workspace);
    pages.models = new ModelsPage(&window, pages.workspace);
    pages.tokenizer = new TokenizerPage(pages.workspace, &window);
    pages.attention = new AttentionPage(pages.workspace, &window);
    pages.playground = new PlaygroundPage(pages.workspace, &window);
    pages.train = new TrainPage(pages.workspace, &window);
    pages.evaluate = new EvaluatePage(pages.workspace, &window);
    pages.distill = new DistillPage(pages.workspace, &window);
    pages.analyse = new AnalysePage(pages.workspace, &window);
    QStyle* style = window.style();
    window.addPage(QObject::tr("Start"), style->standardIcon(QStyle::SP_DirHomeIcon), pages.start);
    window.addPage(QObject::tr("Models"), style->standardIcon(QStyle::SP_DriveHDIcon),
                   pages.models);
    window.addPage(QObject::tr("Tokenizer"), style->standardIcon(QStyle::SP_FileDialogDetailedView),
                   pages.tokenizer);
    window.addPage(QObject::tr("Attention"), style->standardIcon(QStyle::SP_FileDialogContentsView),
                   pages.attention);
    // The style's play icon is black: unreadable on a dark sidebar. This one is painted in the
    // palette's text colour at paint time, so it follows the theme.
    window.addPage(QObject::tr("Playground"), QIcon(new PlayIconEngine), pages.playground);
    window.addPage(QObject::tr("Train"), style->standardIcon(QStyle::SP_BrowserReload),
                   pages.train);
    window.addPage(QObject::tr("Evaluate"), style->standardIcon(QStyle::SP_DialogApplyButton),
                   pages.evaluate);
    window.addPage(QObject::tr("Distill"), style->standardIcon(QStyle::SP_ArrowDown),
                   pages.distill);
    window.addPage(QObject::tr("Analyse"), style->standardIcon(QStyle::SP_FileDialogInfoView),
                   pages.analyse);
    // An example from the confusion matrix opens in the Playground.
    QObject::connect(pages.evaluate, &EvaluatePage::openInPlayground, &window,
                     [&window, pages](const QString& text) {
                         pages.playground->setText(text);
                         window.showPage(pages.playground);
                     });
    QObject::connect(pages.analyse, &AnalysePage::openInPlayground, &window,
                     [&window, pages](const QString& text) {
                         pages.playground->setText(text);
                         window.showPage(pages.playground);
                     });
    // Whatever the user opens (menu, drop, recent, command line) goes to the workspace; a model
    // shows its summary, a tokenizer file the Tokenizer page.
    QObject::connect(&window, &MainWindow::openRequested, pages.workspace,
                     [&window, pages](const QString& path) {
                         pages.workspace->open(path);
                         window.showPage(Workspace::isTokenizerFile(path)
                                             ? static_cast<QWidget*>(pages.tokenizer)
                                             : pages.models);
                     });
    QObject::connect(pages.workspace, &Workspace::opened, &window, &MainWindow::addRecent);
    // The demo model is for trying: it opens in the Playground.
    QObject::connect(pages.start, &StartPage::demoRequested, &window, [&window, pages] {
        if (pages.workspace->openDemo() < 0) return;
        QObject::connect(
            pages.workspace, &Workspace::modelChanged, &window,
            [&window, pages] { window.showPage(pages.playground); }, Qt::SingleShotConnection);
    });
    QObject::connect(pages.distill, &DistillPage::compareRequested, &window,
                     [&window, pages](const QString& teacher, const QString& run) {
                         pages.evaluate->compareWithRun(teacher, run);
                         window.showPage(pages.evaluate);
                     });
    QObject::connect(&window, &MainWindow::exportRequested, &window, [&window, pages] {
        auto* dialog = new ExportDialog(pages.workspace, &window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    QObject::connect(&window, &MainWindow::settingsChanged, pages.workspace,
                     &Workspace::applyDeviceSetting);
    return pages;
}

QString openAtStart(MainWindow& window, const Pages& pages, bool firstStart) {
    const QStringList recent = AppSettings::recentFiles();
    if (!recent.isEmpty() && QFileInfo::exists(recent.first())) {
        window.openPath(recent.first());
        return recent.first();
    }
    if (firstStart && Workspace::demoAvailable()) {
        // The first start opens the demo so that every page has something to show.
        pages.workspace->openDemo();
        window.showPage(pages.playground);
        return QStringLiteral("demo");
    }
    return {};
}
