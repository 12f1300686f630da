#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace distilbench {

// A text changed one way, and what changed (shown in the lists of flips).
struct PerturbedText {
    std::string text;
    std::string change;  // "love → like", "typo in 'movie'", "dropped 'not'"
};

// One way of changing a text, for behavioural tests (INV and DIR) and the counterfactual
// editor. Deterministic: the same text, spec and seed give the same variants.
struct Perturbation {
    enum class Kind {
        Swap,         // a word (or phrase) of `words` replaced by the others of the list
        Lowercase,    // the whole text in lower case
        Uppercase,    // ... in upper case
        Punctuation,  // trailing punctuation removed, or "." / "!" added
        Typos,        // two neighbouring letters of a word exchanged
        Append,       // each of `phrases` after the text
        Prepend,      // ... before it
        DropWord,     // each word left out in turn (occlusion)
        Negate,       // "not" added after an auxiliary verb, or an existing "not"/"n't" removed
    };
    Kind kind = Kind::Swap;
    std::vector<std::string> words;    // Swap
    std::vector<std::string> phrases;  // Append, Prepend
    int variants = 3;                  // Swap and Typos: at most this many per text
    std::uint64_t seed = 0;

    // At most kMaxVariants (occlusion of a long text would otherwise make one copy per word).
    std::vector<PerturbedText> apply(const std::string& text) const;
    static constexpr std::size_t kMaxVariants = 512;

    // "swap", "lowercase", "uppercase", "punctuation", "typos", "append", "prepend", "drop-word",
    // "negate".
    static bool parseKind(const std::string& name, Kind& out);
    static std::string kindName(Kind kind);
};

// Word lists shipped for swaps in the counterfactual editor and suites: "intensifiers",
// "first_names", "pronouns". Empty for an unknown name.
const std::vector<std::string>& builtInWordList(const std::string& name);

}  // namespace distilbench
