// What only the PostgreSQL store does: its refusals (another application's schema, a newer schema, a server that would
// log answers), its batches (no order within a transaction; fewer than k participants wait provisional and are dealt
// again), and what its table holds.
#include "support/postgres_server.h"
#include "core/dashboard_source.h"
#include "core/postgres_store.h"
#include "core/response_store.h"
#include "support/shown_model.h"

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
using test_support::shownOf;

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

TEST(PostgresStore, TellsASchemaThatHoldsAStoreWithoutCreatingOne) {
    const std::string uri = freshPostgresStore();
    EXPECT_FALSE(PostgresStore::holdsStore(uri));
    EXPECT_EQ(postgresQuery(uri, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"), "0");
    PostgresStore::open(uri);
    EXPECT_TRUE(PostgresStore::holdsStore(uri));
    EXPECT_FALSE(PostgresStore::holdsStore("postgresql://kiosk@127.0.0.1:1/pulse")) << "nobody listens on port 1";
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
              "batch,counted_here,id,module_id,module_version,payload,provisional,session_date,step_id,survey_id,"
              "survey_version,team");
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
// Teams Sales and Marketing, k = 3; one step "signs" of diagnostic_signs with one rating, q1 (1..5).
Survey oneRatingSurvey() {
    Survey survey;
    survey.id = "pulse";
    survey.title = "Pulse";
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
    return survey;
}

TEST(PostgresStore, TheDashboardFollowsNewAnswersReadingEachRowOnce) {
    const Survey survey = oneRatingSurvey();
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

// [SECTION] Counting in the database

Question optionQuestion(const std::string& id, QuestionKind kind, std::vector<std::string> options) {
    Question question;
    question.id = id;
    question.kind = kind;
    question.prompt = id;
    for (const std::string& option : options) question.options.push_back(Option{option, option});
    return question;
}

// oneRatingSurvey with a question of every other kind in its step, and a second step.
Survey everyKindSurvey() {
    Survey survey = oneRatingSurvey();
    Step& step = survey.steps.front();
    const Question scale = step.questions.front();
    Question percent;
    percent.id = "share";
    percent.kind = QuestionKind::Percent;
    Question allocation = optionQuestion("budget", QuestionKind::Allocation, {"a", "b"});
    allocation.total = 10;
    Question open;
    open.id = "goal";
    open.kind = QuestionKind::Text;
    open.required = false;
    open.maxLength = 12;
    step.questions = {scale, percent, optionQuestion("pick", QuestionKind::Choice, {"x", "y"}),
                      optionQuestion("many", QuestionKind::MultiChoice, {"x", "y", "z"}), allocation, open};
    Step focus;
    focus.id = "focus";
    focus.moduleId = "focus_assessment";
    focus.questions = {scale};
    survey.steps.push_back(focus);
    return survey;
}

// Participants of every shape the dashboard meets: alike and not, each kind of answer, teams by id, by another case,
// unknown and none, a question named twice, answers that do not read, another survey, another module's step.
std::vector<Submission> everyShapeOfParticipant() {
    std::vector<Submission> participants;
    const char* teams[] = {"Sales", "marketing ", "Finance", nullptr};
    for (int i = 0; i < 40; ++i) {
        Submission submission;
        submission.surveyId = "pulse";
        submission.surveyVersion = 1;
        if (teams[i % 4]) submission.team = teams[i % 4];
        const std::string signs =
            R"({"answers":{"q1":)" + std::to_string(1 + i % 5) + R"(,"share":)" + std::to_string(i * 7 % 101) +
            R"(,"pick":")" + (i % 3 ? "x" : "y") + R"(","many":)" + (i % 2 ? R"(["x","z","z"])" : R"(["q"])") +
            R"(,"budget":)" + (i % 6 ? R"({"a":3,"b":7})" : R"({"a":9,"b":9})") + R"(,"goal":)" +
            (i % 5 ? R"("Grow renewals by a third")" : R"("caf\u00e9 \"ok\"")") + "}}";
        std::string focus = R"({"answers":{"q1":)" + std::to_string(5 - i % 5) + "}}";
        if (i % 13 == 0) focus = R"({"answers":{"q1":1,"q1":5}})"; // named twice: the first counts
        if (i % 17 == 0) focus = R"({"answers":[3]})";              // does not read
        if (i % 19 == 0) submission.responses.push_back({"focus", "another_module", "1.0.0", focus});
        else submission.responses.push_back({"focus", "focus_assessment", "1.0.0", focus});
        submission.responses.push_back({"signs", "diagnostic_signs", "1.2.0", signs});
        if (i % 11 == 0) submission.surveyId = "another";
        participants.push_back(submission);
    }
    return participants;
}

TEST(PostgresStore, ADashboardCountedByTheServerShowsWhatOneCountedFromTheRowsShows) {
    const Survey survey = everyKindSurvey();
    const std::vector<Submission> participants = everyShapeOfParticipant();
    std::string day = "2026-12-01";
    ResponseStoreOptions options = batchOf(4);
    options.dateProvider = [&day] { return day; };
    auto sqlite = ResponseStore::open(":memory:", options);
    auto postgres = PostgresStore::open(freshPostgresStore(), options);
    const std::vector<Submission> early(participants.begin(), participants.begin() + 30);
    sqlite.submitAll(early);
    postgres->submitAll(early);
    // The rest on a later day, one at a time: the last two wait provisional for a batch of 4.
    day = "2026-12-03";
    for (std::size_t i = 30; i < participants.size(); ++i) {
        sqlite.submit(participants[i]);
        postgres->submit(participants[i]);
    }
    ASSERT_EQ(postgres->provisionalParticipants(), 2u);

    DashboardSourceOptions sourceOptions;
    sourceOptions.shuffleSeed = [] { return 7u; };
    DashboardSource fromRows(survey, sqlite, sourceOptions);
    DashboardSource fromServer(survey, *postgres, sourceOptions);
    const std::string rows = shownOf(survey, *fromRows.waitUntilLoaded());
    EXPECT_EQ(shownOf(survey, *fromServer.waitUntilLoaded()), rows);
    EXPECT_NE(rows.find("caf\xC3\xA9 \"ok\""), std::string::npos) << rows;
    EXPECT_EQ(fromServer.model()->firstDay, "2026-12-01");
    EXPECT_EQ(fromServer.model()->lastDay, "2026-12-03");
    ASSERT_EQ(fromServer.surveys().size(), 2u);
    ASSERT_EQ(fromRows.surveys().size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        EXPECT_EQ(fromServer.surveys()[i].surveyId, fromRows.surveys()[i].surveyId);
        EXPECT_EQ(fromServer.surveys()[i].participants, fromRows.surveys()[i].participants);
    }
    EXPECT_EQ(fromServer.progress().rowsReadEver, postgres->count());
}

TEST(PostgresStore, TheServerCountsEachValueOnceAndSendsOnlyRowsItCannotCountWhole) {
    const std::string uri = freshPostgresStore();
    auto store = PostgresStore::open(uri, batchOf(3));
    Submission alike;
    alike.surveyId = "pulse";
    alike.surveyVersion = 1;
    alike.team = "Sales";
    alike.responses = {{"signs", "diagnostic_signs", "1.0.0", R"({"answers":{"q1":4,"goal":"Same"}})"}};
    store->submitAll(std::vector<Submission>(10, alike));
    Submission twice = alike;
    twice.responses[0].payload = R"({"answers":{"q1":4,"q1":2}})";
    store->submit(twice); // provisional: fewer than 3

    ReadCursor cursor;
    const std::optional<StoreTally> tally = store->tally("pulse", cursor);
    ASSERT_TRUE(tally);
    ASSERT_EQ(tally->rows.size(), 1u);
    EXPECT_EQ(tally->rows[0].rows, 10u);
    EXPECT_EQ(tally->rows[0].team, std::optional<std::string>("Sales"));
    ASSERT_EQ(tally->answers.size(), 2u) << "one line per question and value, not per row";
    for (const StoreTally::Answers& answers : tally->answers) {
        EXPECT_EQ(answers.rows, 10u);
        EXPECT_TRUE(answers.value == "4" || answers.value == "\"Same\"") << answers.value;
    }
    ASSERT_EQ(tally->uncounted.size(), 1u);
    EXPECT_EQ(tally->uncounted[0].payload, twice.responses[0].payload);
    EXPECT_EQ(cursor.provisionalIds, std::vector<std::string>{tally->uncounted[0].id});

    // The cursor is past everything counted: only what comes next is read, and the provisional row dealt into it
    // is not read again.
    EXPECT_TRUE(store->readNew(cursor, 100).rows.empty());
    store->submitAll({alike, alike});
    const NewRows next = store->readNew(cursor, 100);
    EXPECT_EQ(next.rows.size(), 2u);
    EXPECT_TRUE(next.upToDate);
    ReadCursor used = cursor;
    EXPECT_FALSE(store->tally("pulse", used)) << "a cursor that has read rows is not counted afresh";
}

TEST(PostgresStore, ASchemaOfVersionOneIsBroughtUpToDateItsRowsReadWhole) {
    const std::string uri = freshPostgresStore();
    auto store = PostgresStore::open(uri, batchOf(1));
    store->submitAll(std::vector<Submission>(3, participant(1)));
    store.reset();
    postgresQuery(uri, "ALTER TABLE answers DROP COLUMN counted_here; DROP INDEX answers_provisional; "
                       "UPDATE alignkiosk_store SET schema_version = 1");
    store = PostgresStore::open(uri, batchOf(1));
    EXPECT_EQ(postgresQuery(uri, "SELECT schema_version FROM alignkiosk_store"), "2");
    EXPECT_EQ(postgresQuery(uri, "SELECT count(*) FROM answers WHERE NOT counted_here"), "9");
    ReadCursor cursor;
    const std::optional<StoreTally> tally = store->tally("pulse", cursor);
    ASSERT_TRUE(tally);
    EXPECT_TRUE(tally->rows.empty());
    EXPECT_EQ(tally->uncounted.size(), 9u);
    store->submit(participant(2));
    EXPECT_EQ(postgresQuery(uri, "SELECT count(*) FROM answers WHERE NOT counted_here"), "12")
        << "{\"who\":2} names no answers: read whole";
}

TEST(PostgresStore, TheLiveDashboardsBatchRuleHoldsAcrossCollectors) {
    const Survey survey = everyKindSurvey(); // k = 3
    const std::string uri = freshPostgresStore();
    auto facilitator = PostgresStore::open(uri, batchOf(3));
    std::vector<Submission> salesOnly;
    for (const Submission& participant : everyShapeOfParticipant())
        if (participant.team == std::optional<std::string>("Sales") && participant.surveyId == "pulse")
            salesOnly.push_back(participant);
    ASSERT_GE(salesOnly.size(), 6u);
    facilitator->submitAll({salesOnly.begin(), salesOnly.begin() + 3});
    DashboardSourceOptions options;
    options.pollInterval = std::chrono::milliseconds(10);
    DashboardSource source(survey, *facilitator, options);
    ASSERT_EQ(source.waitUntilLoaded()->totalResponses, 3u);
    const auto settle = [&](uint64_t heldBack) {
        for (int tries = 0; tries < 500 && source.progress().heldBack != heldBack; ++tries)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        return source.progress().heldBack;
    };
    // Two collectors, each its own connection, one Sales participant each: two people wait, whoever took them.
    auto first = PostgresStore::open(uri, batchOf(3));
    auto second = PostgresStore::open(uri, batchOf(3));
    ASSERT_TRUE(first->submitOnce(std::string(32, 'a'), salesOnly[3]));
    ASSERT_TRUE(second->submitOnce(std::string(32, 'b'), salesOnly[4]));
    EXPECT_EQ(settle(2), 2u);
    EXPECT_EQ(source.model()->totalResponses, 3u) << "two newcomers would be told apart by subtraction";
    // The third, through the first collector again, makes the batch: all three are counted together.
    ASSERT_TRUE(first->submitOnce(std::string(32, 'c'), salesOnly[5]));
    for (int tries = 0; tries < 500 && source.model()->totalResponses != 6u; ++tries)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    EXPECT_EQ(source.model()->totalResponses, 6u);
    EXPECT_EQ(source.progress().heldBack, 0u);
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
