#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/data/Dataset.h"
#include "core/runtime/JobCallbacks.h"

namespace distilbench {

class Pipeline;

enum class Pooling { Cls, Mean };
bool parsePooling(const std::string& name, Pooling& out);

struct EmbeddingOptions {
    int layer = -1;  // 0 = the embeddings, 1..L = a layer's output, -1 = the last layer
    Pooling pooling = Pooling::Cls;
    int batchSize = 32;
    int maxLength = 128;
};

// One vector per example of a layer of the model, with what the model predicts for it (a
// sequence classifier), for the projector.
struct EmbeddingSet {
    std::size_t rows = 0, dim = 0;
    std::vector<float> vectors;  // rows x dim, row-major
    int layer = 0;               // resolved (0..L)
    std::vector<std::string> texts;
    std::vector<std::string> labels;  // the model's label names; empty without a classifier
    std::vector<int> gold;            // -1 for unlabelled data
    std::vector<int> predicted;       // -1 without a classifier
    std::vector<float> confidence;    // of the prediction
    std::vector<float> loss;          // -log p(gold); NaN when unlabelled
    std::vector<int> tokens;          // length in tokens (after truncation)
};

// Runs the model over the examples in chunks (the encodings of a chunk at a time, sorted by
// length inside it), keeping only the pooled vectors: memory grows with rows x dim, never with
// the text. Labels (when the dataset has them) are the model's ids. Cancellable.
EmbeddingSet computeEmbeddings(const Pipeline& pipeline, const Dataset& data,
                               const EmbeddingOptions& options = {},
                               const JobCallbacks& callbacks = {});

// What exportEmbeddings wrote.
struct EmbeddingExport {
    std::size_t rows = 0, dim = 0;
    int layer = 0;
    std::vector<std::string> warnings;  // the data reader's
};

// Embeddings of every text of a file, streamed: the file is read a chunk at a time (as
// readProjectorData reads it: labelled data, or a .txt file of one text per line) and each
// chunk's vectors are written before the next is read, so memory does not grow with the file.
// `vectorsPath` gets TensorBoard's vectors.tsv, metadata.tsv is written beside it (text, label,
// predicted); both through temporaries and renames. An empty path writes nothing (a timing).
EmbeddingExport exportEmbeddings(const Pipeline& pipeline, const std::string& dataPath,
                                 const std::string& vectorsPath,
                                 const EmbeddingOptions& options = {},
                                 const JobCallbacks& callbacks = {});

// Texts to embed from a file: labelled data the way the Evaluate page reads it, or any other
// file (a .txt) as one unlabelled text per line.
Dataset readProjectorData(const std::string& path, const Pipeline& pipeline);

}  // namespace distilbench
