#include "core/data/Dataset.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <fstream>
#include <numeric>
#include <random>
#include <set>
#include <unordered_set>

#include "core/data/TableReader.h"
#include "core/runtime/Error.h"
#include "core/tokenizers/Tokenizer.h"
#include "core/util/FileChecks.h"

namespace distilbench {

bool parseTask(const std::string& s, Task& out) {
    if (s == "classification")
        out = Task::Classification;
    else if (s == "multilabel" || s == "multi-label")
        out = Task::MultiLabel;
    else if (s == "token" || s == "token-classification" || s == "ner")
        out = Task::TokenClassification;
    else if (s == "regression")
        out = Task::Regression;
    else if (s == "mlm" || s == "masked-lm")
        out = Task::MaskedLM;
    else
        return false;
    return true;
}

std::string taskName(Task t) {
    switch (t) {
        case Task::Classification:
            return "classification";
        case Task::MultiLabel:
            return "multilabel";
        case Task::TokenClassification:
            return "token";
        case Task::Regression:
            return "regression";
        case Task::MaskedLM:
            return "mlm";
    }
    return "classification";
}

namespace {

// A record before labels are mapped to ids.
struct RawRow {
    std::string text, pair;
    std::vector<std::string> labels;  // one for classification, several for multi-label
    std::vector<std::string> words;
    std::vector<std::string> tags;
    int line = 0;
};

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

std::string pick(const std::vector<std::string>& header, const std::string& wanted,
                 std::initializer_list<const char*> guesses, bool required, const std::string& what,
                 const std::string& source) {
    if (!wanted.empty()) {
        if (std::find(header.begin(), header.end(), wanted) == header.end()) {
            std::string names;
            for (const auto& h : header) names += (names.empty() ? "" : ", ") + h;
            throw Error(source, "has no column '" + wanted + "' (columns: " + names + ")");
        }
        return wanted;
    }
    for (const char* g : guesses)
        if (std::find(header.begin(), header.end(), g) != header.end()) return g;
    if (required) {
        std::string names;
        for (const auto& h : header) names += (names.empty() ? "" : ", ") + h;
        throw Error(source, "no " + what + " column found (columns: " + names +
                                "); name it with a column option");
    }
    return {};
}

constexpr std::initializer_list<const char*> kTextColumns = {"sentence", "text",   "sentence1",
                                                             "content",  "review", "question"};
constexpr std::initializer_list<const char*> kPairColumns = {"sentence2", "text_pair", "context",
                                                             "hypothesis"};
constexpr std::initializer_list<const char*> kLabelColumns = {"label", "labels", "target", "class",
                                                              "score"};

std::vector<RawRow> readTable(const std::string& path, const ColumnMapping& cols, Task task,
                              ColumnMapping* used) {
    const Table table = TableReader::read(path);
    const std::string text = pick(table.header, cols.text, kTextColumns, true, "text", path);
    const std::string pair = pick(table.header, cols.pair, kPairColumns, false, "pair", path);
    const std::string label = pick(table.header, cols.label, kLabelColumns, true, "label", path);
    *used = {text, pair, label};
    const std::size_t ti = table.column(text, path), li = table.column(label, path);
    const std::size_t pi = pair.empty() || pair == text ? SIZE_MAX : table.column(pair, path);
    std::vector<RawRow> rows;
    rows.reserve(table.rows.size());
    int line = 2;
    for (const auto& r : table.rows) {
        RawRow row;
        row.text = r[ti];
        if (pi != SIZE_MAX) row.pair = r[pi];
        row.labels =
            task == Task::MultiLabel ? splitLabels(r[li]) : std::vector<std::string>{r[li]};
        row.line = line++;
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<RawRow> readJson(const std::string& path, const ColumnMapping& cols, Task task,
                             bool lines, ColumnMapping* used) {
    requireRegularFile(path);
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly)) throw Error(path, "cannot open");
    std::vector<QJsonObject> objects;
    if (lines) {
        int n = 0;
        while (!f.atEnd()) {
            ++n;
            const QByteArray line = f.readLine().trimmed();
            if (line.isEmpty()) continue;
            QJsonParseError e;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &e);
            if (e.error != QJsonParseError::NoError || !doc.isObject())
                throw Error(path, "line " + std::to_string(n) + " is not a JSON object (" +
                                      e.errorString().toStdString() + ")");
            objects.push_back(doc.object());
        }
    } else {
        QJsonParseError e;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &e);
        if (e.error != QJsonParseError::NoError || !doc.isArray())
            throw Error(path,
                        "is not a JSON array of objects (" + e.errorString().toStdString() + ")");
        for (const auto& v : doc.array()) objects.push_back(v.toObject());
    }
    if (objects.empty()) throw Error(path, "has no records");
    std::vector<std::string> keys;
    for (const QString& k : objects.front().keys()) keys.push_back(k.toStdString());
    const std::string text =
        pick(keys, cols.text, kTextColumns, task != Task::TokenClassification, "text", path);
    const std::string pair = pick(keys, cols.pair, kPairColumns, false, "pair", path);
    const std::string label = pick(
        keys, cols.label, {"label", "labels", "target", "ner_tags", "tags"}, true, "label", path);
    *used = {text, pair, label};
    std::vector<RawRow> rows;
    int n = 0;
    for (const auto& o : objects) {
        ++n;
        RawRow row;
        row.line = n;
        const QJsonValue lv = o.value(QString::fromStdString(label));
        if (task == Task::TokenClassification) {
            for (const auto& w :
                 o.value(QString::fromStdString(text.empty() ? "tokens" : text)).toArray())
                row.words.push_back(w.toString().toStdString());
            for (const auto& t : lv.toArray())
                row.tags.push_back(t.isString() ? t.toString().toStdString()
                                                : std::to_string(t.toInt()));
            if (row.words.size() != row.tags.size())
                throw Error(path, "record " + std::to_string(n) + " has " +
                                      std::to_string(row.words.size()) + " tokens but " +
                                      std::to_string(row.tags.size()) + " tags");
        } else {
            row.text = o.value(QString::fromStdString(text)).toString().toStdString();
            if (!pair.empty())
                row.pair = o.value(QString::fromStdString(pair)).toString().toStdString();
            if (lv.isArray()) {
                for (const auto& x : lv.toArray())
                    row.labels.push_back(x.isString()
                                             ? x.toString().toStdString()
                                             : QString::number(x.toDouble()).toStdString());
            } else if (lv.isString()) {
                row.labels = task == Task::MultiLabel
                                 ? splitLabels(lv.toString().toStdString())
                                 : std::vector<std::string>{lv.toString().toStdString()};
            } else if (lv.isDouble()) {
                row.labels = {QString::number(lv.toDouble(), 'g', 17).toStdString()};
            } else {
                throw Error(path, "record " + std::to_string(n) + " has no '" + label + "'");
            }
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

bool isValidUtf8(const QByteArray& bytes);

std::vector<RawRow> readFolder(const std::string& path, std::size_t* invalidUtf8) {
    std::vector<RawRow> rows;
    const QDir dir(QString::fromStdString(path));
    const QStringList classes = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    if (classes.isEmpty())
        throw Error(path, "has no subfolders: expected one folder per label (pos/, neg/)");
    for (const QString& cls : classes) {
        QDirIterator it(dir.filePath(cls), QDir::Files);
        QStringList files;
        while (it.hasNext()) files << it.next();
        files.sort();  // a stable order whatever the file system returns
        for (const QString& file : files) {
            // Each file is one example: a regular text file of bounded size.
            const std::string bytes = readSmallFile(file.toStdString(), 64ull * 1024 * 1024);
            if (bytes.find('\0') != std::string::npos)
                throw Error(file.toStdString(),
                            "is a binary file, not text (a folder-per-label "
                            "dataset holds one text file per example)");
            const QByteArray raw = QByteArray::fromRawData(bytes.data(), qsizetype(bytes.size()));
            if (!isValidUtf8(raw)) ++*invalidUtf8;  // replaced by U+FFFD below, and counted
            RawRow row;
            row.text = QString::fromUtf8(raw).trimmed().toStdString();
            row.labels = {cls.toStdString()};
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

std::vector<RawRow> readConll(const std::string& path) {
    requireRegularFile(path);
    std::ifstream in(path);
    if (!in) throw Error(path, "cannot open: " + errnoText(errno));
    std::vector<RawRow> rows;
    RawRow current;
    std::string line;
    int n = 0;
    auto flush = [&] {
        if (!current.words.empty()) rows.push_back(std::move(current));
        current = RawRow{};
    };
    while (std::getline(in, line)) {
        ++n;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.rfind("-DOCSTART-", 0) == 0) {
            flush();
            continue;
        }
        const QStringList parts =
            QString::fromStdString(line).split(QRegularExpression("[ \\t]+"), Qt::SkipEmptyParts);
        if (parts.size() < 2)
            throw Error(path, "line " + std::to_string(n) + " needs a token and a tag");
        if (current.words.empty()) current.line = n;
        current.words.push_back(parts.first().toStdString());
        current.tags.push_back(parts.last().toStdString());
    }
    flush();
    return rows;
}

std::vector<std::string> sortedLabels(const std::set<std::string>& found) {
    std::vector<std::string> labels(found.begin(), found.end());
    const bool numeric = std::all_of(labels.begin(), labels.end(), isNumber);
    if (numeric)
        std::sort(labels.begin(), labels.end(),
                  [](const auto& a, const auto& b) { return toNumber(a) < toNumber(b); });
    return labels;
}

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool isValidUtf8(const QByteArray& bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.constData());
    const std::size_t n = static_cast<std::size_t>(bytes.size());
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

Dataset readCorpus(const std::string& path) {
    requireRegularFile(path);
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        throw Error(path, "cannot be read: " + f.errorString().toStdString());
    Dataset d;
    d.task = Task::MaskedLM;
    d.source = path;
    int line = 0;
    while (!f.atEnd()) {
        ++line;
        QByteArray bytes = f.readLine();
        while (!bytes.isEmpty() && (bytes.endsWith('\n') || bytes.endsWith('\r'))) bytes.chop(1);
        if (line == 1 && bytes.startsWith("\xEF\xBB\xBF")) bytes.remove(0, 3);
        if (bytes.trimmed().isEmpty()) continue;
        if (!isValidUtf8(bytes))
            throw Error(path, "line " + std::to_string(line) + " is not valid UTF-8");
        Example e;
        e.text = bytes.toStdString();
        d.examples.push_back(std::move(e));
    }
    if (d.examples.empty()) throw Error(path, "has no text (one document per line is expected)");
    return d;
}

}  // namespace

Dataset DatasetReader::read(const std::string& path, Task task, const ColumnMapping& columns,
                            const std::vector<std::string>& labelNames) {
    const QFileInfo info(QString::fromStdString(path));
    if (!info.exists()) throw Error(path, "does not exist");
    const QString ext = info.suffix().toLower();
    if (task == Task::MaskedLM) return readCorpus(path);
    std::vector<RawRow> rows;
    std::size_t invalidUtf8 = 0;
    ColumnMapping used;
    if (info.isDir())
        rows = readFolder(path, &invalidUtf8);
    else if (task == Task::TokenClassification && ext != "jsonl" && ext != "json")
        rows = readConll(path);
    else if (ext == "jsonl" || ext == "ndjson")
        rows = readJson(path, columns, task, true, &used);
    else if (ext == "json")
        rows = readJson(path, columns, task, false, &used);
    else
        rows = readTable(path, columns, task, &used);
    if (rows.empty()) throw Error(path, "has no examples");

    Dataset d;
    d.task = task;
    d.source = path;
    d.columns = used;
    if (invalidUtf8 > 0)
        d.warnings.push_back(std::to_string(invalidUtf8) +
                             (invalidUtf8 == 1 ? " file is" : " files are") +
                             " not valid UTF-8; the invalid bytes were replaced by U+FFFD");
    // Text fields of tables: invalid UTF-8 is replaced (U+FFFD) and the rows are counted.
    auto replaceInvalid = [](std::string& field) {
        const QByteArray raw = QByteArray::fromRawData(field.data(), qsizetype(field.size()));
        if (isValidUtf8(raw)) return false;
        field = QString::fromUtf8(raw).toStdString();
        return true;
    };
    std::size_t invalidRows = 0;
    for (auto& r : rows) {
        bool bad = replaceInvalid(r.text) | replaceInvalid(r.pair);
        for (auto& w : r.words) bad |= replaceInvalid(w);
        invalidRows += bad;
    }
    if (invalidRows > 0)
        d.warnings.push_back(std::to_string(invalidRows) +
                             (invalidRows == 1 ? " row holds" : " rows hold") +
                             " invalid UTF-8; the invalid bytes were replaced by U+FFFD");
    if (task == Task::Regression) {
        for (const auto& r : rows) {
            if (r.labels.size() != 1 || !isNumber(r.labels[0]))
                throw Error(path, "row at line " + std::to_string(r.line) +
                                      ": regression target '" +
                                      (r.labels.empty() ? "" : r.labels[0]) + "' is not a number");
            Example e;
            e.text = r.text;
            e.pair = r.pair;
            e.target = toNumber(r.labels[0]);
            d.examples.push_back(std::move(e));
        }
        d.labels = {"score"};
        return d;
    }
    std::set<std::string> found;
    for (const auto& r : rows)
        for (const auto& l : task == Task::TokenClassification ? r.tags : r.labels) found.insert(l);
    d.labels = labelNames.empty() ? sortedLabels(found) : labelNames;
    std::map<std::string, int> id;
    for (std::size_t i = 0; i < d.labels.size(); ++i) id[d.labels[i]] = static_cast<int>(i);
    auto lookup = [&](const std::string& l, int line) {
        auto it = id.find(l);
        if (it == id.end())
            throw Error(path, "line " + std::to_string(line) + ": label '" + l +
                                  "' is not one of the given labels");
        return it->second;
    };
    d.examples.reserve(rows.size());
    for (auto& r : rows) {
        Example e;
        e.text = std::move(r.text);
        e.pair = std::move(r.pair);
        if (task == Task::TokenClassification) {
            e.words = std::move(r.words);
            for (const auto& t : r.tags) e.tags.push_back(lookup(t, r.line));
        } else if (task == Task::MultiLabel) {
            e.labels.assign(d.labels.size(), 0);
            for (const auto& l : r.labels) e.labels[lookup(l, r.line)] = 1;
        } else {
            if (r.labels.size() != 1)
                throw Error(path, "line " + std::to_string(r.line) + " needs exactly one label");
            e.label = lookup(r.labels[0], r.line);
        }
        d.examples.push_back(std::move(e));
    }
    if (task == Task::Classification && d.labels.size() < 2)
        throw Error(
            path, "has only one label ('" + d.labels[0] + "'): classification needs at least two");
    return d;
}

std::map<std::string, std::string> parseLabelMap(const std::string& text) {
    std::map<std::string, std::string> map;
    for (const QString& part : QString::fromStdString(text).split(',', Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf('=');
        if (eq <= 0 || eq == part.size() - 1)
            throw Error("label map: '" + part.toStdString() +
                        "' is not DATA_LABEL=MODEL_LABEL (e.g. foo=negative,bar=positive)");
        map[part.left(eq).trimmed().toStdString()] = part.mid(eq + 1).trimmed().toStdString();
    }
    if (map.empty()) throw Error("label map is empty (e.g. foo=negative,bar=positive)");
    return map;
}

Dataset readDatasetForModel(const std::string& path, Task task, const ColumnMapping& columns,
                            const std::vector<std::string>& modelLabels,
                            const std::map<std::string, std::string>& labelMap) {
    Dataset d = DatasetReader::read(path, task, columns);
    if (task == Task::Regression || task == Task::MaskedLM) return d;
    std::map<std::string, int> modelId;
    for (std::size_t i = 0; i < modelLabels.size(); ++i) modelId[modelLabels[i]] = int(i);
    auto join = [](const std::vector<std::string>& v) {
        std::string s;
        for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + v[i];
        return s;
    };
    std::vector<int> remap(d.labels.size(), -1);
    if (!labelMap.empty()) {
        std::vector<std::string> unmapped;
        for (std::size_t i = 0; i < d.labels.size(); ++i) {
            const auto m = labelMap.find(d.labels[i]);
            if (m == labelMap.end()) {
                unmapped.push_back(d.labels[i]);
                continue;
            }
            const auto it = modelId.find(m->second);
            if (it == modelId.end())
                throw Error("label map: '" + m->second + "' is not one of the model's labels (" +
                            join(modelLabels) + ")");
            remap[i] = it->second;
        }
        if (!unmapped.empty())
            throw Error(path, "the label map does not say what " + join(unmapped) +
                                  " mean for the model (its labels: " + join(modelLabels) + ")");
    } else {
        std::vector<std::string> unknown;
        for (std::size_t i = 0; i < d.labels.size(); ++i) {
            const auto it = modelId.find(d.labels[i]);
            if (it != modelId.end())
                remap[i] = it->second;
            else
                unknown.push_back(d.labels[i]);
        }
        if (!unknown.empty()) {
            // Labels written as ids 0..n-1 map onto the model's ids.
            bool ids = true;
            for (std::size_t i = 0; i < d.labels.size() && ids; ++i) {
                bool ok = false;
                const int v = QString::fromStdString(d.labels[i]).toInt(&ok);
                ids = ok && v >= 0 && v < int(modelLabels.size());
                if (ids) remap[i] = v;
            }
            if (!ids) {
                std::string example;
                for (std::size_t i = 0; i < unknown.size() && i < modelLabels.size(); ++i)
                    example += (i ? "," : "") + unknown[i] + "=" + modelLabels[i];
                throw UnknownLabelsError(path,
                                         "has labels the model does not know: " + join(unknown) +
                                             " (the model's labels: " + join(modelLabels) +
                                             "); map them explicitly, e.g. --label-map " + example,
                                         d.labels, modelLabels);
            }
        }
    }
    for (auto& e : d.examples) {
        if (e.label >= 0) e.label = remap[e.label];
        for (int& t : e.tags) t = remap[t];
        if (!e.labels.empty()) {
            std::vector<int> multi(modelLabels.size(), 0);
            for (std::size_t i = 0; i < e.labels.size(); ++i)
                if (e.labels[i]) multi[remap[i]] = 1;
            e.labels = std::move(multi);
        }
    }
    d.labels = modelLabels;
    return d;
}

std::vector<std::size_t> DatasetStatistics::histogram(int bins, std::size_t* binWidth) const {
    std::vector<std::size_t> h(std::max(1, bins), 0);
    const std::size_t width = std::max<std::size_t>(1, (maxLength + bins) / bins);
    for (auto l : lengths) h[std::min<std::size_t>(h.size() - 1, l / width)]++;
    if (binWidth) *binWidth = width;
    return h;
}

DatasetStatistics computeStatistics(const Dataset& d, const Tokenizer* tokenizer, int maxLength) {
    DatasetStatistics s;
    s.rows = d.examples.size();
    std::unordered_set<std::string> seen;
    std::vector<std::size_t> counts(d.labels.size(), 0);
    for (const auto& e : d.examples) {
        std::string key = e.text + '\x1f' + e.pair;
        for (const auto& w : e.words) key += w + ' ';
        const bool empty = d.task == Task::TokenClassification
                               ? e.words.empty()
                               : QString::fromStdString(e.text).trimmed().isEmpty();
        if (empty) ++s.emptyRows;
        if (!seen.insert(key).second) ++s.duplicateRows;
        if (d.task == Task::Classification && e.label >= 0) counts[e.label]++;
        if (d.task == Task::MultiLabel)
            for (std::size_t i = 0; i < e.labels.size(); ++i) counts[i] += e.labels[i];
        if (d.task == Task::TokenClassification)
            for (int t : e.tags) counts[t]++;
        if (tokenizer) {
            const std::size_t n =
                d.task == Task::TokenClassification
                    ? tokenizer->encodeWords(e.words, EncodeOptions{}).size()
                    : (e.pair.empty()
                           ? tokenizer->encode(e.text).size()
                           : tokenizer->encode(e.text, std::string_view(e.pair), EncodeOptions{})
                                 .size());
            s.lengths.push_back(n);
            s.maxLength = std::max(s.maxLength, n);
            if (maxLength > 0 && n > static_cast<std::size_t>(maxLength)) ++s.truncatedRows;
        }
    }
    if (d.task != Task::Regression)
        for (std::size_t i = 0; i < d.labels.size(); ++i)
            s.classCounts.emplace_back(d.labels[i], counts[i]);
    if (!s.lengths.empty())
        s.meanLength = std::accumulate(s.lengths.begin(), s.lengths.end(), 0.0) / s.lengths.size();
    return s;
}

std::pair<Dataset, Dataset> splitDataset(const Dataset& d, double fraction, std::uint64_t seed,
                                         bool stratify) {
    if (fraction <= 0 || fraction >= 1) throw Error("split fraction must be between 0 and 1");
    Dataset rest = d, split = d;
    rest.examples.clear();
    split.examples.clear();
    std::mt19937_64 rng(seed);
    std::map<int, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < d.examples.size(); ++i)
        groups[stratify && d.task == Task::Classification ? d.examples[i].label : 0].push_back(i);
    std::vector<std::size_t> toSplit, toRest;
    for (auto& [label, idx] : groups) {
        std::shuffle(idx.begin(), idx.end(), rng);
        const auto n = static_cast<std::size_t>(std::llround(idx.size() * fraction));
        toSplit.insert(toSplit.end(), idx.begin(), idx.begin() + n);
        toRest.insert(toRest.end(), idx.begin() + n, idx.end());
    }
    std::sort(toSplit.begin(), toSplit.end());
    std::sort(toRest.begin(), toRest.end());
    for (auto i : toRest) rest.examples.push_back(d.examples[i]);
    for (auto i : toSplit) split.examples.push_back(d.examples[i]);
    return {rest, split};
}

ColumnMapping detectColumns(const std::vector<std::string>& header) {
    auto first = [&](std::initializer_list<const char*> guesses) -> std::string {
        for (const char* g : guesses)
            if (std::find(header.begin(), header.end(), g) != header.end()) return g;
        return {};
    };
    return {first(kTextColumns), first(kPairColumns), first(kLabelColumns)};
}

std::vector<std::string> checkColumnMapping(const Dataset& d) {
    std::vector<std::string> problems;
    const ColumnMapping& c = d.columns;
    if (!c.label.empty() && (c.label == c.text || c.label == c.pair))
        problems.push_back("the label column '" + c.label + "' is also the text column");
    if (d.task != Task::Classification && d.task != Task::MultiLabel) return problems;
    const std::size_t rows = d.examples.size(), classes = d.labels.size();
    std::vector<std::size_t> counts(classes, 0);
    for (const auto& e : d.examples) {
        if (e.label >= 0) counts[static_cast<std::size_t>(e.label)]++;
        for (std::size_t i = 0; i < e.labels.size() && i < classes; ++i) counts[i] += e.labels[i];
    }
    if (rows >= 10 && classes * 2 > rows)
        problems.push_back(std::to_string(classes) + " classes for " + std::to_string(rows) +
                           " rows: almost every example has a label of its own (is '" + c.label +
                           "' the label column?)");
    // Labels that read like sentences: long, or of several words.
    std::size_t wordy = 0;
    for (const auto& l : d.labels)
        wordy += l.size() > 40 || std::count(l.begin(), l.end(), ' ') >= 3;
    if (classes > 0 && wordy * 2 > classes)
        problems.push_back("the labels look like free text (e.g. '" +
                           d.labels.front().substr(0, 40) + "')");
    // Decimal numbers are targets to predict, not classes.
    bool allNumbers = classes > 0, anyFraction = false;
    for (const auto& l : d.labels) {
        bool ok = false;
        const double v = QString::fromStdString(l).toDouble(&ok);
        allNumbers = allNumbers && ok;
        anyFraction = anyFraction || (ok && v != std::floor(v));
    }
    if (d.task == Task::Classification && allNumbers && anyFraction)
        problems.push_back("the labels are decimal numbers (e.g. " + d.labels.front() +
                           "): choose regression to predict a number");
    std::size_t rare = 0;
    std::string example;
    for (std::size_t i = 0; i < classes; ++i)
        if (counts[i] < 2) {
            ++rare;
            if (example.empty()) example = d.labels[i];
        }
    if (rare > 0 && classes * 2 <= rows)
        problems.push_back(std::to_string(rare) + (rare == 1 ? " class has" : " classes have") +
                           " fewer than 2 examples (e.g. '" + example +
                           "'): too few to learn or to validate");
    return problems;
}

}  // namespace distilbench
