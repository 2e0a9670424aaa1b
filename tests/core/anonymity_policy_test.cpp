// The anonymity policy: groups below k hidden, the unnamed rest (no team) as a group of its own, and the differencing
// guard that keeps "everyone minus the shown teams" from revealing a hidden group. Expectations worked out by hand.
#include "core/anonymity_policy.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace alignkiosk::core {
namespace {

using Teams = std::vector<std::string>;

TEST(AnonymityPolicy, ATeamOfKIsShownAndATeamOfKMinusOneIsNot) {
    // k = 5. A (4) is hidden; with the 3 who chose no team the hidden answers number 7 >= 5, so nothing more hides.
    const Visibility visibility = decideVisibility({{"A", 4}, {"B", 5}, {"C", 7}, {"D", 6}}, 25, 5);
    EXPECT_TRUE(visibility.everyoneShown);
    EXPECT_EQ(visibility.shownTeams, (Teams{"B", "C", "D"}));
    EXPECT_EQ(visibility.hiddenTeams, 1u);
    EXPECT_EQ(visibility.hiddenByGuard, 0u); // A is hidden for its size
}

TEST(AnonymityPolicy, EveryoneAtExactlyKIsShownAndBelowKIsNot) {
    EXPECT_TRUE(decideVisibility({}, 5, 5).everyoneShown);
    EXPECT_FALSE(decideVisibility({}, 4, 5).everyoneShown);
    const Visibility one = decideVisibility({{"A", 5}}, 5, 5);
    EXPECT_TRUE(one.everyoneShown);
    EXPECT_EQ(one.shownTeams, (Teams{"A"}));
}

TEST(AnonymityPolicy, OneSmallTeamNextToShownTeamsMakesTheGuardHideTheNextSmallest) {
    // Everyone (24) minus B (10) minus C (12) would be A's 2 answers: B, the smallest shown team, is hidden too,
    // and A and B together (12) cannot be told apart.
    const Visibility visibility = decideVisibility({{"A", 2}, {"B", 10}, {"C", 12}}, 24, 5);
    EXPECT_TRUE(visibility.everyoneShown);
    EXPECT_EQ(visibility.shownTeams, (Teams{"C"}));
    EXPECT_EQ(visibility.hiddenTeams, 2u);
    EXPECT_EQ(visibility.hiddenByGuard, 1u); // B has 10 answers: hidden by the guard, not for its size
}

TEST(AnonymityPolicy, TheGuardHidesTheSmallestShownTeam) {
    // Hidden: A (1). The smallest shown team is B (5), not the first listed; hiding it makes 6 >= 5.
    const Visibility visibility = decideVisibility({{"D", 20}, {"C", 6}, {"A", 1}, {"B", 5}}, 32, 5);
    EXPECT_TRUE(visibility.everyoneShown);
    EXPECT_EQ(visibility.shownTeams, (Teams{"D", "C"}));
    EXPECT_EQ(visibility.hiddenTeams, 2u);
}

TEST(AnonymityPolicy, AmongEqualTeamsTheFirstListedIsHiddenFirst) {
    const Visibility visibility = decideVisibility({{"A", 6}, {"B", 3}, {"C", 6}}, 15, 5);
    EXPECT_EQ(visibility.shownTeams, (Teams{"C"}));
}

TEST(AnonymityPolicy, ASmallGroupWithoutATeamIsProtectedLikeATeam) {
    // 20 answered, the teams hold 18: the 2 who chose no team would be everyone minus A minus B.
    const Visibility visibility = decideVisibility({{"A", 10}, {"B", 8}}, 20, 5);
    EXPECT_TRUE(visibility.everyoneShown);
    EXPECT_EQ(visibility.shownTeams, (Teams{"A"}));
    EXPECT_EQ(visibility.hiddenTeams, 1u);
    EXPECT_EQ(visibility.hiddenByGuard, 1u); // B (8) hides for the 2 without a team
}

TEST(AnonymityPolicy, ARestOfKOrMoreNeedsNoGuard) {
    const Visibility visibility = decideVisibility({{"A", 10}}, 15, 5);
    EXPECT_TRUE(visibility.everyoneShown);
    EXPECT_EQ(visibility.shownTeams, (Teams{"A"}));
    EXPECT_EQ(visibility.hiddenTeams, 0u);
}

TEST(AnonymityPolicy, WhenEveryoneIsBelowKNothingIsShown) {
    const Visibility visibility = decideVisibility({{"A", 2}, {"B", 2}}, 4, 5);
    EXPECT_FALSE(visibility.everyoneShown);
    EXPECT_TRUE(visibility.shownTeams.empty());
    EXPECT_EQ(visibility.hiddenTeams, 2u);
}

TEST(AnonymityPolicy, EveryoneIsShownWhenHidingEveryTeamLeavesKTogether) {
    // A (2) and B (4): each below 5, together 6, and nobody else. Everyone (6) is shown; neither team is.
    const Visibility visibility = decideVisibility({{"A", 2}, {"B", 4}}, 6, 5);
    EXPECT_TRUE(visibility.everyoneShown);
    EXPECT_TRUE(visibility.shownTeams.empty());
    EXPECT_EQ(visibility.hiddenTeams, 2u);
}

TEST(AnonymityPolicy, KIsNeverBelowTheFloorOfThree) {
    // Asked for k = 1 (or 0), the policy uses 3: A (2) is hidden, and the guard hides B (3), the smallest shown.
    for (const uint32_t k : {0u, 1u, 2u, 3u}) {
        const Visibility visibility = decideVisibility({{"A", 2}, {"B", 3}, {"C", 4}}, 9, k);
        EXPECT_TRUE(visibility.everyoneShown) << k;
        EXPECT_EQ(visibility.shownTeams, (Teams{"C"})) << k;
        EXPECT_EQ(visibility.hiddenTeams, 2u) << k;
    }
    EXPECT_FALSE(decideVisibility({}, 2, 1).everyoneShown);
    EXPECT_EQ(AnonymityThresholds::kFloor, 3u);
}

TEST(AnonymityPolicy, TeamsWithoutAnswersAreNeitherShownNorCountedAsHidden) {
    const Visibility visibility = decideVisibility({{"A", 0}, {"B", 10}}, 10, 5);
    EXPECT_TRUE(visibility.everyoneShown);
    EXPECT_EQ(visibility.shownTeams, (Teams{"B"}));
    EXPECT_EQ(visibility.hiddenTeams, 0u);
}

TEST(AnonymityPolicy, ATotalBelowTheTeamsSumIsJudgedByTheSum) {
    const Visibility visibility = decideVisibility({{"A", 3}, {"B", 3}}, 0, 5);
    EXPECT_TRUE(visibility.everyoneShown);
    EXPECT_TRUE(visibility.shownTeams.empty());
}

TEST(AnonymityPolicy, NoShownSetLetsAHiddenGroupBeComputedBySubtraction) {
    // Every small case: whatever is shown, the hidden answers together (everyone minus the shown teams) are 0 or >= k.
    constexpr uint32_t k = 4;
    for (uint64_t a = 0; a < 9; ++a)
        for (uint64_t b = 0; b < 9; ++b)
            for (uint64_t c = 0; c < 9; ++c)
                for (uint64_t rest = 0; rest < 6; ++rest) {
                    const uint64_t total = a + b + c + rest;
                    const Visibility visibility = decideVisibility({{"A", a}, {"B", b}, {"C", c}}, total, k);
                    uint64_t shown = 0;
                    for (const std::string& team : visibility.shownTeams) {
                        const uint64_t n = team == "A" ? a : team == "B" ? b : c;
                        EXPECT_GE(n, k);
                        shown += n;
                    }
                    EXPECT_EQ(visibility.everyoneShown, total >= k);
                    if (visibility.everyoneShown) {
                        const uint64_t hidden = total - shown;
                        EXPECT_TRUE(hidden == 0 || hidden >= k) << a << " " << b << " " << c << " " << rest;
                    } else {
                        EXPECT_TRUE(visibility.shownTeams.empty());
                    }
                }
}

} // namespace
} // namespace alignkiosk::core
