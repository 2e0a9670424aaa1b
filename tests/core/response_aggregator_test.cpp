// The response aggregator: counts per step, question and group from stored rows, and the dashboard built from them
// under the anonymity rules. Every expected figure is worked out by hand in the comments.
#include "core/response_aggregator.h"

#include "core/survey_languages.h"
#include "core/survey_loader.h"
#include "support/shown_model.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace alignkiosk::core {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAreArray;
using test_support::shownOf;

// [SECTION] Helpers -----------------------------------------------------------------------------------------------

Question scaleQuestion(const std::string& id, int min = 1, int max = 5) {
    Question question;
    question.id = id;
    question.kind = QuestionKind::Scale;
    question.prompt = "How often does " + id + " happen?";
    question.scaleMin = min;
    question.scaleMax = max;
    for (int point = min; point <= max; ++point) question.scaleLabels.push_back("point " + std::to_string(point));
    return question;
}

Question textQuestion(const std::string& id) {
    Question question;
    question.id = id;
    question.kind = QuestionKind::Text;
    question.prompt = "Say it in one sentence";
    question.required = false;
    question.maxLength = 40;
    return question;
}

Question optionQuestion(const std::string& id, QuestionKind kind, std::vector<std::string> options) {
    Question question;
    question.id = id;
    question.kind = kind;
    question.prompt = "Pick";
    for (const std::string& option : options) question.options.push_back(Option{option, "Option " + option});
    return question;
}

// Teams Sales and Marketing, k = 3 for ratings and texts, one step "s" of module "m".
Survey smallSurvey(std::vector<Question> questions, uint32_t k = 3) {
    Survey survey;
    survey.id = "pulse";
    survey.title = "Pulse";
    survey.teams = {"Sales", "Marketing"};
    survey.anonymity.ratings = k;
    survey.anonymity.text = k;
    Step step;
    step.id = "s";
    step.moduleId = "m";
    step.title = "Step";
    step.questions = std::move(questions);
    survey.steps.push_back(step);
    return survey;
}

StoredResponse row(std::optional<std::string> team, std::string payload, std::string step = "s",
                   std::string survey = "pulse", std::string module = "m") {
    StoredResponse response;
    response.id = "00000000000000000000000000000000";
    response.surveyId = std::move(survey);
    response.surveyVersion = 1;
    response.stepId = std::move(step);
    response.moduleId = std::move(module);
    response.moduleVersion = "1.0.0";
    response.team = std::move(team);
    response.sessionDate = "2026-11-22";
    response.payload = std::move(payload);
    return response;
}

std::string scalePayload(const std::string& question, int value) {
    return R"({"answers":{")" + question + "\":" + std::to_string(value) + "}}";
}

void addScale(ResponseAggregator& aggregator, std::optional<std::string> team, std::vector<int> values,
              const std::string& question = "q1") {
    for (const int value : values) ASSERT_TRUE(aggregator.add(row(team, scalePayload(question, value))));
}

const GroupItem* groupOf(const RatedItem& item, const std::string& group) {
    for (const GroupItem& shown : item.groups)
        if (shown.group == group) return &shown;
    return nullptr;
}

std::vector<std::string> groupNames(const RatedItem& item) {
    std::vector<std::string> names;
    for (const GroupItem& shown : item.groups) names.push_back(shown.group);
    return names;
}

// [SECTION] Counting and statistics -------------------------------------------------------------------------------

TEST(ResponseAggregator, CountsTeamsByIdWhateverLanguageTheSurveyIsShownIn) {
    // A survey in English and German: teams have ids, and their labels differ by language.
    Survey survey = smallSurvey({scaleQuestion("q1")});
    survey.languages = {"en", "de"};
    survey.teams = {Team("sales", "Sales"), Team("marketing", "Marketing")};
    survey.wordings[{"teams", "0", "label"}] = {{"en", "Sales"}, {"de", "Vertrieb"}};
    survey.wordings[{"teams", "1", "label"}] = {{"en", "Marketing"}, {"de", "Marketing"}};
    const Survey german = resolvedSurvey(survey, "de");
    ASSERT_EQ(german.teams[0].label, "Vertrieb");

    // Rows keep no language: three from German participants and three from English ones, all of team "sales". A row
    // naming the team by a label someone saw ("Vertrieb") is not that team: teams are matched by id, never by text.
    ResponseAggregator inGerman(german);
    ResponseAggregator inEnglish(resolvedSurvey(survey, "en"));
    for (ResponseAggregator* aggregator : {&inGerman, &inEnglish}) {
        addScale(*aggregator, "sales", {5, 5, 4, 4, 5, 5});
        addScale(*aggregator, "marketing", {1, 2, 1});
        addScale(*aggregator, "Vertrieb", {3});
        addScale(*aggregator, std::nullopt, {3, 3});
    }

    // The same counts either way; only the groups' names follow the survey's language.
    const DashboardModel germanModel = inGerman.model(1);
    const DashboardModel englishModel = inEnglish.model(1);
    EXPECT_EQ(germanModel.shownTeams, (std::vector<std::string>{"Vertrieb", "Marketing"}));
    EXPECT_EQ(englishModel.shownTeams, (std::vector<std::string>{"Sales", "Marketing"}));
    ASSERT_EQ(germanModel.ratedItems.size(), 1u);
    ASSERT_EQ(englishModel.ratedItems.size(), 1u);
    const GroupItem* vertrieb = groupOf(germanModel.ratedItems[0], "Vertrieb");
    const GroupItem* sales = groupOf(englishModel.ratedItems[0], "Sales");
    ASSERT_NE(vertrieb, nullptr);
    ASSERT_NE(sales, nullptr);
    EXPECT_EQ(vertrieb->statistics.n, 6u);
    EXPECT_EQ(sales->statistics.n, 6u);
    EXPECT_EQ(vertrieb->distribution.counts, sales->distribution.counts);
    // "Vertrieb" counted for no team: everyone is 6 + 3 + 1 + 2.
    const GroupItem* everyone = groupOf(germanModel.ratedItems[0], std::string(kEveryoneGroup));
    ASSERT_NE(everyone, nullptr);
    EXPECT_EQ(everyone->statistics.n, 12u);
}

TEST(ResponseAggregator, ARowStoredBeforeTeamsHadIdsCountsWithTheTeamItsDefaultLabelNames) {
    // The bundled surveys once named teams by text ("Customer service"); now they have ids ("customer_service").
    Survey survey = smallSurvey({scaleQuestion("q1")});
    survey.languages = {"en", "de"};
    survey.teams = {Team("customer_service", "Customer service"), Team("sales", "Sales")};
    survey.wordings[{"teams", "0", "label"}] = {{"en", "Customer service"}, {"de", "Kundendienst"}};
    ResponseAggregator aggregator(resolvedSurvey(survey, "de"));
    addScale(aggregator, "Customer service", {4, 4}); // stored before the ids
    addScale(aggregator, "customer_service", {5});
    addScale(aggregator, "sales", {2, 2, 2});
    const DashboardModel model = aggregator.model(1);
    ASSERT_EQ(model.ratedItems.size(), 1u);
    const GroupItem* team = groupOf(model.ratedItems[0], "Kundendienst");
    ASSERT_NE(team, nullptr);
    EXPECT_EQ(team->statistics.n, 3u);
}

TEST(ResponseAggregator, CountsOptionsByIdWhateverLanguageTheirLabelsAreIn) {
    Survey survey = smallSurvey({optionQuestion("q1", QuestionKind::Choice, {"yes", "no"})});
    survey.languages = {"en", "fr"};
    survey.wordings[{"steps", "0", "questions", "0", "options", "0", "label"}] = {{"en", "Yes"}, {"fr", "Oui"}};
    survey.wordings[{"steps", "0", "questions", "0", "options", "1", "label"}] = {{"en", "No"}, {"fr", "Non"}};
    const Survey french = resolvedSurvey(survey, "fr");
    ASSERT_EQ(french.steps[0].questions[0].options[0].label, "Oui");
    ResponseAggregator aggregator(french);
    // The French and the English participant's module both store the option's id; a label is no option.
    for (const char* answer : {"yes", "yes", "yes", "no", "Oui"})
        ASSERT_TRUE(aggregator.add(row(std::nullopt, std::string(R"({"answers":{"q1":")") + answer + "\"}}")));
    const DashboardModel model = aggregator.model(1);
    ASSERT_EQ(model.modules.size(), 1u);
    ASSERT_FALSE(model.modules[0].groups.empty());
    const ModuleGroupAggregate& everyone = model.modules[0].groups[0];
    EXPECT_EQ(everyone.group, kEveryoneGroup);
    ASSERT_EQ(everyone.questions.size(), 1u);
    EXPECT_EQ(everyone.questions[0].counts, (std::vector<uint64_t>{3, 1})); // yes, no; "Oui" is neither
}

TEST(ResponseAggregator, CountsPerTeamAndForEveryoneAndComputesTheirStatistics) {
    Question q1 = scaleQuestion("q1");
    q1.attributes["label"] = "Q one";
    ResponseAggregator aggregator(smallSurvey({q1}));
    addScale(aggregator, "Sales", {5, 5, 4});
    addScale(aggregator, "Marketing", {1, 2, 1});
    addScale(aggregator, std::nullopt, {3, 3, 3});
    EXPECT_EQ(aggregator.added(), 9u);
    EXPECT_EQ(aggregator.skipped(), 0u);

    const DashboardModel model = aggregator.model(1);
    EXPECT_EQ(model.surveyId, "pulse");
    EXPECT_EQ(model.surveyTitle, "Pulse");
    EXPECT_EQ(model.thresholds.ratings, 3u);
    EXPECT_EQ(model.totalResponses, 9u);
    ASSERT_EQ(model.groupCounts.size(), 3u);
    EXPECT_EQ(model.groupCounts[0].group, "ALL");
    EXPECT_EQ(model.groupCounts[0].responses, 9u);
    EXPECT_EQ(model.groupCounts[1].group, "Sales");
    EXPECT_EQ(model.groupCounts[1].responses, 3u);
    EXPECT_EQ(model.groupCounts[2].group, "Marketing");
    EXPECT_EQ(model.groupCounts[2].responses, 3u);
    EXPECT_EQ(model.shownTeams, (std::vector<std::string>{"Sales", "Marketing"}));
    EXPECT_EQ(model.hiddenGroups, 0u);

    ASSERT_EQ(model.ratedItems.size(), 1u);
    const RatedItem& item = model.ratedItems[0];
    EXPECT_EQ(item.stepId, "s");
    EXPECT_EQ(item.moduleId, "m");
    EXPECT_EQ(item.questionId, "q1");
    EXPECT_EQ(item.label, "Q one");
    EXPECT_EQ(item.prompt, q1.prompt);
    EXPECT_EQ(item.scaleLabels.size(), 5u);
    EXPECT_THAT(groupNames(item), ElementsAre("ALL", "Sales", "Marketing"));

    // Everyone: 1 x2, 2 x1, 3 x3, 4 x1, 5 x2; mean 27 / 9 = 3.
    const GroupItem& all = item.groups[0];
    EXPECT_EQ(all.distribution.scaleMin, 1);
    EXPECT_THAT(all.distribution.counts, ElementsAre(2u, 1u, 3u, 1u, 2u));
    EXPECT_EQ(all.statistics.n, 9u);
    EXPECT_DOUBLE_EQ(all.statistics.mean, 3.0);
    // Sales 5, 5, 4: mean 14/3, s^2 = (1/9 + 1/9 + 4/9) / 2 = 1/3.
    const GroupItem& sales = item.groups[1];
    EXPECT_THAT(sales.distribution.counts, ElementsAre(0u, 0u, 0u, 1u, 2u));
    EXPECT_NEAR(sales.statistics.mean, 14.0 / 3.0, 1e-12);
    EXPECT_NEAR(sales.statistics.sd, std::sqrt(1.0 / 3.0), 1e-12);
    const GroupItem& marketing = item.groups[2];
    EXPECT_THAT(marketing.distribution.counts, ElementsAre(2u, 1u, 0u, 0u, 0u));
    EXPECT_NEAR(marketing.statistics.mean, 4.0 / 3.0, 1e-12);

    // Gap 10/3; pooled SD sqrt((2/3 + 2/3) / 4) = sqrt(1/3); in SD units 10/3 * sqrt(3) = 5.7735.
    ASSERT_EQ(model.largestGaps.size(), 1u);
    const TeamGap& gap = model.largestGaps[0];
    EXPECT_EQ(gap.item, 0u);
    EXPECT_EQ(gap.teamA, "Sales");
    EXPECT_EQ(gap.teamB, "Marketing");
    EXPECT_NEAR(gap.gap, 10.0 / 3.0, 1e-12);
    EXPECT_NEAR(gap.gapInSd, 10.0 / 3.0 * std::sqrt(3.0), 1e-9);

    EXPECT_THAT(model.lowestAgreement, ElementsAre(0u));
}

TEST(ResponseAggregator, TeamNamesMatchLikeTheValidatorAndUnknownTeamsCountAsNoTeam) {
    ResponseAggregator aggregator(smallSurvey({scaleQuestion("q1")}));
    addScale(aggregator, "Sales", {5, 5});
    addScale(aggregator, " sales ", {4}); // the validator treats this as the same team
    addScale(aggregator, "Finance", {1, 1, 1}); // not in the survey: counted for everyone, under no team
    addScale(aggregator, "Marketing", {2, 2, 2});

    const DashboardModel model = aggregator.model(1);
    ASSERT_EQ(model.ratedItems.size(), 1u);
    const RatedItem& item = model.ratedItems[0];
    EXPECT_THAT(groupNames(item), ElementsAre("ALL", "Sales", "Marketing"));
    EXPECT_THAT(groupOf(item, "Sales")->distribution.counts, ElementsAre(0u, 0u, 0u, 1u, 2u));
    EXPECT_THAT(groupOf(item, "ALL")->distribution.counts, ElementsAre(3u, 3u, 0u, 1u, 2u));
    for (const GroupCount& count : model.groupCounts) EXPECT_NE(count.group, "Finance");
}

TEST(ResponseAggregator, SkipsRowsItCannotCount) {
    ResponseAggregator aggregator(smallSurvey({scaleQuestion("q1")}));
    EXPECT_FALSE(aggregator.add(row("Sales", scalePayload("q1", 3), "s", "another-survey")));
    EXPECT_FALSE(aggregator.add(row("Sales", scalePayload("q1", 3), "no-such-step")));
    EXPECT_FALSE(aggregator.add(row("Sales", scalePayload("q1", 3), "s", "pulse", "another_module")));
    EXPECT_FALSE(aggregator.add(row("Sales", "not json")));
    EXPECT_FALSE(aggregator.add(row("Sales", "[1,2]")));
    EXPECT_FALSE(aggregator.add(row("Sales", R"({"answers":[1]})")));
    EXPECT_FALSE(aggregator.add(row("Sales", R"({"q1":3})")));
    EXPECT_TRUE(aggregator.add(row("Sales", R"({"answers":{}})")));
    EXPECT_EQ(aggregator.skipped(), 7u);
    EXPECT_EQ(aggregator.added(), 1u);
}

TEST(ResponseAggregator, IgnoresAnswersThatDoNotFitTheirQuestionAndCountsARepeatedIdOnce) {
    ResponseAggregator aggregator(smallSurvey({scaleQuestion("q1"), scaleQuestion("q2")}));
    const std::vector<std::string> payloads = {
        R"({"answers":{"q1":3,"q1":5,"q2":4}})", // q1 counted once, as 3
        R"({"answers":{"q1":6,"q2":0}})",        // both out of range
        R"({"answers":{"q1":2.5,"q2":"4"}})",    // wrong types
        R"({"answers":{"unknown":1,"q2":4}})",   // unknown id left out, q2 counted
        R"({"answers":{"q2":4,"q1":3}})",        // any order
    };
    for (const std::string& payload : payloads) EXPECT_TRUE(aggregator.add(row("Sales", payload)));
    addScale(aggregator, "Marketing", {1, 1, 1});

    const DashboardModel model = aggregator.model(1);
    // q1: Sales answered 3 twice; q2: Sales answered 4 three times.
    const GroupItem* salesQ1 = groupOf(model.ratedItems[0], "Sales");
    EXPECT_EQ(salesQ1, nullptr) << "2 answers are below k = 3";
    const GroupItem* salesQ2 = groupOf(model.ratedItems[1], "Sales");
    ASSERT_NE(salesQ2, nullptr);
    EXPECT_THAT(salesQ2->distribution.counts, ElementsAre(0u, 0u, 0u, 3u, 0u));
    // The five rows are five participants, answers or not.
    EXPECT_EQ(model.groupCounts[1].group, "Sales");
    EXPECT_EQ(model.groupCounts[1].responses, 5u);
}

TEST(ResponseAggregator, ScalesNeedNotStartAtOne) {
    ResponseAggregator aggregator(smallSurvey({scaleQuestion("q1", -2, 2)}));
    addScale(aggregator, std::nullopt, {-2, 0, 0, 2, 3});
    const DashboardModel model = aggregator.model(1);
    const GroupItem* all = groupOf(model.ratedItems[0], "ALL");
    ASSERT_NE(all, nullptr);
    EXPECT_EQ(all->distribution.scaleMin, -2);
    EXPECT_THAT(all->distribution.counts, ElementsAre(1u, 0u, 2u, 0u, 1u));
    EXPECT_DOUBLE_EQ(all->statistics.mean, 0.0);
}

TEST(ResponseAggregator, AddCountedCountsLikeAdd) {
    ResponseAggregator fromRows(smallSurvey({scaleQuestion("q1"), scaleQuestion("q2")}));
    ResponseAggregator fromMemory(smallSurvey({scaleQuestion("q1"), scaleQuestion("q2")}));
    const std::vector<std::pair<std::optional<std::size_t>, std::vector<int>>> answers = {
        {0, {1, 2}}, {0, {2, 2}}, {0, {5, 3}}, {1, {4, 4}}, {1, {4, 5}}, {1, {3, 1}}, {std::nullopt, {2, 2}}};
    const std::vector<std::string> teams = {"Sales", "Marketing"};
    for (const auto& [team, values] : answers) {
        const std::string payload = R"({"answers":{"q1":)" + std::to_string(values[0]) + R"(,"q2":)" +
                                    std::to_string(values[1]) + "}}";
        ASSERT_TRUE(fromRows.add(row(team ? std::optional(teams[*team]) : std::nullopt, payload)));
        const CountedAnswer counted[] = {{0, values[0]}, {1, values[1]}, {1, 5}}; // the repeated q2 is ignored
        ASSERT_TRUE(fromMemory.addCounted(0, team, counted));
    }
    EXPECT_FALSE(fromMemory.addCounted(1, std::nullopt, {}));
    EXPECT_FALSE(fromMemory.addCounted(0, 2, {}));
    EXPECT_EQ(fromMemory.added(), 7u);
    EXPECT_EQ(fromMemory.skipped(), 2u);

    const DashboardModel a = fromRows.model(1);
    const DashboardModel b = fromMemory.model(1);
    ASSERT_EQ(a.ratedItems.size(), b.ratedItems.size());
    for (std::size_t i = 0; i < a.ratedItems.size(); ++i) {
        ASSERT_EQ(groupNames(a.ratedItems[i]), groupNames(b.ratedItems[i]));
        for (std::size_t g = 0; g < a.ratedItems[i].groups.size(); ++g)
            EXPECT_EQ(a.ratedItems[i].groups[g].distribution.counts, b.ratedItems[i].groups[g].distribution.counts);
    }
    EXPECT_EQ(a.groupCounts.size(), b.groupCounts.size());
}

// [SECTION] Anonymity ---------------------------------------------------------------------------------------------

TEST(ResponseAggregator, HidesTeamsBelowKAndAppliesTheDifferencingGuard) {
    // k = 5. Sales 6, Marketing 2 and nobody without a team: Marketing is hidden, and everyone minus Sales would be
    // Marketing's 2 answers, so Sales is hidden as well. Everyone (8) stays.
    ResponseAggregator aggregator(smallSurvey({scaleQuestion("q1")}, 5));
    addScale(aggregator, "Sales", {5, 5, 4, 5, 4, 5});
    addScale(aggregator, "Marketing", {1, 1});

    const DashboardModel model = aggregator.model(1);
    EXPECT_EQ(model.thresholds.ratings, 5u);
    EXPECT_EQ(model.totalResponses, 8u);
    ASSERT_EQ(model.groupCounts.size(), 1u);
    EXPECT_EQ(model.groupCounts[0].group, "ALL");
    EXPECT_TRUE(model.shownTeams.empty());
    EXPECT_EQ(model.hiddenGroups, 2u);
    EXPECT_EQ(model.hiddenByGuard, 1u); // Sales (6) hides so that Marketing's 2 cannot be worked out
    EXPECT_THAT(groupNames(model.ratedItems[0]), ElementsAre("ALL"));
    EXPECT_TRUE(model.largestGaps.empty());
    ASSERT_EQ(model.modules.size(), 1u);
    ASSERT_EQ(model.modules[0].groups.size(), 1u);
    EXPECT_EQ(model.modules[0].groups[0].group, "ALL");

    // Three more without a team: the hidden answers (2 + 3) reach k, and Sales may be shown.
    addScale(aggregator, std::nullopt, {3, 3, 3});
    const DashboardModel more = aggregator.model(1);
    EXPECT_EQ(more.shownTeams, (std::vector<std::string>{"Sales"}));
    EXPECT_THAT(groupNames(more.ratedItems[0]), ElementsAre("ALL", "Sales"));
    EXPECT_EQ(more.hiddenGroups, 1u);
    EXPECT_EQ(more.hiddenByGuard, 0u);
}

TEST(ResponseAggregator, FewerThanKInAllShowsNothingAndNoTotal) {
    ResponseAggregator aggregator(smallSurvey({scaleQuestion("q1")}, 5));
    addScale(aggregator, "Sales", {5, 4});
    addScale(aggregator, std::nullopt, {3, 3});
    const DashboardModel model = aggregator.model(1);
    EXPECT_EQ(model.totalResponses, 0u);
    EXPECT_TRUE(model.groupCounts.empty());
    EXPECT_EQ(model.hiddenGroups, 1u);
    ASSERT_EQ(model.ratedItems.size(), 1u);
    EXPECT_TRUE(model.ratedItems[0].groups.empty());
    EXPECT_TRUE(model.lowestAgreement.empty());
    EXPECT_TRUE(model.modules[0].groups.empty());
}

TEST(ResponseAggregator, GivesTheFirstAndLastDayOnlyWithTheTotal) {
    ResponseAggregator aggregator(smallSurvey({scaleQuestion("q1")}, 3));
    for (const char* day : {"2026-11-23", "2026-11-21", "2026-11-22"}) {
        StoredResponse response = row("Sales", scalePayload("q1", 4));
        response.sessionDate = day;
        ASSERT_TRUE(aggregator.add(response));
    }
    // Three answers, below nothing: not shown yet, so neither are the days.
    ResponseAggregator hidden(smallSurvey({scaleQuestion("q1")}, 5));
    addScale(hidden, "Sales", {5, 4});
    EXPECT_EQ(hidden.model(1).firstDay, "");
    EXPECT_EQ(hidden.model(1).lastDay, "");

    const DashboardModel model = aggregator.model(1);
    ASSERT_EQ(model.totalResponses, 3u);
    EXPECT_EQ(model.firstDay, "2026-11-21");
    EXPECT_EQ(model.lastDay, "2026-11-23");
}

TEST(ResponseAggregator, AnItemWithFewerAnswersIsJudgedByItsOwnCounts) {
    // Everyone answered q1; only two Marketing people answered the optional q2. For q2, Marketing is hidden, and
    // so is Sales (everyone minus Sales would be Marketing's 2).
    Question q2 = scaleQuestion("q2");
    q2.required = false;
    ResponseAggregator aggregator(smallSurvey({scaleQuestion("q1"), q2}, 3));
    for (int i = 0; i < 4; ++i) ASSERT_TRUE(aggregator.add(row("Sales", R"({"answers":{"q1":4,"q2":5}})")));
    for (int i = 0; i < 2; ++i) ASSERT_TRUE(aggregator.add(row("Marketing", R"({"answers":{"q1":2,"q2":1}})")));
    for (int i = 0; i < 2; ++i) ASSERT_TRUE(aggregator.add(row("Marketing", R"({"answers":{"q1":2}})")));

    const DashboardModel model = aggregator.model(1);
    EXPECT_THAT(groupNames(model.ratedItems[0]), ElementsAre("ALL", "Sales", "Marketing"));
    EXPECT_THAT(groupNames(model.ratedItems[1]), ElementsAre("ALL"));
    // The module panel gets the same: q2's counts only for everyone.
    const ModuleAggregate& module = model.modules[0];
    ASSERT_EQ(module.groups.size(), 3u);
    EXPECT_EQ(module.groups[0].questions.size(), 2u);
    ASSERT_EQ(module.groups[1].questions.size(), 1u);
    EXPECT_EQ(module.groups[1].questions[0].questionId, "q1");
    EXPECT_EQ(module.groups[2].questions.size(), 1u);
}

TEST(ResponseAggregator, ReadsTheThresholdsFromTheSurveyFile) {
    class Catalog : public ModuleCatalog {
    public:
        bool hasModule(const std::string&) const override { return true; }
        uint32_t acceptedKinds(const std::string&) const override { return 0x3Fu; }
        std::vector<ModuleContentProblem> checkContent(const Step&) const override { return {}; }
    } catalog;
    const SurveyLoadResult loaded = parseSurvey(R"({
  "id": "pulse", "version": 1, "title": "Pulse", "teams": ["Sales", "Marketing"],
  "anonymity": { "min_group": 7, "min_group_text": 12 },
  "steps": [ { "id": "s", "module": "m", "title": "Step", "questions": [
    { "id": "q1", "kind": "scale", "prompt": "How much?", "scale": { "min": 1, "max": 3, "labels": ["a", "b", "c"] } }
  ] } ]
})",
                                                "pulse.json", catalog);
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded.survey->anonymity.ratings, 7u);
    EXPECT_EQ(loaded.survey->anonymity.text, 12u);

    ResponseAggregator aggregator(*loaded.survey);
    addScale(aggregator, "Sales", {1, 2, 3, 1, 2, 3, 1});
    addScale(aggregator, "Marketing", {3, 3, 3, 3, 3, 3});
    addScale(aggregator, std::nullopt, {2, 2, 2, 2, 2, 2, 2});
    const DashboardModel model = aggregator.model(1);
    EXPECT_EQ(model.thresholds.ratings, 7u);
    EXPECT_EQ(model.thresholds.text, 12u);
    EXPECT_EQ(model.shownTeams, (std::vector<std::string>{"Sales"})); // Marketing's 6 < 7; with the rest, 13

    Survey defaults = *loaded.survey;
    defaults.anonymity = AnonymityThresholds{};
    defaults.anonymity.ratings = 1; // a survey built in code cannot go below the floor either
    EXPECT_EQ(ResponseAggregator(defaults).model(1).thresholds.ratings, 3u);
}

// [SECTION] Open text ---------------------------------------------------------------------------------------------

std::string textPayload(const std::string& text) {
    return R"({"answers":{"open":")" + text + "\"}}";
}

TEST(ResponseAggregator, ShowsOpenTextShuffledOnlyForGroupsAtTheTextThreshold) {
    Survey survey = smallSurvey({textQuestion("open")});
    survey.anonymity.ratings = 3;
    survey.anonymity.text = 4;
    ResponseAggregator aggregator(survey);
    std::vector<std::string> salesTexts;
    for (int i = 0; i < 12; ++i) {
        salesTexts.push_back("sales sentence " + std::to_string(i));
        ASSERT_TRUE(aggregator.add(row("Sales", textPayload(salesTexts.back()))));
    }
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(aggregator.add(row("Marketing", textPayload("marketing " + std::to_string(i)))));
    for (int i = 0; i < 4; ++i) ASSERT_TRUE(aggregator.add(row(std::nullopt, textPayload("   "))));   // blank
    for (int i = 0; i < 4; ++i) ASSERT_TRUE(aggregator.add(row(std::nullopt, textPayload("rest"))));  // no team

    const DashboardModel model = aggregator.model(42);
    // Text answers: Sales 12, Marketing 3 (< 4, hidden), no team 4: hidden together 7 >= 4, so Sales is shown.
    ASSERT_EQ(model.texts.size(), 2u);
    EXPECT_EQ(model.texts[0].group, "ALL");
    EXPECT_EQ(model.texts[0].stepId, "s");
    EXPECT_EQ(model.texts[0].questionId, "open");
    EXPECT_EQ(model.texts[0].prompt, "Say it in one sentence");
    EXPECT_EQ(model.texts[0].answers.size(), 19u);
    const TextAnswers& sales = model.texts[1];
    EXPECT_EQ(sales.group, "Sales");
    EXPECT_THAT(sales.answers, UnorderedElementsAreArray(salesTexts));
    EXPECT_NE(std::vector<std::string>(sales.answers.begin(), sales.answers.end()), salesTexts)
        << "never in the order answered";
    // Kept once: the model refers to the aggregator's copy of each sentence.
    ASSERT_NE(model.textPool, nullptr);
    EXPECT_EQ(model.textPool->size(), 19u); // blank answers are not kept

    // The step's module panel gets the same answers, in the same shuffled order.
    ASSERT_EQ(model.modules.size(), 1u);
    ASSERT_EQ(model.modules[0].texts.size(), 2u);
    EXPECT_EQ(model.modules[0].texts[0].group, "ALL");
    EXPECT_EQ(model.modules[0].texts[1].answers, sales.answers);
    EXPECT_EQ(model.modules[0].texts[1].answers.front().data(), sales.answers.front().data()) << "the same bytes";

    // The same seed gives the same order; another seed another order.
    EXPECT_EQ(aggregator.model(42).texts[1].answers, sales.answers);
    EXPECT_NE(aggregator.model(43).texts[1].answers, sales.answers);
    // Ratings and texts have their own thresholds: Marketing's 3 rows make the group counts at k = 3.
    EXPECT_EQ(model.shownTeams, (std::vector<std::string>{"Sales", "Marketing"}));
}

TEST(ResponseAggregator, CutsStoredTextToItsQuestionsLimitOnACharacterBoundary) {
    Survey survey = smallSurvey({textQuestion("open")}); // max_length 40 bytes
    ResponseAggregator aggregator(survey);
    const std::string longText = std::string(39, 'a') + "\xC3\xA9" + "tail"; // the 'é' straddles byte 40
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(aggregator.add(row("Sales", textPayload(longText))));
    const DashboardModel model = aggregator.model(1);
    ASSERT_FALSE(model.texts.empty());
    for (const std::string_view text : model.texts[0].answers) EXPECT_EQ(text, std::string(39, 'a'));
}

// [SECTION] Every question kind, as modules receive it ------------------------------------------------------------

TEST(ResponseAggregator, CountsEveryKindOfQuestionForTheModulePanels) {
    Question percent;
    percent.id = "share";
    percent.kind = QuestionKind::Percent;
    percent.prompt = "What share?";
    Question allocation = optionQuestion("budget", QuestionKind::Allocation, {"a", "b", "c"});
    allocation.total = 10;
    ResponseAggregator aggregator(smallSurvey({scaleQuestion("q1", 1, 3), percent,
                                               optionQuestion("pick", QuestionKind::Choice, {"x", "y"}),
                                               optionQuestion("many", QuestionKind::MultiChoice, {"x", "y", "z"}),
                                               allocation, textQuestion("open")}));
    const std::vector<std::string> payloads = {
        R"({"answers":{"q1":1,"share":0,"pick":"x","many":["x","z"],"budget":{"a":10},"open":"one"}})",
        R"({"answers":{"q1":3,"share":100,"pick":"y","many":["z","z"],"budget":{"a":5,"b":5},"open":"two"}})",
        R"({"answers":{"q1":3,"share":50,"pick":"y","many":[],"budget":{"b":2,"c":8}}})",
        // Out of range, an unknown option, and 12 points of 10: not counted. ["w"] is an answer naming no option
        // the survey still has: it counts as answered.
        R"({"answers":{"share":101,"pick":"w","many":["w"],"budget":{"a":6,"b":6}}})",
    };
    for (const std::string& payload : payloads) ASSERT_TRUE(aggregator.add(row(std::nullopt, payload)));

    const DashboardModel model = aggregator.model(1);
    ASSERT_EQ(model.modules.size(), 1u);
    const ModuleAggregate& module = model.modules[0];
    EXPECT_EQ(module.stepId, "s");
    EXPECT_EQ(module.moduleId, "m");
    ASSERT_EQ(module.groups.size(), 1u);
    const ModuleGroupAggregate& all = module.groups[0];
    EXPECT_EQ(all.group, "ALL");
    EXPECT_EQ(all.responseCount, 4u);
    std::vector<std::string> ids;
    for (const QuestionCounts& counts : all.questions) ids.push_back(counts.questionId);
    ASSERT_THAT(ids, ElementsAre("q1", "share", "pick", "many", "budget")); // no counts for open text

    EXPECT_THAT(all.questions[0].counts, ElementsAre(1u, 0u, 2u));
    EXPECT_EQ(all.questions[0].answered, 3u);
    const std::vector<uint64_t>& shares = all.questions[1].counts;
    ASSERT_EQ(shares.size(), 101u);
    EXPECT_EQ(shares[0], 1u);
    EXPECT_EQ(shares[50], 1u);
    EXPECT_EQ(shares[100], 1u);
    EXPECT_EQ(all.questions[1].answered, 3u);
    EXPECT_THAT(all.questions[2].counts, ElementsAre(1u, 2u));
    EXPECT_EQ(all.questions[2].answered, 3u);
    EXPECT_THAT(all.questions[3].counts, ElementsAre(1u, 0u, 2u)); // "z" twice in one answer counts once
    EXPECT_EQ(all.questions[3].answered, 4u);
    // Allocation: the sums per option (12 points of a total of 10 are not counted), then per option how many gave it
    // 0..10 points: a got 10, 5, 0; b got 0, 5, 2; c got 0, 0, 8.
    std::vector<uint64_t> budget(3 * (10 + 2), 0);
    budget[0] = 15;
    budget[1] = 7;
    budget[2] = 8;
    const auto histogram = [&budget](size_t option, size_t points) -> uint64_t& {
        return budget[3 + option * 11 + points];
    };
    histogram(0, 10) = 1;
    histogram(0, 5) = 1;
    histogram(0, 0) = 1;
    histogram(1, 0) = 1;
    histogram(1, 5) = 1;
    histogram(1, 2) = 1;
    histogram(2, 0) = 2;
    histogram(2, 8) = 1;
    EXPECT_EQ(all.questions[4].counts, budget);
    EXPECT_EQ(all.questions[4].answered, 3u);

    // Only the scale question is a rated item.
    ASSERT_EQ(model.ratedItems.size(), 1u);
    EXPECT_EQ(model.ratedItems[0].questionId, "q1");
}

TEST(ResponseAggregator, AStoresTallyCountsWhatItsRowsWould) {
    Question allocation = optionQuestion("budget", QuestionKind::Allocation, {"a", "b"});
    allocation.total = 10;
    const Survey survey = smallSurvey({scaleQuestion("q1", 1, 3), optionQuestion("many", QuestionKind::MultiChoice,
                                                                                 {"x", "y"}),
                                       allocation, textQuestion("open")});
    // Sales: three alike and one other; no team: three more. Every figure below is shown (k = 3).
    const std::string same = R"({"answers":{"q1":3,"many":["x","y"],"budget":{"a":4,"b":6},"open":"Same words"}})";
    const std::string other = R"({"answers":{"q1":1,"many":["y"],"budget":{"b":12},"open":"  "}})";
    ResponseAggregator fromRows(survey);
    for (int i = 0; i < 3; ++i) fromRows.add(row("Sales", same));
    fromRows.add(row("Sales", other));
    for (int i = 0; i < 3; ++i) {
        StoredResponse day = row(std::nullopt, same);
        day.sessionDate = "2026-12-0" + std::to_string(i + 1);
        fromRows.add(day);
    }
    fromRows.add(row("Sales", same, "s", "another survey"));

    StoreTally tally;
    tally.rows = {{"pulse", "s", "m", "Sales", 4, "2026-11-22", "2026-11-22"},
                  {"pulse", "s", "m", std::nullopt, 3, "2026-12-01", "2026-12-03"},
                  {"another survey", "s", "m", "Sales", 1, "2026-11-22", "2026-11-22"}};
    for (const std::optional<std::string>& team : {std::optional<std::string>("Sales"), std::optional<std::string>()}) {
        tally.answers.push_back({"s", "m", team, "q1", "3", 3});
        tally.answers.push_back({"s", "m", team, "many", R"(["x","y"])", 3});
        tally.answers.push_back({"s", "m", team, "budget", R"({"a":4,"b":6})", 3});
        tally.answers.push_back({"s", "m", team, "open", R"("Same words")", 3});
    }
    tally.answers.push_back({"s", "m", "Sales", "q1", "1", 1});
    tally.answers.push_back({"s", "m", "Sales", "many", R"(["y"])", 1});
    tally.answers.push_back({"s", "m", "Sales", "budget", R"({"b":12})", 1});
    tally.answers.push_back({"s", "m", "Sales", "open", R"("  ")", 1});
    ResponseAggregator fromTally(survey);
    EXPECT_EQ(fromTally.addTally(tally), 7u);

    EXPECT_EQ(fromTally.added(), fromRows.added());
    EXPECT_EQ(fromTally.skipped(), fromRows.skipped());
    const std::string shown = shownOf(survey, fromRows.model(1));
    EXPECT_NE(shown.find("Same words Same words Same words"), std::string::npos) << shown;
    EXPECT_EQ(shownOf(survey, fromTally.model(1)), shown);
}

TEST(ResponseAggregator, ParticipantsAreTheRowsOfTheFirstStep) {
    Survey survey = smallSurvey({scaleQuestion("q1")});
    Step second = survey.steps[0];
    second.id = "t";
    second.moduleId = "n";
    survey.steps.push_back(second);
    ResponseAggregator aggregator(survey);
    addScale(aggregator, "Sales", {1, 2, 3});
    for (int i = 0; i < 5; ++i)
        ASSERT_TRUE(aggregator.add(row("Sales", scalePayload("q1", 4), "t", "pulse", "n")));

    const DashboardModel model = aggregator.model(1);
    ASSERT_FALSE(model.groupCounts.empty());
    EXPECT_EQ(model.groupCounts[0].responses, 3u);
    ASSERT_EQ(model.modules.size(), 2u);
    EXPECT_EQ(model.modules[1].stepId, "t");
    EXPECT_EQ(model.modules[1].moduleId, "n");
    EXPECT_EQ(model.modules[1].groups[0].responseCount, 5u);
    ASSERT_EQ(model.ratedItems.size(), 2u);
    EXPECT_EQ(model.ratedItems[1].stepId, "t");
}

// [SECTION] Rankings ----------------------------------------------------------------------------------------------

TEST(ResponseAggregator, RanksItemsByEveryonesAgreementLowestFirst) {
    ResponseAggregator aggregator(smallSurvey({scaleQuestion("calm"), scaleQuestion("split"), scaleQuestion("mild")}));
    // calm: all 3 (rwg 1); split: 1,1,5,5 (s^2 = 16/3 > 2: rwg 0); mild: 2,3,3,4 (s^2 = 2/3: rwg 1 - 1/3).
    const int calm[] = {3, 3, 3, 3};
    const int split[] = {1, 1, 5, 5};
    const int mild[] = {2, 3, 3, 4};
    for (int i = 0; i < 4; ++i)
        ASSERT_TRUE(aggregator.add(row(std::nullopt, R"({"answers":{"calm":)" + std::to_string(calm[i]) +
                                                         R"(,"split":)" + std::to_string(split[i]) + R"(,"mild":)" +
                                                         std::to_string(mild[i]) + "}}")));
    const DashboardModel model = aggregator.model(1);
    EXPECT_THAT(model.lowestAgreement, ElementsAre(1u, 2u, 0u));
    EXPECT_NEAR(model.ratedItems[2].groups[0].statistics.rwg, 2.0 / 3.0, 1e-12);
}

TEST(ResponseAggregator, RanksTeamGapsInSdUnitsAndKeepsTheTenItemsWithTheLargest) {
    std::vector<Question> questions;
    for (int i = 0; i < 12; ++i) questions.push_back(scaleQuestion("item" + std::to_string(i)));
    Survey survey = smallSurvey(questions);
    survey.teams = {"A", "B", "C"};
    ResponseAggregator aggregator(survey);
    // Item 0: A all 5, B all 3, C all 1 (unanimous teams). Items 1-11: B answers 2, 3, 4 and C 1, 2, 3 (SD 1
    // each); A answers 3, 4, 5 on items 1-3 and 2, 3, 4 on the rest. With SDs of 1 the pooled SD is 1, so the
    // gap in SD units is the gap itself.
    for (int person = 0; person < 3; ++person) {
        std::string a = R"({"answers":{)", b = a, c = a;
        for (int i = 0; i < 12; ++i) {
            const std::string id = std::string(i ? "," : "") + "\"item" + std::to_string(i) + "\":";
            a += id + std::to_string(i == 0 ? 5 : (i <= 3 ? 3 : 2) + person);
            b += id + std::to_string(i == 0 ? 3 : 2 + person);
            c += id + std::to_string(i == 0 ? 1 : 1 + person);
        }
        ASSERT_TRUE(aggregator.add(row("A", a + "}}")));
        ASSERT_TRUE(aggregator.add(row("B", b + "}}")));
        ASSERT_TRUE(aggregator.add(row("C", c + "}}")));
    }
    struct Expected {
        std::size_t item;
        const char* teamA;
        const char* teamB;
        double gap;
        double gapInSd;
    };
    // Unanimous teams that differ first, by gap; then by gap in SD units, ties in survey order. A and B on items
    // 4-11 do not differ and are not listed.
    const Expected expected[] = {{0, "A", "C", 4, 0}, {0, "A", "B", 2, 0}, {0, "B", "C", 2, 0}, {1, "A", "C", 2, 2},
                                 {2, "A", "C", 2, 2}, {3, "A", "C", 2, 2}, {1, "A", "B", 1, 1}, {1, "B", "C", 1, 1},
                                 {2, "A", "B", 1, 1}, {2, "B", "C", 1, 1}};
    const DashboardModel model = aggregator.model(1);
    // Every gap of items 0-9 (items 4-11 tie, so survey order keeps 4-9): 3 + 3 x 3 + 6 x 2.
    ASSERT_EQ(model.largestGaps.size(), 24u);
    std::set<std::size_t> items;
    for (const TeamGap& gap : model.largestGaps) items.insert(gap.item);
    EXPECT_EQ(items, (std::set<std::size_t>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
    for (std::size_t i = 0; i < 10; ++i) {
        const TeamGap& gap = model.largestGaps[i];
        EXPECT_EQ(gap.item, expected[i].item) << i;
        EXPECT_EQ(gap.teamA, expected[i].teamA) << i;
        EXPECT_EQ(gap.teamB, expected[i].teamB) << i;
        EXPECT_NEAR(gap.gap, expected[i].gap, 1e-12) << i;
        EXPECT_NEAR(gap.gapInSd, expected[i].gapInSd, 1e-12) << i;
    }
}

TEST(ResponseAggregator, MovesWithItsCounts) {
    ResponseAggregator aggregator(smallSurvey({scaleQuestion("q1")}));
    addScale(aggregator, "Sales", {1, 2, 3});
    ResponseAggregator moved = std::move(aggregator);
    addScale(moved, "Sales", {4});
    EXPECT_EQ(moved.added(), 4u);
    EXPECT_EQ(moved.model(1).ratedItems[0].groups[0].statistics.n, 4u);
}

} // namespace
} // namespace alignkiosk::core
