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
// labelOrder: put label ids in this order before splitting when the data's labels are those
// names (a distillation teacher's, or the labels of the model being fine-tuned, so that its
// classifier keeps meaning the same classes). `strict`: another number of labels is an error (a
// student predicts its teacher's labels); otherwise the data's order stays. Labels given in the
// config (`labels`) win: a run's config.json records the order it trained with.
RunDatasets readRunDatasets(const TrainingConfig& config,
                            const std::vector<std::string>& labelOrder = {}, bool strict = true);

// The label names a fine-tuned model keeps: when the data's labels are the ids "0".."n-1" of a
// model with as many named labels (not LABEL_i), the model's names; otherwise none.
std::vector<std::string> keptLabelNames(const std::vector<std::string>& dataLabels,
                                        const std::vector<std::string>& modelLabels);
// From RUN_DIR/config.json (for "evaluate this run's validation set").
RunDatasets readRunDatasets(const std::string& runDirectory);

}  // namespace distilbench
