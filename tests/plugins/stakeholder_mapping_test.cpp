// The stakeholder-mapping plugin, loaded from the real built .so through its one C entry, exactly as the host loads it:
// content validation, pages, the answer payload, scoring, and headless ImGui frames driven by simulated taps and
// drags, including the 100-point triangle's promise: whatever the finger does, the shares add up to the total.
#include "support/module_fixtures.h"
#include "support/plugin_harness.h"

#include <alignkiosk/plugin_abi.h>

#include <gtest/gtest.h>
#include <imgui.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace {

using namespace alignkiosk::test_support; // the plugin harness and its fixtures

constexpr const char* kPluginPath = ALIGNKIOSK_PLUGIN_DIR "/stakeholder_mapping.so";
constexpr const char* kModuleId = "stakeholder_mapping";
constexpr uint32_t kWholeStep = UINT32_MAX;

// ---- Step content as the host hands it in ---------------------------------------------------------------------------

const std::vector<std::string> kUnderstanding{"Hardly", "A little", "Partly", "Well", "Very well"};
const std::vector<std::pair<std::string, std::string>> kRoles{
    {"customer", "Customer"}, {"partner", "Partner"}, {"supplier", "Supplier"}};
const char* kRolePrompt = "What are they to your work?";
const char* kRoleHelp =
    "Customers receive your work. Partners help you deliver it. Suppliers give you what you build on.";
const char* kUnderstandingPrompt = "How well do you understand what they need?";

QuestionSpec mix(uint32_t total = 100) {
    QuestionSpec spec;
    spec.id = "works_for";
    spec.kind = ALIGNKIOSK_QUESTION_ALLOCATION;
    spec.prompt = "Who do you work for?";
    spec.help = "Drag the dot; the numbers always add up.";
    spec.options = {{"employer", "Your employer"}, {"customers", "Your customers"}, {"self", "Yourself"}};
    spec.total = total;
    spec.attributes = {{"map", "mix"}, {"label", "Who we work for"}};
    return spec;
}

QuestionSpec role(const std::string& key, const std::string& name) {
    QuestionSpec spec;
    spec.id = "role_" + key;
    spec.kind = ALIGNKIOSK_QUESTION_CHOICE;
    spec.prompt = kRolePrompt;
    spec.help = kRoleHelp;
    spec.options = kRoles;
    spec.attributes = {{"map", "role"}, {"stakeholder", key}, {"name", name}};
    return spec;
}

QuestionSpec understanding(const std::string& key) {
    QuestionSpec spec;
    spec.id = "understand_" + key;
    spec.prompt = kUnderstandingPrompt;
    spec.labels = kUnderstanding;
    spec.attributes = {{"map", "understanding"}, {"stakeholder", key}};
    return spec;
}

// The step content the host hands this module; group() adds one stakeholder's role and understanding questions.
struct Content : StepContent {
    Content() : StepContent("stakeholders", "Who your work is for") {}
    Content& group(const std::string& key, const std::string& name) {
        add(role(key, name));
        add(understanding(key));
        return *this;
    }
};

// The step the bundled surveys use: the mix, then six groups (seed 000's customers / partners / suppliers).
Content seedContent(uint32_t total = 100) {
    Content content;
    content.add(mix(total));
    content.group("sales", "Sales");
    content.group("customer_service", "Customer service");
    content.group("product", "Product");
    content.group("leadership", "Leadership");
    content.group("agencies", "Agencies");
    content.group("freelancers", "Freelancers");
    return content;
}

// ---- The plugin, loaded like the host loads it ----------------------------------------------------------------------

class StakeholderMappingTest : public PluginTest {
protected:
    StakeholderMappingTest() : PluginTest(kPluginPath, kModuleId) {}

    // The one problem `content` has: its question index and field.
    void expectOneProblem(Content& content, uint32_t index, const std::string& field, const std::string& mention = "") {
        bool passed = true;
        const std::vector<Problem> problems = plugin().validate(content, &passed);
        EXPECT_FALSE(passed);
        ASSERT_EQ(problems.size(), 1u) << (problems.empty() ? "none" : problems.back().message);
        EXPECT_EQ(problems[0].questionIndex, index) << problems[0].message;
        EXPECT_EQ(problems[0].field, field) << problems[0].message;
        if (!mention.empty()) {
            EXPECT_NE(problems[0].message.find(mention), std::string::npos) << problems[0].message;
        }
    }
};

// ---- Entry and descriptor -----------------------------------------------------------------------------------------

TEST_F(StakeholderMappingTest, EntryMatchesThisHostsAbiAndImGui) {
    EXPECT_EQ(plugin().entry().abi_major, ALIGNKIOSK_ABI_MAJOR);
    EXPECT_LE(plugin().entry().abi_minor, ALIGNKIOSK_ABI_MINOR);
    EXPECT_EQ(plugin().entry().imgui_version_num, IMGUI_VERSION_NUM);
}

TEST_F(StakeholderMappingTest, DescribesOneModuleAcceptingAllocationChoiceAndScale) {
    const alignkiosk_module_factory_v2& factory = plugin().factory();
    ASSERT_EQ(factory.module_count(), 1u);
    const alignkiosk_module_descriptor_v1* descriptor = factory.module_descriptor(0);
    ASSERT_NE(descriptor, nullptr);
    EXPECT_STREQ(descriptor->id, "stakeholder_mapping");
    EXPECT_STREQ(descriptor->version, "1.0.0");
    EXPECT_EQ(descriptor->accepted_kinds, (1u << ALIGNKIOSK_QUESTION_ALLOCATION) |
                                              (1u << ALIGNKIOSK_QUESTION_CHOICE) | (1u << ALIGNKIOSK_QUESTION_SCALE));
}

TEST_F(StakeholderMappingTest, OffersTheAbi13PanelAndScoringOnly) {
    Content content = seedContent();
    auto module = plugin().create(content);
    ASSERT_NE(module, nullptr);
    EXPECT_NE(module->extension(ALIGNKIOSK_DASHBOARD_PANEL_V3_ID), nullptr);
    EXPECT_NE(module->extension(ALIGNKIOSK_SCORING_V1_ID), nullptr);
    // Built for 1.3: no host that loads it needs the older tables.
    EXPECT_EQ(module->extension(ALIGNKIOSK_DASHBOARD_PANEL_V2_ID), nullptr);
    EXPECT_EQ(module->extension(ALIGNKIOSK_DASHBOARD_PANEL_V1_ID), nullptr);
}

// ---- Content validation -----------------------------------------------------------------------------------------

TEST_F(StakeholderMappingTest, AcceptsTheSeedContentAndEitherHalfAlone) {
    for (int variant = 0; variant < 3; ++variant) {
        Content content;
        if (variant != 2) content.add(mix());
        if (variant != 1) content.group("sales", "Sales").group("product", "Product");
        bool passed = false;
        const std::vector<Problem> problems = plugin().validate(content, &passed);
        EXPECT_TRUE(passed) << variant;
        EXPECT_TRUE(problems.empty()) << problems.front().message;
    }
    Content seed = seedContent();
    EXPECT_TRUE(plugin().validate(seed).empty());
}

TEST_F(StakeholderMappingTest, ReportsAMissingOrUnknownMapPart) {
    Content missing = seedContent();
    missing.at(3).attributes = {{"stakeholder", "customer_service"}, {"name", "Customer service"}};
    expectOneProblem(missing, 3, "attributes", "\"map\" is missing");

    Content unknown = seedContent();
    unknown.at(4).attributes[0].second = "understand";
    expectOneProblem(unknown, 4, "attributes.map", "understand");
}

TEST_F(StakeholderMappingTest, ReportsAMixThatIsNotAThreeCornerAllocation) {
    Content kind = seedContent();
    kind.at(0).kind = ALIGNKIOSK_QUESTION_CHOICE;
    expectOneProblem(kind, 0, "kind", "allocation");

    Content two = seedContent();
    two.at(0).options.pop_back();
    expectOneProblem(two, 0, "options", "exactly three");

    Content second = seedContent();
    second.add(mix());
    second.back().id = "again";
    expectOneProblem(second, 13, "attributes.map", "works_for");

    Content tied = seedContent();
    tied.at(0).attributes.push_back({"stakeholder", "sales"});
    expectOneProblem(tied, 0, "attributes.stakeholder");
}

TEST_F(StakeholderMappingTest, ReportsRoleQuestionsThatCannotShareOneRowOfButtons) {
    Content kind = seedContent();
    kind.at(1).kind = ALIGNKIOSK_QUESTION_MULTI_CHOICE;
    expectOneProblem(kind, 1, "kind", "choice");

    Content five = seedContent();
    five.at(1).options.push_back({"rival", "Rival"});
    five.at(1).options.push_back({"unknown", "Unknown"});
    expectOneProblem(five, 1, "options", "2 to 4");

    Content other = seedContent();
    other.at(5).options[2] = {"vendor", "Vendor"};
    expectOneProblem(other, 5, "options", "role_sales");

    Content prompt = seedContent();
    prompt.at(7).prompt = "What is Leadership to you?";
    expectOneProblem(prompt, 7, "prompt", "role_sales");

    Content help = seedContent();
    help.at(9).help = "";
    expectOneProblem(help, 9, "help");
}

TEST_F(StakeholderMappingTest, ReportsAMissingOrBlankNameOnTheRoleQuestion) {
    Content missing = seedContent();
    missing.at(1).attributes = {{"map", "role"}, {"stakeholder", "sales"}};
    expectOneProblem(missing, 1, "attributes", "\"name\"");

    Content blank = seedContent();
    blank.at(1).attributes[2].second = "  ";
    expectOneProblem(blank, 1, "attributes.name");

    Content mismatch = seedContent();
    mismatch.at(2).attributes.push_back({"name", "Sales team"});
    expectOneProblem(mismatch, 2, "attributes.name", "Sales");

    Content same = seedContent();
    same.at(2).attributes.push_back({"name", "Sales"});
    EXPECT_TRUE(plugin().validate(same).empty());
}

TEST_F(StakeholderMappingTest, ReportsUnderstandingScalesThatDoNotFitOrDiffer) {
    Content kind = seedContent();
    kind.at(2).kind = ALIGNKIOSK_QUESTION_PERCENT;
    expectOneProblem(kind, 2, "kind", "scale");

    Content two = seedContent();
    two.at(2).scaleMax = 2;
    two.at(2).labels = {"No", "Yes"};
    expectOneProblem(two, 2, "scale", "3 to 7");

    Content eleven = seedContent();
    eleven.at(4).scaleMin = 0;
    eleven.at(4).scaleMax = 10;
    eleven.at(4).labels = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"};
    expectOneProblem(eleven, 4, "scale", "11");

    Content labels = seedContent();
    labels.at(6).labels[4] = "Completely";
    expectOneProblem(labels, 6, "scale", "understand_sales");
}

TEST_F(StakeholderMappingTest, ReportsStakeholdersThatDoNotPairUp) {
    Content noKey = seedContent();
    noKey.at(2).attributes = {{"map", "understanding"}};
    // The understanding question has no group, so Sales' role question has no partner either.
    bool passed = true;
    const std::vector<Problem> problems = plugin().validate(noKey, &passed);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].questionIndex, 2u);
    EXPECT_EQ(problems[0].field, "attributes");
    EXPECT_EQ(problems[1].questionIndex, 1u);
    EXPECT_EQ(problems[1].field, "attributes.stakeholder");
    EXPECT_NE(problems[1].message.find("no \"understanding\""), std::string::npos) << problems[1].message;

    Content twice = seedContent();
    twice.add(role("sales", "Sales"));
    twice.back().id = "role_sales_again";
    expectOneProblem(twice, 13, "attributes.stakeholder", "role_sales");

    Content orphan = seedContent();
    orphan.add(understanding("partners"));
    expectOneProblem(orphan, 13, "attributes.stakeholder", "no \"role\"");
}

TEST_F(StakeholderMappingTest, ReportsEveryProblemInOnePassAndAStepWithNothingToShow) {
    Content content;
    content.add(mix());
    content.back().attributes = {{"map", "mixture"}}; // 0: unknown part
    content.add(role("sales", "Sales"));
    content.back().kind = ALIGNKIOSK_QUESTION_SCALE;  // 1: wrong kind, and no understanding question
    bool passed = true;
    const std::vector<Problem> problems = plugin().validate(content, &passed);
    EXPECT_FALSE(passed);
    ASSERT_EQ(problems.size(), 3u);
    EXPECT_EQ(problems[0].questionIndex, 0u);
    EXPECT_EQ(problems[1].questionIndex, 1u);
    EXPECT_EQ(problems[1].field, "kind");
    EXPECT_EQ(problems[2].questionIndex, 1u);
    EXPECT_EQ(problems[2].field, "attributes.stakeholder");

    Content nothing;
    nothing.add(understanding("x"));
    nothing.back().attributes = {{"map", "nonsense"}};
    const std::vector<Problem> none = plugin().validate(nothing);
    ASSERT_EQ(none.size(), 2u);
    EXPECT_EQ(none[1].questionIndex, kWholeStep);
}

// ---- Pages and answers without drawing ----------------------------------------------------------------------------

TEST_F(StakeholderMappingTest, PagesHoldTheMixThenTwoOrThreeGroupsEach) {
    Content seed = seedContent();
    auto full = plugin().create(seed);
    ASSERT_NE(full, nullptr);
    EXPECT_EQ(full->pageCount(), 3u); // the mix, then 3 + 3 groups

    const std::vector<std::pair<int, uint32_t>> groupsToPages{{1, 1}, {3, 1}, {4, 2}, {5, 2}, {7, 3}};
    for (const auto& [groups, pages] : groupsToPages) {
        Content content;
        for (int g = 0; g < groups; ++g) content.group("g" + std::to_string(g), "Group " + std::to_string(g));
        auto module = plugin().create(content);
        ASSERT_NE(module, nullptr);
        EXPECT_EQ(module->pageCount(), pages) << groups << " groups";
    }
    Content mixOnly;
    mixOnly.add(mix());
    auto one = plugin().create(mixOnly);
    ASSERT_NE(one, nullptr);
    EXPECT_EQ(one->pageCount(), 1u);
}

TEST_F(StakeholderMappingTest, RefusesToCreateFromInvalidContent) {
    Content content = seedContent();
    content.at(1).attributes.clear();
    EXPECT_EQ(plugin().create(content), nullptr);
    EXPECT_FALSE(hostLog().empty()); // the reason, logged at the boundary
}

TEST_F(StakeholderMappingTest, StartsWithNoAnswerAndNothingComplete) {
    Content content = seedContent();
    auto module = plugin().create(content);
    ASSERT_NE(module, nullptr);
    for (uint32_t page = 0; page < 3; ++page) EXPECT_FALSE(module->pageComplete(page)) << page;
    EXPECT_FALSE(module->pageComplete(3));
    EXPECT_EQ(module->answer(), R"({"answers":{}})"); // the even split shown at first is not an answer
}

TEST_F(StakeholderMappingTest, OptionalQuestionsDoNotHoldAPageBack) {
    Content content = seedContent();
    content.at(0).required = false;
    for (size_t i = 1; i <= 6; ++i) content.at(i).required = false; // the first three groups
    auto module = plugin().create(content);
    ASSERT_NE(module, nullptr);
    EXPECT_TRUE(module->pageComplete(0));
    EXPECT_TRUE(module->pageComplete(1));
    EXPECT_FALSE(module->pageComplete(2));
}

// ---- Scoring ------------------------------------------------------------------------------------------------------

// A module made from the seed content, scoring the groups the tests hand it (Aggregate: ALLOCATION as sums per option
// and one histogram per option; CHOICE and SCALE as plain counts).
class StakeholderScoringTest : public StakeholderMappingTest {
protected:
    void SetUp() override {
        StakeholderMappingTest::SetUp();
        if (HasFatalFailure()) return;
        ASSERT_NO_FATAL_FAILURE(use(seedContent()));
    }
};

TEST_F(StakeholderScoringTest, CloseMixesAgreeStrongly) {
    // Shares .6/.3/.1, .4/.4/.2, .5/.35/.15: means .5/.35/.15; sample variances .01, .0025, .0025, mean .005;
    // agreement 1 - .005 / (1/18) = 0.91.
    Aggregate aggregate;
    aggregate.allocation("works_for", 100, {{60, 30, 10}, {40, 40, 20}, {50, 35, 15}});
    const std::vector<Finding> findings = score(aggregate);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].questionId, "works_for");
    EXPECT_EQ(findings[0].level, ALIGNKIOSK_FINDING_INFO);
    EXPECT_NEAR(findings[0].share, 0.09f, 1e-5f);
    EXPECT_EQ(findings[0].headline, "Who we work for: Your employer 50 \u00b7 Your customers 35 \u00b7 Yourself 15 "
                                    "(3 answers) \u2014 very strong agreement (0.91)");
    EXPECT_EQ(findings[0].action, "");
}

TEST_F(StakeholderScoringTest, OneCornerEachIsNoAgreementAtAll) {
    // Each corner's shares 1, 0, 0: sample variance 1/3, six times the random 1/18, so agreement clamps to 0. The
    // mean 33.3 each rounds by largest remainder to 34 / 33 / 33.
    Aggregate aggregate;
    aggregate.allocation("works_for", 100, {{100, 0, 0}, {0, 100, 0}, {0, 0, 100}});
    const std::vector<Finding> findings = score(aggregate);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].level, ALIGNKIOSK_FINDING_WIDESPREAD);
    EXPECT_FLOAT_EQ(findings[0].share, 1.0f);
    EXPECT_EQ(findings[0].headline, "Who we work for: Your employer 34 \u00b7 Your customers 33 \u00b7 Yourself 33 "
                                    "(3 answers) \u2014 lack of agreement (0.00)");
    EXPECT_NE(findings[0].action, "");
}

TEST_F(StakeholderScoringTest, AModerateSpreadIsWatch) {
    // Each corner's shares .54, .23, .23 around 1/3: squares .042711 + 2 * .010678 = .064067, / 2 = .032033;
    // agreement 1 - 18 * .032033 = 0.4234: "weak" (LeBreton & Senter: .31 to .50).
    Aggregate aggregate;
    aggregate.allocation("works_for", 100, {{54, 23, 23}, {23, 54, 23}, {23, 23, 54}});
    const std::vector<Finding> findings = score(aggregate);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].level, ALIGNKIOSK_FINDING_WATCH);
    EXPECT_NEAR(findings[0].share, 0.5766f, 1e-4f);
    EXPECT_NE(findings[0].headline.find("weak agreement (0.42)"), std::string::npos) << findings[0].headline;
}

TEST_F(StakeholderScoringTest, WithoutHistogramsOnlyTheMeanIsReported) {
    Aggregate aggregate; // the sums only, histograms NULL
    aggregate.allocation("works_for", 100, {{60, 30, 10}, {40, 40, 20}}, false);
    const std::vector<Finding> findings = score(aggregate);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].level, ALIGNKIOSK_FINDING_INFO);
    EXPECT_EQ(findings[0].headline,
              "Who we work for: Your employer 50 \u00b7 Your customers 35 \u00b7 Yourself 15 (2 answers)");
}

TEST_F(StakeholderScoringTest, RolesAgreedSplitAndOpposed) {
    Aggregate aggregate;
    aggregate.item("role_sales", {7, 2, 1});      // a clear majority: INFO
    aggregate.item("role_leadership", {2, 4, 4}); // no majority, a tie: WATCH
    aggregate.item("role_product", {3, 4, 3});    // customer and supplier a quarter or more each: WIDESPREAD
    const std::vector<Finding> findings = score(aggregate);
    ASSERT_EQ(findings.size(), 3u);
    EXPECT_EQ(findings[0].questionId, "role_product");
    EXPECT_EQ(findings[0].level, ALIGNKIOSK_FINDING_WIDESPREAD);
    EXPECT_FLOAT_EQ(findings[0].share, 0.6f);
    EXPECT_EQ(findings[0].headline, "Product \u2014 Customer to 30%, Supplier to 30% (10 answers): people disagree "
                                    "on which way the work flows");
    EXPECT_NE(findings[0].action.find("Product"), std::string::npos);
    EXPECT_EQ(findings[1].questionId, "role_leadership");
    EXPECT_EQ(findings[1].level, ALIGNKIOSK_FINDING_WATCH);
    EXPECT_EQ(findings[1].headline,
              "Leadership \u2014 no shared view of their role: Partner 40%, Supplier 40%, Customer 20% (10 answers)");
    EXPECT_EQ(findings[2].questionId, "role_sales");
    EXPECT_EQ(findings[2].level, ALIGNKIOSK_FINDING_INFO);
    EXPECT_FLOAT_EQ(findings[2].share, 0.3f);
    EXPECT_EQ(findings[2].headline, "Sales \u2014 mostly Customer (70%, 7 of 10)");
    EXPECT_EQ(findings[2].action, "");
}

TEST_F(StakeholderScoringTest, PoorlyUnderstoodNeedsWeighMoreForCustomers) {
    Aggregate aggregate;
    aggregate.item("role_sales", {7, 2, 1});                  // mostly a customer
    aggregate.item("understand_sales", {1, 2, 3, 2, 2});      // 3 of 10 on the bottom two: WATCH, raised
    aggregate.item("role_agencies", {1, 2, 7});               // mostly a supplier
    aggregate.item("understand_agencies", {1, 2, 3, 2, 2});   // the same answers: WATCH stays
    aggregate.item("understand_freelancers", {0, 0, 1, 4, 5}); // well understood: INFO
    const std::vector<Finding> findings = score(aggregate);
    std::map<std::string, Finding> byId;
    for (const Finding& finding : findings) byId[finding.questionId] = finding;
    ASSERT_EQ(byId.count("understand_sales"), 1u);
    // Mean (1 + 4 + 9 + 8 + 10) / 10 = 3.2.
    EXPECT_EQ(byId["understand_sales"].headline, "Sales \u2014 needs poorly understood by 30% (3 of 10), mean 3.2 on "
                                                 "1\u20135");
    EXPECT_EQ(byId["understand_sales"].level, ALIGNKIOSK_FINDING_WIDESPREAD);
    EXPECT_NE(byId["understand_sales"].action.find("customer"), std::string::npos);
    EXPECT_EQ(byId["understand_agencies"].level, ALIGNKIOSK_FINDING_WATCH);
    EXPECT_NE(byId["understand_agencies"].action.find("Invite someone from Agencies"), std::string::npos);
    EXPECT_FLOAT_EQ(byId["understand_agencies"].share, 0.3f);
    // Mean (3 + 16 + 25) / 10 = 4.4.
    EXPECT_EQ(byId["understand_freelancers"].headline,
              "Freelancers \u2014 needs poorly understood by 0% (0 of 10), mean 4.4 on 1\u20135");
    EXPECT_EQ(byId["understand_freelancers"].level, ALIGNKIOSK_FINDING_INFO);
    // Most urgent first.
    for (size_t i = 1; i < findings.size(); ++i) EXPECT_GE(findings[i - 1].level, findings[i].level);
}

TEST_F(StakeholderScoringTest, NothingAnsweredGivesNoFinding) {
    Aggregate aggregate;
    aggregate.item("role_sales", {0, 0, 0});
    aggregate.item("understand_sales", {0, 0, 0, 0, 0});
    aggregate.allocation("works_for", 100, {});
    EXPECT_TRUE(score(aggregate).empty());
    Aggregate nothing;
    EXPECT_TRUE(score(nothing).empty());
}

// ---- Headless ImGui: drawing, taps and drags ----------------------------------------------------------------------

// A window the size of the shell's module area on a 1280x860 kiosk, the kiosk's type sizes (theme.cpp: body 24 px,
// headings 32 px; a 64 px touch target) and a finger the test moves. Page 0 of a step also shows the step's title and
// intro above the module, so it gets less height.
class StakeholderImGuiTest : public ModulePageTest {
protected:
    static constexpr float kWidth = 1216.0f;          // 1280 minus the shell's side padding
    static constexpr float kFirstPageHeight = 520.0f; // under the header, title, intro; above the nav bar
    static constexpr float kHeight = 640.0f;          // later pages: no title

    StakeholderImGuiTest()
        : ModulePageTest(kPluginPath, kModuleId, {ImVec2(1280.0f, 860.0f), 24.0f, 32.0f, 64.0f, true}) {}

    void SetUp() override {
        ModulePageTest::SetUp();
        if (HasFatalFailure()) return;
        ImGuiStyle& style = ImGui::GetStyle();
        style.FramePadding = ImVec2(16.0f, 12.0f);
        style.ItemSpacing = ImVec2(14.0f, 14.0f);
        ASSERT_NO_FATAL_FAILURE(use(seedContent()));
    }

    // The host's module region, as the shell begins it: no padding, no decorations.
    ImVec2 windowSize(uint32_t page) const override { return ImVec2(kWidth, page == 0 ? kFirstPageHeight : kHeight); }

    // A finger landing: the pointer jumps there (one frame), then the press, as a touchscreen reports it.
    void press(uint32_t page, ImVec2 at) {
        ImGui::GetIO().MousePos = at;
        frame(page);
        ImGui::GetIO().MouseDown[0] = true;
        frame(page);
    }
    void moveTo(uint32_t page, ImVec2 at) {
        ImGui::GetIO().MousePos = at;
        frame(page);
    }
    void release(uint32_t page) {
        ImGui::GetIO().MouseDown[0] = false;
        frame(page);
    }
    void tap(uint32_t page, ImVec2 at) override {
        press(page, at);
        release(page);
    }
    void drag(uint32_t page, ImVec2 from, ImVec2 to) {
        press(page, from);
        moveTo(page, ImVec2((from.x + to.x) * 0.5f, (from.y + to.y) * 0.5f));
        moveTo(page, to);
        release(page);
    }
};

// The mix from the payload, or nothing when it is not there.
std::optional<std::array<int64_t, 3>> mixOf(const std::string& json) {
    rapidjson::Document document;
    document.Parse(json.c_str());
    if (document.HasParseError() || !document.IsObject() || !document.HasMember("answers")) {
        ADD_FAILURE() << "not a payload: " << json;
        return std::nullopt;
    }
    const rapidjson::Value& answers = document["answers"];
    if (!answers.HasMember("works_for")) return std::nullopt;
    const rapidjson::Value& mix = answers["works_for"];
    std::array<int64_t, 3> shares{};
    const char* ids[] = {"employer", "customers", "self"};
    EXPECT_EQ(mix.MemberCount(), 3u) << json;
    for (int i = 0; i < 3; ++i) {
        if (!mix.HasMember(ids[i]) || !mix[ids[i]].IsInt64()) {
            ADD_FAILURE() << "no whole number for " << ids[i] << " in " << json;
            return std::nullopt;
        }
        shares[static_cast<size_t>(i)] = mix[ids[i]].GetInt64();
    }
    return shares;
}

// Where the triangle is: well left of the -/+ rows, in the lower part of the page.
constexpr float kTriangleX = 0.27f * 1216.0f;
constexpr float kTriangleY = 330.0f;

TEST_F(StakeholderImGuiTest, EveryPageDrawsAndFitsWithoutScrolling) {
    ASSERT_EQ(module().pageCount(), 3u);
    for (uint32_t page = 0; page < module().pageCount(); ++page) {
        EXPECT_GT(frame(page), 0) << "page " << page;
        frame(page); // the second frame knows the content size
        EXPECT_EQ(scrollMax(), 0.0f) << "page " << page << " would need a finger to scroll";
    }
    EXPECT_TRUE(hostLog().empty()) << hostLog().front();
}

TEST_F(StakeholderImGuiTest, DrawsWithoutHostFontsOrAccent) {
    const alignkiosk_frame_v1 bare{sizeof(alignkiosk_frame_v1), 0.0f, 0.0f, nullptr, nullptr, 0};
    for (uint32_t page = 0; page < module().pageCount(); ++page) EXPECT_GT(frame(page, &bare), 0) << page;
    EXPECT_TRUE(hostLog().empty()) << hostLog().front();
}

TEST_F(StakeholderImGuiTest, DrawingAPageThatDoesNotExistFailsCleanly) {
    ImGui::NewFrame();
    ImGui::Begin("module");
    EXPECT_FALSE(module().draw(3, look()));
    ImGui::End();
    ImGui::Render();
    EXPECT_FALSE(hostLog().empty());
}

TEST_F(StakeholderImGuiTest, DraggingPastACornerGivesThatCornerEverything) {
    frame(0);
    EXPECT_FALSE(module().pageComplete(0));
    const ImVec2 inside(kTriangleX, kTriangleY);
    drag(0, inside, ImVec2(kTriangleX, -3000.0f)); // far above the top corner
    EXPECT_TRUE(module().pageComplete(0));
    EXPECT_EQ(module().answer(), R"({"answers":{"works_for":{"employer":100,"customers":0,"self":0}}})");
    drag(0, inside, ImVec2(-4000.0f, 4000.0f)); // beyond the bottom left
    EXPECT_EQ(module().answer(), R"({"answers":{"works_for":{"employer":0,"customers":100,"self":0}}})");
    drag(0, inside, ImVec2(6000.0f, 4000.0f)); // beyond the bottom right: the finger may leave the triangle
    EXPECT_EQ(module().answer(), R"({"answers":{"works_for":{"employer":0,"customers":0,"self":100}}})");
    // Straight below the middle of the bottom edge: nothing for the top corner, the rest shared.
    drag(0, inside, ImVec2(kTriangleX, 5000.0f));
    const auto shares = mixOf(module().answer());
    ASSERT_TRUE(shares);
    EXPECT_EQ((*shares)[0], 0);
    EXPECT_NEAR(static_cast<double>((*shares)[1]), 50.0, 12.0);
    EXPECT_EQ((*shares)[1] + (*shares)[2], 100);
}

TEST_F(StakeholderImGuiTest, TappingInsideTheTrianglePlacesTheDot) {
    tap(0, ImVec2(kTriangleX, kTriangleY));
    const auto shares = mixOf(module().answer());
    ASSERT_TRUE(shares);
    EXPECT_EQ((*shares)[0] + (*shares)[1] + (*shares)[2], 100);
    EXPECT_TRUE(module().pageComplete(0));
}

// The six -/+ buttons, found by tapping across the right half of the page: every spot whose tap changes the answer
// belongs to a button. The spots form three rows (the corners, top to bottom) of two buttons (- left, + right).
class StakeholderButtonsTest : public StakeholderImGuiTest {
protected:
    void SetUp() override {
        StakeholderImGuiTest::SetUp();
        if (HasFatalFailure()) return;
        frame(0);
        std::vector<ImVec2> hits;
        constexpr float kStep = 8.0f;
        for (float y = 4.0f; y < kFirstPageHeight; y += kStep)
            for (float x = kWidth * 0.6f; x < kWidth; x += kStep) {
                module().reset();
                tap(0, ImVec2(x, y));
                if (module().answer() != R"({"answers":{}})") hits.push_back(ImVec2(x, y));
            }
        module().reset();
        // Rows: runs of hit y's without a gap; within a row, runs of x's.
        std::vector<std::vector<ImVec2>> rows;
        std::sort(hits.begin(), hits.end(), [](ImVec2 a, ImVec2 b) { return a.y < b.y || (a.y == b.y && a.x < b.x); });
        for (const ImVec2 hit : hits) {
            if (rows.empty() || hit.y - rows.back().back().y > kStep * 1.5f) rows.emplace_back();
            rows.back().push_back(hit);
        }
        ASSERT_EQ(rows.size(), 3u) << "expected one row of buttons per corner";
        for (size_t corner = 0; corner < rows.size(); ++corner) {
            std::vector<float> xs;
            float top = rows[corner].front().y, bottom = rows[corner].back().y;
            for (const ImVec2 hit : rows[corner]) xs.push_back(hit.x);
            std::sort(xs.begin(), xs.end());
            xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
            std::vector<std::pair<float, float>> runs; // [first, last] x of each button
            for (const float x : xs) {
                if (runs.empty() || x - runs.back().second > kStep * 1.5f) runs.push_back({x, x});
                runs.back().second = x;
            }
            ASSERT_EQ(runs.size(), 2u) << "expected a - and a + button in row " << corner;
            const float y = (top + bottom) * 0.5f;
            m_buttons[corner * 2] = ImVec2((runs[0].first + runs[0].second) * 0.5f, y);
            m_buttons[corner * 2 + 1] = ImVec2((runs[1].first + runs[1].second) * 0.5f, y);
        }
    }

    ImVec2 button(int corner, bool plus) const { return m_buttons[static_cast<size_t>(corner * 2 + (plus ? 1 : 0))]; }

private:
    std::array<ImVec2, 6> m_buttons{};
};

TEST_F(StakeholderButtonsTest, PlusTakesFromTheOthersInProportionAndMinusGivesBack) {
    // 34/33/33 from the centre. +1 employer: the other two share the remaining 65 in their ratio at the centre,
    // 1:1, the odd point to the first of them (largest remainder, ties to the lower index): 35/33/32.
    tap(0, button(0, true));
    EXPECT_EQ(module().answer(), R"({"answers":{"works_for":{"employer":35,"customers":33,"self":32}}})");
    module().reset();
    // -1 yourself: employer and customers share 68 equally.
    tap(0, button(2, false));
    EXPECT_EQ(module().answer(), R"({"answers":{"works_for":{"employer":34,"customers":34,"self":32}}})");
}

TEST_F(StakeholderButtonsTest, TheOthersKeepTheirRatio) {
    drag(0, ImVec2(kTriangleX, kTriangleY), ImVec2(-4000.0f, 4000.0f)); // 0 / 100 / 0
    for (int i = 0; i < 10; ++i) tap(0, button(1, false));
    // Ten points from customers: the spot sat on the customers' corner, so the other two share equally, and keep
    // sharing equally step after step (1/0, 1/1, 2/1, ... 5/5) instead of drifting to the first.
    EXPECT_EQ(module().answer(), R"({"answers":{"works_for":{"employer":5,"customers":90,"self":5}}})");
    // +1 employer: customers and yourself share 94 in their ratio .90 : .05, 89.05 : 4.95, the larger remainder
    // to yourself.
    tap(0, button(0, true));
    EXPECT_EQ(module().answer(), R"({"answers":{"works_for":{"employer":6,"customers":89,"self":5}}})");
}

TEST_F(StakeholderButtonsTest, ButtonsStopAtTheEnds) {
    drag(0, ImVec2(kTriangleX, kTriangleY), ImVec2(kTriangleX, -3000.0f)); // 100 / 0 / 0
    tap(0, button(0, true));
    tap(0, button(1, false));
    EXPECT_EQ(module().answer(), R"({"answers":{"works_for":{"employer":100,"customers":0,"self":0}}})");
}

TEST_F(StakeholderButtonsTest, HoldingRepeatsUntilTheCornerHasEverything) {
    press(0, button(2, true));
    // 0.45 s before the repeat starts, then one step every 0.08 s: 600 frames of 1/60 s is far more than enough.
    for (int i = 0; i < 600; ++i) frame(0);
    release(0);
    EXPECT_EQ(module().answer(), R"({"answers":{"works_for":{"employer":0,"customers":0,"self":100}}})");
}

TEST_F(StakeholderButtonsTest, AShortHoldStepsOnceThenRepeats) {
    press(0, button(0, true)); // one step on the press
    EXPECT_EQ(module().answer(), R"({"answers":{"works_for":{"employer":35,"customers":33,"self":32}}})");
    for (int i = 0; i < 20; ++i) frame(0); // 1/3 s: still before the repeat
    release(0);
    EXPECT_EQ(module().answer(), R"({"answers":{"works_for":{"employer":35,"customers":33,"self":32}}})");
}

// The promise of the control: whatever a finger does (drags in and out of the triangle, taps and holds on any
// button or anywhere else), the payload's shares are whole numbers from 0 to the total that add up to the total.
class StakeholderAlwaysTotalTest : public StakeholderImGuiTest, public ::testing::WithParamInterface<uint32_t> {};

TEST_P(StakeholderAlwaysTotalTest, RandomFingersAlwaysGiveTheTotal) {
    const uint32_t total = GetParam();
    ASSERT_NO_FATAL_FAILURE(use(seedContent(total)));
    const int sequences = total == 100 ? 300 : 60;
    std::mt19937 random(20240611u + total); // fixed seed: the same sequences on every run
    // Half the fingers anywhere (and off the page), half over the -/+ rows on the right.
    std::uniform_real_distribution<float> anywhere(-200.0f, kWidth + 200.0f), rows(kWidth * 0.55f, kWidth),
        y(-200.0f, kFirstPageHeight + 200.0f);
    std::bernoulli_distribution right(0.5);
    const auto x = [&](std::mt19937& engine) { return right(engine) ? rows(engine) : anywhere(engine); };
    std::uniform_int_distribution<int> kind(0, 2), moves(1, 6), holdFrames(1, 90), events(4, 20);
    uint64_t checked = 0, touched = 0;
    const auto check = [&](int sequence) {
        const std::string json = module().answer();
        const auto shares = mixOf(json);
        ++checked;
        if (!shares) return;
        ++touched;
        int64_t sum = 0;
        for (const int64_t share : *shares) {
            EXPECT_GE(share, 0) << "sequence " << sequence << ": " << json;
            EXPECT_LE(share, static_cast<int64_t>(total)) << "sequence " << sequence << ": " << json;
            sum += share;
        }
        EXPECT_EQ(sum, static_cast<int64_t>(total)) << "sequence " << sequence << ": " << json;
    };
    for (int sequence = 0; sequence < sequences && !HasFailure(); ++sequence) {
        module().reset();
        frame(0);
        const int count = events(random);
        for (int event = 0; event < count; ++event) {
            switch (kind(random)) {
            case 0: // a drag through a few points, inside the page or off it
                press(0, ImVec2(x(random), y(random)));
                check(sequence);
                for (int m = moves(random); m > 0; --m) {
                    moveTo(0, ImVec2(x(random), y(random)));
                    check(sequence);
                }
                release(0);
                break;
            case 1: // a tap
                tap(0, ImVec2(x(random), y(random)));
                break;
            default: // a hold, long enough to repeat sometimes
                press(0, ImVec2(x(random), y(random)));
                for (int f = holdFrames(random); f > 0; --f) frame(0);
                release(0);
                break;
            }
            check(sequence);
        }
    }
    EXPECT_GT(touched, checked / 2) << "the random fingers hardly ever reached the control";
}

INSTANTIATE_TEST_SUITE_P(Totals, StakeholderAlwaysTotalTest, ::testing::Values(100u, 7u, 1000u));

// The rows: left to right the roles in option order, then the understanding scale from its lowest point. Found by
// tapping a vertical line at each x, which answers every row on the page the same way.
class StakeholderRowsTest : public StakeholderImGuiTest {
protected:
    void tapColumn(uint32_t page, float x) { ModulePageTest::tapColumn(page, x, 8.0f); }
};

TEST_F(StakeholderRowsTest, ButtonsRunLeftToRightInContentOrder) {
    frame(1);
    std::vector<std::string> seen; // each new answer for Sales as the column moves right
    for (float x = 4.0f; x < kWidth; x += 10.0f) {
        module().reset();
        tapColumn(1, x);
        rapidjson::Document document;
        document.Parse(module().answer().c_str());
        const rapidjson::Value& answers = document["answers"];
        std::string value;
        if (answers.HasMember("role_sales")) value = answers["role_sales"].GetString();
        if (answers.HasMember("understand_sales")) value = std::to_string(answers["understand_sales"].GetInt());
        if (!value.empty() && (seen.empty() || seen.back() != value)) seen.push_back(value);
    }
    EXPECT_EQ(seen, (std::vector<std::string>{"customer", "partner", "supplier", "1", "2", "3", "4", "5"}));
}

TEST_F(StakeholderRowsTest, AnswersFromEveryPageRoundTripIntoThePayload) {
    drag(0, ImVec2(kTriangleX, kTriangleY), ImVec2(kTriangleX, -3000.0f));
    EXPECT_FALSE(module().pageComplete(1));
    tapColumn(1, kWidth - 10.0f); // "Very well" for the first three groups
    EXPECT_FALSE(module().pageComplete(1)); // their roles are still open
    // The first role button: just right of the name column.
    float firstRole = 0.0f;
    for (float x = 4.0f; x < kWidth * 0.5f && firstRole == 0.0f; x += 10.0f) {
        tapColumn(1, x);
        if (module().answer().find("\"role_sales\"") != std::string::npos) firstRole = x;
    }
    ASSERT_GT(firstRole, 0.0f);
    EXPECT_TRUE(module().pageComplete(1));
    EXPECT_FALSE(module().pageComplete(2));
    tapColumn(2, firstRole);
    tapColumn(2, kWidth - 10.0f);
    EXPECT_TRUE(module().pageComplete(2));
    EXPECT_EQ(module().answer(),
              R"({"answers":{"works_for":{"employer":100,"customers":0,"self":0},)"
              R"("role_sales":"customer","understand_sales":5,)"
              R"("role_customer_service":"customer","understand_customer_service":5,)"
              R"("role_product":"customer","understand_product":5,)"
              R"("role_leadership":"customer","understand_leadership":5,)"
              R"("role_agencies":"customer","understand_agencies":5,)"
              R"("role_freelancers":"customer","understand_freelancers":5}})");

    tapColumn(1, kWidth - 10.0f); // tapping a chosen point again keeps it
    EXPECT_NE(module().answer().find(R"("understand_sales":5)"), std::string::npos);
    EXPECT_TRUE(hostLog().empty()) << hostLog().front();
}

TEST_F(StakeholderRowsTest, ResetForgetsEverything) {
    drag(0, ImVec2(kTriangleX, kTriangleY), ImVec2(kTriangleX, -3000.0f));
    tapColumn(1, kWidth - 10.0f);
    ASSERT_NE(module().answer(), R"({"answers":{}})");
    press(0, ImVec2(kTriangleX, kTriangleY)); // the participant walks away mid-drag
    module().reset();
    EXPECT_EQ(module().answer(), R"({"answers":{}})");
    for (uint32_t page = 0; page < 3; ++page) EXPECT_FALSE(module().pageComplete(page)) << page;
    moveTo(0, ImVec2(kTriangleX, -3000.0f)); // the held drag does not carry over to the next participant
    release(0);
    EXPECT_EQ(module().answer(), R"({"answers":{}})");
}

} // namespace
