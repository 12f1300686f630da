#pragma once

#include <string>

namespace distilbench {

struct ModelConfig;

// README.md for a Hugging Face folder: task and labels, architecture and size, and, when the
// model comes from a DistilBench run (MODEL is RUN_DIR/best), the training data, settings,
// metrics and distillation teacher read from that run.
std::string modelCardMarkdown(const ModelConfig& config, const std::string& modelFolder,
                              std::int64_t parameters);

}  // namespace distilbench
