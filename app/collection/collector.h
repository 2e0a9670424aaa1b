// The facilitator's collector: serves one collection over HTTP (docs/collection-protocol.md, "HTTP, version 1").
//
//   GET  /v1/survey      the survey text, the collection's public key and id, to whoever gives the join code
//   POST /v1/submission  one sealed submission; answered only after it is durable (or refused, with a reason)
//
// Every valid submission goes to a group-commit queue: one writer thread takes everything queued (up to maxBatch) and
// stores it with ResponseStore::submitOnce in ONE transaction, then answers each waiting request. Nothing is
// acknowledged before its commit returned; a store that cannot write answers 503 and the laptop keeps its entry.
//
// Anonymity: the collector records no address, port or time of any request. No HTTP logger is set, nothing about a
// request is printed, and the counters hold only totals by outcome.
//
// Threads: start() and stop() from one thread; counters() and port() from any thread.
#pragma once

#include "collection/collection_keys.h"
#include "collection/join_code.h"
#include "collection/module_versions.h"
#include "collection/join_throttle.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

namespace alignkiosk::core {
class ResponseStore;
}

namespace alignkiosk::collection {

// The header a laptop names the join code in, for both endpoints.
inline constexpr const char* kJoinCodeHeader = "Alignkiosk-Join-Code";
// Headers of the collector's answers: a refusal's reason name, and the survey's collection key and id.
inline constexpr const char* kReasonHeader = "Alignkiosk-Reason";
inline constexpr const char* kCollectionKeyHeader = "Alignkiosk-Collection-Key";
inline constexpr const char* kCollectionIdHeader = "Alignkiosk-Collection-Id";
inline constexpr const char* kSurveyPath = "/v1/survey";
inline constexpr const char* kSubmissionPath = "/v1/submission";

// The survey a collection runs: its file's text, served byte for byte, and the id and version submissions must name.
struct CollectorSurvey {
    std::string text;
    std::string surveyId;
    uint32_t surveyVersion = 0;
    ModuleVersions moduleVersions; // the version of each module the survey uses, as this program has them
};

struct CollectorOptions {
    std::string address = "127.0.0.1";
    uint16_t port = 0;               // 0: any free port (port() says which)
    std::size_t maxBatch = 256;      // deliveries in one transaction at most
    std::size_t httpThreads = 64;    // requests handled at once; also how many can wait for one commit
    std::chrono::seconds readTimeout{5};
    JoinThrottlePolicy throttle;
    JoinThrottle::Clock clock = &std::chrono::steady_clock::now; // the throttle's clock (tests inject one)
    // Called on the writer thread after a commit that stored at least one new submission (a live dashboard reads the
    // store at once instead of at its next poll). Must be quick and safe to call from another thread.
    std::function<void()> onStored;
};

// Totals since start, by outcome. Refusals are counted by reason name: the sealed submission's ("too_large",
// "cannot_open", ...; refusalName()) and the collector's own: "no_code", "wrong_code", "throttled",
// "other_survey", "store_refused" (the store judged it malformed), "not_stored" (the store could not write),
// "stopping".
struct CollectorCounters {
    std::size_t surveysServed = 0;
    std::size_t stored = 0;
    std::size_t alreadyDelivered = 0;
    std::size_t commits = 0; // transactions the writer ran
    std::map<std::string, std::size_t> refusals;

    std::size_t refused(const std::string& reason) const {
        auto it = refusals.find(reason);
        return it == refusals.end() ? 0 : it->second;
    }
};

class Collector {
public:
    // `store` and `keys` must outlive the collector.
    Collector(core::ResponseStore& store, const CollectionKeys& keys, JoinCode code, CollectorSurvey survey,
              CollectorOptions options = {});
    ~Collector(); // stop()
    Collector(const Collector&) = delete;
    Collector& operator=(const Collector&) = delete;

    // Binds and starts serving; throws std::runtime_error when the address cannot be bound.
    void start();
    // Stops accepting, answers or refuses every request in flight, commits what is queued, then returns. Idempotent.
    // A laptop holding an idle keep-alive connection can make it wait up to httplib's keep-alive timeout (5 s).
    void stop();
    uint16_t port() const;
    CollectorCounters counters() const;
    // The store's last write error, naming its file (for the facilitator's screen; never sent to laptops).
    std::string lastStoreError() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace alignkiosk::collection
