#include "collection/join_throttle.h"

#include <gtest/gtest.h>

#include <chrono>

namespace alignkiosk::collection {
namespace {

using namespace std::chrono_literals;
using std::chrono::milliseconds;
using std::chrono::steady_clock;

// A clock the test moves by hand.
struct FakeClock {
    steady_clock::time_point now = steady_clock::time_point(1000h);
    JoinThrottle::Clock function() {
        return [this] { return now; };
    }
};

JoinThrottlePolicy policy() {
    JoinThrottlePolicy p;
    p.freeWrongCodes = 3;
    p.firstWait = 1s;
    p.maxWait = 8s;
    p.forgetAfter = 10min;
    return p;
}

// docs/collection-protocol.md states these.
TEST(JoinThrottleTest, TheDefaultsAreTheDocumentedOnes) {
    const JoinThrottlePolicy defaults;
    EXPECT_EQ(defaults.freeWrongCodes, 5u);
    EXPECT_EQ(defaults.firstWait, 1s);
    EXPECT_EQ(defaults.maxWait, 60s);
    EXPECT_EQ(defaults.forgetAfter, 10min);
}

TEST(JoinThrottleTest, TheFirstWrongCodesAreFree) {
    FakeClock clock;
    JoinThrottle throttle(policy(), clock.function());
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(throttle.waitBeforeTry(), 0ms);
        EXPECT_EQ(throttle.recordWrongCode(), 0ms);
    }
    EXPECT_EQ(throttle.waitBeforeTry(), 0ms);
    EXPECT_EQ(throttle.wrongCodes(), 3u);
}

// The timeline: after the free ones, each wrong code doubles the wait up to the cap, and every join waits meanwhile.
TEST(JoinThrottleTest, WaitsDoubleUpToTheCap) {
    FakeClock clock;
    JoinThrottle throttle(policy(), clock.function());
    for (int i = 0; i < 3; ++i) throttle.recordWrongCode();
    const milliseconds expected[] = {1s, 2s, 4s, 8s, 8s, 8s};
    for (const milliseconds wait : expected) {
        ASSERT_EQ(throttle.waitBeforeTry(), 0ms);
        EXPECT_EQ(throttle.recordWrongCode(), wait);
        EXPECT_EQ(throttle.waitBeforeTry(), wait);
        clock.now += wait - 1ms;
        EXPECT_EQ(throttle.waitBeforeTry(), 1ms) << "every join waits until the wait is over";
        clock.now += 1ms;
    }
    EXPECT_EQ(throttle.waitBeforeTry(), 0ms);
}

TEST(JoinThrottleTest, AWaitIsRoundedUpToWholeMilliseconds) {
    FakeClock clock;
    JoinThrottle throttle(policy(), clock.function());
    for (int i = 0; i < 4; ++i) throttle.recordWrongCode();
    clock.now += 999ms + 1us;
    EXPECT_EQ(throttle.waitBeforeTry(), 1ms);
}

TEST(JoinThrottleTest, WrongCodesAreForgottenAfterAQuietTime) {
    FakeClock clock;
    JoinThrottle throttle(policy(), clock.function());
    for (int i = 0; i < 5; ++i) throttle.recordWrongCode();
    EXPECT_EQ(throttle.waitBeforeTry(), 2s);
    clock.now += 10min - 1ms;
    EXPECT_EQ(throttle.recordWrongCode(), 4s) << "not quiet long enough: the count goes on";
    clock.now += 10min;
    EXPECT_EQ(throttle.recordWrongCode(), 0ms) << "quiet for the whole time: free again";
    EXPECT_EQ(throttle.wrongCodes(), 1u);
}

TEST(JoinThrottleTest, AHugeCountNeitherOverflowsNorExceedsTheCap) {
    FakeClock clock;
    JoinThrottlePolicy p = policy();
    p.maxWait = 60s;
    JoinThrottle throttle(p, clock.function());
    milliseconds last{};
    for (int i = 0; i < 200; ++i) {
        last = throttle.recordWrongCode();
        clock.now += 1s;
    }
    EXPECT_EQ(last, 60s);
}

} // namespace
} // namespace alignkiosk::collection
