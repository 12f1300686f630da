#pragma once

#include "app/gui/AppSettings.h"

class QApplication;

// Light and dark palettes on the Fusion style; "system" keeps the platform palette.
namespace Theme {
void apply(AppSettings::Theme theme);
bool isDark();
}  // namespace Theme
