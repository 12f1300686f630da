#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/data/Dataset.h"
#include "core/models/ModelConfig.h"

namespace distilbench {

class EncoderModel;
class Model;

// How a fine-tuning run starts from an existing model.
namespace StartingModel {

// The model with the task's head and labels: every weight of `base` is carried over, except a
// head that does not fit (another head or another number of labels), which starts fresh. The
// new weights are reported through `notice` ("2 weights are new and freshly initialised …").
std::shared_ptr<Model> withHead(Model& base, HeadType head, const std::vector<std::string>& labels,
                                Task task, std::uint64_t seed,
                                const std::function<void(const std::string&)>& notice);

// Gives every parameter memory of its own (a memory-mapped checkpoint is never written
// through), freezes the embeddings and the first `freezeLayers` layers (requires_grad off, out
// of the optimizer), and returns the names of the parameters that train.
std::vector<std::string> trainableParameters(EncoderModel& model, bool freezeEmbeddings,
                                             int freezeLayers);

}  // namespace StartingModel

}  // namespace distilbench
