#pragma once

#include <map>
#include <optional>
#include <string>

namespace distilbench {

// The desktop's keychain through the freedesktop Secret Service API on the session D-Bus
// (GNOME Keyring, KWallet 5.97+, KeePassXC): secrets stored in the user's default collection,
// encrypted at rest and unlocked with the session. Blocking calls, usable from any thread that
// has a QCoreApplication in the process; none of them touches the network.
class SecretServiceKeychain {
public:
    using Attributes = std::map<std::string, std::string>;

    // Whether a Secret Service answers (or can be started) on the session bus. False without a
    // session bus, without a QCoreApplication, or when DISTILBENCH_KEYCHAIN=0 turns it off.
    static bool available();

    // The secret stored under exactly these attributes, nothing when there is none. A locked
    // collection is unlocked through the service's own prompt when `mayPrompt` (the keyring
    // asks for the user's password in a window of its own; at most two minutes are waited),
    // else it counts as none and `problem` says so. Throws Error when the service fails.
    static std::optional<std::string> read(const Attributes& attributes, bool mayPrompt,
                                           std::string* problem = nullptr);

    // Stores `secret` under `attributes` (replacing the item with the same attributes) in the
    // default collection, labelled for the keyring's own manager. Throws Error, one line,
    // when it cannot (no service, dismissed unlock prompt, refusal).
    static void write(const std::string& label, const Attributes& attributes,
                      const std::string& secret);

    // Deletes the items stored under `attributes`; whether there was one.
    static bool remove(const Attributes& attributes);
};

}  // namespace distilbench
