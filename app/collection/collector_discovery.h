// Finds the collectors on the local network that a laptop can try its join code on: a DNS-SD browse for
// kCollectorServiceType (collector_announcement.h) through the Avahi daemon, each instance resolved to an IPv4
// address and port. Instances whose TXT record lacks the protocol version this program speaks are left out.
//
// Threads: any thread; the call blocks for at most `timeout` and runs Avahi's loop on the caller's thread.
#pragma once

#include "collection/join_address.h"

#include <chrono>
#include <string>
#include <vector>

namespace alignkiosk::collection {

struct DiscoveredCollector {
    std::string serviceName; // as announced, e.g. "alignkiosk collection"
    JoinEndpoint endpoint;   // an IPv4 address and the collector's port
};

struct CollectorDiscovery {
    std::vector<DiscoveredCollector> collectors; // every collector found, each address once
    std::string error; // why nobody could be asked (no Avahi daemon, ...); empty when the browse ran
};

// Browses until Avahi has reported every cached and freshly answered instance and resolved each, or `timeout`.
CollectorDiscovery discoverCollectors(std::chrono::milliseconds timeout = std::chrono::seconds(4));

} // namespace alignkiosk::collection
