#include "core/runtime/Environment.h"

#include <oneapi/dnnl/dnnl.hpp>

#include "core/runtime/Error.h"

#include <dlfcn.h>
#include <unistd.h>

#include <ATen/Context.h>
#include <ATen/Parallel.h>
#include <torch/version.h>

#include <QtGlobal>
#include <algorithm>
#include <climits>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/sentencepiece/SentencePieceLibrary.h"

#ifndef DISTILBENCH_VERSION
#define DISTILBENCH_VERSION "0.0.0"
#endif

namespace distilbench {

void Runtime::initialize(int threads) {
    setThreads(threads);
}

void Runtime::setThreads(int threads) {
    at::set_num_threads(threads > 0 ? threads : coreCount());
}

int Runtime::threads() {
    return at::get_num_threads();
}

int Runtime::coreCount() {
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : static_cast<int>(n);
}

bool Runtime::cudaAvailable() {
    return at::hasCUDA();
}

int Runtime::cudaDeviceCount() {
    return cudaAvailable() ? static_cast<int>(at::getNumGPUs()) : 0;
}

bool Runtime::bf16Native() {
    // LibTorch's bf16 products run through oneDNN: where its ISA is limited below bf16
    // (ONEDNN_MAX_CPU_ISA=AVX2, as packaging/bench/compare.py --isa avx2 sets to measure an AVX2
    // CPU) they throw instead of computing, so the CPU counts as one without bf16.
    const dnnl::cpu_isa isa = dnnl::get_effective_cpu_isa();
    if (isa != dnnl::cpu_isa::avx512_core_bf16 && isa != dnnl::cpu_isa::avx512_core_amx)
        return false;
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    while (std::getline(cpuinfo, line)) {
        if (line.rfind("flags", 0) == 0)
            return line.find("avx512_bf16") != std::string::npos ||
                   line.find("amx_bf16") != std::string::npos;
    }
    return false;
}

bool Runtime::bf16Usable() {
    static const bool native = bf16Native();
    const char* mode = std::getenv("DISTILBENCH_BF16");
    const std::string m = mode ? mode : "";
    if (m == "off") return false;   // as if the CPU lacked it (tests; users who forbid it)
    if (m == "allow") return true;  // emulated bf16 accepted (tests of the bf16 code paths)
    return native;
}

void Runtime::requireBf16(const std::string& what) {
    if (bf16Usable()) return;
    throw Error(what +
                " is not available on this CPU: it has no native bf16 (AVX512-BF16 or "
                "AMX), and emulated bf16 takes minutes per forward pass; use float32");
}

BlasInfo Runtime::detectBlas() {
    BlasInfo info;
    // LibTorch calls the Fortran BLAS symbol; whichever library provides it is the BLAS in use.
    void* sgemm = dlsym(RTLD_DEFAULT, "sgemm_");
    if (!sgemm) {
        // Not yet resolved in the global scope: ask the libblas.so.3 that the dynamic loader
        // would pick (the Debian alternative).
        void* handle = dlopen("libblas.so.3", RTLD_LAZY | RTLD_NOLOAD);
        if (!handle) handle = dlopen("libblas.so.3", RTLD_LAZY);
        if (handle) sgemm = dlsym(handle, "sgemm_");
    }
    Dl_info dl{};
    if (sgemm && dladdr(sgemm, &dl) && dl.dli_fname) {
        char resolved[PATH_MAX];
        info.library = realpath(dl.dli_fname, resolved) ? resolved : dl.dli_fname;
    }
    using ConfigFn = char* (*)();
    auto config = reinterpret_cast<ConfigFn>(dlsym(RTLD_DEFAULT, "openblas_get_config"));
    if (!config && !info.library.empty()) {
        if (void* h = dlopen(info.library.c_str(), RTLD_LAZY | RTLD_NOLOAD))
            config = reinterpret_cast<ConfigFn>(dlsym(h, "openblas_get_config"));
    }
    if (config) info.config = config();

    std::string lower = info.library;
    std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
    if (config || lower.find("openblas") != std::string::npos) {
        info.name = "OpenBLAS";
        if (lower.find("openmp") != std::string::npos)
            info.name += " (OpenMP)";
        else if (lower.find("pthread") != std::string::npos)
            info.name += " (pthreads)";
    } else if (lower.find("mkl") != std::string::npos) {
        info.name = "MKL";
    } else if (lower.find("blis") != std::string::npos) {
        info.name = "BLIS";
    } else if (lower.find("/blas/") != std::string::npos ||
               lower.find("libblas") != std::string::npos) {
        info.name = "reference BLAS";
        info.isReference = true;
    } else {
        info.name = info.library.empty() ? "none found" : "unknown";
    }
    return info;
}

std::int64_t Runtime::residentBytes() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) {
            std::istringstream in(line.substr(6));
            std::int64_t kib = 0;
            in >> kib;
            return kib * 1024;
        }
    }
    return 0;
}

std::string Runtime::torchVersion() {
    return TORCH_VERSION;
}

std::string Runtime::appVersion() {
    return DISTILBENCH_VERSION;
}

EnvironmentInfo Runtime::collect() {
    EnvironmentInfo env;
    env.appVersion = appVersion();
    env.qtVersion = qVersion();
    env.torchVersion = torchVersion();
    env.blas = detectBlas();
    env.threads = threads();
    env.cores = coreCount();
    env.devices.push_back("cpu");
    env.cudaAvailable = cudaAvailable();
    for (int i = 0; i < cudaDeviceCount(); ++i) env.devices.push_back("cuda:" + std::to_string(i));
    env.bf16Native = bf16Native();
    auto& spm = SentencePieceLibrary::instance();
    env.sentencePieceLoaded = spm.available();
    env.sentencePieceStatus = spm.available() ? spm.version() : spm.loadError();
    env.residentBytes = residentBytes();
    return env;
}

}  // namespace distilbench
