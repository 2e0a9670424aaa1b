// The store's growth policy on its own: how many slots a commit deals, and how ids find their bucket while the set
// of delivered ids grows one bucket at a time.
#include "core/store_growth.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

namespace alignkiosk::core::store_growth {
namespace {

// [SECTION] Slot classes

TEST(StoreGrowth, TheLadderIsTheOneOlderStoresGrewAlong) {
    // Schema v5 grew a class from 64 by half (capacity += capacity / 2): the same rungs, so its stores are at rest.
    std::vector<uint64_t> rungs;
    for (uint64_t capacity = 0; rungs.size() < 6; capacity = rungAbove(capacity)) rungs.push_back(capacity);
    EXPECT_EQ(rungs, (std::vector<uint64_t>{0, 64, 96, 144, 216, 324}));
    for (uint64_t old = 64; old < 10'000'000; old += old / 2) EXPECT_TRUE(atRest(old)) << old;
    EXPECT_TRUE(atRest(0));
    EXPECT_FALSE(atRest(1));
    EXPECT_FALSE(atRest(65));
    EXPECT_FALSE(atRest(215));
}

TEST(StoreGrowth, AClassAtRestDealsNothingUntilItWouldBeEightTenthsFull) {
    EXPECT_EQ(slotsToDeal(96, 10, 0), 0u);
    EXPECT_EQ(slotsToDeal(96, 70, 6), 0u);   // 76 of 96: under 8/10
    EXPECT_EQ(slotsToDeal(96, 70, 7), 30u);  // 77 of 96: on towards the next rung, 144, at 16 + 2 per row
    EXPECT_EQ(slotsToDeal(130, 70, 7), 14u); // the rest of the way to 144
    EXPECT_EQ(slotsToDeal(0, 0, 1), 18u);    // a class's first row
    EXPECT_EQ(slotsToDeal(100, 10, 1), 18u); // between rungs: a growth in progress goes on, however empty
}

// Commits of random sizes from an empty class to two million rows: no commit deals more than its budget, the class
// is never more than 9/10 full (hardly more than 8/10 once commits are small beside it), and the big growths take
// many commits (each deals only part of one).
TEST(StoreGrowth, EveryCommitDealsABoundedNumberOfSlotsAndTheLoadStaysUnderNineTenths) {
    std::mt19937_64 random(7);
    uint64_t capacity = 0, used = 0, commitsMidGrowth = 0;
    double highestLoad = 0;
    while (used < 2'000'000) {
        const uint64_t more = random() % 8 == 0 ? 1 + random() % 600 : 1 + random() % 6;
        const uint64_t deal = slotsToDeal(capacity, used, more);
        ASSERT_LE(deal, dealBudget(more)) << capacity << " " << used << " " << more;
        capacity += deal;
        used += more;
        ASSERT_LE(10 * used, 9 * capacity);
        if (capacity > 100'000) // where a commit is small beside the class
            highestLoad = std::max(highestLoad, static_cast<double>(used) / static_cast<double>(capacity));
        commitsMidGrowth += atRest(capacity) ? 0 : 1;
    }
    EXPECT_LE(highestLoad, 0.85);
    EXPECT_GT(commitsMidGrowth, 1000u);
}

// A bulk import (one commit of many rows) deals as far as it needs, and no more than its budget.
TEST(StoreGrowth, ABigCommitDealsWhatItNeeds) {
    const uint64_t deal = slotsToDeal(64, 50, 10'000);
    EXPECT_LE(10 * (50 + 10'000), 9 * (64 + deal));
    EXPECT_LE(deal, dealBudget(10'000));
}

// [SECTION] Delivered ids

TEST(StoreGrowth, WithAPowerOfTwoBucketsAnIdsBucketIsItsHashModTheBuckets) {
    std::mt19937_64 random(3);
    for (uint64_t buckets = kFirstBuckets; buckets <= (1u << 20); buckets *= 2)
        for (int i = 0; i < 1000; ++i) {
            const uint64_t hash = random();
            ASSERT_EQ(bucketOf(hash, buckets), hash % buckets); // schema v5's addressing
        }
}

// Adding bucket B moves ids only out of splitSource(B) and only into B: every other id stays where it was.
TEST(StoreGrowth, AddingABucketSplitsExactlyOne) {
    std::mt19937_64 random(5);
    std::vector<uint64_t> hashes(4000);
    for (uint64_t& hash : hashes) hash = random();
    for (uint64_t buckets = kFirstBuckets; buckets < 300; ++buckets) {
        const uint64_t source = splitSource(buckets);
        ASSERT_LT(source, buckets);
        std::size_t moved = 0;
        for (const uint64_t hash : hashes) {
            const uint64_t before = bucketOf(hash, buckets), after = bucketOf(hash, buckets + 1);
            ASSERT_LT(before, buckets);
            ASSERT_LT(after, buckets + 1);
            if (before == after) continue;
            ASSERT_EQ(before, source) << buckets;
            ASSERT_EQ(after, buckets) << buckets;
            ++moved;
        }
        EXPECT_GT(moved, 0u) << buckets; // about half of the source's ids
    }
}

TEST(StoreGrowth, TheBucketCountFollowsTheIdsInBoundedSteps) {
    EXPECT_EQ(bucketsFor(0), kFirstBuckets);
    EXPECT_EQ(bucketsFor(256), 16u);
    EXPECT_EQ(bucketsFor(257), 17u);
    EXPECT_EQ(bucketsFor(1500), 94u);
    EXPECT_EQ(splitsToMake(16, 257, 1), 1u);
    EXPECT_EQ(splitsToMake(94, 1500, 1), 0u);
    // A v5 set at 32 ids a bucket catches up a few buckets per commit, not all at once.
    EXPECT_EQ(splitsToMake(1024, 32 * 1024 + 1, 1), kSplitsPerCommit + 1);
}

} // namespace
} // namespace alignkiosk::core::store_growth
