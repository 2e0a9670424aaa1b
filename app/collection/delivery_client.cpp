#include "collection/delivery_client.h"

#include "collection/collector.h"

#include <httplib.h>

#include <algorithm>
#include <charconv>
#include <exception>
#include <set>
#include <utility>

namespace alignkiosk::collection {

namespace {

std::unique_ptr<httplib::Client> clientFor(const JoinEndpoint& endpoint, std::chrono::milliseconds timeout) {
    auto client = std::make_unique<httplib::Client>(endpoint.host, endpoint.port);
    client->set_connection_timeout(timeout);
    client->set_read_timeout(timeout);
    client->set_write_timeout(timeout);
    client->set_keep_alive(true);
    // httplib writes the headers and the body separately: without this, Nagle and the peer's delayed ACK hold the
    // body back ~40 ms.
    client->set_tcp_nodelay(true);
    return client;
}

std::string transportError(const JoinEndpoint& endpoint, httplib::Error error) {
    std::string where = endpoint.host + ":" + std::to_string(endpoint.port);
    switch (error) {
    case httplib::Error::Connection: return "no collector answers at " + where;
    case httplib::Error::ConnectionTimeout: return "the collector at " + where + " did not answer in time";
    case httplib::Error::Read: return "the collector at " + where + " did not answer (it may have stopped)";
    default: return "cannot reach the collector at " + where + ": " + httplib::to_string(error);
    }
}

// The collector's sentence, without the trailing new line.
std::string sentenceOf(const httplib::Response& res) {
    std::string text = res.body;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text;
}

std::chrono::seconds retryAfter(const httplib::Response& res) {
    std::string value = res.get_header_value("Retry-After");
    long seconds = 0;
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (error != std::errc() || end != value.data() + value.size() || seconds < 0) return std::chrono::seconds(0);
    return std::chrono::seconds(std::min(seconds, 3600L));
}

// Worth trying again: the collector could not or would not take it now, but may later.
bool isTransient(int status) {
    return status == 401 || status == 403 || status == 408 || status == 429 || status >= 500 || status < 400;
}

} // namespace

SurveyFetch fetchSurvey(const JoinEndpoint& endpoint, const JoinCode& code, std::chrono::milliseconds timeout) {
    SurveyFetch fetch;
    auto client = clientFor(endpoint, timeout);
    client->set_keep_alive(false);
    httplib::Result res = client->Get(kSurveyPath, httplib::Headers{{kJoinCodeHeader, code.text()}});
    if (!res) {
        fetch.error = transportError(endpoint, res.error());
        return fetch;
    }
    if (res->status != 200) {
        fetch.error = "the collector refused: " + sentenceOf(*res);
        return fetch;
    }
    try {
        CollectionPublicKey key = CollectionPublicKey::fromText(res->get_header_value(kCollectionKeyHeader));
        std::optional<CollectionId> id = CollectionId::fromText(res->get_header_value(kCollectionIdHeader));
        if (!id || !(*id == key.id())) {
            fetch.error = "the collector's collection id does not belong to its key";
            return fetch;
        }
        ModuleVersionsParse modules = parseModuleVersions(res->get_header_value(kModulesHeader));
        if (!modules.ok()) {
            fetch.error = std::string("the collector's list of module versions is unreadable: ") + modules.error;
            return fetch;
        }
        fetch.survey = FetchedSurvey{res->body, key, *id, std::move(*modules.versions)};
    } catch (const KeyError& error) {
        fetch.error = std::string("the collector sent no usable collection key: ") + error.what();
    }
    return fetch;
}

DeliveryClient::DeliveryClient(Outbox& outbox, JoinEndpoint endpoint, JoinCode code, DeliveryClientOptions options)
    : m_outbox(outbox), m_endpoint(std::move(endpoint)), m_code(code), m_options(std::move(options)),
      m_schedule(m_options.retry, [this] { return m_now; }, m_options.random) {}

DeliveryRound DeliveryClient::deliverPending(std::chrono::steady_clock::time_point now) {
    m_now = now;
    DeliveryRound round;
    std::vector<OutboxEntry> entries = m_outbox.pending();
    std::erase_if(entries, [&](const OutboxEntry& entry) { return m_refused.count(entry.id) != 0; });

    std::set<SubmissionId> left;
    for (const OutboxEntry& entry : entries) left.insert(entry.id);

    if (now >= m_notBefore) {
        std::vector<SubmissionId> ids(left.begin(), left.end());
        std::vector<SubmissionId> dueIds = m_schedule.due(ids);
        std::set<SubmissionId> due(dueIds.begin(), dueIds.end());
        auto client = due.empty() ? nullptr : clientFor(m_endpoint, m_options.timeout);
        const httplib::Headers headers{{kJoinCodeHeader, m_code.text()}};
        for (const OutboxEntry& entry : entries) {
            if (!due.count(entry.id)) continue;
            httplib::Result res = client->Post(kSubmissionPath, headers,
                                               reinterpret_cast<const char*>(entry.sealed.data()),
                                               entry.sealed.size(), "application/octet-stream");
            if (!res) {
                // The collector cannot be reached: the rest of the round would fail alike, so it waits with this one.
                m_notBefore = m_schedule.recordFailure(entry.id);
                round.lastError = transportError(m_endpoint, res.error());
                break;
            }
            if (res->status == 200) {
                try {
                    m_outbox.remove(entry.id);
                    m_schedule.forget(entry.id);
                    left.erase(entry.id);
                    ++round.delivered;
                } catch (const std::exception& error) {
                    // Delivered but still on disk: the next round sends it again and hears "already delivered".
                    round.lastError = error.what();
                }
                continue;
            }
            std::string reason = res->get_header_value(kReasonHeader);
            if (!isTransient(res->status)) {
                PermanentRefusal refusal{entry.id, res->status, reason, sentenceOf(*res)};
                m_refused.emplace(entry.id, refusal);
                m_schedule.forget(entry.id);
                left.erase(entry.id);
                round.refused.push_back(std::move(refusal));
                continue;
            }
            std::chrono::steady_clock::time_point next = m_schedule.recordFailure(entry.id);
            round.lastError = "the collector refused for now: " + sentenceOf(*res);
            if (res->status == 429 || res->status >= 500) {
                // Throttled, full, read-only or stopping: the whole collector says wait, not just for this entry.
                m_notBefore = std::max(next, now + retryAfter(*res));
                break;
            }
        }
    }

    round.kept = left.size();
    std::vector<SubmissionId> ids(left.begin(), left.end());
    if (auto next = m_schedule.nextDue(ids)) round.nextAttempt = std::max(*next, m_notBefore);
    return round;
}

} // namespace alignkiosk::collection
