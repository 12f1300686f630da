#include "core/hub/EnvironmentProxy.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "core/runtime/Error.h"

namespace distilbench {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// Lower-case first, as urllib's getproxies_environment gives it precedence.
std::string readVariable(const std::function<std::string(const char*)>& env,
                         const std::string& name, std::string* used) {
    for (const std::string& n : {name, [&] {
                                     std::string u = name;
                                     std::transform(
                                         u.begin(), u.end(), u.begin(),
                                         [](unsigned char c) { return std::toupper(c); });
                                     return u;
                                 }()}) {
        std::string v = env(n.c_str());
        if (!v.empty()) {
            if (used) *used = n;
            return v;
        }
    }
    return {};
}

std::string percentDecoded(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() &&
            std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

bool ipv4(const std::string& text, std::uint32_t& out) {
    in_addr a{};
    if (inet_pton(AF_INET, text.c_str(), &a) != 1) return false;
    out = ntohl(a.s_addr);
    return true;
}

}  // namespace

bool EnvironmentProxy::bypassed(const std::string& list, const std::string& rawHost, int port) {
    const std::string host = lower(rawHost);
    std::uint32_t address = 0;
    const bool isIp = ipv4(host, address);
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t comma = list.find(',', start);
        if (comma == std::string::npos) comma = list.size();
        std::string entry;
        for (char c : list.substr(start, comma - start))
            if (!std::isspace(static_cast<unsigned char>(c))) entry += c;
        entry = lower(entry);
        start = comma + 1;
        if (entry.empty()) continue;
        if (entry == "*") return true;
        // host:port entries match that port only.
        int entryPort = -1;
        if (const auto colon = entry.rfind(':');
            colon != std::string::npos && entry.find(':') == colon) {
            int p = 0;
            const auto [ptr, ec] =
                std::from_chars(entry.data() + colon + 1, entry.data() + entry.size(), p);
            if (ec == std::errc() && ptr == entry.data() + entry.size()) {
                entryPort = p;
                entry = entry.substr(0, colon);
            }
        }
        if (entryPort >= 0 && entryPort != port) continue;
        if (isIp) {
            std::uint32_t net = 0;
            const auto slash = entry.find('/');
            if (slash != std::string::npos) {
                int bits = -1;
                std::from_chars(entry.data() + slash + 1, entry.data() + entry.size(), bits);
                if (bits >= 0 && bits <= 32 && ipv4(entry.substr(0, slash), net)) {
                    const std::uint32_t mask = bits == 0 ? 0 : ~std::uint32_t(0) << (32 - bits);
                    if ((address & mask) == (net & mask)) return true;
                }
                continue;
            }
            if (ipv4(entry, net) && net == address) return true;
            continue;
        }
        if (!entry.empty() && entry.front() == '.') entry.erase(0, 1);
        if (entry.empty()) continue;
        if (host == entry || (host.size() > entry.size() &&
                              host.compare(host.size() - entry.size(), entry.size(), entry) == 0 &&
                              host[host.size() - entry.size() - 1] == '.'))
            return true;
    }
    return false;
}

EnvironmentProxy EnvironmentProxy::forUrl(const std::string& rawScheme, const std::string& host,
                                          int port,
                                          const std::function<std::string(const char*)>& env) {
    EnvironmentProxy p;
    const std::string scheme = lower(rawScheme);
    if (bypassed(readVariable(env, "no_proxy", nullptr), host, port)) return p;
    std::string value = readVariable(env, scheme + "_proxy", &p.variable);
    if (value.empty()) value = readVariable(env, "all_proxy", &p.variable);
    if (value.empty()) return p;

    std::string rest = value;
    std::string proxyScheme = "http";
    if (const auto sep = rest.find("://"); sep != std::string::npos) {
        proxyScheme = lower(rest.substr(0, sep));
        rest = rest.substr(sep + 3);
    }
    if (proxyScheme == "http")
        p.type = Type::Http;
    else if (proxyScheme == "socks5" || proxyScheme == "socks5h")
        p.type = Type::Socks5;
    else
        throw Error(p.variable, "names a " + proxyScheme +
                                    ":// proxy; DistilBench speaks to http:// and socks5:// "
                                    "proxies");
    if (const auto slash = rest.find('/'); slash != std::string::npos) rest.resize(slash);
    if (const auto at = rest.rfind('@'); at != std::string::npos) {
        const std::string credentials = rest.substr(0, at);
        rest = rest.substr(at + 1);
        const auto colon = credentials.find(':');
        p.user = percentDecoded(credentials.substr(0, colon));
        if (colon != std::string::npos) p.password = percentDecoded(credentials.substr(colon + 1));
    }
    p.port = p.type == Type::Socks5 ? 1080 : 80;  // requests' defaults when none is given
    std::string hostPart = rest;
    if (!rest.empty() && rest.front() == '[') {  // [IPv6]:port
        const auto close = rest.find(']');
        if (close == std::string::npos) throw Error(p.variable, "has an unclosed [ in its address");
        hostPart = rest.substr(1, close - 1);
        rest = rest.substr(close + 1);
        if (!rest.empty() && rest.front() == ':')
            rest = rest.substr(1);
        else
            rest.clear();
    } else if (const auto colon = rest.rfind(':'); colon != std::string::npos) {
        hostPart = rest.substr(0, colon);
        rest = rest.substr(colon + 1);
    } else {
        rest.clear();
    }
    if (!rest.empty()) {
        int port = 0;
        const auto [ptr, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), port);
        if (ec != std::errc() || ptr != rest.data() + rest.size() || port <= 0 || port > 65535)
            throw Error(p.variable, "has no valid port");
        p.port = port;
    }
    if (hostPart.empty()) throw Error(p.variable, "names no proxy host");
    p.host = hostPart;
    return p;
}

}  // namespace distilbench
