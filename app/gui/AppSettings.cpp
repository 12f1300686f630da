#include "app/gui/AppSettings.h"

#include <QSettings>

int AppSettings::threads() {
    return QSettings().value("runtime/threads", 0).toInt();
}
void AppSettings::setThreads(int threads) {
    QSettings().setValue("runtime/threads", threads);
}
QString AppSettings::device() {
    return QSettings().value("runtime/device", "cpu").toString();
}
void AppSettings::setDevice(const QString& device) {
    QSettings().setValue("runtime/device", device);
}

AppSettings::Theme AppSettings::theme() {
    const QString t = QSettings().value("ui/theme", "system").toString();
    return t == "dark" ? Theme::Dark : t == "light" ? Theme::Light : Theme::System;
}

void AppSettings::setTheme(Theme theme) {
    QSettings().setValue("ui/theme", theme == Theme::Dark    ? "dark"
                                     : theme == Theme::Light ? "light"
                                                             : "system");
}

QString AppSettings::language() {
    return QSettings().value("ui/language", "").toString();
}
void AppSettings::setLanguage(const QString& language) {
    QSettings().setValue("ui/language", language);
}

QStringList AppSettings::recentFiles() {
    return QSettings().value("files/recent").toStringList();
}

void AppSettings::addRecentFile(const QString& path) {
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles) files.removeLast();
    QSettings().setValue("files/recent", files);
}

void AppSettings::clearRecentFiles() {
    QSettings().remove("files/recent");
}
