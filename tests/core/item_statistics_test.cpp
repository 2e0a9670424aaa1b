// Item statistics against values worked out by hand (the arithmetic is in the comments). Counts are per scale point:
// {1,2,3,2,2} on a 1..5 scale means one 1, two 2s, three 3s, two 4s and two 5s.
#include "core/item_statistics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string>
#include <vector>

namespace alignkiosk::core {
namespace {

constexpr double kTight = 1e-12;
constexpr double kHand = 1e-6; // for values whose hand arithmetic was rounded to six places

ScaleDistribution distribution(std::initializer_list<uint64_t> counts, int scaleMin = 1) {
    ScaleDistribution result;
    result.scaleMin = scaleMin;
    result.counts = counts;
    return result;
}

TEST(ItemStatisticsDistribution, CountsPointsAndRange) {
    const ScaleDistribution zeroToTen = distribution({0, 0, 0, 0, 0, 0, 0, 2, 1, 0, 1}, 0);
    EXPECT_EQ(zeroToTen.n(), 4u);
    EXPECT_EQ(zeroToTen.points(), 11);
    EXPECT_EQ(zeroToTen.scaleMax(), 10);
    EXPECT_EQ(distribution({}).n(), 0u);
}

TEST(ItemStatisticsNullVariance, IsASquaredMinusOneOverTwelve) {
    EXPECT_NEAR(uniformNullVariance(5), 2.0, kTight);        // (25 - 1) / 12
    EXPECT_NEAR(uniformNullVariance(7), 4.0, kTight);        // (49 - 1) / 12
    EXPECT_NEAR(uniformNullVariance(3), 8.0 / 12.0, kTight); // (9 - 1) / 12
    EXPECT_NEAR(uniformNullVariance(11), 10.0, kTight);      // (121 - 1) / 12
    EXPECT_EQ(uniformNullVariance(1), 0.0);
    EXPECT_EQ(uniformNullVariance(0), 0.0);
}

// Seven people all answer 3 on 1..5.
TEST(ItemStatistics, AllAgree) {
    const ItemStatistics s = computeItemStatistics(distribution({0, 0, 7, 0, 0}));
    EXPECT_EQ(s.n, 7u);
    EXPECT_NEAR(s.mean, 3.0, kTight);
    EXPECT_NEAR(s.median, 3.0, kTight);
    EXPECT_NEAR(s.sd, 0.0, kTight);
    ASSERT_TRUE(s.hasRwg);
    EXPECT_NEAR(s.rwg, 1.0, kTight); // 1 - 0 / 2
    EXPECT_NEAR(s.ad, 0.0, kTight);
    EXPECT_NEAR(s.adThreshold, 5.0 / 6.0, kTight);
    EXPECT_TRUE(s.adAcceptable);
    EXPECT_NEAR(s.consensus, 1.0, kTight); // 1 + 1 * log2(1 - 0 / 4)
    EXPECT_EQ(s.agreement, AgreementLevel::VeryStrong);
}

// Five answer 1, five answer 5 on 1..5.
TEST(ItemStatistics, EvenSplitBetweenExtremes) {
    const ItemStatistics s = computeItemStatistics(distribution({5, 0, 0, 0, 5}));
    EXPECT_EQ(s.n, 10u);
    EXPECT_NEAR(s.mean, 3.0, kTight); // (5*1 + 5*5) / 10
    EXPECT_NEAR(s.median, 3.0, kTight); // ranks 5 and 6 are 1 and 5 -> (1 + 5) / 2
    // SS = 10 * (+-2)^2 = 40, s^2 = 40 / 9 = 4.444..., sd = 2.108185
    EXPECT_NEAR(s.sd, std::sqrt(40.0 / 9.0), kTight);
    ASSERT_TRUE(s.hasRwg);
    EXPECT_EQ(s.rwg, 0.0); // 1 - 4.444 / 2 < 0 -> truncated to 0
    EXPECT_EQ(s.agreement, AgreementLevel::None);
    EXPECT_NEAR(s.ad, 2.0, kTight); // every answer is 2 from the mean
    EXPECT_FALSE(s.adAcceptable);   // 2 > 5/6
    // 1 + 0.5 log2(1 - 2/4) + 0.5 log2(1 - 2/4) = 1 - 0.5 - 0.5 = 0
    EXPECT_NEAR(s.consensus, 0.0, kTight);
}

// One answer on each point of 1..5.
TEST(ItemStatistics, UniformSpread) {
    const ItemStatistics s = computeItemStatistics(distribution({1, 1, 1, 1, 1}));
    EXPECT_NEAR(s.mean, 3.0, kTight);
    EXPECT_NEAR(s.median, 3.0, kTight); // odd n = 5: rank 3
    // SS = 4 + 1 + 0 + 1 + 4 = 10, s^2 = 10 / 4 = 2.5 > sigma^2_EU = 2 -> rwg truncated to 0
    EXPECT_NEAR(s.sd, std::sqrt(2.5), kTight);
    ASSERT_TRUE(s.hasRwg);
    EXPECT_EQ(s.rwg, 0.0);
    EXPECT_EQ(s.agreement, AgreementLevel::None);
    EXPECT_NEAR(s.ad, 1.2, kTight); // (2 + 1 + 0 + 1 + 2) / 5
    EXPECT_FALSE(s.adAcceptable);   // 1.2 > .8333
    // d = 4: 1 - |x - 3|/4 = .5, .75, 1, .75, .5; log2 = -1, -.415037, 0, -.415037, -1; sum = -2.830075
    // Cns = 1 + .2 * -2.830075 = .433985
    EXPECT_NEAR(s.consensus, 0.433985, kHand);
}

// Counts {1,2,3,2,2} on 1..5: every statistic by hand.
TEST(ItemStatistics, SmallMixedCase) {
    const ItemStatistics s = computeItemStatistics(distribution({1, 2, 3, 2, 2}));
    EXPECT_EQ(s.n, 10u);
    // sum = 1 + 4 + 9 + 8 + 10 = 32, mean = 3.2
    EXPECT_NEAR(s.mean, 3.2, kTight);
    // cumulative 1, 3, 6, ...: ranks 5 and 6 are both 3
    EXPECT_NEAR(s.median, 3.0, kTight);
    // deviations -2.2, -1.2, -.2, .8, 1.8; squares 4.84, 1.44, .04, .64, 3.24
    // SS = 4.84 + 2*1.44 + 3*.04 + 2*.64 + 2*3.24 = 4.84 + 2.88 + .12 + 1.28 + 6.48 = 15.6
    // s^2 = 15.6 / 9 = 1.733333, sd = 1.316561
    EXPECT_NEAR(s.sd, std::sqrt(15.6 / 9.0), kTight);
    EXPECT_NEAR(s.sd, 1.316561, kHand);
    // rwg = 1 - 1.733333 / 2 = .133333 -> none
    ASSERT_TRUE(s.hasRwg);
    EXPECT_NEAR(s.rwg, 1.0 - (15.6 / 9.0) / 2.0, kTight);
    EXPECT_NEAR(s.rwg, 0.133333, kHand);
    EXPECT_EQ(s.agreement, AgreementLevel::None);
    // AD = (2.2 + 2*1.2 + 3*.2 + 2*.8 + 2*1.8) / 10 = (2.2 + 2.4 + .6 + 1.6 + 3.6) / 10 = 1.04 > 5/6
    EXPECT_NEAR(s.ad, 1.04, kTight);
    EXPECT_NEAR(s.adThreshold, 0.833333, kHand);
    EXPECT_FALSE(s.adAcceptable);
    // d = 4: 1 - |dev|/4 = .45, .7, .95, .8, .55
    // log2: -1.152003, -.514573, -.074001, -.321928, -.862496
    // p * log2: -.1152003 - .1029146 - .0222003 - .0643856 - .1724992 = -.4772000
    // Cns = .5228000
    EXPECT_NEAR(s.consensus, 0.522800, kHand);
}

TEST(ItemStatistics, MedianOddAndEven) {
    // n = 3 (1, 2, 3): rank 2 -> 2
    EXPECT_NEAR(computeItemStatistics(distribution({1, 1, 1, 0, 0})).median, 2.0, kTight);
    // n = 3 (4, 4, 5): rank 2 -> 4
    EXPECT_NEAR(computeItemStatistics(distribution({0, 0, 0, 2, 1})).median, 4.0, kTight);
    // n = 2 (1, 2): ranks 1 and 2 -> 1.5
    EXPECT_NEAR(computeItemStatistics(distribution({1, 1, 0, 0, 0})).median, 1.5, kTight);
    // n = 4 (2, 2, 4, 4): ranks 2 and 3 -> 2 and 4 -> 3, a value nobody chose
    EXPECT_NEAR(computeItemStatistics(distribution({0, 2, 0, 2, 0})).median, 3.0, kTight);
    // n = 4 (1, 5, 5, 5): ranks 2 and 3 are both 5
    EXPECT_NEAR(computeItemStatistics(distribution({1, 0, 0, 0, 3})).median, 5.0, kTight);
}

// One answer (4 on 1..5): a position, but no agreement to speak of.
TEST(ItemStatistics, SingleAnswer) {
    const ItemStatistics s = computeItemStatistics(distribution({0, 0, 0, 1, 0}));
    EXPECT_EQ(s.n, 1u);
    EXPECT_NEAR(s.mean, 4.0, kTight);
    EXPECT_NEAR(s.median, 4.0, kTight);
    EXPECT_EQ(s.sd, 0.0); // n - 1 = 0: defined as 0
    EXPECT_FALSE(s.hasRwg);
    EXPECT_EQ(s.rwg, 0.0);
    EXPECT_EQ(s.agreement, AgreementLevel::Unknown);
    EXPECT_EQ(s.ad, 0.0);
    EXPECT_NEAR(s.adThreshold, 5.0 / 6.0, kTight);
    EXPECT_FALSE(s.adAcceptable); // one answer agrees with nobody
    EXPECT_NEAR(s.consensus, 1.0, kTight); // 1 + 1 * log2(1)
}

TEST(ItemStatistics, NoAnswersGivesZerosAndUnknown) {
    for (const ScaleDistribution& empty : {distribution({0, 0, 0, 0, 0}), distribution({})}) {
        const ItemStatistics s = computeItemStatistics(empty);
        EXPECT_EQ(s.n, 0u);
        EXPECT_EQ(s.mean, 0.0);
        EXPECT_EQ(s.sd, 0.0);
        EXPECT_EQ(s.median, 0.0);
        EXPECT_FALSE(s.hasRwg);
        EXPECT_EQ(s.rwg, 0.0);
        EXPECT_EQ(s.ad, 0.0);
        EXPECT_EQ(s.adThreshold, 0.0);
        EXPECT_FALSE(s.adAcceptable);
        EXPECT_EQ(s.consensus, 0.0);
        EXPECT_EQ(s.agreement, AgreementLevel::Unknown);
    }
}

// 1..7, answers 3, 4, 4, 5.
TEST(ItemStatistics, SevenPointScale) {
    const ItemStatistics s = computeItemStatistics(distribution({0, 0, 1, 2, 1, 0, 0}));
    EXPECT_NEAR(s.mean, 4.0, kTight);
    EXPECT_NEAR(s.median, 4.0, kTight); // ranks 2 and 3: 4 and 4
    // SS = 1 + 0 + 0 + 1 = 2, s^2 = 2/3; sigma^2_EU = (49 - 1)/12 = 4; rwg = 1 - (2/3)/4 = 5/6 = .833333 -> strong
    EXPECT_NEAR(s.sd, std::sqrt(2.0 / 3.0), kTight);
    EXPECT_NEAR(s.rwg, 5.0 / 6.0, kTight);
    EXPECT_EQ(s.agreement, AgreementLevel::Strong);
    // AD = (1 + 0 + 0 + 1) / 4 = .5 <= 7/6 = 1.166667
    EXPECT_NEAR(s.ad, 0.5, kTight);
    EXPECT_NEAR(s.adThreshold, 7.0 / 6.0, kTight);
    EXPECT_TRUE(s.adAcceptable);
    // d = 6: 1 - 1/6 = 5/6 for 3 and 5, 1 for 4; Cns = 1 + .5 log2(5/6) = 1 + .5 * -.263034 = .868483
    EXPECT_NEAR(s.consensus, 0.868483, kHand);
}

// 1..3, answers 1, 2, 2, 2.
TEST(ItemStatistics, ThreePointScale) {
    const ItemStatistics s = computeItemStatistics(distribution({1, 3, 0}));
    EXPECT_NEAR(s.mean, 1.75, kTight); // 7 / 4
    EXPECT_NEAR(s.median, 2.0, kTight); // ranks 2 and 3: 2 and 2
    // deviations -.75, +.25 (x3); SS = .5625 + 3 * .0625 = .75; s^2 = .25; sd = .5
    EXPECT_NEAR(s.sd, 0.5, kTight);
    // sigma^2_EU = (9 - 1)/12 = 2/3; rwg = 1 - .25 / (2/3) = 1 - .375 = .625 -> moderate
    EXPECT_NEAR(s.rwg, 0.625, kTight);
    EXPECT_EQ(s.agreement, AgreementLevel::Moderate);
    // AD = (.75 + 3 * .25) / 4 = .375 <= 3/6 = .5
    EXPECT_NEAR(s.ad, 0.375, kTight);
    EXPECT_NEAR(s.adThreshold, 0.5, kTight);
    EXPECT_TRUE(s.adAcceptable);
    // {1,2,1} (1, 2, 2, 3): AD = (1 + 0 + 0 + 1) / 4 = .5, exactly c/6: still acceptable (AD <= c/6)
    const ItemStatistics edge = computeItemStatistics(distribution({1, 2, 1}));
    EXPECT_NEAR(edge.ad, 0.5, kTight);
    EXPECT_TRUE(edge.adAcceptable);
    // d = 2: 1 - .75/2 = .625, 1 - .25/2 = .875
    // Cns = 1 + .25 log2(.625) + .75 log2(.875) = 1 + .25 * -.678072 + .75 * -.192645 = 1 - .169518 - .144484 = .685998
    EXPECT_NEAR(s.consensus, 0.685998, kHand);
}

// 0..10 (11 points), answers 7, 7, 8, 10.
TEST(ItemStatistics, ScaleStartingAtZero) {
    const ItemStatistics s = computeItemStatistics(distribution({0, 0, 0, 0, 0, 0, 0, 2, 1, 0, 1}, 0));
    EXPECT_NEAR(s.mean, 8.0, kTight);   // 32 / 4
    EXPECT_NEAR(s.median, 7.5, kTight); // ranks 2 and 3: 7 and 8
    // deviations -1, -1, 0, 2; SS = 6; s^2 = 2; sigma^2_EU = (121 - 1)/12 = 10; rwg = 1 - .2 = .8 -> strong
    EXPECT_NEAR(s.sd, std::sqrt(2.0), kTight);
    EXPECT_NEAR(s.rwg, 0.8, kTight);
    EXPECT_EQ(s.agreement, AgreementLevel::Strong);
    // AD = (1 + 1 + 0 + 2) / 4 = 1 <= 11/6 = 1.833333
    EXPECT_NEAR(s.ad, 1.0, kTight);
    EXPECT_NEAR(s.adThreshold, 11.0 / 6.0, kTight);
    EXPECT_TRUE(s.adAcceptable);
    // d = 10: 1 - 1/10 = .9 (p .5), 1 (p .25), 1 - 2/10 = .8 (p .25)
    // Cns = 1 + .5 * -.152003 + .25 * -.321928 = 1 - .0760015 - .080482 = .843516
    EXPECT_NEAR(s.consensus, 0.843516, kHand);
}

// Moving the whole scale moves mean and median only; spread and agreement stay.
TEST(ItemStatistics, ShiftedScaleKeepsSpreadAndAgreement) {
    const ItemStatistics zeroBased = computeItemStatistics(distribution({0, 0, 0, 0, 0, 0, 0, 2, 1, 0, 1}, 0));
    const ItemStatistics negative = computeItemStatistics(distribution({0, 0, 0, 0, 0, 0, 0, 2, 1, 0, 1}, -5));
    EXPECT_NEAR(negative.mean, 3.0, kTight);   // 8 - 5
    EXPECT_NEAR(negative.median, 2.5, kTight); // 7.5 - 5
    EXPECT_NEAR(negative.sd, zeroBased.sd, kTight);
    EXPECT_NEAR(negative.rwg, zeroBased.rwg, kTight);
    EXPECT_NEAR(negative.ad, zeroBased.ad, kTight);
    EXPECT_NEAR(negative.consensus, zeroBased.consensus, kTight);
}

TEST(ItemStatisticsBands, EdgesFollowThePrintedTable) {
    // none [0, .30), weak [.30, .50], moderate (.50, .70], strong (.70, .90], very strong (.90, 1]
    EXPECT_EQ(agreementLevel(0.0), AgreementLevel::None);
    EXPECT_EQ(agreementLevel(0.2999), AgreementLevel::None);
    EXPECT_EQ(agreementLevel(0.30), AgreementLevel::Weak);
    EXPECT_EQ(agreementLevel(0.50), AgreementLevel::Weak);
    EXPECT_EQ(agreementLevel(0.505), AgreementLevel::Moderate);
    EXPECT_EQ(agreementLevel(0.51), AgreementLevel::Moderate);
    EXPECT_EQ(agreementLevel(0.70), AgreementLevel::Moderate);
    EXPECT_EQ(agreementLevel(0.705), AgreementLevel::Strong);
    EXPECT_EQ(agreementLevel(0.71), AgreementLevel::Strong);
    EXPECT_EQ(agreementLevel(0.90), AgreementLevel::Strong);
    EXPECT_EQ(agreementLevel(0.905), AgreementLevel::VeryStrong);
    EXPECT_EQ(agreementLevel(0.91), AgreementLevel::VeryStrong);
    EXPECT_EQ(agreementLevel(1.0), AgreementLevel::VeryStrong);
    EXPECT_EQ(agreementLevel(std::nan("")), AgreementLevel::Unknown);
}

// Distributions whose rwg is exactly a band edge on paper land where the table puts them, whatever the last bit.
TEST(ItemStatisticsBands, ComputedEdgesOnFivePoints) {
    // {1,3,3,3,1}: mean 3, SS = 4 + 3 + 0 + 3 + 4 = 14, s^2 = 14/10 = 1.4, rwg = 1 - 1.4/2 = .30 -> weak
    const ItemStatistics thirty = computeItemStatistics(distribution({1, 3, 3, 3, 1}));
    EXPECT_NEAR(thirty.rwg, 0.30, kTight);
    EXPECT_EQ(thirty.agreement, AgreementLevel::Weak);
    // {0,1,1,1,0}: mean 3, SS = 2, s^2 = 2/2 = 1, rwg = .50 -> weak
    const ItemStatistics fifty = computeItemStatistics(distribution({0, 1, 1, 1, 0}));
    EXPECT_NEAR(fifty.rwg, 0.50, kTight);
    EXPECT_EQ(fifty.agreement, AgreementLevel::Weak);
    // {0,3,5,3,0}: mean 3, SS = 6, s^2 = 6/10 = .6, rwg = .70 -> moderate
    const ItemStatistics seventy = computeItemStatistics(distribution({0, 3, 5, 3, 0}));
    EXPECT_NEAR(seventy.rwg, 0.70, kTight);
    EXPECT_EQ(seventy.agreement, AgreementLevel::Moderate);
    // {0,1,9,1,0}: mean 3, SS = 2, s^2 = 2/10 = .2, rwg = .90 -> strong
    const ItemStatistics ninety = computeItemStatistics(distribution({0, 1, 9, 1, 0}));
    EXPECT_NEAR(ninety.rwg, 0.90, kTight);
    EXPECT_EQ(ninety.agreement, AgreementLevel::Strong);
    // {1,0,3,0,1}: mean 3, SS = 8, s^2 = 8/4 = 2 = sigma^2_EU, rwg = 0 exactly (not truncated) -> none
    const ItemStatistics zero = computeItemStatistics(distribution({1, 0, 3, 0, 1}));
    EXPECT_NEAR(zero.rwg, 0.0, kTight);
    EXPECT_EQ(zero.agreement, AgreementLevel::None);
}

TEST(ItemStatisticsBands, LabelsAndNote) {
    EXPECT_STREQ(agreementLabel(AgreementLevel::Unknown), "unknown");
    EXPECT_STREQ(agreementLabel(AgreementLevel::None), "none");
    EXPECT_STREQ(agreementLabel(AgreementLevel::Weak), "weak");
    EXPECT_STREQ(agreementLabel(AgreementLevel::Moderate), "moderate");
    EXPECT_STREQ(agreementLabel(AgreementLevel::Strong), "strong");
    EXPECT_STREQ(agreementLabel(AgreementLevel::VeryStrong), "very strong");
    const std::string note = agreementBandsNote();
    EXPECT_NE(note.find("LeBreton & Senter 2008"), std::string::npos);
    EXPECT_NE(note.find(".30"), std::string::npos);
    EXPECT_NE(note.find(".90"), std::string::npos);
}

// Three 1..5 items: {0,1,1,1,0} (2, 3, 4: s^2 = 2/2 = 1), {0,0,3,0,0} (s^2 = 0), {1,0,3,0,1} (1, 3, 3, 3, 5: s^2 = 8/4 = 2).
// mean s^2 = (1 + 0 + 2) / 3 = 1; r = 1 / sigma^2_EU = 1/2; rwg(J) = 3 * .5 / (3 * .5 + .5) = 1.5 / 2 = .75
TEST(ItemStatisticsRwgJ, ThreeItemsByHand) {
    double rwgJ = -1.0;
    ASSERT_TRUE(computeRwgJ({distribution({0, 1, 1, 1, 0}), distribution({0, 0, 3, 0, 0}), distribution({1, 0, 3, 0, 1})},
                            rwgJ));
    EXPECT_NEAR(rwgJ, 0.75, kTight);
}

// An item with a single answer has no s^2 and does not count in J: the result is the three-item one.
TEST(ItemStatisticsRwgJ, SkipsItemsWithoutVariance) {
    double rwgJ = -1.0;
    ASSERT_TRUE(computeRwgJ({distribution({0, 1, 1, 1, 0}), distribution({0, 0, 0, 1, 0}), distribution({0, 0, 3, 0, 0}),
                             distribution({1, 0, 3, 0, 1}), distribution({0, 0, 0, 0, 0})},
                            rwgJ));
    EXPECT_NEAR(rwgJ, 0.75, kTight);
}

TEST(ItemStatisticsRwgJ, PerfectAgreementAndTruncation) {
    double rwgJ = -1.0;
    // s^2 = 0 everywhere: r = 0, rwg(J) = J / J = 1
    ASSERT_TRUE(computeRwgJ({distribution({0, 0, 4, 0, 0}), distribution({0, 2, 0, 0, 0})}, rwgJ));
    EXPECT_NEAR(rwgJ, 1.0, kTight);
    // {5,0,0,0,5}: s^2 = 40/9; {1,1,1,1,1}: s^2 = 2.5; mean = (4.444 + 2.5) / 2 = 3.472 > 2 -> r > 1 -> 0
    ASSERT_TRUE(computeRwgJ({distribution({5, 0, 0, 0, 5}), distribution({1, 1, 1, 1, 1})}, rwgJ));
    EXPECT_EQ(rwgJ, 0.0);
    // One item alone: rwg(1) = (1 - r) / ((1 - r) + r) = 1 - r = the item's rwg. {1,2,3,2,2}: 1 - 1.733333/2
    ASSERT_TRUE(computeRwgJ({distribution({1, 2, 3, 2, 2})}, rwgJ));
    EXPECT_NEAR(rwgJ, 1.0 - (15.6 / 9.0) / 2.0, kTight);
}

TEST(ItemStatisticsRwgJ, FalseWithoutAnyItemOfTwoAnswers) {
    double rwgJ = -1.0;
    EXPECT_FALSE(computeRwgJ({}, rwgJ));
    EXPECT_EQ(rwgJ, 0.0);
    rwgJ = -1.0;
    EXPECT_FALSE(computeRwgJ({distribution({0, 1, 0, 0, 0}), distribution({0, 0, 0, 0, 0})}, rwgJ));
    EXPECT_EQ(rwgJ, 0.0);
}

// {1,2,3,2,2} with every count times 1e9 (n = 1e10). Mean, median, AD and Cns depend on proportions only and come out
// the same; s^2 divides by n - 1, so it becomes SS / (n - 1) = 15.6e9 / (1e10 - 1) = 1.560000000156.
TEST(ItemStatisticsLargeCounts, BillionPerPointMatchesProportions) {
    constexpr uint64_t kBillion = 1'000'000'000;
    const ItemStatistics small = computeItemStatistics(distribution({1, 2, 3, 2, 2}));
    const ItemStatistics huge =
        computeItemStatistics(distribution({kBillion, 2 * kBillion, 3 * kBillion, 2 * kBillion, 2 * kBillion}));
    EXPECT_EQ(huge.n, 10 * kBillion);
    EXPECT_EQ(huge.mean, small.mean);
    EXPECT_EQ(huge.median, small.median);
    EXPECT_NEAR(huge.ad, small.ad, kTight);
    EXPECT_NEAR(huge.consensus, small.consensus, kTight);
    EXPECT_NEAR(huge.sd * huge.sd, 15.6e9 / (1e10 - 1.0), 1e-12);
    EXPECT_NEAR(huge.rwg, 1.0 - 15.6e9 / (1e10 - 1.0) / 2.0, 1e-12); // .219999999922
    EXPECT_EQ(huge.agreement, AgreementLevel::None);

    // A billion on every point of a 101-point (0..100) scale: the uniform case, finite all through.
    ScaleDistribution percent;
    percent.scaleMin = 0;
    percent.counts.assign(101, kBillion);
    const ItemStatistics flat = computeItemStatistics(percent);
    EXPECT_EQ(flat.n, 101 * kBillion);
    EXPECT_EQ(flat.mean, 50.0);
    EXPECT_EQ(flat.median, 50.0);
    // population variance of 0..100 is (101^2 - 1)/12 = 850 = sigma^2_EU; s^2 is a hair above it -> rwg 0
    EXPECT_TRUE(std::isfinite(flat.sd));
    EXPECT_NEAR(flat.sd * flat.sd, 850.0, 1e-6);
    EXPECT_EQ(flat.rwg, 0.0);
    // AD of the uniform 0..100 = 2 * (1 + ... + 50) / 101 = 2550 / 101
    EXPECT_NEAR(flat.ad, 2550.0 / 101.0, 1e-9);
    EXPECT_TRUE(std::isfinite(flat.consensus));
    EXPECT_GT(flat.consensus, 0.0);
    EXPECT_LT(flat.consensus, 1.0);
}

// One dissenter at the far end among very many: 1 - |5 - mu|/4 = 1/(N + 1) is tiny but not 0, and the term
// p log2 p -> 0. Cns = 1 + (1 - p) log2(1 - p) + p log2 p with p = 1/(N + 1).
TEST(ItemStatisticsLargeCounts, LoneDissenterStaysFinite) {
    // 1e19 is about the largest count whose n still fits in 64 bits; there 1 - |5 - mu|/4 is about 1e-19.
    for (uint64_t many : {uint64_t{1'000'000'000}, uint64_t{1'000'000'000'000'000'000},
                          uint64_t{10'000'000'000'000'000'000u}}) {
        const ItemStatistics s = computeItemStatistics(distribution({many, 0, 0, 0, 1}));
        const double p = 1.0 / (static_cast<double>(many) + 1.0);
        const double expected = 1.0 + (1.0 - p) * std::log2(1.0 - p) + p * std::log2(p);
        EXPECT_TRUE(std::isfinite(s.consensus));
        EXPECT_NEAR(s.consensus, expected, 1e-12);
        EXPECT_TRUE(std::isfinite(s.sd));
        EXPECT_TRUE(std::isfinite(s.rwg));
        EXPECT_NEAR(s.median, 1.0, kTight);
    }
    // At N = 1e9 the dissent still shows: Cns = 1 - 3.13e-8 (p log2 p = -2.99e-8, (1 - p) log2(1 - p) = -1.44e-9).
    EXPECT_LT(computeItemStatistics(distribution({1'000'000'000, 0, 0, 0, 1})).consensus, 1.0 - 3e-8);
}

// A one-point scale is degenerate: nothing to disagree about, and no rwg (sigma^2_EU = 0).
TEST(ItemStatistics, OnePointScale) {
    const ItemStatistics s = computeItemStatistics(distribution({4}, 3));
    EXPECT_NEAR(s.mean, 3.0, kTight);
    EXPECT_FALSE(s.hasRwg);
    EXPECT_EQ(s.agreement, AgreementLevel::Unknown);
    EXPECT_EQ(s.consensus, 1.0);
    EXPECT_EQ(s.ad, 0.0);
}

} // namespace
} // namespace alignkiosk::core
