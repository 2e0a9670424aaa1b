#include "collection/retry_schedule.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

namespace alignkiosk::collection {
namespace {

using namespace std::chrono_literals;
using std::chrono::milliseconds;
using std::chrono::steady_clock;

RetryPolicy policy() {
    RetryPolicy p;
    p.firstDelay = 1s;
    p.maxDelay = 30s;
    p.jitter = 0.5;
    return p;
}

// docs/collection-protocol.md states these.
TEST(RetryDelayTest, TheDefaultsAreTheDocumentedOnes) {
    const RetryPolicy defaults;
    EXPECT_EQ(defaults.firstDelay, 1s);
    EXPECT_EQ(defaults.maxDelay, 5min);
    EXPECT_EQ(defaults.jitter, 0.5);
}

TEST(RetryDelayTest, DoublesUpToTheCap) {
    const milliseconds expected[] = {1s, 2s, 4s, 8s, 16s, 30s, 30s};
    unsigned failures = 1;
    for (const milliseconds delay : expected) EXPECT_EQ(retryDelay(failures++, policy(), 0.0), delay) << failures;
    EXPECT_EQ(retryDelay(100000, policy(), 0.0), 30s) << "no overflow";
}

TEST(RetryDelayTest, JitterShortensByUpToItsShare) {
    EXPECT_EQ(retryDelay(3, policy(), 0.0), 4s);
    EXPECT_EQ(retryDelay(3, policy(), 0.5), 3s);
    EXPECT_EQ(retryDelay(3, policy(), 0.999999), 2s);
    RetryPolicy none = policy();
    none.jitter = 0.0;
    EXPECT_EQ(retryDelay(3, none, 0.9), 4s);
}

struct FakeClock {
    steady_clock::time_point now = steady_clock::time_point(1000h);
};

TEST(RetryScheduleTest, NewEntriesAreDueAtOnceAndFailuresPushThemBack) {
    FakeClock clock;
    double draw = 0.0;
    RetrySchedule schedule(policy(), [&] { return clock.now; }, [&] { return draw; });
    const SubmissionId a = SubmissionId::random();
    const SubmissionId b = SubmissionId::random();
    EXPECT_EQ(schedule.due({a, b}), (std::vector<SubmissionId>{a, b}));
    EXPECT_EQ(schedule.nextDue({a, b}), clock.now);

    EXPECT_EQ(schedule.recordFailure(a), clock.now + 1s);
    EXPECT_EQ(schedule.due({a, b}), (std::vector<SubmissionId>{b}));
    clock.now += 1s;
    EXPECT_EQ(schedule.due({a, b}), (std::vector<SubmissionId>{a, b}));

    draw = 0.5; // the second failure's 2 s, shortened by a quarter
    EXPECT_EQ(schedule.recordFailure(a), clock.now + 1500ms);
    EXPECT_EQ(schedule.failures(a), 2u);
    EXPECT_EQ(schedule.nextDue({a}), clock.now + 1500ms);
    EXPECT_EQ(schedule.nextDue({}), std::nullopt);

    schedule.forget(a);
    EXPECT_EQ(schedule.failures(a), 0u);
    EXPECT_EQ(schedule.due({a}), (std::vector<SubmissionId>{a}));
}

// The timeline of one entry that keeps failing, with the largest jitter draw each time.
TEST(RetryScheduleTest, ATimelineOfFailures) {
    FakeClock clock;
    RetrySchedule schedule(policy(), [&] { return clock.now; }, [] { return 0.0; });
    const SubmissionId id = SubmissionId::random();
    const milliseconds waits[] = {1s, 2s, 4s, 8s, 16s, 30s, 30s};
    for (const milliseconds wait : waits) {
        ASSERT_EQ(schedule.due({id}).size(), 1u);
        schedule.recordFailure(id);
        clock.now += wait - 1ms;
        EXPECT_TRUE(schedule.due({id}).empty()) << wait.count();
        clock.now += 1ms;
    }
}

TEST(RetryScheduleTest, TheDefaultRandomSourceSpreadsRetries) {
    FakeClock clock;
    std::vector<steady_clock::time_point> times;
    RetrySchedule schedule(policy(), [&] { return clock.now; });
    for (int i = 0; i < 50; ++i) {
        const auto when = schedule.recordFailure(SubmissionId::random());
        EXPECT_GE(when, clock.now + 500ms);
        EXPECT_LE(when, clock.now + 1s);
        times.push_back(when);
    }
    std::sort(times.begin(), times.end());
    EXPECT_GT(std::unique(times.begin(), times.end()) - times.begin(), 10);
}

} // namespace
} // namespace alignkiosk::collection
