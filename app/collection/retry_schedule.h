// When a laptop tries again to deliver each submission in its outbox: exponential backoff with jitter, per entry.
// The first attempt is due at once; after the n-th failure the next is due after
// min(maxDelay, firstDelay * 2^(n-1)), shortened by a random share of up to `jitter`, so laptops that lost the
// collector together do not all come back in the same instant.
//
// The schedule is kept in memory only: after a restart every entry is due at once, and nothing on disk says when a
// participant finished. Clock and random source are injected so tests need no sleeping.
//
// Threads: one thread at a time (the laptop's sender).
#pragma once

#include "collection/submission_id.h"

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace alignkiosk::collection {

struct RetryPolicy {
    std::chrono::milliseconds firstDelay{1000};
    std::chrono::milliseconds maxDelay{5 * 60 * 1000};
    double jitter = 0.5; // the share of a delay that is random: delays fall in [delay * (1 - jitter), delay]
};

// The delay after `failures` failed attempts (failures >= 1); `unit` is a draw from [0, 1).
std::chrono::milliseconds retryDelay(unsigned failures, const RetryPolicy& policy, double unit);

class RetrySchedule {
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;
    using Random = std::function<double()>; // uniform in [0, 1)

    explicit RetrySchedule(RetryPolicy policy = {}, Clock clock = &std::chrono::steady_clock::now,
                           Random random = {}); // empty: libsodium's random source

    // When `id` may be tried next: now for an entry that has not failed yet.
    std::chrono::steady_clock::time_point dueAt(const SubmissionId& id) const;
    // The entries of `pending` that are due now, in the order given.
    std::vector<SubmissionId> due(const std::vector<SubmissionId>& pending) const;
    // The earliest time one of `pending` is due (to sleep until then); nothing when `pending` is empty.
    std::optional<std::chrono::steady_clock::time_point> nextDue(const std::vector<SubmissionId>& pending) const;
    // An attempt failed; returns when the next one is due.
    std::chrono::steady_clock::time_point recordFailure(const SubmissionId& id);
    // The collector acknowledged `id` (or it left the outbox): its schedule is dropped.
    void forget(const SubmissionId& id);
    unsigned failures(const SubmissionId& id) const;

private:
    struct Entry {
        unsigned failures = 0;
        std::chrono::steady_clock::time_point dueAt{};
    };

    RetryPolicy m_policy;
    Clock m_clock;
    Random m_random;
    std::map<SubmissionId, Entry> m_entries;
};

} // namespace alignkiosk::collection
