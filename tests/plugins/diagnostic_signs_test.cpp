// The diagnostic-signs plugin, loaded from the real built .so through its one C entry, exactly as the host loads it:
// content validation, page layout, the answer payload, scoring, and headless ImGui frames driven by simulated taps.
#include "support/module_fixtures.h"
#include "support/plugin_harness.h"

#include <alignkiosk/plugin_abi.h>

#include <gtest/gtest.h>
#include <imgui.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace {

using namespace alignkiosk::test_support; // the plugin harness and its fixtures

constexpr const char* kPluginPath = ALIGNKIOSK_PLUGIN_DIR "/diagnostic_signs.so";
constexpr const char* kModuleId = "diagnostic_signs";
constexpr uint32_t kWholeStep = UINT32_MAX;

// SignsModule::kQuestionsPerPage, seen from outside: each group is split over pages of at most this many questions,
// because two scale questions fit a laptop window or a touchscreen without scrolling (a finger cannot scroll ImGui).
constexpr uint32_t kQuestionsPerPage = 2;

// The seed content's pages (seedContent below): its 4 signals, its 4 metrics, then the open sentence.
constexpr uint32_t kSignalPages = 4 / kQuestionsPerPage;        // pages 0 and 1
constexpr uint32_t kMetricPages = 4 / kQuestionsPerPage;        // pages 2 and 3
constexpr uint32_t kSentencePage = kSignalPages + kMetricPages; // page 4
constexpr uint32_t kSeedPageCount = kSentencePage + 1;
static_assert(kSeedPageCount == 5);

// ---- Step content as the host hands it in ---------------------------------------------------------------------------

const std::vector<std::string> kFrequency{"Never", "Rarely", "Sometimes", "Often", "Almost always"};
const std::vector<std::string> kHowWell{"Very poorly", "Poorly", "Adequately", "Well", "Very well"};

QuestionSpec signal(std::string id, std::string prompt, std::string checkFirst) {
    QuestionSpec spec;
    spec.id = std::move(id);
    spec.prompt = std::move(prompt);
    spec.help = "Think of the last three months.";
    spec.labels = kFrequency;
    spec.attributes = {{"group", "signal"}, {"check_first", std::move(checkFirst)}};
    return spec;
}

QuestionSpec metric(std::string id, std::string prompt) {
    QuestionSpec spec;
    spec.id = std::move(id);
    spec.prompt = std::move(prompt);
    spec.labels = kHowWell;
    spec.attributes = {{"group", "metric"}};
    return spec;
}

QuestionSpec customerChange(std::string id, uint32_t maxLength) {
    QuestionSpec spec;
    spec.id = std::move(id);
    spec.kind = ALIGNKIOSK_QUESTION_TEXT;
    spec.prompt = "Finish the sentence: our company changes this for customers...";
    spec.required = false;
    spec.scaleMin = 0;
    spec.scaleMax = 0;
    spec.maxLength = maxLength;
    spec.attributes = {{"group", "customer_change"}};
    return spec;
}

// The step content the host hands this module.
struct Content : StepContent {
    Content() : StepContent("signs", "Diagnostic signs") {}
};

// Seed 002's four signs, its four metrics and the open sentence, in the order a survey file would list them.
Content seedContent(uint32_t sentenceLength = 280) {
    Content content;
    content.add(signal("sign_pages", "Our messaging changes from page to page.",
                       "define the customer change the company creates"));
    content.add(signal("sign_teams", "Teams describe the company differently.", "name the audience clearly"));
    content.add(signal("sign_topics", "Our content topics feel disconnected.",
                       "remove language that could fit any company"));
    content.add(signal("sign_value", "Sales and marketing use different value language.",
                       "test the mission against real messaging decisions"));
    content.add(metric("metric_consistency", "Message consistency"));
    content.add(metric("metric_sales", "Sales narrative clarity"));
    content.add(metric("metric_content", "Content relevance"));
    content.add(metric("metric_stakeholders", "Stakeholder alignment"));
    content.add(customerChange("customer_change", sentenceLength));
    return content;
}

// ---- The plugin, loaded like the host loads it ----------------------------------------------------------------------

class DiagnosticSignsTest : public PluginTest {
protected:
    DiagnosticSignsTest() : PluginTest(kPluginPath, kModuleId) {}
};

// ---- Entry and descriptor ---------------------------------------------------------------------------------------------

TEST_F(DiagnosticSignsTest, EntryMatchesThisHostsAbiAndImGui) {
    EXPECT_EQ(plugin().entry().struct_size, sizeof(alignkiosk_plugin_entry_v1));
    EXPECT_EQ(plugin().entry().abi_major, ALIGNKIOSK_ABI_MAJOR);
    EXPECT_LE(plugin().entry().abi_minor, ALIGNKIOSK_ABI_MINOR);
    EXPECT_EQ(plugin().entry().imgui_version_num, IMGUI_VERSION_NUM);
}

TEST_F(DiagnosticSignsTest, DescribesOneModuleAcceptingScaleAndText) {
    const alignkiosk_module_factory_v2& factory = plugin().factory();
    ASSERT_EQ(factory.module_count(), 1u);
    const alignkiosk_module_descriptor_v1* descriptor = factory.module_descriptor(0);
    ASSERT_NE(descriptor, nullptr);
    EXPECT_STREQ(descriptor->id, "diagnostic_signs");
    EXPECT_STREQ(descriptor->version, "1.0.0");
    EXPECT_STRNE(descriptor->name, "");
    EXPECT_STRNE(descriptor->description, "");
    EXPECT_EQ(descriptor->accepted_kinds, (1u << ALIGNKIOSK_QUESTION_SCALE) | (1u << ALIGNKIOSK_QUESTION_TEXT));
    EXPECT_EQ(factory.module_descriptor(1), nullptr);
}

// ---- Content validation -------------------------------------------------------------------------------------------------

TEST_F(DiagnosticSignsTest, AcceptsTheSeedContent) {
    Content content = seedContent();
    bool passed = false;
    const std::vector<Problem> problems = plugin().validate(content, &passed);
    EXPECT_TRUE(passed);
    EXPECT_TRUE(problems.empty()) << problems.front().message;
}

TEST_F(DiagnosticSignsTest, AcceptsSignalsAlone) {
    Content content;
    content.add(signal("s", "Teams describe the company differently.", "name the audience clearly"));
    bool passed = false;
    EXPECT_TRUE(plugin().validate(content, &passed).empty());
    EXPECT_TRUE(passed);
}

TEST_F(DiagnosticSignsTest, RequiresAtLeastOneSignal) {
    Content content;
    content.add(metric("m", "Message consistency"));
    content.add(customerChange("c", 200));
    bool passed = true;
    const std::vector<Problem> problems = plugin().validate(content, &passed);
    EXPECT_FALSE(passed);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].questionIndex, kWholeStep);
    EXPECT_EQ(problems[0].field, "");
}

TEST_F(DiagnosticSignsTest, ReportsMissingAndUnknownGroupOnAttributes) {
    Content content = seedContent();
    content.add(metric("no_group", "Stakeholder alignment"));
    content.back().attributes.clear();
    content.add(metric("bad_group", "Stakeholder alignment"));
    content.back().attributes = {{"group", "signals"}};
    const std::vector<Problem> problems = plugin().validate(content);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].questionIndex, 9u);
    EXPECT_EQ(problems[0].field, "attributes");
    EXPECT_EQ(problems[1].questionIndex, 10u);
    EXPECT_EQ(problems[1].field, "attributes");
    EXPECT_NE(problems[1].message.find("signals"), std::string::npos) << problems[1].message;
}

TEST_F(DiagnosticSignsTest, ReportsWrongKindsOnKind) {
    Content content = seedContent();
    content.add(signal("text_signal", "Teams describe the company differently.", "name the audience clearly"));
    content.back().kind = ALIGNKIOSK_QUESTION_TEXT;
    content.add(metric("text_metric", "Content relevance"));
    content.back().kind = ALIGNKIOSK_QUESTION_TEXT;
    const std::vector<Problem> problems = plugin().validate(content);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].questionIndex, 9u);
    EXPECT_EQ(problems[0].field, "kind");
    EXPECT_EQ(problems[1].questionIndex, 10u);
    EXPECT_EQ(problems[1].field, "kind");
}

TEST_F(DiagnosticSignsTest, ReportsACustomerChangeThatIsNotText) {
    Content content;
    content.add(signal("s", "Teams describe the company differently.", "name the audience clearly"));
    content.add(metric("c", "What change do we create?"));
    content.back().attributes = {{"group", "customer_change"}};
    const std::vector<Problem> problems = plugin().validate(content);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].questionIndex, 1u);
    EXPECT_EQ(problems[0].field, "kind");
}

TEST_F(DiagnosticSignsTest, ReportsASignalWithoutCheckFirst) {
    Content content = seedContent();
    content.add(signal("no_check", "Content topics feel disconnected.", ""));
    content.back().attributes = {{"group", "signal"}};
    content.add(signal("blank_check", "Content topics feel disconnected.", "  \t "));
    const std::vector<Problem> problems = plugin().validate(content);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].questionIndex, 9u);
    EXPECT_EQ(problems[0].field, "attributes");
    EXPECT_NE(problems[0].message.find("check_first"), std::string::npos) << problems[0].message;
    EXPECT_EQ(problems[1].questionIndex, 10u);
    EXPECT_EQ(problems[1].field, "attributes");
}

TEST_F(DiagnosticSignsTest, ReportsEverySecondCustomerChange) {
    Content content = seedContent();
    content.add(customerChange("again", 100));
    content.add(customerChange("and_again", 100));
    const std::vector<Problem> problems = plugin().validate(content);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].questionIndex, 9u);
    EXPECT_EQ(problems[0].field, "attributes");
    EXPECT_EQ(problems[1].questionIndex, 10u);
}

TEST_F(DiagnosticSignsTest, ReportsAScaleWithFewerThanThreePoints) {
    Content content = seedContent();
    content.add(metric("two_points", "Message consistency"));
    content.back().scaleMax = 2;
    content.back().labels = {"Poorly", "Well"};
    content.add(signal("three_points", "Teams describe the company differently.", "name the audience clearly"));
    content.back().scaleMin = 0;
    content.back().scaleMax = 2;
    content.back().labels = {"Never", "Sometimes", "Often"};
    const std::vector<Problem> problems = plugin().validate(content);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].questionIndex, 9u);
    EXPECT_EQ(problems[0].field, "scale");
}

TEST_F(DiagnosticSignsTest, ReportsEveryProblemInOnePass) {
    Content content;
    content.add(metric("m", "Message consistency"));             // 0: fine
    content.add(metric("n", "Sales narrative clarity"));         // 1: no group
    content.back().attributes.clear();
    content.add(customerChange("c1", 100));                      // 2: fine
    content.add(customerChange("c2", 100));                      // 3: second open sentence
    const std::vector<Problem> problems = plugin().validate(content);
    ASSERT_EQ(problems.size(), 3u);
    EXPECT_EQ(problems[0].questionIndex, 1u);
    EXPECT_EQ(problems[1].questionIndex, 3u);
    EXPECT_EQ(problems[2].questionIndex, kWholeStep); // and still no signal
}

// ---- Pages and answers without drawing -------------------------------------------------------------------------------

TEST_F(DiagnosticSignsTest, ShowsOnlyThePagesThatHaveQuestions) {
    Content seed = seedContent();
    auto full = plugin().create(seed);
    ASSERT_NE(full, nullptr);
    EXPECT_EQ(full->pageCount(), kSeedPageCount); // signals 2 + 2, metrics 2 + 2, the open sentence

    Content signalsAndSentence;
    signalsAndSentence.add(signal("s", "Teams describe the company differently.", "name the audience clearly"));
    signalsAndSentence.add(customerChange("c", 100));
    auto two = plugin().create(signalsAndSentence);
    ASSERT_NE(two, nullptr);
    EXPECT_EQ(two->pageCount(), 2u);

    Content signalsOnly;
    signalsOnly.add(signal("s", "Teams describe the company differently.", "name the audience clearly"));
    auto one = plugin().create(signalsOnly);
    ASSERT_NE(one, nullptr);
    EXPECT_EQ(one->pageCount(), 1u);

    // Groups that exactly fill their pages get no empty page after them.
    Content fullPages;
    fullPages.add(signal("s1", "Teams describe the company differently.", "name the audience clearly"));
    fullPages.add(signal("s2", "Our content topics feel disconnected.", "remove language that could fit any company"));
    fullPages.add(metric("m1", "Message consistency"));
    fullPages.add(metric("m2", "Sales narrative clarity"));
    auto twoFull = plugin().create(fullPages);
    ASSERT_NE(twoFull, nullptr);
    EXPECT_EQ(twoFull->pageCount(), 2u);
}

TEST_F(DiagnosticSignsTest, RefusesToCreateFromContentWithoutGroups) {
    Content content;
    content.add(metric("m", "Message consistency"));
    content.back().attributes.clear();
    EXPECT_EQ(plugin().create(content), nullptr);
}

TEST_F(DiagnosticSignsTest, StartsWithNoAnswers) {
    Content content = seedContent();
    auto module = plugin().create(content);
    ASSERT_NE(module, nullptr);
    ASSERT_EQ(module->pageCount(), kSeedPageCount);
    // Every signals and metrics page waits for its answers.
    for (uint32_t page = 0; page < kSentencePage; ++page) EXPECT_FALSE(module->pageComplete(page)) << "page " << page;
    EXPECT_TRUE(module->pageComplete(kSentencePage));   // the open sentence is optional
    EXPECT_FALSE(module->pageComplete(kSeedPageCount)); // no such page
    EXPECT_FALSE(module->pageComplete(UINT32_MAX));
    EXPECT_EQ(module->answer(), R"({"answers":{}})");
}

TEST_F(DiagnosticSignsTest, OptionalScaleQuestionsDoNotHoldAPageBack) {
    Content content;
    content.add(signal("s", "Teams describe the company differently.", "name the audience clearly"));
    content.add(metric("m", "Message consistency"));
    content.back().required = false;
    auto module = plugin().create(content);
    ASSERT_NE(module, nullptr);
    EXPECT_FALSE(module->pageComplete(0));
    EXPECT_TRUE(module->pageComplete(1));
}

// ---- Scoring --------------------------------------------------------------------------------------------------------------

// A module made from the seed content, scoring the groups the tests hand it.
class DiagnosticSignsScoringTest : public DiagnosticSignsTest {
protected:
    void SetUp() override {
        DiagnosticSignsTest::SetUp();
        if (HasFatalFailure()) return;
        ASSERT_NO_FATAL_FAILURE(use(seedContent()));
    }
};

TEST_F(DiagnosticSignsScoringTest, EveryoneSeesTheSignOften) {
    Aggregate aggregate;
    aggregate.item("sign_teams", {0, 0, 0, 4, 6}); // top two points: 10 of 10
    const std::vector<Finding> findings = score(aggregate);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].questionId, "sign_teams");
    EXPECT_EQ(findings[0].level, ALIGNKIOSK_FINDING_WIDESPREAD);
    EXPECT_FLOAT_EQ(findings[0].share, 1.0f);
    EXPECT_EQ(findings[0].headline, "Teams describe the company differently \u2014 seen often by 100% (10 of 10)");
    EXPECT_EQ(findings[0].action, "name the audience clearly");
}

TEST_F(DiagnosticSignsScoringTest, EveryoneSaysNever) {
    Aggregate aggregate;
    aggregate.item("sign_pages", {7, 0, 0, 0, 0});
    const std::vector<Finding> findings = score(aggregate);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].level, ALIGNKIOSK_FINDING_INFO);
    EXPECT_FLOAT_EQ(findings[0].share, 0.0f);
    EXPECT_EQ(findings[0].headline, "Our messaging changes from page to page \u2014 seen often by 0% (0 of 7)");
    EXPECT_EQ(findings[0].action, "define the customer change the company creates");
}

TEST_F(DiagnosticSignsScoringTest, EvenSplitBetweenTheEndsIsWidespread) {
    Aggregate aggregate;
    aggregate.item("sign_topics", {5, 0, 0, 0, 5}); // 5 of 10 at the top: exactly one half
    const std::vector<Finding> findings = score(aggregate);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].level, ALIGNKIOSK_FINDING_WIDESPREAD);
    EXPECT_FLOAT_EQ(findings[0].share, 0.5f);
    EXPECT_EQ(findings[0].headline, "Our content topics feel disconnected \u2014 seen often by 50% (5 of 10)");
}

TEST_F(DiagnosticSignsScoringTest, EvenSpreadOverAllPointsIsWatch) {
    Aggregate aggregate;
    aggregate.item("sign_topics", {2, 2, 2, 2, 2}); // 4 of 10 at the top
    const std::vector<Finding> findings = score(aggregate);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].level, ALIGNKIOSK_FINDING_WATCH);
    EXPECT_FLOAT_EQ(findings[0].share, 0.4f);
}

TEST_F(DiagnosticSignsScoringTest, ThresholdsAreInclusive) {
    Aggregate aggregate;
    aggregate.item("sign_pages", {2, 1, 1, 2, 2});  // 4 of 8 = 0.5    -> WIDESPREAD
    aggregate.item("sign_teams", {4, 1, 0, 3, 1});  // 4 of 9 = 0.444  -> WATCH, just under a half
    aggregate.item("sign_topics", {3, 2, 1, 1, 1}); // 2 of 8 = 0.25   -> WATCH
    aggregate.item("sign_value", {4, 2, 1, 2, 0});  // 2 of 9 = 0.222  -> INFO, just under a quarter
    const std::vector<Finding> findings = score(aggregate);
    ASSERT_EQ(findings.size(), 4u);
    EXPECT_EQ(findings[0].questionId, "sign_pages");
    EXPECT_EQ(findings[0].level, ALIGNKIOSK_FINDING_WIDESPREAD);
    EXPECT_FLOAT_EQ(findings[0].share, 0.5f);
    EXPECT_EQ(findings[1].questionId, "sign_teams");
    EXPECT_EQ(findings[1].level, ALIGNKIOSK_FINDING_WATCH);
    EXPECT_EQ(findings[1].headline, "Teams describe the company differently \u2014 seen often by 44% (4 of 9)");
    EXPECT_EQ(findings[2].questionId, "sign_topics");
    EXPECT_EQ(findings[2].level, ALIGNKIOSK_FINDING_WATCH);
    EXPECT_FLOAT_EQ(findings[2].share, 0.25f);
    EXPECT_EQ(findings[2].headline, "Our content topics feel disconnected \u2014 seen often by 25% (2 of 8)");
    EXPECT_EQ(findings[3].questionId, "sign_value");
    EXPECT_EQ(findings[3].level, ALIGNKIOSK_FINDING_INFO);
    EXPECT_EQ(findings[3].headline,
              "Sales and marketing use different value language \u2014 seen often by 22% (2 of 9)");
}

TEST_F(DiagnosticSignsScoringTest, PercentIsRoundedDownSoItNeverOverstates) {
    Aggregate aggregate;
    aggregate.item("sign_pages", {1, 0, 0, 1, 1}); // 2 of 3 = 66.7%
    const std::vector<Finding> findings = score(aggregate);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].headline, "Our messaging changes from page to page \u2014 seen often by 66% (2 of 3)");
}

TEST_F(DiagnosticSignsScoringTest, MetricsCountTheBottomTwoPointsAndHaveNoAction) {
    Aggregate aggregate;
    aggregate.item("metric_consistency", {3, 2, 0, 0, 5}); // 5 of 10 weak -> WIDESPREAD
    aggregate.item("metric_sales", {0, 3, 5, 2, 2});       // 3 of 12 = 0.25 -> WATCH
    aggregate.item("metric_content", {0, 0, 1, 4, 5});     // 0 of 10 -> INFO
    const std::vector<Finding> findings = score(aggregate);
    ASSERT_EQ(findings.size(), 3u);
    EXPECT_EQ(findings[0].questionId, "metric_consistency");
    EXPECT_EQ(findings[0].level, ALIGNKIOSK_FINDING_WIDESPREAD);
    EXPECT_EQ(findings[0].headline, "Message consistency \u2014 rated weak by 50% (5 of 10)");
    EXPECT_EQ(findings[0].action, "");
    EXPECT_EQ(findings[1].questionId, "metric_sales");
    EXPECT_EQ(findings[1].level, ALIGNKIOSK_FINDING_WATCH);
    EXPECT_FLOAT_EQ(findings[1].share, 0.25f);
    EXPECT_EQ(findings[2].questionId, "metric_content");
    EXPECT_EQ(findings[2].level, ALIGNKIOSK_FINDING_INFO);
    EXPECT_EQ(findings[2].headline, "Content relevance \u2014 rated weak by 0% (0 of 10)");
}

TEST_F(DiagnosticSignsScoringTest, QuestionsWithoutAnswersGiveNoFinding) {
    Aggregate aggregate;
    aggregate.item("sign_pages", {0, 0, 0, 0, 0});
    aggregate.item("metric_content", {0, 0, 0, 0, 0});
    aggregate.item("customer_change", {}); // never scored: it is the open sentence
    EXPECT_TRUE(score(aggregate).empty());
    Aggregate nothing;
    EXPECT_TRUE(score(nothing).empty());
}

TEST_F(DiagnosticSignsScoringTest, SortsByLevelThenShareDescending) {
    Aggregate aggregate;
    aggregate.item("metric_consistency", {1, 0, 2, 0, 1}); // weak 1/4   = 0.25 WATCH
    aggregate.item("sign_pages", {1, 0, 0, 0, 9});         // often 9/10 = 0.9  WIDESPREAD
    aggregate.item("sign_teams", {8, 0, 0, 1, 1});         // often 2/10 = 0.2  INFO
    aggregate.item("metric_sales", {3, 1, 0, 0, 0});       // weak 4/4   = 1.0  WIDESPREAD
    aggregate.item("sign_topics", {2, 0, 1, 2, 0});        // often 2/5  = 0.4  WATCH
    std::vector<std::string> order;
    for (const Finding& finding : score(aggregate)) order.push_back(finding.questionId);
    EXPECT_EQ(order, (std::vector<std::string>{"metric_sales", "sign_pages", "sign_topics", "metric_consistency",
                                               "sign_teams"}));
}

TEST(DiagnosticSignsScaleTest, CountsFromScaleMinAndUsesTheLabelAttribute) {
    hostLog().clear();
    LoadedPlugin plugin(kPluginPath, kModuleId, nullptr);
    ASSERT_TRUE(plugin.ok()) << plugin.error();
    Content content;
    content.add(signal("seven", "How often do teams describe the company differently?", "name the audience clearly"));
    content.back().scaleMin = 0;
    content.back().scaleMax = 6;
    content.back().labels = {"0", "1", "2", "3", "4", "5", "6"};
    content.add(metric("labelled", "How clear is our sales narrative?"));
    content.back().attributes.push_back({"label", "Sales narrative clarity"});
    ASSERT_TRUE(plugin.validate(content).empty());
    auto module = plugin.create(content);
    ASSERT_NE(module, nullptr);

    Aggregate aggregate;
    aggregate.item("seven", {0, 0, 0, 0, 1, 1, 1}); // points 5 and 6 are the top two: 2 of 3
    aggregate.item("labelled", {1, 1, 0, 0, 2});    // points 1 and 2 are the bottom two: 2 of 4
    const std::vector<Finding> findings = module->score(aggregate.raw());
    ASSERT_EQ(findings.size(), 2u);
    EXPECT_EQ(findings[0].headline,
              "How often do teams describe the company differently \u2014 seen often by 66% (2 of 3)");
    EXPECT_EQ(findings[1].headline, "Sales narrative clarity \u2014 rated weak by 50% (2 of 4)");
}

// ---- Headless ImGui: drawing and taps ---------------------------------------------------------------------------------

// A host-like window over the whole display, the seed content with a 12-byte open sentence, and a mouse the test
// moves.
class DiagnosticSignsImGuiTest : public ModulePageTest {
protected:
    static constexpr float kWidth = 1280.0f;
    static constexpr float kHeight = 800.0f;

    DiagnosticSignsImGuiTest() : ModulePageTest(kPluginPath, kModuleId, {ImVec2(kWidth, kHeight), 18.0f, 26.0f, 56.0f}) {}

    void SetUp() override {
        ModulePageTest::SetUp();
        if (HasFatalFailure()) return;
        ASSERT_NO_FATAL_FAILURE(use(seedContent(12)));
    }
};

TEST_F(DiagnosticSignsImGuiTest, DrawsEveryPageHeadless) {
    ASSERT_EQ(module().pageCount(), kSeedPageCount);
    for (uint32_t page = 0; page < module().pageCount(); ++page) EXPECT_GT(frame(page), 0) << "page " << page;
    EXPECT_TRUE(hostLog().empty()) << hostLog().front();
}

TEST_F(DiagnosticSignsImGuiTest, DrawingAPageThatDoesNotExistFailsCleanly) {
    ASSERT_EQ(module().pageCount(), kSeedPageCount);
    ImGui::NewFrame();
    ImGui::Begin("step");
    alignkiosk_frame_v1 look{sizeof(alignkiosk_frame_v1), 1.0f, 56.0f, nullptr, nullptr, 0};
    EXPECT_FALSE(module().draw(kSeedPageCount, look)); // one past the open sentence
    ImGui::End();
    ImGui::Render();
    EXPECT_FALSE(hostLog().empty());
}

TEST_F(DiagnosticSignsImGuiTest, DrawsWithoutHostFontsOrAccent) {
    const alignkiosk_frame_v1 bare{sizeof(alignkiosk_frame_v1), 0.0f, 0.0f, nullptr, nullptr, 0};
    for (uint32_t page = 0; page < module().pageCount(); ++page) EXPECT_GT(frame(page, &bare), 0) << "page " << page;
    EXPECT_TRUE(hostLog().empty()) << hostLog().front();
}

TEST_F(DiagnosticSignsImGuiTest, TappingTheTopPointAnswersEverySignal) {
    frame(0);
    EXPECT_FALSE(module().pageComplete(0));
    tapColumn(0, kWidth - 20.0f); // the right-most button of every row: "Almost always"
    EXPECT_TRUE(module().pageComplete(0));
    EXPECT_FALSE(module().pageComplete(1)); // the other two signals are on the next page
    EXPECT_EQ(module().answer(), R"({"answers":{"sign_pages":5,"sign_teams":5}})");

    tapColumn(1, kWidth - 20.0f);
    EXPECT_TRUE(module().pageComplete(0));
    EXPECT_TRUE(module().pageComplete(1));
    EXPECT_FALSE(module().pageComplete(2)); // the metrics are still to come
    EXPECT_EQ(module().answer(), R"({"answers":{"sign_pages":5,"sign_teams":5,"sign_topics":5,"sign_value":5}})");
}

TEST_F(DiagnosticSignsImGuiTest, TappingTheChosenPointAgainKeepsIt) {
    tapColumn(0, kWidth * 0.5f); // the middle button: "Sometimes"
    tapColumn(1, kWidth * 0.5f);
    const std::string once = module().answer();
    EXPECT_EQ(once, R"({"answers":{"sign_pages":3,"sign_teams":3,"sign_topics":3,"sign_value":3}})");
    tapColumn(0, kWidth * 0.5f);
    tapColumn(1, kWidth * 0.5f);
    EXPECT_EQ(module().answer(), once);
    EXPECT_TRUE(module().pageComplete(0));
    EXPECT_TRUE(module().pageComplete(1));
}

TEST_F(DiagnosticSignsImGuiTest, ALaterTapChangesTheAnswer) {
    tapColumn(0, kWidth * 0.5f);
    tapColumn(1, kWidth * 0.5f);
    tapColumn(1, 20.0f); // the left-most button: "Never", on the second signals page only
    EXPECT_EQ(module().answer(), R"({"answers":{"sign_pages":3,"sign_teams":3,"sign_topics":1,"sign_value":1}})");
    tapColumn(0, 20.0f);
    EXPECT_EQ(module().answer(), R"({"answers":{"sign_pages":1,"sign_teams":1,"sign_topics":1,"sign_value":1}})");
}

TEST_F(DiagnosticSignsImGuiTest, AnswersFromEveryPageRoundTripIntoThePayload) {
    ASSERT_EQ(module().pageCount(), kSeedPageCount);
    tapColumn(0, kWidth - 20.0f);
    tapColumn(1, kWidth - 20.0f);
    EXPECT_FALSE(module().pageComplete(2));
    tapColumn(2, 20.0f); // "Very poorly"
    EXPECT_TRUE(module().pageComplete(2));
    EXPECT_EQ(module().answer(), R"({"answers":{"sign_pages":5,"sign_teams":5,"sign_topics":5,"sign_value":5,)"
                                 R"("metric_consistency":1,"metric_sales":1}})");
    EXPECT_FALSE(module().pageComplete(3)); // the other two metrics are on the next page
    tapColumn(3, 20.0f);
    EXPECT_TRUE(module().pageComplete(3));
    ASSERT_TRUE(focusTextField(kSentencePage));
    type(kSentencePage, U"We \"fix\"\nit ");
    EXPECT_TRUE(module().pageComplete(kSentencePage));
    for (uint32_t page = 0; page < kSeedPageCount; ++page) EXPECT_TRUE(module().pageComplete(page)) << "page " << page;
    EXPECT_EQ(module().answer(), R"({"answers":{"sign_pages":5,"sign_teams":5,"sign_topics":5,"sign_value":5,)"
                                 R"("metric_consistency":1,"metric_sales":1,"metric_content":1,)"
                                 R"("metric_stakeholders":1,"customer_change":"We \"fix\"\nit"}})");
}

TEST_F(DiagnosticSignsImGuiTest, AGroupOfThreeSignalsGivesPagesOfTwoAndOne) {
    Content content;
    content.add(signal("sign_pages", "Our messaging changes from page to page.",
                       "define the customer change the company creates"));
    content.add(signal("sign_teams", "Teams describe the company differently.", "name the audience clearly"));
    content.add(signal("sign_topics", "Our content topics feel disconnected.",
                       "remove language that could fit any company"));
    content.add(metric("metric_consistency", "Message consistency"));
    content.add(customerChange("customer_change", 12));
    ASSERT_NO_FATAL_FAILURE(use(std::move(content)));
    // Signals 2 + 1; the metric gets a page of its own rather than the free place beside the third signal.
    ASSERT_EQ(module().pageCount(), 4u);
    for (uint32_t page = 0; page < module().pageCount(); ++page) EXPECT_GT(frame(page), 0) << "page " << page;

    tapColumn(0, kWidth - 20.0f);
    EXPECT_TRUE(module().pageComplete(0));
    EXPECT_FALSE(module().pageComplete(1));
    EXPECT_EQ(module().answer(), R"({"answers":{"sign_pages":5,"sign_teams":5}})");

    tapColumn(1, 20.0f);
    EXPECT_TRUE(module().pageComplete(1));
    EXPECT_FALSE(module().pageComplete(2));
    EXPECT_EQ(module().answer(), R"({"answers":{"sign_pages":5,"sign_teams":5,"sign_topics":1}})");

    tapColumn(2, kWidth * 0.5f);
    EXPECT_TRUE(module().pageComplete(2));
    ASSERT_TRUE(focusTextField(3));
    type(3, U"Fewer calls");
    EXPECT_TRUE(module().pageComplete(3));
    EXPECT_FALSE(module().pageComplete(4)); // no such page
    EXPECT_EQ(module().answer(), R"({"answers":{"sign_pages":5,"sign_teams":5,"sign_topics":1,)"
                                 R"("metric_consistency":3,"customer_change":"Fewer calls"}})");
    EXPECT_TRUE(hostLog().empty()) << hostLog().front();
}

TEST_F(DiagnosticSignsImGuiTest, TheOpenSentenceStopsAtMaxLengthBytes) {
    ASSERT_TRUE(focusTextField(kSentencePage));
    type(kSentencePage, U"Clearer pitches for all"); // the limit is 12 bytes
    EXPECT_EQ(module().answer(), R"({"answers":{"customer_change":"Clearer pitc"}})");
}

TEST_F(DiagnosticSignsImGuiTest, TheLimitNeverSplitsACharacter) {
    ASSERT_TRUE(focusTextField(kSentencePage));
    type(kSentencePage, U"Caf\u00e9 na\u00efv"); // 11 bytes of the 12 allowed
    type(kSentencePage, U"\u00e9");                // 2 bytes: only one fits, so the whole character is refused
    type(kSentencePage, U"e");                     // 1 byte still fits
    EXPECT_EQ(module().answer(), "{\"answers\":{\"customer_change\":\"Caf\u00e9 na\u00efve\"}}");
}

TEST_F(DiagnosticSignsImGuiTest, AWhitespaceSentenceIsLeftOut) {
    ASSERT_TRUE(focusTextField(kSentencePage));
    type(kSentencePage, U"  \n ");
    EXPECT_EQ(module().answer(), R"({"answers":{}})");
}

TEST_F(DiagnosticSignsImGuiTest, ResetWipesEveryAnswerAndTheTextBeingTyped) {
    for (uint32_t page = 0; page < kSentencePage; ++page) tapColumn(page, kWidth - 20.0f);
    ASSERT_TRUE(focusTextField(kSentencePage));
    type(kSentencePage, U"secret");
    for (uint32_t page = 0; page < kSeedPageCount; ++page) ASSERT_TRUE(module().pageComplete(page)) << "page " << page;
    ASSERT_NE(module().answer().find("secret"), std::string::npos);

    module().reset(); // the participant walked away with the field still focused
    EXPECT_EQ(module().answer(), R"({"answers":{}})");
    for (uint32_t page = 0; page < kSentencePage; ++page) EXPECT_FALSE(module().pageComplete(page)) << "page " << page;
    EXPECT_TRUE(module().pageComplete(kSentencePage)); // optional, so complete again
    frame(kSentencePage);
    frame(kSentencePage);
    EXPECT_EQ(module().answer(), R"({"answers":{}})");

    // The next participant's sentence starts empty, not where the last one stopped.
    ASSERT_TRUE(focusTextField(kSentencePage));
    type(kSentencePage, U"new");
    EXPECT_EQ(module().answer(), R"({"answers":{"customer_change":"new"}})");
}

} // namespace
