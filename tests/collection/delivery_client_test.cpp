#include "collection/delivery_client.h"

#include "collection/collector.h"
#include "collection/sealed_submission.h"
#include "core/response_store.h"
#include "support/collection_fixtures.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace alignkiosk::collection {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using test_support::pulseSubmission;
using test_support::TempDir;

class DeliveryClientTest : public ::testing::Test {
protected:
    TempDir dir;
    std::filesystem::path storePath = dir.path() / "collected.db";
    std::unique_ptr<core::ResponseStore> store = openStore();
    CollectionKeys keys = CollectionKeys::generate();
    JoinCode code = JoinCode::random();
    Outbox outbox = Outbox::open(dir.path() / "outbox.db");
    std::unique_ptr<Collector> collector;
    uint16_t port = 0;
    Clock::time_point now = Clock::now();

    std::unique_ptr<core::ResponseStore> openStore() {
        core::ResponseStoreOptions options;
        options.busyTimeout = 50ms;
        return std::make_unique<core::ResponseStore>(core::ResponseStore::open(storePath, options));
    }
    void startCollector(const std::string& surveyId = "team-pulse") {
        CollectorOptions options;
        options.port = port; // 0 the first time; the same port after a restart
        collector = std::make_unique<Collector>(*store, keys, code,
                                                CollectorSurvey{test_support::kSurveyText, surveyId, 3, {{"diagnostic_signs", "1.2.0"}}}, options);
        collector->start();
        port = collector->port();
    }
    void SetUp() override { startCollector(); }

    SubmissionId addToOutbox(const core::Submission& submission = pulseSubmission()) {
        SubmissionId id = SubmissionId::random();
        outbox.add(id, seal(submission, id, keys.publicKey()));
        return id;
    }
    DeliveryClient client() {
        DeliveryClientOptions options;
        options.timeout = 2s;
        options.random = [] { return 0.0; }; // no jitter: the full delay
        return DeliveryClient(outbox, {"127.0.0.1", HostKind::Ipv4, port}, code, options);
    }
};

TEST_F(DeliveryClientTest, DeliversEveryPendingEntryAndEmptiesTheOutbox) {
    for (int i = 0; i < 3; ++i) addToOutbox(pulseSubmission("goal " + std::to_string(i)));
    DeliveryClient laptop = client();
    DeliveryRound round = laptop.deliverPending(now);
    EXPECT_EQ(round.delivered, 3u);
    EXPECT_EQ(round.kept, 0u);
    EXPECT_TRUE(round.refused.empty());
    EXPECT_FALSE(round.nextAttempt);
    EXPECT_TRUE(round.lastError.empty()) << round.lastError;
    EXPECT_EQ(outbox.size(), 0u);
    EXPECT_EQ(store->deliveredCount(), 3u);
}

TEST_F(DeliveryClientTest, ARetryAfterALostAnswerIsStoredOnce) {
    addToOutbox();
    // The first attempt reaches the collector, but its answer never reaches the laptop.
    std::vector<unsigned char> sealed = outbox.pending().at(0).sealed;
    httplib::Client lost("127.0.0.1", port);
    ASSERT_TRUE(lost.Post(kSubmissionPath, httplib::Headers{{kJoinCodeHeader, code.text()}},
                          std::string(sealed.begin(), sealed.end()), "application/octet-stream"));
    ASSERT_EQ(outbox.size(), 1u);

    DeliveryClient laptop = client();
    DeliveryRound round = laptop.deliverPending(now);
    EXPECT_EQ(round.delivered, 1u);
    EXPECT_EQ(outbox.size(), 0u);
    EXPECT_EQ(store->deliveredCount(), 1u);
    EXPECT_EQ(store->count(), 1u);
    EXPECT_EQ(collector->counters().alreadyDelivered, 1u);
}

TEST_F(DeliveryClientTest, KeepsEntriesWhileTheCollectorIsDownAndDeliversOnceAfterItsRestart) {
    addToOutbox(pulseSubmission("a"));
    addToOutbox(pulseSubmission("b"));
    collector.reset(); // stopped

    DeliveryClient laptop = client();
    DeliveryRound down = laptop.deliverPending(now);
    EXPECT_EQ(down.delivered, 0u);
    EXPECT_EQ(down.kept, 2u);
    EXPECT_NE(down.lastError.find("no collector answers"), std::string::npos) << down.lastError;
    ASSERT_TRUE(down.nextAttempt);
    EXPECT_EQ(*down.nextAttempt, now + 1s); // the first backoff, no jitter
    EXPECT_EQ(outbox.size(), 2u);

    // Not due yet: nothing is tried, nothing changes.
    DeliveryRound early = laptop.deliverPending(now + 500ms);
    EXPECT_EQ(early.kept, 2u);
    EXPECT_TRUE(early.lastError.empty());

    startCollector(); // the same store, the same port
    DeliveryRound back = laptop.deliverPending(*down.nextAttempt);
    EXPECT_EQ(back.delivered, 2u);
    EXPECT_EQ(outbox.size(), 0u);
    EXPECT_EQ(store->deliveredCount(), 2u);
}

TEST_F(DeliveryClientTest, KeepsTheEntryWhenTheStoreCannotWrite) {
    addToOutbox();
    DeliveryClient laptop = client();
    DeliveryRound refused;
    {
        test_support::StoreWriteLock lock(storePath);
        refused = laptop.deliverPending(now);
    }
    EXPECT_EQ(refused.delivered, 0u);
    EXPECT_EQ(refused.kept, 1u);
    EXPECT_TRUE(refused.refused.empty());
    ASSERT_TRUE(refused.nextAttempt);
    EXPECT_GE(*refused.nextAttempt, now + 2s); // the collector's Retry-After outweighs the first backoff (1 s)
    EXPECT_EQ(outbox.size(), 1u);
    EXPECT_EQ(store->deliveredCount(), 0u);

    DeliveryRound later = laptop.deliverPending(*refused.nextAttempt);
    EXPECT_EQ(later.delivered, 1u);
    EXPECT_EQ(outbox.size(), 0u);
    EXPECT_EQ(store->deliveredCount(), 1u);
}

TEST_F(DeliveryClientTest, ASubmissionRefusedForGoodStaysInTheOutboxButLeavesTheRetryLoop) {
    addToOutbox(pulseSubmission("old", "team-pulse", 2)); // made for another version of the survey
    addToOutbox();
    DeliveryClient laptop = client();
    DeliveryRound round = laptop.deliverPending(now);
    EXPECT_EQ(round.delivered, 1u);
    ASSERT_EQ(round.refused.size(), 1u);
    EXPECT_EQ(round.refused[0].status, 409);
    EXPECT_EQ(round.refused[0].reason, "other_survey");
    EXPECT_NE(round.refused[0].message.find("version 2"), std::string::npos) << round.refused[0].message;
    EXPECT_EQ(round.kept, 0u);
    EXPECT_FALSE(round.nextAttempt);
    EXPECT_EQ(outbox.size(), 1u); // not deleted silently

    DeliveryRound again = laptop.deliverPending(now + 1h);
    EXPECT_TRUE(again.refused.empty());
    EXPECT_EQ(laptop.refusedCount(), 1u);
    EXPECT_EQ(collector->counters().refused("other_survey"), 1u); // not sent again
}

TEST_F(DeliveryClientTest, FetchingTheSurveyBringsTheCollectionsKeyAndModuleVersions) {
    SurveyFetch fetch = fetchSurvey({"127.0.0.1", HostKind::Ipv4, port}, code, 2s);
    ASSERT_TRUE(fetch.ok()) << fetch.error;
    EXPECT_EQ(fetch.survey->text, test_support::kSurveyText);
    EXPECT_EQ(fetch.survey->publicKey, keys.publicKey());
    EXPECT_EQ(fetch.survey->moduleVersions, (ModuleVersions{{"diagnostic_signs", "1.2.0"}}));
}

TEST_F(DeliveryClientTest, FetchingFromNoCollectorSaysSo) {
    collector.reset();
    SurveyFetch fetch = fetchSurvey({"127.0.0.1", HostKind::Ipv4, port}, code, 2s);
    EXPECT_FALSE(fetch.ok());
    EXPECT_NE(fetch.error.find("no collector answers"), std::string::npos) << fetch.error;
}

// SIGKILL of the collector while laptops deliver: every submission arrives once after a restart.
TEST_F(DeliveryClientTest, EverySubmissionArrivesOnceAfterTheCollectorIsKilled) {
    collector.reset();
    store.reset();
    constexpr int kEntries = 40;
    for (int i = 0; i < kEntries; ++i) addToOutbox(pulseSubmission("goal " + std::to_string(i)));

    int ready[2];
    ASSERT_EQ(pipe(ready), 0);
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        close(ready[0]);
        auto childStore = openStore();
        CollectorOptions options;
        options.port = port;
        Collector childCollector(*childStore, keys, code, {test_support::kSurveyText, "team-pulse", 3, {}}, options);
        childCollector.start();
        uint16_t bound = childCollector.port();
        (void)!write(ready[1], &bound, sizeof bound);
        for (;;) pause();
    }
    close(ready[1]);
    ASSERT_EQ(read(ready[0], &port, sizeof port), static_cast<ssize_t>(sizeof port));
    close(ready[0]);

    // Deliver from another thread while the collector is killed in the middle.
    DeliveryClient laptop = client();
    std::thread killer([child] {
        std::this_thread::sleep_for(30ms);
        kill(child, SIGKILL);
    });
    DeliveryRound first = laptop.deliverPending(now);
    killer.join();
    int status = 0;
    waitpid(child, &status, 0);
    EXPECT_EQ(first.delivered + first.kept, static_cast<std::size_t>(kEntries));

    store = openStore();
    startCollector();
    Clock::time_point at = first.nextAttempt.value_or(now);
    for (int round = 0; round < 5 && outbox.size() > 0; ++round) {
        DeliveryRound next = laptop.deliverPending(at);
        at = next.nextAttempt.value_or(at);
    }
    EXPECT_EQ(outbox.size(), 0u);
    EXPECT_EQ(store->deliveredCount(), static_cast<std::size_t>(kEntries));
    EXPECT_EQ(store->count(), static_cast<std::size_t>(kEntries));
}

} // namespace
} // namespace alignkiosk::collection
