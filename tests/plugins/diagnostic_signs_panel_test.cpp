// The diagnostic-signs dashboard panel, through the host exactly as the dashboard draws it: the real plugin loaded by
// PluginHost, a hand-built core::ModuleAggregate turned into the C aggregate by the host, and headless ImGui frames.
// What the panel says is read back from ImGui's own text log (LogToClipboard into a string).
#include "plugin_host/aggregate_buffer.h"
#include "plugin_host/module_instance.h"
#include "support/panel_fixture.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <map>
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
using alignkiosk::test_support::occurrences;

// ---- The seed step, as the survey loader would hand it to the host --------------------------------------------------

Question scale(std::string id, std::string prompt, std::vector<std::string> labels,
               std::map<std::string, std::string> attributes) {
    Question question;
    question.id = std::move(id);
    question.kind = QuestionKind::Scale;
    question.prompt = std::move(prompt);
    question.scaleMin = 1;
    question.scaleMax = 5;
    question.scaleLabels = std::move(labels);
    question.attributes = std::move(attributes);
    return question;
}

Question signal(std::string id, std::string prompt, std::string checkFirst) {
    return scale(std::move(id), std::move(prompt), {"Never", "Rarely", "Sometimes", "Often", "Almost always"},
                 {{"group", "signal"}, {"check_first", std::move(checkFirst)}});
}

Question metric(std::string id, std::string prompt) {
    return scale(std::move(id), std::move(prompt), {"Very poorly", "Poorly", "Adequately", "Well", "Very well"},
                 {{"group", "metric"}});
}

// Seed 002's four signs, four metrics and the open sentence.
Step seedStep() {
    Step step;
    step.id = "signs";
    step.moduleId = "diagnostic_signs";
    step.title = "Diagnostic signs";
    step.questions = {
        signal("sign_pages", "Our messaging changes from page to page.",
               "define the customer change the company creates"),
        signal("sign_teams", "Teams describe the company differently.", "name the audience clearly"),
        signal("sign_topics", "Our content topics feel disconnected.", "remove language that could fit any company"),
        signal("sign_value", "Sales and marketing use different value language.",
               "test the mission against real messaging decisions"),
        metric("metric_consistency", "Message consistency"),
        metric("metric_sales", "Sales narrative clarity"),
        metric("metric_content", "Content relevance"),
        metric("metric_stakeholders", "Stakeholder alignment"),
    };
    Question sentence;
    sentence.id = "customer_change";
    sentence.kind = QuestionKind::Text;
    sentence.prompt = "Finish the sentence: our company changes this for customers...";
    sentence.required = false;
    sentence.attributes = {{"group", "customer_change"}};
    step.questions.push_back(sentence);
    return step;
}

// Everyone (10) and Sales (5). counts[i] = answers at point 1 + i. Signs count their top two points ("often",
// "almost always"), metrics their bottom two ("very poorly", "poorly"); widespread from one half, watch from a quarter.
ModuleAggregate seedAggregate() {
    ModuleAggregate aggregate;
    aggregate.stepId = "signs";
    aggregate.moduleId = "diagnostic_signs";
    aggregate.groups.push_back(ModuleGroupAggregate{
        "ALL",
        10,
        {
            QuestionCounts{"sign_pages", {2, 3, 2, 2, 1}, 10},         // 3 of 10: 30%, watch
            QuestionCounts{"sign_teams", {0, 0, 1, 3, 6}, 10},         // 9 of 10: 90%, widespread
            QuestionCounts{"sign_topics", {1, 1, 3, 3, 2}, 10},        // 5 of 10: 50%, widespread
            QuestionCounts{"sign_value", {6, 2, 1, 1, 0}, 10},         // 1 of 10: 10%, isolated
            QuestionCounts{"metric_consistency", {3, 3, 2, 1, 1}, 10}, // 6 of 10: 60%, widespread
            QuestionCounts{"metric_sales", {0, 1, 4, 3, 2}, 10},       // 1 of 10: 10%, isolated
            QuestionCounts{"customer_change", {}, 7},                  // the open sentence: never drawn
        }});
    aggregate.groups.push_back(ModuleGroupAggregate{
        "Sales",
        5,
        {
            QuestionCounts{"sign_pages", {0, 0, 0, 1, 4}, 5},   // 5 of 5: 100%, widespread
            QuestionCounts{"sign_value", {0, 1, 1, 1, 2}, 5},   // 3 of 5: 60%, widespread
            QuestionCounts{"metric_sales", {2, 2, 1, 0, 0}, 5}, // 4 of 5: 80%, widespread
        }});
    return aggregate;
}

// ---- A host with the real plugin and a headless ImGui ---------------------------------------------------------------

// The seed step on a display 4000 px tall, with a 56 px touch target.
class DiagnosticSignsPanelTest : public DashboardPanelTest {
protected:
    void SetUp() override {
        ASSERT_NO_FATAL_FAILURE(start(ALIGNKIOSK_PLUGIN_DIR "/diagnostic_signs.so", seedStep(), 4000.0f, 56.0f));
    }
};

// The whole panel for the seed aggregate, in the order it must read: everyone first; per group the signs ranked by
// how widespread, each with its share "seen often", its level word and, when widespread, what to check first; then
// the metrics ranked by how weak.
const std::initializer_list<std::string_view> kSeedPanel{
    "Everyone",
    "n = 10",
    "Teams describe the company differently",
    "seen often by 90% (9 of 10)  \u00b7  widespread",
    "\u2192 name the audience clearly",
    "Our content topics feel disconnected",
    "seen often by 50% (5 of 10)  \u00b7  widespread",
    "\u2192 remove language that could fit any company",
    "Our messaging changes from page to page",
    "seen often by 30% (3 of 10)  \u00b7  watch",
    "Sales and marketing use different value language",
    "seen often by 10% (1 of 10)  \u00b7  isolated",
    "Message consistency",
    "rated weak by 60% (6 of 10)  \u00b7  widespread",
    "Sales narrative clarity",
    "rated weak by 10% (1 of 10)  \u00b7  isolated",
    "Sales",
    "n = 5",
    "Our messaging changes from page to page",
    "seen often by 100% (5 of 5)  \u00b7  widespread",
    "\u2192 define the customer change the company creates",
    "Sales and marketing use different value language",
    "seen often by 60% (3 of 5)  \u00b7  widespread",
    "\u2192 test the mission against real messaging decisions",
    "Sales narrative clarity",
    "rated weak by 80% (4 of 5)  \u00b7  widespread",
};

TEST_F(DiagnosticSignsPanelTest, OffersAPanel) { EXPECT_TRUE(module().hasDashboardPanel()); }

TEST_F(DiagnosticSignsPanelTest, DrawsEveryGroupSideBySideOnAWideScreen) {
    ASSERT_EQ(frame(seedAggregate(), 1900.0f), PanelOutcome::Drawn);
    EXPECT_GT(vertices(), 0);
    EXPECT_EQ(firstOutOfOrder(logged(), kSeedPanel), "") << logged();
}

TEST_F(DiagnosticSignsPanelTest, DrawsEveryGroupOneBelowTheOtherInANarrowPanel) {
    ASSERT_EQ(frame(seedAggregate(), 500.0f), PanelOutcome::Drawn);
    EXPECT_GT(vertices(), 0);
    EXPECT_EQ(firstOutOfOrder(logged(), kSeedPanel), "") << logged();
}

TEST_F(DiagnosticSignsPanelTest, ChecksFirstOnlyForWidespreadSigns) {
    ASSERT_EQ(frame(seedAggregate(), 1900.0f), PanelOutcome::Drawn);
    // Everyone's "pages" sign is only watch: its action appears once, under Sales, where it is widespread.
    EXPECT_EQ(occurrences(logged(), "define the customer change the company creates"), 1u) << logged();
    EXPECT_EQ(occurrences(logged(), "name the audience clearly"), 1u) << logged();
    EXPECT_EQ(occurrences(logged(), "\u2192"), 4u) << logged();
}

TEST_F(DiagnosticSignsPanelTest, LeavesOutWhatNobodyAnsweredAndTheOpenSentence) {
    ASSERT_EQ(frame(seedAggregate(), 1900.0f), PanelOutcome::Drawn);
    for (const char* absent : {"Content relevance", "Stakeholder alignment", "Finish the sentence", "customer_change"})
        EXPECT_EQ(logged().find(absent), std::string::npos) << absent << " in\n" << logged();
}

TEST_F(DiagnosticSignsPanelTest, NoShownGroupDrawsNothing) {
    ASSERT_EQ(frame(ModuleAggregate{"signs", "diagnostic_signs", {}, {}}, 1900.0f), PanelOutcome::Drawn);
    EXPECT_EQ(logged().find_first_not_of(" \n"), std::string::npos) << logged(); // LogFinish adds a line break
}

TEST_F(DiagnosticSignsPanelTest, DrawsWithoutHostFontsOrAccent) {
    const alignkiosk_frame_v1 bare{sizeof(alignkiosk_frame_v1), 0.0f, 0.0f, nullptr, nullptr, 0};
    ASSERT_EQ(frame(seedAggregate(), 900.0f, &bare), PanelOutcome::Drawn);
    EXPECT_GT(vertices(), 0);
    EXPECT_EQ(firstOutOfOrder(logged(), kSeedPanel), "") << logged();
}

TEST_F(DiagnosticSignsPanelTest, ScoreStillGivesTheSameHeadlines) {
    // The panel and score() share one scoring: the findings for a group match its rows.
    const ModuleAggregate aggregate = seedAggregate();
    alignkiosk::plugin_host::AggregateBuffer groups(aggregate, "Everyone");
    ASSERT_EQ(groups.groupCount(), 2u);
    const auto findings = module().score(groups, 1);
    ASSERT_TRUE(findings.has_value());
    // score() ranks signs and metrics together (level, then share); the panel shows signs first, then metrics.
    ASSERT_EQ(findings->size(), 3u);
    EXPECT_EQ((*findings)[0].headline, "Our messaging changes from page to page \u2014 seen often by 100% (5 of 5)");
    EXPECT_EQ((*findings)[0].action, "define the customer change the company creates");
    EXPECT_EQ((*findings)[1].headline, "Sales narrative clarity \u2014 rated weak by 80% (4 of 5)");
    EXPECT_EQ((*findings)[1].action, "");
    EXPECT_EQ((*findings)[2].headline,
              "Sales and marketing use different value language \u2014 seen often by 60% (3 of 5)");
}

} // namespace

// The language extension (ABI 1.5): the panel's own words in German and French, the survey's words as they are.
TEST_F(DiagnosticSignsPanelTest, SpeaksTheLanguageTheKioskSets) {
    ASSERT_EQ(module().setLanguage("de"), std::optional<bool>(true));
    ASSERT_EQ(frame(seedAggregate(), 1900.0f), PanelOutcome::Drawn);
    EXPECT_EQ(firstOutOfOrder(logged(), {"Teams describe the company differently",
                                         "oft bemerkt von 90\u202F% (9 von 10)  \u00b7  verbreitet",
                                         "Sales narrative clarity",
                                         "als schwach bewertet von 10\u202F% (1 von 10)  \u00b7  vereinzelt"}),
              "")
        << logged();
    EXPECT_EQ(logged().find("seen often"), std::string::npos) << logged();

    ASSERT_EQ(module().setLanguage("fr-CA"), std::optional<bool>(true));
    ASSERT_EQ(frame(seedAggregate(), 1900.0f), PanelOutcome::Drawn);
    EXPECT_NE(logged().find("souvent constaté par 90\u202F% (9 sur 10)  \u00b7  répandu"), std::string::npos)
        << logged();

    // A language the module has no words for: English, and the kiosk is told so.
    ASSERT_EQ(module().setLanguage("es"), std::optional<bool>(false));
    ASSERT_EQ(frame(seedAggregate(), 1900.0f), PanelOutcome::Drawn);
    EXPECT_EQ(firstOutOfOrder(logged(), kSeedPanel), "") << logged();
}

// ---- The report pages (ABI 1.4), from the same scoring as the panel --------------------------------------------------

namespace {

using alignkiosk::plugin_host::ReportOutcome;

TEST_F(DiagnosticSignsPanelTest, WritesThePanelsRankingAsReportBlocks) {
    ReportOutcome outcome = ReportOutcome::NoReport;
    const std::string text = report(seedAggregate(), outcome);
    ASSERT_EQ(outcome, ReportOutcome::Written);
    EXPECT_EQ(firstOutOfOrder(text, {"heading: Everyone (10 people)", "paragraph: Signs",
                                     "bar: Teams describe the company differently = 0.9",
                                     "seen often by 90% (9 of 10) \u00b7 widespread",
                                     "bar: Our content topics feel disconnected = 0.5",
                                     "bar: Our messaging changes from page to page = 0.3",
                                     "bar: Sales and marketing use different value language = 0.1",
                                     "statistic: Teams describe the company differently = Check first: name the "
                                     "audience clearly",
                                     "paragraph: Metrics", "bar: Message consistency = 0.6",
                                     "heading: Sales (5 people)", "bar: Our messaging changes from page to page = 1.0"}),
              "")
        << text;
    // Only a widespread sign has its action: in everyone's part, not that of the 30% (watch) sign; the open sentence
    // is never a bar.
    const std::string everyone = text.substr(0, text.find("heading: Sales"));
    EXPECT_EQ(everyone.find("Check first: define the customer change"), std::string::npos) << text;
    EXPECT_NE(text.find("Check first: define the customer change"), std::string::npos) << text; // Sales: 100%
    EXPECT_EQ(text.find("customer_change"), std::string::npos) << text;
}

TEST_F(DiagnosticSignsPanelTest, AReportWithNoShownGroupSaysSo) {
    ReportOutcome outcome = ReportOutcome::NoReport;
    const std::string text = report(ModuleAggregate{"signs", "diagnostic_signs", {}, {}}, outcome);
    EXPECT_EQ(outcome, ReportOutcome::Written);
    EXPECT_NE(text.find("No group has enough answers"), std::string::npos) << text;
    EXPECT_EQ(text.find("bar:"), std::string::npos) << text;
}

// The report pages in the language the kiosk sets (ABI 1.5): the module's own words, the survey's as they are.
TEST_F(DiagnosticSignsPanelTest, WritesItsReportPagesInTheLanguageTheKioskSets) {
    ASSERT_EQ(module().setLanguage("de"), std::optional<bool>(true));
    ReportOutcome outcome = ReportOutcome::NoReport;
    const std::string text = report(seedAggregate(), outcome);
    ASSERT_EQ(outcome, ReportOutcome::Written);
    EXPECT_EQ(firstOutOfOrder(text, {"heading: Everyone (10 Personen)", "paragraph: Anzeichen",
                                     "bar: Teams describe the company differently = 0.9",
                                     "oft bemerkt von 90\u202F% (9 von 10) \u00b7 verbreitet",
                                     "statistic: Teams describe the company differently = Zuerst prüfen: name the "
                                     "audience clearly",
                                     "paragraph: Kennzahlen"}),
              "")
        << text;
    EXPECT_EQ(text.find("Check first"), std::string::npos) << text;
    EXPECT_EQ(text.find("people)"), std::string::npos) << text;

    ASSERT_EQ(module().setLanguage("fr"), std::optional<bool>(true));
    const std::string french = report(seedAggregate(), outcome);
    EXPECT_NE(french.find("heading: Everyone (10 personnes)"), std::string::npos) << french;
    EXPECT_NE(french.find("paragraph: Signes"), std::string::npos) << french;
}

} // namespace
