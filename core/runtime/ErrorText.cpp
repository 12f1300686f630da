#include "core/runtime/ErrorText.h"

#include <c10/util/Exception.h>

#include <filesystem>
#include <new>
#include <stdexcept>

#include "core/runtime/Error.h"
#include "core/runtime/JobCallbacks.h"

namespace distilbench {

std::string firstLine(const std::string& message, const std::string& fallback) {
    std::string line = message.substr(0, message.find('\n'));
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t'))
        line.pop_back();
    return line.empty() ? fallback : line;
}

std::string describeCurrentException() {
    try {
        throw;
    } catch (const Error& e) {
        return firstLine(e.what(), "failed");
    } catch (const JobCancelled&) {
        return "cancelled";
    } catch (const c10::Error& e) {
        return "LibTorch: " + firstLine(e.what_without_backtrace(), "internal error");
    } catch (const std::bad_alloc&) {
        return "not enough memory for this operation";
    } catch (const std::filesystem::filesystem_error& e) {
        std::string path = e.path1().string();
        return (path.empty() ? std::string() : path + ": ") + e.code().message();
    } catch (const std::invalid_argument& e) {
        const std::string w = e.what();
        if (w == "stoi" || w == "stol" || w == "stoll" || w == "stod" || w == "stof")
            return "a number could not be read (" + w + ")";
        return firstLine(w, "invalid argument");
    } catch (const std::out_of_range& e) {
        const std::string w = e.what();
        if (w == "stoi" || w == "stol" || w == "stoll" || w == "stod" || w == "stof")
            return "a number is out of range (" + w + ")";
        return firstLine(w, "value out of range");
    } catch (const std::exception& e) {
        return firstLine(e.what(), "failed");
    } catch (...) {
        return "failed with an unexpected error";
    }
}

}  // namespace distilbench
