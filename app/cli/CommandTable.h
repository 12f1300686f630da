#pragma once

#include <algorithm>
#include <string>

// Every command of distilbench-cli with its one-line summary, in the order --help lists them:
// the one list both the launcher (which answers --help and --version without loading LibTorch)
// and the engine (which runs the commands) read.
struct CommandInfo {
    const char* name;
    const char* summary;
};

inline constexpr CommandInfo kCommandTable[] = {
    {"env", "versions, BLAS, threads, devices, bf16, sentencepiece"},
    {"inspect", "architecture, config, parameters, size, labels, tokenizer of a model"},
    {"predict", "run a model on texts or token ids (classification, NER, QA, fill-mask)"},
    {"bench", "time forward passes: ms per batch, sequences per second"},
    {"download", "download a model from the Hugging Face Hub into the shared cache"},
    {"tokenize", "tokenize texts exactly as Hugging Face does"},
    {"bench-tokenizer", "tokenizer speed on one thread (sentences/s, tokens/s)"},
    {"attention", "render attention maps (PNG/SVG/PDF, no display needed) or export them as JSON"},
    {"explain", "token attributions (integrated gradients, gradient x input)"},
    {"train", "fine-tune or train a model; resume a run"},
    {"distill", "distil a teacher into a smaller student (task-specific, or --mlm pre-training)"},
    {"evaluate", "every metric of a model on labelled data, with the confusion matrix"},
    {"runs", "the runs in a runs folder with their best metric, steps and duration"},
    {"dataset-stats", "class balance, token lengths, empty/duplicate/truncated rows of a dataset"},
    {"export",
     "write a model for transformers (hf, bin) or ONNX Runtime (onnx), in fp32/fp16/bf16"},
    {"check", "behavioural tests of a classifier from a suite (MFT/INV/DIR); exit 1 on a failure"},
    {"perturb", "counterfactuals of a sentence (occlusion, negation, swaps, typos, …)"},
    {"slices", "accuracy per slice of labelled data with confidence intervals, worst first"},
    {"calibrate", "calibration error and the fitted temperature; --save stores it"},
    {"datamap", "the data map of a fine-tuning run: likely label errors; a copy without them"},
    {"embed", "embeddings of a layer for a file of texts, projected by PCA or t-SNE"},
};

inline const char* commandSummary(const std::string& name) {
    for (const CommandInfo& c : kCommandTable)
        if (name == c.name) return c.summary;
    return "";
}

// `distilbench-cli --help`.
inline std::string cliHelpText() {
    std::string text =
        "Usage: distilbench-cli [--threads N] COMMAND [OPTIONS]\n"
        "       distilbench-cli --version | --help\n\n"
        "DistilBench command-line interface: the same engine as the GUI, headless.\n"
        "`attention` renders the GUI's attention views to PNG/SVG/PDF offscreen (QtWidgets,\n"
        "no display needed); every other command uses QtCore only.\n\n"
        "Commands:\n";
    for (const CommandInfo& c : kCommandTable) {
        std::string name = c.name;
        name.resize(std::max<std::size_t>(name.size(), 18), ' ');
        text += "  " + name + c.summary + "\n";
    }
    text +=
        "\nRun 'distilbench-cli COMMAND --help' for the options of a command.\n"
        "Models whose files lack weights (no classifier, fewer layers than the config) are\n"
        "refused; --allow-fresh-weights opens them with those weights initialised at random.\n"
        "Exit codes: 0 success, 1 runtime error, 2 usage error.\n";
    return text;
}
