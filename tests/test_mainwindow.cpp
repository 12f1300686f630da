#include <dlfcn.h>

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include "GuiTestSupport.h"

#include "TestModels.h"
#include "app/common/JobRunner.h"
#include "app/gui/AppSettings.h"
#include "app/gui/GuiModule.h"
#include "app/gui/MainWindow.h"
#include "app/gui/PageSetup.h"
#include "app/gui/PlaygroundPage.h"
#include "app/gui/SettingsDialog.h"
#include "app/gui/StartPage.h"
#include "app/gui/Workspace.h"
#include "core/runtime/Environment.h"
#include "widgets/MessageBanner.h"

class MainWindowTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initGuiTest("DistilBenchTest"); }

    void startsAndShowsWindow() {
        MainWindow window;
        setupPages(window);
        window.resize(1100, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.pageTitles().isEmpty());
        QCOMPARE(window.pageTitles().first(), QStringLiteral("Start"));
        const QImage shot = window.grab().toImage();
        QVERIFY(!shot.isNull());
        const QString dir = QStringLiteral(DISTILBENCH_BUILD_DIR "/screenshots");
        QDir().mkpath(dir);
        const QString file = dir + "/mainwindow-" + QGuiApplication::platformName() + ".png";
        QVERIFY(shot.save(file));
        QVERIFY(QFileInfo(file).size() > 1000);
    }

    // #18 start-up: `distilbench` is a launcher without LibTorch that paints its window and
    // loads the GUI module on a thread; the module's entry point opens the real main window.
    void launcherLoadsTheGuiModule() {
        QProcess ldd;
        ldd.start("ldd", {DISTILBENCH_GUI});
        QVERIFY(ldd.waitForFinished(10000));
        const QByteArray libs = ldd.readAllStandardOutput();
        QVERIFY2(libs.contains("libQt6Widgets"), libs.constData());
        QVERIFY2(!libs.contains("libtorch") && !libs.contains("libc10"), libs.constData());
        QProcess version;
        version.start(DISTILBENCH_GUI, {"--version"});
        QVERIFY(version.waitForFinished(10000));
        QCOMPARE(version.exitCode(), 0);
        QVERIFY(version.readAllStandardOutput().contains(DISTILBENCH_VERSION_STRING));

        // What the launcher calls once the module is loaded (nothing to open: no job is running
        // when the window closes, which would ask first).
        QSettings().setValue("ui/firstStartDone", true);
        AppSettings::clearRecentFiles();
        void* module = dlopen(DISTILBENCH_GUI_MODULE, RTLD_NOW | RTLD_LOCAL);
        QVERIFY2(module, dlerror());
        auto start = reinterpret_cast<GuiStartFunction>(dlsym(module, kGuiStartSymbol));
        QVERIFY(start);
        GuiStartArguments arguments;
        QPointer<QWidget> window = start(&arguments);
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QVERIFY(window->inherits("MainWindow"));  // the module's own copy of the class
        QCOMPARE(window->windowTitle(), QStringLiteral("DistilBench"));
        window->close();
        QTRY_VERIFY(window.isNull());  // deleted on close
    }

    // Without its module the launcher stays up and says which file is missing and why.
    void launcherWithoutTheModuleSaysWhy() {
        QTemporaryDir dir;
        const QString copy = dir.filePath("distilbench");
        QVERIFY(QFile::copy(DISTILBENCH_GUI, copy));
        QFile(copy).setPermissions(QFile::permissions(DISTILBENCH_GUI));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("DISTILBENCH_GUI_MODULE", dir.filePath("lib/distilbench_gui.so"));
        p.setProcessEnvironment(env);
        p.start(copy, {});
        QVERIFY(p.waitForStarted());
        QByteArray err;
        for (int i = 0; i < 100 && !err.contains('\n'); ++i) {
            p.waitForReadyRead(200);
            err += p.readAllStandardError();
        }
        QVERIFY2(err.contains("DistilBench cannot start: "), err.constData());
        QVERIFY2(err.contains("distilbench_gui.so"), err.constData());
        QCOMPARE(p.state(), QProcess::Running);  // the window stays, with a Quit button
        p.kill();
        p.waitForFinished();
    }

    void statusBarShowsRuntime() {
        MainWindow window;
        QStringList texts;
        for (QLabel* l : window.statusBar()->findChildren<QLabel*>()) texts << l->text();
        const QString all = texts.join('|');
        QVERIFY2(all.contains("Device: CPU"), qPrintable(all));
        QVERIFY2(all.contains(QString("Threads: %1").arg(distilbench::Runtime::threads())),
                 qPrintable(all));
        QVERIFY2(all.contains("BLAS: OpenBLAS"), qPrintable(all));
        QVERIFY2(all.contains("Memory: "), qPrintable(all));
        // OpenBLAS in use: no warning banner
        QVERIFY(!window.banner()->isVisibleTo(&window));
    }

    void settingsPersist() {
        AppSettings::setThreads(3);
        AppSettings::setTheme(AppSettings::Theme::Dark);
        AppSettings::setLanguage("de");
        QCOMPARE(AppSettings::threads(), 3);
        QCOMPARE(AppSettings::theme(), AppSettings::Theme::Dark);
        QCOMPARE(AppSettings::language(), QStringLiteral("de"));
        for (int i = 0; i < 12; ++i) AppSettings::addRecentFile(QString("/tmp/model%1").arg(i));
        AppSettings::addRecentFile("/tmp/model5");
        const QStringList recent = AppSettings::recentFiles();
        QCOMPARE(recent.size(), AppSettings::kMaxRecentFiles);
        QCOMPARE(recent.first(), QStringLiteral("/tmp/model5"));
        QCOMPARE(recent.count("/tmp/model5"), 1);
        QSettings().clear();
        QCOMPARE(AppSettings::theme(), AppSettings::Theme::System);
    }

    void settingsDialogStoresValues() {
        SettingsDialog dialog;
        auto* threads = dialog.findChild<QSpinBox*>();
        QVERIFY(threads);
        threads->setValue(2);
        dialog.accept();
        QCOMPARE(AppSettings::threads(), 2);
        QSettings().clear();
    }

    void dropOpensPath() {
        MainWindow window;
        QSignalSpy opened(&window, &MainWindow::openRequested);
        QTemporaryDir dir;
        const QString path = QFileInfo(dir.path()).absoluteFilePath();
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // A drag enters first (as it does for a user); the window accepts URLs.
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton,
                              Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &drop);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.first().first().toString(), path);
        // Recent lists what opened, not what was asked for: nothing opened this folder.
        QVERIFY(!AppSettings::recentFiles().contains(path));
        QSettings().clear();
    }

    // Failed opens went into Open Recent; "Use the Demo Model" left the user on the start page.
    void recentListsOnlyWhatOpenedAndTheDemoOpensThePlayground() {
        QSettings().clear();
        MainWindow window;
        Pages pages = setupPages(window);
        QTemporaryDir notAModel;
        QSignalSpy failed(pages.workspace->runner(), &JobRunner::failed);
        window.openPath(notAModel.path());
        QVERIFY(failed.wait(10000));
        QVERIFY(
            !AppSettings::recentFiles().contains(QFileInfo(notAModel.path()).absoluteFilePath()));
        QTemporaryDir model;
        makeTextModel(model.path());
        QSignalSpy changed(pages.workspace, &Workspace::modelChanged);
        window.openPath(model.path());
        QVERIFY(changed.wait(10000));
        QTRY_VERIFY(
            AppSettings::recentFiles().contains(QFileInfo(model.path()).absoluteFilePath()));
        if (!Workspace::demoAvailable()) QSKIP("the demo model is not built");
        QPushButton* demo = nullptr;
        for (auto* b : pages.start->findChildren<QPushButton*>())
            if (b->text().contains("Demo")) demo = b;
        QVERIFY(demo);
        demo->click();
        QVERIFY(changed.wait(10000));
        QCOMPARE(window.currentPage(), static_cast<QWidget*>(pages.playground));
        // The next start reopens the last model that opened.
        MainWindow next;
        Pages nextPages = setupPages(next);
        QSignalSpy reopened(nextPages.workspace, &Workspace::modelChanged);
        QCOMPARE(openAtStart(next, nextPages, false), QFileInfo(model.path()).absoluteFilePath());
        QVERIFY(reopened.wait(10000));
        QCOMPARE(nextPages.workspace->modelPath(), QFileInfo(model.path()).absoluteFilePath());
        QSettings().clear();
    }

    void mainActionsHaveShortcuts() {
        MainWindow window;
        QStringList missing;
        for (QAction* a : window.menuBar()->actions()) {
            for (QAction* item : a->menu()->actions()) {
                const QString t = item->text();
                if ((t.contains("Open Model") || t.contains("Settings") || t.contains("Quit")) &&
                    item->shortcut().isEmpty())
                    missing << t;
            }
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(", ")));
    }
};

QTEST_MAIN(MainWindowTest)
#include "test_mainwindow.moc"
