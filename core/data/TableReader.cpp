#include "core/data/TableReader.h"

#include <cerrno>
#include <sstream>

#include "core/runtime/Error.h"
#include "core/util/FileChecks.h"

namespace distilbench {

std::size_t Table::column(const std::string& name, const std::string& source) const {
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == name) return i;
    std::string names;
    for (const auto& h : header) names += (names.empty() ? "" : ", ") + h;
    throw Error(source, "has no column '" + name + "' (columns: " + names + ")");
}

TableParser::TableParser(char delimiter, bool quoting, std::string source)
    : delimiter_(delimiter), quoting_(quoting), source_(std::move(source)) {}

void TableParser::endRow(std::vector<TableRow>& rows) {
    row_.push_back(std::move(field_));
    field_.clear();
    const bool blank = row_.size() == 1 && row_[0].empty();
    if (!blank) {
        if (header_.empty()) {
            header_ = std::move(row_);
        } else {
            if (row_.size() != header_.size())
                throw Error(source_, "line " + std::to_string(rowLine_) + " has " +
                                         std::to_string(row_.size()) + " fields, the header has " +
                                         std::to_string(header_.size()));
            rows.push_back({std::move(row_), rowLine_});
        }
    }
    row_.clear();
    fieldStarted_ = false;
    rowBytes_ = 0;
}

std::size_t TableParser::feed(std::string_view text, bool last, std::vector<TableRow>& rows) {
    std::size_t start = 0;
    if (!started_) {
        // A BOM can only be judged with its three bytes.
        if (!last && text.size() < 3) return 0;
        started_ = true;
        if (text.rfind("\xEF\xBB\xBF", 0) == 0) start = 3;
    }
    std::size_t i = start;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (++rowBytes_ > kMaxRowBytes)
            throw Error(source_, "line " + std::to_string(rowLine_) + " is longer than " +
                                     std::to_string(kMaxRowBytes >> 20) + " MB");
        const bool atEnd = i + 1 == text.size();
        if (inQuotes_) {
            if (c == '"') {
                if (atEnd && !last) break;  // "" or the closing quote: the next byte decides
                if (!atEnd && text[i + 1] == '"') {
                    field_.push_back('"');
                    ++i;
                } else {
                    inQuotes_ = false;
                }
            } else {
                if (c == '\n') ++line_;
                field_.push_back(c);
            }
            continue;
        }
        if (quoting_ && c == '"' && !fieldStarted_) {
            inQuotes_ = true;
            fieldStarted_ = true;
        } else if (c == delimiter_) {
            row_.push_back(std::move(field_));
            field_.clear();
            fieldStarted_ = false;
        } else if (c == '\r' && atEnd && !last) {
            break;  // CRLF split across blocks
        } else if (c == '\r' && !atEnd && text[i + 1] == '\n') {
            continue;
        } else if (c == '\n') {
            endRow(rows);
            rowLine_ = ++line_;
        } else {
            field_.push_back(c);
            fieldStarted_ = true;
        }
    }
    if (i < text.size()) --rowBytes_;  // the held-back byte is counted again next time
    if (last && !finished_) {
        finished_ = true;
        if (inQuotes_)
            throw Error(source_,
                        "line " + std::to_string(rowLine_) + " has a quote that is never closed");
        if (!field_.empty() || !row_.empty()) endRow(rows);
        if (header_.empty()) throw Error(source_, "is empty");
    }
    return i;
}

bool TableReader::isTabSeparated(const std::string& path) {
    return path.ends_with(".tsv") || path.ends_with(".tab");
}

Table TableReader::read(const std::string& path) {
    requireRegularFile(path);  // a named pipe would block the read forever
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path, "cannot open: " + errnoText(errno));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const bool tsv = isTabSeparated(path);
    return parse(buffer.str(), tsv ? '\t' : ',', !tsv, path);
}

Table TableReader::parse(const std::string& text, char delimiter, bool quoting,
                         const std::string& source) {
    TableParser parser(delimiter, quoting, source);
    std::vector<TableRow> rows;
    parser.feed(text, true, rows);
    Table table;
    table.header = parser.header();
    table.rows.reserve(rows.size());
    for (TableRow& r : rows) table.rows.push_back(std::move(r.fields));
    return table;
}

TableStream::TableStream(const std::string& path)
    : path_(path),
      parser_(TableReader::isTabSeparated(path) ? '\t' : ',', !TableReader::isTabSeparated(path),
              path) {
    size_ = requireRegularFile(path);
    in_.open(path, std::ios::binary);
    if (!in_) throw Error(path, "cannot open: " + errnoText(errno));
    while (parser_.header().empty() && fill()) {
    }
    if (parser_.header().empty()) throw Error(path, "is empty");
}

bool TableStream::fill() {
    if (eof_) return false;
    constexpr std::size_t kBlock = 1 << 20;
    std::string block = std::move(pending_);
    const std::size_t kept = block.size();
    block.resize(kept + kBlock);
    in_.read(block.data() + kept, static_cast<std::streamsize>(kBlock));
    const std::size_t got = static_cast<std::size_t>(in_.gcount());
    if (in_.bad()) throw Error(path_, "cannot be read: " + errnoText(errno));
    block.resize(kept + got);
    bytesRead_ += got;
    eof_ = got < kBlock;
    rows_.erase(rows_.begin(), rows_.begin() + static_cast<std::ptrdiff_t>(taken_));
    taken_ = 0;
    const std::size_t used = parser_.feed(block, eof_, rows_);
    pending_ = block.substr(used);
    return true;
}

bool TableStream::next(TableRow& row) {
    while (taken_ == rows_.size()) {
        if (!fill()) return false;
    }
    row = std::move(rows_[taken_++]);
    return true;
}

}  // namespace distilbench
