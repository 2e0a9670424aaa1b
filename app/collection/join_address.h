// What `run --join` takes: a join code alone (the laptop finds the collection on the local network), or
// HOST:PORT/CODE where discovery cannot work. HOST is an IPv4 address, an IPv6 address in brackets (a zone such as
// %eth0 allowed), or a host name; PORT is 1-65535.
//
//   K7Q-2MX    192.168.1.20:8631/K7Q-2MX    [fe80::1%eth0]:8631/k7q2mx    facilitator.local:8631/K7Q-2MX
#pragma once

#include "collection/join_code.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace alignkiosk::collection {

enum class HostKind : uint8_t { Ipv4, Ipv6, Name };

struct JoinEndpoint {
    std::string host; // as written, without brackets (an IPv6 address keeps its %zone)
    HostKind kind = HostKind::Name;
    uint16_t port = 0;
};

struct JoinTarget {
    std::optional<JoinEndpoint> endpoint; // none: find the collection by discovery
    JoinCode code;
};

struct JoinTargetParse {
    std::optional<JoinTarget> target;
    std::string error; // what is wrong and how it should look; only when !ok()
    bool ok() const { return target.has_value(); }
};

JoinTargetParse parseJoinTarget(std::string_view text);

} // namespace alignkiosk::collection
