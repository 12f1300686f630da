#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/analysis/BehaviourSuite.h"
#include "core/runtime/JobCallbacks.h"

class QJsonObject;

namespace distilbench {

class Pipeline;

// An example that failed its test.
struct BehaviourFailure {
    std::string text;     // the example
    std::string variant;  // INV/DIR: the perturbed text; "" for MFT
    std::string change;   // INV/DIR: what the perturbation did
    std::string expected, predicted;
    // MFT: the expected label's probability; INV: the original's predicted label's probability
    // before and after; DIR: the direction label's probability before and after.
    double before = 0, after = 0;
};

struct BehaviourTestResult {
    std::string name, capability, description;
    BehaviourTestType type = BehaviourTestType::MFT;
    int examples = 0;  // examples tested (INV/DIR: those the perturbation changed)
    int failures = 0;
    double passRate = 0, minPassRate = 1;
    bool passed = false;
    std::string note;                       // why a test that tested nothing failed
    std::vector<BehaviourFailure> failing;  // at most kMaxFailuresKept, worst first
};

struct BehaviourReport {
    std::string suite, source;
    // Token classification: expected/predicted are entity lists ("PER: John Smith"), the
    // probabilities unused.
    bool tokenClassification = false;
    std::map<std::string, std::string> labels;  // the suite's label -> the model's
    std::vector<BehaviourTestResult> tests;
    bool passed() const;
    int failedTests() const;
    QJsonObject toJson() const;
};

constexpr int kMaxFailuresKept = 200;

// Runs every test of `suite` on a classification model (batched, with progress and Cancel).
// The suite's labels are the model's by name (case-insensitive) or through the suite's
// label_aliases; a label found neither way is an Error naming the model's labels. On a token
// classifier an MFT expects each slot with an entity type to come out as one entity of that
// type, an INV that the sequence of entity types stays; DIR tests are refused.
BehaviourReport runBehaviourSuite(const Pipeline& pipeline, const BehaviourSuite& suite,
                                  int batchSize = 32, const JobCallbacks& callbacks = {});

// The model label a suite label means; throws Error when there is none.
std::string matchModelLabel(const std::string& suiteLabel,
                            const std::vector<std::string>& modelLabels,
                            const std::map<std::string, std::vector<std::string>>& aliases);

}  // namespace distilbench
