#pragma once

#include <QJsonObject>

#include "core/runtime/Environment.h"

namespace distilbench {

QJsonObject environmentToJson(const EnvironmentInfo& env);
// Human-readable lines ("BLAS: OpenBLAS (OpenMP) ..."), shared by the CLI and the About dialog.
QString environmentToText(const EnvironmentInfo& env);

}  // namespace distilbench
