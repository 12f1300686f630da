#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace distilbench {

struct CachedModel {
    std::string repoId;        // "distilbert/distilbert-base-uncased"
    std::string path;          // the snapshot folder to open
    std::string revision;      // snapshot folder name (commit hash)
    std::string architecture;  // from config.json, "" when unknown
    std::string modelType;
    std::int64_t bytes = 0;  // weights on disk
    bool supported = false;  // its config.json is one DistilBench computes
    std::string problem;     // why not, when it is not
};

// The Hugging Face hub cache folders in the order transformers looks: $HF_HUB_CACHE,
// $HF_HOME/hub, $XDG_CACHE_HOME/huggingface/hub, ~/.cache/huggingface/hub (existing ones only).
std::vector<std::string> huggingFaceCacheDirs();
// Lists models--org--name/snapshots/<rev>/ folders that hold a config.json, newest first per repo.
std::vector<CachedModel> scanHuggingFaceCache(const std::vector<std::string>& cacheDirs);

}  // namespace distilbench
