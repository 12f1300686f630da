#include "core/data/TableReader.h"

#include <fstream>
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

Table TableReader::read(const std::string& path) {
    requireRegularFile(path);  // a named pipe would block the read forever
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path, "cannot open");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const bool tsv = path.ends_with(".tsv") || path.ends_with(".tab");
    return parse(buffer.str(), tsv ? '\t' : ',', !tsv, path);
}

Table TableReader::parse(const std::string& textIn, char delimiter, bool quoting,
                         const std::string& source) {
    std::string_view text(textIn);
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.remove_prefix(3);
    Table table;
    std::vector<std::string> row;
    std::string field;
    std::size_t line = 1, rowLine = 1;
    bool inQuotes = false, fieldStarted = false;
    auto endRow = [&] {
        row.push_back(std::move(field));
        field.clear();
        const bool blank = row.size() == 1 && row[0].empty();
        if (!blank) {
            if (table.header.empty()) {
                table.header = std::move(row);
            } else {
                if (row.size() != table.header.size())
                    throw Error(source, "line " + std::to_string(rowLine) + " has " +
                                            std::to_string(row.size()) +
                                            " fields, the header has " +
                                            std::to_string(table.header.size()));
                table.rows.push_back(std::move(row));
            }
        }
        row.clear();
        fieldStarted = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inQuotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field.push_back('"');
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == '\n') ++line;
                field.push_back(c);
            }
            continue;
        }
        if (quoting && c == '"' && !fieldStarted) {
            inQuotes = true;
            fieldStarted = true;
        } else if (c == delimiter) {
            row.push_back(std::move(field));
            field.clear();
            fieldStarted = false;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            continue;
        } else if (c == '\n') {
            endRow();
            rowLine = ++line;
        } else {
            field.push_back(c);
            fieldStarted = true;
        }
    }
    if (inQuotes)
        throw Error(source,
                    "line " + std::to_string(rowLine) + " has a quote that is never closed");
    if (!field.empty() || !row.empty()) endRow();
    if (table.header.empty()) throw Error(source, "is empty");
    return table;
}

}  // namespace distilbench
