#include "core/analysis/Projection.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "core/analysis/Embeddings.h"
#include "core/runtime/Error.h"

namespace distilbench {
namespace {

at::Tensor rowsAsDouble(const EmbeddingSet& set, const std::vector<std::size_t>& rows) {
    at::Tensor x = at::empty(
        {static_cast<std::int64_t>(rows.size()), static_cast<std::int64_t>(set.dim)}, at::kDouble);
    double* out = x.data_ptr<double>();
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < set.dim; ++c)
            out[r * set.dim + c] = set.vectors[rows[r] * set.dim + c];
    return x;
}

// The top `k` principal axes of centred rows (columns of the result) and their variances,
// largest first; each axis signed so that its largest coordinate is positive (as sklearn's
// svd_flip), which makes the result independent of the eigen-solver's sign.
std::pair<at::Tensor, at::Tensor> principalAxes(const at::Tensor& centred, int k) {
    const std::int64_t n = centred.size(0);
    const at::Tensor cov = centred.t().matmul(centred) / std::max<std::int64_t>(1, n - 1);
    auto [values, vectors] = at::linalg_eigh(cov);  // ascending
    const std::int64_t d = values.size(0);
    k = static_cast<int>(std::min<std::int64_t>(k, d));
    const at::Tensor idx = at::arange(d - 1, d - 1 - k, -1, at::kLong);
    at::Tensor axes = vectors.index_select(1, idx).contiguous();
    const at::Tensor vars = values.index_select(0, idx).clamp_min(0);
    for (int j = 0; j < k; ++j) {
        const at::Tensor col = axes.select(1, j);
        const std::int64_t big = col.abs().argmax().item<std::int64_t>();
        if (col[big].item<double>() < 0) col.mul_(-1);
    }
    return {axes, vars};
}

}  // namespace

Projection projectPca(const EmbeddingSet& set) {
    if (set.rows < 2) throw Error("a projection needs at least two examples");
    std::vector<std::size_t> rows(set.rows);
    std::iota(rows.begin(), rows.end(), 0);
    at::Tensor x = rowsAsDouble(set, rows);
    x -= x.mean(0, true);
    const auto [axes, vars] = principalAxes(x, 2);
    const at::Tensor total =
        (x * x).sum() / static_cast<double>(std::max<std::size_t>(1, set.rows - 1));
    const at::Tensor p = x.matmul(axes).to(at::kFloat).contiguous();
    Projection out;
    out.rows = rows;
    out.x.resize(set.rows);
    out.y.resize(set.rows, 0.0f);
    const float* v = p.data_ptr<float>();
    const std::int64_t k = p.size(1);
    for (std::size_t r = 0; r < set.rows; ++r) {
        out.x[r] = v[r * k];
        if (k > 1) out.y[r] = v[r * k + 1];
    }
    const double t = total.item<double>();
    for (std::int64_t j = 0; j < vars.size(0); ++j)
        out.explained.push_back(t > 0 ? vars[j].item<double>() / t : 0.0);
    return out;
}

Projection projectTsne(const EmbeddingSet& set, const TsneOptions& o, const JobCallbacks& cb) {
    if (set.rows < 5) throw Error("t-SNE needs at least five examples");
    // A fixed sample when there are more rows than exact t-SNE can take.
    std::vector<std::size_t> rows(set.rows);
    std::iota(rows.begin(), rows.end(), 0);
    if (static_cast<int>(rows.size()) > o.maxPoints) {
        std::mt19937_64 rng(o.seed);
        std::shuffle(rows.begin(), rows.end(), rng);
        rows.resize(static_cast<std::size_t>(o.maxPoints));
        std::sort(rows.begin(), rows.end());
    }
    const std::int64_t n = static_cast<std::int64_t>(rows.size());
    const double perplexity = std::min(o.perplexity, (n - 1) / 3.0);
    at::Tensor x = rowsAsDouble(set, rows);
    x -= x.mean(0, true);
    // PCA to 50 dimensions: less noise, faster distances (the usual t-SNE front end).
    const auto [axes50, vars50] = principalAxes(x, 50);
    (void)vars50;
    x = x.matmul(axes50);

    // Affinities: a Gaussian per point whose precision gives the perplexity (binary search,
    // every row at once).
    at::Tensor d = at::cdist(x, x).pow(2);
    d = d / d.max().clamp_min(1e-12);                              // scale-free search start
    const at::Tensor eye = at::eye(n, at::kDouble).to(at::kBool);  // the search's diagonal
    at::Tensor beta = at::ones({n, 1}, at::kDouble);
    at::Tensor lo = at::zeros({n, 1}, at::kDouble);
    at::Tensor hi = at::full({n, 1}, std::numeric_limits<double>::infinity(), at::kDouble);
    const double target = std::log(perplexity);
    at::Tensor p;
    for (int step = 0; step < 100; ++step) {
        cb.checkAbort();
        p = at::exp(-d * beta).masked_fill(eye, 0.0);
        const at::Tensor sum = p.sum(1, true).clamp_min(1e-300);
        const at::Tensor entropy = at::log(sum) + beta * (d * p).sum(1, true) / sum;
        const at::Tensor diff = entropy - target;
        if (diff.abs().max().item<double>() < 1e-5) break;
        const at::Tensor tooFlat = diff > 0;  // entropy too high: sharpen (raise beta)
        lo = at::where(tooFlat, beta, lo);
        hi = at::where(tooFlat, hi, beta);
        beta = at::where(tooFlat, at::where(at::isinf(hi), beta * 2, (beta + hi) / 2),
                         (beta + lo) / 2);
    }
    p = p / p.sum(1, true).clamp_min(1e-300);
    p = ((p + p.t()) / (2.0 * n)).clamp_min(1e-12);

    // A PCA start, scaled small (sklearn's init="pca").
    const auto [axes2, vars2] = principalAxes(x, 2);
    (void)vars2;
    at::Tensor y = x.matmul(axes2);
    y = (y / y.select(1, 0).std().clamp_min(1e-12) * 1e-4).to(at::kFloat);
    // The iterations in single precision, in place where possible: each one is a handful of
    // passes over an n x n matrix, and memory bandwidth is what they cost.
    const at::Tensor pf = p.to(at::kFloat);
    at::Tensor update = at::zeros_like(y), gains = at::ones_like(y);
    // Two n x n buffers for the whole run: allocating them each iteration cost more in page
    // faults than the arithmetic.
    at::Tensor num = at::empty({n, n}, at::kFloat), w = at::empty({n, n}, at::kFloat);
    const double rate = std::max(n / 12.0 / 4.0, 50.0);
    constexpr int kExaggerationIterations = 250;
    EtaEstimator eta;
    eta.start();
    for (int it = 0; it < o.iterations; ++it) {
        cb.checkAbort();
        const bool early = it < kExaggerationIterations;
        const double exaggeration = early ? 12.0 : 1.0, momentum = early ? 0.5 : 0.8;
        // num = 1 / (1 + |yi - yj|²), from |yi|² + |yj|² - 2 yi·yj.
        const at::Tensor r = (y * y).sum(1, true);
        num.copy_(r.expand({n, n}));
        num.add_(r.t());
        num.addmm_(y, y.t(), 1.0, -2.0);
        num.clamp_min_(0).add_(1.0).reciprocal_();
        num.fill_diagonal_(0.0);
        const double z = num.sum().item<double>();
        // W = (exaggeration P - num / Z) * num; the gradient is 4 (diag(W 1) - W) y.
        w.copy_(num);
        w.mul_(num).mul_(-1.0 / z);
        w.addcmul_(pf, num, exaggeration);
        const at::Tensor grad = 4.0 * (w.sum(1, true) * y - w.matmul(y));
        gains = at::where((grad > 0) != (update > 0), gains + 0.2, gains * 0.8).clamp_min(0.01);
        update = momentum * update - rate * gains * grad;
        y += update;
        if ((it + 1) % 10 == 0 || it + 1 == o.iterations) {
            const double fraction = double(it + 1) / o.iterations;
            cb.report(
                fraction,
                "t-SNE iteration " + std::to_string(it + 1) + " of " + std::to_string(o.iterations),
                eta.update(fraction));
        }
    }
    const at::Tensor yf = y.to(at::kFloat).contiguous();
    Projection out;
    out.rows = rows;
    out.x.resize(rows.size());
    out.y.resize(rows.size());
    const float* v = yf.data_ptr<float>();
    for (std::size_t r = 0; r < rows.size(); ++r) {
        out.x[r] = v[2 * r];
        out.y[r] = v[2 * r + 1];
    }
    return out;
}

}  // namespace distilbench
