// Makes a running collector findable on the local network: DNS-SD over multicast DNS, through the Avahi daemon
// (libavahi-client from Debian). A laptop that has only the join code browses for the service type below
// (collector_discovery.h) and tries its code on each collector it finds.
//
// What is announced: the service type, an instance name ("alignkiosk collection", renamed by Avahi on a clash), the
// port, and a TXT record with the protocol version ("v=1"). Nothing derived from the join code, the survey or the
// collection's key: the announcement tells everyone on the network that a collection runs here, and no more.
//
// Threads: the announcement runs on Avahi's own thread (AvahiThreadedPoll); start and the destructor on any one
// thread. Without a reachable Avahi daemon the announcement waits for one (AVAHI_CLIENT_NO_FAIL) and says so.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace alignkiosk::collection {

// The DNS-SD service type of a collector, and the TXT record a laptop checks before it tries a collector.
inline constexpr const char* kCollectorServiceType = "_alignkiosk._tcp";
inline constexpr const char* kCollectorProtocolTxt = "v=1";

class CollectorAnnouncement {
public:
    enum class State : uint8_t {
        WaitingForDaemon, // no Avahi daemon answers (yet): laptops must join with HOST:PORT/CODE meanwhile
        Registering,      // the daemon is probing the name on the network
        Announced,        // laptops on the network can find the collector
        Failed,           // Avahi refused: see error()
    };

    // Starts announcing the collector listening on `port` (all interfaces the Avahi daemon serves). Throws
    // std::runtime_error when Avahi's thread or client cannot be made at all.
    explicit CollectorAnnouncement(uint16_t port);
    ~CollectorAnnouncement(); // withdraws the announcement
    CollectorAnnouncement(const CollectorAnnouncement&) = delete;
    CollectorAnnouncement& operator=(const CollectorAnnouncement&) = delete;

    State state() const;
    std::string error() const; // Avahi's reason, when state() is Failed
    std::string serviceName() const; // the instance name, as finally registered

    struct Impl; // Avahi's callbacks reach it; defined in the .cpp

private:
    std::unique_ptr<Impl> m_impl;
};

// For the facilitator's terminal: what the announcement's state means for the laptops.
std::string describe(CollectorAnnouncement::State state);

} // namespace alignkiosk::collection
