// ModuleInstance over hand-made C module tables, in process: what it does with missing functions, false returns,
// throws, and how it collects text and findings; then the dashboard panel extension, over hand-made tables and over
// the fixture plugins (tests/fixtures/good) built with plugin.hpp or in C for ABI 1.0.
#include "plugin_host/aggregate_buffer.h"
#include "plugin_host/module_instance.h"
#include "plugin_host/plugin_host.h"
#include "plugin_host/step_content_buffer.h"
#include "support/mood_step.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <imgui.h>

#include <cstddef>
#include <cstring>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

using alignkiosk::core::ModuleAggregate;
using alignkiosk::core::ModuleGroupAggregate;
using alignkiosk::core::QuestionCounts;
using alignkiosk::core::TextAnswers;
using alignkiosk::plugin_host::AggregateBuffer;
using alignkiosk::plugin_host::ModuleInstance;
using alignkiosk::plugin_host::PanelOutcome;
using alignkiosk::plugin_host::StepContentBuffer;

struct Calls {
    int destroyed = 0;
    int resets = 0;
    bool fail = false;
    // The dashboard panel table get_extension hands out (nullptr: none), the ids it was asked for, and what the
    // panel saw each time it drew.
    const alignkiosk_dashboard_panel_v1* panel = nullptr;
    std::vector<std::string> extensionIds;
    int panelDraws = 0;
    std::vector<std::string> seen;
    float seenScale = 0.0f;
};

Calls& calls(const alignkiosk_module_v1* module) { return *static_cast<Calls*>(module->module_data); }

alignkiosk_module_v1 table(Calls& state) {
    alignkiosk_module_v1 module{};
    module.struct_size = sizeof(alignkiosk_module_v1);
    module.module_data = &state;
    module.destroy = [](alignkiosk_module_v1* self) { ++calls(self).destroyed; };
    module.reset = [](alignkiosk_module_v1* self) { ++calls(self).resets; };
    module.page_count = [](const alignkiosk_module_v1*) -> uint32_t { return 3; };
    module.draw_page = [](alignkiosk_module_v1* self, uint32_t, const alignkiosk_frame_v1*) {
        return !calls(self).fail;
    };
    module.page_complete = [](const alignkiosk_module_v1* self, uint32_t page) {
        return !calls(self).fail && page == 1;
    };
    // Written in two pieces: the host must join every append.
    module.write_answer = [](const alignkiosk_module_v1* self, const alignkiosk_sink_v1* sink) {
        if (calls(self).fail) return false;
        sink->append(sink->context, "{\"answers\":", 11);
        sink->append(sink->context, "{\"q\":1}}", 8);
        return true;
    };
    module.score = [](const alignkiosk_module_v1* self, const alignkiosk_aggregate_v1* aggregate,
                      const alignkiosk_finding_sink_v1* sink) {
        if (calls(self).fail) return false;
        const alignkiosk_finding_v1 finding{sizeof(alignkiosk_finding_v1), "q", ALIGNKIOSK_FINDING_WIDESPREAD, 0.5f,
                                            aggregate->group_label, nullptr};
        sink->emit(sink->context, &finding);
        sink->emit(sink->context, nullptr); // ignored, not a crash
        return true;
    };
    return module;
}

std::unique_ptr<StepContentBuffer> content() {
    return std::make_unique<StepContentBuffer>(alignkiosk::core::Step{}, "en");
}

const alignkiosk_frame_v1 kFrame{sizeof(alignkiosk_frame_v1), 1.0f, 48.0f, nullptr, nullptr, 0};
// One group, "Team A", of 4 responses and no counts.
const AggregateBuffer& teamA() {
    static const AggregateBuffer buffer(ModuleAggregate{"step", "fake", {ModuleGroupAggregate{"Team A", 4, {}}}, {}});
    return buffer;
}

TEST(ModuleInstance, PassesCallsThroughAndDestroysOnce) {
    Calls state;
    alignkiosk_module_v1 module = table(state);
    {
        ModuleInstance instance(&module, content(), "fake", "1.0.0");
        EXPECT_EQ(instance.moduleId(), "fake");
        EXPECT_EQ(instance.moduleVersion(), "1.0.0");
        EXPECT_EQ(instance.pageCount(), 3u);
        EXPECT_TRUE(instance.drawPage(0, kFrame));
        EXPECT_FALSE(instance.pageComplete(0));
        EXPECT_TRUE(instance.pageComplete(1));
        instance.reset();
        EXPECT_EQ(state.resets, 1);
        EXPECT_EQ(instance.answerJson(), std::optional<std::string>("{\"answers\":{\"q\":1}}"));

        const auto findings = instance.score(teamA(), 0);
        ASSERT_TRUE(findings.has_value());
        ASSERT_EQ(findings->size(), 1u);
        EXPECT_EQ((*findings)[0].questionId, "q");
        EXPECT_EQ((*findings)[0].level, ALIGNKIOSK_FINDING_WIDESPREAD);
        EXPECT_EQ((*findings)[0].headline, "Team A");
        EXPECT_EQ((*findings)[0].action, "");
        EXPECT_EQ(state.destroyed, 0);
    }
    EXPECT_EQ(state.destroyed, 1);
}

TEST(ModuleInstance, PluginFailuresBecomeFalseAndNothing) {
    Calls state;
    state.fail = true;
    alignkiosk_module_v1 module = table(state);
    ModuleInstance instance(&module, content(), "fake", "1.0.0");
    EXPECT_FALSE(instance.drawPage(0, kFrame));
    EXPECT_FALSE(instance.pageComplete(1));
    EXPECT_EQ(instance.answerJson(), std::nullopt);
    EXPECT_EQ(instance.score(teamA(), 0), std::nullopt);
}

TEST(ModuleInstance, AnAnswerClaimedButNotWrittenIsNoAnswer) {
    Calls state;
    alignkiosk_module_v1 module = table(state);
    module.write_answer = [](const alignkiosk_module_v1*, const alignkiosk_sink_v1*) { return true; };
    ModuleInstance instance(&module, content(), "fake", "1.0.0");
    EXPECT_EQ(instance.answerJson(), std::nullopt);
}

TEST(ModuleInstance, ExceptionsFromARawTableAreCaught) {
    Calls state;
    alignkiosk_module_v1 module = table(state);
    module.reset = [](alignkiosk_module_v1*) { throw std::runtime_error("reset"); };
    module.page_count = [](const alignkiosk_module_v1*) -> uint32_t { throw std::runtime_error("pages"); };
    module.draw_page = [](alignkiosk_module_v1*, uint32_t, const alignkiosk_frame_v1*) -> bool { throw 1; };
    module.page_complete = [](const alignkiosk_module_v1*, uint32_t) -> bool { throw 1; };
    module.write_answer = [](const alignkiosk_module_v1*, const alignkiosk_sink_v1*) -> bool { throw 1; };
    module.score = [](const alignkiosk_module_v1*, const alignkiosk_aggregate_v1*,
                      const alignkiosk_finding_sink_v1*) -> bool { throw 1; };
    module.destroy = [](alignkiosk_module_v1* self) {
        ++calls(self).destroyed;
        throw std::runtime_error("destroy");
    };
    {
        ModuleInstance instance(&module, content(), "fake", "1.0.0");
        instance.reset();
        EXPECT_EQ(instance.pageCount(), 0u);
        EXPECT_FALSE(instance.drawPage(0, kFrame));
        EXPECT_FALSE(instance.pageComplete(0));
        EXPECT_EQ(instance.answerJson(), std::nullopt);
        EXPECT_EQ(instance.score(teamA(), 0), std::nullopt);
    }
    EXPECT_EQ(state.destroyed, 1);
}

TEST(ModuleInstance, NullFunctionsAndANullModuleAreHarmless) {
    Calls state;
    alignkiosk_module_v1 module{};
    module.struct_size = sizeof(alignkiosk_module_v1);
    module.module_data = &state;
    {
        ModuleInstance instance(&module, content(), "fake", "1.0.0");
        instance.reset();
        EXPECT_EQ(instance.pageCount(), 0u);
        EXPECT_FALSE(instance.drawPage(0, kFrame));
        EXPECT_FALSE(instance.pageComplete(0));
        EXPECT_EQ(instance.answerJson(), std::nullopt);
        EXPECT_EQ(instance.score(teamA(), 0), std::nullopt);
    }
    ModuleInstance none(nullptr, nullptr, "none", "0.0.0");
    none.reset();
    EXPECT_EQ(none.pageCount(), 0u);
    EXPECT_EQ(none.answerJson(), std::nullopt);
}

TEST(ModuleInstance, NeverReadsPastTheSizeTheModuleClaims) {
    Calls state;
    alignkiosk_module_v1 module = table(state);
    module.struct_size = static_cast<uint32_t>(offsetof(alignkiosk_module_v1, page_count)); // destroy + reset only
    {
        ModuleInstance instance(&module, content(), "fake", "1.0.0");
        instance.reset();
        EXPECT_EQ(state.resets, 1);
        EXPECT_EQ(instance.pageCount(), 0u);
        EXPECT_EQ(instance.answerJson(), std::nullopt);
    }
    EXPECT_EQ(state.destroyed, 1);
}

// ---- The dashboard panel (extension ALIGNKIOSK_DASHBOARD_PANEL_V1_ID) ------------------------------------------------

std::string countsText(const alignkiosk_item_distribution_v1& item) {
    std::string text;
    for (uint32_t i = 0; i < item.count_length; ++i) text += (i ? "," : "") + std::to_string(item.counts[i]);
    return text;
}

// Writes down everything it was handed: "<label> n=<responses>" per group, "<question> [<counts>] <answered>" per item.
bool recordingPanel(const alignkiosk_module_v1* self, const alignkiosk_aggregate_v1* groups, uint32_t groupCount,
                    const alignkiosk_frame_v1* frame) {
    Calls& state = calls(self);
    ++state.panelDraws;
    state.seenScale = frame->ui_scale;
    if (groupCount == 0 && groups != nullptr) state.seen.push_back("groups is not NULL");
    for (uint32_t g = 0; g < groupCount; ++g) {
        const alignkiosk_aggregate_v1& group = groups[g];
        state.seen.push_back(std::string(group.group_label) + " n=" + std::to_string(group.response_count));
        for (uint32_t i = 0; i < group.item_count; ++i)
            state.seen.push_back(std::string(group.items[i].question_id) + " [" + countsText(group.items[i]) + "] " +
                                 std::to_string(group.items[i].answered));
    }
    return !state.fail;
}

const alignkiosk_dashboard_panel_v1 kRecordingPanel{sizeof(alignkiosk_dashboard_panel_v1), recordingPanel};

// A get_extension that notes every id it is asked for and offers Calls::panel for the panel's id only.
void offerPanel(alignkiosk_module_v1& module, Calls& state, const alignkiosk_dashboard_panel_v1* panel) {
    state.panel = panel;
    module.get_extension = [](const alignkiosk_module_v1* self, const char* id) -> const void* {
        calls(self).extensionIds.push_back(id);
        return std::string_view(id) == ALIGNKIOSK_DASHBOARD_PANEL_V1_ID ? calls(self).panel : nullptr;
    };
}

// Everyone (9) and one team (5), as core::ResponseAggregator hands them over.
ModuleAggregate twoGroups() {
    ModuleAggregate aggregate;
    aggregate.stepId = "signs";
    aggregate.moduleId = "fake";
    aggregate.groups.push_back(ModuleGroupAggregate{"ALL", 9, {QuestionCounts{"q", {1, 3, 5}, 9}}});
    aggregate.groups.push_back(ModuleGroupAggregate{"Sales", 5, {QuestionCounts{"q", {0, 1, 4}, 5},
                                                                 QuestionCounts{"r", {2, 2}, 4}}});
    return aggregate;
}

TEST(ModuleInstancePanel, AModuleWithoutTheExtensionHasNoPanel) {
    Calls state;
    alignkiosk_module_v1 module = table(state); // get_extension NULL, as a C plugin may leave it
    {
        ModuleInstance instance(&module, content(), "fake", "1.0.0");
        EXPECT_FALSE(instance.hasDashboardPanel());
        EXPECT_EQ(instance.drawDashboardPanel(twoGroups(), kFrame), PanelOutcome::NoPanel);
        const AggregateBuffer groups(twoGroups());
        EXPECT_EQ(instance.drawDashboardPanel(groups, kFrame), PanelOutcome::NoPanel);
    }

    Calls asked;
    alignkiosk_module_v1 withoutPanel = table(asked);
    offerPanel(withoutPanel, asked, nullptr); // answers get_extension, but has no panel
    ModuleInstance instance(&withoutPanel, content(), "fake", "1.0.0");
    EXPECT_FALSE(instance.hasDashboardPanel());
    EXPECT_EQ(instance.drawDashboardPanel(twoGroups(), kFrame), PanelOutcome::NoPanel);
    // The newest panel first, then the one a 1.2 plugin offers, then 1.1's; nothing else.
    ASSERT_GE(asked.extensionIds.size(), 3u);
    EXPECT_EQ(asked.extensionIds[0], "alignkiosk.dashboard_panel.v3");
    EXPECT_EQ(asked.extensionIds[1], "alignkiosk.dashboard_panel.v2");
    EXPECT_EQ(asked.extensionIds[2], "alignkiosk.dashboard_panel.v1");
    for (const std::string& id : asked.extensionIds)
        EXPECT_TRUE(id == "alignkiosk.dashboard_panel.v3" || id == "alignkiosk.dashboard_panel.v2" ||
                    id == "alignkiosk.dashboard_panel.v1")
            << id;

    ModuleInstance none(nullptr, nullptr, "none", "0.0.0");
    EXPECT_FALSE(none.hasDashboardPanel());
    EXPECT_EQ(none.drawDashboardPanel(twoGroups(), kFrame), PanelOutcome::NoPanel);
}

TEST(ModuleInstancePanel, DrawsThePanelFromTheHostsAggregate) {
    Calls state;
    alignkiosk_module_v1 module = table(state);
    offerPanel(module, state, &kRecordingPanel);
    ModuleInstance instance(&module, content(), "fake", "1.0.0");
    EXPECT_TRUE(instance.hasDashboardPanel());

    const alignkiosk_frame_v1 frame{sizeof(alignkiosk_frame_v1), 1.5f, 48.0f, nullptr, nullptr, 0};
    EXPECT_EQ(instance.drawDashboardPanel(twoGroups(), frame, "Everyone"), PanelOutcome::Drawn);
    EXPECT_EQ(state.panelDraws, 1);
    EXPECT_FLOAT_EQ(state.seenScale, 1.5f);
    EXPECT_THAT(state.seen, testing::ElementsAre("Everyone n=9", "q [1,3,5] 9", "Sales n=5", "q [0,1,4] 5",
                                                 "r [2,2] 4"));

    // The buffer a dashboard keeps between frames gives the same; without a word for everyone, its own name.
    state.seen.clear();
    const AggregateBuffer groups(twoGroups());
    EXPECT_EQ(instance.drawDashboardPanel(groups, frame), PanelOutcome::Drawn);
    EXPECT_EQ(instance.drawDashboardPanel(groups, frame), PanelOutcome::Drawn);
    EXPECT_EQ(state.panelDraws, 3);
    ASSERT_EQ(state.seen.size(), 10u);
    EXPECT_EQ(state.seen[0], "ALL n=9");
    EXPECT_EQ(state.seen[5], "ALL n=9");
}

// A module offering both panels (as plugin.hpp does): v2 must be the one called, with the open answers.
bool recordingPanelV2(const alignkiosk_module_v1* self, const alignkiosk_panel_input_v1* input,
                      const alignkiosk_frame_v1* frame) {
    Calls& state = calls(self);
    state.seen.push_back("v2");
    for (uint32_t t = 0; t < input->text_count; ++t) {
        const alignkiosk_text_answers_v1& texts = input->texts[t];
        std::string line = std::string(texts.group_label) + " " + texts.question_id + ":";
        for (uint32_t a = 0; a < texts.answer_count; ++a) line += std::string(" ") + texts.answers[a];
        state.seen.push_back(line);
    }
    return recordingPanel(self, input->groups, input->group_count, frame);
}

const alignkiosk_dashboard_panel_v2 kRecordingPanelV2{sizeof(alignkiosk_dashboard_panel_v2), recordingPanelV2};

TEST(ModuleInstancePanel, PrefersTheSecondPanelAndHandsItTheOpenAnswers) {
    Calls state;
    alignkiosk_module_v1 module = table(state);
    module.get_extension = [](const alignkiosk_module_v1* self, const char* id) -> const void* {
        calls(self).extensionIds.push_back(id);
        if (std::string_view(id) == ALIGNKIOSK_DASHBOARD_PANEL_V2_ID) return &kRecordingPanelV2;
        if (std::string_view(id) == ALIGNKIOSK_DASHBOARD_PANEL_V1_ID) return &kRecordingPanel;
        return nullptr;
    };
    ModuleInstance instance(&module, content(), "fake", "1.0.0");
    EXPECT_TRUE(instance.hasDashboardPanel());

    ModuleAggregate aggregate = twoGroups();
    aggregate.texts.push_back(TextAnswers{"signs", "goal", "One goal?", "ALL", {"grow", "keep"}});
    aggregate.texts.push_back(TextAnswers{"signs", "goal", "One goal?", "Sales", {"grow"}});
    const AggregateBuffer buffer(aggregate, "Everyone");
    EXPECT_EQ(instance.drawDashboardPanel(buffer, kFrame), PanelOutcome::Drawn);
    EXPECT_EQ(state.panelDraws, 1);
    EXPECT_THAT(state.seen, testing::ElementsAre("v2", "Everyone goal: grow keep", "Sales goal: grow", "Everyone n=9",
                                                 "q [1,3,5] 9", "Sales n=5", "q [0,1,4] 5", "r [2,2] 4"));
    EXPECT_EQ(buffer.input().struct_size, sizeof(alignkiosk_panel_input_v1));
    EXPECT_EQ(buffer.input().group_count, 2u);
}

// ---- ABI 1.3: the third panel and the scoring extension, with alignkiosk_aggregate_v2 -----------------------------

// An allocation of two options out of 2 points, answered (2,0), (1,1) and (1,1); and a scale question.
alignkiosk::core::Step allocationStep() {
    alignkiosk::core::Question share;
    share.id = "share";
    share.kind = alignkiosk::core::QuestionKind::Allocation;
    share.prompt = "Share two points";
    share.options = {{"x", "X"}, {"y", "Y"}};
    share.total = 2;
    alignkiosk::core::Question mood;
    mood.id = "mood";
    mood.kind = alignkiosk::core::QuestionKind::Scale;
    mood.prompt = "How often?";
    mood.scaleMin = 1;
    mood.scaleMax = 2;
    mood.scaleLabels = {"never", "often"};
    alignkiosk::core::Step step;
    step.id = "signs";
    step.moduleId = "fake";
    step.questions = {share, mood};
    return step;
}

ModuleAggregate allocationGroups() {
    // The aggregator's layout: the sums (4, 2), then per option a histogram over 0..2 points.
    ModuleAggregate aggregate;
    aggregate.stepId = "signs";
    aggregate.moduleId = "fake";
    aggregate.groups.push_back(ModuleGroupAggregate{
        "ALL", 3, {QuestionCounts{"share", {4, 2, 0, 2, 1, 1, 2, 0}, 3}, QuestionCounts{"mood", {1, 2}, 3}}});
    aggregate.texts.push_back(TextAnswers{"signs", "goal", "One goal?", "ALL", {"grow"}});
    return aggregate;
}

std::string spanText(const uint32_t* values, uint32_t length) {
    std::string text;
    for (uint32_t i = 0; i < length; ++i) text += (i ? "," : "") + std::to_string(values[i]);
    return text;
}

// Writes down one group as a 1.3 plugin reads it, through the accessors only.
void recordGroupV2(Calls& state, const alignkiosk_aggregate_v2& group) {
    state.seen.push_back(std::string(group.group_label) + " n=" + std::to_string(group.response_count));
    for (uint32_t i = 0; i < group.item_count(&group); ++i) {
        const alignkiosk_item_distribution_v2* item = group.item_get(&group, i);
        state.seen.push_back(std::string(item->question_id) + " kind=" + std::to_string(item->kind) + " [" +
                             spanText(item->counts, item->count_length) + "] " + std::to_string(item->answered) +
                             " histograms " + std::to_string(item->histogram_count) + "x" +
                             std::to_string(item->histogram_width) + " [" +
                             spanText(item->histograms, item->histogram_count * item->histogram_width) + "]");
    }
    if (group.item_get(&group, group.item_count(&group)) != nullptr) state.seen.push_back("item past the end");
}

bool recordingPanelV3(const alignkiosk_module_v1* self, const alignkiosk_panel_input_v2* input,
                      const alignkiosk_frame_v1*) {
    Calls& state = calls(self);
    state.seen.push_back("v3");
    ++state.panelDraws;
    for (uint32_t t = 0; t < input->text_count(input); ++t) {
        const alignkiosk_text_answers_v1* texts = input->text_get(input, t);
        state.seen.push_back(std::string(texts->group_label) + " " + texts->question_id + ": " + texts->answers[0]);
    }
    for (uint32_t g = 0; g < input->group_count(input); ++g) recordGroupV2(state, *input->group_get(input, g));
    if (input->group_get(input, input->group_count(input)) != nullptr) state.seen.push_back("group past the end");
    return !state.fail;
}

const alignkiosk_dashboard_panel_v3 kRecordingPanelV3{sizeof(alignkiosk_dashboard_panel_v3), recordingPanelV3};

bool recordingScore(const alignkiosk_module_v1* self, const alignkiosk_aggregate_v2* aggregate,
                    const alignkiosk_finding_sink_v1* sink) {
    recordGroupV2(calls(self), *aggregate);
    const alignkiosk_finding_v1 finding{sizeof(alignkiosk_finding_v1), "share", ALIGNKIOSK_FINDING_WATCH, 0.25f,
                                        "through the scoring extension", ""};
    sink->emit(sink->context, &finding);
    return true;
}

const alignkiosk_scoring_v1 kRecordingScoring{sizeof(alignkiosk_scoring_v1), recordingScore};

// A module offering every panel and the scoring extension, as a 1.3 plugin written in C might.
alignkiosk_module_v1 newestTable(Calls& state) {
    alignkiosk_module_v1 module = table(state);
    module.get_extension = [](const alignkiosk_module_v1* self, const char* id) -> const void* {
        calls(self).extensionIds.push_back(id);
        const std::string_view which(id);
        if (which == ALIGNKIOSK_DASHBOARD_PANEL_V3_ID) return &kRecordingPanelV3;
        if (which == ALIGNKIOSK_DASHBOARD_PANEL_V2_ID) return &kRecordingPanelV2;
        if (which == ALIGNKIOSK_DASHBOARD_PANEL_V1_ID) return &kRecordingPanel;
        if (which == ALIGNKIOSK_SCORING_V1_ID) return &kRecordingScoring;
        return nullptr;
    };
    return module;
}

TEST(ModuleInstanceAbi13, PrefersTheThirdPanelAndGivesAnAllocationsHistogramsTheirOwnField) {
    Calls state;
    alignkiosk_module_v1 module = newestTable(state);
    ModuleInstance instance(&module, std::make_unique<StepContentBuffer>(allocationStep(), "en"), "fake", "1.0.0");
    const AggregateBuffer buffer(allocationGroups(), "Everyone");
    EXPECT_EQ(instance.drawDashboardPanel(buffer, kFrame), PanelOutcome::Drawn);
    EXPECT_EQ(instance.drawDashboardPanel(buffer, kFrame), PanelOutcome::Drawn); // the 1.3 view is kept
    EXPECT_EQ(state.panelDraws, 2);
    ASSERT_EQ(state.seen.size(), 10u);
    EXPECT_THAT(std::vector<std::string>(state.seen.begin(), state.seen.begin() + 5),
                testing::ElementsAre("v3", "Everyone goal: grow", "Everyone n=3",
                                     "share kind=4 [4,2] 3 histograms 2x3 [0,2,1,1,2,0]",
                                     "mood kind=0 [1,2] 3 histograms 0x0 []"));
    // The 1.2 view of the same buffer is unchanged: the sums and histograms in one array.
    ASSERT_EQ(buffer.groups()[0].item_count, 2u);
    EXPECT_EQ(spanText(buffer.groups()[0].items[0].counts, buffer.groups()[0].items[0].count_length),
              "4,2,0,2,1,1,2,0");
}

TEST(ModuleInstanceAbi13, ScoresThroughTheScoringExtensionWhenOffered) {
    Calls state;
    alignkiosk_module_v1 module = newestTable(state);
    ModuleInstance instance(&module, std::make_unique<StepContentBuffer>(allocationStep(), "en"), "fake", "1.0.0");
    const AggregateBuffer buffer(allocationGroups(), "Everyone");
    const auto findings = instance.score(buffer, 0);
    ASSERT_TRUE(findings.has_value());
    ASSERT_EQ(findings->size(), 1u);
    EXPECT_EQ((*findings)[0].headline, "through the scoring extension");
    EXPECT_THAT(state.seen, testing::Contains("share kind=4 [4,2] 3 histograms 2x3 [0,2,1,1,2,0]"));
    EXPECT_EQ(instance.score(buffer, 1), std::nullopt); // no second group

    // Without the extension, alignkiosk_module_v1::score with the 1.2 aggregate, as before.
    Calls old;
    alignkiosk_module_v1 oldModule = table(old);
    ModuleInstance oldInstance(&oldModule, std::make_unique<StepContentBuffer>(allocationStep(), "en"), "fake",
                               "1.0.0");
    const auto oldFindings = oldInstance.score(buffer, 0);
    ASSERT_TRUE(oldFindings.has_value());
    ASSERT_EQ(oldFindings->size(), 1u);
    EXPECT_EQ((*oldFindings)[0].headline, "Everyone");
}

TEST(ModuleInstancePanel, NoShownGroupIsStillDrawn) {
    Calls state;
    alignkiosk_module_v1 module = table(state);
    offerPanel(module, state, &kRecordingPanel);
    ModuleInstance instance(&module, content(), "fake", "1.0.0");
    EXPECT_EQ(instance.drawDashboardPanel(ModuleAggregate{"signs", "fake", {}, {}}, kFrame), PanelOutcome::Drawn);
    EXPECT_EQ(state.panelDraws, 1);
    EXPECT_TRUE(state.seen.empty()) << state.seen.front();
}

TEST(ModuleInstancePanel, APanelThatFailsOrThrowsIsFailedNotACrash) {
    Calls state;
    state.fail = true; // draw_panel returns false
    alignkiosk_module_v1 module = table(state);
    offerPanel(module, state, &kRecordingPanel);
    ModuleInstance refusing(&module, content(), "fake", "1.0.0");
    EXPECT_TRUE(refusing.hasDashboardPanel());
    EXPECT_EQ(refusing.drawDashboardPanel(twoGroups(), kFrame), PanelOutcome::Failed);

    static const alignkiosk_dashboard_panel_v1 throwing{
        sizeof(alignkiosk_dashboard_panel_v1),
        [](const alignkiosk_module_v1*, const alignkiosk_aggregate_v1*, uint32_t, const alignkiosk_frame_v1*) -> bool {
            throw std::runtime_error("panel");
        }};
    Calls thrower;
    alignkiosk_module_v1 throwingModule = table(thrower);
    offerPanel(throwingModule, thrower, &throwing);
    ModuleInstance throws(&throwingModule, content(), "fake", "1.0.0");
    EXPECT_EQ(throws.drawDashboardPanel(twoGroups(), kFrame), PanelOutcome::Failed);
    const AggregateBuffer groups(twoGroups());
    EXPECT_EQ(throws.drawDashboardPanel(groups, kFrame), PanelOutcome::Failed);

    // A get_extension that throws: no panel to offer, and asking to draw it is a failure, not "no panel".
    Calls asking;
    alignkiosk_module_v1 badExtension = table(asking);
    badExtension.get_extension = [](const alignkiosk_module_v1*, const char*) -> const void* { throw 7; };
    ModuleInstance broken(&badExtension, content(), "fake", "1.0.0");
    EXPECT_FALSE(broken.hasDashboardPanel());
    EXPECT_EQ(broken.drawDashboardPanel(twoGroups(), kFrame), PanelOutcome::Failed);
    EXPECT_EQ(broken.drawDashboardPanel(groups, kFrame), PanelOutcome::Failed);
}

TEST(ModuleInstancePanel, NeverReadsPastTheSizeAPanelTableOrModuleTableClaims) {
    // A panel table that stops before draw_panel: never called, whatever lies beyond its claimed size.
    static const alignkiosk_dashboard_panel_v1 shortPanel{
        static_cast<uint32_t>(offsetof(alignkiosk_dashboard_panel_v1, draw_panel)), recordingPanel};
    Calls state;
    alignkiosk_module_v1 module = table(state);
    offerPanel(module, state, &shortPanel);
    {
        ModuleInstance instance(&module, content(), "fake", "1.0.0");
        EXPECT_FALSE(instance.hasDashboardPanel());
        EXPECT_EQ(instance.drawDashboardPanel(twoGroups(), kFrame), PanelOutcome::NoPanel);
        EXPECT_EQ(state.panelDraws, 0);
    }

    static const alignkiosk_dashboard_panel_v1 emptyPanel{sizeof(alignkiosk_dashboard_panel_v1), nullptr};
    Calls empty;
    alignkiosk_module_v1 emptyModule = table(empty);
    offerPanel(emptyModule, empty, &emptyPanel);
    {
        ModuleInstance instance(&emptyModule, content(), "fake", "1.0.0");
        EXPECT_FALSE(instance.hasDashboardPanel());
        EXPECT_EQ(instance.drawDashboardPanel(twoGroups(), kFrame), PanelOutcome::NoPanel);
    }

    // A module table that ends before get_extension: the extension is never asked for.
    Calls shortTable;
    alignkiosk_module_v1 shortModule = table(shortTable);
    offerPanel(shortModule, shortTable, &kRecordingPanel);
    shortModule.struct_size = static_cast<uint32_t>(offsetof(alignkiosk_module_v1, get_extension));
    ModuleInstance instance(&shortModule, content(), "fake", "1.0.0");
    EXPECT_FALSE(instance.hasDashboardPanel());
    EXPECT_EQ(instance.drawDashboardPanel(twoGroups(), kFrame), PanelOutcome::NoPanel);
    EXPECT_TRUE(shortTable.extensionIds.empty());
    EXPECT_EQ(shortTable.panelDraws, 0);
}

// ---- The panel through real plugins ---------------------------------------------------------------------------------

namespace fs = std::filesystem;
const fs::path kGoodFixtures = fs::path(ALIGNKIOSK_FIXTURE_PLUGIN_DIR) / "good";

alignkiosk::core::Step moodStep(const std::string& moduleId) {
    return alignkiosk::test_support::moodStep("step_one", moduleId);
}

ModuleAggregate moodGroups(const std::string& moduleId) {
    ModuleAggregate aggregate;
    aggregate.stepId = "step_one";
    aggregate.moduleId = moduleId;
    aggregate.groups.push_back(ModuleGroupAggregate{"ALL", 8, {QuestionCounts{"mood", {1, 2, 3}, 6}}});
    aggregate.groups.push_back(ModuleGroupAggregate{"Sales", 5, {QuestionCounts{"mood", {0, 0, 5}, 5}}});
    return aggregate;
}

// A headless ImGui context whose text output a test can read: ImGui's log goes to the "clipboard", kept here.
class LoggedImGui {
public:
    LoggedImGui() {
        m_context = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 800);
        io.Fonts->Build();
        io.ClipboardUserData = &m_text;
        io.SetClipboardTextFn = [](void* user, const char* text) { *static_cast<std::string*>(user) = text; };
    }
    ~LoggedImGui() { ImGui::DestroyContext(m_context); }
    LoggedImGui(const LoggedImGui&) = delete;
    LoggedImGui& operator=(const LoggedImGui&) = delete;

    ImGuiContext* context() const { return m_context; }

    // One dashboard frame with the panel drawn in a child region, as the host does; the text it logged.
    template <class Draw>
    std::string frame(Draw&& draw) {
        m_text.clear();
        ImGui::NewFrame();
        // A fixed size: a window ImGui has to measure first is hidden on its first frame and would draw nothing.
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(1280, 800));
        ImGui::Begin("dashboard");
        ImGui::BeginChild("panel", ImVec2(600, 400));
        ImGui::LogToClipboard();
        draw();
        ImGui::LogFinish();
        ImGui::EndChild();
        ImGui::End();
        ImGui::Render();
        return m_text;
    }

private:
    ImGuiContext* m_context = nullptr;
    std::string m_text;
};

TEST(ModuleInstancePanel, PluginHppOffersThePanelOnlyWhenTheDefinitionSaysSo) {
    alignkiosk::plugin_host::PluginHost host;
    for (const char* file : {"fixture_good.so", "fixture_visible_a.so", "fixture_sparse.so"})
        ASSERT_TRUE(host.loadFile(kGoodFixtures / file).loaded) << file;
    std::string error;

    auto good = host.createModule(moodStep("fixture_good"), "en", error);
    ASSERT_NE(good, nullptr) << error;
    EXPECT_TRUE(good->hasDashboardPanel());

    // plugin.hpp without hasDashboardPanel, and a C plugin built for ABI 1.0 (get_extension NULL).
    for (const char* id : {"fixture_visible_a", "fixture_sparse"}) {
        auto instance = host.createModule(moodStep(id), "en", error);
        ASSERT_NE(instance, nullptr) << id << ": " << error;
        EXPECT_FALSE(instance->hasDashboardPanel()) << id;
        EXPECT_EQ(instance->drawDashboardPanel(moodGroups(id), kFrame), PanelOutcome::NoPanel) << id;
    }
}

TEST(ModuleInstancePanel, ARealPanelDrawsWhatTheHostHandsIt) {
    LoggedImGui imgui;
    alignkiosk::plugin_host::PluginHost host(imgui.context());
    ASSERT_TRUE(host.loadFile(kGoodFixtures / "fixture_good.so").loaded);
    std::string error;
    auto instance = host.createModule(moodStep("fixture_good"), "en", error);
    ASSERT_NE(instance, nullptr) << error;

    PanelOutcome outcome = PanelOutcome::NoPanel;
    const std::string text =
        imgui.frame([&] { outcome = instance->drawDashboardPanel(moodGroups("fixture_good"), kFrame, "Everyone"); });
    EXPECT_EQ(outcome, PanelOutcome::Drawn);
    const size_t everyone = text.find("Everyone mood 6 of 8");
    const size_t sales = text.find("Sales mood 5 of 5");
    ASSERT_NE(everyone, std::string::npos) << text;
    ASSERT_NE(sales, std::string::npos) << text;
    EXPECT_LT(everyone, sales) << text;
    ASSERT_NE(ImGui::GetDrawData(), nullptr);
    EXPECT_GT(ImGui::GetDrawData()->TotalVtxCount, 0);
}

TEST(ModuleInstancePanel, AThrowingRealPanelIsFailedAndLogged) {
    alignkiosk::plugin_host::PluginHost host;
    const fs::path path = kGoodFixtures / "fixture_throwing.so";
    ASSERT_TRUE(host.loadFile(path).loaded);
    std::string error;
    auto instance = host.createModule(moodStep("fixture_throwing"), "en", error);
    ASSERT_NE(instance, nullptr) << error;
    EXPECT_TRUE(instance->hasDashboardPanel());

    testing::internal::CaptureStderr();
    EXPECT_EQ(instance->drawDashboardPanel(moodGroups("fixture_throwing"), kFrame), PanelOutcome::Failed);
    EXPECT_THAT(testing::internal::GetCapturedStderr(),
                testing::HasSubstr("alignkiosk: [plugin " + path.string() +
                                   "] error: draw_panel: fixture_throwing has no panel\n"));
}

// ---- The report extension (ABI 1.4) ---------------------------------------------------------------------------------

struct ReportCalls {
    bool write = true;            // what write_report returns
    bool tooSmallBlock = false;   // also emit a block claiming a size below alignkiosk_report_block_v1
    uint32_t tableSize = sizeof(alignkiosk_report_v1);
    uint32_t groupsSeen = 0;
    alignkiosk_report_v1 table{};
};

ReportCalls& reportCalls(const alignkiosk_module_v1* module) {
    return *static_cast<ReportCalls*>(module->module_data);
}

alignkiosk_module_v1 reportTable(ReportCalls& state) {
    alignkiosk_module_v1 module{};
    module.struct_size = sizeof(alignkiosk_module_v1);
    module.module_data = &state;
    state.table.struct_size = state.tableSize;
    state.table.write_report = [](const alignkiosk_module_v1* self, const alignkiosk_panel_input_v2* input,
                                  const alignkiosk_report_block_sink_v1* sink) {
        ReportCalls& calls = reportCalls(self);
        calls.groupsSeen = input->group_count(input);
        const alignkiosk_aggregate_v2* first = input->group_get(input, 0);
        const char* cells[] = {first ? first->group_label : "none", "cell"};
        alignkiosk_report_block_v1 block{sizeof(alignkiosk_report_block_v1), ALIGNKIOSK_REPORT_TABLE_ROW, "", cells, 2,
                                         false, 0.0, 0.0, "", ""};
        sink->emit(sink->context, &block);
        if (calls.tooSmallBlock) {
            block.struct_size = 8;
            sink->emit(sink->context, &block);
        }
        return calls.write;
    };
    module.get_extension = [](const alignkiosk_module_v1* self, const char* id) -> const void* {
        return std::string_view(id) == ALIGNKIOSK_REPORT_V1_ID ? &reportCalls(self).table : nullptr;
    };
    return module;
}

TEST(ModuleInstanceReport, HandsTheModuleThePanelsInputAndCopiesItsBlocks) {
    ReportCalls state;
    state.tooSmallBlock = true;
    alignkiosk_module_v1 module = reportTable(state);
    ModuleInstance instance(&module, content(), "fake", "1.0.0");
    const AggregateBuffer groups(moodGroups("fake"), "Everyone");
    std::vector<std::vector<std::string>> rows;
    const auto outcome = instance.writeReport(groups, [&](const alignkiosk_report_block_v1& block) {
        rows.emplace_back(block.cells, block.cells + block.cell_count);
    });
    EXPECT_EQ(outcome, alignkiosk::plugin_host::ReportOutcome::Written);
    EXPECT_EQ(state.groupsSeen, 2u);
    // The short block is skipped, never read past its size.
    EXPECT_EQ(rows, (std::vector<std::vector<std::string>>{{"Everyone", "cell"}}));
}

TEST(ModuleInstanceReport, AFalseReturnIsFailedAndNoTableOrAShortOneIsNoReport) {
    const AggregateBuffer groups(moodGroups("fake"), "Everyone");
    const auto ignore = [](const alignkiosk_report_block_v1&) {};
    ReportCalls refusing;
    refusing.write = false;
    alignkiosk_module_v1 module = reportTable(refusing);
    ModuleInstance failing(&module, content(), "fake", "1.0.0");
    EXPECT_EQ(failing.writeReport(groups, ignore), alignkiosk::plugin_host::ReportOutcome::Failed);

    ReportCalls shortTable;
    shortTable.tableSize = sizeof(uint32_t); // does not reach write_report
    alignkiosk_module_v1 shortModule = reportTable(shortTable);
    ModuleInstance shortInstance(&shortModule, content(), "fake", "1.0.0");
    EXPECT_EQ(shortInstance.writeReport(groups, ignore), alignkiosk::plugin_host::ReportOutcome::NoReport);

    ModuleInstance none(nullptr, nullptr, "none", "0.0.0");
    EXPECT_EQ(none.writeReport(groups, ignore), alignkiosk::plugin_host::ReportOutcome::NoReport);
}

TEST(ModuleInstanceReport, OlderFixturePluginsHaveNoReportPages) {
    alignkiosk::plugin_host::PluginHost host;
    for (const char* file : {"fixture_good.so", "fixture_sparse.so", "fixture_abi_1_2.so"})
        ASSERT_TRUE(host.loadFile(kGoodFixtures / file).loaded) << file;
    std::string error;
    // plugin.hpp without hasReport, a C plugin built for ABI 1.0, and one built for 1.2.
    for (const char* id : {"fixture_good", "fixture_sparse", "fixture_abi_1_2"}) {
        auto instance = host.createModule(moodStep(id), "en", error);
        ASSERT_NE(instance, nullptr) << id << ": " << error;
        const AggregateBuffer groups(moodGroups(id), "Everyone");
        int blocks = 0;
        EXPECT_EQ(instance->writeReport(groups, [&](const alignkiosk_report_block_v1&) { ++blocks; }),
                  alignkiosk::plugin_host::ReportOutcome::NoReport)
            << id;
        EXPECT_EQ(blocks, 0) << id;
    }
}

} // namespace

// ---- ABI 1.5: the language extension --------------------------------------------------------------------------------

namespace {

// What the module's set_language was told, and the tables a raw C module might hand out.
struct LanguageCalls {
    std::vector<std::string> told;
    alignkiosk_language_v1 table{sizeof(alignkiosk_language_v1), nullptr};
};
LanguageCalls* languageCalls = nullptr;

alignkiosk_module_v1 languageModule(Calls& state, LanguageCalls& language) {
    languageCalls = &language;
    language.table.set_language = [](alignkiosk_module_v1*, const char* code) {
        languageCalls->told.emplace_back(code);
        return std::string_view(code) == "de";
    };
    alignkiosk_module_v1 module = table(state);
    module.get_extension = [](const alignkiosk_module_v1*, const char* id) -> const void* {
        return std::string_view(id) == ALIGNKIOSK_LANGUAGE_V1_ID ? &languageCalls->table : nullptr;
    };
    return module;
}

} // namespace

TEST(ModuleInstanceAbi14, TellsTheModuleItsLanguageAndHearsWhetherItHasWordsForIt) {
    Calls state;
    LanguageCalls language;
    alignkiosk_module_v1 module = languageModule(state, language);
    ModuleInstance instance(&module, content(), "fake", "1.0.0");
    EXPECT_EQ(instance.setLanguage("de"), std::optional<bool>(true));
    EXPECT_EQ(instance.setLanguage("sv"), std::optional<bool>(false));
    EXPECT_EQ(language.told, (std::vector<std::string>{"de", "sv"}));
}

TEST(ModuleInstanceAbi14, AModuleWithoutTheExtensionOrWithAShortTableIsNeverCalled) {
    Calls state;
    alignkiosk_module_v1 plain = table(state); // no get_extension at all
    {
        ModuleInstance instance(&plain, content(), "fake", "1.0.0");
        EXPECT_EQ(instance.setLanguage("de"), std::nullopt);
    }

    Calls other;
    LanguageCalls language;
    alignkiosk_module_v1 module = languageModule(other, language);
    language.table.struct_size = sizeof(uint32_t); // ends before set_language
    ModuleInstance instance(&module, content(), "fake", "1.0.0");
    EXPECT_EQ(instance.setLanguage("de"), std::nullopt);
    EXPECT_TRUE(language.told.empty());
}

TEST(ModuleInstanceAbi14, AThrowingSetLanguageIsAFailureNotACrash) {
    Calls state;
    LanguageCalls language;
    alignkiosk_module_v1 module = languageModule(state, language);
    language.table.set_language = [](alignkiosk_module_v1*, const char*) -> bool { throw 7; };
    ModuleInstance instance(&module, content(), "fake", "1.0.0");
    EXPECT_EQ(instance.setLanguage("de"), std::nullopt);
}
