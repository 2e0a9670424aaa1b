#include "collection/collector.h"

#include "collection/delivery_client.h"
#include "collection/sealed_submission.h"
#include "core/response_store.h"
#include "support/collection_fixtures.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <string>
#include <vector>

namespace alignkiosk::collection {
namespace {

using namespace std::chrono_literals;
using test_support::pulseSubmission;
using test_support::TempDir;

class CollectorTest : public ::testing::Test {
protected:
    TempDir dir;
    std::filesystem::path storePath = dir.path() / "collected.db";
    core::ResponseStore store = core::ResponseStore::open(storePath, storeOptions());
    CollectionKeys keys = CollectionKeys::generate();
    JoinCode code = JoinCode::random();
    std::chrono::steady_clock::time_point clock = std::chrono::steady_clock::time_point{} + 1h;
    std::atomic<int> storedCalls{0};
    Collector collector{store, keys, code, {test_support::kSurveyText, "team-pulse", 3, {}}, options()};

    static core::ResponseStoreOptions storeOptions() {
        core::ResponseStoreOptions options;
        options.busyTimeout = 50ms; // a locked store fails fast
        return options;
    }
    CollectorOptions options() {
        CollectorOptions options;
        options.clock = [this] { return clock; };
        options.onStored = [this] { ++storedCalls; };
        return options;
    }
    void SetUp() override { collector.start(); }

    httplib::Result post(const std::string& body, const std::string& codeText) {
        httplib::Client client("127.0.0.1", collector.port());
        return client.Post(kSubmissionPath, httplib::Headers{{kJoinCodeHeader, codeText}}, body,
                           "application/octet-stream");
    }
    httplib::Result post(const std::vector<unsigned char>& sealed) {
        return post(std::string(sealed.begin(), sealed.end()), code.text());
    }
    std::string wrongCode() const {
        JoinCode other = JoinCode::random();
        while (other.matches(code)) other = JoinCode::random();
        return other.text();
    }
    JoinEndpoint endpoint() const { return {"127.0.0.1", HostKind::Ipv4, collector.port()}; }
};

TEST_F(CollectorTest, ServesTheSurveyTextAndKeyToTheRightCode) {
    ASSERT_NE(collector.port(), 0);
    SurveyFetch fetch = fetchSurvey(endpoint(), *parseJoinCode(code.symbols()).code);
    ASSERT_TRUE(fetch.ok()) << fetch.error;
    EXPECT_EQ(fetch.survey->text, test_support::kSurveyText);
    EXPECT_EQ(fetch.survey->publicKey, keys.publicKey());
    EXPECT_EQ(fetch.survey->collectionId, keys.id());
    EXPECT_EQ(collector.counters().surveysServed, 1u);
}

TEST_F(CollectorTest, RefusesTheSurveyToAWrongOrMissingCode) {
    SurveyFetch fetch = fetchSurvey(endpoint(), *parseJoinCode(wrongCode()).code);
    EXPECT_FALSE(fetch.ok());
    EXPECT_NE(fetch.error.find("not the join code"), std::string::npos) << fetch.error;

    httplib::Client client("127.0.0.1", collector.port());
    httplib::Result noCode = client.Get(kSurveyPath);
    ASSERT_TRUE(noCode);
    EXPECT_EQ(noCode->status, 401);
    EXPECT_EQ(noCode->get_header_value(kReasonHeader), "no_code");
    EXPECT_EQ(noCode->body.find("team-pulse"), std::string::npos);

    CollectorCounters counters = collector.counters();
    EXPECT_EQ(counters.surveysServed, 0u);
    EXPECT_EQ(counters.refused("wrong_code"), 1u);
    EXPECT_EQ(counters.refused("no_code"), 1u);
}

TEST_F(CollectorTest, StoresASubmissionPostedTwiceOnce) {
    std::vector<unsigned char> sealed = seal(pulseSubmission(), SubmissionId::random(), keys.publicKey());
    httplib::Result first = post(sealed);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->status, 200);
    EXPECT_EQ(first->body, "stored\n");
    httplib::Result second = post(sealed);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->status, 200);
    EXPECT_EQ(second->body, "already delivered\n");

    EXPECT_EQ(store.deliveredCount(), 1u);
    EXPECT_EQ(store.count(), 1u);
    CollectorCounters counters = collector.counters();
    EXPECT_EQ(counters.stored, 1u);
    EXPECT_EQ(counters.alreadyDelivered, 1u);
    EXPECT_EQ(storedCalls, 1); // the live dashboard is told of the new one, not of the repeat
}

TEST_F(CollectorTest, RefusesBadSubmissionsWithAReasonAndStoresNothing) {
    struct Case {
        std::string name;
        std::string body;
        int status;
        std::string reason;
    };
    CollectionKeys otherKeys = CollectionKeys::generate();
    auto text = [](const std::vector<unsigned char>& bytes) { return std::string(bytes.begin(), bytes.end()); };
    std::vector<Case> cases = {
        {"malformed", "hello, collector", 400, "not_a_submission"},
        {"oversized", std::string(kMaxSealedSubmissionBytes + 1, 'x'), 413, "too_large"},
        {"other collection", text(seal(pulseSubmission(), SubmissionId::random(), otherKeys.publicKey())), 409,
         "other_collection"},
        {"other survey version", text(seal(pulseSubmission("x", "team-pulse", 4), SubmissionId::random(),
                                           keys.publicKey())),
         409, "other_survey"},
    };
    for (const Case& c : cases) {
        httplib::Result res = post(c.body, code.text());
        ASSERT_TRUE(res) << c.name;
        EXPECT_EQ(res->status, c.status) << c.name;
        EXPECT_EQ(res->get_header_value(kReasonHeader), c.reason) << c.name;
        EXPECT_FALSE(res->body.empty()) << c.name;
        EXPECT_EQ(collector.counters().refused(c.reason), 1u) << c.name;
    }
    httplib::Result wrong = post(text(seal(pulseSubmission(), SubmissionId::random(), keys.publicKey())), wrongCode());
    ASSERT_TRUE(wrong);
    EXPECT_EQ(wrong->status, 403);
    EXPECT_EQ(wrong->get_header_value(kReasonHeader), "wrong_code");

    EXPECT_EQ(store.deliveredCount(), 0u);
    EXPECT_EQ(store.count(), 0u);
    CollectorCounters counters = collector.counters();
    EXPECT_EQ(counters.refused("wrong_code"), 1u);
    EXPECT_EQ(counters.stored, 0u);
    EXPECT_EQ(counters.commits, 0u);
}

TEST_F(CollectorTest, ThrottlesEveryJoinAfterRepeatedWrongCodes) {
    std::vector<unsigned char> sealed = seal(pulseSubmission(), SubmissionId::random(), keys.publicKey());
    const std::string body(sealed.begin(), sealed.end());
    for (int i = 0; i < 6; ++i) { // five free wrong codes, the sixth starts a 1 s wait
        httplib::Result res = post(body, wrongCode());
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 403) << i;
    }
    httplib::Result throttled = post(body, code.text()); // even the right code waits
    ASSERT_TRUE(throttled);
    EXPECT_EQ(throttled->status, 429);
    EXPECT_EQ(throttled->get_header_value(kReasonHeader), "throttled");
    EXPECT_EQ(throttled->get_header_value("Retry-After"), "1");
    EXPECT_FALSE(fetchSurvey(endpoint(), code).ok());
    EXPECT_EQ(store.deliveredCount(), 0u);

    clock += 1500ms;
    httplib::Result later = post(body, code.text());
    ASSERT_TRUE(later);
    EXPECT_EQ(later->status, 200);
    CollectorCounters counters = collector.counters();
    EXPECT_EQ(counters.refused("wrong_code"), 6u);
    EXPECT_EQ(counters.refused("throttled"), 2u);
    EXPECT_EQ(counters.stored, 1u);
}

TEST_F(CollectorTest, AStoreThatCannotWriteAnswers503AndAcknowledgesNothing) {
    std::vector<unsigned char> sealed = seal(pulseSubmission(), SubmissionId::random(), keys.publicKey());
    {
        test_support::StoreWriteLock lock(storePath);
        httplib::Result res = post(sealed);
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 503);
        EXPECT_EQ(res->get_header_value(kReasonHeader), "not_stored");
        EXPECT_FALSE(res->get_header_value("Retry-After").empty());
        // The store's message names its file: the facilitator sees it, the laptop does not.
        EXPECT_EQ(res->body.find(storePath.filename().string()), std::string::npos);
        EXPECT_NE(collector.lastStoreError().find(storePath.filename().string()), std::string::npos)
            << collector.lastStoreError();
    }
    EXPECT_EQ(store.deliveredCount(), 0u);
    EXPECT_EQ(collector.counters().refused("not_stored"), 1u);

    httplib::Result retried = post(sealed);
    ASSERT_TRUE(retried);
    EXPECT_EQ(retried->status, 200);
    EXPECT_EQ(retried->body, "stored\n");
    EXPECT_EQ(store.deliveredCount(), 1u);
}

TEST_F(CollectorTest, CommitsConcurrentSubmissionsTogetherAndEachOnce) {
    constexpr int kLaptops = 24;
    std::vector<std::vector<unsigned char>> sealed;
    for (int i = 0; i < kLaptops; ++i)
        sealed.push_back(seal(pulseSubmission("goal " + std::to_string(i)), SubmissionId::random(), keys.publicKey()));
    std::vector<std::string> statuses(kLaptops);
    std::vector<std::thread> laptops;
    for (int i = 0; i < kLaptops; ++i)
        laptops.emplace_back([&, i] {
            httplib::Result res = post(sealed[static_cast<std::size_t>(i)]);
            statuses[static_cast<std::size_t>(i)] =
                res ? std::to_string(res->status) + " " + res->body : httplib::to_string(res.error());
        });
    for (std::thread& laptop : laptops) laptop.join();
    for (const std::string& status : statuses) EXPECT_EQ(status, "200 stored\n");
    EXPECT_EQ(store.deliveredCount(), static_cast<std::size_t>(kLaptops));
    CollectorCounters counters = collector.counters();
    EXPECT_EQ(counters.stored, static_cast<std::size_t>(kLaptops));
    EXPECT_LE(counters.commits, static_cast<std::size_t>(kLaptops));
}

TEST_F(CollectorTest, StopEndsServingAndIsIdempotent) {
    collector.stop();
    collector.stop();
    EXPECT_FALSE(fetchSurvey(endpoint(), code, 2s).ok());
}

} // namespace
} // namespace alignkiosk::collection
