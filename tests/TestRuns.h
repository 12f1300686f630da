#pragma once

#include <QString>

#include "core/training/TrainingConfig.h"

// A run of the tiny preset that trains in a second: for tests that need a real run folder.
inline distilbench::TrainingConfig tinyRun(distilbench::Task task, const QString& trainFile,
                                           int maxSteps, int maxLength) {
    distilbench::TrainingConfig c = distilbench::TrainingConfig::defaultsFor(task, true);
    c.preset = "distilbert-tiny";
    c.trainFile = trainFile.toStdString();
    c.maxSteps = maxSteps;
    c.maxLength = maxLength;
    return c;
}
