#include "core/inference/Benchmark.h"

#include <algorithm>
#include <chrono>
#include <numeric>
#include <random>

#include "core/models/Int8Linear.h"
#include "core/models/Model.h"
#include "core/runtime/Environment.h"
#include "core/runtime/Error.h"
#include "core/tokenizers/Tokenizer.h"

namespace distilbench {

ModelBenchmark benchmarkModel(Model& model, int batch, int sequenceLength, int iterations,
                              int warmup, const JobCallbacks& callbacks, bool allTokens) {
    if (batch < 1 || sequenceLength < 1 || iterations < 1)
        throw Error("batch, sequence length and iterations must be positive");
    if (sequenceLength > model.config().maxPositions)
        throw Error("sequence length " + std::to_string(sequenceLength) + " exceeds the model's " +
                    std::to_string(model.config().maxPositions) + " positions");
    std::mt19937 rng(0);
    const int vocab = model.config().vocabSize;
    std::uniform_int_distribution<int> token(std::min(1000, vocab - 1), vocab - 1);
    InferenceRequest request;
    request.allTokens = allTokens;
    request.inputIds.assign(batch, std::vector<std::int64_t>(sequenceLength));
    for (auto& row : request.inputIds)
        for (auto& id : row) id = token(rng);
    std::vector<double> times;
    for (int i = 0; i < warmup + iterations; ++i) {
        callbacks.checkAbort();
        const auto t0 = std::chrono::steady_clock::now();
        model.run(request);
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count();
        if (i >= warmup) times.push_back(ms);
        callbacks.report(double(i + 1) / (warmup + iterations), "forward " + std::to_string(i + 1));
    }
    ModelBenchmark b;
    b.batch = batch;
    b.sequenceLength = sequenceLength;
    b.iterations = iterations;
    b.threads = Runtime::threads();
    b.allTokens = allTokens;
    b.dtype = model.isDynamicInt8()                            ? "int8"
              : model.computeDType() == ComputeDType::BFloat16 ? "bf16"
                                                               : "f32";
    if (model.isDynamicInt8()) b.int8WeightBits = model.int8WeightBits();
    b.meanMs = std::accumulate(times.begin(), times.end(), 0.0) / times.size();
    std::sort(times.begin(), times.end());
    b.medianMs = times[times.size() / 2];
    b.minMs = times.front();
    b.sequencesPerSecond = batch * 1000.0 / b.medianMs;
    return b;
}

TokenizerBenchmark benchmarkTokenizer(const Tokenizer& tokenizer,
                                      const std::vector<std::string>& sentences, int repeats) {
    TokenizerBenchmark b;
    b.sentences = sentences.size();
    for (const auto& s : sentences) b.bytes += s.size();
    double best = 1e300;
    for (int r = 0; r < std::max(1, repeats); ++r) {
        std::size_t tokens = 0;
        const auto t0 = std::chrono::steady_clock::now();
        for (const auto& s : sentences) tokens += tokenizer.encode(s).size();
        best = std::min(
            best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        b.tokens = tokens;
    }
    b.seconds = best;
    b.sentencesPerSecond = b.sentences / best;
    b.tokensPerSecond = b.tokens / best;
    return b;
}

}  // namespace distilbench
