#include "app/gui/PageSetup.h"

#include <QStyle>

#include "app/gui/MainWindow.h"
#include "app/gui/StartPage.h"

void setupPages(MainWindow& window) {
    auto* start = new StartPage(&window);
    window.addPage(QObject::tr("Start"), window.style()->standardIcon(QStyle::SP_DirHomeIcon), start);
}
