// The focus-assessment dashboard panel, through the host exactly as the dashboard draws it: the real plugin loaded by
// PluginHost, a hand-built core::ModuleAggregate (counts and open answers) turned into the C panel input by the host,
// and headless ImGui frames. What the panel says is read back from ImGui's own text log (LogToClipboard into a string).
// The key-word rules themselves are pure code without ImGui, compiled straight into this test and checked first.
#include "plugin_host/aggregate_buffer.h"
#include "plugin_host/module_instance.h"
#include "support/panel_fixture.h"

// The plugin's key-word unit (no ImGui, no host): tested directly, by hand-computed examples.
#include "../../plugins/focus_assessment/focus_keywords.cpp"
#include "../../plugins/focus_assessment/focus_stop_words.cpp"

#include <gtest/gtest.h>

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

namespace focus = alignkiosk::plugins::focus_assessment;
using alignkiosk::core::ModuleAggregate;
using alignkiosk::core::ModuleGroupAggregate;
using alignkiosk::core::Question;
using alignkiosk::core::QuestionCounts;
using alignkiosk::core::QuestionKind;
using alignkiosk::core::Step;
using alignkiosk::core::TextAnswers;
using alignkiosk::plugin_host::PanelOutcome;
using alignkiosk::test_support::DashboardPanelTest;
using alignkiosk::test_support::firstOutOfOrder;

// ---- Key words ------------------------------------------------------------------------------------------------------

std::vector<std::string> keysOf(std::string_view sentence, std::string_view language = "en") {
    std::vector<std::string> keys;
    for (const focus::KeyWord& word : focus::keyWords(sentence, language)) keys.push_back(word.key + "/" + word.form);
    return keys;
}

using Keys = std::vector<std::string>;

TEST(FocusKeyWordsTest, StopWordListIsSortedForBinarySearch) { EXPECT_TRUE(focus::stopWordsAreSorted()); }

TEST(FocusKeyWordsTest, DropsStopWordsShortWordsAndNumbersAndCountsAWordOnce) {
    EXPECT_EQ(keysOf("Our customer's success is our SUCCESS."), (Keys{"customer/customer", "success/success"}));
    EXPECT_EQ(keysOf("AI by 2026 in Q3, to be the one"), Keys{});
    EXPECT_EQ(keysOf("We want to grow 3x"), (Keys{"grow/grow"})); // "3x" is two characters
}

TEST(FocusKeyWordsTest, FoldsEnglishPluralsButShowsTheWrittenForm) {
    EXPECT_EQ(keysOf("clients companies sales business focus analysis class"),
              (Keys{"client/clients", "company/companies", "sale/sales", "business/business", "focus/focus",
                    "analysis/analysis", "class/class"}));
    EXPECT_EQ(keysOf("Kunden und die Kunden", "de"), (Keys{"kunden/kunden", "und/und", "die/die"})); // no list, no folding
}

TEST(FocusKeyWordsTest, IsSafeWithUtf8AndPunctuation) {
    // Accented letters stay inside words; curly quotes, dashes and the typographic apostrophe behave like ASCII ones.
    EXPECT_EQ(keysOf("Caf\u00e9 owners \u2014 na\u00efve \u201cquotes\u201d don\u2019t split mid-sized"),
              (Keys{"caf\u00e9/caf\u00e9", "owner/owners", "na\u00efve/na\u00efve", "quote/quotes", "split/split",
                    "mid/mid", "sized/sized"}));
    // A broken byte separates words rather than joining or cutting them; a sequence cut off by the end is dropped.
    EXPECT_EQ(keysOf("abc\xFF" "def \xC3"), (Keys{"abc/abc", "def/def"}));
    EXPECT_EQ(keysOf("'quoted' words"), (Keys{"quoted/quoted", "word/words"}));
}

TEST(FocusKeyWordsTest, OverlapCountsParticipantsAndNeverShowsAWordOnlyOneUsed) {
    // A = {growth, revenue}, B = {revenue, client}, C = {nothing, shared}; the blank one is left out.
    const focus::GoalOverlap overlap =
        focus::goalOverlap({"Growth of revenue", "Revenue from clients", "  \n", "Nothing shared here"}, "en", 6);
    EXPECT_EQ(overlap.sentences, 3u);
    ASSERT_EQ(overlap.shared.size(), 1u);
    EXPECT_EQ(overlap.shared[0].word, "revenue");
    EXPECT_EQ(overlap.shared[0].participants, 2u);
    EXPECT_EQ(overlap.sentencesSharing, 2u);
    // J(A,B) = 1/3, J(A,C) = J(B,C) = 0: the mean over the 3 pairs is 1/9.
    EXPECT_NEAR(overlap.meanJaccard, 1.0 / 9.0, 1e-12);
}

TEST(FocusKeyWordsTest, OverlapEdgeCases) {
    // Two sentences without key words: nothing shared, and a Jaccard of 0 (not a division by zero).
    const focus::GoalOverlap empty = focus::goalOverlap({"the and", "of it"}, "en", 6);
    EXPECT_EQ(empty.sentences, 2u);
    EXPECT_TRUE(empty.shared.empty());
    EXPECT_EQ(empty.meanJaccard, 0.0);
    // Identical key-word sets: 1. One sentence: no pairs, 0.
    EXPECT_DOUBLE_EQ(focus::goalOverlap({"Happy clients", "happy CLIENT!"}, "en", 6).meanJaccard, 1.0);
    EXPECT_EQ(focus::goalOverlap({"Happy clients"}, "en", 6).meanJaccard, 0.0);
    // Ties in the number of participants are alphabetical; at most `maxShared` are kept.
    const focus::GoalOverlap ties = focus::goalOverlap({"delta beta alpha", "alpha beta delta gamma", "gamma"}, "en", 2);
    ASSERT_EQ(ties.shared.size(), 2u);
    EXPECT_EQ(ties.shared[0].word, "alpha");
    EXPECT_EQ(ties.shared[1].word, "beta");
}

TEST(FocusKeyWordsTest, AMillionSentencesAreJudgedOnASampleOfPairs) {
    // Alternating sentences: A = {happy, client} and B = {grow, revenue}. Over all pairs of n sentences the mean is
    // (pairs of equals) / (all pairs) = 2 * C(n/2, 2) / C(n, 2), just under one half; a count over every pair of a
    // million would not finish, the sample of the first kJaccardSample gives the same formula at that size.
    std::vector<std::string_view> sentences;
    for (int i = 0; i < 1'000'000; ++i) sentences.push_back(i % 2 ? "Happy clients" : "Grow revenue");
    const focus::GoalOverlap overlap = focus::goalOverlap(sentences, "en", 6);
    EXPECT_EQ(overlap.sentences, 1'000'000u);
    ASSERT_EQ(overlap.shared.size(), 4u);
    EXPECT_EQ(overlap.shared[0].participants, 500'000u) << "word counts are over every sentence, not the sample";
    const double half = static_cast<double>(focus::kJaccardSample) / 2.0;
    const double sampled = 2.0 * half * (half - 1.0) / 2.0 /
                           (static_cast<double>(focus::kJaccardSample) * (focus::kJaccardSample - 1.0) / 2.0);
    EXPECT_NEAR(overlap.meanJaccard, sampled, 1e-12);
}

// ---- The step, as the survey loader would hand it to the host -------------------------------------------------------

Question question(std::string id, QuestionKind kind, std::string prompt, std::map<std::string, std::string> attributes,
                 std::vector<std::pair<std::string, std::string>> options = {}) {
    Question q;
    q.id = std::move(id);
    q.kind = kind;
    q.prompt = std::move(prompt);
    q.attributes = std::move(attributes);
    for (auto& [optionId, label] : options) q.options.push_back({std::move(optionId), std::move(label)});
    return q;
}

Question clarity(std::string id, std::string area, std::string label) {
    return question(std::move(id), QuestionKind::Choice, "Is our " + area + " clear and focused?",
                    {{"focus", "clarity"}, {"area", std::move(area)}, {"label", std::move(label)}},
                    {{"yes", "Yes"}, {"partly", "Partly"}, {"no", "No"}});
}

Step seedStep() {
    Step step;
    step.id = "focus";
    step.moduleId = "focus_assessment";
    step.title = "Where our focus goes";
    step.questions = {
        question("one_big_goal", QuestionKind::Text, "In one sentence: what is the one big goal?",
                 {{"focus", "goal"}, {"label", "Our one big goal"}}),
        question("goal_qualities", QuestionKind::MultiChoice, "Which of these does that goal have?",
                 {{"focus", "smmart"}, {"label", "S.M.M.A.R.T. qualities"}},
                 {{"specific", "Specific"},
                  {"measurable", "Measurable"},
                  {"mission_based", "Mission-based"},
                  {"attainable", "Attainable"},
                  {"relevant", "Relevant"},
                  {"time_bound", "Time-bound"}}),
        question("time_on_goal", QuestionKind::Percent, "What share of your week goes to it?",
                 {{"focus", "goal_time"}, {"label", "Time on the one big goal"}}),
        question("ideal_client_share", QuestionKind::Percent, "What share of our clients are ideal?",
                 {{"focus", "ideal_clients"}, {"label", "Share of ideal clients"}}),
        clarity("mission_clear", "mission", "Mission"),
        clarity("brand_clear", "brand", "Brand"),
        clarity("model_clear", "model", "Business model"),
        clarity("offer_clear", "offer", "Key offer"),
        question("top_opportunity", QuestionKind::Choice, "Which would move the goal forward fastest?",
                 {{"focus", "opportunity"}, {"label", "The opportunity to pursue first"}},
                 {{"narrow_offer", "Narrow our offer"},
                  {"decline_poor_fit", "Turn down poor fits"},
                  {"partner", "Team up with a partner"},
                  {"accelerator", "Join an accelerator"},
                  {"dedicated_team", "Give one team the goal"},
                  {"one_message", "Rebuild our message"}}),
    };
    return step;
}

std::vector<uint64_t> percentBins(std::initializer_list<int> answers) {
    std::vector<uint64_t> bins(101, 0);
    for (const int answer : answers) ++bins[static_cast<size_t>(answer)];
    return bins;
}

// The twelve goal sentences of "Everyone". Key words used by two or more people: clients (5: sentences 1, 2, 4, 6, 10),
// revenue (3: 2, 4, 9), and with 2 each first (3, 10), love (4, 12), manufacturers (3, 11), new (1, 5). Sentences 7 and
// 8 share nothing with anyone: 10 of 12 share a key word.
const std::vector<std::string_view> kSentences{ // views of literals, as the aggregator's pool gives them
    "Win ten new clients in manufacturing by 2026.",          // 1
    "Double our revenue from ideal clients.",                 // 2
    "Become the first name manufacturers think of.",          // 3
    "Grow revenue with the clients we love working for.",     // 4
    "Launch the new platform before summer.",                 // 5
    "Keep every client happy and renewing.",                  // 6
    "Our customer's success is our success.",                 // 7
    "Make marketing and sales tell one story.",               // 8
    "Revenue, revenue, revenue!",                             // 9
    "Clients first \u2014 always.",                           // 10
    "Be the go-to partner for mid-sized manufacturers",       // 11
    "Caf\u00e9 owners love our app",                          // 12
};

// Everyone (12, with sentences) and Sales (6, below the open-text threshold: no sentences).
ModuleAggregate seedAggregate() {
    ModuleAggregate aggregate;
    aggregate.stepId = "focus";
    aggregate.moduleId = "focus_assessment";
    aggregate.groups.push_back(ModuleGroupAggregate{
        "ALL",
        12,
        {
            // 440 / 12 = 36.7 mean; median (30 + 30) / 2; under 25: 5 of 12.
            QuestionCounts{"time_on_goal", percentBins({10, 10, 20, 20, 20, 30, 30, 40, 50, 60, 70, 80}), 12},
            // 660 / 12 = 55 mean; median (50 + 60) / 2 = 55; under 50: 4 of 12.
            QuestionCounts{"ideal_client_share", percentBins({20, 20, 30, 40, 50, 50, 60, 60, 70, 80, 90, 90}), 12},
            QuestionCounts{"mission_clear", {6, 4, 2}, 12}, // 50% yes, 33% partly, 16% no
            QuestionCounts{"brand_clear", {2, 4, 6}, 12},
            QuestionCounts{"model_clear", {12, 0, 0}, 12},
            QuestionCounts{"offer_clear", {3, 3, 6}, 12},
            QuestionCounts{"goal_qualities", {9, 3, 6, 6, 12, 1}, 12}, // 75 25 50 50 100 8 percent tick each
            QuestionCounts{"top_opportunity", {1, 5, 2, 2, 1, 1}, 12}, // "Turn down poor fits", 5 of 12
            QuestionCounts{"one_big_goal", {}, 12},
        }});
    aggregate.groups.push_back(ModuleGroupAggregate{
        "Sales",
        6,
        {
            // 200 / 6 = 33.3 mean; median (15 + 20) / 2 = 17.5; under 25: 4 of 6.
            QuestionCounts{"time_on_goal", percentBins({5, 10, 15, 20, 60, 90}), 6},
            QuestionCounts{"top_opportunity", {3, 3, 0, 0, 0, 0}, 6}, // a tie: both shown, 50% each
        }});
    aggregate.texts.push_back(TextAnswers{"focus", "one_big_goal", "In one sentence: what is the one big goal?", "ALL",
                                          kSentences});
    return aggregate;
}

// ---- A host with the real plugin and a headless ImGui ---------------------------------------------------------------

// The seed step on a display 6000 px tall (the panel has six sections), with a 56 px touch target.
class FocusAssessmentPanelTest : public DashboardPanelTest {
protected:
    void SetUp() override {
        ASSERT_NO_FATAL_FAILURE(start(ALIGNKIOSK_PLUGIN_DIR "/focus_assessment.so", seedStep(), 6000.0f, 56.0f));
    }
};

// The whole panel for the seed aggregate, in the order it must read.
const std::initializer_list<std::string_view> kSeedPanel{
    "Time on the one big goal",
    "Everyone", "n = 12", "mean 36.7%  \u00b7  median 30%", "under 25%: 41% (5 of 12)",
    "Sales", "n = 6", "mean 33.3%  \u00b7  median 17.5%", "under 25%: 66% (4 of 6)",
    "Our one big goal \u2014 the key words people share",
    "Everyone", "12 sentences",
    "clients", "5 of 12", "revenue", "3 of 12", "first", "2 of 12", "love", "2 of 12", "manufacturers", "2 of 12",
    "new", "2 of 12",
    "\u201cclients\u201d is in 41% (5 of 12) of the sentences.",
    "10 of 12 share a key word with someone else's.",
    "mean Jaccard",
    "Sales", "Goal sentences not shown",
    "S.M.M.A.R.T. qualities",
    "Specific", "Measurable", "Mission-based", "Attainable", "Relevant", "Time-bound",
    "Everyone", "75%", "25%", "50%", "50%", "100%", "8%",
    "Sales", "no answers",
    "How clear and focused each area looks",
    "Yes", "Partly", "No", "Mission", "Brand", "Business model", "Key offer",
    "Everyone", "50% \u00b7 33% \u00b7 16%", "16% \u00b7 33% \u00b7 50%", "100% \u00b7 0% \u00b7 0%",
    "25% \u00b7 25% \u00b7 50%",
    "The opportunity to pursue first",
    "Everyone", "Turn down poor fits", "41% (5 of 12)",
    "Sales", "Narrow our offer", "Turn down poor fits", "50% (3 of 6) each",
    "Share of ideal clients",
    "Everyone", "mean 55%  \u00b7  median 55%", "under 50%: 33% (4 of 12)",
    "Sales", "no answers",
};

TEST_F(FocusAssessmentPanelTest, OffersAPanel) { EXPECT_TRUE(module().hasDashboardPanel()); }

TEST_F(FocusAssessmentPanelTest, DrawsEverySectionForEveryShownGroupOnAWideScreen) {
    ASSERT_EQ(frame(seedAggregate(), 1240.0f), PanelOutcome::Drawn);
    EXPECT_GT(vertices(), 0);
    EXPECT_EQ(firstOutOfOrder(logged(), kSeedPanel), "") << logged();
}

TEST_F(FocusAssessmentPanelTest, DrawsTheSameInANarrowPanel) {
    ASSERT_EQ(frame(seedAggregate(), 520.0f), PanelOutcome::Drawn);
    EXPECT_GT(vertices(), 0);
    EXPECT_EQ(firstOutOfOrder(logged(), kSeedPanel), "") << logged();
}

TEST_F(FocusAssessmentPanelTest, NeverShowsAWordOnlyOnePersonUsed) {
    ASSERT_EQ(frame(seedAggregate(), 1240.0f), PanelOutcome::Drawn);
    // "success" is written twice, but by one person; the others once each. No sentence is shown whole either.
    for (const char* absent : {"summer", "success", "platform", "caf\u00e9", "story", "renewing", "manufacturing",
                               "Revenue, revenue", "Win ten"})
        EXPECT_EQ(logged().find(absent), std::string::npos) << absent << " in\n" << logged();
}

TEST_F(FocusAssessmentPanelTest, SaysWhenNoKeyWordIsShared) {
    ModuleAggregate aggregate = seedAggregate();
    aggregate.texts.front().answers = {"Grow revenue", "Happy customers", "Launch platform"};
    ASSERT_EQ(frame(aggregate, 1240.0f), PanelOutcome::Drawn);
    EXPECT_EQ(firstOutOfOrder(logged(), {"3 sentences", "No key word is used by two or more people"}), "") << logged();
    EXPECT_EQ(logged().find("revenue"), std::string::npos) << logged();
}

TEST_F(FocusAssessmentPanelTest, NoShownGroupSaysThereIsNothingToShowYet) {
    ASSERT_EQ(frame(ModuleAggregate{"focus", "focus_assessment", {}, {}}, 1240.0f), PanelOutcome::Drawn);
    EXPECT_NE(logged().find("Nothing to show yet"), std::string::npos) << logged();
    EXPECT_EQ(logged().find("Time on the one big goal"), std::string::npos) << logged();
}

TEST_F(FocusAssessmentPanelTest, DrawsWithoutHostFontsOrAccent) {
    const alignkiosk_frame_v1 bare{sizeof(alignkiosk_frame_v1), 0.0f, 0.0f, nullptr, nullptr, 0};
    ASSERT_EQ(frame(seedAggregate(), 900.0f, &bare), PanelOutcome::Drawn);
    EXPECT_GT(vertices(), 0);
    EXPECT_EQ(firstOutOfOrder(logged(), kSeedPanel), "") << logged();
}

TEST_F(FocusAssessmentPanelTest, FollowsNewSentencesFrameAfterFrame) {
    ASSERT_EQ(frame(seedAggregate(), 1240.0f), PanelOutcome::Drawn);
    ASSERT_NE(logged().find("\u201cclients\u201d is in 41% (5 of 12)"), std::string::npos) << logged();
    // The same group with other sentences (a new dashboard model): the remembered overlap is not reused.
    ModuleAggregate changed = seedAggregate();
    changed.texts.front().answers = {"Happy partners", "Partners first", "More partners, fewer fires"};
    ASSERT_EQ(frame(changed, 1240.0f), PanelOutcome::Drawn);
    EXPECT_EQ(firstOutOfOrder(logged(), {"3 sentences", "partners", "3 of 3"}), "") << logged();
    EXPECT_EQ(logged().find("clients\u201d"), std::string::npos) << logged();
}

TEST_F(FocusAssessmentPanelTest, ScoreGivesTheHeadlinesThePanelShows) {
    const ModuleAggregate aggregate = seedAggregate();
    alignkiosk::plugin_host::AggregateBuffer groups(aggregate, "Everyone");
    ASSERT_EQ(groups.groupCount(), 2u);
    const auto findings = module().score(groups, 1); // Sales
    ASSERT_TRUE(findings.has_value());
    ASSERT_EQ(findings->size(), 2u);
    EXPECT_EQ((*findings)[0].headline, "Time on the one big goal \u2014 under 25% for 66% (4 of 6); median 17.5%");
    EXPECT_EQ((*findings)[0].level, ALIGNKIOSK_FINDING_WIDESPREAD);
    EXPECT_EQ((*findings)[1].headline,
              "The opportunity to pursue first \u2014 most chosen: Narrow our offer = Turn down poor fits, by 50% (3 of "
              "6) each");
    EXPECT_EQ((*findings)[1].level, ALIGNKIOSK_FINDING_INFO);
}

} // namespace

// The language extension (ABI 1.5): the panel's own words and numbers in German and French; the survey's words (the
// area names, the answer labels) and the participants' key words as they are.
TEST_F(FocusAssessmentPanelTest, SpeaksTheLanguageTheKioskSets) {
    ASSERT_EQ(module().setLanguage("de"), std::optional<bool>(true));
    ASSERT_EQ(frame(seedAggregate(), 1240.0f), PanelOutcome::Drawn);
    EXPECT_EQ(firstOutOfOrder(logged(), {"Time on the one big goal", "Everyone", "n = 12",
                                         "Mittelwert 36,7\u202F%  \u00b7  Median 30\u202F%",
                                         "unter 25\u202F%: 41\u202F% (5 von 12)",
                                         "Our one big goal \u2014 die Schlüsselwörter, die mehrere nennen",
                                         "12 Sätze", "clients", "5 von 12", "Zielsätze nicht gezeigt",
                                         "Wie klar und fokussiert jeder Bereich wirkt", "Sales", "keine Antworten"}),
              "")
        << logged();
    EXPECT_EQ(logged().find("no answers"), std::string::npos) << logged();

    ASSERT_EQ(module().setLanguage("fr"), std::optional<bool>(true));
    ASSERT_EQ(frame(seedAggregate(), 1240.0f), PanelOutcome::Drawn);
    EXPECT_EQ(firstOutOfOrder(logged(), {"moyenne 36,7\u202F%  \u00b7  médiane 30\u202F%", "12 phrases",
                                         "À quel point chaque domaine paraît clair et ciblé", "aucune réponse"}),
              "")
        << logged();

    ASSERT_EQ(module().setLanguage("en"), std::optional<bool>(true));
    ASSERT_EQ(frame(seedAggregate(), 1240.0f), PanelOutcome::Drawn);
    EXPECT_EQ(firstOutOfOrder(logged(), kSeedPanel), "") << logged();
}

// The findings (what the dashboard lists when a panel cannot be drawn) in the language the kiosk sets.
TEST_F(FocusAssessmentPanelTest, ScoreSpeaksTheLanguageTheKioskSets) {
    ASSERT_EQ(module().setLanguage("fr"), std::optional<bool>(true));
    const ModuleAggregate aggregate = seedAggregate();
    alignkiosk::plugin_host::AggregateBuffer groups(aggregate, "Tous");
    const auto findings = module().score(groups, 1); // Sales
    ASSERT_TRUE(findings.has_value());
    ASSERT_EQ(findings->size(), 2u);
    EXPECT_EQ((*findings)[0].headline,
              "Time on the one big goal \u2014 moins de 25\u202F% pour 66\u202F% (4 sur 6) ; médiane 17,5\u202F%");
    EXPECT_EQ((*findings)[1].headline, "The opportunity to pursue first \u2014 le plus choisi : Narrow our offer = Turn "
                                       "down poor fits, par 50\u202F% (3 sur 6) chacun");
}

// ---- The report pages (ABI 1.4): the panel's sections as blocks ------------------------------------------------------

namespace {

using alignkiosk::plugin_host::ReportOutcome;

TEST_F(FocusAssessmentPanelTest, WritesThePanelsSectionsAsReportBlocks) {
    ReportOutcome outcome = ReportOutcome::NoReport;
    const std::string text = report(seedAggregate(), outcome);
    ASSERT_EQ(outcome, ReportOutcome::Written);
    EXPECT_EQ(firstOutOfOrder(text, {"heading: Time on the one big goal", "header: Group | Mean | Median | Under 25%",
                                     "row: Everyone (n = 12) | 36.7% | 30% | 41% (5 of 12)",
                                     "row: Sales (n = 6) | 33.3% | 17.5% | 66% (4 of 6)",
                                     "heading: Our one big goal \u2014 the key words people share",
                                     "heading: Everyone", "statistic: Sentences = 12", "bar: clients", "5 of 12",
                                     "heading: Sales", "Goal sentences not shown",
                                     "heading: S.M.M.A.R.T. qualities", "row: Everyone (n = 12) | 75% | 25% | 50%",
                                     "heading: How clear and focused each area looks",
                                     "heading: The opportunity to pursue first",
                                     "row: Sales (n = 6) | Narrow our offer / Turn down poor fits | 50% (3 of 6) each",
                                     "heading: Share of ideal clients"}),
              "")
        << text;
}

// The report pages in the language the kiosk sets (ABI 1.5): headers, numbers and findings in German.
TEST_F(FocusAssessmentPanelTest, WritesItsReportPagesInTheLanguageTheKioskSets) {
    ASSERT_EQ(module().setLanguage("de"), std::optional<bool>(true));
    ReportOutcome outcome = ReportOutcome::NoReport;
    const std::string text = report(seedAggregate(), outcome);
    ASSERT_EQ(outcome, ReportOutcome::Written);
    EXPECT_EQ(firstOutOfOrder(text, {"heading: Time on the one big goal",
                                     "header: Gruppe | Mittelwert | Median | Unter 25\u202F%",
                                     "row: Everyone (n = 12) | 36,7\u202F% | 30\u202F% | 41\u202F% (5 von 12)",
                                     "heading: Our one big goal \u2014 die Schlüsselwörter, die mehrere nennen",
                                     "statistic: Sätze = 12", "Zielsätze nicht gezeigt",
                                     "heading: Wie klar und fokussiert jeder Bereich wirkt",
                                     "row: Sales (n = 6) | Narrow our offer / Turn down poor fits | "
                                     "je 50\u202F% (3 von 6)"}),
              "")
        << text;
    EXPECT_EQ(text.find("no answers"), std::string::npos) << text;
    EXPECT_EQ(text.find("Check first"), std::string::npos) << text;
}

} // namespace
