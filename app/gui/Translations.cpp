#include "app/gui/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Translations {

std::vector<std::pair<QString, QString>> available() {
    std::vector<std::pair<QString, QString>> out{{QStringLiteral("en"), QStringLiteral("English")}};
    // .qm files are embedded under :/i18n by Qt's CMake translation support.
    const auto files =
        QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("distilbench_*.qm")});
    for (const QString& file : files) {
        const QString code = file.mid(12, file.size() - 15);
        out.emplace_back(code, QLocale(code).nativeLanguageName());
    }
    return out;
}

void install(const QString& language) {
    static QTranslator translator;
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (translator.load(locale, QStringLiteral("distilbench"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);
    // Qt's own strings (standard buttons and dialogs) from the system's Qt translations.
    static QTranslator qt;
    if (qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qt);
}

}  // namespace Translations
