#include "core/analysis/DataMap.h"

#include <QFile>
#include <QString>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "core/data/TableReader.h"
#include "core/runtime/Error.h"
#include "core/training/TrainingDynamics.h"
#include "core/util/AtomicFile.h"

namespace distilbench {

DataMapRegion DataMap::regionOf(const DataMapPoint& p) {
    if (p.variability >= kAmbiguousVariability) return DataMapRegion::Ambiguous;
    return p.confidence < kHardConfidence ? DataMapRegion::HardToLearn : DataMapRegion::EasyToLearn;
}

std::string DataMap::regionName(DataMapRegion region) {
    switch (region) {
        case DataMapRegion::EasyToLearn:
            return "easy-to-learn";
        case DataMapRegion::Ambiguous:
            return "ambiguous";
        case DataMapRegion::HardToLearn:
            return "hard-to-learn";
    }
    return {};
}

std::string DataMap::labelOf(std::size_t index) const {
    const int g = index < gold.size() ? gold[index] : -1;
    return g >= 0 && g < static_cast<int>(labels.size()) ? labels[static_cast<std::size_t>(g)]
                                                         : std::string();
}

std::vector<DataMapPoint> DataMap::likelyLabelErrors() const {
    std::vector<DataMapPoint> out;
    for (const DataMapPoint& p : points)
        if (regionOf(p) == DataMapRegion::HardToLearn) out.push_back(p);
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.confidence < b.confidence; });
    return out;
}

std::vector<DataMapPoint> DataMap::byLoss() const {
    std::vector<DataMapPoint> out = points;
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.confidence < b.confidence;  // -log is decreasing
    });
    return out;
}

DataMap computeDataMap(const TrainingDynamics& d) {
    DataMap map;
    map.texts = d.texts();
    map.pairs = d.pairs();
    map.labels = d.labels();
    map.dataLabels = d.dataLabels();
    map.gold = d.gold();
    map.epochs = static_cast<int>(d.probabilities().size());
    for (std::size_t i = 0; i < d.texts().size(); ++i) {
        DataMapPoint p;
        p.index = i;
        double sum = 0, right = 0;
        std::vector<double> seen;
        for (std::size_t e = 0; e < d.probabilities().size(); ++e) {
            const float v = d.probabilities()[e][i];
            if (std::isnan(v)) continue;
            seen.push_back(v);
            sum += v;
            right += d.correct()[e][i] == 1;
        }
        if (seen.empty()) continue;
        p.epochs = static_cast<int>(seen.size());
        p.confidence = sum / seen.size();
        double var = 0;
        for (double v : seen) var += (v - p.confidence) * (v - p.confidence);
        // The population deviation over epochs, as the paper's code computes it (np.std).
        p.variability = std::sqrt(var / seen.size());
        p.correctness = right / seen.size();
        map.points.push_back(p);
    }
    return map;
}

namespace {
// CoNLL: blocks of "word ... tag" lines separated by blank lines; -DOCSTART- lines stay.
std::size_t writeConllWithout(const std::string& source, const std::vector<Example>& remove,
                              const std::string& target) {
    std::multiset<std::string> wanted;
    for (const Example& e : remove) wanted.insert(e.text);
    QFile f(QString::fromStdString(source));
    if (!f.open(QIODevice::ReadOnly))
        throw Error(source, "cannot be read: " + f.errorString().toStdString());
    std::string out, block, words;
    std::size_t removed = 0;
    auto flush = [&] {
        if (block.empty()) return;
        if (wanted.count(words))
            ++removed;
        else
            out += block;
        block.clear();
        words.clear();
    };
    while (!f.atEnd()) {
        const QByteArray raw = f.readLine();
        const QByteArray line = raw.trimmed();
        std::string text = raw.toStdString();
        if (!text.empty() && text.back() != '\n') text += '\n';
        if (line.isEmpty() || line.startsWith("-DOCSTART-")) {
            flush();
            out += text;
            continue;
        }
        block += text;
        const QByteArray word = line.split(' ').first().split('\t').first();
        words += (words.empty() ? "" : " ") + word.toStdString();
    }
    flush();
    AtomicFile file(target);
    file.write(out);
    file.commit();
    return removed;
}
}  // namespace

std::size_t writeDataWithout(const std::string& source, Task task, const ColumnMapping& columns,
                             const std::vector<std::string>& labels,
                             const std::vector<Example>& remove, const std::string& target) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::exists(target, ec)) throw Error(target, "exists already; choose a new file name");
    if (task == Task::TokenClassification) return writeConllWithout(source, remove, target);
    const QString lower = QString::fromStdString(source).toLower();
    const bool jsonl = lower.endsWith(".jsonl");
    if (!jsonl && !lower.endsWith(".csv") && !lower.endsWith(".tsv") && !lower.endsWith(".tab"))
        throw Error(source,
                    "a copy without some rows is written for CSV, TSV and JSON Lines files");
    // The examples in file order, as training read them: row k is example k.
    const Dataset d = DatasetReader::read(source, Task::Classification, columns, labels);
    using Key = std::tuple<std::string, std::string, std::string>;
    std::multiset<Key> wanted;
    for (const Example& e : remove) {
        if (e.label < 0 || e.label >= static_cast<int>(labels.size()))
            throw Error(source, "an example to leave out has no label");
        wanted.insert({e.text, e.pair, labels[static_cast<std::size_t>(e.label)]});
    }
    std::vector<bool> drop(d.examples.size(), false);
    std::size_t removed = 0;
    for (std::size_t k = 0; k < d.examples.size(); ++k) {
        const Example& e = d.examples[k];
        const Key key{e.text, e.pair, d.labels[static_cast<std::size_t>(e.label)]};
        // Every copy of a flagged example goes (a duplicated wrong label is as wrong).
        if (wanted.count(key)) {
            drop[k] = true;
            ++removed;
        }
    }
    std::string out;
    if (jsonl) {
        QFile f(QString::fromStdString(source));
        if (!f.open(QIODevice::ReadOnly))
            throw Error(source, "cannot be read: " + f.errorString().toStdString());
        std::size_t k = 0;
        while (!f.atEnd()) {
            const QByteArray line = f.readLine();
            if (line.trimmed().isEmpty()) continue;
            if (k >= drop.size()) throw Error(source, "has more rows than examples");
            if (!drop[k])
                out += line.endsWith('\n') ? line.toStdString() : line.toStdString() + "\n";
            ++k;
        }
        if (k != drop.size()) throw Error(source, "its rows and examples do not line up");
    } else {
        const Table t = TableReader::read(source);
        if (t.rows.size() != drop.size())
            throw Error(source, "its rows and examples do not line up (" +
                                    std::to_string(t.rows.size()) + " rows, " +
                                    std::to_string(drop.size()) + " examples)");
        const bool tsv = !lower.endsWith(".csv");
        auto line = [&](const std::vector<std::string>& fields) {
            std::string l;
            for (std::size_t i = 0; i < fields.size(); ++i) {
                if (i) l += tsv ? '\t' : ',';
                std::string f = fields[i];
                if (!tsv && f.find_first_of(",\"\n\r") != std::string::npos) {
                    std::string q = "\"";
                    for (char c : f) q += c == '"' ? std::string("\"\"") : std::string(1, c);
                    f = q + "\"";
                }
                l += f;
            }
            return l + "\n";
        };
        out += line(t.header);
        for (std::size_t k = 0; k < t.rows.size(); ++k)
            if (!drop[k]) out += line(t.rows[k]);
    }
    AtomicFile file(target);
    file.write(out);
    file.commit();
    return removed;
}

}  // namespace distilbench
