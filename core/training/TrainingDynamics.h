#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace at {
class Tensor;
}

namespace distilbench {

// Dataset Cartography's bookkeeping (Swayamdipta et al., 2020): for each training example and
// epoch, the probability of its gold label and whether it was predicted, read off the logits of
// the training pass itself (no extra forward). Single-label and token classification (gold -1:
// a sentence has no single label); the texts and label names go with it so that the data map
// reads without the data file.
class TrainingDynamics {
public:
    // `labels`: the names shown; `dataLabels`: the labels as the data file spells them (what
    // a copy of the file without some examples matches).
    void reset(std::vector<std::string> texts, std::vector<std::string> pairs,
               std::vector<int> gold, std::vector<std::string> labels,
               std::vector<std::string> dataLabels);
    // After a training forward: `logits` [batch, classes] of the examples `indices`; for token
    // classification [batch, tokens, classes] with `labels` [batch, tokens] (-100 ignored): an
    // example's probability is the mean over its labelled tokens of their gold tag's, and it
    // counts as right when every labelled token is.
    void record(int epoch, const std::vector<std::size_t>& indices, const at::Tensor& logits,
                const at::Tensor& labels);
    void record(int epoch, const std::vector<std::size_t>& indices, const at::Tensor& logits);
    bool empty() const { return texts_.empty(); }

    // The file in a run folder (RunFolder::kTrainingDynamicsFile), written atomically.
    void save(const std::string& path) const;
    // Throws Error naming the file when it is not one of ours or its sizes disagree.
    static TrainingDynamics load(const std::string& path);

    const std::vector<std::string>& texts() const { return texts_; }
    const std::vector<std::string>& pairs() const { return pairs_; }  // "" when none
    const std::vector<std::string>& dataLabels() const { return dataLabels_; }
    const std::vector<int>& gold() const { return gold_; }
    const std::vector<std::string>& labels() const { return labels_; }
    // [epoch][example]: NaN where the epoch did not reach the example (a stopped run).
    const std::vector<std::vector<float>>& probabilities() const { return probabilities_; }
    const std::vector<std::vector<std::uint8_t>>& correct() const { return correct_; }

private:
    std::vector<std::string> texts_, pairs_;
    std::vector<int> gold_;
    std::vector<std::string> labels_, dataLabels_;
    std::vector<std::vector<float>> probabilities_;
    std::vector<std::vector<std::uint8_t>> correct_;  // 2 = not seen
};

}  // namespace distilbench
