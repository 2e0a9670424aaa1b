// The focus-assessment plugin, loaded from the real built .so through its one C entry, exactly as the host loads it:
// content validation, page layout, the answer payload, scoring, and headless ImGui frames driven by simulated taps.
#include "support/module_fixtures.h"
#include "support/plugin_harness.h"

#include <alignkiosk/plugin_abi.h>

#include <gtest/gtest.h>
#include <imgui.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace {

using namespace alignkiosk::test_support; // the plugin harness and its fixtures

constexpr const char* kPluginPath = ALIGNKIOSK_PLUGIN_DIR "/focus_assessment.so";
constexpr const char* kModuleId = "focus_assessment";
constexpr uint32_t kWholeStep = UINT32_MAX;

// The seed content's pages, in the module's fixed order (seedContent below).
constexpr uint32_t kGoalPage = 0;        // the one big goal, in a sentence
constexpr uint32_t kSmmartPage = 1;      // its S.M.M.A.R.T. qualities
constexpr uint32_t kSharesPage = 2;      // time on the goal, then ideal clients
constexpr uint32_t kClarityPage = 3;     // mission, brand, model, offer
constexpr uint32_t kOpportunityPage = 4; // the opportunity to pursue first
constexpr uint32_t kSeedPageCount = 5;

// ---- Step content as the host hands it in ---------------------------------------------------------------------------

QuestionSpec goal(std::string id, uint32_t maxLength) {
    QuestionSpec spec;
    spec.id = std::move(id);
    spec.kind = ALIGNKIOSK_QUESTION_TEXT;
    spec.prompt = "In one sentence: what is the one big goal our work serves right now?";
    spec.maxLength = maxLength;
    spec.attributes = {{"focus", "goal"}, {"label", "Our one big goal"}};
    return spec;
}

QuestionSpec percent(std::string id, std::string focus, std::string label) {
    QuestionSpec spec;
    spec.id = std::move(id);
    spec.kind = ALIGNKIOSK_QUESTION_PERCENT;
    spec.prompt = "Roughly what share?";
    spec.attributes = {{"focus", std::move(focus)}, {"label", std::move(label)}};
    return spec;
}

QuestionSpec clarity(std::string id, std::string area, std::string label) {
    QuestionSpec spec;
    spec.id = std::move(id);
    spec.kind = ALIGNKIOSK_QUESTION_CHOICE;
    spec.prompt = "Is our " + area + " clear and focused?";
    spec.options = {{"yes", "Yes"}, {"partly", "Partly"}, {"no", "No"}};
    spec.attributes = {{"focus", "clarity"}, {"area", std::move(area)}, {"label", std::move(label)},
                       {"check_first", "say it in one sentence"}};
    return spec;
}

QuestionSpec smmart() {
    QuestionSpec spec;
    spec.id = "goal_qualities";
    spec.kind = ALIGNKIOSK_QUESTION_MULTI_CHOICE;
    spec.prompt = "Which of these does that goal have?";
    spec.options = {{"specific", "Specific"},     {"measurable", "Measurable"}, {"mission_based", "Mission-based"},
                    {"attainable", "Attainable"}, {"relevant", "Relevant"},     {"time_bound", "Time-bound"}};
    spec.attributes = {{"focus", "smmart"},
                       {"label", "S.M.M.A.R.T."},
                       {"none_label", "None of these yet"},
                       {"hint.specific", "It says exactly what will be different."},
                       {"hint.time_bound", "It has a date."}};
    return spec;
}

QuestionSpec opportunity() {
    QuestionSpec spec;
    spec.id = "top_opportunity";
    spec.kind = ALIGNKIOSK_QUESTION_CHOICE;
    spec.prompt = "Which of these would move the goal forward fastest?";
    spec.options = {{"narrow_offer", "Narrow our offer"},     {"decline_poor_fit", "Turn down poor fits"},
                    {"partner", "Team up with a partner"},    {"accelerator", "Join an accelerator"},
                    {"dedicated_team", "Give one team the goal"}, {"one_message", "Rebuild our message"}};
    spec.attributes = {{"focus", "opportunity"}, {"label", "First opportunity"}};
    return spec;
}

// The step content the host hands this module.
struct Content : StepContent {
    Content() : StepContent("focus", "Where our focus goes") {}
};

// Seed 004's questions in the order a survey file lists them (not the order of the pages).
Content seedContent(uint32_t sentenceLength = 200) {
    Content content;
    content.add(goal("one_big_goal", sentenceLength));                                       // 0
    content.add(smmart());                                                                    // 1
    content.add(percent("time_on_goal", "goal_time", "Time on the one big goal"));            // 2
    content.add(percent("ideal_client_share", "ideal_clients", "Share of ideal clients"));    // 3
    content.add(clarity("mission_clear", "mission", "Mission"));                              // 4
    content.add(clarity("brand_clear", "brand", "Brand"));                                    // 5
    content.add(clarity("model_clear", "model", "Business model"));                           // 6
    content.add(clarity("offer_clear", "offer", "Key offer"));                                // 7
    content.add(opportunity());                                                               // 8
    return content;
}

// ---- The plugin, loaded like the host loads it ----------------------------------------------------------------------

class FocusAssessmentTest : public PluginTest {
protected:
    FocusAssessmentTest() : PluginTest(kPluginPath, kModuleId) {}

    // The problems for `content`, as "index field" strings, for compact expectations.
    std::vector<std::string> places(Content& content) {
        std::vector<std::string> result;
        for (const Problem& problem : plugin().validate(content))
            result.push_back((problem.questionIndex == kWholeStep ? std::string("step")
                                                                  : std::to_string(problem.questionIndex)) +
                             " " + problem.field);
        return result;
    }
};

using Places = std::vector<std::string>;

// ---- Entry and descriptor ---------------------------------------------------------------------------------------------

TEST_F(FocusAssessmentTest, EntryMatchesThisHostsAbiAndImGui) {
    EXPECT_EQ(plugin().entry().struct_size, sizeof(alignkiosk_plugin_entry_v1));
    EXPECT_EQ(plugin().entry().abi_major, ALIGNKIOSK_ABI_MAJOR);
    EXPECT_LE(plugin().entry().abi_minor, ALIGNKIOSK_ABI_MINOR);
    EXPECT_EQ(plugin().entry().imgui_version_num, IMGUI_VERSION_NUM);
}

TEST_F(FocusAssessmentTest, DescribesOneModuleAcceptingItsFourKinds) {
    const alignkiosk_module_factory_v2& factory = plugin().factory();
    ASSERT_EQ(factory.module_count(), 1u);
    const alignkiosk_module_descriptor_v1* descriptor = factory.module_descriptor(0);
    ASSERT_NE(descriptor, nullptr);
    EXPECT_STREQ(descriptor->id, "focus_assessment");
    EXPECT_STREQ(descriptor->version, "1.0.0");
    EXPECT_STRNE(descriptor->name, "");
    EXPECT_STRNE(descriptor->description, "");
    EXPECT_EQ(descriptor->accepted_kinds, (1u << ALIGNKIOSK_QUESTION_TEXT) | (1u << ALIGNKIOSK_QUESTION_PERCENT) |
                                              (1u << ALIGNKIOSK_QUESTION_CHOICE) |
                                              (1u << ALIGNKIOSK_QUESTION_MULTI_CHOICE));
    EXPECT_EQ(factory.module_descriptor(1), nullptr);
}

TEST_F(FocusAssessmentTest, OffersTheAbi13PanelAndScoringOnly) {
    Content content = seedContent();
    auto module = plugin().create(content);
    ASSERT_NE(module, nullptr);
    EXPECT_NE(module->extension(ALIGNKIOSK_DASHBOARD_PANEL_V3_ID), nullptr);
    EXPECT_NE(module->extension(ALIGNKIOSK_SCORING_V1_ID), nullptr);
    // Built for 1.3: no host that loads it needs the older tables.
    EXPECT_EQ(module->extension(ALIGNKIOSK_DASHBOARD_PANEL_V2_ID), nullptr);
    EXPECT_EQ(module->extension(ALIGNKIOSK_DASHBOARD_PANEL_V1_ID), nullptr);
    EXPECT_EQ(module->extension("alignkiosk.something_else"), nullptr);
}

// ---- Content validation -------------------------------------------------------------------------------------------------

TEST_F(FocusAssessmentTest, AcceptsTheSeedContent) {
    Content content = seedContent();
    bool passed = false;
    const std::vector<Problem> problems = plugin().validate(content, &passed);
    EXPECT_TRUE(passed);
    EXPECT_TRUE(problems.empty()) << problems.front().message;
}

TEST_F(FocusAssessmentTest, AcceptsAnySubsetInAnyOrder) {
    Content content;
    content.add(clarity("offer_clear", "offer", "Key offer"));
    content.add(percent("time_on_goal", "goal_time", "Time"));
    bool passed = false;
    EXPECT_TRUE(plugin().validate(content, &passed).empty());
    EXPECT_TRUE(passed);
}

TEST_F(FocusAssessmentTest, ReportsAMissingOrUnknownFocus) {
    Content content = seedContent();
    content.at(2).attributes = {{"label", "Time"}};
    content.at(3).attributes = {{"focus", "ideal_client"}};
    const std::vector<Problem> problems = plugin().validate(content);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].questionIndex, 2u);
    EXPECT_EQ(problems[0].field, "attributes");
    EXPECT_NE(problems[0].message.find("\"focus\" is missing"), std::string::npos) << problems[0].message;
    EXPECT_EQ(problems[1].questionIndex, 3u);
    EXPECT_EQ(problems[1].field, "attributes.focus");
    EXPECT_NE(problems[1].message.find("ideal_client"), std::string::npos) << problems[1].message;
}

TEST_F(FocusAssessmentTest, ReportsAKindThatDoesNotFitTheFocus) {
    Content content = seedContent();
    content.at(0).kind = ALIGNKIOSK_QUESTION_PERCENT; // the goal sentence as a percentage
    content.at(1).kind = ALIGNKIOSK_QUESTION_CHOICE;  // S.M.M.A.R.T. as a single choice
    content.at(2).kind = ALIGNKIOSK_QUESTION_SCALE;   // time on the goal as a scale
    content.at(8).kind = ALIGNKIOSK_QUESTION_MULTI_CHOICE;
    EXPECT_EQ(places(content), (Places{"0 kind", "1 kind", "2 kind", "8 kind"}));
    const std::vector<Problem> problems = plugin().validate(content);
    EXPECT_NE(problems[1].message.find("\"multi_choice\""), std::string::npos) << problems[1].message;
}

TEST_F(FocusAssessmentTest, ReportsASecondQuestionOfASingleUseFocus) {
    Content content = seedContent();
    content.add(percent("more_time", "goal_time", "Time again"));
    content.add(goal("another_goal", 100));
    const std::vector<Problem> problems = plugin().validate(content);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].questionIndex, 9u);
    EXPECT_EQ(problems[0].field, "attributes.focus");
    EXPECT_NE(problems[0].message.find("question 3"), std::string::npos) << problems[0].message; // 1-based
    EXPECT_EQ(problems[1].questionIndex, 10u);
    EXPECT_EQ(problems[1].field, "attributes.focus");
}

TEST_F(FocusAssessmentTest, ReportsAClarityQuestionWithoutAGoodArea) {
    Content content = seedContent();
    content.at(5).attributes = {{"focus", "clarity"}, {"label", "Brand"}}; // no area
    content.at(6).attributes = {{"focus", "clarity"}, {"area", "business_model"}};
    content.at(7).attributes = {{"focus", "clarity"}, {"area", "mission"}}; // asked by question 4 already
    EXPECT_EQ(places(content), (Places{"5 attributes", "6 attributes.area", "7 attributes.area"}));
    const std::vector<Problem> problems = plugin().validate(content);
    EXPECT_NE(problems[2].message.find("question 5"), std::string::npos) << problems[2].message;
}

TEST_F(FocusAssessmentTest, ReportsClarityOptionsOtherThanYesPartlyNo) {
    Content content = seedContent();
    content.at(4).options = {{"yes", "Yes"}, {"no", "No"}};
    content.at(5).options = {{"yes", "Yes"}, {"somewhat", "Somewhat"}, {"no", "No"}};
    content.at(6).options = {{"yes", "Yes"}, {"partly", "Partly"}, {"no", "No"}, {"unsure", "Not sure"}};
    content.at(7).options = {{"no", "Nein"}, {"partly", "Teilweise"}, {"yes", "Ja"}}; // any order and wording
    EXPECT_EQ(places(content), (Places{"4 options", "5 options", "6 options"}));
}

TEST_F(FocusAssessmentTest, ReportsHintsAndAttributesThatDoNotBelong) {
    Content content = seedContent();
    content.at(1).attributes.push_back({"hint.specfic", "A typo in the option id."});
    content.at(1).attributes.push_back({"none_label", "  "});
    content.at(8).attributes.push_back({"hint.partner", "Only S.M.M.A.R.T. tiles have hints."});
    content.at(2).attributes.push_back({"area", "mission"}); // only clarity questions have an area
    content.at(0).attributes.push_back({"colour", "red"});
    EXPECT_EQ(places(content), (Places{"0 attributes.colour", "1 attributes.hint.specfic", "1 attributes.none_label",
                                       "2 attributes.area", "8 attributes.hint.partner"}));
}

TEST_F(FocusAssessmentTest, ReportsMoreOptionsThanFitAPage) {
    Content content = seedContent();
    for (int i = 0; i < 3; ++i)
        content.at(8).options.push_back({"extra" + std::to_string(i), "Extra " + std::to_string(i)}); // 9 in all
    EXPECT_EQ(places(content), (Places{"8 options"}));
}

TEST_F(FocusAssessmentTest, ReportsEveryProblemInOnePass) {
    Content content;
    content.add(goal("g", 100));                                  // 0: fine
    content.add(clarity("c", "mission", "Mission"));               // 1: fine
    content.add(clarity("d", "mission", "Mission"));               // 2: the area again
    content.add(percent("p", "goal_time", "Time"));                // 3: wrong kind
    content.back().kind = ALIGNKIOSK_QUESTION_TEXT;
    content.add(goal("h", 100));                                  // 4: a second goal
    content.back().attributes.push_back({"none_label", "None"});   //    and an attribute it cannot use
    EXPECT_EQ(places(content), (Places{"2 attributes.area", "3 kind", "4 attributes.none_label", "4 attributes.focus"}));
}

// ---- Pages and answers without drawing -------------------------------------------------------------------------------

TEST_F(FocusAssessmentTest, ShowsOnlyThePagesThatHaveQuestions) {
    Content seed = seedContent();
    auto full = plugin().create(seed);
    ASSERT_NE(full, nullptr);
    EXPECT_EQ(full->pageCount(), kSeedPageCount);

    Content two;
    two.add(percent("ideal", "ideal_clients", "Ideal clients"));
    two.add(clarity("m", "mission", "Mission"));
    two.add(percent("time", "goal_time", "Time")); // shares one page with "ideal"
    auto pages = plugin().create(two);
    ASSERT_NE(pages, nullptr);
    EXPECT_EQ(pages->pageCount(), 2u);

    Content one;
    one.add(goal("g", 100));
    auto single = plugin().create(one);
    ASSERT_NE(single, nullptr);
    EXPECT_EQ(single->pageCount(), 1u);
}

TEST_F(FocusAssessmentTest, RefusesToCreateFromContentWithoutFocus) {
    Content content;
    content.add(goal("g", 100));
    content.back().attributes.clear();
    EXPECT_EQ(plugin().create(content), nullptr);
}

TEST_F(FocusAssessmentTest, StartsWithNoAnswers) {
    Content content = seedContent();
    auto module = plugin().create(content);
    ASSERT_NE(module, nullptr);
    for (uint32_t page = 0; page < kSeedPageCount; ++page) EXPECT_FALSE(module->pageComplete(page)) << "page " << page;
    EXPECT_FALSE(module->pageComplete(kSeedPageCount)); // no such page
    EXPECT_FALSE(module->pageComplete(UINT32_MAX));
    EXPECT_EQ(module->answer(), R"({"answers":{}})");
}

TEST_F(FocusAssessmentTest, OptionalQuestionsDoNotHoldAPageBack) {
    Content content = seedContent();
    for (const size_t index : {0u, 1u, 2u, 3u, 8u}) content.at(index).required = false;
    auto module = plugin().create(content);
    ASSERT_NE(module, nullptr);
    EXPECT_TRUE(module->pageComplete(kGoalPage));
    EXPECT_TRUE(module->pageComplete(kSmmartPage));
    EXPECT_TRUE(module->pageComplete(kSharesPage));
    EXPECT_FALSE(module->pageComplete(kClarityPage)); // still required
    EXPECT_TRUE(module->pageComplete(kOpportunityPage));
}

// ---- Scoring --------------------------------------------------------------------------------------------------------------

// A module made from the seed content, scoring the groups the tests hand it.
class FocusAssessmentScoringTest : public FocusAssessmentTest {
protected:
    void SetUp() override {
        FocusAssessmentTest::SetUp();
        if (HasFatalFailure()) return;
        ASSERT_NO_FATAL_FAILURE(use(seedContent()));
    }
};

TEST_F(FocusAssessmentScoringTest, TimeOnTheGoalBelowAQuarter) {
    Aggregate aggregate;
    // 8 answers; 10, 20, 20 are under 25: 3 of 8 = 37.5% -> watch. Median (30 + 40) / 2 = 35.
    aggregate.percentAnswers("time_on_goal", {10, 20, 20, 30, 40, 50, 60, 80});
    const std::vector<Finding> findings = score(aggregate);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].questionId, "time_on_goal");
    EXPECT_EQ(findings[0].level, ALIGNKIOSK_FINDING_WATCH);
    EXPECT_FLOAT_EQ(findings[0].share, 0.375f);
    EXPECT_EQ(findings[0].headline, "Time on the one big goal \u2014 under 25% for 37% (3 of 8); median 35%");
    EXPECT_EQ(findings[0].action, "");
}

TEST_F(FocusAssessmentScoringTest, AnswersOfExactlyTheThresholdAreNotBelowIt) {
    Aggregate aggregate;
    // 25 is not under 25; 24 is: 2 of 4 = one half -> widespread. Odd count median: the middle answer.
    aggregate.percentAnswers("time_on_goal", {24, 0, 25, 100});
    aggregate.percentAnswers("ideal_client_share", {20, 40, 45, 60, 90}); // 3 of 5 under 50, median 45
    const std::vector<Finding> findings = score(aggregate);
    ASSERT_EQ(findings.size(), 2u);
    EXPECT_EQ(findings[0].questionId, "ideal_client_share"); // widespread at 60% ranks above widespread at 50%
    EXPECT_EQ(findings[0].level, ALIGNKIOSK_FINDING_WIDESPREAD);
    EXPECT_EQ(findings[0].headline, "Share of ideal clients \u2014 under 50% for 60% (3 of 5); median 45%");
    EXPECT_EQ(findings[1].questionId, "time_on_goal");
    EXPECT_EQ(findings[1].level, ALIGNKIOSK_FINDING_WIDESPREAD);
    EXPECT_FLOAT_EQ(findings[1].share, 0.5f);
    EXPECT_EQ(findings[1].headline, "Time on the one big goal \u2014 under 25% for 50% (2 of 4); median 24.5%");
}

TEST_F(FocusAssessmentScoringTest, ClarityCountsNoAndPartly) {
    Aggregate aggregate;
    aggregate.item("mission_clear", {2, 3, 5}); // no 5 of 10: widespread
    aggregate.item("brand_clear", {4, 5, 1});   // no 1 of 10, but no + partly 6 of 10: watch
    aggregate.item("model_clear", {6, 2, 3});   // no 3 of 11 = 27%: watch
    aggregate.item("offer_clear", {9, 1, 0});   // clear: isolated
    const std::vector<Finding> findings = score(aggregate);
    ASSERT_EQ(findings.size(), 4u);
    EXPECT_EQ(findings[0].questionId, "mission_clear");
    EXPECT_EQ(findings[0].level, ALIGNKIOSK_FINDING_WIDESPREAD);
    EXPECT_FLOAT_EQ(findings[0].share, 0.5f);
    EXPECT_EQ(findings[0].headline, "Mission \u2014 \"No\" from 50% (5 of 10), \"Partly\" from 30% (3 of 10)");
    EXPECT_EQ(findings[0].action, "say it in one sentence");
    EXPECT_EQ(findings[1].questionId, "model_clear"); // watch, 3/11 > 1/10
    EXPECT_EQ(findings[1].level, ALIGNKIOSK_FINDING_WATCH);
    EXPECT_EQ(findings[1].headline, "Business model \u2014 \"No\" from 27% (3 of 11), \"Partly\" from 18% (2 of 11)");
    EXPECT_EQ(findings[2].questionId, "brand_clear");
    EXPECT_EQ(findings[2].level, ALIGNKIOSK_FINDING_WATCH);
    EXPECT_FLOAT_EQ(findings[2].share, 0.1f);
    EXPECT_EQ(findings[3].questionId, "offer_clear");
    EXPECT_EQ(findings[3].level, ALIGNKIOSK_FINDING_INFO);
}

TEST(FocusAssessmentClarityOrderTest, ReadsTheAnswersByOptionIdNotPosition) {
    hostLog().clear();
    LoadedPlugin plugin(kPluginPath, kModuleId, nullptr);
    ASSERT_TRUE(plugin.ok()) << plugin.error();
    Content content;
    content.add(clarity("mission_clear", "mission", "Mission"));
    content.back().options = {{"no", "Nein"}, {"partly", "Teilweise"}, {"yes", "Ja"}};
    ASSERT_TRUE(plugin.validate(content).empty());
    auto module = plugin.create(content);
    ASSERT_NE(module, nullptr);
    Aggregate aggregate;
    aggregate.item("mission_clear", {6, 1, 3}); // counts follow the options: no 6, partly 1, yes 3
    const std::vector<Finding> findings = module->score(aggregate.raw());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].level, ALIGNKIOSK_FINDING_WIDESPREAD);
    EXPECT_EQ(findings[0].headline, "Mission \u2014 \"Nein\" from 60% (6 of 10), \"Teilweise\" from 10% (1 of 10)");
}

TEST_F(FocusAssessmentScoringTest, SmmartQualitiesFewTick) {
    Aggregate aggregate;
    // 10 answered; ticks per quality. Widespread when at most a quarter tick, watch when at most half do.
    aggregate.item("goal_qualities", {8, 2, 5, 3, 10, 0}, 10u);
    const std::vector<Finding> findings = score(aggregate);
    ASSERT_EQ(findings.size(), 6u);
    std::map<std::string, Finding> byHeadline;
    std::vector<std::string> order;
    for (const Finding& finding : findings) order.push_back(finding.headline);
    EXPECT_EQ(order, (std::vector<std::string>{
                         "S.M.M.A.R.T.: Time-bound \u2014 ticked by 0% (0 of 10)",      // widespread, 10 missing
                         "S.M.M.A.R.T.: Measurable \u2014 ticked by 20% (2 of 10)",     // widespread, 8 missing
                         "S.M.M.A.R.T.: Attainable \u2014 ticked by 30% (3 of 10)",     // watch, 7 missing
                         "S.M.M.A.R.T.: Mission-based \u2014 ticked by 50% (5 of 10)",  // watch, 5 missing
                         "S.M.M.A.R.T.: Specific \u2014 ticked by 80% (8 of 10)",       // isolated
                         "S.M.M.A.R.T.: Relevant \u2014 ticked by 100% (10 of 10)",     // isolated
                     }));
    EXPECT_EQ(findings[0].level, ALIGNKIOSK_FINDING_WIDESPREAD);
    EXPECT_FLOAT_EQ(findings[0].share, 1.0f);
    EXPECT_EQ(findings[1].level, ALIGNKIOSK_FINDING_WIDESPREAD);
    EXPECT_FLOAT_EQ(findings[1].share, 0.8f);
    EXPECT_EQ(findings[2].level, ALIGNKIOSK_FINDING_WATCH);
    EXPECT_EQ(findings[3].level, ALIGNKIOSK_FINDING_WATCH);
    EXPECT_EQ(findings[4].level, ALIGNKIOSK_FINDING_INFO);
    EXPECT_EQ(findings[5].level, ALIGNKIOSK_FINDING_INFO);
}

TEST_F(FocusAssessmentScoringTest, TheMostChosenOpportunity) {
    Aggregate clear;
    clear.item("top_opportunity", {2, 5, 1, 0, 2, 0});
    const std::vector<Finding> one = score(clear);
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one[0].level, ALIGNKIOSK_FINDING_INFO);
    EXPECT_FLOAT_EQ(one[0].share, 0.5f);
    EXPECT_EQ(one[0].headline, "First opportunity \u2014 most chosen: Turn down poor fits, by 50% (5 of 10)");

    Aggregate split;
    split.item("top_opportunity", {3, 3, 2, 2, 0, 0}); // no option reaches a third: no shared first priority
    const std::vector<Finding> two = score(split);
    ASSERT_EQ(two.size(), 1u);
    EXPECT_EQ(two[0].level, ALIGNKIOSK_FINDING_WATCH);
    EXPECT_EQ(two[0].headline,
              "First opportunity \u2014 most chosen: Narrow our offer = Turn down poor fits, by 30% (3 of 10) each");
}

TEST_F(FocusAssessmentScoringTest, QuestionsWithoutAnswersGiveNoFinding) {
    Aggregate aggregate;
    aggregate.item("time_on_goal", std::vector<uint32_t>(101, 0));
    aggregate.item("mission_clear", {0, 0, 0});
    aggregate.item("goal_qualities", {0, 0, 0, 0, 0, 0}, 0u);
    aggregate.item("top_opportunity", {0, 0, 0, 0, 0, 0});
    aggregate.item("one_big_goal", {}, 7u); // the sentence: never scored
    EXPECT_TRUE(score(aggregate).empty());
    Aggregate nothing;
    EXPECT_TRUE(score(nothing).empty());
}

TEST_F(FocusAssessmentScoringTest, EveryoneTickingNoneStillCounts) {
    Aggregate aggregate;
    aggregate.item("goal_qualities", {0, 0, 0, 0, 0, 0}, 4u); // four answered "none of these yet"
    const std::vector<Finding> findings = score(aggregate);
    ASSERT_EQ(findings.size(), 6u);
    for (const Finding& finding : findings) {
        EXPECT_EQ(finding.level, ALIGNKIOSK_FINDING_WIDESPREAD) << finding.headline;
        EXPECT_NE(finding.headline.find("ticked by 0% (0 of 4)"), std::string::npos) << finding.headline;
    }
}

// ---- Headless ImGui: drawing and taps ---------------------------------------------------------------------------------

// A host-like window over the content area the shell leaves a module, the seed content with a 12-byte goal sentence,
// and a mouse the test moves.
class FocusAssessmentImGuiTest : public ModulePageTest {
protected:
    static constexpr float kWidth = 1280.0f;
    static constexpr float kHeight = 660.0f; // the content area the shell leaves a module in a 1280x860 window

    FocusAssessmentImGuiTest() : ModulePageTest(kPluginPath, kModuleId, {ImVec2(kWidth, kHeight), 24.0f, 32.0f, 64.0f}) {}

    void SetUp() override {
        ModulePageTest::SetUp();
        if (HasFatalFailure()) return;
        ASSERT_NO_FATAL_FAILURE(use(seedContent(12)));
    }

    // The finger down (or up) at the next frame.
    void press(ImVec2 position) {
        ImGui::GetIO().MousePos = position;
        ImGui::GetIO().MouseDown[0] = true;
    }
    void release() { ImGui::GetIO().MouseDown[0] = false; }

    // Taps down a vertical line at x, from the top, until the payload changes; returns where, or nothing.
    std::optional<float> firstChangeDown(uint32_t page, float x, float from = 4.0f) {
        frame(page);
        for (float y = from; y < kHeight; y += 4.0f) {
            const std::string before = module().answer();
            tap(page, ImVec2(x, y));
            if (module().answer() != before) return y;
        }
        return std::nullopt;
    }

    // Taps across a horizontal line at y, from the left, until the payload changes; returns where, or nothing.
    std::optional<float> firstChangeAcross(uint32_t page, float y, float from = 4.0f) {
        for (float x = from; x < kWidth; x += 4.0f) {
            const std::string before = module().answer();
            tap(page, ImVec2(x, y));
            if (module().answer() != before) return x;
        }
        return std::nullopt;
    }

    // Taps twice at each point down a vertical line (a toggle's second tap undoes its first) and returns, in order
    // from the top, each distinct payload a first tap gave and where.
    std::vector<std::pair<float, std::string>> probeToggles(uint32_t page, float x) {
        std::vector<std::pair<float, std::string>> found;
        frame(page);
        const std::string untouched = module().answer();
        for (float y = 4.0f; y < kHeight; y += 4.0f) {
            tap(page, ImVec2(x, y));
            const std::string after = module().answer();
            tap(page, ImVec2(x, y));
            EXPECT_EQ(module().answer(), untouched) << "a second tap did not undo the first at y = " << y;
            if (after != untouched && (found.empty() || found.back().second != after)) found.emplace_back(y, after);
        }
        return found;
    }

};

std::string withAnswer(const std::string& answers) { return "{\"answers\":{" + answers + "}}"; }

TEST_F(FocusAssessmentImGuiTest, DrawsEveryPageHeadlessAndEachFitsTheContentArea) {
    ASSERT_EQ(module().pageCount(), kSeedPageCount);
    for (uint32_t page = 0; page < module().pageCount(); ++page) {
        frame(page);
        const float used = usedHeight();
        EXPECT_GT(vertices(), 0) << "page " << page;
        // Nothing to scroll: a finger cannot. (The step title and intro come on top of page 0: it is the shortest.)
        EXPECT_LT(used, kHeight - 16.0f) << "page " << page;
    }
    frame(kGoalPage);
    EXPECT_LT(usedHeight(), kHeight * 0.5f);
    EXPECT_TRUE(hostLog().empty()) << hostLog().front();
}

TEST_F(FocusAssessmentImGuiTest, DrawsWithoutHostFontsOrAccent) {
    const alignkiosk_frame_v1 bare{sizeof(alignkiosk_frame_v1), 0.0f, 0.0f, nullptr, nullptr, 0};
    for (uint32_t page = 0; page < module().pageCount(); ++page) {
        frame(page, &bare);
        EXPECT_GT(vertices(), 0) << "page " << page;
    }
    EXPECT_TRUE(hostLog().empty()) << hostLog().front();
}

TEST_F(FocusAssessmentImGuiTest, DrawingAPageThatDoesNotExistFailsCleanly) {
    ImGui::NewFrame();
    ImGui::Begin("step");
    EXPECT_FALSE(module().draw(kSeedPageCount, look()));
    ImGui::End();
    ImGui::Render();
    EXPECT_FALSE(hostLog().empty());
}

TEST_F(FocusAssessmentImGuiTest, ThePercentBarFollowsATapAndSnapsToFives) {
    // Down the middle of the page: the first change is the time bar, tapped at its middle.
    const std::optional<float> row = firstChangeDown(kSharesPage, kWidth * 0.5f);
    ASSERT_TRUE(row.has_value());
    EXPECT_FALSE(module().pageComplete(kSharesPage)); // ideal clients still untouched
    const std::string payload = module().answer();
    ASSERT_EQ(payload.rfind(R"({"answers":{"time_on_goal":)", 0), 0u) << payload;
    const int middle = std::stoi(payload.substr(payload.find(':', 12) + 1));
    EXPECT_EQ(middle % 5, 0) << payload;
    EXPECT_GE(middle, 40);
    EXPECT_LE(middle, 60);

    // A tap on the value read-out at the row's left end changes nothing.
    tap(kSharesPage, ImVec2(12.0f, *row));
    EXPECT_EQ(module().answer(), withAnswer("\"time_on_goal\":" + std::to_string(middle)));
}

TEST_F(FocusAssessmentImGuiTest, ThePlusAndMinusButtonsStepByFive) {
    const std::optional<float> row = firstChangeDown(kSharesPage, kWidth * 0.5f);
    ASSERT_TRUE(row.has_value());
    const std::string start = module().answer();
    const int middle = std::stoi(start.substr(start.find(':', 12) + 1));

    // The + button is the row's right-most target.
    tap(kSharesPage, ImVec2(kWidth - 20.0f, *row));
    EXPECT_EQ(module().answer(), withAnswer("\"time_on_goal\":" + std::to_string(middle + 5)));
    tap(kSharesPage, ImVec2(kWidth - 20.0f, *row));
    EXPECT_EQ(module().answer(), withAnswer("\"time_on_goal\":" + std::to_string(middle + 10)));

    // The - button is the first target from the left that changes the value.
    const std::optional<float> minus = firstChangeAcross(kSharesPage, *row);
    ASSERT_TRUE(minus.has_value());
    EXPECT_LT(*minus, kWidth * 0.25f);
    EXPECT_EQ(module().answer(), withAnswer("\"time_on_goal\":" + std::to_string(middle + 5)));
    for (int i = 0; i < 30; ++i) tap(kSharesPage, ImVec2(*minus, *row)); // never below 0
    EXPECT_EQ(module().answer(), withAnswer("\"time_on_goal\":0"));
    for (int i = 0; i < 30; ++i) tap(kSharesPage, ImVec2(kWidth - 20.0f, *row)); // never above 100
    EXPECT_EQ(module().answer(), withAnswer("\"time_on_goal\":100"));
}

TEST_F(FocusAssessmentImGuiTest, UntouchedIsNotAnAnswerButMinusFromNothingIsZero) {
    const std::optional<float> row = firstChangeDown(kSharesPage, kWidth * 0.5f);
    ASSERT_TRUE(row.has_value());
    const std::optional<float> minus = firstChangeAcross(kSharesPage, *row);
    ASSERT_TRUE(minus.has_value());

    // The second picker, untouched: the page waits for it. Its "-" from nothing gives 0, an answer.
    module().reset();
    frame(kSharesPage);
    EXPECT_FALSE(module().pageComplete(kSharesPage));
    // Below the first row's buttons (72 pixels tall at this scale, and `row` is at or below their top).
    const std::optional<float> second = firstChangeDown(kSharesPage, *minus, *row + 80.0f);
    ASSERT_TRUE(second.has_value());
    EXPECT_EQ(module().answer(), withAnswer("\"ideal_client_share\":0"));
    EXPECT_FALSE(module().pageComplete(kSharesPage));
    tap(kSharesPage, ImVec2(kWidth - 20.0f, *row)); // + from nothing: one step
    EXPECT_EQ(module().answer(), withAnswer("\"time_on_goal\":5,\"ideal_client_share\":0"));
    EXPECT_TRUE(module().pageComplete(kSharesPage));
}

TEST_F(FocusAssessmentImGuiTest, DraggingAlongTheBarFollowsTheFinger) {
    const std::optional<float> row = firstChangeDown(kSharesPage, kWidth * 0.5f);
    ASSERT_TRUE(row.has_value());
    // Hold at the middle, slide to beyond the right end of the bar (over the + button), let go: 100, and no step.
    press(ImVec2(kWidth * 0.5f, *row));
    frame(kSharesPage);
    for (float x = kWidth * 0.5f; x <= kWidth - 20.0f; x += 40.0f) {
        ImGui::GetIO().MousePos = ImVec2(x, *row);
        frame(kSharesPage);
    }
    ImGui::GetIO().MousePos = ImVec2(kWidth - 20.0f, *row);
    frame(kSharesPage);
    release();
    frame(kSharesPage);
    EXPECT_EQ(module().answer(), withAnswer("\"time_on_goal\":100"));
    // And back beyond the left end: 0.
    press(ImVec2(kWidth * 0.5f, *row));
    frame(kSharesPage);
    ImGui::GetIO().MousePos = ImVec2(2.0f, *row);
    frame(kSharesPage);
    release();
    frame(kSharesPage);
    EXPECT_EQ(module().answer(), withAnswer("\"time_on_goal\":0"));
}

TEST_F(FocusAssessmentImGuiTest, TheClarityGridTakesOneAnswerPerArea) {
    frame(kClarityPage);
    EXPECT_FALSE(module().pageComplete(kClarityPage));
    // The right-most column is "No", for every row.
    tapColumn(kClarityPage, kWidth - 20.0f);
    EXPECT_TRUE(module().pageComplete(kClarityPage));
    EXPECT_EQ(module().answer(),
              withAnswer(R"("mission_clear":"no","brand_clear":"no","model_clear":"no","offer_clear":"no")"));
    // The first answer column (44% of the width is the question) is "Yes": only the first row this time.
    const std::optional<float> first = firstChangeDown(kClarityPage, kWidth * 0.5f);
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(module().answer(),
              withAnswer(R"("mission_clear":"yes","brand_clear":"no","model_clear":"no","offer_clear":"no")"));
    // Tapping the chosen answer again keeps it.
    tap(kClarityPage, ImVec2(kWidth * 0.5f, *first));
    EXPECT_EQ(module().answer(),
              withAnswer(R"("mission_clear":"yes","brand_clear":"no","model_clear":"no","offer_clear":"no")"));
    // The question's text is not a button.
    tapColumn(kClarityPage, 30.0f);
    EXPECT_EQ(module().answer(),
              withAnswer(R"("mission_clear":"yes","brand_clear":"no","model_clear":"no","offer_clear":"no")"));
}

TEST_F(FocusAssessmentImGuiTest, SmmartTilesToggleAndNoneExcludesThem) {
    // Down each column, the tiles one after the other; "None of these yet" spans both columns at the bottom.
    const std::vector<std::pair<float, std::string>> left = probeToggles(kSmmartPage, kWidth * 0.25f);
    const std::vector<std::pair<float, std::string>> right = probeToggles(kSmmartPage, kWidth * 0.75f);
    const auto payloads = [](const std::vector<std::pair<float, std::string>>& tiles) {
        std::vector<std::string> result;
        for (const auto& tile : tiles) result.push_back(tile.second);
        return result;
    };
    EXPECT_EQ(payloads(left), (std::vector<std::string>{withAnswer(R"("goal_qualities":["specific"])"),
                                                        withAnswer(R"("goal_qualities":["mission_based"])"),
                                                        withAnswer(R"("goal_qualities":["relevant"])"),
                                                        withAnswer(R"("goal_qualities":[])")}));
    EXPECT_EQ(payloads(right), (std::vector<std::string>{withAnswer(R"("goal_qualities":["measurable"])"),
                                                         withAnswer(R"("goal_qualities":["attainable"])"),
                                                         withAnswer(R"("goal_qualities":["time_bound"])"),
                                                         withAnswer(R"("goal_qualities":[])")}));
    ASSERT_EQ(left.size(), 4u);
    ASSERT_EQ(right.size(), 4u);
    EXPECT_EQ(module().answer(), withAnswer("")); // probing left nothing behind
    EXPECT_FALSE(module().pageComplete(kSmmartPage)); // nothing ticked is not an answer

    const float top = left[0].first, none = left[3].first;
    tap(kSmmartPage, ImVec2(kWidth * 0.25f, top));
    tap(kSmmartPage, ImVec2(kWidth * 0.75f, right[2].first));
    EXPECT_EQ(module().answer(), withAnswer(R"("goal_qualities":["specific","time_bound"])"));
    EXPECT_TRUE(module().pageComplete(kSmmartPage));
    tap(kSmmartPage, ImVec2(kWidth * 0.25f, top)); // again: unticked
    EXPECT_EQ(module().answer(), withAnswer(R"("goal_qualities":["time_bound"])"));

    // "None of these yet" is an answer of its own, and it clears the ticks; a quality clears "none".
    tap(kSmmartPage, ImVec2(kWidth * 0.5f, none));
    EXPECT_EQ(module().answer(), withAnswer(R"("goal_qualities":[])"));
    EXPECT_TRUE(module().pageComplete(kSmmartPage));
    tap(kSmmartPage, ImVec2(kWidth * 0.75f, right[0].first));
    EXPECT_EQ(module().answer(), withAnswer(R"("goal_qualities":["measurable"])"));
    tap(kSmmartPage, ImVec2(kWidth * 0.75f, none));
    EXPECT_EQ(module().answer(), withAnswer(R"("goal_qualities":[])"));
    tap(kSmmartPage, ImVec2(kWidth * 0.25f, none)); // again: no answer at all
    EXPECT_EQ(module().answer(), withAnswer(""));
    EXPECT_FALSE(module().pageComplete(kSmmartPage));
}

TEST_F(FocusAssessmentImGuiTest, OpportunityTilesInTwoColumns) {
    // Six options: rows (narrow_offer, decline_poor_fit), (partner, accelerator), (dedicated_team, one_message).
    tapColumn(kOpportunityPage, kWidth * 0.25f);
    EXPECT_EQ(module().answer(), withAnswer(R"("top_opportunity":"dedicated_team")"));
    tapColumn(kOpportunityPage, kWidth * 0.75f);
    EXPECT_EQ(module().answer(), withAnswer(R"("top_opportunity":"one_message")"));
    EXPECT_TRUE(module().pageComplete(kOpportunityPage));
    module().reset();
    const std::optional<float> first = firstChangeDown(kOpportunityPage, kWidth * 0.75f);
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(module().answer(), withAnswer(R"("top_opportunity":"decline_poor_fit")"));
}

TEST_F(FocusAssessmentImGuiTest, AnswersFromEveryPageRoundTripInContentOrder) {
    ASSERT_TRUE(focusTextField(kGoalPage));
    type(kGoalPage, U"Fix \"it\"\nnow!"); // the limit is 12 bytes: the "!" is refused
    EXPECT_TRUE(module().pageComplete(kGoalPage));
    ASSERT_TRUE(firstChangeDown(kSmmartPage, kWidth * 0.75f).has_value()); // Measurable
    tapColumn(kSharesPage, kWidth - 20.0f); // + on both
    tapColumn(kClarityPage, kWidth - 20.0f);
    const std::optional<float> partly = firstChangeDown(kClarityPage, kWidth * 0.72f);
    ASSERT_TRUE(partly.has_value());
    ASSERT_TRUE(firstChangeDown(kOpportunityPage, kWidth * 0.25f).has_value());
    for (uint32_t page = 0; page < kSeedPageCount; ++page) EXPECT_TRUE(module().pageComplete(page)) << "page " << page;

    // Content order, not page order; the sentence as typed (a line break escaped), trimmed.
    const std::string payload = module().answer();
    const std::string start = R"({"answers":{"one_big_goal":"Fix \"it\"\nnow","goal_qualities":["measurable"],)"
                              R"("time_on_goal":)";
    EXPECT_EQ(payload.rfind(start, 0), 0u) << payload;
    const size_t shares = payload.find("\"ideal_client_share\":");
    ASSERT_NE(shares, std::string::npos) << payload;
    EXPECT_NE(payload.find(R"("mission_clear":"partly","brand_clear":"no","model_clear":"no","offer_clear":"no",)"
                           R"("top_opportunity":"narrow_offer"}})"),
              std::string::npos)
        << payload;
}

TEST_F(FocusAssessmentImGuiTest, TheGoalSentenceStopsAtMaxLengthOnACharacterBoundary) {
    ASSERT_TRUE(focusTextField(kGoalPage));
    type(kGoalPage, U"Caf\u00e9 na\u00efv"); // 11 bytes of the 12 allowed
    type(kGoalPage, U"\u00e9");               // 2 bytes: only one fits, so the whole character is refused
    type(kGoalPage, U"e and more");           // 1 byte still fits
    EXPECT_EQ(module().answer(), "{\"answers\":{\"one_big_goal\":\"Caf\u00e9 na\u00efve\"}}");
}

TEST_F(FocusAssessmentImGuiTest, ABlankSentenceIsNotAnAnswer) {
    ASSERT_TRUE(focusTextField(kGoalPage));
    type(kGoalPage, U"  \n ");
    EXPECT_EQ(module().answer(), R"({"answers":{}})");
    EXPECT_FALSE(module().pageComplete(kGoalPage));
}

TEST_F(FocusAssessmentImGuiTest, ResetWipesEveryAnswerAndTheTextBeingTyped) {
    tapColumn(kSharesPage, kWidth - 20.0f);
    tapColumn(kClarityPage, kWidth - 20.0f);
    ASSERT_TRUE(firstChangeDown(kSmmartPage, kWidth * 0.25f).has_value());
    ASSERT_TRUE(firstChangeDown(kOpportunityPage, kWidth * 0.25f).has_value());
    ASSERT_TRUE(focusTextField(kGoalPage));
    type(kGoalPage, U"secret");
    for (uint32_t page = 0; page < kSeedPageCount; ++page) ASSERT_TRUE(module().pageComplete(page)) << "page " << page;

    module().reset(); // the participant walked away with the field still focused
    EXPECT_EQ(module().answer(), R"({"answers":{}})");
    for (uint32_t page = 0; page < kSeedPageCount; ++page) EXPECT_FALSE(module().pageComplete(page)) << "page " << page;
    frame(kGoalPage);
    frame(kGoalPage);
    EXPECT_EQ(module().answer(), R"({"answers":{}})");
    ASSERT_TRUE(focusTextField(kGoalPage));
    type(kGoalPage, U"new");
    EXPECT_EQ(module().answer(), R"({"answers":{"one_big_goal":"new"}})");
}

TEST_F(FocusAssessmentImGuiTest, PagesFollowAFixedOrderWhateverTheFileOrder) {
    Content content;
    content.add(opportunity());
    content.add(percent("time_on_goal", "goal_time", "Time"));
    ASSERT_NO_FATAL_FAILURE(use(std::move(content)));
    ASSERT_EQ(module().pageCount(), 2u);
    // Page 0 is the percent picker (its + button at the right end), page 1 the opportunities.
    ASSERT_TRUE(firstChangeDown(0, kWidth - 20.0f).has_value());
    EXPECT_EQ(module().answer(), withAnswer(R"("time_on_goal":5)"));
    ASSERT_TRUE(firstChangeDown(1, kWidth * 0.25f).has_value());
    EXPECT_EQ(module().answer(), withAnswer(R"("top_opportunity":"narrow_offer","time_on_goal":5)"));
}

} // namespace
