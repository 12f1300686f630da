#include <QApplication>
#include <QCommandLineParser>

#include "app/gui/AppSettings.h"
#include "app/gui/MainWindow.h"
#include "app/gui/PageSetup.h"
#include "app/gui/PlaygroundPage.h"
#include "app/gui/Theme.h"
#include "app/gui/Translations.h"
#include "app/gui/Workspace.h"

#include <QSettings>
#include "core/runtime/Environment.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("DistilBench"));
    QApplication::setApplicationName(QStringLiteral("DistilBench"));
    QApplication::setApplicationVersion(QString::fromStdString(distilbench::Runtime::appVersion()));
    QApplication::setDesktopFileName(QStringLiteral("io.github.distilbench.DistilBench"));
    Translations::install(AppSettings::language());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Workbench for BERT-family encoders"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("path"),
                                 QApplication::translate("main", "Model folder or file to open"),
                                 QStringLiteral("[path]"));
    parser.process(app);

    distilbench::Runtime::initialize(AppSettings::threads());
    Theme::apply(AppSettings::theme());

    MainWindow window;
    const Pages pages = setupPages(window);
    window.show();
    QSettings settings;
    if (!parser.positionalArguments().isEmpty()) {
        window.openPath(parser.positionalArguments().first());
    } else {
        openAtStart(window, pages, !settings.value("ui/firstStartDone").toBool());
    }
    settings.setValue("ui/firstStartDone", true);
    return app.exec();
}
