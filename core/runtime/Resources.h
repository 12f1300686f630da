#pragma once

#include <string>

namespace distilbench {

// Files DistilBench ships (the BERT vocabulary, the demo model): found beside an installed
// binary (../share/distilbench), through $DISTILBENCH_DATA_DIR, or in the source tree.
std::string resourcePath(const std::string& relative);
// The bundled bert-base-uncased vocab.txt used for new models; "" when missing.
std::string bundledVocabPath();
// The built-in demo: a small DistilBERT sentiment model trained on SST-2 by distilbench-cli; ""
// when missing.
std::string demoModelPath();

}  // namespace distilbench
