#pragma once

// The one oneDNN CPU engine of the process and this thread's stream, shared by PackedLinear,
// Int8Linear and inferenceAttention. Included only by their .cpp files (it brings in oneDNN's
// header).
#include <oneapi/dnnl/dnnl.hpp>

namespace distilbench {

dnnl::engine& oneDnnEngine();
// A stream per thread: jobs on several threads may run one model at once.
dnnl::stream& oneDnnStream();

// A copy of the weights at `data` (laid out as `plain`) in the layout `packed` the primitive
// reads, made once.
dnnl::memory reorderedWeights(const dnnl::memory::desc& plain, const void* data,
                              const dnnl::memory::desc& packed);

}  // namespace distilbench
