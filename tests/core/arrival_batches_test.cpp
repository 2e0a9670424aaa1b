// Newcomers to a shown dashboard are counted in batches of at least k per cell, never one by one.
#include "core/arrival_batches.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <set>
#include <string>
#include <vector>

namespace alignkiosk::core {
namespace {

StoredResponse row(int n) {
    StoredResponse response;
    char id[33];
    std::snprintf(id, sizeof id, "%032x", n);
    response.id = id;
    return response;
}

std::set<std::string> idsOf(const std::vector<StoredResponse>& rows) {
    std::set<std::string> ids;
    for (const StoredResponse& response : rows) ids.insert(response.id);
    return ids;
}

TEST(ArrivalBatches, BeforeTheDashboardIsShownEverythingCounts) {
    ArrivalBatches batches(5);
    std::vector<StoredResponse> now;
    for (int i = 0; i < 3; ++i) batches.arrive(row(i), std::size_t{0}, /*live=*/false, now);
    EXPECT_EQ(now.size(), 3u);
    EXPECT_EQ(batches.held(), 0u);
}

TEST(ArrivalBatches, NewcomersWaitPerCellUntilKHaveCome) {
    ArrivalBatches batches(3);
    std::vector<StoredResponse> now;
    batches.arrive(row(1), std::size_t{0}, true, now);
    batches.arrive(row(2), std::size_t{7}, true, now); // another cell: not its batch
    batches.arrive(row(3), std::size_t{0}, true, now);
    EXPECT_TRUE(now.empty());
    EXPECT_EQ(batches.held(), 3u);
    EXPECT_EQ(batches.heldPeople(5), 2u) << "cells 0 and 7: steps 0 and 1 of five groups; step 0 holds two";
    batches.releaseReady(now);
    EXPECT_TRUE(now.empty()) << "two in cell 0, one in cell 7";
    batches.arrive(row(4), std::size_t{0}, true, now);
    batches.arrive(row(5), std::size_t{0}, true, now);
    EXPECT_TRUE(now.empty()) << "released only when asked, once the store was read up to date";
    batches.releaseReady(now);
    EXPECT_EQ(idsOf(now), idsOf({row(1), row(3), row(4), row(5)})) << "everyone who came, not just the first k";
    EXPECT_EQ(batches.held(), 1u);
}

TEST(ArrivalBatches, RowsInNoCellAreNeverHeld) {
    ArrivalBatches batches(3);
    std::vector<StoredResponse> now;
    batches.arrive(row(1), std::nullopt, true, now); // another survey's row: it moves no figure of this one
    EXPECT_EQ(now.size(), 1u);
}

TEST(ArrivalBatches, AfterTheStoreDealsItsRowsAgainCountedRowsCountAndHeldRowsWait) {
    ArrivalBatches batches(3);
    std::vector<StoredResponse> now;
    for (int i = 0; i < 4; ++i) batches.arrive(row(i), std::size_t{0}, false, now); // shown: 0..3
    now.clear();
    batches.arrive(row(10), std::size_t{0}, true, now); // a newcomer, held
    batches.startOver();
    // Everything is read again, in another order: the four shown rows count at once, the newcomer is held again.
    for (int i : {10, 2, 0, 3, 1}) batches.arrive(row(i), std::size_t{0}, true, now);
    batches.releaseReady(now);
    EXPECT_EQ(idsOf(now), idsOf({row(0), row(1), row(2), row(3)}));
    EXPECT_EQ(batches.held(), 1u);
}

TEST(ArrivalBatches, KOfOneCountsEveryRowAtOnce) {
    ArrivalBatches batches(0); // taken as 1
    std::vector<StoredResponse> now;
    batches.arrive(row(1), std::size_t{0}, true, now);
    batches.releaseReady(now);
    EXPECT_EQ(now.size(), 1u);
}

} // namespace
} // namespace alignkiosk::core
