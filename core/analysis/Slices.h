#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "core/data/Dataset.h"

namespace distilbench {

struct EvaluationReport;

// A subset of an evaluation's examples, defined by a rule.
struct SliceDefinition {
    enum class Kind {
        Keyword,    // the text contains the word or phrase (whole words, case-insensitive)
        Regex,      // the text matches the regular expression (case-insensitive)
        Length,     // the text has minWords..maxWords words
        Label,      // the gold label is `value`
        Predicted,  // the predicted label is `value`
        Column,     // a metadata column of the data file equals `value`
        Selection,  // the listed examples (a projector selection)
    };
    Kind kind = Kind::Keyword;
    std::string name;     // shown; defaults to the spec
    std::string pattern;  // Keyword, Regex
    int minWords = 0, maxWords = 0;
    std::string column, value;
    std::vector<std::size_t> indices;

    // The CLI's and the page's spelling: keyword:WORD, regex:PATTERN, length:MIN-MAX (words;
    // "20-" for at least 20), label:NAME, predicted:NAME, column:NAME=VALUE. Throws Error.
    static SliceDefinition parse(const std::string& spec);
    std::string spec() const;
};

// What a model scores on one slice next to the whole set. Token classification: `accuracy` is
// the share of sentences whose every tag is right (what the interval is for), `macroF1` the
// slice's entity F1 (seqeval), `meanConfidence` NaN; label:TYPE slices are sentences with an
// entity of that type.
struct SliceMetrics {
    std::string name, spec;
    int count = 0, errors = 0;
    double accuracy = 0;
    double ciLow = 0, ciHigh = 0;  // Wilson score interval, 95%
    double macroF1 = 0;
    double meanConfidence = 0;  // of the predicted label
    double drop = 0;            // overall accuracy minus this slice's (positive: worse here)
    std::vector<std::size_t> examples;  // indices into the report
};

struct SliceReport {
    Task task = Task::Classification;
    SliceMetrics overall;
    std::vector<SliceMetrics> slices;  // the largest drop first; empty slices last
};

// Metadata columns of a data file (CSV, TSV, JSON Lines) in row order, for Column slices; empty
// for other formats. Throws Error naming the file.
std::map<std::string, std::vector<std::string>> readMetadataColumns(const std::string& path);

// Slices a single-label classification report. Column slices need `metadata` with one value per
// example (else Error naming the column).
SliceReport computeSlices(const EvaluationReport& report,
                          const std::vector<SliceDefinition>& definitions,
                          const std::map<std::string, std::vector<std::string>>& metadata = {});

// The examples in a slice (indices), from the texts, gold and predicted label ids (-1 = none)
// and the label names; Column slices read `metadata`. Throws Error for an unknown label or
// column.
std::vector<std::size_t> sliceMembers(
    const SliceDefinition& definition, const std::vector<std::string>& texts,
    const std::vector<int>& gold, const std::vector<int>& predicted,
    const std::vector<std::string>& labels,
    const std::map<std::string, std::vector<std::string>>& metadata = {});

// Slices worth looking at for any data: word-count quartiles, each gold label, and texts with
// negation, contrast ("but", "although"), questions, exclamations, numbers.
std::vector<SliceDefinition> automaticSlices(const EvaluationReport& report);

// The 95% Wilson score interval of `successes` out of `n`.
void wilsonInterval(int successes, int n, double& low, double& high);

}  // namespace distilbench
