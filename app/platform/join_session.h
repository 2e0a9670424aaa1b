// What `run --join HOST:PORT/CODE` does apart from the window: before anything is shown, the laptop fetches the
// survey from the facilitator's collector and checks that it can show every step (joinCollection); while the
// participants answer, a CollectionSender seals each finished survey to the collection's key, keeps it in the
// laptop's durable outbox and delivers it from a thread of its own, retrying until the collector acknowledges it.
// The laptop keeps no answers it could read: only the outbox's sealed entries, until they are acknowledged.
#pragma once

#include "collection/delivery_client.h"
#include "collection/join_address.h"
#include "collection/module_versions.h"
#include "collection/outbox.h"
#include "collection/submission_id.h"
#include "core/module_catalog.h"
#include "core/submission.h"
#include "core/survey_model.h"

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>

namespace alignkiosk::platform {

// A collection this laptop joined: where it is, its join code, what the collector sent, and its survey, loaded.
struct JoinedCollection {
    collection::JoinEndpoint endpoint;
    collection::JoinCode code;
    collection::FetchedSurvey fetched;
    core::Survey survey;
};

struct JoinResult {
    std::optional<JoinedCollection> joined;
    std::string error; // for the participant: what went wrong and what to do; only when !ok()
    bool ok() const { return joined.has_value(); }
};

// Parses `joinText` (HOST:PORT/CODE, or CODE alone: then the collections announced on the local network are found by
// DNS-SD and each is asked with the code), fetches the survey and loads it against `modules` (the laptop's plugins):
// a survey that needs a module this laptop does not have, or has in another version than the collection
// (`laptopVersions`: the laptop's version of each module it has), is refused naming the module and both versions.
JoinResult joinCollection(std::string_view joinText, const core::ModuleCatalog& modules,
                          const collection::ModuleVersions& laptopVersions,
                          std::chrono::milliseconds timeout = std::chrono::seconds(5));

// The laptop's outbox file: beside the response store it would use (--db's folder, else the default data folder).
std::filesystem::path outboxPathFor(const std::optional<std::filesystem::path>& database);

// Seals, keeps and delivers one collection's submissions. The sender thread starts at once and first delivers what an
// earlier run left in the outbox. Threads: submit, waitDelivered and delivered from any thread (the UI's).
class CollectionSender {
public:
    // `outbox` must outlive the sender. `onChange` (optional) is called on the sender's thread after every round.
    CollectionSender(collection::Outbox& outbox, const JoinedCollection& joined,
                     collection::DeliveryClientOptions options = {}, std::function<void()> onChange = {});
    ~CollectionSender(); // stop()
    CollectionSender(const CollectionSender&) = delete;
    CollectionSender& operator=(const CollectionSender&) = delete;

    // Seals `submission` with a fresh id and keeps it in the outbox (on disk when this returns), then wakes the sender.
    // Throws (std::exception) when it could not be sealed or kept; then nothing was kept.
    collection::SubmissionId submit(const core::Submission& submission);
    // Waits at most `timeout` for the collector to acknowledge `id`; true once it has.
    bool waitDelivered(const collection::SubmissionId& id, std::chrono::milliseconds timeout);
    bool delivered(const collection::SubmissionId& id) const;
    // The last round's trouble, for the terminal; empty when it went well.
    std::string lastError() const;
    // Ends the current round (at most the client's timeout) and the thread. What is not delivered stays in the outbox.
    void stop();

private:
    void run();

    collection::Outbox& m_outbox;
    collection::CollectionPublicKey m_publicKey;
    collection::DeliveryClient m_client; // the sender thread's only
    std::function<void()> m_onChange;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::set<collection::SubmissionId> m_waiting;   // submitted in this run, not yet acknowledged
    std::set<collection::SubmissionId> m_delivered; // submitted in this run and acknowledged
    std::string m_lastError;
    bool m_wake = false;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace alignkiosk::platform
