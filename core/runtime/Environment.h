#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace distilbench {

struct BlasInfo {
    std::string name;     // "OpenBLAS", "reference BLAS", "MKL", "BLIS" or "unknown"
    std::string library;  // resolved path of the library that provides sgemm_
    std::string config;   // openblas_get_config() when available
    bool isReference = false;
};

struct EnvironmentInfo {
    std::string appVersion;
    std::string qtVersion;
    std::string torchVersion;
    BlasInfo blas;
    int threads = 1;
    int cores = 1;
    std::vector<std::string> devices;  // "cpu", "cuda:0", ...
    bool cudaAvailable = false;
    bool bf16Native = false;  // CPU has AVX512-BF16 or AMX-BF16
    // Model::cpuInt8WeightBits() where the caller measured it (8, or 7 without VNNI); 0 = not
    // measured (it runs an int8 product, which collect() leaves to its callers).
    int int8WeightBits = 0;
    bool sentencePieceLoaded = false;
    std::string sentencePieceStatus;  // version, or why it could not be loaded
    std::int64_t residentBytes = 0;
};

// Process-wide runtime setup. LibTorch starts with one intra-op thread; we use every core
// unless told otherwise.
class Runtime {
public:
    // threads <= 0 means "one per core".
    static void initialize(int threads = 0);
    static void setThreads(int threads);
    static int threads();
    static int coreCount();
    static bool cudaAvailable();
    static int cudaDeviceCount();
    static bool bf16Native();
    // bf16 compute is offered only where the CPU has it natively (elsewhere LibTorch emulates it
    // and a forward takes minutes). DISTILBENCH_BF16=allow accepts emulated bf16, =off treats
    // the CPU as lacking it.
    static bool bf16Usable();
    // Throws Error("<what>: this CPU ... has no native bf16 ...") unless bf16Usable().
    static void requireBf16(const std::string& what);
    static BlasInfo detectBlas();
    static std::int64_t residentBytes();
    static std::string torchVersion();
    static std::string appVersion();
    static EnvironmentInfo collect();
};

}  // namespace distilbench
