#pragma once

#include <QString>
#include <QStringList>

// Typed access to the persisted settings (QSettings, organisation "DistilBench").
class AppSettings {
public:
    enum class Theme { System, Light, Dark };

    static int threads();  // 0 = one per core
    static void setThreads(int threads);
    static QString device();  // "cpu" or "cuda:N"
    static void setDevice(const QString& device);
    static Theme theme();
    static void setTheme(Theme theme);
    static QString language();  // "" = system locale, otherwise "en", "de", "fr"
    static void setLanguage(const QString& language);
    static QStringList recentFiles();
    static void addRecentFile(const QString& path);
    static void clearRecentFiles();
    static constexpr int kMaxRecentFiles = 10;
};
