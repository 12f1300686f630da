#pragma once

#include <string>
#include <vector>

#include "core/runtime/JobCallbacks.h"

namespace distilbench {

class Model;
class Tokenizer;

struct ModelBenchmark {
    int batch = 0, sequenceLength = 0, iterations = 0, threads = 0;
    std::string dtype;
    int int8WeightBits = 0;  // Model::int8WeightBits() for int8, else 0
    bool allTokens = false;
    double meanMs = 0, medianMs = 0, minMs = 0;
    double sequencesPerSecond = 0;
};

// Times forward passes of a [batch, seq] batch of random ids (after warm-up runs), as
// Model::run computes them: a classifier's last layer for the first token only, unless
// `allTokens` (every token's output, as an exported graph computes it).
ModelBenchmark benchmarkModel(Model& model, int batch, int sequenceLength, int iterations,
                              int warmup, const JobCallbacks& callbacks = {},
                              bool allTokens = false);

struct TokenizerBenchmark {
    std::size_t sentences = 0, tokens = 0, bytes = 0;
    double seconds = 0;
    double sentencesPerSecond = 0, tokensPerSecond = 0;
};

// Encodes every sentence once on the calling thread (best of `repeats` passes).
TokenizerBenchmark benchmarkTokenizer(const Tokenizer& tokenizer,
                                      const std::vector<std::string>& sentences, int repeats = 3);

}  // namespace distilbench
