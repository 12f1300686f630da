// The GUI as a module the `distilbench` launcher loads on a thread of its own (issue #18,
// start-up): this library links LibTorch, whose static initialisation (operator registration
// among ~280 shared libraries) takes ~0.4-0.8 s before any code of ours could run. The launcher
// shows its window first and calls distilbench_gui_start on the GUI thread once this module is
// loaded.
#include <QApplication>
#include <QSettings>
#include <QStringList>
#include <exception>
#include <string>

#include "app/gui/AppSettings.h"
#include "app/gui/GuiModule.h"
#include "app/gui/MainWindow.h"
#include "app/gui/PageSetup.h"
#include "app/gui/Theme.h"
#include "core/runtime/Environment.h"

namespace {
std::string startError;
}

extern "C" __attribute__((visibility("default"))) const char* distilbench_gui_start_error() {
    return startError.c_str();
}

extern "C" __attribute__((visibility("default"))) QWidget* distilbench_gui_start(
    const GuiStartArguments* arguments) {
    // No exception may cross into the launcher: what went wrong becomes its message.
    try {
        // The launcher installed the translators on the application already.
        distilbench::Runtime::initialize(AppSettings::threads());
        Theme::apply(AppSettings::theme());

        auto* window = new MainWindow;
        window->setAttribute(Qt::WA_DeleteOnClose);
        // The pages are the window's children; the struct only names them.
        static Pages pages;
        pages = setupPages(*window);
        window->show();
        QSettings settings;
        if (arguments && !arguments->path.isEmpty()) {
            window->openPath(arguments->path);
        } else {
            openAtStart(*window, pages, !settings.value("ui/firstStartDone").toBool());
        }
        settings.setValue("ui/firstStartDone", true);
        return window;
    } catch (const std::exception& e) {
        startError = e.what();
    } catch (...) {
        startError = "an unknown error";
    }
    return nullptr;
}
