#include "collection/collector_discovery.h"

#include "collection/collector_announcement.h"

#include <avahi-client/client.h>
#include <avahi-client/lookup.h>
#include <avahi-common/address.h>
#include <avahi-common/error.h>
#include <avahi-common/simple-watch.h>
#include <avahi-common/strlst.h>

#include <algorithm>
#include <cstring>

namespace alignkiosk::collection {

namespace {

struct Browse {
    AvahiSimplePoll* poll = nullptr;
    int pendingResolves = 0;
    bool allForNow = false;
    std::vector<DiscoveredCollector> found;
    std::string error;

    bool finished() const { return !error.empty() || (allForNow && pendingResolves == 0); }

    static void onResolved(AvahiServiceResolver* resolver, AvahiIfIndex, AvahiProtocol, AvahiResolverEvent event,
                           const char* name, const char*, const char*, const char*, const AvahiAddress* address,
                           uint16_t port, AvahiStringList* txt, AvahiLookupResultFlags, void* userdata) {
        auto& self = *static_cast<Browse*>(userdata);
        if (event == AVAHI_RESOLVER_FOUND && address && address->proto == AVAHI_PROTO_INET &&
            speaksOurProtocol(txt)) {
            char text[AVAHI_ADDRESS_STR_MAX];
            avahi_address_snprint(text, sizeof text, address);
            JoinEndpoint endpoint{text, HostKind::Ipv4, port};
            const bool known = std::any_of(self.found.begin(), self.found.end(), [&](const DiscoveredCollector& c) {
                return c.endpoint.host == endpoint.host && c.endpoint.port == endpoint.port;
            });
            if (!known) self.found.push_back({name, std::move(endpoint)});
        }
        avahi_service_resolver_free(resolver);
        --self.pendingResolves;
    }

    static bool speaksOurProtocol(AvahiStringList* txt) {
        for (AvahiStringList* entry = txt; entry; entry = avahi_string_list_get_next(entry)) {
            const auto* text = reinterpret_cast<const char*>(avahi_string_list_get_text(entry));
            const std::size_t size = avahi_string_list_get_size(entry);
            if (size == std::strlen(kCollectorProtocolTxt) && std::memcmp(text, kCollectorProtocolTxt, size) == 0)
                return true;
        }
        return false;
    }

    static void onBrowse(AvahiServiceBrowser* browser, AvahiIfIndex interface, AvahiProtocol protocol,
                         AvahiBrowserEvent event, const char* name, const char* type, const char* domain,
                         AvahiLookupResultFlags, void* userdata) {
        auto& self = *static_cast<Browse*>(userdata);
        AvahiClient* client = avahi_service_browser_get_client(browser);
        switch (event) {
        case AVAHI_BROWSER_NEW:
            if (avahi_service_resolver_new(client, interface, protocol, name, type, domain, AVAHI_PROTO_INET,
                                           AvahiLookupFlags(0), &Browse::onResolved, &self))
                ++self.pendingResolves;
            break;
        case AVAHI_BROWSER_ALL_FOR_NOW: self.allForNow = true; break;
        case AVAHI_BROWSER_FAILURE: self.error = avahi_strerror(avahi_client_errno(client)); break;
        case AVAHI_BROWSER_REMOVE:
        case AVAHI_BROWSER_CACHE_EXHAUSTED: break;
        }
    }

    static void onClient(AvahiClient* client, AvahiClientState state, void* userdata) {
        if (state == AVAHI_CLIENT_FAILURE)
            static_cast<Browse*>(userdata)->error = avahi_strerror(avahi_client_errno(client));
    }
};

} // namespace

CollectorDiscovery discoverCollectors(std::chrono::milliseconds timeout) {
    CollectorDiscovery result;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    Browse browse;
    browse.poll = avahi_simple_poll_new();
    if (!browse.poll) {
        result.error = "out of memory";
        return result;
    }
    int failure = 0;
    AvahiClient* client =
        avahi_client_new(avahi_simple_poll_get(browse.poll), AvahiClientFlags(0), &Browse::onClient, &browse, &failure);
    if (!client) {
        result.error = std::string("no Avahi daemon answers on this computer (") + avahi_strerror(failure) + ")";
        avahi_simple_poll_free(browse.poll);
        return result;
    }
    AvahiServiceBrowser* browser =
        avahi_service_browser_new(client, AVAHI_IF_UNSPEC, AVAHI_PROTO_INET, kCollectorServiceType, nullptr,
                                  AvahiLookupFlags(0), &Browse::onBrowse, &browse);
    if (!browser) browse.error = avahi_strerror(avahi_client_errno(client));
    while (!browse.finished()) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) break;
        // One wait of at most 100 ms, so the deadline holds however quiet the network is.
        if (avahi_simple_poll_iterate(browse.poll, static_cast<int>(std::min<long long>(left.count(), 100))) != 0)
            break;
    }
    avahi_client_free(client); // frees the browser and any resolver still pending
    avahi_simple_poll_free(browse.poll);
    result.collectors = std::move(browse.found);
    if (!browse.error.empty()) result.error = "cannot look for collections on the network: " + browse.error;
    return result;
}

} // namespace alignkiosk::collection
