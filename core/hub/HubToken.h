#pragma once

#include <string>

// The user's Hugging Face token: found in the environment, the desktop keychain or the file
// `huggingface-cli login` writes; stored where Settings says. Apart from HubCache (the cache
// layout) because it needs the keychain (QtDBus), which the parsers' fuzz targets do not link.
namespace distilbench::HubCache {

// Where the user's token comes from, in this order: HF_TOKEN; the desktop keychain (what
// Settings stores when a Secret Service runs); the file `huggingface-cli login` writes
// (HF_TOKEN_PATH, else HF_HOME/token, else ~/.cache/huggingface/token).
enum class TokenSource { None, Environment, Keychain, File };
struct FoundToken {
    std::string token;  // "" when none
    TokenSource source = TokenSource::None;
    std::string note;  // e.g. "the keychain is locked", when it was passed over
};
// `mayPrompt`: a locked keychain may show its unlock window (job threads and the CLI); the GUI
// thread passes false and reads the keychain only when it is open.
FoundToken findToken(bool mayPrompt);
// The token for requests ("" when none): findToken(true).token.
std::string token();

// Where `huggingface-cli login` keeps the token: HF_TOKEN_PATH, else HF_HOME/token.
std::string tokenPath();

// Stores the token where `huggingface-cli login` does (HF_TOKEN_PATH or HF_HOME/token), readable
// by the user only; an empty token removes the file.
void saveToken(const std::string& token);
// Whether a desktop keychain (Secret Service) can hold the token.
bool keychainAvailable();
// Stores the token for endpoint() in the keychain (replacing the one there); an empty token
// removes it. Throws Error when the keychain refuses.
void saveTokenInKeychain(const std::string& token);

}  // namespace distilbench::HubCache
