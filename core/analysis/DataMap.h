#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/data/Dataset.h"

namespace distilbench {

class TrainingDynamics;

// Dataset Cartography (Swayamdipta et al., 2020): each training example placed by the mean
// (confidence) and the standard deviation (variability) over epochs of its gold label's
// probability, with the share of epochs it was predicted right (correctness).
struct DataMapPoint {
    std::size_t index = 0;  // into the training examples
    double confidence = 0, variability = 0, correctness = 0;
    int epochs = 0;  // epochs that saw it
};

enum class DataMapRegion { EasyToLearn, Ambiguous, HardToLearn };

struct DataMap {
    std::vector<DataMapPoint> points;  // examples seen in at least one epoch
    int epochs = 0;
    std::vector<std::string> texts, pairs, labels, dataLabels;
    std::vector<int> gold;

    // Ambiguous: variability ≥ kAmbiguousVariability; otherwise hard to learn when the
    // confidence is under kHardConfidence (the model keeps giving the gold label little
    // probability: often a label error), else easy to learn.
    static constexpr double kAmbiguousVariability = 0.2;
    static constexpr double kHardConfidence = 0.5;
    static DataMapRegion regionOf(const DataMapPoint& p);
    static std::string regionName(DataMapRegion region);

    // The gold label's name of an example; "" for a tagged sentence (no single label).
    std::string labelOf(std::size_t index) const;
    // Hard-to-learn examples, the lowest confidence first: the likely label errors.
    std::vector<DataMapPoint> likelyLabelErrors() const;
    // Every point, the highest mean loss (-log confidence) first.
    std::vector<DataMapPoint> byLoss() const;
};

// From a run's training dynamics (RunFolder::kTrainingDynamicsFile). A map needs at least one
// epoch; variability needs two (it is 0 with one).
DataMap computeDataMap(const TrainingDynamics& dynamics);

// A copy of a CSV, TSV or JSON Lines data file without the rows of some examples (matched by
// text, pair and label as the file spells them), or of a CoNLL file (token classification)
// without some sentences (matched by their words), for the next run; the original is untouched
// and `target` must not exist. Returns the number of rows (sentences) left out. Throws Error
// naming the file for other formats, an existing target, or rows that do not line up.
std::size_t writeDataWithout(const std::string& source, Task task, const ColumnMapping& columns,
                             const std::vector<std::string>& labels,
                             const std::vector<Example>& remove, const std::string& target);

}  // namespace distilbench
