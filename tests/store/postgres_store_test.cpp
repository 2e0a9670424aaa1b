// What only the PostgreSQL store does: its refusals (another application's schema, a newer schema, a server that would
// log answers), its batches (no order within a transaction; fewer than k participants wait provisional and are dealt
// again), and what its table holds.
#include "support/postgres_server.h"
#include "core/dashboard_source.h"
#include "core/postgres_store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace alignkiosk::core {
namespace {

using test_support::freshPostgresStore;
using test_support::postgresQuery;

ResponseStoreOptions batchOf(uint32_t k) {
    ResponseStoreOptions options;
    options.minimumBatch = k;
    return options;
}

Submission participant(int who) {
    Submission submission;
    submission.surveyId = "pulse";
    submission.surveyVersion = 1;
    submission.responses = {{"a", "m", "1", "{\"who\":" + std::to_string(who) + "}"},
                            {"b", "m", "1", "{\"who\":" + std::to_string(who) + "}"},
                            {"c", "m", "1", "{\"who\":" + std::to_string(who) + "}"}};
    return submission;
}

std::string refusalOf(const std::string& uri) {
    try {
        PostgresStore::open(uri);
    } catch (const StoreError& error) {
        return error.what();
    }
    return "";
}

TEST(PostgresStore, ASchemaWithAnotherApplicationsTablesIsRefusedUntouched) {
    const std::string uri = freshPostgresStore();
    postgresQuery(uri, "CREATE TABLE invoices (n integer); INSERT INTO invoices VALUES (42)");
    EXPECT_NE(refusalOf(uri).find("another application"), std::string::npos) << refusalOf(uri);
    EXPECT_EQ(postgresQuery(uri, "SELECT n FROM invoices"), "42");
    EXPECT_EQ(postgresQuery(uri, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"), "1");
}

TEST(PostgresStore, ANewerSchemaIsRefusedUntouched) {
    const std::string uri = freshPostgresStore();
    PostgresStore::open(uri)->submit(participant(1));
    postgresQuery(uri, "UPDATE alignkiosk_store SET schema_version = 99");
    EXPECT_NE(refusalOf(uri).find("newer"), std::string::npos) << refusalOf(uri);
    EXPECT_EQ(postgresQuery(uri, "SELECT schema_version FROM alignkiosk_store"), "99");
    EXPECT_EQ(postgresQuery(uri, "SELECT count(*) FROM answers"), "3");
}

TEST(PostgresStore, AnotherApplicationsTableOfTheSameNameIsRefused) {
    const std::string uri = freshPostgresStore();
    postgresQuery(uri, "CREATE TABLE alignkiosk_store (x integer)");
    EXPECT_NE(refusalOf(uri).find("not alignkiosk's"), std::string::npos) << refusalOf(uri);
}

// Statement logging would copy answers into the server's log, which outlives any deletion and is read by operators.
TEST(PostgresStore, AServerThatLogsStatementsIsRefused) {
    const std::string uri = freshPostgresStore();
    EXPECT_NE(refusalOf(uri + "%20-clog_statement%3Dmod").find("log_statement = mod"), std::string::npos);
    EXPECT_NE(refusalOf(uri + "%20-clog_statement%3Dall").find("log_statement = all"), std::string::npos);
    EXPECT_NE(refusalOf(uri + "%20-clog_min_duration_statement%3D0").find("log_min_duration_statement"),
              std::string::npos);
    EXPECT_NE(refusalOf(uri + "%20-clog_parameter_max_length_on_error%3D-1").find("with errors"), std::string::npos);
    EXPECT_EQ(refusalOf(uri + "%20-clog_statement%3Dddl"), ""); // schema changes only: no answer in them
}

TEST(PostgresStore, AnUnreachableServerIsReportedWithoutItsPassword) {
    const std::string refusal = refusalOf("postgresql://kiosk:secret@127.0.0.1:1/none?connect_timeout=2");
    EXPECT_NE(refusal.find("cannot connect"), std::string::npos) << refusal;
    EXPECT_EQ(refusal.find("secret"), std::string::npos) << refusal;
    EXPECT_EQ(withoutPassword("postgresql://kiosk:secret@db:5432/pulse?password=also&sslmode=require"),
              "postgresql://kiosk@db:5432/pulse?password=***&sslmode=require");
}

TEST(PostgresStore, CommitsAreSynchronous) {
    const std::string uri = freshPostgresStore();
    // A role whose default is asynchronous commit still gets synchronous commits from the store.
    auto store = PostgresStore::open(uri + "%20-csynchronous_commit%3Doff");
    store->submit(participant(1));
    EXPECT_EQ(store->count(), 3u);
}

// The answers table: rows with a random id, the day, and no order a reader can use; `batch` and `provisional` are the
// store's bookkeeping (postgres_store.cpp, "Batches").
TEST(PostgresStore, TheAnswersTableHasOnlyTheAnonymousColumns) {
    const std::string uri = freshPostgresStore();
    PostgresStore::open(uri);
    EXPECT_EQ(postgresQuery(uri, "SELECT string_agg(column_name, ',' ORDER BY column_name) FROM "
                                 "information_schema.columns WHERE table_schema = current_schema() "
                                 "AND table_name = 'answers'"),
              "batch,id,module_id,module_version,payload,provisional,session_date,step_id,survey_id,survey_version,"
              "team");
}

// Who is in which physical place (ctid) and which transaction wrote them (xmin), in the order they submitted.
std::vector<std::pair<std::string, int>> heapOrder(const std::string& uri) {
    const std::string text = postgresQuery(
        uri, "SELECT string_agg(xmin::text || ':' || (payload::json->>'who'), ',' ORDER BY ctid) FROM answers");
    std::vector<std::pair<std::string, int>> rows;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        const std::string item = text.substr(start, end - start);
        rows.emplace_back(item.substr(0, item.find(':')), std::stoi(item.substr(item.find(':') + 1)));
        start = end + 1;
    }
    return rows;
}

TEST(PostgresStore, FewerThanKParticipantsWaitProvisionalAndAreDealtTogether) {
    const std::string uri = freshPostgresStore();
    auto store = PostgresStore::open(uri, batchOf(5));
    for (int who = 0; who < 4; ++who) store->submit(participant(who));
    EXPECT_EQ(store->provisionalParticipants(), 4u);
    EXPECT_EQ(store->count(), 12u); // counted and read like any other row
    EXPECT_EQ(postgresQuery(uri, "SELECT count(DISTINCT xmin::text) FROM answers"), "4");
    store->submit(participant(4));
    EXPECT_EQ(store->provisionalParticipants(), 0u);
    EXPECT_EQ(postgresQuery(uri, "SELECT count(*) FROM answers WHERE provisional"), "0");
    // One transaction holds all five now, in an order that is not theirs.
    const auto rows = heapOrder(uri);
    ASSERT_EQ(rows.size(), 15u);
    EXPECT_TRUE(std::all_of(rows.begin(), rows.end(), [&](auto& row) { return row.first == rows[0].first; }));
    std::vector<int> who;
    for (const auto& row : rows) who.push_back(row.second);
    EXPECT_FALSE(std::is_sorted(who.begin(), who.end())) << "15 rows in arrival order (odds 1 in 15!/(3!^5))";
    EXPECT_EQ(postgresQuery(uri, "SELECT count(DISTINCT batch) FROM answers"), "1");
}

TEST(PostgresStore, ABatchOfKOrMoreIsOneShuffledTransaction) {
    const std::string uri = freshPostgresStore();
    auto store = PostgresStore::open(uri, batchOf(5));
    std::vector<Delivery> deliveries;
    for (int who = 0; who < 8; ++who) {
        char id[33];
        std::snprintf(id, sizeof id, "%032x", who + 1);
        deliveries.push_back({id, participant(who)});
    }
    for (const DeliveryResult& result : store->submitOnce(deliveries))
        ASSERT_EQ(result.outcome, DeliveryOutcome::Stored) << result.reason;
    EXPECT_EQ(store->provisionalParticipants(), 0u);
    const auto rows = heapOrder(uri);
    ASSERT_EQ(rows.size(), 24u);
    std::vector<int> who;
    for (const auto& row : rows) who.push_back(row.second);
    EXPECT_FALSE(std::is_sorted(who.begin(), who.end()));
    // The delivered digests of one transaction are in sorted order, not the deliveries' order.
    EXPECT_EQ(postgresQuery(uri, "SELECT bool_and(ordered) FROM (SELECT digest >= lag(digest, 1, ''::bytea) "
                                 "OVER (ORDER BY ctid) AS ordered FROM delivered) AS d"),
              "t");
}

// A server restarted under a collector: the next call connects again, and nothing committed is lost.
TEST(PostgresStore, ARestartedServerIsReachedAgainWithNothingLost) {
    const test_support::PostgresServer server = test_support::PostgresServer::start(); // the shared one stays up
    struct Stop {
        const test_support::PostgresServer& server;
        ~Stop() { server.stop(); }
    } stop{server};
    auto store = PostgresStore::open(server.uri, batchOf(1));
    store->submit(participant(1));
    server.restart();
    EXPECT_EQ(store->count(), 3u); // a read finds the connection gone and connects again
    server.restart();
    store->submit(participant(2)); // so does a write, at its BEGIN
    server.restart();
    EXPECT_TRUE(store->submitOnce("0123456789abcdef0123456789abcdef", participant(3)));
    EXPECT_FALSE(store->submitOnce("0123456789abcdef0123456789abcdef", participant(3)));
    EXPECT_EQ(store->count(), 9u);
    EXPECT_EQ(store->deliveredCount(), 1u);
}

// The live dashboard on PostgreSQL: it follows new batches without reading old rows again, and provisional rows,
// read when they came, are not counted again when they are dealt.
TEST(PostgresStore, TheDashboardFollowsNewAnswersReadingEachRowOnce) {
    Survey survey; // one step with one rating, k = 3
    survey.id = "pulse";
    survey.teams = {"Sales", "Marketing"};
    survey.anonymity.ratings = 3;
    survey.anonymity.text = 3;
    Step step;
    step.id = "signs";
    step.moduleId = "diagnostic_signs";
    Question scale;
    scale.id = "q1";
    scale.kind = QuestionKind::Scale;
    scale.scaleMin = 1;
    scale.scaleMax = 5;
    scale.scaleLabels = {"1", "2", "3", "4", "5"};
    step.questions = {scale};
    survey.steps.push_back(step);
    const auto rating = [](int value) {
        Submission submission;
        submission.surveyId = "pulse";
        submission.surveyVersion = 1;
        submission.team = "Sales";
        submission.responses = {{"signs", "diagnostic_signs", "1.0.0",
                                 R"({"answers":{"q1":)" + std::to_string(value) + "}}"}};
        return submission;
    };
    const std::string uri = freshPostgresStore();
    auto store = PostgresStore::open(uri, batchOf(3));
    std::vector<Submission> first(20, rating(3));
    store->submitAll(first);
    DashboardSourceOptions options;
    options.pollInterval = std::chrono::milliseconds(20);
    DashboardSource source(survey, *store, options);
    EXPECT_EQ(source.waitUntilLoaded()->totalResponses, 20u);
    EXPECT_EQ(source.progress().rowsReadEver, 20u);

    auto kiosk = PostgresStore::open(uri, batchOf(3)); // another collector: one participant at a time
    for (int who = 1; who <= 3; ++who) {
        kiosk->submit(rating(who));
        for (int tries = 0; tries < 500 && source.progress().rowsReadEver < 20u + who; ++tries) {
            source.refreshNow();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
    EXPECT_EQ(kiosk->provisionalParticipants(), 0u) << "the third was dealt with the two before it";
    for (int tries = 0; tries < 500 && source.model()->totalResponses < 23u; ++tries) {
        source.refreshNow();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    EXPECT_EQ(source.model()->totalResponses, 23u);
    source.refreshNow();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_EQ(source.progress().rowsReadEver, 23u) << "rows read again, or counted twice once dealt";
    EXPECT_EQ(source.model()->totalResponses, 23u);
}

TEST(PostgresStore, TheDeliveredTableHoldsDigestsNotIds) {
    const std::string uri = freshPostgresStore();
    auto store = PostgresStore::open(uri);
    const std::string id = "0123456789abcdef0123456789abcdef";
    ASSERT_TRUE(store->submitOnce(id, participant(1)));
    EXPECT_EQ(postgresQuery(uri, "SELECT count(*) FROM delivered WHERE encode(digest, 'hex') = '" + id + "'"), "0");
    EXPECT_EQ(postgresQuery(uri, "SELECT length(digest) FROM delivered"), "16");
}

} // namespace
} // namespace alignkiosk::core
