#pragma once

#include <cctype>
#include <cstdlib>
#include <string>

// Small helpers the Hub files share: an environment variable ("" when unset) and a string
// without surrounding whitespace (token files and refs end with a newline).
namespace distilbench::HubStrings {

inline std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

inline std::string trimmed(std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    std::size_t b = 0;
    while (b < s.size() && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    return s.substr(b);
}

}  // namespace distilbench::HubStrings
