#pragma once

// Overflow-checked arithmetic for sizes and offsets read from files. Every size, offset, element
// count x element size and stride that a reader takes from a file goes through these, so that a
// crafted value (2^64-1, 2^62 elements in 0 bytes) is refused instead of wrapping around.

#include <concepts>
#include <cstdint>
#include <optional>

namespace distilbench {

template <std::integral T>
std::optional<T> checkedAdd(T a, T b) {
    T r;
    if (__builtin_add_overflow(a, b, &r)) return std::nullopt;
    return r;
}

template <std::integral T>
std::optional<T> checkedMul(T a, T b) {
    T r;
    if (__builtin_mul_overflow(a, b, &r)) return std::nullopt;
    return r;
}

// True when [offset, offset + length) lies inside a buffer of `size` bytes, without overflow.
inline bool rangeInside(std::uint64_t offset, std::uint64_t length, std::uint64_t size) {
    return offset <= size && length <= size - offset;
}

}  // namespace distilbench
