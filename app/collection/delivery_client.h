// The laptop's side of the HTTP protocol (docs/collection-protocol.md, "HTTP, version 1"): fetch the survey from a
// collector, and deliver the outbox's sealed submissions to it until each is acknowledged.
//
// What happens to an entry in one round (deliverPending):
//   200 ("stored" or "already delivered")  acknowledged: removed from the outbox (securely) and forgotten.
//   no answer, a timeout, 5xx, 429, or a join-code refusal (401/403)
//                                          kept; tried again after RetrySchedule's backoff (or the collector's
//                                          Retry-After, when later). A collector that cannot be reached ends the
//                                          round: the entries not tried are not counted as failures.
//   any other 4xx (malformed, sealed for another collection or survey, ...)
//                                          refused for good: the same bytes will never be accepted. The entry stays
//                                          in the outbox (answers are never deleted silently) but leaves the retry
//                                          loop for the life of this client; the round reports it with its reason.
//
// Threads: one thread at a time (the laptop's sender, off the UI thread).
#pragma once

#include "collection/collection_keys.h"
#include "collection/join_address.h"
#include "collection/join_code.h"
#include "collection/module_versions.h"
#include "collection/outbox.h"
#include "collection/retry_schedule.h"

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace alignkiosk::collection {

struct FetchedSurvey {
    std::string text; // the survey file's text, as the collector was given it
    CollectionPublicKey publicKey;
    CollectionId collectionId;
    ModuleVersions moduleVersions; // the version of each module the collection uses
};

struct SurveyFetch {
    std::optional<FetchedSurvey> survey;
    std::string error; // for a person: what went wrong (no collector there, wrong code, ...); only when !ok()
    bool ok() const { return survey.has_value(); }
};

// Asks the collector at `endpoint` for its survey. Never throws on network trouble: an error says what happened.
SurveyFetch fetchSurvey(const JoinEndpoint& endpoint, const JoinCode& code,
                        std::chrono::milliseconds timeout = std::chrono::seconds(5));

struct DeliveryClientOptions {
    std::chrono::milliseconds timeout{5000}; // connect, send and wait for the answer, each
    RetryPolicy retry;
    RetrySchedule::Random random; // empty: libsodium's random source
};

// One submission the collector refused for good, and why (its reason name and sentence).
struct PermanentRefusal {
    SubmissionId id;
    int status = 0;
    std::string reason;
    std::string message;
};

// What one round did.
struct DeliveryRound {
    std::size_t delivered = 0; // acknowledged and removed from the outbox
    std::size_t kept = 0;      // still in the outbox and in the retry loop (failed now, or not due yet)
    std::vector<PermanentRefusal> refused; // refused in this round, for good (they stay in the outbox)
    // When the next round has something to try; none when nothing is left to retry.
    std::optional<std::chrono::steady_clock::time_point> nextAttempt;
    std::string lastError; // the last transient failure of this round, for a person; empty when none
};

class DeliveryClient {
public:
    // `outbox` must outlive the client.
    DeliveryClient(Outbox& outbox, JoinEndpoint endpoint, JoinCode code, DeliveryClientOptions options = {});

    // One round: every due entry of the outbox is posted (in outbox order), until the collector cannot be reached.
    // `now` is the time the schedule is judged by (steady clock).
    DeliveryRound deliverPending(std::chrono::steady_clock::time_point now);

    // Entries refused for good since this client was made (still in the outbox).
    std::size_t refusedCount() const { return m_refused.size(); }

private:
    Outbox& m_outbox;
    JoinEndpoint m_endpoint;
    JoinCode m_code;
    DeliveryClientOptions m_options;
    std::chrono::steady_clock::time_point m_now{};
    RetrySchedule m_schedule;
    std::chrono::steady_clock::time_point m_notBefore{}; // a collector's Retry-After: it holds for every entry
    std::map<SubmissionId, PermanentRefusal> m_refused;
};

} // namespace alignkiosk::collection
