// The promises every AnswerStore keeps (answer_store.h), run against both: the SQLite file and PostgreSQL (a real
// server, tests/support/postgres_server.h). Each test opens its stores by text through openStore(), as the commands do.
#include "support/postgres_server.h"
#include "support/temp_dir.h"
#include "core/answer_store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace alignkiosk::core {
namespace {

using alignkiosk::test_support::TempDir;

// Where a new, empty store of each kind is: a file path, or a PostgreSQL URI with a schema of its own.
struct SqliteStores {
    TempDir dir;
    std::string fresh() { return (dir.path() / "answers.sqlite3").string(); }
};
struct PostgresStores {
    std::string fresh() { return test_support::freshPostgresStore(); }
};

ResponseStoreOptions fixedDate() {
    ResponseStoreOptions options;
    options.dateProvider = [] { return std::string("2026-11-22"); };
    options.minimumBatch = 3;
    return options;
}

std::string submissionId(uint64_t n) {
    std::mt19937_64 rng(n * 0x9e3779b97f4a7c15ull + 7);
    char text[33];
    std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(rng()),
                  static_cast<unsigned long long>(rng()));
    return text;
}

Submission participant(int i, std::optional<std::string> team = "Marketing", std::string survey = "pulse") {
    Submission submission;
    submission.surveyId = std::move(survey);
    submission.surveyVersion = 2;
    submission.team = std::move(team);
    submission.responses = {
        {"signs", "diagnostic_signs", "1.0.0", R"({"q1":)" + std::to_string(i % 5 + 1) + "}"},
        {"focus", "focus_assessment", "1.2.0", R"({"who":)" + std::to_string(i) + "}"},
    };
    return submission;
}

std::set<std::string> whoOf(const std::vector<StoredResponse>& rows) {
    std::set<std::string> who;
    for (const StoredResponse& row : rows)
        if (row.stepId == "focus") who.insert(row.payload);
    return who;
}

template <typename Stores> class AnswerStoreConformance : public ::testing::Test {
protected:
    Stores stores;
    std::string location = stores.fresh();
    std::unique_ptr<AnswerStore> open() { return openStore(location, fixedDate()); }
};

using StoreKinds = ::testing::Types<SqliteStores, PostgresStores>;
class StoreKindNames {
public:
    template <typename T> static std::string GetName(int) {
        return std::is_same_v<T, SqliteStores> ? "Sqlite" : "Postgres";
    }
};
TYPED_TEST_SUITE(AnswerStoreConformance, StoreKinds, StoreKindNames);

TYPED_TEST(AnswerStoreConformance, ASubmissionRoundTripsWithARandomIdAndTheDayOnly) {
    auto store = this->open();
    store->submit(participant(7));
    const std::vector<StoredResponse> rows = store->responses();
    ASSERT_EQ(rows.size(), 2u);
    for (const StoredResponse& row : rows) {
        EXPECT_EQ(row.id.size(), 32u);
        EXPECT_EQ(row.id.find_first_not_of("0123456789abcdef"), std::string::npos);
        EXPECT_EQ(row.surveyId, "pulse");
        EXPECT_EQ(row.surveyVersion, 2u);
        EXPECT_EQ(row.team, std::optional<std::string>("Marketing"));
        EXPECT_EQ(row.sessionDate, "2026-11-22");
    }
    EXPECT_NE(rows[0].id, rows[1].id);
    EXPECT_TRUE(std::is_sorted(rows.begin(), rows.end(), [](auto& a, auto& b) { return a.id < b.id; }));
    EXPECT_EQ(whoOf(rows), std::set<std::string>{R"({"who":7})"});
    EXPECT_EQ(store->count(), 2u);
}

TYPED_TEST(AnswerStoreConformance, TeamIsOptionalAndPayloadTextIsKeptExactly) {
    auto store = this->open();
    Submission submission = participant(1, std::nullopt);
    submission.responses[0].payload = "{\"text\": \"Grüße \\\"quoted\\\" back\\\\slash, {braces}\"}";
    submission.surveyVersion = 4294967295u;
    store->submit(submission);
    for (const StoredResponse& row : store->responses()) {
        EXPECT_FALSE(row.team.has_value());
        EXPECT_EQ(row.surveyVersion, 4294967295u);
        if (row.stepId == "signs") {
            EXPECT_EQ(row.payload, submission.responses[0].payload);
        }
    }
}

TYPED_TEST(AnswerStoreConformance, BadInputIsRefusedWithoutWriting) {
    auto store = this->open();
    std::vector<Submission> bad(6, participant(1));
    bad[0].surveyId.clear();
    bad[1].team = "";
    bad[2].responses.clear();
    bad[3].responses[1].stepId = "signs";
    bad[4].responses[0].moduleVersion.clear();
    bad[5].responses[0].payload = "{not json";
    for (const Submission& submission : bad) EXPECT_THROW(store->submit(submission), StoreError);
    std::vector<Submission> mixed{participant(1), participant(2), bad[5]};
    EXPECT_THROW(store->submitAll(mixed), StoreError);
    EXPECT_EQ(store->count(), 0u);
}

TYPED_TEST(AnswerStoreConformance, CountsPeopleAndSurveysAndFiltersBySurvey) {
    auto store = this->open();
    std::vector<Submission> people;
    for (int i = 0; i < 5; ++i) people.push_back(participant(i));
    Submission partial = participant(9, "Sales", "exit");
    partial.responses.pop_back();
    people.push_back(partial);
    people.push_back(participant(10, "Sales", "exit"));
    store->submitAll(people);
    EXPECT_EQ(store->count(), 13u);
    EXPECT_EQ(store->count("exit"), 3u);
    EXPECT_EQ(store->participants("pulse"), 5u);
    EXPECT_EQ(store->participants("exit"), 2u);
    EXPECT_EQ(store->participants("none"), 0u);
    const std::vector<SurveyParticipants> surveys = store->surveys();
    ASSERT_EQ(surveys.size(), 2u);
    EXPECT_EQ(surveys[0].surveyId, "exit");
    EXPECT_EQ(surveys[0].participants, 2u);
    EXPECT_EQ(surveys[1].surveyId, "pulse");
    EXPECT_EQ(surveys[1].participants, 5u);
    for (const StoredResponse& row : store->responses("exit")) EXPECT_EQ(row.surveyId, "exit");
    EXPECT_EQ(store->responses("exit").size(), 3u);
}

TYPED_TEST(AnswerStoreConformance, SettingsAreDurableSharedAndErasable) {
    auto store = this->open();
    EXPECT_EQ(store->setting("pin"), std::nullopt);
    store->setSetting("pin", "hash-1");
    store->setSetting("pin", "hash-2");
    EXPECT_THROW(store->setSetting("", "x"), StoreError);
    auto other = this->open();
    EXPECT_EQ(other->setting("pin"), std::optional<std::string>("hash-2"));
    other->eraseSetting("pin");
    other->eraseSetting("never-set");
    EXPECT_EQ(store->setting("pin"), std::nullopt);
}

// Two collectors starting together on one store agree on one join code and one key pair: the first value kept wins.
TYPED_TEST(AnswerStoreConformance, KeepSettingKeepsTheFirstValueAcrossRacingConnections) {
    auto first = this->open();
    auto second = this->open();
    for (int round = 0; round < 10; ++round) {
        const std::string key = "code-" + std::to_string(round);
        std::string a, b;
        std::thread one([&] { a = first->keepSetting(key, "from-first"); });
        std::thread two([&] { b = second->keepSetting(key, "from-second"); });
        one.join();
        two.join();
        EXPECT_EQ(a, b);
        EXPECT_EQ(first->setting(key), std::optional<std::string>(a));
        EXPECT_EQ(first->keepSetting(key, "later"), a);
    }
}

TYPED_TEST(AnswerStoreConformance, ReopeningKeepsEverything) {
    {
        auto store = this->open();
        store->submit(participant(1));
        store->submitOnce(submissionId(1), participant(2));
    }
    auto store = this->open();
    EXPECT_EQ(store->count(), 4u);
    EXPECT_EQ(store->deliveredCount(), 1u);
    EXPECT_FALSE(store->submitOnce(submissionId(1), participant(2)));
}

TYPED_TEST(AnswerStoreConformance, ARepeatedDeliveryIsANoOpOnAnyConnection) {
    auto store = this->open();
    auto other = this->open();
    EXPECT_TRUE(store->submitOnce(submissionId(1), participant(1)));
    EXPECT_FALSE(store->submitOnce(submissionId(1), participant(1)));
    EXPECT_FALSE(other->submitOnce(submissionId(1), participant(1)));
    EXPECT_THROW(store->submitOnce("not-an-id", participant(1)), StoreError);
    EXPECT_EQ(other->count(), 2u);
    EXPECT_EQ(other->deliveredCount(), 1u);
}

TYPED_TEST(AnswerStoreConformance, ABatchJudgesEachDeliveryOnItsOwn) {
    auto store = this->open();
    ASSERT_TRUE(store->submitOnce(submissionId(0), participant(0)));
    Submission bad = participant(3);
    bad.responses[0].payload = "nope";
    const std::vector<Delivery> batch{{submissionId(1), participant(1)}, {submissionId(0), participant(0)},
                                      {submissionId(1), participant(1)}, {"XYZ", participant(2)},
                                      {submissionId(3), bad},            {submissionId(4), participant(4)}};
    const std::vector<DeliveryResult> results = store->submitOnce(batch);
    ASSERT_EQ(results.size(), 6u);
    EXPECT_EQ(results[0].outcome, DeliveryOutcome::Stored);
    EXPECT_EQ(results[1].outcome, DeliveryOutcome::AlreadyDelivered);
    EXPECT_EQ(results[2].outcome, DeliveryOutcome::AlreadyDelivered);
    EXPECT_EQ(results[3].outcome, DeliveryOutcome::Refused);
    EXPECT_EQ(results[4].outcome, DeliveryOutcome::Refused);
    EXPECT_NE(results[4].reason.find("not JSON"), std::string::npos);
    EXPECT_EQ(results[5].outcome, DeliveryOutcome::Stored);
    EXPECT_EQ(store->deliveredCount(), 3u);
    EXPECT_EQ(whoOf(store->responses()),
              (std::set<std::string>{R"({"who":0})", R"({"who":1})", R"({"who":4})"}));
}

// Two collectors on one store, each given the same deliveries at the same time: every submission is stored once.
TYPED_TEST(AnswerStoreConformance, ConcurrentDeliveriesFromTwoConnectionsAreStoredOnce) {
    constexpr int kPeople = 40;
    auto first = this->open();
    auto second = this->open();
    const auto deliverAll = [](AnswerStore& store, int offset) {
        for (int n = 0; n < kPeople; n += 4) {
            std::vector<Delivery> batch;
            for (int i = 0; i < 4; ++i) {
                const int who = (n + i + offset) % kPeople;
                batch.push_back({submissionId(static_cast<uint64_t>(who)), participant(who)});
            }
            for (const DeliveryResult& result : store.submitOnce(batch))
                ASSERT_TRUE(result.outcome == DeliveryOutcome::Stored ||
                            result.outcome == DeliveryOutcome::AlreadyDelivered)
                    << result.reason;
        }
    };
    std::thread a([&] { deliverAll(*first, 0); });
    std::thread b([&] { deliverAll(*second, 0); });
    a.join();
    b.join();
    EXPECT_EQ(first->deliveredCount(), static_cast<std::size_t>(kPeople));
    EXPECT_EQ(first->count(), static_cast<std::size_t>(2 * kPeople));
    EXPECT_EQ(whoOf(second->responses()).size(), static_cast<std::size_t>(kPeople));
}

// A reader that keeps its cursor gets every row once, from its own writes and another connection's, in pages.
TYPED_TEST(AnswerStoreConformance, AReaderFollowsNewRowsOnceEach) {
    auto writer = this->open();
    auto reader = this->open();
    std::vector<Submission> first;
    for (int i = 0; i < 4; ++i) first.push_back(participant(i));
    writer->submitAll(first);
    ReadCursor cursor;
    std::vector<StoredResponse> seen;
    for (NewRows page = reader->readNew(cursor, 3);; page = reader->readNew(cursor, 3)) {
        ASSERT_FALSE(page.startOver);
        EXPECT_LE(page.rows.size(), 3u);
        seen.insert(seen.end(), page.rows.begin(), page.rows.end());
        if (page.upToDate) break;
    }
    EXPECT_EQ(seen.size(), 8u);
    const NewRows idle = reader->readNew(cursor, 100);
    EXPECT_TRUE(idle.rows.empty());
    EXPECT_TRUE(idle.upToDate);
    // Single participants, below PostgreSQL's batch of 3: read at once, and not again when they are dealt. (SQLite may
    // move rows while a size class grows: then the reader starts over, as the interface says, and reads all afresh.)
    for (int i = 4; i < 10; ++i) {
        writer->submit(participant(i));
        for (NewRows page = reader->readNew(cursor, 100);; page = reader->readNew(cursor, 100)) {
            if (page.startOver) seen.clear();
            seen.insert(seen.end(), page.rows.begin(), page.rows.end());
            if (page.upToDate) break;
        }
    }
    std::set<std::string> ids;
    for (const StoredResponse& row : seen) EXPECT_TRUE(ids.insert(row.id).second) << "read twice: " << row.payload;
    EXPECT_EQ(seen.size(), 20u);
    EXPECT_EQ(whoOf(seen).size(), 10u);
    EXPECT_EQ(ids.size(), writer->count());
}

TYPED_TEST(AnswerStoreConformance, TheChangeTokenMovesWithAnyConnectionsWriteAndOnlyThen) {
    auto store = this->open();
    auto other = this->open();
    const uint64_t before = store->changeToken();
    EXPECT_EQ(store->changeToken(), before);
    other->submit(participant(1));
    const uint64_t afterSubmit = store->changeToken();
    EXPECT_NE(afterSubmit, before);
    other->setSetting("key", "value");
    EXPECT_NE(store->changeToken(), afterSubmit);
}

} // namespace
} // namespace alignkiosk::core
