#pragma once

#include <cstdint>
#include <string>

namespace distilbench {

// The errno text for a failed system call ("No space left on device"), never "Unknown error".
std::string errnoText(int error);

// Throws distilbench::Error naming the path unless it is a regular file (a named pipe, socket,
// device or folder would block or mislead a reader). Follows symbolic links. Returns its size.
std::uint64_t requireRegularFile(const std::string& path);

// Reads a whole regular file of at most maxBytes; throws Error naming the file otherwise.
std::string readSmallFile(const std::string& path, std::uint64_t maxBytes);

// Bytes of memory available to this process now (MemAvailable, capped by an address-space
// rlimit); 0 when unknown.
std::uint64_t availableMemoryBytes();

// Throws Error("<what> needs 512 GB; 23 GB are available") when `bytes` exceed what is free.
void requireMemory(std::uint64_t bytes, const std::string& file, const std::string& what);

}  // namespace distilbench
