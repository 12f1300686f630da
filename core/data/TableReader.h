#pragma once

#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace distilbench {

// A delimited text table: CSV (RFC 4180 quoting) or TSV (GLUE style: no quoting), with a header.
// Handles a UTF-8 BOM and CRLF line ends.
struct Table {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;

    // Index of a column by name; throws Error listing the columns when absent.
    std::size_t column(const std::string& name, const std::string& source) const;
};

// One row of a table and the line it starts on (1 = the header's).
struct TableRow {
    std::vector<std::string> fields;
    std::size_t line = 0;
};

// The table grammar, fed a block at a time: the whole-file reader and the streaming reader
// share it, so a file reads the same either way. Rows whose field count differs from the
// header's and quotes never closed are Errors naming the source and line; so is a row longer
// than kMaxRowBytes, which bounds the memory a streamed row can take.
class TableParser {
public:
    static constexpr std::size_t kMaxRowBytes = 64ull << 20;

    TableParser(char delimiter, bool quoting, std::string source);
    // Parses `block` (the next bytes of the file; `last` for the final one), appending the rows
    // it completes to `rows` (the header is kept apart). Returns the bytes used: a trailing '\r'
    // or '"' whose meaning depends on the next byte is left for the next call.
    std::size_t feed(std::string_view block, bool last, std::vector<TableRow>& rows);
    const std::vector<std::string>& header() const { return header_; }

private:
    void endRow(std::vector<TableRow>& rows);

    char delimiter_;
    bool quoting_;
    std::string source_;
    std::vector<std::string> header_;
    std::vector<std::string> row_;
    std::string field_;
    std::size_t line_ = 1, rowLine_ = 1, rowBytes_ = 0;
    bool inQuotes_ = false, fieldStarted_ = false, started_ = false, finished_ = false;
};

class TableReader {
public:
    // The delimiter follows the extension (.tsv/.tab: tab, otherwise comma). Throws Error naming
    // the file and line for unterminated quotes or rows with the wrong number of fields.
    static Table read(const std::string& path);
    static Table parse(const std::string& text, char delimiter, bool quoting,
                       const std::string& source);
    // Whether a path names a TSV file (tab-delimited, no quoting).
    static bool isTabSeparated(const std::string& path);
};

// Reads a table a block at a time: memory holds one block and the rows not yet taken, never the
// whole file. The header is read on opening.
class TableStream {
public:
    explicit TableStream(const std::string& path);
    const std::vector<std::string>& header() const { return parser_.header(); }
    // The next row; false at the end of the file.
    bool next(TableRow& row);
    std::uint64_t bytesRead() const { return bytesRead_; }
    std::uint64_t size() const { return size_; }

private:
    bool fill();

    std::string path_;
    std::ifstream in_;
    TableParser parser_;
    std::string pending_;  // bytes the parser left for the next block
    std::vector<TableRow> rows_;
    std::size_t taken_ = 0;
    std::uint64_t bytesRead_ = 0, size_ = 0;
    bool eof_ = false;
};

}  // namespace distilbench
