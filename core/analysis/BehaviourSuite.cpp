#include "core/analysis/BehaviourSuite.h"

#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>
#include <random>
#include <set>

#include "core/runtime/Error.h"
#include "core/runtime/Resources.h"
#include "core/util/JsonFile.h"

namespace distilbench {
namespace {

constexpr int kMaxCombinations = 1000000;  // a template that asks for more is a suite bug
constexpr std::size_t kMaxExpandedBytes = 64u << 20;  // text one template may generate
constexpr int kMaxExamplesPerTest = 100000;

std::vector<std::string> strings(const QJsonValue& v, const std::string& file,
                                 const std::string& what) {
    std::vector<std::string> out;
    if (v.isUndefined() || v.isNull()) return out;
    if (v.isString()) return {v.toString().toStdString()};
    if (!v.isArray()) throw Error(file, what + " must be a list of strings");
    for (const QJsonValue& e : v.toArray()) {
        if (!e.isString()) throw Error(file, what + " must be a list of strings");
        out.push_back(e.toString().toStdString());
    }
    return out;
}

struct Slot {
    std::string name, lexicon;
};

// The slots of a pattern in order of first appearance; "{{" and "}}" are literal braces.
std::vector<Slot> slotsOf(const std::string& pattern,
                          const std::map<std::string, std::vector<std::string>>& lexicons,
                          const std::string& where) {
    std::vector<Slot> out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] == '{') {
            ++i;
            continue;
        }
        if (pattern[i] != '{') continue;
        const std::size_t close = pattern.find('}', i);
        if (close == std::string::npos) throw Error(where, "a { without } in \"" + pattern + "\"");
        const std::string name = pattern.substr(i + 1, close - i - 1);
        std::string lexicon = name;
        // {name1}, {name2}: more slots of lexicon `name`.
        if (!lexicons.count(lexicon)) {
            while (!lexicon.empty() && std::isdigit(static_cast<unsigned char>(lexicon.back())))
                lexicon.pop_back();
        }
        if (!lexicons.count(lexicon))
            throw Error(where, "{" + name + "} names no lexicon in \"" + pattern + "\"");
        if (std::none_of(out.begin(), out.end(), [&](const Slot& s) { return s.name == name; }))
            out.push_back({name, lexicon});
        i = close;
    }
    return out;
}

std::string fill(const std::string& pattern, const std::map<std::string, std::string>& values) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if ((c == '{' || c == '}') && i + 1 < pattern.size() && pattern[i + 1] == c) {
            out += c;
            ++i;
            continue;
        }
        if (c == '{') {
            const std::size_t close = pattern.find('}', i);
            out += values.at(pattern.substr(i + 1, close - i - 1));
            i = close;
            continue;
        }
        out += c;
    }
    return out;
}

}  // namespace

std::string behaviourTestTypeName(BehaviourTestType type) {
    switch (type) {
        case BehaviourTestType::MFT:
            return "MFT";
        case BehaviourTestType::INV:
            return "INV";
        case BehaviourTestType::DIR:
            return "DIR";
    }
    return {};
}

std::vector<std::string> expandTemplate(
    const std::string& pattern, const std::map<std::string, std::vector<std::string>>& lexicons,
    int maxExamples, std::uint64_t seed) {
    std::vector<std::string> out;
    for (auto& e : expandTemplateFilled(pattern, lexicons, maxExamples, seed))
        out.push_back(std::move(e.text));
    return out;
}

std::vector<BehaviourExample> expandTemplateFilled(
    const std::string& pattern, const std::map<std::string, std::vector<std::string>>& lexicons,
    int maxExamples, std::uint64_t seed) {
    const std::vector<Slot> slots = slotsOf(pattern, lexicons, "template");
    std::int64_t total = 1;
    for (const Slot& s : slots) {
        const auto n = static_cast<std::int64_t>(lexicons.at(s.lexicon).size());
        if (n == 0) return {};
        total = std::min<std::int64_t>(total * n, kMaxCombinations + 1);
    }
    if (total > kMaxCombinations)
        throw Error("template", "\"" + pattern + "\" has over a million combinations");
    // Combination k in mixed radix; distinct slots of one lexicon take distinct words.
    auto combination = [&](std::int64_t k, std::map<std::string, std::string>& values) {
        std::map<std::string, std::set<std::string>> used;
        for (const Slot& s : slots) {
            const auto& words = lexicons.at(s.lexicon);
            const auto n = static_cast<std::int64_t>(words.size());
            const std::string& w = words[static_cast<std::size_t>(k % n)];
            k /= n;
            if (!used[s.lexicon].insert(w).second) return false;
            values[s.name] = w;
        }
        return true;
    };
    std::vector<std::int64_t> picks;
    if (maxExamples <= 0 || total <= maxExamples) {
        for (std::int64_t k = 0; k < total; ++k) picks.push_back(k);
    } else {
        std::mt19937_64 rng(seed ^ std::hash<std::string>{}(pattern));
        std::vector<std::int64_t> all(static_cast<std::size_t>(total));
        for (std::int64_t k = 0; k < total; ++k) all[static_cast<std::size_t>(k)] = k;
        std::shuffle(all.begin(), all.end(), rng);
        picks = all;  // drawn in this order until maxExamples valid ones are found
    }
    std::vector<BehaviourExample> out;
    std::size_t bytes = 0;
    for (std::int64_t k : picks) {
        std::map<std::string, std::string> values;
        if (!combination(k, values)) continue;
        BehaviourExample e{fill(pattern, values), {}};
        bytes += e.text.size();
        if (bytes > kMaxExpandedBytes)
            throw Error("template", "\"" + pattern.substr(0, 60) +
                                        "\" expands to over 64 MB of text; lower max_examples");
        for (const Slot& s : slots) e.fills.emplace_back(s.lexicon, values.at(s.name));
        out.push_back(std::move(e));
        if (maxExamples > 0 && static_cast<int>(out.size()) >= maxExamples) break;
    }
    return out;
}

std::vector<std::string> BehaviourSuite::examplesOf(const BehaviourTest& test) const {
    std::vector<std::string> out;
    for (auto& e : filledExamplesOf(test)) out.push_back(std::move(e.text));
    return out;
}

std::vector<BehaviourExample> BehaviourSuite::filledExamplesOf(const BehaviourTest& test) const {
    std::vector<BehaviourExample> out;
    const int limit = test.maxExamples > 0 ? test.maxExamples : maxExamples;
    // The budget is shared evenly by the templates (what one cannot use goes to the next).
    for (std::size_t i = 0; i < test.templates.size(); ++i) {
        int budget = 0;
        if (limit > 0) {
            const int left = limit - static_cast<int>(out.size());
            if (left <= 0) break;
            budget = std::max(1, left / static_cast<int>(test.templates.size() - i));
        }
        auto expanded = expandTemplateFilled(test.templates[i], lexicons, budget, 0);
        for (auto& e : expanded) out.push_back(std::move(e));
    }
    for (const std::string& t : test.texts) out.push_back({t, {}});
    return out;
}

BehaviourSuite BehaviourSuite::fromJson(const QJsonObject& o, const std::string& file) {
    BehaviourSuite suite;
    suite.source = file;
    suite.name = o.value("name").toString().toStdString();
    if (suite.name.empty()) suite.name = file;
    suite.description = o.value("description").toString().toStdString();
    suite.maxExamples = o.value("max_examples").toInt(100);
    if (suite.maxExamples < 1 || suite.maxExamples > kMaxExamplesPerTest)
        throw Error(file, "\"max_examples\" must be between 1 and 100000");
    const double minPass = o.value("min_pass_rate").toDouble(1.0);
    const QJsonObject lexicons = o.value("lexicons").toObject();
    for (auto it = lexicons.begin(); it != lexicons.end(); ++it)
        suite.lexicons[it.key().toStdString()] =
            strings(it.value(), file, "lexicon \"" + it.key().toStdString() + "\"");
    const QJsonObject aliases = o.value("label_aliases").toObject();
    for (auto it = aliases.begin(); it != aliases.end(); ++it)
        suite.labelAliases[it.key().toStdString()] =
            strings(it.value(), file, "label_aliases of \"" + it.key().toStdString() + "\"");
    std::map<std::string, std::string> suiteTypes;
    const QJsonObject types = o.value("entity_types").toObject();
    for (auto it = types.begin(); it != types.end(); ++it) {
        if (!suite.lexicons.count(it.key().toStdString()))
            throw Error(file, "entity_types names \"" + it.key().toStdString() +
                                  "\", which is not in \"lexicons\"");
        suiteTypes[it.key().toStdString()] = it.value().toString().toStdString();
    }
    const QJsonArray tests = o.value("tests").toArray();
    if (tests.isEmpty()) throw Error(file, "has no tests (a \"tests\" list)");
    std::set<std::string> names;
    for (int i = 0; i < tests.size(); ++i) {
        const QJsonObject t = tests[i].toObject();
        BehaviourTest test;
        test.name = t.value("name").toString().toStdString();
        if (test.name.empty()) test.name = "test " + std::to_string(i + 1);
        const std::string where = file + " (" + test.name + ")";
        if (!names.insert(test.name).second) throw Error(where, "the name is used twice");
        test.capability = t.value("capability").toString().toStdString();
        test.description = t.value("description").toString().toStdString();
        const std::string type = t.value("type").toString().toUpper().toStdString();
        if (type == "MFT")
            test.type = BehaviourTestType::MFT;
        else if (type == "INV")
            test.type = BehaviourTestType::INV;
        else if (type == "DIR")
            test.type = BehaviourTestType::DIR;
        else
            throw Error(where, "\"type\" must be MFT, INV or DIR");
        test.templates = strings(t.value("templates"), where, "\"templates\"");
        test.texts = strings(t.value("texts"), where, "\"texts\"");
        if (test.templates.empty() && test.texts.empty())
            throw Error(where, "has neither \"templates\" nor \"texts\"");
        for (const std::string& pattern : test.templates) slotsOf(pattern, suite.lexicons, where);
        test.minPassRate = t.value("min_pass_rate").toDouble(minPass);
        if (test.minPassRate < 0 || test.minPassRate > 1)
            throw Error(where, "\"min_pass_rate\" must be between 0 and 1");
        test.maxExamples = t.value("max_examples").toInt(0);
        if (test.maxExamples < 0 || test.maxExamples > kMaxExamplesPerTest)
            throw Error(where, "\"max_examples\" must be between 1 and 100000");
        test.expect = t.value("expect").toString().toStdString();
        test.entityTypes = suiteTypes;
        const QJsonObject ownTypes = t.value("entity_types").toObject();
        for (auto it = ownTypes.begin(); it != ownTypes.end(); ++it)
            test.entityTypes[it.key().toStdString()] = it.value().toString().toStdString();
        if (test.type == BehaviourTestType::MFT && test.expect.empty() && test.entityTypes.empty())
            throw Error(where,
                        "an MFT needs \"expect\" (the label every example should get) or, for "
                        "token classification, \"entity_types\" of its slots");
        if (test.type != BehaviourTestType::MFT) {
            const QJsonObject p = t.value("perturb").toObject();
            Perturbation perturbation;
            const std::string kind = p.value("kind").toString().toStdString();
            if (!Perturbation::parseKind(kind, perturbation.kind))
                throw Error(where,
                            "\"perturb\" needs a \"kind\": swap, lowercase, uppercase, "
                            "punctuation, typos, append, prepend, drop-word or negate");
            perturbation.words = strings(p.value("words"), where, "\"words\"");
            if (p.contains("lexicon")) {
                const std::string lex = p.value("lexicon").toString().toStdString();
                if (!suite.lexicons.count(lex))
                    throw Error(where, "\"lexicon\": \"" + lex + "\" is not in \"lexicons\"");
                const auto& w = suite.lexicons.at(lex);
                perturbation.words.insert(perturbation.words.end(), w.begin(), w.end());
            }
            perturbation.phrases = strings(p.value("phrases"), where, "\"phrases\"");
            perturbation.variants = p.value("variants").toInt(3);
            if (perturbation.variants < 1 || perturbation.variants > 100)
                throw Error(where, "\"variants\" must be between 1 and 100");
            perturbation.seed = static_cast<std::uint64_t>(p.value("seed").toInt(0));
            using K = Perturbation::Kind;
            if (perturbation.kind == K::Swap && perturbation.words.size() < 2)
                throw Error(where, "a swap needs \"words\" or a \"lexicon\" of two or more");
            if ((perturbation.kind == K::Append || perturbation.kind == K::Prepend) &&
                perturbation.phrases.empty())
                throw Error(where, "append and prepend need \"phrases\"");
            test.perturbation = perturbation;
        }
        if (test.type == BehaviourTestType::DIR) {
            const QJsonObject d = t.value("direction").toObject();
            test.directionLabel = d.value("label").toString().toStdString();
            const QString way = d.value("change").toString();
            if (test.directionLabel.empty() || (way != "up" && way != "down"))
                throw Error(where,
                            "a DIR needs \"direction\": {\"label\": …, \"change\": \"up\" or "
                            "\"down\"}");
            test.up = way == "up";
            test.tolerance = d.value("tolerance").toDouble(0.0);
        }
        suite.tests.push_back(std::move(test));
    }
    return suite;
}

BehaviourSuite BehaviourSuite::read(const std::string& path) {
    return fromJson(readJsonObject(path), path);
}

std::string BehaviourSuite::builtInSentimentPath() {
    return resourcePath("suites/sentiment.json");
}

std::string BehaviourSuite::builtInPathFor(Task task) {
    return task == Task::TokenClassification ? resourcePath("suites/ner.json")
                                             : builtInSentimentPath();
}

}  // namespace distilbench
