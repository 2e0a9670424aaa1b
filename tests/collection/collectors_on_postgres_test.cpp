// Several collectors in front of one PostgreSQL database, as several `collect` processes share one: each collector
// has its own store connection and takes the keys and join code from the store's settings. A submission delivered to
// any of them counts once; a collector stopped mid-run, or the server restarted mid-run, loses nothing acknowledged,
// and the laptops' outboxes deliver the rest. Behaviour only: nothing here is timed.
//
// The tests that only share a database use a fresh schema on the ctest fixture's server; the one that restarts the
// server starts a server of its own, so the other tests' server is never restarted under them.
#include "collection/collector.h"
#include "collection/delivery_client.h"
#include "collection/outbox.h"
#include "collection/sealed_submission.h"
#include "collection/store_keys.h"
#include "core/answer_store.h"
#include "support/collection_fixtures.h"
#include "support/postgres_server.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <deque>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace alignkiosk::collection {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using test_support::pulseSubmission;
using test_support::TempDir;

// As `collect` keeps it (app/platform/collect_command.cpp).
constexpr const char* kJoinCodeSetting = "collection_join_code";

// One collector as a `collect` process runs it: its own connection, the keys and code the store keeps.
struct RunningCollector {
    explicit RunningCollector(const std::string& uri)
        : store(core::openStore(uri)), keys(collectionKeysOf(*store)) {}

    std::unique_ptr<core::AnswerStore> store;
    CollectionKeys keys;
    std::unique_ptr<Collector> collector;
};

// What the laptops did: each submission's goal text (unique), finished and acknowledged.
struct LaptopsRun {
    std::vector<std::string> finished;
    std::vector<std::string> acknowledged;
    std::size_t leftInOutboxes = 0;
    std::size_t refusedForGood = 0;
};

class CollectorsOnPostgresTest : public ::testing::Test {
protected:
    TempDir dir;
    std::vector<std::unique_ptr<RunningCollector>> collectors; // those in this process
    std::optional<JoinCode> code;
    // Every collector's port, in this process or not, and whether the balancer in front of them finds it reachable.
    std::vector<uint16_t> ports;
    std::deque<std::atomic<bool>> reachable;
    std::atomic<std::size_t> acknowledgedSoFar{0};

    void startCollectors(const std::string& uri, std::size_t count) {
        for (std::size_t i = 0; i < count; ++i) {
            auto running = std::make_unique<RunningCollector>(uri);
            const JoinCodeParse kept =
                parseJoinCode(running->store->keepSetting(kJoinCodeSetting, JoinCode::random().text()));
            ASSERT_TRUE(kept.ok());
            if (code) {
                ASSERT_TRUE(kept.code->matches(*code)) << "collectors on one database share one join code";
                ASSERT_EQ(running->keys.id().text(), collectors.front()->keys.id().text());
            }
            code = kept.code;
            running->collector = std::make_unique<Collector>(
                *running->store, running->keys, *code, CollectorSurvey{test_support::kSurveyText, "team-pulse", 3, {}});
            running->collector->start();
            ports.push_back(running->collector->port());
            reachable.emplace_back(true);
            collectors.push_back(std::move(running));
        }
    }

    const CollectionKeys& keys() const { return collectors.front()->keys; }

    httplib::Result post(std::size_t collector, const std::vector<unsigned char>& sealed) {
        httplib::Client client("127.0.0.1", collectors[collector]->collector->port());
        return client.Post(kSubmissionPath, httplib::Headers{{kJoinCodeHeader, code->text()}},
                           std::string(sealed.begin(), sealed.end()), "application/octet-stream");
    }

    // `laptops` laptops, each finishing `perLaptop` participants one after another (the next once the last was
    // acknowledged), delivering through a real outbox and delivery client to its own collector (laptop i to collector
    // i mod N) while the balancer finds it reachable, else to the next reachable one.
    LaptopsRun runLaptops(std::size_t laptops, std::size_t perLaptop) {
        std::vector<LaptopsRun> runs(laptops);
        std::vector<std::thread> threads;
        for (std::size_t l = 0; l < laptops; ++l)
            threads.emplace_back([this, l, perLaptop, &run = runs[l]] { runLaptop(l, perLaptop, run); });
        for (std::thread& thread : threads) thread.join();
        LaptopsRun all;
        for (const LaptopsRun& run : runs) {
            all.finished.insert(all.finished.end(), run.finished.begin(), run.finished.end());
            all.acknowledged.insert(all.acknowledged.end(), run.acknowledged.begin(), run.acknowledged.end());
            all.leftInOutboxes += run.leftInOutboxes;
            all.refusedForGood += run.refusedForGood;
        }
        return all;
    }

    void runLaptop(std::size_t l, std::size_t perLaptop, LaptopsRun& run) {
        Outbox outbox = Outbox::open(dir.path() / ("laptop-" + std::to_string(l) + ".outbox"));
        DeliveryClientOptions options;
        options.timeout = 5s;
        options.retry.firstDelay = 20ms;
        options.retry.maxDelay = 200ms;
        std::vector<std::unique_ptr<DeliveryClient>> clients; // one per collector: where the balancer sends it
        for (const uint16_t port : ports)
            clients.push_back(std::make_unique<DeliveryClient>(outbox, JoinEndpoint{"127.0.0.1", HostKind::Ipv4, port},
                                                               *code, options));
        const Clock::time_point giveUp = Clock::now() + 60s;
        std::size_t next = 0;
        std::string waiting;
        while (Clock::now() < giveUp) {
            if (waiting.empty()) {
                if (next == perLaptop) break;
                waiting = "laptop " + std::to_string(l) + " participant " + std::to_string(next++);
                const SubmissionId id = SubmissionId::random();
                outbox.add(id, seal(pulseSubmission(waiting), id, keys().publicKey()));
                run.finished.push_back(waiting);
            }
            std::size_t target = l % ports.size();
            while (!reachable[target]) target = (target + 1) % ports.size();
            const DeliveryRound round = clients[target]->deliverPending(Clock::now());
            if (round.delivered == 1) {
                run.acknowledged.push_back(waiting);
                waiting.clear();
                ++acknowledgedSoFar;
                continue;
            }
            run.refusedForGood += round.refused.size();
            if (!round.refused.empty()) break;
            // Not past the next attempt, but soon enough to follow the balancer when it takes a collector out.
            std::this_thread::sleep_until(std::min(round.nextAttempt.value_or(Clock::now()), Clock::now() + 50ms));
        }
        run.leftInOutboxes = outbox.size();
    }

    void waitForAcknowledged(std::size_t count) {
        const Clock::time_point giveUp = Clock::now() + 60s;
        while (acknowledgedSoFar < count && Clock::now() < giveUp) std::this_thread::sleep_for(2ms);
    }

    // The store ends with exactly the acknowledged participants: each one's answers once, nothing else.
    static void expectStoreHoldsExactly(const std::string& uri, const std::vector<std::string>& acknowledged) {
        const std::unique_ptr<core::AnswerStore> reader = core::openStore(uri);
        std::multiset<std::string> stored, expected;
        for (const core::StoredResponse& row : reader->responses("team-pulse")) stored.insert(row.payload);
        for (const std::string& goal : acknowledged) expected.insert(pulseSubmission(goal).responses.front().payload);
        EXPECT_EQ(stored, expected);
        EXPECT_EQ(reader->participants("team-pulse"), acknowledged.size());
        EXPECT_EQ(reader->deliveredCount(), acknowledged.size());
    }

    static void expectEveryoneAcknowledged(const LaptopsRun& run) {
        EXPECT_EQ(run.refusedForGood, 0u);
        EXPECT_EQ(run.leftInOutboxes, 0u);
        EXPECT_EQ(std::multiset<std::string>(run.acknowledged.begin(), run.acknowledged.end()),
                  std::multiset<std::string>(run.finished.begin(), run.finished.end()));
    }
};

TEST_F(CollectorsOnPostgresTest, CollectorsOnOneDatabaseShareTheKeysAndTheJoinCode) {
    const std::string uri = test_support::freshPostgresStore();
    startCollectors(uri, 3);
    ASSERT_EQ(collectors.size(), 3u);
    EXPECT_EQ(std::set<uint16_t>(ports.begin(), ports.end()).size(), 3u);
    // A submission sealed with the keys one collector serves opens at every other.
    for (std::size_t i = 0; i < collectors.size(); ++i) {
        const SubmissionId id = SubmissionId::random();
        const httplib::Result res = post(i, seal(pulseSubmission("to collector " + std::to_string(i)), id,
                                                 collectors[(i + 1) % 3]->keys.publicKey()));
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 200) << res->body;
        EXPECT_EQ(res->body, "stored\n");
    }
    expectStoreHoldsExactly(uri, {"to collector 0", "to collector 1", "to collector 2"});
}

TEST_F(CollectorsOnPostgresTest, TheSameSubmissionDeliveredToTwoCollectorsIsStoredOnce) {
    const std::string uri = test_support::freshPostgresStore();
    startCollectors(uri, 2);
    ASSERT_EQ(collectors.size(), 2u);

    // One after the other: the second collector finds the id the first stored.
    const SubmissionId first = SubmissionId::random();
    const std::vector<unsigned char> sealed = seal(pulseSubmission("once"), first, keys().publicKey());
    httplib::Result res = post(0, sealed);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->body, "stored\n");
    res = post(1, sealed);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->body, "already delivered\n");

    // At the same moment: the two writers take turns, and exactly one of them stores each.
    std::vector<std::string> goals{"once"};
    std::vector<std::vector<unsigned char>> both;
    for (int i = 0; i < 20; ++i) {
        goals.push_back("raced " + std::to_string(i));
        const SubmissionId id = SubmissionId::random();
        both.push_back(seal(pulseSubmission(goals.back()), id, keys().publicKey()));
    }
    std::vector<std::string> answers[2];
    std::vector<std::thread> senders;
    for (std::size_t c = 0; c < 2; ++c)
        senders.emplace_back([&, c] {
            for (const auto& bytes : both) {
                const httplib::Result raced = post(c, bytes);
                answers[c].push_back(raced && raced->status == 200 ? raced->body : "failed");
            }
        });
    for (std::thread& sender : senders) sender.join();
    for (std::size_t i = 0; i < both.size(); ++i) {
        const std::multiset<std::string> pair{answers[0][i], answers[1][i]};
        EXPECT_EQ(pair, (std::multiset<std::string>{"already delivered\n", "stored\n"})) << "submission " << i;
    }
    EXPECT_EQ(collectors[0]->collector->counters().stored + collectors[1]->collector->counters().stored, 21u);
    expectStoreHoldsExactly(uri, goals);
}

// Collector 0 runs in a process of its own, as `collect` does, and is killed outright (SIGKILL: no stop, no last
// commit) while laptops are sending to it; the balancer notices only afterwards, so some laptops find it gone.
TEST_F(CollectorsOnPostgresTest, ACollectorKilledMidRunLosesNothingAcknowledged) {
    const std::string uri = test_support::freshPostgresStore();
    int ready[2];
    ASSERT_EQ(pipe(ready), 0);
    const pid_t child = fork(); // before this process starts any thread
    ASSERT_GE(child, 0);
    if (child == 0) {
        close(ready[0]);
        try {
            RunningCollector own(uri);
            const JoinCodeParse kept =
                parseJoinCode(own.store->keepSetting(kJoinCodeSetting, JoinCode::random().text()));
            if (!kept.ok()) _exit(1);
            Collector collector(*own.store, own.keys, *kept.code, {test_support::kSurveyText, "team-pulse", 3, {}});
            collector.start();
            const uint16_t bound = collector.port();
            (void)!write(ready[1], &bound, sizeof bound);
            for (;;) pause();
        } catch (...) {
            _exit(1);
        }
    }
    close(ready[1]);
    struct Killed {
        pid_t pid;
        void now() {
            if (pid <= 0) return;
            kill(pid, SIGKILL);
            waitpid(pid, nullptr, 0);
            pid = 0;
        }
        ~Killed() { now(); }
    } killed{child};
    uint16_t killedPort = 0;
    ASSERT_EQ(read(ready[0], &killedPort, sizeof killedPort), static_cast<ssize_t>(sizeof killedPort));
    close(ready[0]);
    ports.push_back(killedPort);
    reachable.emplace_back(true);
    startCollectors(uri, 2); // the same join code and keys, from the store's settings
    ASSERT_EQ(ports.size(), 3u);

    LaptopsRun run;
    std::thread laptops([&] { run = runLaptops(6, 25); }); // laptops 0 and 3 start on the killed collector
    waitForAcknowledged(30);
    killed.now();
    const std::size_t acknowledgedWhenKilled = acknowledgedSoFar;
    reachable[0] = false;
    laptops.join();

    expectEveryoneAcknowledged(run);
    EXPECT_EQ(run.acknowledged.size(), 150u);
    EXPECT_LT(acknowledgedWhenKilled, 150u) << "the collector was killed after the laptops were done";
    std::size_t storedHere = 0;
    for (const auto& running : collectors) storedHere += running->collector->counters().stored;
    EXPECT_LT(storedHere, 150u) << "the killed collector stored nothing";
    expectStoreHoldsExactly(uri, run.acknowledged);
}

TEST_F(CollectorsOnPostgresTest, APostgresRestartMidRunLosesNothingAcknowledgedAndTheOutboxesDeliverTheRest) {
    // A server of its own: the ctest fixture's server is shared with tests that must not see it restart.
    struct OwnServer {
        test_support::PostgresServer server = test_support::PostgresServer::start();
        ~OwnServer() { server.stop(); }
    } own;
    startCollectors(own.server.uri, 2);
    ASSERT_EQ(collectors.size(), 2u);
    LaptopsRun run;
    std::thread laptops([&] { run = runLaptops(6, 25); });
    waitForAcknowledged(30);
    own.server.restart(); // fast shutdown: every collector's connection is dropped while laptops are sending
    const std::size_t acknowledgedWhenRestarted = acknowledgedSoFar;
    laptops.join();

    expectEveryoneAcknowledged(run);
    EXPECT_EQ(run.acknowledged.size(), 150u);
    EXPECT_LT(acknowledgedWhenRestarted, 150u) << "the server restarted after the laptops were done";
    // While the server was down, the collectors could not store and said so: laptops kept their entries and sent
    // them again (a collector's store connection is made again at its next write).
    std::size_t notStored = 0;
    for (const auto& running : collectors) notStored += running->collector->counters().refused("not_stored");
    EXPECT_GT(notStored, 0u);
    expectStoreHoldsExactly(own.server.uri, run.acknowledged);
}

} // namespace
} // namespace alignkiosk::collection
