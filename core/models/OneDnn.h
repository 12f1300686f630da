#pragma once

// The one oneDNN CPU engine of the process and this thread's stream, shared by PackedLinear and
// inferenceAttention. Included only by their .cpp files (it brings in oneDNN's header).
#include <oneapi/dnnl/dnnl.hpp>

namespace distilbench {

dnnl::engine& oneDnnEngine();
// A stream per thread: jobs on several threads may run one model at once.
dnnl::stream& oneDnnStream();

}  // namespace distilbench
