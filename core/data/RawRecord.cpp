#include "core/data/RawRecord.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <initializer_list>

#include "core/runtime/Error.h"

namespace distilbench::records {

namespace {

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& h : names) out += (out.empty() ? "" : ", ") + h;
    return out;
}

std::string pick(const std::vector<std::string>& header, const std::string& wanted,
                 std::initializer_list<const char*> guesses, bool required, const std::string& what,
                 const std::string& source) {
    if (!wanted.empty()) {
        if (std::find(header.begin(), header.end(), wanted) == header.end())
            throw Error(source, "has no column '" + wanted + "' (columns: " + joined(header) + ")");
        return wanted;
    }
    for (const char* g : guesses)
        if (std::find(header.begin(), header.end(), g) != header.end()) return g;
    if (required)
        throw Error(source, "no " + what + " column found (columns: " + joined(header) +
                                "); name it with a column option");
    return {};
}

constexpr std::initializer_list<const char*> kTextColumns = {"sentence", "text",   "sentence1",
                                                             "content",  "review", "question"};
constexpr std::initializer_list<const char*> kPairColumns = {"sentence2", "text_pair", "context",
                                                             "hypothesis"};
constexpr std::initializer_list<const char*> kLabelColumns = {"label", "labels", "target", "class",
                                                              "score"};

}  // namespace

// Found by fuzzing: stod threw (and ended the process) on a label of one NUL byte, which strtod
// reads as an empty string, and on "1e999", out of range; a plain strtod check called both
// numbers.
bool isNumber(const std::string& s) {
    if (s.empty() || s.find('\0') != std::string::npos) return false;
    char* end = nullptr;
    std::strtod(s.c_str(), &end);
    return end && end != s.c_str() && *end == '\0';
}

double toNumber(const std::string& s) {
    return std::strtod(s.c_str(), nullptr);  // inf for 1e999: a regression run then refuses it
}

std::vector<std::string> splitLabels(const std::string& cell) {
    std::vector<std::string> out;
    const std::string trimmed = QString::fromStdString(cell).trimmed().toStdString();
    if (trimmed.rfind('[', 0) == 0) {
        const QJsonArray a = QJsonDocument::fromJson(QByteArray::fromStdString(trimmed)).array();
        for (const auto& v : a)
            out.push_back(v.isString() ? v.toString().toStdString()
                                       : QString::number(v.toDouble()).toStdString());
        return out;
    }
    for (const QString& part : QString::fromStdString(trimmed).split(';', Qt::SkipEmptyParts))
        out.push_back(part.trimmed().toStdString());
    return out;
}

bool isValidUtf8(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t n = bytes.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned char c = p[i];
        int extra = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + extra >= n) return false;  // truncated sequence
        for (int k = 1; k <= extra; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        static constexpr std::uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
        if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += extra + 1;
    }
    return true;
}

bool replaceInvalidUtf8(std::string& field) {
    if (isValidUtf8(field)) return false;
    field = QString::fromUtf8(field.data(), qsizetype(field.size())).toStdString();
    return true;
}

ColumnMapping tableColumns(const std::vector<std::string>& header, const ColumnMapping& cols,
                           const std::string& source) {
    return {pick(header, cols.text, kTextColumns, true, "text", source),
            pick(header, cols.pair, kPairColumns, false, "pair", source),
            pick(header, cols.label, kLabelColumns, true, "label", source)};
}

ColumnMapping jsonColumns(const std::vector<std::string>& keys, const ColumnMapping& cols,
                          Task task, const std::string& source) {
    return {pick(keys, cols.text, kTextColumns, task != Task::TokenClassification, "text", source),
            pick(keys, cols.pair, kPairColumns, false, "pair", source),
            pick(keys, cols.label, {"label", "labels", "target", "ner_tags", "tags"}, true, "label",
                 source)};
}

RawRow rowFromTable(const std::vector<std::string>& fields, std::size_t text, std::size_t pair,
                    std::size_t label, Task task, int line) {
    // Copies, not moves: the label column may be the text column (checkColumnMapping says so).
    RawRow row;
    row.text = fields[text];
    if (pair != SIZE_MAX) row.pair = fields[pair];
    row.labels = task == Task::MultiLabel ? splitLabels(fields[label])
                                          : std::vector<std::string>{fields[label]};
    row.line = line;
    return row;
}

QJsonObject jsonLineObject(const QByteArray& line, int n, const std::string& source) {
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &e);
    if (e.error != QJsonParseError::NoError || !doc.isObject())
        throw Error(source, "line " + std::to_string(n) + " is not a JSON object (" +
                                e.errorString().toStdString() + ")");
    return doc.object();
}

RawRow rowFromJson(const QJsonObject& o, const ColumnMapping& columns, Task task, int n,
                   const std::string& path) {
    RawRow row;
    row.line = n;
    const QJsonValue lv = o.value(QString::fromStdString(columns.label));
    if (task == Task::TokenClassification) {
        for (const auto& w :
             o.value(QString::fromStdString(columns.text.empty() ? "tokens" : columns.text))
                 .toArray())
            row.words.push_back(w.toString().toStdString());
        for (const auto& t : lv.toArray())
            row.tags.push_back(t.isString() ? t.toString().toStdString()
                                            : std::to_string(t.toInt()));
        if (row.words.size() != row.tags.size())
            throw Error(path, "record " + std::to_string(n) + " has " +
                                  std::to_string(row.words.size()) + " tokens but " +
                                  std::to_string(row.tags.size()) + " tags");
        return row;
    }
    row.text = o.value(QString::fromStdString(columns.text)).toString().toStdString();
    if (!columns.pair.empty())
        row.pair = o.value(QString::fromStdString(columns.pair)).toString().toStdString();
    if (lv.isArray()) {
        for (const auto& x : lv.toArray())
            row.labels.push_back(x.isString() ? x.toString().toStdString()
                                              : QString::number(x.toDouble()).toStdString());
    } else if (lv.isString()) {
        row.labels = task == Task::MultiLabel
                         ? splitLabels(lv.toString().toStdString())
                         : std::vector<std::string>{lv.toString().toStdString()};
    } else if (lv.isDouble()) {
        row.labels = {QString::number(lv.toDouble(), 'g', 17).toStdString()};
    } else {
        throw Error(path, "record " + std::to_string(n) + " has no '" + columns.label + "'");
    }
    return row;
}

bool conllToken(std::string& line, int n, const std::string& source, std::string& word,
                std::string& tag) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.rfind("-DOCSTART-", 0) == 0) return false;
    static const QRegularExpression kSpace("[ \\t]+");
    const QStringList parts = QString::fromStdString(line).split(kSpace, Qt::SkipEmptyParts);
    if (parts.size() < 2)
        throw Error(source, "line " + std::to_string(n) + " needs a token and a tag");
    word = parts.first().toStdString();
    tag = parts.last().toStdString();
    return true;
}

}  // namespace distilbench::records

namespace distilbench {

ColumnMapping detectColumns(const std::vector<std::string>& header) {
    auto first = [&](std::initializer_list<const char*> guesses) -> std::string {
        for (const char* g : guesses)
            if (std::find(header.begin(), header.end(), g) != header.end()) return g;
        return {};
    };
    return {first(records::kTextColumns), first(records::kPairColumns),
            first(records::kLabelColumns)};
}

}  // namespace distilbench
