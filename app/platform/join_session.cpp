#include "join_session.h"

#include "collection/collector_discovery.h"
#include "collection/sealed_submission.h"
#include "core/data_paths.h"
#include "core/survey_loader.h"

#include <exception>
#include <utility>

namespace alignkiosk::platform {

namespace {

std::string endpointText(const collection::JoinEndpoint& endpoint) {
    const std::string host = endpoint.kind == collection::HostKind::Ipv6 ? "[" + endpoint.host + "]" : endpoint.host;
    return host + ":" + std::to_string(endpoint.port);
}

// A laptop whose outbox could not be read or written waits this long before it tries again.
constexpr std::chrono::seconds kOutboxTroubleDelay{5};

} // namespace

JoinResult joinCollection(std::string_view joinText, const core::ModuleCatalog& modules,
                          const collection::ModuleVersions& laptopVersions, std::chrono::milliseconds timeout) {
    JoinResult result;
    collection::JoinTargetParse parsed = collection::parseJoinTarget(joinText);
    if (!parsed.ok()) {
        result.error = "cannot join: " + parsed.error;
        return result;
    }
    const collection::JoinCode& code = parsed.target->code;
    std::vector<collection::JoinEndpoint> candidates;
    if (parsed.target->endpoint) {
        candidates.push_back(*parsed.target->endpoint);
    } else {
        collection::CollectorDiscovery discovery = collection::discoverCollectors();
        if (discovery.collectors.empty()) {
            result.error = "found no collection on this network" +
                           (discovery.error.empty() ? std::string() : " (" + discovery.error + ")") +
                           ". Please type the whole HOST:PORT/CODE line shown on the facilitator's screen, e.g. "
                           "--join 192.168.1.20:47474/" +
                           code.text();
            return result;
        }
        for (collection::DiscoveredCollector& found : discovery.collectors)
            candidates.push_back(std::move(found.endpoint));
    }
    // Each collection found is asked with the code; only the one it belongs to answers with its survey. (Several
    // collections on one network are rare, and a wrong code costs the other collector one throttled refusal.)
    std::optional<collection::FetchedSurvey> fetched;
    collection::JoinEndpoint endpoint;
    std::string refusals;
    for (const collection::JoinEndpoint& candidate : candidates) {
        collection::SurveyFetch fetch = collection::fetchSurvey(candidate, code, timeout);
        if (fetch.ok()) {
            fetched = std::move(fetch.survey);
            endpoint = candidate;
            break;
        }
        refusals += (candidates.size() > 1 ? "\n  " : " ") + endpointText(candidate) + ": " + fetch.error;
    }
    if (!fetched) {
        result.error = candidates.size() > 1 ? "none of the collections on this network took the code " + code.text() +
                                                   ":" + refusals
                                             : "cannot join the collection at" + refusals;
        return result;
    }
    const std::string where = endpointText(endpoint);
    // Answers from another version of a module would be counted as the same questions: refuse before anyone starts.
    const std::vector<std::string> mismatches =
        collection::describeVersionMismatches(fetched->moduleVersions, laptopVersions);
    if (!mismatches.empty()) {
        result.error = "this laptop cannot take part in the collection at " + where +
                       ": its survey modules differ from the facilitator's. Please tell the facilitator:";
        for (const std::string& mismatch : mismatches) result.error += "\n  " + mismatch;
        return result;
    }
    // The loader names every module the survey needs and this program lacks ("unknown module ..."), before anyone
    // starts answering.
    core::SurveyLoadResult loaded = core::parseSurvey(fetched->text, "the survey from " + where, modules);
    if (!loaded.ok()) {
        result.error = "this laptop cannot show the survey of the collection at " + where +
                       "; please tell the facilitator:";
        for (const core::Diagnostic& diagnostic : loaded.diagnostics) result.error += "\n  " + diagnostic.format();
        return result;
    }
    result.joined = JoinedCollection{endpoint, code, std::move(*fetched), std::move(*loaded.survey)};
    return result;
}

std::filesystem::path outboxPathFor(const std::optional<std::filesystem::path>& database) {
    const std::filesystem::path store = database.value_or(core::defaultDatabasePath());
    return store.parent_path() / "outbox.sqlite3";
}

CollectionSender::CollectionSender(collection::Outbox& outbox, const JoinedCollection& joined,
                                   collection::DeliveryClientOptions options, std::function<void()> onChange)
    : m_outbox(outbox), m_publicKey(joined.fetched.publicKey),
      m_client(outbox, joined.endpoint, joined.code, std::move(options)), m_onChange(std::move(onChange)),
      m_thread([this] { run(); }) {}

CollectionSender::~CollectionSender() { stop(); }

void CollectionSender::stop() {
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

collection::SubmissionId CollectionSender::submit(const core::Submission& submission) {
    const collection::SubmissionId id = collection::SubmissionId::random();
    const std::vector<unsigned char> sealed = collection::seal(submission, id, m_publicKey);
    m_outbox.add(id, sealed); // durable when it returns: from here on the answers reach the collector or stay
    {
        const std::lock_guard lock(m_mutex);
        m_waiting.insert(id);
        m_wake = true;
    }
    m_changed.notify_all();
    return id;
}

bool CollectionSender::waitDelivered(const collection::SubmissionId& id, std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, timeout, [&] { return m_delivered.count(id) > 0 || m_stopping; }) &&
           m_delivered.count(id) > 0;
}

bool CollectionSender::delivered(const collection::SubmissionId& id) const {
    const std::lock_guard lock(m_mutex);
    return m_delivered.count(id) > 0;
}

std::string CollectionSender::lastError() const {
    const std::lock_guard lock(m_mutex);
    return m_lastError;
}

void CollectionSender::run() {
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_wake = false;
        // Only these can be judged by this round: submit() puts an id here after it is in the outbox.
        const std::set<collection::SubmissionId> judged = m_waiting;
        lock.unlock();
        std::optional<std::chrono::steady_clock::time_point> next;
        std::string error;
        std::set<collection::SubmissionId> pending;
        bool pendingKnown = false;
        try {
            const collection::DeliveryRound round = m_client.deliverPending(std::chrono::steady_clock::now());
            next = round.nextAttempt;
            error = round.lastError;
            if (!round.refused.empty())
                error = "the collector refused a submission for good (" + round.refused.back().reason + "): " +
                        round.refused.back().message;
            for (const collection::OutboxEntry& entry : m_outbox.pending()) pending.insert(entry.id);
            pendingKnown = true;
        } catch (const std::exception& trouble) {
            error = trouble.what();
            next = std::chrono::steady_clock::now() + kOutboxTroubleDelay;
        }
        lock.lock();
        // What left the outbox was acknowledged (the outbox is this process's alone). When the outbox could not be
        // read, nothing is known about this round.
        if (pendingKnown) {
            for (const collection::SubmissionId& id : judged) {
                if (pending.count(id)) continue;
                m_delivered.insert(id);
                m_waiting.erase(id);
            }
        }
        m_lastError = error;
        m_changed.notify_all();
        if (m_onChange) {
            lock.unlock();
            m_onChange();
            lock.lock();
        }
        const auto woken = [this] { return m_stopping || m_wake; };
        if (next)
            m_changed.wait_until(lock, *next, woken);
        else
            m_changed.wait(lock, woken);
    }
}

} // namespace alignkiosk::platform
