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

#include "core/data/RawRecord.h"
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

using namespace records;

std::vector<RawRow> readTable(const std::string& path, const ColumnMapping& cols, Task task,
                              ColumnMapping* used) {
    Table table = TableReader::read(path);
    *used = tableColumns(table.header, cols, path);
    const std::size_t ti = table.column(used->text, path), li = table.column(used->label, path);
    const std::size_t pi =
        used->pair.empty() || used->pair == used->text ? SIZE_MAX : table.column(used->pair, path);
    std::vector<RawRow> rows;
    rows.reserve(table.rows.size());
    int line = 2;
    for (auto& r : table.rows) rows.push_back(rowFromTable(r, ti, pi, li, task, line++));
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
            const QByteArray line = f.readLine().trimmed();
            ++n;
            if (line.isEmpty()) continue;
            objects.push_back(jsonLineObject(line, n, path));
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
    *used = jsonColumns(keys, cols, task, path);
    std::vector<RawRow> rows;
    int n = 0;
    for (const auto& o : objects) rows.push_back(rowFromJson(o, *used, task, ++n, path));
    return rows;
}

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
            if (!isValidUtf8(bytes)) ++*invalidUtf8;  // replaced by U+FFFD below, and counted
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
    std::string word, tag;
    while (std::getline(in, line)) {
        ++n;
        if (!conllToken(line, n, path, word, tag)) {
            flush();
            continue;
        }
        if (current.words.empty()) current.line = n;
        current.words.push_back(std::move(word));
        current.tags.push_back(std::move(tag));
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
        if (!isValidUtf8(std::string_view(bytes.constData(), std::size_t(bytes.size()))))
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
    std::size_t invalidRows = 0;
    for (auto& r : rows) {
        bool bad = replaceInvalidUtf8(r.text) | replaceInvalidUtf8(r.pair);
        for (auto& w : r.words) bad |= replaceInvalidUtf8(w);
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
