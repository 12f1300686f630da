#pragma once

#include <string>
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

class TableReader {
public:
    // The delimiter follows the extension (.tsv/.tab: tab, otherwise comma). Throws Error naming
    // the file and line for unterminated quotes or rows with the wrong number of fields.
    static Table read(const std::string& path);
    static Table parse(const std::string& text, char delimiter, bool quoting,
                       const std::string& source);
};

}  // namespace distilbench
