#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/runtime/Error.h"

namespace distilbench {

class Tokenizer;

// MaskedLM: a raw corpus (one document per line) for pre-training distillation.
enum class Task { Classification, MultiLabel, TokenClassification, Regression, MaskedLM };
bool parseTask(const std::string& s, Task& out);
std::string taskName(Task task);

struct Example {
    std::string text, pair;
    int label = -1;                  // classification
    std::vector<int> labels;         // multi-label: 0/1 per label
    double target = 0;               // regression
    std::vector<std::string> words;  // token classification
    std::vector<int> tags;           // token classification: label id per word
};

struct ColumnMapping {
    std::string text, pair, label;  // "" = detect (sentence/text/…, label/labels/…)
};

struct Dataset {
    Task task = Task::Classification;
    std::vector<Example> examples;
    std::vector<std::string> labels;
    std::string source;
    // The columns the examples came from (tables and JSON; detected ones filled in).
    ColumnMapping columns;
    // Problems that did not stop the read (invalid UTF-8 replaced, with the count of rows).
    std::vector<std::string> warnings;
};

// Reads CSV/TSV (quoted fields, BOM, CRLF), JSON Lines, JSON arrays, a folder with one subfolder
// per label (aclImdb style) or CoNLL token files (for token classification). Label names are
// discovered (sorted; numerically when they are numbers) unless given. For Task::MaskedLM any
// file is a corpus: one document per line, blank lines skipped, invalid UTF-8 rejected. Multi-label
// cells are "a;b" or JSON lists. Throws Error naming the file (and line) for every problem.
class DatasetReader {
public:
    static Dataset read(const std::string& path, Task task, const ColumnMapping& columns = {},
                        const std::vector<std::string>& labelNames = {});
};

// Thrown by readDatasetForModel when the data's labels are neither the model's names nor its
// ids: carries both label sets so that a GUI can offer a mapping.
class UnknownLabelsError : public Error {
public:
    UnknownLabelsError(const std::string& file, const std::string& problem,
                       std::vector<std::string> dataLabels, std::vector<std::string> modelLabels)
        : Error(file, problem),
          dataLabels_(std::move(dataLabels)),
          modelLabels_(std::move(modelLabels)) {}
    const std::vector<std::string>& dataLabels() const { return dataLabels_; }
    const std::vector<std::string>& modelLabels() const { return modelLabels_; }

private:
    std::vector<std::string> dataLabels_, modelLabels_;
};

// "foo=negative,bar=positive" → {foo: negative, bar: positive}; throws Error when malformed.
std::map<std::string, std::string> parseLabelMap(const std::string& text);

// Reads labelled data for scoring a model (evaluate, int8 checks; the GUI and the CLI): the
// data's labels must be the model's label names, or ids 0..n-1 written as numbers, or be
// mapped by `labelMap` (data label → model label). Anything else is an Error listing the
// unknown labels and the model's labels — never an alphabetical remapping in silence. The
// result carries the model's label names in the model's id order.
Dataset readDatasetForModel(const std::string& path, Task task, const ColumnMapping& columns,
                            const std::vector<std::string>& modelLabels,
                            const std::map<std::string, std::string>& labelMap = {});

// The one rule that picks columns when none are named (the Train page, the Evaluate page and
// the CLI all follow it): text from sentence/text/sentence1/content/review/question, a pair from
// sentence2/text_pair/context/hypothesis, the label from label/labels/target/class/score. A
// column not found stays empty: nothing is guessed from position.
ColumnMapping detectColumns(const std::vector<std::string>& header);

// Signs that the columns are mapped wrongly, checked before training (each one line): the label
// column is the text column; almost every row has a class of its own; labels that read like
// free text; decimal labels for classification; classes with fewer than 2 examples.
std::vector<std::string> checkColumnMapping(const Dataset& dataset);

struct DatasetStatistics {
    std::size_t rows = 0, emptyRows = 0, duplicateRows = 0, truncatedRows = 0;
    std::vector<std::pair<std::string, std::size_t>> classCounts;
    std::vector<std::size_t> lengths;  // tokens per example (with special tokens)
    std::size_t maxLength = 0;
    double meanLength = 0;
    // Histogram of lengths in `bins` equal-width bins from 0 to the longest.
    std::vector<std::size_t> histogram(int bins, std::size_t* binWidth) const;
};
// Lengths need the tokenizer; with none, only counts are computed.
DatasetStatistics computeStatistics(const Dataset& dataset, const Tokenizer* tokenizer,
                                    int maxLength);

// Splits off `fraction` of the examples (seeded shuffle; stratified by label when asked and the
// task has single labels). Returns {rest, split}.
std::pair<Dataset, Dataset> splitDataset(const Dataset& dataset, double fraction,
                                         std::uint64_t seed, bool stratify);

}  // namespace distilbench
