#pragma once

#include <string>

namespace distilbench {

// The one line a user sees for the exception being handled (call inside a catch block): our
// Error as it is; LibTorch's c10::Error without its backtrace; bad_alloc as "not enough memory";
// filesystem errors with the path and the errno text; a bare "stoi"/"stod" as a number that
// could not be read. Never a backtrace, never "Unknown error", never several lines.
std::string describeCurrentException();

// Cuts a message to its first line and trims it; an empty message becomes `fallback`.
std::string firstLine(const std::string& message, const std::string& fallback = "failed");

}  // namespace distilbench
