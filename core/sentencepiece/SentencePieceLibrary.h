#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "core/sentencepiece/SentencePieceBackend.h"

namespace distilbench {

// Finds and opens the sentencepiece module once per process (lazily: loading it is only needed
// when a .model file is used). Search order: $DISTILBENCH_SENTENCEPIECE_MODULE, the executable's
// folder, ../lib/distilbench beside it, then the build and install folders known at compile time.
class SentencePieceLibrary {
public:
    static SentencePieceLibrary& instance();

    bool available();
    const std::string& loadError();
    std::string version();
    std::string modulePath();
    // A fresh backend; throws distilbench::Error when the module cannot be loaded.
    std::unique_ptr<SentencePieceBackend> create();

private:
    SentencePieceLibrary() = default;
    void ensureLoaded();

    std::once_flag once_;
    void* handle_ = nullptr;
    using Factory = SentencePieceBackend* (*)();
    Factory factory_ = nullptr;
    std::string path_;
    std::string error_;
};

}  // namespace distilbench
