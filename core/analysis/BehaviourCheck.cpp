#include "core/analysis/BehaviourCheck.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "core/inference/Pipeline.h"
#include "core/runtime/Error.h"
#include "core/training/Objective.h"

namespace distilbench {
namespace {

std::string folded(const std::string& s) {
    return QString::fromStdString(s).toCaseFolded().toStdString();
}

}  // namespace

std::string matchModelLabel(const std::string& suiteLabel,
                            const std::vector<std::string>& modelLabels,
                            const std::map<std::string, std::vector<std::string>>& aliases) {
    std::vector<std::string> names{suiteLabel};
    if (const auto it = aliases.find(suiteLabel); it != aliases.end())
        names.insert(names.end(), it->second.begin(), it->second.end());
    for (const std::string& n : names)
        for (const std::string& m : modelLabels)
            if (folded(n) == folded(m)) return m;
    std::string known;
    for (const std::string& m : modelLabels) known += (known.empty() ? "" : ", ") + m;
    throw Error("label \"" + suiteLabel + "\" is not one of the model's (" + known +
                "); add it to the suite's label_aliases");
}

bool BehaviourReport::passed() const {
    return failedTests() == 0;
}

int BehaviourReport::failedTests() const {
    return static_cast<int>(std::count_if(tests.begin(), tests.end(),
                                          [](const BehaviourTestResult& t) { return !t.passed; }));
}

QJsonObject BehaviourReport::toJson() const {
    QJsonArray rows;
    for (const BehaviourTestResult& t : tests) {
        QJsonArray failing;
        for (const BehaviourFailure& f : t.failing) {
            QJsonObject o{{"text", QString::fromStdString(f.text)},
                          {"expected", QString::fromStdString(f.expected)},
                          {"predicted", QString::fromStdString(f.predicted)},
                          {"before", f.before}};
            if (t.type != BehaviourTestType::MFT) {
                o["variant"] = QString::fromStdString(f.variant);
                o["change"] = QString::fromStdString(f.change);
                o["after"] = f.after;
            }
            failing.append(o);
        }
        QJsonObject row{{"name", QString::fromStdString(t.name)},
                        {"type", QString::fromStdString(behaviourTestTypeName(t.type))},
                        {"capability", QString::fromStdString(t.capability)},
                        {"examples", t.examples},
                        {"failures", t.failures},
                        {"pass_rate", t.passRate},
                        {"min_pass_rate", t.minPassRate},
                        {"passed", t.passed},
                        {"failing", failing}};
        if (!t.note.empty()) row["note"] = QString::fromStdString(t.note);
        rows.append(row);
    }
    QJsonObject labelMap;
    for (const auto& [a, b] : labels)
        labelMap[QString::fromStdString(a)] = QString::fromStdString(b);
    return {{"suite", QString::fromStdString(suite)},
            {"source", QString::fromStdString(source)},
            {"task", tokenClassification ? "token-classification" : "text-classification"},
            {"labels", labelMap},
            {"passed", passed()},
            {"failed_tests", failedTests()},
            {"tests", rows}};
}

namespace {

// Every text a suite needs, each once (templates and perturbations repeat many), and one
// batched pass of the model over them with progress and Cancel.
struct UniqueTexts {
    std::vector<std::string> texts;
    std::unordered_map<std::string, std::size_t> indexOf;
    void add(const std::string& t) {
        if (indexOf.emplace(t, texts.size()).second) texts.push_back(t);
    }
    std::size_t at(const std::string& t) const { return indexOf.at(t); }

    // `take(index, prediction)` for every text, in batches of `batchSize`.
    template <typename Take>
    void predict(const Pipeline& pipeline, int batchSize, const JobCallbacks& callbacks,
                 Take take) const {
        const std::size_t step = static_cast<std::size_t>(std::max(1, batchSize));
        EtaEstimator eta;
        eta.start();
        for (std::size_t b = 0; b < texts.size(); b += step) {
            callbacks.checkAbort();
            const std::size_t end = std::min(texts.size(), b + step);
            PipelineResult r =
                pipeline.predict(std::vector<std::string>(texts.begin() + b, texts.begin() + end));
            for (std::size_t k = 0; k < end - b; ++k) take(b + k, std::move(r.predictions[k]));
            const double fraction = double(end) / double(texts.size());
            callbacks.report(fraction,
                             std::to_string(end) + " of " + std::to_string(texts.size()) + " texts",
                             eta.update(fraction));
        }
    }
};

// A result for `test` before its examples are counted.
BehaviourTestResult resultFor(const BehaviourTest& test) {
    BehaviourTestResult r;
    r.name = test.name;
    r.capability = test.capability;
    r.description = test.description;
    r.type = test.type;
    r.minPassRate = test.minPassRate;
    return r;
}

// The pass rate against the threshold; a test that counted no example fails and says why.
void finish(BehaviourTestResult& r, const std::string& mftNote) {
    if (r.examples == 0) {
        r.passed = false;
        r.note = r.type == BehaviourTestType::MFT
                     ? mftNote
                     : "the perturbation changed none of the examples: the test tests nothing";
        return;
    }
    r.passRate = 1.0 - double(r.failures) / double(r.examples);
    r.passed = r.passRate + 1e-12 >= r.minPassRate;
}

// "B-PER" -> "PER"; "O" -> "".
std::string typeOfTag(const std::string& tag) {
    if (tag == "O" || tag.empty()) return {};
    if (tag.size() > 2 && (tag[1] == '-' || tag[1] == '_')) return tag.substr(2);
    return tag;
}

std::string trimmed(std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    std::size_t b = 0;
    while (b < s.size() && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    return s.substr(b);
}

std::string describe(const std::vector<Entity>& entities) {
    std::string out;
    for (const Entity& e : entities)
        out += (out.empty() ? "" : "; ") + e.label + ": " + trimmed(e.text);
    return out.empty() ? "no entities" : out;
}

// Token classification: MFT checks that every typed slot's words come out as one entity of
// that type; INV that a perturbation leaves the sequence of entity types alone.
BehaviourReport runTokenSuite(const Pipeline& pipeline, const BehaviourSuite& suite, int batchSize,
                              const JobCallbacks& callbacks) {
    if (!pipeline.tokenizer()) throw Error("the model has no tokenizer: the tests are text");
    std::vector<std::string> types;
    for (const std::string& tag : pipeline.model()->config().labels)
        if (const std::string t = typeOfTag(tag);
            !t.empty() && std::find(types.begin(), types.end(), t) == types.end())
            types.push_back(t);
    BehaviourReport report;
    report.suite = suite.name;
    report.source = suite.source;
    report.tokenClassification = true;
    struct Pending {
        std::vector<BehaviourExample> examples;
        std::vector<std::vector<PerturbedText>> variants;
        std::map<std::string, std::string> types;  // lexicon -> the model's entity type
    };
    std::vector<Pending> pending(suite.tests.size());
    UniqueTexts unique;
    for (std::size_t i = 0; i < suite.tests.size(); ++i) {
        const BehaviourTest& test = suite.tests[i];
        Pending& p = pending[i];
        if (test.type == BehaviourTestType::DIR)
            throw Error(suite.source, test.name +
                                          ": DIR tests move a label's probability; a token "
                                          "classifier has none (use MFT or INV)");
        if (test.type == BehaviourTestType::MFT && test.entityTypes.empty())
            throw Error(suite.source, test.name +
                                          ": a token classifier's MFT needs \"entity_types\" "
                                          "for its slots");
        for (const auto& [lexicon, type] : test.entityTypes) {
            try {
                p.types[lexicon] = matchModelLabel(type, types, suite.labelAliases);
                report.labels[type] = p.types[lexicon];
            } catch (const Error& e) {
                throw Error(suite.source, test.name + ": entity type " + e.what());
            }
        }
        p.examples = suite.filledExamplesOf(test);
        for (const BehaviourExample& e : p.examples) {
            unique.add(e.text);
            p.variants.push_back(test.perturbation ? test.perturbation->apply(e.text)
                                                   : std::vector<PerturbedText>{});
            for (const PerturbedText& v : p.variants.back()) unique.add(v.text);
        }
    }
    std::vector<std::vector<Entity>> entities(unique.texts.size());
    unique.predict(pipeline, batchSize, callbacks,
                   [&](std::size_t i, TextPrediction&& p) { entities[i] = std::move(p.entities); });
    auto typeSequence = [](const std::vector<Entity>& es) {
        std::string out;
        for (const Entity& e : es) out += (out.empty() ? "" : " ") + e.label;
        return out.empty() ? std::string("no entities") : out;
    };
    for (std::size_t i = 0; i < suite.tests.size(); ++i) {
        const BehaviourTest& test = suite.tests[i];
        const Pending& p = pending[i];
        BehaviourTestResult r = resultFor(test);
        for (std::size_t e = 0; e < p.examples.size(); ++e) {
            const BehaviourExample& ex = p.examples[e];
            const std::vector<Entity>& got = entities[unique.at(ex.text)];
            if (test.type == BehaviourTestType::MFT) {
                std::vector<Entity> expected;
                for (const auto& [lexicon, word] : ex.fills)
                    if (const auto it = p.types.find(lexicon); it != p.types.end())
                        expected.push_back({it->second, word, 0, 0, 0});
                if (expected.empty()) continue;  // a plain text says nothing to an MFT here
                ++r.examples;
                bool ok = true;
                for (const Entity& want : expected)
                    ok = ok && std::any_of(got.begin(), got.end(), [&](const Entity& g) {
                             return g.label == want.label && trimmed(g.text) == trimmed(want.text);
                         });
                if (!ok) {
                    ++r.failures;
                    if (r.failing.size() < kMaxFailuresKept)
                        r.failing.push_back(
                            {ex.text, "", "", describe(expected), describe(got), 0, 0});
                }
                continue;
            }
            if (p.variants[e].empty()) continue;
            ++r.examples;
            for (const PerturbedText& v : p.variants[e]) {
                const std::vector<Entity>& after = entities[unique.at(v.text)];
                if (typeSequence(after) != typeSequence(got)) {
                    ++r.failures;
                    if (r.failing.size() < kMaxFailuresKept)
                        r.failing.push_back(
                            {ex.text, v.text, v.change, describe(got), describe(after), 0, 0});
                    break;
                }
            }
        }
        finish(r, "no example has a slot with an entity type");
        report.tests.push_back(std::move(r));
    }
    return report;
}

}  // namespace

BehaviourReport runBehaviourSuite(const Pipeline& pipeline, const BehaviourSuite& suite,
                                  int batchSize, const JobCallbacks& callbacks) {
    const ModelConfig& config = pipeline.model()->config();
    if (Objective::taskOf(config) == Task::TokenClassification)
        return runTokenSuite(pipeline, suite, batchSize, callbacks);
    if (Objective::taskOf(config) != Task::Classification)
        throw Error(
            "behavioural tests need a classification or token classification model; "
            "this one is " +
            taskName(Objective::taskOf(config)));
    if (!pipeline.tokenizer()) throw Error("the model has no tokenizer: the tests are text");
    const std::vector<std::string>& modelLabels = config.labels;
    BehaviourReport report;
    report.suite = suite.name;
    report.source = suite.source;
    auto labelIndex = [&](const std::string& suiteLabel) {
        const std::string m = matchModelLabel(suiteLabel, modelLabels, suite.labelAliases);
        report.labels[suiteLabel] = m;
        return static_cast<int>(std::find(modelLabels.begin(), modelLabels.end(), m) -
                                modelLabels.begin());
    };

    // Every test's texts first, so the model runs over one de-duplicated list in batches.
    struct Pending {
        std::vector<std::string> examples;
        std::vector<std::vector<PerturbedText>> variants;
        int expected = -1, direction = -1;
    };
    std::vector<Pending> pending(suite.tests.size());
    UniqueTexts unique;
    for (std::size_t i = 0; i < suite.tests.size(); ++i) {
        const BehaviourTest& test = suite.tests[i];
        Pending& p = pending[i];
        try {
            if (test.type == BehaviourTestType::MFT) p.expected = labelIndex(test.expect);
            if (test.type == BehaviourTestType::DIR) p.direction = labelIndex(test.directionLabel);
        } catch (const Error& e) {
            throw Error(suite.source, test.name + ": " + e.what());
        }
        p.examples = suite.examplesOf(test);
        for (const std::string& e : p.examples) {
            unique.add(e);
            p.variants.push_back(test.perturbation ? test.perturbation->apply(e)
                                                   : std::vector<PerturbedText>{});
            for (const PerturbedText& v : p.variants.back()) unique.add(v.text);
        }
    }

    std::vector<std::vector<float>> probs(unique.texts.size());
    unique.predict(pipeline, batchSize, callbacks, [&](std::size_t i, TextPrediction&& p) {
        for (const LabelScore& score : p.scores) probs[i].push_back(score.probability);
    });
    auto argmax = [](const std::vector<float>& p) {
        return static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
    };

    for (std::size_t i = 0; i < suite.tests.size(); ++i) {
        const BehaviourTest& test = suite.tests[i];
        const Pending& p = pending[i];
        BehaviourTestResult r = resultFor(test);
        // How bad a failure is, to list the worst first.
        std::vector<std::pair<double, BehaviourFailure>> failing;
        for (std::size_t e = 0; e < p.examples.size(); ++e) {
            const std::vector<float>& orig = probs[unique.at(p.examples[e])];
            const int origLabel = argmax(orig);
            if (test.type == BehaviourTestType::MFT) {
                ++r.examples;
                if (origLabel != p.expected) {
                    ++r.failures;
                    failing.push_back({orig[p.expected] * -1.0,
                                       {p.examples[e], "", "", modelLabels[p.expected],
                                        modelLabels[origLabel], orig[p.expected], 0}});
                }
                continue;
            }
            if (p.variants[e].empty()) continue;  // the perturbation did not apply
            ++r.examples;
            // The example fails on its worst variant.
            double worst = 0;
            std::optional<BehaviourFailure> failure;
            for (const PerturbedText& v : p.variants[e]) {
                const std::vector<float>& after = probs[unique.at(v.text)];
                if (test.type == BehaviourTestType::INV) {
                    const int got = argmax(after);
                    const double drop = orig[origLabel] - after[origLabel];
                    if (got != origLabel && (!failure || drop > worst)) {
                        worst = drop;
                        failure = BehaviourFailure{p.examples[e],    v.text,
                                                   v.change,         modelLabels[origLabel],
                                                   modelLabels[got], orig[origLabel],
                                                   after[origLabel]};
                    }
                } else {
                    const double moved = after[p.direction] - orig[p.direction];
                    const double wrongWay = test.up ? -moved : moved;
                    if (wrongWay > test.tolerance && (!failure || wrongWay > worst)) {
                        worst = wrongWay;
                        failure =
                            BehaviourFailure{p.examples[e],
                                             v.text,
                                             v.change,
                                             modelLabels[p.direction] + (test.up ? " ↑" : " ↓"),
                                             modelLabels[argmax(after)],
                                             orig[p.direction],
                                             after[p.direction]};
                    }
                }
            }
            if (failure) {
                ++r.failures;
                failing.push_back({worst, *failure});
            }
        }
        std::stable_sort(failing.begin(), failing.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        for (std::size_t k = 0; k < failing.size() && k < kMaxFailuresKept; ++k)
            r.failing.push_back(failing[k].second);
        finish(r, "no examples");
        report.tests.push_back(std::move(r));
    }
    return report;
}

}  // namespace distilbench
