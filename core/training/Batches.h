#pragma once

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/data/Dataset.h"

namespace distilbench {

class Tokenizer;
struct ModelInputs;

// One example as token ids, with the labels of its task.
struct EncodedExample {
    std::vector<std::int64_t> ids, types;
    int label = -1;                         // classification
    std::vector<float> multi;               // multi-label: 0/1 per label
    float target = 0;                       // regression
    std::vector<std::int64_t> tokenLabels;  // token classification: per token, or ignored
};

// Padded tensors of a few examples: ids, token types, attention mask and the task's labels.
struct Batch {
    at::Tensor ids, types, mask, labels;
};

// Tokenizes every example. Token classification labels the first piece of each word and
// marks the other pieces Objective::kIgnoreIndex, as transformers' examples do.
std::vector<EncodedExample> encodeDataset(const Dataset& dataset, const Tokenizer& tokenizer,
                                          int maxLength);

// Pads the examples `indices` of `data` to the longest one. Masked-LM labels come from masking
// and stay undefined here.
Batch collateBatch(const std::vector<EncodedExample>& data, const std::vector<std::size_t>& indices,
                   Task task, std::int64_t padId, c10::Device device);

// The batch as model inputs (ids, token types, attention mask).
ModelInputs modelInputs(const Batch& batch);

// How one epoch's examples are cut into batches.
struct BatchOrder {
    std::uint64_t seed = 42;
    int batchSize = 16;  // per process
    bool groupByLength = true;
    int worldSize = 1;  // data-parallel processes
    int rank = 0;
};

// The batches (example indices) this process trains on in `epoch`: a seeded shuffle; with
// length grouping, the Hugging Face Trainer's order (mega-batches of 50 global batches sorted
// by length, longest first). Every process builds the same global batches and takes its own
// slice of each, so a data-parallel step sees batchSize x worldSize examples.
// With several processes a global batch is sorted by length and cut into contiguous slices
// whose padded token counts (examples x longest) are as even as they can be, every process
// getting at least one example where there are enough: a step waits for the slowest process,
// and equal halves of shuffled batches left one process idle for the other's longer padding.
// The slices then differ in size, so each process's mean loss is weighted by its share
// (globalCounts[i]: the examples of batch i's global batch; see dataParallelShare).
std::vector<std::vector<std::size_t>> epochBatches(
    const std::vector<EncodedExample>& data, const BatchOrder& order, int epoch,
    std::vector<std::size_t>* globalCounts = nullptr);

// The weight of a process's mean loss over `examples` of a global batch of `globalExamples`
// among `worldSize` processes, such that summing the gradients and dividing by `worldSize`
// gives the global batch's mean: examples x worldSize / globalExamples (1 for one process).
double dataParallelShare(std::size_t examples, std::size_t globalExamples, int worldSize);

// How `lengths` (sorted longest first) are cut among `parts` processes: the first index of each
// part's contiguous run, smallest largest (count x first length) first; exposed for tests.
std::vector<std::size_t> balancedSplit(const std::vector<std::size_t>& lengths, int parts);

}  // namespace distilbench
