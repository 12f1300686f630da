#pragma once

#include <QJsonObject>
#include <cstdint>
#include <string>

namespace distilbench {

// The largest JSON file read (tokenizer.json of a 250k vocabulary is ~17 MB).
constexpr std::uint64_t kMaxJsonFileBytes = 512ull * 1024 * 1024;

// Reads a JSON object from a file; throws Error naming the file for a missing (when required)
// or invalid file. A missing optional file gives an empty object.
QJsonObject readJsonObject(const std::string& path, bool required = true);
// Writes through a temporary file and a rename, so a crash never leaves half a file.
void writeJsonAtomically(const std::string& path, const QJsonObject& object);

}  // namespace distilbench
