#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/runtime/JobCallbacks.h"

namespace distilbench {

// One file of a model repository as the Hub lists it.
struct HubFile {
    std::string name;        // path in the repository ("config.json", "onnx/model.onnx")
    std::int64_t size = -1;  // bytes, -1 when the listing did not say
    std::string sha256;      // LFS files: the content's sha256
};

struct HubModelInfo {
    std::string id;
    std::string commit;  // the revision resolved to a commit
    std::vector<HubFile> files;
};

// A model the Hub's search found.
struct HubSearchResult {
    std::string id;
    std::string task;     // pipeline_tag, "" when none
    std::string library;  // library_name
    std::string license;  // from the "license:..." tag
    std::string architecture, modelType;
    std::int64_t downloads = 0, likes = 0;
    std::string lastModified;  // ISO 8601
    bool supported = false;    // its config is one DistilBench computes (known before download)
    std::string problem;       // why not
};

struct HubDownload {
    std::string snapshot;  // the snapshot folder, ready to open
    std::string commit;
    std::vector<std::string> files;
    std::int64_t downloadedBytes = 0;  // 0 when every file was in the cache already
};

// A client of the Hugging Face Hub (or anything serving its API at HF_ENDPOINT) that writes
// huggingface_hub's own cache layout, so that Python and DistilBench find what the other
// downloaded. Blocking calls for a job thread (or the CLI): progress and Cancel through
// JobCallbacks; errors are one-line Error messages ("needs a token", "no such model", the
// network's reason).
class HubClient {
public:
    // Endpoint, token and cache from the environment (HubCache).
    HubClient();
    void setEndpoint(const std::string& url) { endpoint_ = url; }
    void setToken(const std::string& token) { token_ = token; }
    void setCacheDir(const std::string& dir) { cache_ = dir; }
    const std::string& cacheDir() const { return cache_; }

    // Models whose id matches `query`, most downloaded first; `task` filters by pipeline tag
    // (text-classification, token-classification, question-answering, fill-mask) and `library`
    // by library (transformers, onnx, …); "" = any.
    std::vector<HubSearchResult> search(const std::string& query, const std::string& task = {},
                                        const std::string& library = {}, int limit = 30,
                                        const JobCallbacks& callbacks = {}) const;
    HubModelInfo modelInfo(const std::string& repoId, const std::string& revision,
                           const JobCallbacks& callbacks = {}) const;
    // The model card (README.md) as Markdown without its YAML header; "" when the model has
    // none. At most 1 MiB is read.
    std::string modelCard(const std::string& repoId, const std::string& revision = "main",
                          const JobCallbacks& callbacks = {}) const;
    // The files a model needs from a listing: config, tokenizer files, model card, and the
    // weights (safetensors over .bin; an index and its shards), plus those matching `include`
    // (shell wildcards).
    static std::vector<std::string> filesToDownload(const HubModelInfo& info,
                                                    const std::vector<std::string>& include = {});
    // The files transformers may ask for that the listing lacks: a download records them as
    // huggingface_hub does (empty files in .no_exist/<commit>/), so that Python, offline,
    // knows they are absent instead of failing on them.
    static std::vector<std::string> absentFiles(const HubModelInfo& info);
    // Downloads what the model needs into the cache (resuming interrupted blobs, checking each
    // against its sha256 or git hash, safe against a concurrent download of the same blob) and
    // returns its snapshot.
    HubDownload download(const std::string& repoId, const std::string& revision = "main",
                         const std::vector<std::string>& include = {},
                         const JobCallbacks& callbacks = {}) const;

private:
    std::string endpoint_, token_, cache_;
};

// Where a model argument points: an existing folder or file as it is; a Hub id from the cache
// (offline, or when `download` is false) or downloaded. Throws Error when neither works.
std::string resolveModelLocation(const std::string& pathOrId, bool download,
                                 const JobCallbacks& callbacks = {});

}  // namespace distilbench
