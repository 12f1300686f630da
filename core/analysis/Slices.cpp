#include "core/analysis/Slices.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QString>
#include <algorithm>
#include <cmath>
#include <fstream>
#include <string>

#include "core/data/TableReader.h"
#include "core/evaluation/Evaluation.h"
#include "core/runtime/Error.h"
#include "core/training/Metrics.h"

namespace distilbench {
namespace {

int wordCount(const std::string& text) {
    int n = 0;
    bool in = false;
    for (unsigned char c : text) {
        const bool space = std::isspace(c);
        if (!space && !in) ++n;
        in = !space;
    }
    return n;
}

}  // namespace

void wilsonInterval(int successes, int n, double& low, double& high) {
    if (n <= 0) {
        low = 0;
        high = 1;
        return;
    }
    constexpr double z = 1.959963984540054;
    const double p = double(successes) / n;
    const double denominator = 1 + z * z / n;
    const double centre = (p + z * z / (2.0 * n)) / denominator;
    const double half = z * std::sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denominator;
    low = std::max(0.0, centre - half);
    high = std::min(1.0, centre + half);
}

SliceDefinition SliceDefinition::parse(const std::string& spec) {
    SliceDefinition d;
    d.name = spec;
    const auto colon = spec.find(':');
    if (colon == std::string::npos)
        throw Error("slice \"" + spec +
                    "\": write keyword:WORD, regex:PATTERN, length:MIN-MAX, label:NAME, "
                    "predicted:NAME or column:NAME=VALUE");
    const std::string kind = spec.substr(0, colon), rest = spec.substr(colon + 1);
    if (rest.empty()) throw Error("slice \"" + spec + "\": nothing after the colon");
    if (kind == "keyword") {
        d.kind = Kind::Keyword;
        d.pattern = rest;
    } else if (kind == "regex") {
        d.kind = Kind::Regex;
        d.pattern = rest;
        const QRegularExpression re(QString::fromStdString(rest));
        if (!re.isValid()) throw Error("slice \"" + spec + "\": " + re.errorString().toStdString());
    } else if (kind == "length") {
        d.kind = Kind::Length;
        const auto dash = rest.find('-');
        try {
            d.minWords = std::stoi(rest.substr(0, dash));
            d.maxWords = dash == std::string::npos ? d.minWords
                         : dash + 1 == rest.size() ? 1 << 30
                                                   : std::stoi(rest.substr(dash + 1));
        } catch (const std::exception&) {
            throw Error("slice \"" + spec + "\": length takes MIN-MAX words, e.g. length:0-10");
        }
        if (d.minWords < 0 || d.maxWords < d.minWords)
            throw Error("slice \"" + spec + "\": the range is empty");
    } else if (kind == "label" || kind == "predicted") {
        d.kind = kind == "label" ? Kind::Label : Kind::Predicted;
        d.value = rest;
    } else if (kind == "column") {
        d.kind = Kind::Column;
        const auto eq = rest.find('=');
        if (eq == std::string::npos || eq == 0)
            throw Error("slice \"" + spec + "\": column takes NAME=VALUE");
        d.column = rest.substr(0, eq);
        d.value = rest.substr(eq + 1);
    } else {
        throw Error("slice \"" + spec + "\": \"" + kind + "\" is not a kind of slice");
    }
    return d;
}

std::string SliceDefinition::spec() const {
    switch (kind) {
        case Kind::Keyword:
            return "keyword:" + pattern;
        case Kind::Regex:
            return "regex:" + pattern;
        case Kind::Length:
            return "length:" + std::to_string(minWords) + "-" +
                   (maxWords >= (1 << 30) ? std::string() : std::to_string(maxWords));
        case Kind::Label:
            return "label:" + value;
        case Kind::Predicted:
            return "predicted:" + value;
        case Kind::Column:
            return "column:" + column + "=" + value;
        case Kind::Selection:
            return "selection of " + std::to_string(indices.size());
    }
    return {};
}

std::map<std::string, std::vector<std::string>> readMetadataColumns(const std::string& path) {
    std::map<std::string, std::vector<std::string>> out;
    const QString p = QString::fromStdString(path).toLower();
    if (p.endsWith(".csv") || p.endsWith(".tsv") || p.endsWith(".tab")) {
        const Table t = TableReader::read(path);
        for (std::size_t c = 0; c < t.header.size(); ++c) {
            auto& column = out[t.header[c]];
            for (const auto& row : t.rows) column.push_back(c < row.size() ? row[c] : "");
        }
    } else if (p.endsWith(".jsonl")) {
        std::ifstream in(path);
        if (!in) throw Error(path, "cannot be read");
        std::string line;
        std::size_t n = 0;
        while (std::getline(in, line)) {
            if (QString::fromStdString(line).trimmed().isEmpty()) continue;
            const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(line)).object();
            for (auto it = o.begin(); it != o.end(); ++it) {
                auto& column = out[it.key().toStdString()];
                column.resize(n);  // keys missing in earlier rows stay empty
                const QJsonValue v = it.value();
                column.push_back(v.isString()   ? v.toString().toStdString()
                                 : v.isDouble() ? QString::number(v.toDouble()).toStdString()
                                 : v.isBool()   ? (v.toBool() ? "true" : "false")
                                                : std::string());
            }
            ++n;
            for (auto& [name, column] : out) column.resize(n);
        }
    }
    return out;
}

std::vector<std::size_t> sliceMembers(
    const SliceDefinition& d, const std::vector<std::string>& texts, const std::vector<int>& gold,
    const std::vector<int>& predicted, const std::vector<std::string>& labels,
    const std::map<std::string, std::vector<std::string>>& metadata) {
    const std::size_t n = texts.size();
    const std::vector<std::string>* column = nullptr;
    if (d.kind == SliceDefinition::Kind::Column) {
        const auto it = metadata.find(d.column);
        if (it == metadata.end()) {
            std::string known;
            for (const auto& [k, v] : metadata) known += (known.empty() ? "" : ", ") + k;
            throw Error("slice column \"" + d.column + "\" is not in the data (" +
                        (known.empty() ? "it has no metadata columns" : known) + ")");
        }
        if (it->second.size() != n)
            throw Error("slice column \"" + d.column + "\" has " +
                        std::to_string(it->second.size()) + " values for " + std::to_string(n) +
                        " examples");
        column = &it->second;
    }
    int label = -1;
    if (d.kind == SliceDefinition::Kind::Label || d.kind == SliceDefinition::Kind::Predicted) {
        const auto it = std::find(labels.begin(), labels.end(), d.value);
        if (it == labels.end()) {
            std::string known;
            for (const auto& l : labels) known += (known.empty() ? "" : ", ") + l;
            throw Error("slice label \"" + d.value + "\" is not one of the model's (" + known +
                        ")");
        }
        label = static_cast<int>(it - labels.begin());
    }
    QRegularExpression re;
    if (d.kind == SliceDefinition::Kind::Keyword)
        re = QRegularExpression("(?<![\\w'])" +
                                    QRegularExpression::escape(QString::fromStdString(d.pattern)) +
                                    "(?![\\w'])",
                                QRegularExpression::CaseInsensitiveOption |
                                    QRegularExpression::UseUnicodePropertiesOption);
    else if (d.kind == SliceDefinition::Kind::Regex)
        re = QRegularExpression(QString::fromStdString(d.pattern),
                                QRegularExpression::CaseInsensitiveOption);
    std::vector<std::size_t> members;
    for (std::size_t i = 0; i < n; ++i) {
        bool in = false;
        switch (d.kind) {
            case SliceDefinition::Kind::Keyword:
            case SliceDefinition::Kind::Regex:
                in = re.match(QString::fromStdString(texts[i])).hasMatch();
                break;
            case SliceDefinition::Kind::Length: {
                const int w = wordCount(texts[i]);
                in = w >= d.minWords && w <= d.maxWords;
                break;
            }
            case SliceDefinition::Kind::Label:
                in = i < gold.size() && gold[i] == label;
                break;
            case SliceDefinition::Kind::Predicted:
                in = i < predicted.size() && predicted[i] == label;
                break;
            case SliceDefinition::Kind::Column:
                in = (*column)[i] == d.value;
                break;
            case SliceDefinition::Kind::Selection:
                in = std::binary_search(d.indices.begin(), d.indices.end(), i);
                break;
        }
        if (in) members.push_back(i);
    }
    return members;
}

namespace {
// "B-PER" / "I-PER" / "PER" -> "PER"; "O" -> "".
std::string entityType(const std::string& tag) {
    if (tag == "O" || tag.empty()) return {};
    if (tag.size() > 2 && (tag[0] == 'B' || tag[0] == 'I' || tag[0] == 'E' || tag[0] == 'S') &&
        (tag[1] == '-' || tag[1] == '_'))
        return tag.substr(2);
    return tag;
}

std::vector<std::string> entityTypes(const std::vector<std::string>& tags) {
    std::vector<std::string> out;
    for (const auto& t : tags) {
        const std::string e = entityType(t);
        if (!e.empty() && std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
    }
    return out;
}
}  // namespace

SliceReport computeSlices(const EvaluationReport& report,
                          const std::vector<SliceDefinition>& definitions,
                          const std::map<std::string, std::vector<std::string>>& metadata) {
    const bool tokens = report.task == Task::TokenClassification;
    if (report.task != Task::Classification && !tokens)
        throw Error("slices are computed for single-label and token classification reports");
    if (tokens && (report.tagTruth.size() != report.texts.size() ||
                   report.tagPredicted.size() != report.texts.size()))
        throw Error("the token-classification report has no tags per sentence");
    const std::size_t n = report.texts.size();
    // Classification: a right prediction; token classification: a sentence whose every tag is
    // right (the proportion behind the interval), with the entity F1 of the slice beside it.
    auto metricsOf = [&](const std::string& name, const std::string& spec,
                         const std::vector<std::size_t>& members) {
        SliceMetrics m;
        m.name = name;
        m.spec = spec;
        m.examples = members;
        m.count = static_cast<int>(members.size());
        if (tokens) {
            std::vector<std::vector<std::string>> t, p;
            for (std::size_t i : members) {
                t.push_back(report.tagTruth[i]);
                p.push_back(report.tagPredicted[i]);
                m.errors += report.tagTruth[i] != report.tagPredicted[i];
            }
            if (m.count > 0) {
                m.accuracy = 1.0 - double(m.errors) / m.count;
                m.macroF1 = entityMetrics(t, p).f1;
                m.meanConfidence = std::nan("");
            }
        } else {
            std::vector<int> t, p;
            double confidence = 0;
            for (std::size_t i : members) {
                t.push_back(report.truth[i]);
                p.push_back(report.predicted[i]);
                m.errors += report.truth[i] != report.predicted[i];
                if (i < report.probabilities.size() && !report.probabilities[i].empty())
                    confidence +=
                        report.probabilities[i][static_cast<std::size_t>(report.predicted[i])];
            }
            if (m.count > 0) {
                m.accuracy = 1.0 - double(m.errors) / m.count;
                m.meanConfidence = confidence / m.count;
                m.macroF1 = classificationMetrics(t, p, report.labels).macroF1;
            }
        }
        wilsonInterval(m.count - m.errors, m.count, m.ciLow, m.ciHigh);
        return m;
    };
    std::vector<std::size_t> all(n);
    for (std::size_t i = 0; i < n; ++i) all[i] = i;
    SliceReport out;
    out.task = report.task;
    out.overall = metricsOf("all examples", "", all);

    // Token classification: "label:PER" is a sentence with a PER entity (gold), "predicted:PER"
    // one the model tags with PER.
    std::vector<std::string> types;
    if (tokens)
        for (const auto& tags : report.tagTruth)
            for (const auto& e : entityTypes(tags))
                if (std::find(types.begin(), types.end(), e) == types.end()) types.push_back(e);
    for (const SliceDefinition& d : definitions) {
        std::vector<std::size_t> members;
        const bool byType =
            d.kind == SliceDefinition::Kind::Label || d.kind == SliceDefinition::Kind::Predicted;
        if (tokens && byType) {
            if (std::find(types.begin(), types.end(), d.value) == types.end()) {
                std::string known;
                for (const auto& t : types) known += (known.empty() ? "" : ", ") + t;
                throw Error("slice entity type \"" + d.value + "\" is not in the data (" + known +
                            ")");
            }
            const auto& tags =
                d.kind == SliceDefinition::Kind::Label ? report.tagTruth : report.tagPredicted;
            for (std::size_t i = 0; i < n; ++i) {
                const auto found = entityTypes(tags[i]);
                if (std::find(found.begin(), found.end(), d.value) != found.end())
                    members.push_back(i);
            }
        } else if (tokens) {
            members = sliceMembers(d, report.texts, {}, {}, {}, metadata);
        } else {
            members = sliceMembers(d, report.texts, report.truth, report.predicted, report.labels,
                                   metadata);
        }
        SliceMetrics m = metricsOf(d.name.empty() ? d.spec() : d.name, d.spec(), members);
        m.drop = m.count > 0 ? out.overall.accuracy - m.accuracy : 0;
        out.slices.push_back(std::move(m));
    }
    std::stable_sort(out.slices.begin(), out.slices.end(),
                     [](const SliceMetrics& a, const SliceMetrics& b) {
                         if ((a.count > 0) != (b.count > 0)) return a.count > 0;
                         return a.drop > b.drop;
                     });
    return out;
}

std::vector<SliceDefinition> automaticSlices(const EvaluationReport& report) {
    std::vector<SliceDefinition> out;
    // Word-count quartiles of this data.
    std::vector<int> lengths;
    for (const auto& t : report.texts) lengths.push_back(wordCount(t));
    std::sort(lengths.begin(), lengths.end());
    if (!lengths.empty()) {
        const int q1 = lengths[lengths.size() / 4], q2 = lengths[lengths.size() / 2],
                  q3 = lengths[lengths.size() * 3 / 4];
        int previous = 0;
        for (int edge : {q1, q2, q3}) {
            if (edge < previous) continue;
            SliceDefinition d;
            d.kind = SliceDefinition::Kind::Length;
            d.minWords = previous;
            d.maxWords = edge;
            d.name = "words " + std::to_string(previous) + "–" + std::to_string(edge);
            out.push_back(d);
            previous = edge + 1;
        }
        SliceDefinition d;
        d.kind = SliceDefinition::Kind::Length;
        d.minWords = previous;
        d.maxWords = 1 << 30;
        d.name = "words ≥ " + std::to_string(previous);
        out.push_back(d);
    }
    std::vector<std::string> classes = report.labels;
    if (report.task == Task::TokenClassification) {
        classes.clear();
        for (const auto& tags : report.tagTruth)
            for (const auto& e : entityTypes(tags))
                if (std::find(classes.begin(), classes.end(), e) == classes.end())
                    classes.push_back(e);
        std::sort(classes.begin(), classes.end());
    }
    for (const std::string& l : classes) {
        SliceDefinition d;
        d.kind = SliceDefinition::Kind::Label;
        d.value = l;
        d.name = (report.task == Task::TokenClassification ? "has " : "label ") + l;
        out.push_back(d);
    }
    const std::pair<const char*, const char*> patterns[] = {
        {"negation", "\\b(not|no|never|nothing|nobody|none|neither|nor|without)\\b|n't\\b"},
        {"contrast", "\\b(but|however|although|though|yet|despite)\\b"},
        {"question", "\\?"},
        {"exclamation", "!"},
        {"numbers", "\\d"},
    };
    for (const auto& [name, pattern] : patterns) {
        SliceDefinition d;
        d.kind = SliceDefinition::Kind::Regex;
        d.pattern = pattern;
        d.name = name;
        out.push_back(d);
    }
    return out;
}

}  // namespace distilbench
