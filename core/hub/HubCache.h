#pragma once

#include <optional>
#include <string>

namespace distilbench::HubCache {

// huggingface_hub's cache, shared with Python: models--org--name/{blobs/<etag>,
// refs/<revision>, snapshots/<commit>/<file> -> ../../blobs/<etag>}.

// huggingface_hub's folder: HF_HOME, else XDG_CACHE_HOME/huggingface, else ~/.cache/huggingface.
std::string hfHome();
// Where downloads go, as huggingface_hub decides it: HF_HUB_CACHE, HUGGINGFACE_HUB_CACHE,
// HF_HOME/hub, XDG_CACHE_HOME/huggingface/hub, ~/.cache/huggingface/hub (the first set).
std::string cacheDir();
// The Hub's address: HF_ENDPOINT or https://huggingface.co (no trailing slash).
std::string endpoint();
// HF_HUB_OFFLINE=1 (or true/yes): ids resolve from the cache only.
bool offline();
// "org/name" or "name" as the Hub spells repository ids: letters, digits, '-', '_', '.', at
// most one '/', no "--" or ".." and no leading or trailing separator.
bool isRepoId(const std::string& text);
// models--org--name inside `cache`.
std::string repoFolder(const std::string& cache, const std::string& repoId);
// A 40-hex commit hash.
bool isCommitHash(const std::string& revision);

// The snapshot folder of `revision` (a branch or tag through refs/, or a commit hash) when it
// is in the cache with a config.json; nothing otherwise.
std::optional<std::string> snapshot(const std::string& cache, const std::string& repoId,
                                    const std::string& revision = "main");

// Deletes a model from the cache: its models--org--name folder (blobs belong to one repository
// in this layout, so no other model loses a file) and its download locks. Refused, with the
// path, when the folder holds anything the Hub's layout does not (blobs, refs, snapshots,
// .no_exist) or while a download holds one of its locks.
void deleteCachedModel(const std::string& cache, const std::string& repoId);

// A model argument that names a Hub model: "org/name" or "org/name@revision" (the revision is
// "main" when not given); nothing for anything else (a bare name, a path).
struct ModelId {
    std::string repoId, revision;
};
std::optional<ModelId> parseModelId(const std::string& text);

// What a model argument means: an existing path as it is; "org/name" or "org/name@revision"
// (a Hub id, which needs the '/') as its snapshot in cacheDir() when it is there; the argument
// unchanged otherwise (the caller then reports it missing). No network.
std::string localPath(const std::string& pathOrId);

}  // namespace distilbench::HubCache
