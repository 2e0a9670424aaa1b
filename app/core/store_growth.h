// How the response store grows in bounded steps, so that no commit pauses to re-deal a whole size class or rehash the
// whole set of delivered ids (see "Order-free layout" and "Delivered ids" in response_store.cpp). Pure arithmetic:
// the store does the reading and writing.
#pragma once

#include <algorithm>
#include <cstdint>

namespace alignkiosk::core::store_growth {

// [SECTION] Slot classes
//
// A class's capacity rests on a ladder of rungs, 64, 96, 144, ... (each half as big again as the one before), which
// is where the stores of schema v5 grew to as well. A class between two rungs is growing towards the upper one, one
// slot at a time (an inside-out shuffle step each, see response_store.cpp); so a growth in progress needs no
// bookkeeping of its own and carries on after a reopen. A growth starts once the class would be more than 8/10 full,
// and each commit that writes to the class deals kDealStepsPerCommit + kDealStepsPerRow slots per row it adds (or
// what is left to the rung). Two slots per row outpace the rows: the load stays under 8/10 during a growth and ends
// near 7/10. The pace is mostly per row, not per commit: each dealt slot may move a row, which dirties a random page
// the commit has to journal, write and sync, and a collector commits often. Per row, a growth costs a commit one to
// two times as much I/O again as the row itself, never a pause.

inline constexpr uint64_t kFirstCapacity = 64;
inline constexpr uint64_t kDealStepsPerCommit = 16;
inline constexpr uint64_t kDealStepsPerRow = 2;

// The smallest rung above capacity.
constexpr uint64_t rungAbove(uint64_t capacity) {
    uint64_t rung = kFirstCapacity;
    while (rung <= capacity) rung += rung / 2;
    return rung;
}

// An empty class (0) or a rung: no growth in progress.
constexpr bool atRest(uint64_t capacity) {
    uint64_t rung = kFirstCapacity;
    while (rung < capacity) rung += rung / 2;
    return capacity == 0 || rung == capacity;
}

// The most slots one commit deals in a class it adds `more` rows to.
constexpr uint64_t dealBudget(uint64_t more) { return kDealStepsPerCommit + kDealStepsPerRow * more; }

// How many slots to add (deal) to a class of `capacity` slots, `used` of them taken, in the commit that adds `more`
// rows. Never more than dealBudget(more); afterwards the class is at most 9/10 full (as long as it was before).
constexpr uint64_t slotsToDeal(uint64_t capacity, uint64_t used, uint64_t more) {
    if (more == 0) return 0;
    const bool start = 10 * (used + more) > 8 * capacity;
    const uint64_t target = (!atRest(capacity) || start) ? rungAbove(capacity) : capacity;
    uint64_t deal = std::min(target - capacity, dealBudget(more));
    // A commit too big for that pace (a bulk import) deals as far as it needs to fit under 9/10: at most 2 slots per
    // row, so within dealBudget.
    const uint64_t fits = (10 * (used + more) + 8) / 9;
    if (capacity + deal < fits) deal = fits - capacity;
    return deal;
}

// [SECTION] Delivered ids: linear hashing
//
// The set's bucket count grows one bucket at a time: adding bucket B splits bucket B - level (level: the largest
// kFirstBuckets * 2^k not above B) between itself and the new one. An id's bucket is its hash mod level, or mod
// 2 * level when that bucket has been split already. With B a power of two this is hash mod B, the addressing of
// schema v5, so an older set is read as it is. The bucket count follows the number of ids (bucketsFor); a commit
// makes at most kSplitsPerCommit + (ids it adds) splits, except when an id meets a full bucket (odds about 1e-7 per
// bucket at this load): then buckets are split until it fits.

inline constexpr uint64_t kFirstBuckets = 16; // a power of two
inline constexpr uint64_t kIdsPerBucket = 16; // on average; a bucket holds 64
inline constexpr uint64_t kSplitsPerCommit = 8;

constexpr uint64_t levelOf(uint64_t buckets) {
    uint64_t level = kFirstBuckets;
    while (2 * level <= buckets) level *= 2;
    return level;
}

constexpr uint64_t bucketOf(uint64_t hash, uint64_t buckets) {
    const uint64_t level = levelOf(buckets);
    const uint64_t low = hash & (level - 1);
    return low < buckets - level ? hash & (2 * level - 1) : low;
}

// The bucket whose ids are shared out when bucket `buckets` is added.
constexpr uint64_t splitSource(uint64_t buckets) { return buckets - levelOf(buckets); }

// The bucket count `ids` ids want: a function of how many there are, never of which came first.
constexpr uint64_t bucketsFor(uint64_t ids) {
    return std::max(kFirstBuckets, (ids + kIdsPerBucket - 1) / kIdsPerBucket);
}

// Splits to make in a commit that brings the set to `ids` ids (`fresh` of them new) with `buckets` buckets now.
constexpr uint64_t splitsToMake(uint64_t buckets, uint64_t ids, uint64_t fresh) {
    const uint64_t wanted = bucketsFor(ids);
    return wanted <= buckets ? 0 : std::min(wanted - buckets, kSplitsPerCommit + fresh);
}

} // namespace alignkiosk::core::store_growth
