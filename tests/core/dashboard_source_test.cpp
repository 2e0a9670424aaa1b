// The dashboard's one source: reads the store off the calling thread, publishes immutable models, and follows new
// answers by reading only them.
#include "support/temp_dir.h"
#include "core/dashboard_source.h"
#include "core/response_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>

namespace alignkiosk::core {
namespace {

using namespace std::chrono_literals;
using alignkiosk::test_support::TempDir;

// Teams Sales and Marketing, k = 3; one step "signs" of diagnostic_signs with a 1..5 question and an open one.
Survey pulseSurvey() {
    Survey survey;
    survey.id = "team-pulse";
    survey.title = "Team pulse";
    survey.teams = {"Sales", "Marketing"};
    survey.anonymity.ratings = 3;
    survey.anonymity.text = 3;
    Step step;
    step.id = "signs";
    step.moduleId = "diagnostic_signs";
    step.title = "Signs";
    Question scale;
    scale.id = "q1";
    scale.kind = QuestionKind::Scale;
    scale.prompt = "How often?";
    scale.scaleMin = 1;
    scale.scaleMax = 5;
    scale.scaleLabels = {"1", "2", "3", "4", "5"};
    Question open;
    open.id = "goal";
    open.kind = QuestionKind::Text;
    open.prompt = "The goal in one sentence";
    open.required = false;
    open.maxLength = 200;
    step.questions = {scale, open};
    survey.steps.push_back(step);
    return survey;
}

Submission participant(const std::string& team, int rating, const std::string& surveyId = "team-pulse") {
    Submission submission;
    submission.surveyId = surveyId;
    submission.surveyVersion = 1;
    submission.team = team;
    submission.responses = {{"signs", "diagnostic_signs", "1.0.0",
                             R"({"answers":{"q1":)" + std::to_string(rating) + R"(,"goal":"grow repeat business"}})"}};
    return submission;
}

ResponseStoreOptions fixedDate() {
    ResponseStoreOptions options;
    options.dateProvider = [] { return std::string("2026-11-22"); };
    return options;
}

// Waits (bounded: a failure, not a timing) until `done` holds, woken by the source's onChange.
class Waiter {
public:
    std::function<void()> callback() {
        return [this] {
            { const std::lock_guard lock(m_mutex); ++m_changes; }
            m_changed.notify_all();
        };
    }
    bool until(const std::function<bool()>& done, DashboardSource* source = nullptr) {
        const auto deadline = std::chrono::steady_clock::now() + 30s;
        while (!done()) {
            if (source) source->refreshNow();
            std::unique_lock lock(m_mutex);
            if (m_changed.wait_until(lock, std::min(deadline, std::chrono::steady_clock::now() + 50ms)) ==
                    std::cv_status::timeout &&
                std::chrono::steady_clock::now() >= deadline)
                return done();
        }
        return true;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_changes = 0;
};

DashboardSourceOptions options(Waiter& waiter, std::size_t rowsPerRead = 4096) {
    DashboardSourceOptions chosen;
    chosen.onChange = waiter.callback();
    chosen.rowsPerRead = rowsPerRead;
    chosen.pollInterval = 20ms;
    chosen.shuffleSeed = [] { return uint64_t{7}; };
    return chosen;
}

TEST(DashboardSource, ReadsTheStoreOffTheCallingThreadAndPublishesTheModel) {
    const Survey survey = pulseSurvey();
    auto store = ResponseStore::open(":memory:", fixedDate());
    for (int i = 0; i < 30; ++i) store.submit(participant(i % 2 ? "Sales" : "Marketing", 1 + i % 5));
    Waiter waiter;
    DashboardSource source(survey, store, options(waiter, 7)); // 7 rows a read: many reads, progress between
    EXPECT_NE(source.model(), nullptr);
    EXPECT_EQ(source.model()->surveyTitle, "Team pulse") << "the empty model names the survey at once";

    const auto model = source.waitUntilLoaded();
    EXPECT_EQ(model->totalResponses, 30u);
    const DashboardSource::Progress progress = source.progress();
    EXPECT_TRUE(progress.loaded);
    EXPECT_EQ(progress.rowsRead, 30u);
    EXPECT_EQ(progress.rowsInStore, 30u);
    EXPECT_EQ(source.model(), model);
    EXPECT_GE(source.modelVersion(), 1u);
    // Open answers are kept once, in the model's pool.
    ASSERT_FALSE(model->texts.empty());
    EXPECT_EQ(model->texts.front().answers.front(), "grow repeat business");
    ASSERT_NE(model->textPool, nullptr);
    EXPECT_EQ(model->textPool->size(), 30u);
}

TEST(DashboardSource, FollowsNewAnswersReadingOnlyThem) {
    TempDir dir;
    const Survey survey = pulseSurvey();
    auto store = ResponseStore::open(dir.path() / "store.sqlite3", fixedDate());
    for (int i = 0; i < 20; ++i) store.submit(participant(i % 2 ? "Sales" : "Marketing", 3));
    Waiter waiter;
    DashboardSource source(survey, store, options(waiter));
    const auto first = source.waitUntilLoaded();
    EXPECT_EQ(first->totalResponses, 20u);
    EXPECT_EQ(source.progress().rowsReadEver, 20u);

    // Another process's kiosk (another connection) takes three more answers (a batch: k = 3).
    auto kiosk = ResponseStore::open(dir.path() / "store.sqlite3", fixedDate());
    for (int i = 0; i < 3; ++i) kiosk.submit(participant("Sales", 5));
    ASSERT_TRUE(waiter.until([&] { return source.model()->totalResponses == 23u; }, &source));
    EXPECT_EQ(source.progress().rowsReadEver, 23u) << "the 20 old rows were not read again";
    EXPECT_EQ(first->totalResponses, 20u) << "a published model never changes";
}

TEST(DashboardSource, NothingNewMeansNoNewModel) {
    const Survey survey = pulseSurvey();
    auto store = ResponseStore::open(":memory:", fixedDate());
    for (int i = 0; i < 10; ++i) store.submit(participant("Sales", 2));
    Waiter waiter;
    DashboardSource source(survey, store, options(waiter));
    source.waitUntilLoaded();
    const uint64_t version = source.modelVersion();
    const uint64_t polls = source.progress().polls;
    store.setSetting("facilitator_pin_hash", "x"); // a change to the store, but no answer
    ASSERT_TRUE(waiter.until([&] { return source.progress().polls >= polls + 3; }, &source));
    EXPECT_EQ(source.modelVersion(), version);
    EXPECT_EQ(source.progress().rowsReadEver, 10u);
}

TEST(DashboardSource, AStoreThatDealsItsRowsAgainIsCountedAfreshNotTwice) {
    const Survey survey = pulseSurvey();
    auto store = ResponseStore::open(":memory:", fixedDate());
    for (int i = 0; i < 50; ++i) store.submit(participant("Sales", 4)); // 50 rows of 64 slots
    Waiter waiter;
    DashboardSourceOptions asked = options(waiter);
    asked.pollInterval = std::chrono::hours(1); // reads only when asked: after all the answers below
    DashboardSource source(survey, store, asked);
    EXPECT_EQ(source.waitUntilLoaded()->totalResponses, 50u);
    // Past 9/10 of 64 slots the class grows and its rows are dealt again; the source reads everything afresh, and
    // the newcomers still come in batches: 10 Marketing answers are a batch, 2 Sales answers are held.
    for (int i = 0; i < 10; ++i) store.submit(participant("Marketing", 1));
    store.submit(participant("Sales", 1));
    store.submit(participant("Sales", 1));
    ASSERT_TRUE(waiter.until([&] { return source.model()->totalResponses == 60u; }, &source))
        << source.model()->totalResponses;
    EXPECT_EQ(source.progress().rowsRead, 62u) << "read afresh from the start";
    EXPECT_EQ(source.progress().heldBack, 2u); // two people (one step each here)
}

TEST(DashboardSource, NewcomersToAShownDashboardComeInBatchesOfKPerGroup) {
    const Survey survey = pulseSurvey(); // k = 3
    auto store = ResponseStore::open(":memory:", fixedDate());
    for (int i = 0; i < 10; ++i) store.submit(participant(i % 2 ? "Sales" : "Marketing", 3));
    Waiter waiter;
    DashboardSource source(survey, store, options(waiter));
    const auto shown = source.waitUntilLoaded();
    EXPECT_EQ(shown->totalResponses, 10u) << "the first read counts everything";

    // One known person presses Finish, then another in another team: the figures must not move by either alone.
    store.submit(participant("Sales", 5));
    store.submit(participant("Marketing", 5));
    ASSERT_TRUE(waiter.until([&] { return source.progress().heldBack == 2u; }, &source));
    EXPECT_EQ(source.model(), shown) << "no new model for fewer than k newcomers in every group";

    store.submit(participant("Sales", 5));
    store.submit(participant("Sales", 5)); // Sales' third newcomer: its batch is released, Marketing's one waits
    ASSERT_TRUE(waiter.until([&] { return source.model()->totalResponses == 13u; }, &source));
    EXPECT_EQ(source.progress().heldBack, 1u);
    const auto sales = std::find_if(source.model()->groupCounts.begin(), source.model()->groupCounts.end(),
                                    [](const GroupCount& group) { return group.group == "Sales"; });
    ASSERT_NE(sales, source.model()->groupCounts.end());
    EXPECT_EQ(sales->responses, 8u);

    // A dashboard opened afresh counts everything, the remainder included.
    DashboardSource fresh(survey, store, options(waiter));
    EXPECT_EQ(fresh.waitUntilLoaded()->totalResponses, 14u);
}

TEST(DashboardSource, CountsOtherSurveysInTheStore) {
    const Survey survey = pulseSurvey();
    auto store = ResponseStore::open(":memory:", fixedDate());
    for (int i = 0; i < 4; ++i) store.submit(participant("Sales", 4, "workshop"));
    Waiter waiter;
    DashboardSource source(survey, store, options(waiter));
    EXPECT_EQ(source.waitUntilLoaded()->totalResponses, 0u);
    const std::vector<SurveyParticipants> surveys = source.surveys();
    ASSERT_EQ(surveys.size(), 1u);
    EXPECT_EQ(surveys[0].surveyId, "workshop");
    EXPECT_EQ(surveys[0].participants, 4u);
}

TEST(DashboardSource, AStoreThatCannotBeReadEndsLoadingWithTheReason) {
    TempDir dir;
    const auto path = dir.path() / "store.sqlite3";
    const Survey survey = pulseSurvey();
    auto store = ResponseStore::open(path, fixedDate());
    store.submit(participant("Sales", 4));
    // A row whose body is not a response: damage the reader must report, not skip.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "UPDATE answer_slots SET body = zeroblob(length(body)) WHERE used = 1", nullptr,
                           nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
    Waiter waiter;
    DashboardSource source(survey, store, options(waiter));
    source.waitUntilLoaded();
    ASSERT_TRUE(source.error().has_value());
    EXPECT_NE(source.error()->find("damaged"), std::string::npos) << *source.error();
}

} // namespace
} // namespace alignkiosk::core
