#pragma once

#include <QString>
#include <utility>
#include <vector>

class QCoreApplication;

namespace Translations {
// (code, native name) of every language with a compiled-in translation, English first.
std::vector<std::pair<QString, QString>> available();
// Installs the translator for the configured language, or the system locale when empty.
void install(const QString& language);
}  // namespace Translations
