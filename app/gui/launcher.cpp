// distilbench: paints its window at once and loads the GUI module (everything that links
// LibTorch) on another thread; LibTorch's static initialisation alone takes ~0.4-0.8 s, which
// a window linked to it could not show before. When the module is in, its main window replaces
// this one at the same place. If the module cannot be loaded, this window says why (the file and
// the loader's message) instead of the program vanishing.
#include <dlfcn.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QThread>
#include <QVBoxLayout>
#include <QWidget>
#include <cstdio>
#include <memory>

#include "app/gui/AppSettings.h"
#include "app/gui/GuiModule.h"
#include "app/gui/Theme.h"
#include "app/gui/Translations.h"

namespace {

// DISTILBENCH_GUI_MODULE when set; the build tree's module for a build-tree launcher; else the
// installed one, relative to this program first (a package unpacked anywhere), then at the
// configured prefix. The last candidate is named in the error when none exists.
QString modulePath() {
    if (const QByteArray forced = qgetenv("DISTILBENCH_GUI_MODULE"); !forced.isEmpty())
        return QFile::decodeName(forced);
    const QString dir = QCoreApplication::applicationDirPath();
    const QString build = QStringLiteral(DISTILBENCH_GUI_MODULE_BUILD_PATH);
    if (QDir(dir) == QDir(QStringLiteral(DISTILBENCH_LAUNCHER_BUILD_DIR)) &&
        QFileInfo::exists(build))
        return build;
    const QString relative =
        dir + QStringLiteral("/../" DISTILBENCH_MODULE_LIBDIR "/distilbench/distilbench_gui.so");
    if (QFileInfo::exists(relative)) return QFileInfo(relative).canonicalFilePath();
    return QStringLiteral(DISTILBENCH_GUI_MODULE_INSTALL_PATH);
}

class StartupWindow : public QWidget {
public:
    StartupWindow() {
        setWindowTitle(QStringLiteral("DistilBench"));
        setWindowIcon(QIcon(QStringLiteral(":/icons/distilbench.svg")));
        auto* layout = new QVBoxLayout(this);
        layout->addStretch(2);
        auto* row = new QHBoxLayout;
        row->addStretch();
        auto* icon = new QLabel;
        icon->setPixmap(windowIcon().pixmap(64, 64));
        row->addWidget(icon);
        auto* name = new QLabel(QStringLiteral("<span style='font-size:22pt'>DistilBench</span>"));
        row->addWidget(name);
        row->addStretch();
        layout->addLayout(row);
        status_ = new QLabel(
            QApplication::translate("main", "Starting: loading the model engine (LibTorch)…"));
        status_->setAlignment(Qt::AlignCenter);
        status_->setWordWrap(true);
        status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(status_);
        busy_ = new QProgressBar;
        busy_->setRange(0, 0);  // busy: the loader gives no steps
        busy_->setMaximumWidth(320);
        layout->addWidget(busy_, 0, Qt::AlignHCenter);
        quit_ = new QPushButton(QApplication::translate("main", "Quit"));
        quit_->hide();
        connect(quit_, &QPushButton::clicked, qApp, &QApplication::quit);
        layout->addWidget(quit_, 0, Qt::AlignHCenter);
        layout->addStretch(3);
        QSettings settings;
        if (!restoreGeometry(settings.value("window/geometry").toByteArray())) resize(1200, 800);
    }

    void showError(const QString& message) {
        status_->setText(message);
        busy_->hide();
        quit_->show();
    }

private:
    QLabel* status_;
    QProgressBar* busy_;
    QPushButton* quit_;
};

// The message the module left when its entry point returned no window.
const char* guiStartError(void* handle) {
    using ErrorFunction = const char* (*)();
    auto error = reinterpret_cast<ErrorFunction>(dlsym(handle, kGuiStartErrorSymbol));
    return error ? error() : "the main window could not be created";
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("DistilBench"));
    QApplication::setApplicationName(QStringLiteral("DistilBench"));
    QApplication::setApplicationVersion(QStringLiteral(DISTILBENCH_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.distilbench.DistilBench"));
    // Language and theme as the main window will have them (Qt-only code, compiled in here too).
    // The translators stay installed on the application for the module's windows.
    Translations::install(AppSettings::language());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Workbench for BERT-family encoders"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("path"),
                                 QApplication::translate("main", "Model folder or file to open"),
                                 QStringLiteral("[path]"));
    parser.process(app);  // --help and --version answer here, without LibTorch
    Theme::apply(AppSettings::theme());

    StartupWindow window;
    window.show();
    // Painted before the loader starts: loading holds the dynamic loader's lock for the whole
    // of LibTorch's initialisation, and a first paint may itself load plugins (icon engines,
    // input methods) that would wait for it.
    QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    window.repaint();
    QGuiApplication::sync();

    const QString path = modulePath();
    void* handle = nullptr;
    QString error;
    std::unique_ptr<QThread> loader(QThread::create([&] {
        // RTLD_NOW: a missing symbol is reported here, not as a crash later.
        handle = dlopen(QFile::encodeName(path).constData(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) error = QString::fromLocal8Bit(dlerror());
    }));
    GuiStartArguments arguments;
    if (!parser.positionalArguments().isEmpty())
        arguments.path = parser.positionalArguments().first();
    auto fail = [&](const QString& reason) {
        const QString message =
            QApplication::translate("main", "DistilBench cannot start: %1: %2").arg(path, reason);
        std::fprintf(stderr, "%s\n", qPrintable(message));
        window.showError(message);
    };
    QObject::connect(loader.get(), &QThread::finished, &window, [&] {
        auto start =
            handle ? reinterpret_cast<GuiStartFunction>(dlsym(handle, kGuiStartSymbol)) : nullptr;
        if (!start) {
            fail(error.isEmpty() ? QApplication::translate("main", "no entry point %1")
                                       .arg(QString::fromLatin1(kGuiStartSymbol))
                                 : error);
            return;
        }
        // The module has its own copy of Theme, which remembers the platform's palette and style
        // the first time it applies a theme: hand it the application as the platform left it
        // (nothing is painted in between), or choosing "System" later would bring back ours.
        Theme::apply(AppSettings::Theme::System);
        if (!start(&arguments)) {
            Theme::apply(AppSettings::theme());
            fail(QString::fromUtf8(guiStartError(handle)));
            return;
        }
        window.hide();
    });
    loader->start();
    const int status = app.exec();
    // Closed while the module was still loading: the loader cannot be interrupted, so wait for
    // it (a QThread destroyed while running aborts the process).
    loader->wait();
    return status;
}
