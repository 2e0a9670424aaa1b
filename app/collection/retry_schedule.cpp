#include "retry_schedule.h"

#include "sodium_ready.h"

#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace alignkiosk::collection {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

namespace {

double sodiumUnit() {
    requireSodium();
    // 2^32 steps are far finer than a millisecond of a five-minute delay.
    return static_cast<double>(randombytes_random()) / 4294967296.0;
}

} // namespace

milliseconds retryDelay(unsigned failures, const RetryPolicy& policy, double unit) {
    milliseconds delay = policy.firstDelay;
    for (unsigned doublings = failures > 0 ? failures - 1 : 0; doublings > 0 && delay < policy.maxDelay; --doublings)
        delay *= 2;
    delay = std::min(delay, policy.maxDelay);
    const double jitter = std::clamp(policy.jitter, 0.0, 1.0);
    const double share = 1.0 - jitter * std::clamp(unit, 0.0, 1.0);
    return milliseconds(static_cast<milliseconds::rep>(std::llround(static_cast<double>(delay.count()) * share)));
}

RetrySchedule::RetrySchedule(RetryPolicy policy, Clock clock, Random random)
    : m_policy(policy), m_clock(std::move(clock)), m_random(random ? std::move(random) : Random(&sodiumUnit)) {}

steady_clock::time_point RetrySchedule::dueAt(const SubmissionId& id) const {
    const auto found = m_entries.find(id);
    return found == m_entries.end() ? m_clock() : found->second.dueAt;
}

std::vector<SubmissionId> RetrySchedule::due(const std::vector<SubmissionId>& pending) const {
    const auto now = m_clock();
    std::vector<SubmissionId> ready;
    for (const SubmissionId& id : pending) {
        const auto found = m_entries.find(id);
        if (found == m_entries.end() || found->second.dueAt <= now) ready.push_back(id);
    }
    return ready;
}

std::optional<steady_clock::time_point> RetrySchedule::nextDue(const std::vector<SubmissionId>& pending) const {
    std::optional<steady_clock::time_point> earliest;
    for (const SubmissionId& id : pending) {
        const auto when = dueAt(id);
        if (!earliest || when < *earliest) earliest = when;
    }
    return earliest;
}

steady_clock::time_point RetrySchedule::recordFailure(const SubmissionId& id) {
    Entry& entry = m_entries[id];
    if (entry.failures < std::numeric_limits<unsigned>::max()) ++entry.failures;
    entry.dueAt = m_clock() + retryDelay(entry.failures, m_policy, m_random());
    return entry.dueAt;
}

void RetrySchedule::forget(const SubmissionId& id) { m_entries.erase(id); }

unsigned RetrySchedule::failures(const SubmissionId& id) const {
    const auto found = m_entries.find(id);
    return found == m_entries.end() ? 0 : found->second.failures;
}

} // namespace alignkiosk::collection
