#pragma once

#include <QJsonObject>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/Dataset.h"

// The rules that turn one record of a data file into fields, shared by the whole-file reader
// (DatasetReader) and the streaming one (DatasetStream) so that both read a file alike.
namespace distilbench::records {

// A record before labels are mapped to ids.
struct RawRow {
    std::string text, pair;
    std::vector<std::string> labels;  // one for classification, several for multi-label
    std::vector<std::string> words;
    std::vector<std::string> tags;
    int line = 0;
};

// A number as strtod reads the whole cell (no NUL, nothing left over).
bool isNumber(const std::string& s);
double toNumber(const std::string& s);
// A multi-label cell: "a;b" or a JSON list.
std::vector<std::string> splitLabels(const std::string& cell);
// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool isValidUtf8(std::string_view bytes);
// Replaces invalid UTF-8 by U+FFFD; true when it did.
bool replaceInvalidUtf8(std::string& field);

// The columns of a table (text and label required), detected when not named.
ColumnMapping tableColumns(const std::vector<std::string>& header, const ColumnMapping& wanted,
                           const std::string& source);
// The keys of a JSON record: the same, with token classification's tokens/ner_tags.
ColumnMapping jsonColumns(const std::vector<std::string>& keys, const ColumnMapping& wanted,
                          Task task, const std::string& source);

// A table row given the column indices (pair: SIZE_MAX for none).
RawRow rowFromTable(const std::vector<std::string>& fields, std::size_t text, std::size_t pair,
                    std::size_t label, Task task, int line);
// A JSON record (`n`: its record number, for errors).
RawRow rowFromJson(const QJsonObject& o, const ColumnMapping& columns, Task task, int n,
                   const std::string& source);
// Parses one line of a JSON Lines file; throws naming the line when it is not an object.
QJsonObject jsonLineObject(const QByteArray& line, int n, const std::string& source);

// One line of a CoNLL file: false for a sentence break (blank, -DOCSTART-); throws naming the
// line when it lacks a token and a tag. `line` loses a trailing '\r'.
bool conllToken(std::string& line, int n, const std::string& source, std::string& word,
                std::string& tag);

}  // namespace distilbench::records
