#pragma once

#include <QCoreApplication>
#include <QSettings>
#include <QString>

#include "core/runtime/Environment.h"

// What every GUI test's initTestCase does: a settings scope of its own, emptied, so that no
// earlier run or user profile leaks in, and the runtime initialised with every core.
inline void initGuiTest(const QString& applicationName) {
    QCoreApplication::setOrganizationName("DistilBenchTest");
    QCoreApplication::setApplicationName(applicationName);
    QSettings().clear();
    distilbench::Runtime::initialize(0);
}
