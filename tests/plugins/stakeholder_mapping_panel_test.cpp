// The stakeholder-mapping dashboard panel, through the host exactly as the dashboard draws it: the real plugin loaded
// by PluginHost, a hand-built core::ModuleAggregate (ALLOCATION counts in the ABI 1.2 layout: sums, then one histogram
// per option) turned into the C aggregate by the host, and headless ImGui frames. What the panel says is read back
// from ImGui's own text log (LogToClipboard into a string).
#include "plugin_host/aggregate_buffer.h"
#include "plugin_host/module_instance.h"
#include "support/panel_fixture.h"

#include <gtest/gtest.h>

#include <array>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using alignkiosk::core::ModuleAggregate;
using alignkiosk::core::ModuleGroupAggregate;
using alignkiosk::core::Question;
using alignkiosk::core::QuestionCounts;
using alignkiosk::core::QuestionKind;
using alignkiosk::core::Step;
using alignkiosk::plugin_host::PanelOutcome;
using alignkiosk::test_support::DashboardPanelTest;
using alignkiosk::test_support::firstOutOfOrder;

// ---- The step, as the survey loader would hand it to the host -------------------------------------------------------

Question role(const std::string& key, const std::string& name) {
    Question question;
    question.id = "role_" + key;
    question.kind = QuestionKind::Choice;
    question.prompt = "What are they to your work?";
    question.options = {{"customer", "Customer"}, {"partner", "Partner"}, {"supplier", "Supplier"}};
    question.attributes = {{"map", "role"}, {"stakeholder", key}, {"name", name}};
    return question;
}

Question understanding(const std::string& key) {
    Question question;
    question.id = "understand_" + key;
    question.kind = QuestionKind::Scale;
    question.prompt = "How well do you understand what they need?";
    question.scaleMin = 1;
    question.scaleMax = 5;
    question.scaleLabels = {"Hardly", "A little", "Partly", "Well", "Very well"};
    question.attributes = {{"map", "understanding"}, {"stakeholder", key}};
    return question;
}

Step seedStep() {
    Step step;
    step.id = "stakeholders";
    step.moduleId = "stakeholder_mapping";
    step.title = "Who your work is for";
    Question mix;
    mix.id = "works_for";
    mix.kind = QuestionKind::Allocation;
    mix.prompt = "Who do you work for?";
    mix.options = {{"employer", "Your employer"}, {"customers", "Your customers"}, {"self", "Yourself"}};
    mix.total = 100;
    mix.attributes = {{"map", "mix"}, {"label", "Who we work for"}};
    step.questions = {mix, role("sales", "Sales"), understanding("sales"), role("product", "Product"),
                      understanding("product")};
    return step;
}

using Mix = std::array<uint64_t, 3>;

// The ALLOCATION counts of `answers` in the 1.2 layout: the three sums, then per option a histogram over 0..100.
QuestionCounts mixCounts(const std::vector<Mix>& answers) {
    QuestionCounts counts{"works_for", std::vector<uint64_t>(3 * 102, 0), answers.size()};
    for (const Mix& answer : answers)
        for (size_t option = 0; option < 3; ++option) {
            counts.counts[option] += answer[option];
            ++counts.counts[3 + option * 101 + answer[option]];
        }
    return counts;
}

std::vector<Mix> repeat(Mix answer, size_t times) { return std::vector<Mix>(times, answer); }

std::vector<Mix> join(std::vector<Mix> a, const std::vector<Mix>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

QuestionCounts counts(std::string id, std::vector<uint64_t> values) {
    uint64_t answered = 0;
    for (const uint64_t value : values) answered += value;
    return QuestionCounts{std::move(id), std::move(values), answered};
}

// Sales (5) and Marketing (5), and everyone (the 10 of them).
//  mix: Sales 3 x 20/70/10 and 2 x 30/60/10 (means 24/66/10; sample variances .003, .003, 0: agreement
//       1 - .002 * 18 = 0.96); Marketing 5 x 50/20/30 (agreement 1.00); everyone 37/43/20.
//  Product: Sales mostly a customer (4 of 5), Marketing mostly a supplier (4 of 5), everyone split 4/2/4.
//  Sales (the group): a partner to everyone.
ModuleAggregate seedAggregate() {
    const std::vector<Mix> sales = join(repeat({20, 70, 10}, 3), repeat({30, 60, 10}, 2));
    const std::vector<Mix> marketing = repeat({50, 20, 30}, 5);
    ModuleAggregate aggregate;
    aggregate.stepId = "stakeholders";
    aggregate.moduleId = "stakeholder_mapping";
    aggregate.groups.push_back(ModuleGroupAggregate{
        "ALL",
        10,
        {mixCounts(join(sales, marketing)), counts("role_sales", {0, 10, 0}),
         counts("understand_sales", {0, 0, 2, 6, 2}), counts("role_product", {4, 2, 4}),
         counts("understand_product", {2, 2, 2, 2, 2})}});
    aggregate.groups.push_back(ModuleGroupAggregate{
        "Sales",
        5,
        {mixCounts(sales), counts("role_sales", {0, 5, 0}), counts("understand_sales", {0, 0, 1, 3, 1}),
         counts("role_product", {4, 1, 0}), counts("understand_product", {2, 2, 1, 0, 0})}});
    aggregate.groups.push_back(ModuleGroupAggregate{
        "Marketing",
        5,
        {mixCounts(marketing), counts("role_sales", {0, 5, 0}), counts("understand_sales", {0, 0, 1, 3, 1}),
         counts("role_product", {0, 1, 4}), counts("understand_product", {0, 0, 1, 2, 2})}});
    return aggregate;
}

// ---- A host with the real plugin and a headless ImGui ---------------------------------------------------------------

// The seed step on a display 4000 px tall, with the kiosk's 64 px touch target.
class StakeholderPanelTest : public DashboardPanelTest {
protected:
    void SetUp() override {
        ASSERT_NO_FATAL_FAILURE(start(ALIGNKIOSK_PLUGIN_DIR "/stakeholder_mapping.so", seedStep(), 4000.0f, 64.0f));
    }
};

// The whole panel for the seed aggregate, in the order it must read: the mix per group (everyone first), the matrix
// (groups across, stakeholders down), then what two groups see differently.
const std::initializer_list<std::string_view> kSeedPanel{
    "Who we work for",
    "Everyone  (10 answers)",
    "Your employer 37 \u00b7 Your customers 43 \u00b7 Yourself 20",
    "Sales  (5 answers)",
    "Your employer 24 \u00b7 Your customers 66 \u00b7 Yourself 10",
    "agreement 0.96 (very strong agreement)",
    "Marketing  (5 answers)",
    "Your employer 50 \u00b7 Your customers 20 \u00b7 Yourself 30",
    "spread \u00b1 0 \u00b7 0 \u00b7 0   agreement 1.00 (very strong agreement)",
    "How each group sees the people around its work",
    "Customer",
    "Partner",
    "Supplier",
    "Everyone",
    "n = 10",
    "Sales",
    "n = 5",
    "Marketing",
    "n = 5",
    "Sales",
    "most say Partner (100%)",
    "understood 4.0/5",
    "most say Partner (100%)",
    "most say Partner (100%)",
    "Product",
    "split: Customer / Supplier (40% each)",
    "understood 3.0/5 \u00b7 40% poorly",
    "most say Customer (80%)",
    "understood 1.8/5 \u00b7 80% poorly",
    "most say Supplier (80%)",
    "understood 4.2/5",
    "Seen differently",
    "\u2022 Product: Sales mostly say Customer (80%), Marketing mostly say Supplier (80%).",
    "Views 80% apart.",
};

TEST_F(StakeholderPanelTest, OffersAPanel) { EXPECT_TRUE(module().hasDashboardPanel()); }

TEST_F(StakeholderPanelTest, DrawsThePlotTheMatrixAndTheDifferencesAtDashboardWidth) {
    ASSERT_EQ(frame(seedAggregate(), 1180.0f), PanelOutcome::Drawn);
    // The triangle, its grid, three spreads and dots, the matrix bars: far more than text alone would need.
    EXPECT_GT(panelVertices(), 2000);
    EXPECT_EQ(firstOutOfOrder(logged(), kSeedPanel), "") << logged();
    // Only Product is seen differently; Sales is a partner to every group.
    EXPECT_EQ(logged().find("\u2022 Sales:"), std::string::npos) << logged();
}

TEST_F(StakeholderPanelTest, StacksInANarrowPanel) {
    ASSERT_EQ(frame(seedAggregate(), 480.0f), PanelOutcome::Drawn);
    EXPECT_GT(panelVertices(), 2000);
    EXPECT_EQ(firstOutOfOrder(logged(), {"Who we work for", "Everyone  (10 answers)", "Marketing  (5 answers)",
                                         "Seen differently", "Views 80% apart."}),
              "")
        << logged();
}

TEST_F(StakeholderPanelTest, DrawsWithoutHostFontsOrAccent) {
    const alignkiosk_frame_v1 bare{sizeof(alignkiosk_frame_v1), 0.0f, 0.0f, nullptr, nullptr, 0};
    ASSERT_EQ(frame(seedAggregate(), 1180.0f, &bare), PanelOutcome::Drawn);
    EXPECT_EQ(firstOutOfOrder(logged(), kSeedPanel), "") << logged();
}

TEST_F(StakeholderPanelTest, NoShownGroupSaysThereIsNothingToShowYet) {
    ASSERT_EQ(frame(ModuleAggregate{"stakeholders", "stakeholder_mapping", {}, {}}, 1180.0f), PanelOutcome::Drawn);
    EXPECT_NE(logged().find("Nothing to show yet"), std::string::npos) << logged();
    EXPECT_EQ(logged().find("Who we work for"), std::string::npos) << logged();
}

TEST_F(StakeholderPanelTest, OneGroupHasNothingToCompare) {
    ModuleAggregate everyoneOnly = seedAggregate();
    everyoneOnly.groups.resize(1);
    ASSERT_EQ(frame(everyoneOnly, 1180.0f), PanelOutcome::Drawn);
    EXPECT_NE(logged().find("needs at least two shown groups"), std::string::npos) << logged();
}

TEST_F(StakeholderPanelTest, ScoreThroughTheHostGivesTheSameNumbers) {
    const ModuleAggregate aggregate = seedAggregate();
    alignkiosk::plugin_host::AggregateBuffer groups(aggregate, "Everyone");
    ASSERT_EQ(groups.groupCount(), 3u);
    const auto findings = module().score(groups, 1); // Sales
    ASSERT_TRUE(findings.has_value());
    ASSERT_EQ(findings->size(), 5u);
    // Most urgent first: Product's needs, poorly understood by 4 of 5 (and a customer to most): widespread.
    EXPECT_EQ((*findings)[0].headline, "Product \u2014 needs poorly understood by 80% (4 of 5), mean 1.8 on 1\u20135");
    EXPECT_EQ((*findings)[0].level, ALIGNKIOSK_FINDING_WIDESPREAD);
    bool sawMix = false;
    for (const auto& finding : *findings)
        if (finding.questionId == "works_for") {
            sawMix = true;
            EXPECT_EQ(finding.headline, "Who we work for: Your employer 24 \u00b7 Your customers 66 \u00b7 Yourself 10 "
                                        "(5 answers) \u2014 very strong agreement (0.96)");
        }
    EXPECT_TRUE(sawMix);
}

} // namespace

// The language extension (ABI 1.5): the panel's own words and numbers in German and French; the stakeholders, roles
// and corners as the survey names them.
TEST_F(StakeholderPanelTest, SpeaksTheLanguageTheKioskSets) {
    ASSERT_EQ(module().setLanguage("de-CH"), std::optional<bool>(true));
    ASSERT_EQ(frame(seedAggregate(), 1180.0f), PanelOutcome::Drawn);
    EXPECT_EQ(firstOutOfOrder(logged(), {"Who we work for", "Everyone  (10 Antworten)",
                                         "Übereinstimmung 0,96 (sehr starke Übereinstimmung)",
                                         "Wie jede Gruppe die Menschen rund um ihre Arbeit sieht",
                                         "die meisten sagen Partner (100\u202F%)", "verstanden 4,0/5",
                                         "geteilt: Customer / Supplier (je 40\u202F%)", "Unterschiedlich gesehen",
                                         "\u2022 Product: Sales sagen meist Customer (80\u202F%), Marketing sagen meist "
                                         "Supplier (80\u202F%).",
                                         "Sichten 80\u202F% auseinander."}),
              "")
        << logged();
    EXPECT_EQ(logged().find("most say"), std::string::npos) << logged();

    ASSERT_EQ(module().setLanguage("fr"), std::optional<bool>(true));
    ASSERT_EQ(frame(seedAggregate(), 1180.0f), PanelOutcome::Drawn);
    EXPECT_EQ(firstOutOfOrder(logged(), {"Everyone  (10 réponses)", "la plupart disent Partner (100\u202F%)",
                                         "Vus différemment"}),
              "")
        << logged();
}

// The findings (what the dashboard lists when a panel cannot be drawn) in the language the kiosk sets.
TEST_F(StakeholderPanelTest, ScoreSpeaksTheLanguageTheKioskSets) {
    ASSERT_EQ(module().setLanguage("de"), std::optional<bool>(true));
    const ModuleAggregate aggregate = seedAggregate();
    alignkiosk::plugin_host::AggregateBuffer groups(aggregate, "Alle");
    const auto findings = module().score(groups, 1); // Sales
    ASSERT_TRUE(findings.has_value());
    ASSERT_EQ(findings->size(), 5u);
    EXPECT_EQ((*findings)[0].headline,
              "Product \u2014 Bedürfnisse schlecht verstanden von 80\u202F% (4 von 5), Mittelwert 1,8 auf 1\u20135");
    EXPECT_NE((*findings)[0].action.find("Die meisten im Team nennen Product einen Kunden"), std::string::npos)
        << (*findings)[0].action;
    for (const auto& finding : *findings) {
        if (finding.questionId == "works_for") {
            EXPECT_EQ(finding.headline, "Who we work for: Your employer 24 \u00b7 Your customers 66 \u00b7 Yourself 10 "
                                        "(5 Antworten) \u2014 sehr starke Übereinstimmung (0,96)");
        }
    }
}

// ---- The report pages (ABI 1.4): the panel's numbers as blocks -------------------------------------------------------

namespace {

using alignkiosk::plugin_host::ReportOutcome;

TEST_F(StakeholderPanelTest, WritesThePanelsNumbersAsReportBlocks) {
    ReportOutcome outcome = ReportOutcome::NoReport;
    const std::string text = report(seedAggregate(), outcome);
    ASSERT_EQ(outcome, ReportOutcome::Written);
    EXPECT_EQ(firstOutOfOrder(text, {"heading: Who we work for", "heading: Everyone  (10 answers)",
                                     "statistic: Mean = Your employer 37 \u00b7 Your customers 43 \u00b7 Yourself 20",
                                     "heading: Sales  (5 answers)", "statistic: Agreement = 0.96 (very strong agreement)",
                                     "heading: How each group sees the people around its work",
                                     "most say Partner (100%)", "understood 4.0/5",
                                     "split: Customer / Supplier (40% each)", "understood 1.8/5 \u00b7 80% poorly",
                                     "heading: Seen differently",
                                     "statistic: Product = Sales mostly say Customer (80%), Marketing mostly say "
                                     "Supplier (80%). Views 80% apart."}),
              "")
        << text;
}

// The report pages in the language the kiosk sets (ABI 1.5): the panel's German words and numbers.
TEST_F(StakeholderPanelTest, WritesItsReportPagesInTheLanguageTheKioskSets) {
    ASSERT_EQ(module().setLanguage("de"), std::optional<bool>(true));
    ReportOutcome outcome = ReportOutcome::NoReport;
    const std::string text = report(seedAggregate(), outcome);
    ASSERT_EQ(outcome, ReportOutcome::Written);
    EXPECT_EQ(firstOutOfOrder(text, {"heading: Everyone  (10 Antworten)", "statistic: Mittelwert = ",
                                     "statistic: Übereinstimmung = 0,96 (sehr starke Übereinstimmung)",
                                     "heading: Wie jede Gruppe die Menschen rund um ihre Arbeit sieht",
                                     "die meisten sagen Partner (100\u202F%)", "verstanden 4,0/5",
                                     "geteilt: Customer / Supplier (je 40\u202F%)",
                                     "heading: Unterschiedlich gesehen",
                                     "statistic: Product = Sales sagen meist Customer (80\u202F%), Marketing sagen "
                                     "meist Supplier (80\u202F%). Sichten 80\u202F% auseinander."}),
              "")
        << text;
    EXPECT_EQ(text.find("most say"), std::string::npos) << text;
}

} // namespace
