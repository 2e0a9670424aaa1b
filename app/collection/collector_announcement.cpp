#include "collection/collector_announcement.h"

#include <avahi-client/client.h>
#include <avahi-client/publish.h>
#include <avahi-common/alternative.h>
#include <avahi-common/error.h>
#include <avahi-common/malloc.h>
#include <avahi-common/thread-watch.h>

#include <mutex>
#include <stdexcept>

namespace alignkiosk::collection {

struct CollectorAnnouncement::Impl {
    uint16_t port = 0;
    AvahiThreadedPoll* poll = nullptr;
    AvahiClient* client = nullptr; // Avahi's thread only, once the poll runs
    AvahiEntryGroup* group = nullptr;
    std::string name = "alignkiosk collection";

    mutable std::mutex mutex; // guards the three below: read by the owner's thread, written on Avahi's
    State state = State::WaitingForDaemon;
    std::string error;
    std::string registeredName;

    void set(State next, std::string why = {}) {
        const std::lock_guard lock(mutex);
        state = next;
        error = std::move(why);
        if (next == State::Announced) registeredName = name;
    }

    // Avahi's thread. Adds the service to a (new or reset) entry group and commits it.
    void publish(AvahiClient* c) {
        if (!group) group = avahi_entry_group_new(c, &Impl::onGroup, this);
        if (!group) return set(State::Failed, avahi_strerror(avahi_client_errno(c)));
        if (!avahi_entry_group_is_empty(group)) return;
        for (;;) {
            const int added = avahi_entry_group_add_service(group, AVAHI_IF_UNSPEC, AVAHI_PROTO_UNSPEC,
                                                            AvahiPublishFlags(0), name.c_str(), kCollectorServiceType,
                                                            nullptr, nullptr, port, kCollectorProtocolTxt, nullptr);
            if (added == AVAHI_ERR_COLLISION) { // another service on this host has the name: take the next one
                renameAfterCollision();
                continue;
            }
            if (added < 0) return set(State::Failed, avahi_strerror(added));
            break;
        }
        const int committed = avahi_entry_group_commit(group);
        if (committed < 0) return set(State::Failed, avahi_strerror(committed));
        set(State::Registering);
    }

    void renameAfterCollision() {
        char* next = avahi_alternative_service_name(name.c_str());
        name = next;
        avahi_free(next);
    }

    static void onGroup(AvahiEntryGroup* g, AvahiEntryGroupState groupState, void* userdata) {
        auto& self = *static_cast<Impl*>(userdata);
        self.group = g;
        switch (groupState) {
        case AVAHI_ENTRY_GROUP_ESTABLISHED: self.set(State::Announced); break;
        case AVAHI_ENTRY_GROUP_COLLISION: // a collector elsewhere on the network has the name
            self.renameAfterCollision();
            avahi_entry_group_reset(g);
            self.publish(avahi_entry_group_get_client(g));
            break;
        case AVAHI_ENTRY_GROUP_FAILURE:
            self.set(State::Failed, avahi_strerror(avahi_client_errno(avahi_entry_group_get_client(g))));
            break;
        case AVAHI_ENTRY_GROUP_UNCOMMITED:
        case AVAHI_ENTRY_GROUP_REGISTERING: break;
        }
    }

    static void onClient(AvahiClient* c, AvahiClientState clientState, void* userdata) {
        auto& self = *static_cast<Impl*>(userdata);
        switch (clientState) {
        case AVAHI_CLIENT_S_RUNNING: self.publish(c); break;
        case AVAHI_CLIENT_S_COLLISION: // the host name clashed: withdraw until the daemon has a new one
        case AVAHI_CLIENT_S_REGISTERING:
            if (self.group) avahi_entry_group_reset(self.group);
            self.set(State::Registering);
            break;
        case AVAHI_CLIENT_CONNECTING: self.set(State::WaitingForDaemon); break;
        case AVAHI_CLIENT_FAILURE:
            // The daemon went away (restart, shutdown): wait for the next one instead of giving up.
            if (avahi_client_errno(c) == AVAHI_ERR_DISCONNECTED) {
                self.set(State::WaitingForDaemon);
                self.reconnect();
            } else {
                self.set(State::Failed, avahi_strerror(avahi_client_errno(c)));
            }
            break;
        }
    }

    // Avahi's thread (from onClient) or the constructor, before the poll runs.
    void reconnect() {
        if (group) group = nullptr; // freed with its client
        if (client) avahi_client_free(client);
        int failure = 0;
        client = avahi_client_new(avahi_threaded_poll_get(poll), AVAHI_CLIENT_NO_FAIL, &Impl::onClient, this, &failure);
        if (!client) set(State::Failed, avahi_strerror(failure));
    }
};

CollectorAnnouncement::CollectorAnnouncement(uint16_t port) : m_impl(std::make_unique<Impl>()) {
    m_impl->port = port;
    m_impl->poll = avahi_threaded_poll_new();
    if (!m_impl->poll) throw std::runtime_error("cannot start the network announcement: out of memory");
    m_impl->reconnect();
    if (avahi_threaded_poll_start(m_impl->poll) < 0) {
        if (m_impl->client) avahi_client_free(m_impl->client);
        avahi_threaded_poll_free(m_impl->poll);
        throw std::runtime_error("cannot start the network announcement's thread");
    }
}

CollectorAnnouncement::~CollectorAnnouncement() {
    avahi_threaded_poll_stop(m_impl->poll);
    if (m_impl->client) avahi_client_free(m_impl->client); // frees the entry group: the service is withdrawn
    avahi_threaded_poll_free(m_impl->poll);
}

CollectorAnnouncement::State CollectorAnnouncement::state() const {
    const std::lock_guard lock(m_impl->mutex);
    return m_impl->state;
}

std::string CollectorAnnouncement::error() const {
    const std::lock_guard lock(m_impl->mutex);
    return m_impl->error;
}

std::string CollectorAnnouncement::serviceName() const {
    const std::lock_guard lock(m_impl->mutex);
    return m_impl->registeredName;
}

std::string describe(CollectorAnnouncement::State state) {
    switch (state) {
    case CollectorAnnouncement::State::WaitingForDaemon:
        return "laptops cannot find this collection by its code yet: no Avahi daemon answers on this computer "
               "(install and start avahi-daemon); until then they join with the whole HOST:PORT/CODE line";
    case CollectorAnnouncement::State::Registering: return "announcing the collection on the local network";
    case CollectorAnnouncement::State::Announced:
        return "announced on the local network: laptops can join with the code alone";
    case CollectorAnnouncement::State::Failed:
        return "laptops cannot find this collection by its code alone: announcing it on the local network failed; "
               "they join with the whole HOST:PORT/CODE line";
    }
    return {};
}

} // namespace alignkiosk::collection
