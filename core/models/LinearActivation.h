#pragma once

namespace distilbench {

// An activation a Linear layer applies to its output in the same pass as the product (a oneDNN
// post-op) instead of a pass of its own: the exact (erf) GELU or its tanh approximation.
enum class LinearActivation { None, GeluErf, GeluTanh };

}  // namespace distilbench
