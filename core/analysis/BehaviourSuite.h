#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis/Perturbation.h"
#include "core/data/Dataset.h"

class QJsonObject;

namespace distilbench {

// CheckList's three test types (Ribeiro et al., 2020).
enum class BehaviourTestType {
    MFT,  // minimum functionality: each example must get the expected label
    INV,  // invariance: a perturbation must not change the predicted label
    DIR,  // directional: a perturbation must move one label's probability one way
};
std::string behaviourTestTypeName(BehaviourTestType type);

struct BehaviourTest {
    std::string name, capability, description;
    BehaviourTestType type = BehaviourTestType::MFT;
    // Examples: templates with {lexicon} slots (the same slot twice gets the same word; {name1}
    // is a second slot of lexicon `name`), and plain texts.
    std::vector<std::string> templates, texts;
    std::string expect;                        // MFT: the label
    std::optional<Perturbation> perturbation;  // INV and DIR
    std::string directionLabel;                // DIR: whose probability moves
    bool up = true;                            // DIR: "up" or "down"
    double tolerance = 0.0;                    // DIR: how far it may move the wrong way
    double minPassRate = 1.0;                  // below this the test fails
    int maxExamples = 0;                       // template expansions kept (0 = the suite's)
    // Token classification MFT: the entity type each lexicon's words must be tagged with
    // (the suite's "entity_types", which a test's own may extend).
    std::map<std::string, std::string> entityTypes;
};

// A generated example and what filled its template slots (lexicon and word, in slot order).
struct BehaviourExample {
    std::string text;
    std::vector<std::pair<std::string, std::string>> fills;
};

// A behavioural test suite as a JSON file (format in docs/BEHAVIOUR_SUITES.md):
// {"name", "description", "min_pass_rate", "max_examples", "lexicons": {name: [words]},
//  "label_aliases": {label: [names a model may use]}, "entity_types": {lexicon: TYPE} (token
//  classification), "tests": [...]}.
struct BehaviourSuite {
    std::string name, description, source;
    std::map<std::string, std::vector<std::string>> lexicons;
    std::map<std::string, std::vector<std::string>> labelAliases;
    std::vector<BehaviourTest> tests;
    int maxExamples = 100;

    // Throws Error naming the file (and the test) for every problem: unknown type, missing
    // expectation, a slot without a lexicon, a perturbation kind that does not exist.
    static BehaviourSuite read(const std::string& path);
    static BehaviourSuite fromJson(const QJsonObject& object, const std::string& source);
    // The built-in sentiment suite (resources/suites/sentiment.json).
    static std::string builtInSentimentPath();
    // The built-in suite for a task: sentiment for classifiers, named entities
    // (resources/suites/ner.json) for token classifiers.
    static std::string builtInPathFor(Task task);

    // The examples of one test: templates expanded (every combination, or `maxExamples` of
    // them drawn with a fixed seed when there are more), then its plain texts.
    std::vector<std::string> examplesOf(const BehaviourTest& test) const;
    std::vector<BehaviourExample> filledExamplesOf(const BehaviourTest& test) const;
};

// Template expansion with what filled each slot.
std::vector<BehaviourExample> expandTemplateFilled(
    const std::string& pattern, const std::map<std::string, std::vector<std::string>>& lexicons,
    int maxExamples, std::uint64_t seed = 0);
// Template expansion on its own: every combination of the slots' lexicon entries.
std::vector<std::string> expandTemplate(
    const std::string& pattern, const std::map<std::string, std::vector<std::string>>& lexicons,
    int maxExamples, std::uint64_t seed = 0);

}  // namespace distilbench
