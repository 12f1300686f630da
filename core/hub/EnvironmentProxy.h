#pragma once

#include <functional>
#include <string>

namespace distilbench {

// The proxy a request uses, read from the environment the way Python's requests (and so
// huggingface_hub) reads it: https_proxy for https URLs, http_proxy for http, all_proxy for
// either when the scheme's own is unset; lower-case names before upper-case ones; no_proxy
// lists hosts that go direct ("*" for all, a domain and its subdomains, host:port, an IPv4
// address or CIDR block).
struct EnvironmentProxy {
    enum class Type { None, Http, Socks5 };
    Type type = Type::None;
    std::string host;
    int port = 0;
    std::string user, password;
    std::string variable;  // the variable it came from, for messages

    // Reads variables through `env` ("" when unset). Throws Error (naming the variable) for a
    // proxy address that cannot be used: an unknown scheme, no host, a bad port.
    static EnvironmentProxy forUrl(const std::string& scheme, const std::string& host, int port,
                                   const std::function<std::string(const char*)>& env);
    // Whether no_proxy's `list` sends `host` (and `port`) direct.
    static bool bypassed(const std::string& list, const std::string& host, int port);
};

}  // namespace distilbench
