#include "join_address.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace alignkiosk::collection {

namespace {

constexpr const char* kShape = " (write HOST:PORT/CODE, e.g. 192.168.1.20:8631/K7Q-2MX)";

std::string shown(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size() && i < 64; ++i)
        out.push_back(text[i] >= 0x20 && text[i] < 0x7f ? text[i] : '?');
    return "'" + out + (text.size() > 64 ? "...'" : "'");
}

std::string_view trimmed(std::string_view text) {
    const auto blank = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!text.empty() && blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && blank(text.back())) text.remove_suffix(1);
    return text;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAlnum(char c) { return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// RFC 1123 host names: dot-separated labels of letters, digits and inner hyphens, 1-63 each, 253 in all; one
// trailing dot allowed.
std::optional<std::string> hostNameProblem(std::string_view name) {
    if (!name.empty() && name.back() == '.') name.remove_suffix(1);
    if (name.size() > 253) return "is longer than 253 characters";
    std::size_t start = 0;
    while (start <= name.size()) {
        const std::size_t dot = std::min(name.find('.', start), name.size());
        const std::string_view label = name.substr(start, dot - start);
        if (label.empty()) return "has an empty part between dots";
        if (label.size() > 63) return "has a part longer than 63 characters";
        if (!std::all_of(label.begin(), label.end(), [](char c) { return isAlnum(c) || c == '-'; }))
            return "has a character other than letters, digits, '-' and '.'";
        if (label.front() == '-' || label.back() == '-') return "has a part that starts or ends with '-'";
        start = dot + 1;
    }
    return std::nullopt;
}

std::optional<std::string> portProblem(std::string_view port, uint16_t& value) {
    if (port.empty()) return std::string("the port is missing after ':'") + kShape;
    if (port.size() > 5 || !std::all_of(port.begin(), port.end(), isDigit))
        return "the port " + shown(port) + " is not a number from 1 to 65535";
    const unsigned long number = std::stoul(std::string(port));
    if (number < 1 || number > 65535) return "the port " + shown(port) + " is not between 1 and 65535";
    value = static_cast<uint16_t>(number);
    return std::nullopt;
}

// HOST:PORT into endpoint, or what is wrong.
std::optional<std::string> readEndpoint(std::string_view text, JoinEndpoint& endpoint) {
    if (text.empty()) return std::string("the host and port are missing before '/'") + kShape;
    std::string_view port;
    if (text.front() == '[') {
        const std::size_t close = text.find(']');
        if (close == std::string_view::npos) return shown(text) + " has no closing ']' after the IPv6 address";
        const std::string_view inside = text.substr(1, close - 1);
        const std::string_view rest = text.substr(close + 1);
        if (rest.empty() || rest.front() != ':') return "the port is missing after " + shown(text.substr(0, close + 1)) + kShape;
        port = rest.substr(1);
        const std::size_t percent = inside.find('%');
        const std::string address(inside.substr(0, percent));
        std::array<unsigned char, 16> bytes{};
        if (address.empty() || ::inet_pton(AF_INET6, address.c_str(), bytes.data()) != 1)
            return shown(inside) + " is not an IPv6 address";
        if (percent != std::string_view::npos) {
            const std::string_view zone = inside.substr(percent + 1);
            if (zone.empty() || zone.size() > 15 ||
                !std::all_of(zone.begin(), zone.end(), [](char c) { return isAlnum(c) || c == '_' || c == '.' || c == '-'; }))
                return shown(inside) + " has a zone that is not a network interface name";
        }
        endpoint.host = std::string(inside);
        endpoint.kind = HostKind::Ipv6;
    } else {
        const std::size_t colon = text.rfind(':');
        if (colon == std::string_view::npos) return "the port is missing after " + shown(text) + kShape;
        const std::string_view host = text.substr(0, colon);
        port = text.substr(colon + 1);
        if (host.find(':') != std::string_view::npos)
            return "an IPv6 address goes in brackets, e.g. [" + std::string(host.substr(0, 40)) + "]:PORT/CODE";
        if (host.empty()) return std::string("the host is missing before ':'") + kShape;
        if (std::all_of(host.begin(), host.end(), [](char c) { return isDigit(c) || c == '.'; })) {
            std::array<unsigned char, 4> bytes{};
            if (::inet_pton(AF_INET, std::string(host).c_str(), bytes.data()) != 1)
                return shown(host) + " is not an IPv4 address (four numbers from 0 to 255, e.g. 192.168.1.20)";
            endpoint.kind = HostKind::Ipv4;
        } else {
            if (auto problem = hostNameProblem(host)) return "the host name " + shown(host) + " " + *problem;
            endpoint.kind = HostKind::Name;
        }
        endpoint.host = std::string(host);
    }
    return portProblem(port, endpoint.port);
}

} // namespace

JoinTargetParse parseJoinTarget(std::string_view text) {
    JoinTargetParse result;
    text = trimmed(text);
    const std::size_t slash = text.find('/');
    std::optional<JoinEndpoint> endpoint;
    std::string_view codeText = text;
    if (slash != std::string_view::npos) {
        endpoint.emplace();
        if (auto problem = readEndpoint(text.substr(0, slash), *endpoint)) {
            result.error = *problem;
            return result;
        }
        codeText = text.substr(slash + 1);
        if (trimmed(codeText).empty()) {
            result.error = std::string("the join code is missing after '/'") + kShape;
            return result;
        }
    } else if (text.find(':') != std::string_view::npos || text.find('.') != std::string_view::npos) {
        // Looks like an address without its code: say that, not "':' is not a join code character".
        result.error = "the join code is missing: " + shown(text) + " looks like an address" + kShape;
        return result;
    }
    JoinCodeParse code = parseJoinCode(codeText);
    if (!code.ok()) {
        result.error = code.error;
        return result;
    }
    result.target = JoinTarget{std::move(endpoint), *code.code};
    return result;
}

} // namespace alignkiosk::collection
