// Demo data: deterministic for a seed, valid for every question kind (the store takes it, the aggregator counts all of
// it), and the planted patterns of the bundled survey show up on the dashboard.
#include "core/demo_data.h"

#include "core/answer_payload.h"
#include "core/response_aggregator.h"
#include "core/response_store.h"
#include "core/survey_loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <variant>
#include <vector>

namespace alignkiosk::core {
namespace {

namespace fs = std::filesystem;

class AnyModule : public ModuleCatalog {
public:
    bool hasModule(const std::string&) const override { return true; }
    uint32_t acceptedKinds(const std::string&) const override { return 0x3Fu; }
    std::vector<ModuleContentProblem> checkContent(const Step&) const override { return {}; }
};

Survey bundledSurvey(const char* file = "diagnostic-signs.json") {
    AnyModule catalog;
    const SurveyLoadResult loaded = loadSurvey(fs::path(ALIGNKIOSK_SOURCE_DIR) / "surveys" / file, catalog);
    EXPECT_TRUE(loaded.ok());
    return *loaded.survey;
}

// One group's counts for one question of one step, from the model's module aggregates.
const QuestionCounts* countsOf(const DashboardModel& model, const std::string& group, const std::string& questionId) {
    for (const ModuleAggregate& module : model.modules)
        for (const ModuleGroupAggregate& aggregate : module.groups)
            if (aggregate.group == group)
                for (const QuestionCounts& counts : aggregate.questions)
                    if (counts.questionId == questionId) return &counts;
    return nullptr;
}

// Every kind of question, optional and required, over two steps.
Survey everyKindSurvey() {
    AnyModule catalog;
    const SurveyLoadResult loaded = parseSurvey(R"({
  "id": "every-kind", "version": 3, "title": "Every kind", "teams": ["North", "South", "East"],
  "steps": [
    { "id": "one", "module": "everything", "title": "One", "questions": [
      { "id": "rate", "kind": "scale", "prompt": "Rate", "scale": { "min": 0, "max": 10,
        "labels": ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"] } },
      { "id": "why", "kind": "text", "prompt": "Why?", "required": false, "max_length": 20 },
      { "id": "must", "kind": "text", "prompt": "Say it", "max_length": 2000 },
      { "id": "pick", "kind": "choice", "prompt": "Pick", "required": false,
        "options": [ { "id": "a", "label": "A" }, { "id": "b", "label": "B" }, { "id": "c", "label": "C" } ] }
    ] },
    { "id": "two", "module": "other", "title": "Two", "questions": [
      { "id": "many", "kind": "multi_choice", "prompt": "Many",
        "options": [ { "id": "x", "label": "X" }, { "id": "y", "label": "Y" } ] },
      { "id": "split", "kind": "allocation", "prompt": "Split", "total": 7,
        "options": [ { "id": "p", "label": "P" }, { "id": "q", "label": "Q" }, { "id": "r", "label": "R" } ] },
      { "id": "share", "kind": "percent", "prompt": "Share" }
    ] }
  ]
})",
                                                "every.json", catalog);
    EXPECT_TRUE(loaded.ok());
    return *loaded.survey;
}

StoredResponse asRow(const Submission& submission, const ResponseDraft& draft) {
    StoredResponse row;
    row.surveyId = submission.surveyId;
    row.surveyVersion = submission.surveyVersion;
    row.stepId = draft.stepId;
    row.moduleId = draft.moduleId;
    row.moduleVersion = draft.moduleVersion;
    row.team = submission.team;
    row.payload = draft.payload;
    return row;
}

ResponseAggregator aggregate(const Survey& survey, const std::vector<Submission>& submissions) {
    ResponseAggregator aggregator(survey);
    for (const Submission& submission : submissions)
        for (const ResponseDraft& draft : submission.responses) EXPECT_TRUE(aggregator.add(asRow(submission, draft)));
    return aggregator;
}

std::size_t itemIndex(const DashboardModel& model, const std::string& questionId) {
    for (std::size_t i = 0; i < model.ratedItems.size(); ++i)
        if (model.ratedItems[i].questionId == questionId) return i;
    ADD_FAILURE() << questionId << " is not a rated item";
    return 0;
}

TEST(DemoData, IsTheSameForASeedAndDiffersBetweenSeeds) {
    const Survey survey = bundledSurvey();
    const auto payloads = [&](uint64_t seed) {
        std::vector<std::string> all;
        for (const Submission& submission : generateDemoSubmissions(survey, {50, {}, seed, {}})) {
            all.push_back(submission.team.value_or("-"));
            for (const ResponseDraft& draft : submission.responses) all.push_back(draft.payload);
        }
        return all;
    };
    EXPECT_EQ(payloads(7), payloads(7));
    EXPECT_NE(payloads(7), payloads(8));
    EXPECT_TRUE(generateDemoSubmissions(survey, {0, {}, 7, {}}).empty());
}

TEST(DemoData, TheBundledSurveysPlantedPatternsShowOnTheDashboard) {
    const Survey survey = bundledSurvey();
    const std::vector<Submission> submissions = generateDemoSubmissions(survey, {600, {}, 2026, {}});
    ASSERT_EQ(submissions.size(), 600u);
    const DashboardModel model = aggregate(survey, submissions).model(1);
    EXPECT_EQ(model.totalResponses, 600u);
    std::vector<std::string> labels;
    for (const auto& team : survey.teams) labels.push_back(team.label);
    EXPECT_EQ(model.shownTeams, labels);

    // The largest gap: Sales above Marketing on the value-language item.
    ASSERT_FALSE(model.largestGaps.empty());
    const TeamGap& top = model.largestGaps.front();
    EXPECT_EQ(model.ratedItems[top.item].questionId, "value_language_differs");
    EXPECT_EQ(top.teamA, "Sales");
    EXPECT_EQ(top.teamB, "Marketing");
    EXPECT_GT(top.gap, 2.0);
    const RatedItem& value = model.ratedItems[top.item];
    for (const GroupItem& group : value.groups) {
        if (group.group == "Sales") {
            EXPECT_GE(group.statistics.mean, 4.0);
        }
        if (group.group == "Marketing") {
            EXPECT_LE(group.statistics.mean, 2.0);
        }
    }

    // The item everyone agrees on: the highest everyone-rwg, very strong.
    ASSERT_FALSE(model.lowestAgreement.empty());
    const std::size_t agreed = itemIndex(model, "content_relevance");
    EXPECT_EQ(model.lowestAgreement.back(), agreed);
    EXPECT_GT(model.ratedItems[agreed].groups.front().statistics.rwg, 0.9);

    // The widespread sign: at least half of everyone on the top two points (the module's WIDESPREAD rule).
    const GroupItem& shifts = model.ratedItems[itemIndex(model, "messaging_shifts")].groups.front();
    ASSERT_EQ(shifts.group, "ALL");
    EXPECT_GE(2 * (shifts.distribution.counts[3] + shifts.distribution.counts[4]), shifts.statistics.n);

    // About one in ten chose no team; open sentences were written and are shown.
    const auto noTeam = std::count_if(submissions.begin(), submissions.end(),
                                      [](const Submission& submission) { return !submission.team; });
    EXPECT_GT(noTeam, 30);
    EXPECT_LT(noTeam, 90);
    ASSERT_FALSE(model.texts.empty());
    EXPECT_GT(model.texts.front().answers.size(), 200u);
}

TEST(DemoData, TheWorkshopSurveysModulePatternsShowInTheirCounts) {
    const Survey survey = bundledSurvey("mission-alignment-workshop.json");
    const DashboardModel model = aggregate(survey, generateDemoSubmissions(survey, {600, {}, 2026, {}})).model(1);

    // role_product (customer, partner, supplier): Sales mostly say supplier, Marketing mostly customer.
    const QuestionCounts* salesRole = countsOf(model, "Sales", "role_product");
    const QuestionCounts* marketingRole = countsOf(model, "Marketing", "role_product");
    ASSERT_NE(salesRole, nullptr);
    ASSERT_NE(marketingRole, nullptr);
    EXPECT_GT(2 * salesRole->counts[2], salesRole->answered);
    EXPECT_GT(2 * marketingRole->counts[0], marketingRole->answered);

    // works_for (employer, customers, yourself; sums first): Sales give the customers most, Leadership the employer.
    const QuestionCounts* salesMix = countsOf(model, "Sales", "works_for");
    const QuestionCounts* leadershipMix = countsOf(model, "Leadership", "works_for");
    ASSERT_NE(salesMix, nullptr);
    ASSERT_NE(leadershipMix, nullptr);
    EXPECT_GT(salesMix->counts[1], salesMix->counts[0]);
    EXPECT_GT(leadershipMix->counts[0], leadershipMix->counts[1]);

    // time_on_goal: about a quarter of the week (101 bins, one per percent).
    const QuestionCounts* time = countsOf(model, "ALL", "time_on_goal");
    ASSERT_NE(time, nullptr);
    double sum = 0.0;
    for (std::size_t p = 0; p < time->counts.size(); ++p) sum += static_cast<double>(p * time->counts[p]);
    EXPECT_LT(sum / static_cast<double>(time->answered), 35.0);

    // one_big_goal: the goal sentences, most of them about repeat business.
    const auto goals = std::find_if(model.texts.begin(), model.texts.end(),
                                    [](const TextAnswers& texts) { return texts.questionId == "one_big_goal"; });
    ASSERT_NE(goals, model.texts.end());
    const auto repeat = std::count_if(goals->answers.begin(), goals->answers.end(), [](std::string_view text) {
        return text.find("repeat") != std::string::npos;
    });
    EXPECT_GT(repeat * 4, static_cast<long>(goals->answers.size()));
}

TEST(DemoData, AnswersEveryKindOfQuestionWithValuesTheSurveyAllows) {
    const Survey survey = everyKindSurvey();
    const std::vector<Submission> submissions =
        generateDemoSubmissions(survey, {300, {}, 5, {{"everything", "2.1.0"}}});
    std::map<std::string, int> answered;
    std::set<std::string> teams;
    for (const Submission& submission : submissions) {
        EXPECT_EQ(submission.surveyId, "every-kind");
        EXPECT_EQ(submission.surveyVersion, 3u);
        if (submission.team) teams.insert(*submission.team);
        ASSERT_EQ(submission.responses.size(), 2u);
        EXPECT_EQ(submission.responses[0].moduleVersion, "2.1.0");
        EXPECT_EQ(submission.responses[1].moduleVersion, "0.0.0");
        for (const ResponseDraft& draft : submission.responses) {
            const auto answers = parseAnswerPayload(draft.payload);
            ASSERT_TRUE(answers) << draft.payload;
            for (const Answer& answer : *answers) {
                ++answered[answer.questionId];
                const AnswerValue& v = answer.value;
                if (answer.questionId == "rate") {
                    ASSERT_TRUE(std::holds_alternative<int64_t>(v));
                    EXPECT_GE(std::get<int64_t>(v), 0);
                    EXPECT_LE(std::get<int64_t>(v), 10);
                } else if (answer.questionId == "why" || answer.questionId == "must") {
                    ASSERT_TRUE(std::holds_alternative<std::string>(v));
                    EXPECT_FALSE(std::get<std::string>(v).empty());
                    if (answer.questionId == "why") {
                        EXPECT_LE(std::get<std::string>(v).size(), 20u);
                    }
                } else if (answer.questionId == "pick") {
                    ASSERT_TRUE(std::holds_alternative<std::string>(v));
                    EXPECT_TRUE(std::set<std::string>({"a", "b", "c"}).count(std::get<std::string>(v)));
                } else if (answer.questionId == "many") {
                    ASSERT_TRUE(std::holds_alternative<std::vector<std::string>>(v));
                    const auto& chosen = std::get<std::vector<std::string>>(v);
                    EXPECT_FALSE(chosen.empty()) << "a required multi-choice names at least one option";
                    for (const std::string& option : chosen) EXPECT_TRUE(option == "x" || option == "y");
                } else if (answer.questionId == "split") {
                    ASSERT_TRUE(std::holds_alternative<std::vector<OptionPoints>>(v));
                    int64_t sum = 0;
                    for (const OptionPoints& share : std::get<std::vector<OptionPoints>>(v)) {
                        EXPECT_GT(share.points, 0);
                        sum += share.points;
                    }
                    EXPECT_EQ(sum, 7);
                } else if (answer.questionId == "share") {
                    ASSERT_TRUE(std::holds_alternative<int64_t>(v));
                    EXPECT_GE(std::get<int64_t>(v), 0);
                    EXPECT_LE(std::get<int64_t>(v), 100);
                } else {
                    ADD_FAILURE() << "unexpected answer " << answer.questionId;
                }
            }
        }
    }
    // Required questions always, optional ones mostly.
    for (const char* required : {"rate", "must", "many", "split", "share"}) EXPECT_EQ(answered[required], 300);
    EXPECT_GT(answered["pick"], 240);
    EXPECT_LT(answered["pick"], 300);
    EXPECT_GT(answered["why"], 120);
    EXPECT_LT(answered["why"], 220);
    EXPECT_EQ(teams, (std::set<std::string>{"North", "South", "East"}));

    // The aggregator counts every row, and the store takes every submission.
    const ResponseAggregator aggregator = aggregate(survey, submissions);
    EXPECT_EQ(aggregator.added(), 600u);
    EXPECT_EQ(aggregator.skipped(), 0u);
    ResponseStore store = ResponseStore::open(":memory:");
    for (std::size_t i = 0; i < 20; ++i) store.submit(submissions[i]);
    EXPECT_EQ(store.count("every-kind"), 40u);
}

TEST(DemoData, UsesTheTeamsItIsGiven) {
    const Survey survey = bundledSurvey();
    const std::vector<Submission> submissions = generateDemoSubmissions(survey, {200, {"Red", "Blue"}, 3, {}});
    std::set<std::string> teams;
    for (const Submission& submission : submissions)
        if (submission.team) teams.insert(*submission.team);
    EXPECT_EQ(teams, (std::set<std::string>{"Red", "Blue"}));
}

} // namespace
} // namespace alignkiosk::core
