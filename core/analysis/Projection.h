#pragma once

#include <cstdint>
#include <vector>

#include "core/runtime/JobCallbacks.h"

namespace distilbench {

struct EmbeddingSet;

// Points in two dimensions for the projector.
struct Projection {
    std::vector<float> x, y;
    std::vector<std::size_t> rows;  // the embedding row of each point
    std::vector<double> explained;  // PCA: each component's share of the variance
};

// The first two principal components of every row (centred; the covariance's eigenvectors,
// computed in double precision).
Projection projectPca(const EmbeddingSet& set);

struct TsneOptions {
    double perplexity = 30;
    int iterations = 750;
    int maxPoints = 3000;  // exact t-SNE is O(n²): larger sets are sampled (fixed seed)
    std::uint64_t seed = 42;
};

// t-SNE (van der Maaten & Hinton, 2008) on a sample of the rows: PCA to 50 dimensions first,
// perplexity-calibrated affinities, early exaggeration, momentum and gains as in sklearn, a PCA
// start. Deterministic for a seed; progress and Cancel between iterations.
Projection projectTsne(const EmbeddingSet& set, const TsneOptions& options = {},
                       const JobCallbacks& callbacks = {});

}  // namespace distilbench
