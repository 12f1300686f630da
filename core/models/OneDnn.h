#pragma once

// The one oneDNN CPU engine of the process and this thread's stream, shared by PackedLinear,
// Int8Linear, TrainingLinear, TrainingMatmul and inferenceAttention. Included only by their
// .cpp files (it brings in oneDNN's header).
#include <ATen/core/Tensor.h>

#include <cstdint>
#include <oneapi/dnnl/dnnl.hpp>
#include <unordered_map>

#include "core/models/LinearActivation.h"

namespace distilbench {

dnnl::engine& oneDnnEngine();
// A stream per thread: jobs on several threads may run one model at once.
dnnl::stream& oneDnnStream();
// Whether oneDNN works on this CPU (its engine could be made).
bool oneDnnWorks();

// A copy of the weights at `data` (laid out as `plain`) in the layout `packed` the primitive
// reads, made once.
dnnl::memory reorderedWeights(const dnnl::memory::desc& plain, const void* data,
                              const dnnl::memory::desc& packed);

// A matmul of src [M, K] and weights [K, N] into dst [M, N], plus a bias [1, N] when `bias` is
// given (the float32 bias of a Linear layer).
dnnl::matmul::primitive_desc matmulDescriptor(const dnnl::memory::desc& src,
                                              const dnnl::memory::desc& weights,
                                              const dnnl::memory::desc* bias,
                                              const dnnl::memory::desc& dst,
                                              const dnnl::primitive_attr& attributes);

// Adds `activation` as a post-op of `attributes` (nothing for None), after any it has.
void appendActivation(dnnl::primitive_attr& attributes, LinearActivation activation);

// `y` with `activation` applied as a pass of its own: where a product could not take it as a
// post-op.
at::Tensor applyActivation(const at::Tensor& y, LinearActivation activation);

// Runs `primitive` on `rows` rows of src (of `srcType`, [rows, K]) into float32 dst [rows, N],
// with its weights, a float32 bias of N values (or none) and any further arguments the
// primitive takes at run time (int8's scales and zero point), on this thread's stream.
void runMatmul(const dnnl::matmul& primitive, dnnl::memory::data_type srcType, const void* src,
               std::int64_t rows, std::int64_t k, const dnnl::memory& weights, const float* bias,
               float* dst, std::int64_t n,
               const std::unordered_map<int, dnnl::memory>& runTimeArguments = {});

// Whether `t` is a float32 strided tensor on the CPU: what the oneDNN paths take.
bool cpuFloat32(const at::Tensor& t);

// Whether oneDNN can read float32 CPU tensor `t` in place by its sizes and strides: every
// dimension longer than 1 has a positive stride (an expanded tensor's 0 does not qualify).
bool readableInPlace(const at::Tensor& t);

// dst = src · weights (+ bias), read and written in place through their strides: src
// [..., M, K], weights [..., K, N], dst [..., M, N] (batch dimensions equal), bias [N] or
// [1, N] or nullptr; all float32 on the CPU and readableInPlace. Transposed views cost nothing:
// the strides say where each element is. An empty dst is left as it is; with K = 0 it is
// filled with the bias (or zeros), as at::matmul/at::linear give. The primitive is made for these
// shapes and strides (oneDNN's primitive cache, bounded in oneDnnEngine(), keeps the recent ones).
void stridedMatmul(const at::Tensor& src, const at::Tensor& weights, const at::Tensor* bias,
                   const at::Tensor& dst);

}  // namespace distilbench
