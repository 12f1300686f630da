#pragma once

#include <stdexcept>
#include <string>

namespace distilbench {

// An error a user can act on: it names the file (when there is one) and the problem.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& problem) : std::runtime_error(problem), problem_(problem) {}
    Error(const std::string& file, const std::string& problem)
        : std::runtime_error(file.empty() ? problem : file + ": " + problem),
          file_(file),
          problem_(problem) {}

    const std::string& file() const { return file_; }
    const std::string& problem() const { return problem_; }

private:
    std::string file_;
    std::string problem_;
};

}  // namespace distilbench
