#pragma once

#include <QString>

class QWidget;

// What the `distilbench` launcher hands the GUI module (app/gui/GuiModule.cpp) once it is
// loaded: the path from the command line ("" for none). Both windows restore the geometry the
// main window saved, so the main window appears where the launcher's was.
struct GuiStartArguments {
    QString path;
};

// The module's entry point, called on the GUI thread; returns the main window (shown), or null
// when it could not be made, and then distilbench_gui_start_error() says why.
using GuiStartFunction = QWidget* (*)(const GuiStartArguments*);
inline constexpr const char* kGuiStartSymbol = "distilbench_gui_start";
inline constexpr const char* kGuiStartErrorSymbol = "distilbench_gui_start_error";
