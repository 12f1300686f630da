#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/data/Dataset.h"

namespace distilbench {

// Reads a data file a chunk of examples at a time, in file order, for work whose memory must
// not grow with the file (evaluating or embedding a million rows): CSV/TSV a block at a time,
// JSON Lines and CoNLL a line at a time, a .txt file (unlabelled) one text per line. A JSON array
// or a folder per label cannot be read in parts: they are read whole, with a warning saying so.
//
// Labels follow readDatasetForModel's rule, decided as rows arrive: every label is one of the
// model's label names, or every label is an id 0..n-1, or `labelMap` maps it; a label that is
// none of these (or a file that mixes names and ids) is an UnknownLabelsError naming the line.
class DatasetStream {
public:
    struct Options {
        Task task = Task::Classification;
        ColumnMapping columns;
        std::vector<std::string> modelLabels;  // empty for regression
        std::map<std::string, std::string> labelMap;
        // A .txt file as unlabelled texts, one per line, whatever the task (embeddings,
        // calibration); otherwise a .txt is read as the task's labelled format, as
        // DatasetReader reads it.
        bool plainTextUnlabelled = false;
    };

    DatasetStream(const std::string& path, const Options& options);
    ~DatasetStream();
    DatasetStream(const DatasetStream&) = delete;
    DatasetStream& operator=(const DatasetStream&) = delete;

    // Replaces `out` with up to `maxExamples` further examples; false once the file is done.
    bool next(std::vector<Example>& out, std::size_t maxExamples);

    const std::string& path() const;
    Task task() const;
    // The report's label names: the model's (regression: "score").
    const std::vector<std::string>& labels() const;
    // The columns read (detected ones filled in); empty for CoNLL and text files.
    const ColumnMapping& columns() const;
    // Invalid UTF-8 replaced (counted so far), a file read whole.
    std::vector<std::string> warnings() const;
    // Share of the file read so far (0..1), for progress.
    double fraction() const;
    std::size_t examplesRead() const;

    // Whether `path` names a file of unlabelled texts (.txt: one text per line).
    static bool isPlainText(const std::string& path);

private:
    struct State;
    std::unique_ptr<State> s_;
};

}  // namespace distilbench
