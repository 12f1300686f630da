#pragma once

#include <string>
#include <vector>

#include "core/data/Dataset.h"
#include "core/training/TrainingConfig.h"

namespace distilbench {

// The data of a run exactly as its training saw it: the same files, the same seeded splits.
struct RunDatasets {
    Dataset train, validation, test;
    // The run's max_length: evaluate at the length it was trained and scored at.
    int maxLength = 128;
};
// labelOrder: put label ids in this order (a distillation teacher's) before splitting.
RunDatasets readRunDatasets(const TrainingConfig& config,
                            const std::vector<std::string>& labelOrder = {});
// From RUN_DIR/config.json (for "evaluate this run's validation set").
RunDatasets readRunDatasets(const std::string& runDirectory);

}  // namespace distilbench
