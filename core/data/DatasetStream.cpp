#include "core/data/DatasetStream.h"

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QString>

#include "core/data/RawRecord.h"
#include "core/data/TableReader.h"
#include "core/runtime/Error.h"
#include "core/util/FileChecks.h"

namespace distilbench {

using namespace records;

namespace {

constexpr qint64 kMaxLineBytes = 64ll << 20;

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + v[i];
    return s;
}

// readDatasetForModel's label rule, applied one label at a time: the whole-file reader sees
// every label before deciding between names and ids; here the first label decides and a later
// one that breaks the decision is an error at its line.
class LabelResolver {
public:
    LabelResolver(std::string path, std::vector<std::string> modelLabels,
                  std::map<std::string, std::string> labelMap)
        : path_(std::move(path)), modelLabels_(std::move(modelLabels)), map_(std::move(labelMap)) {
        for (std::size_t i = 0; i < modelLabels_.size(); ++i) id_[modelLabels_[i]] = int(i);
        for (const auto& [from, to] : map_)
            if (!id_.count(to))
                throw Error("label map: '" + to + "' is not one of the model's labels (" +
                            joined(modelLabels_) + ")");
    }

    int operator()(const std::string& label, int line) {
        if (!map_.empty()) {
            const auto m = map_.find(label);
            if (m == map_.end())
                throw Error(path_, "line " + std::to_string(line) +
                                       ": the label map does not say what " + label +
                                       " means for the model (its labels: " + joined(modelLabels_) +
                                       ")");
            return id_.at(m->second);
        }
        const auto it = id_.find(label);
        if (it != id_.end() && mode_ != Mode::Ids) {
            mode_ = Mode::Names;
            return it->second;
        }
        bool ok = false;
        const int v = QString::fromStdString(label).toInt(&ok);
        if (ok && v >= 0 && v < int(modelLabels_.size()) && mode_ != Mode::Names) {
            mode_ = Mode::Ids;
            return v;
        }
        std::string example;
        for (std::size_t i = 0; i < modelLabels_.size() && i < 2; ++i)
            example += (i ? "," : "") + (i ? std::string("...") : label) + "=" + modelLabels_[i];
        throw UnknownLabelsError(
            path_,
            "line " + std::to_string(line) + ": label '" + label + "' is " +
                (mode_ == Mode::Names ? "not one of the model's labels, as the earlier rows' are"
                 : mode_ == Mode::Ids ? "not an id 0.." + std::to_string(modelLabels_.size() - 1) +
                                            ", as the earlier rows' labels are"
                                      : "not one the model knows") +
                " (the model's labels: " + joined(modelLabels_) +
                "); map them explicitly, e.g. --label-map " + example,
            {label}, modelLabels_);
    }

private:
    enum class Mode { Undecided, Names, Ids };
    std::string path_;
    std::vector<std::string> modelLabels_;
    std::map<std::string, std::string> map_;
    std::map<std::string, int> id_;
    Mode mode_ = Mode::Undecided;
};

enum class Kind { Table, JsonLines, Conll, Text, Whole };

}  // namespace

struct DatasetStream::State {
    std::string path;
    Options options;
    Kind kind = Kind::Table;
    std::vector<std::string> labels;
    ColumnMapping columns;
    std::unique_ptr<TableStream> table;
    std::size_t textIndex = 0, pairIndex = SIZE_MAX, labelIndex = 0;
    QFile file;
    int line = 0;
    bool pendingJson = false;
    QJsonObject firstRecord;
    Dataset whole;
    std::size_t wholeNext = 0;
    std::unique_ptr<LabelResolver> resolve;
    std::size_t examples = 0, invalidRows = 0;
    std::uint64_t size = 0;
    bool done = false;

    // The next line of a line-based file without its line end; false at the end.
    // Read through a fixed buffer: QIODevice::readLine(maxSize) allocates maxSize bytes for
    // every line (64 MB a line made the JSON Lines fuzzer crawl).
    bool readLine(QByteArray& out) {
        if (file.atEnd()) return false;
        out.clear();
        char buffer[1 << 16];
        ++line;
        while (!file.atEnd()) {
            const qint64 n = file.readLine(buffer, sizeof buffer);
            if (n < 0) throw Error(path, "cannot be read: " + file.errorString().toStdString());
            out.append(buffer, n);
            if (out.size() > kMaxLineBytes)
                throw Error(path, "line " + std::to_string(line) + " is longer than " +
                                      std::to_string(kMaxLineBytes >> 20) + " MB");
            if (out.endsWith('\n')) break;
        }
        while (!out.isEmpty() && (out.endsWith('\n') || out.endsWith('\r'))) out.chop(1);
        if (line == 1 && out.startsWith("\xEF\xBB\xBF")) out.remove(0, 3);
        return true;
    }

    Example toExample(RawRow& r) {
        Example e;
        bool bad = replaceInvalidUtf8(r.text) | replaceInvalidUtf8(r.pair);
        for (auto& w : r.words) bad |= replaceInvalidUtf8(w);
        invalidRows += bad;
        e.text = std::move(r.text);
        e.pair = std::move(r.pair);
        switch (options.task) {
            case Task::Regression:
                if (r.labels.size() != 1 || !isNumber(r.labels[0]))
                    throw Error(path,
                                "row at line " + std::to_string(r.line) + ": regression target '" +
                                    (r.labels.empty() ? "" : r.labels[0]) + "' is not a number");
                e.target = toNumber(r.labels[0]);
                break;
            case Task::TokenClassification:
                e.words = std::move(r.words);
                for (const auto& t : r.tags) e.tags.push_back((*resolve)(t, r.line));
                break;
            case Task::MultiLabel:
                e.labels.assign(labels.size(), 0);
                for (const auto& l : r.labels) e.labels[(*resolve)(l, r.line)] = 1;
                break;
            default:
                if (r.labels.size() != 1)
                    throw Error(path,
                                "line " + std::to_string(r.line) + " needs exactly one label");
                e.label = (*resolve)(r.labels[0], r.line);
        }
        return e;
    }

    // One example, or false at the end of the file.
    bool readOne(Example& out) {
        switch (kind) {
            case Kind::Whole:
                if (wholeNext >= whole.examples.size()) return false;
                out = std::move(whole.examples[wholeNext++]);
                return true;
            case Kind::Table: {
                TableRow row;
                if (!table->next(row)) return false;
                RawRow raw = rowFromTable(row.fields, textIndex, pairIndex, labelIndex,
                                          options.task, static_cast<int>(row.line));
                out = toExample(raw);
                return true;
            }
            case Kind::JsonLines: {
                QJsonObject o;
                if (pendingJson) {
                    o = std::move(firstRecord);
                    pendingJson = false;
                } else {
                    QByteArray bytes;
                    do {
                        if (!readLine(bytes)) return false;
                    } while (bytes.trimmed().isEmpty());
                    o = jsonLineObject(bytes.trimmed(), line, path);
                }
                RawRow raw = rowFromJson(o, columns, options.task, line, path);
                out = toExample(raw);
                return true;
            }
            case Kind::Conll: {
                RawRow raw;
                QByteArray bytes;
                std::string word, tag;
                while (readLine(bytes)) {
                    std::string text = bytes.toStdString();
                    if (!conllToken(text, line, path, word, tag)) {
                        if (!raw.words.empty()) break;
                        continue;
                    }
                    if (raw.words.empty()) raw.line = line;
                    raw.words.push_back(std::move(word));
                    raw.tags.push_back(std::move(tag));
                }
                if (raw.words.empty()) return false;
                out = toExample(raw);
                return true;
            }
            case Kind::Text: {
                QByteArray bytes;
                do {
                    if (!readLine(bytes)) return false;
                } while (bytes.trimmed().isEmpty());
                if (!isValidUtf8(std::string_view(bytes.constData(), std::size_t(bytes.size()))))
                    throw Error(path, "line " + std::to_string(line) + " is not valid UTF-8");
                out = Example{};
                out.text = bytes.toStdString();
                return true;
            }
        }
        return false;
    }
};

bool DatasetStream::isPlainText(const std::string& path) {
    return QFileInfo(QString::fromStdString(path)).suffix().toLower() == "txt";
}

DatasetStream::DatasetStream(const std::string& path, const Options& options)
    : s_(std::make_unique<State>()) {
    State& s = *s_;
    s.path = path;
    s.options = options;
    const QFileInfo info(QString::fromStdString(path));
    if (!info.exists()) throw Error(path, "does not exist");
    const QString ext = info.suffix().toLower();
    if (options.task == Task::Regression)
        s.labels = {"score"};
    else
        s.labels = options.modelLabels;
    if (info.isDir() || ext == "json" || options.task == Task::MaskedLM) {
        s.kind = Kind::Whole;
        s.whole = readDatasetForModel(path, options.task, options.columns, options.modelLabels,
                                      options.labelMap);
        s.columns = s.whole.columns;
        return;
    }
    s.size = requireRegularFile(path);
    const bool labelled = !(options.plainTextUnlabelled && isPlainText(path));
    if (labelled && options.task != Task::Regression) {
        if (options.modelLabels.empty()) throw Error(path, "the model has no labels to score");
        s.resolve = std::make_unique<LabelResolver>(path, options.modelLabels, options.labelMap);
    }
    if (!labelled) {
        s.kind = Kind::Text;
    } else if (options.task == Task::TokenClassification && ext != "jsonl" && ext != "ndjson") {
        s.kind = Kind::Conll;
    } else if (ext == "jsonl" || ext == "ndjson") {
        s.kind = Kind::JsonLines;
    } else {
        s.kind = Kind::Table;
        s.table = std::make_unique<TableStream>(path);
        s.columns = tableColumns(s.table->header(), options.columns, path);
        Table header;
        header.header = s.table->header();
        s.textIndex = header.column(s.columns.text, path);
        s.labelIndex = header.column(s.columns.label, path);
        s.pairIndex = s.columns.pair.empty() || s.columns.pair == s.columns.text
                          ? SIZE_MAX
                          : header.column(s.columns.pair, path);
        return;
    }
    s.file.setFileName(QString::fromStdString(path));
    if (!s.file.open(QIODevice::ReadOnly))
        throw Error(path, "cannot be read: " + s.file.errorString().toStdString());
    if (s.kind == Kind::JsonLines) {
        // The first record names the columns, as the whole-file reader's does.
        QByteArray bytes;
        do {
            if (!s.readLine(bytes)) throw Error(path, "has no records");
        } while (bytes.trimmed().isEmpty());
        s.firstRecord = jsonLineObject(bytes.trimmed(), s.line, path);
        s.pendingJson = true;
        std::vector<std::string> keys;
        for (const QString& k : s.firstRecord.keys()) keys.push_back(k.toStdString());
        s.columns = jsonColumns(keys, options.columns, options.task, path);
    }
}

DatasetStream::~DatasetStream() = default;

bool DatasetStream::next(std::vector<Example>& out, std::size_t maxExamples) {
    out.clear();
    State& s = *s_;
    Example e;
    while (!s.done && out.size() < maxExamples) {
        if (!s.readOne(e)) {
            s.done = true;
            break;
        }
        out.push_back(std::move(e));
        ++s.examples;
    }
    if (s.done && s.examples == 0) throw Error(s.path, "has no examples");
    return !out.empty();
}

const std::string& DatasetStream::path() const {
    return s_->path;
}
Task DatasetStream::task() const {
    return s_->options.task;
}
const std::vector<std::string>& DatasetStream::labels() const {
    return s_->labels;
}
const ColumnMapping& DatasetStream::columns() const {
    return s_->columns;
}
std::size_t DatasetStream::examplesRead() const {
    return s_->examples;
}

std::vector<std::string> DatasetStream::warnings() const {
    std::vector<std::string> out;
    if (s_->kind == Kind::Whole) {
        out = s_->whole.warnings;
        out.push_back("a JSON array or a folder cannot be read in parts: the whole of " + s_->path +
                      " is in memory (JSON Lines, CSV and TSV are streamed)");
    }
    if (s_->invalidRows > 0)
        out.push_back(std::to_string(s_->invalidRows) +
                      (s_->invalidRows == 1 ? " row holds" : " rows hold") +
                      " invalid UTF-8; the invalid bytes were replaced by U+FFFD");
    return out;
}

double DatasetStream::fraction() const {
    const State& s = *s_;
    if (s.done) return 1.0;
    if (s.kind == Kind::Whole)
        return s.whole.examples.empty() ? 1.0 : double(s.wholeNext) / s.whole.examples.size();
    const std::uint64_t read =
        s.kind == Kind::Table ? s.table->bytesRead() : static_cast<std::uint64_t>(s.file.pos());
    return s.size == 0 ? 1.0 : std::min(1.0, double(read) / double(s.size));
}

}  // namespace distilbench
