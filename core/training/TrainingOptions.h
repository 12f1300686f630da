#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/training/TrainingConfig.h"

namespace distilbench {

// One description of every option of a training or distillation run: the CLI builds its flags
// and `--help` from it, the Train and Distill pages build their forms from it, and
// validateTrainingConfig() checks a configuration against it. No default, range or help text of
// a run option is written anywhere else.
struct TrainingOption {
    enum class Kind { Integer, Number, Flag, Choice, Text };
    enum class Group {
        Data,          // how the training data is split
        Basic,         // what most users change
        Advanced,      // the rest of the engine's options
        Distillation,  // the distillation loss (distill only)
    };

    std::string name;   // the CLI flag without dashes: "lr", "warmup-ratio"
    const char* label;  // form label; translatable in the context "TrainingOptions"
    const char* help;   // tooltip and --help text; translatable the same way
    Kind kind = Kind::Number;
    Group group = Group::Basic;
    double minimum = 0, maximum = 0;    // Integer and Number
    int decimals = 0;                   // Number: digits a form shows
    std::vector<std::string> choices;   // Choice: the values; Text: suggestions
    const char* placeholder = nullptr;  // Text: what to type

    // The value in a configuration: numbers and flags (0/1) as double, choices and text as
    // strings.
    std::function<double(const TrainingConfig&)> number;
    std::function<void(TrainingConfig&, double)> setNumber;
    std::function<std::string(const TrainingConfig&)> text;
    std::function<void(TrainingConfig&, const std::string&)> setText;

    bool isNumeric() const { return kind == Kind::Integer || kind == Kind::Number; }
    bool isString() const { return kind == Kind::Choice || kind == Kind::Text; }
    // The value as the CLI prints and reads it ("5e-05", "true", "cosine").
    std::string valueText(const TrainingConfig& config) const;
    // Sets the value from text (a CLI argument); throws Error naming --NAME and the problem
    // (not a number, outside the range, not one of the choices).
    void setFromText(TrainingConfig& config, const std::string& value) const;
    // The default for every task, as --help shows it: "5e-05 (regression 2e-05; from a preset
    // 0.0005)". Distillation options show task-specific and pre-training defaults.
    std::string defaultText() const;
};

// Every run option, in the order forms and --help list them.
const std::vector<TrainingOption>& trainingOptions();
const TrainingOption* findTrainingOption(const std::string& name);
std::vector<const TrainingOption*> trainingOptions(TrainingOption::Group group);

// Everything that stops a run from starting, each one line ("learning rate: 0 is outside
// 1e-07 to 1"); empty when the configuration can start. Called by Trainer::train and resume,
// the CLI before it reads data, and the pages before Start.
std::vector<std::string> validateTrainingConfig(const TrainingConfig& config);
// Throws Error listing the problems of validateTrainingConfig().
void requireValidTrainingConfig(const TrainingConfig& config);

// The name a plot legend shows for a distillation loss part ("loss_ce" -> "distillation (KL)"),
// the same words as the weight's form label; translatable in the context "TrainingOptions".
const char* distillationLossPartLabel(const std::string& part);

}  // namespace distilbench
