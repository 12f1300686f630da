#pragma once

#include <ATen/core/Tensor.h>

#include <memory>
#include <string>
#include <vector>

namespace distilbench {

// Data-parallel training through LibTorch's c10d process group (Gloo on CPU), set up from the
// torchrun variables RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT (LOCAL_RANK picks the GPU).
// Include only from .cpp files.
class DistributedContext {
public:
    // Null when WORLD_SIZE is unset or 1; throws Error when the variables are inconsistent.
    static std::unique_ptr<DistributedContext> fromEnvironment();
    ~DistributedContext();

    int rank() const { return rank_; }
    int worldSize() const { return worldSize_; }
    // Sums each tensor over all processes in one collective. A float32 tensor may come back
    // as a view of the shared buffer instead of being copied into (use the vector's tensors
    // afterwards). A 2-D tensor marked in `rowSparse` travels as the rows that are non-zero in
    // some process and is updated in place: a word embedding's gradient touches only the rows
    // of the batch's tokens.
    void allReduceSum(std::vector<at::Tensor>& tensors, const std::vector<bool>& rowSparse = {});
    double allReduceSum(double value);
    double allReduceMean(double value) { return allReduceSum(value) / worldSize_; }
    void barrier();

private:
    DistributedContext() = default;
    struct Impl;
    std::unique_ptr<Impl> impl_;
    int rank_ = 0, worldSize_ = 1;
};

}  // namespace distilbench
