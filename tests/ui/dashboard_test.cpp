// The dashboard headless: a real ImGui context without a window at 1920x1080, a hand-built model (12 items x 5 groups,
// statistics from the real core functions), driven by simulated clicks (press frame, release frame). Writes nothing
// to disk.
#include "ui/dashboard.h"

#include "core/item_statistics.h"
#include "support/headless_imgui.h"
#include "ui/panel_renderer.h"
#include "ui/theme.h"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h> // the context's stacks, to check every frame leaves them balanced

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <numeric>
#include <filesystem>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace {

using alignkiosk::core::DashboardModel;
using alignkiosk::ui::Dashboard;
using alignkiosk::ui::ModuleFinding;
using alignkiosk::ui::PanelOutcome;

constexpr float kWidth = 1920.0f;
constexpr float kHeight = 1080.0f;
const std::vector<std::string> kTeams = {"Sales", "Marketing", "Service", "Leadership"};
const std::vector<std::string> kItemLabels = {
    "Value language",   "Who we serve",     "Promise kept",  "One story",    "Proof points",  "Tone of voice",
    "Focus this year",  "Change we create", "Customer pain", "Why us",       "Where to play", "What we drop"};

// perTeam answers per team for every item: counts from a fixed weight pattern that differs per item and team, so
// means, agreement and gaps differ; the remainder goes to the top point so every team totals exactly perTeam.
DashboardModel syntheticModel(uint64_t perTeam) {
    namespace core = alignkiosk::core;
    DashboardModel model;
    model.surveyId = "diagnostic-signs";
    model.surveyTitle = "An anonymous check: is our message pulling in one direction?";
    model.totalResponses = perTeam * kTeams.size();
    model.hiddenGroups = 1;
    model.shownTeams = kTeams;
    model.groupCounts.push_back({core::kEveryoneGroup, model.totalResponses});
    for (const std::string& team : kTeams) model.groupCounts.push_back({team, perTeam});

    core::ModuleAggregate module{"signs", "diagnostic_signs", {}, {}};
    module.groups.push_back({core::kEveryoneGroup, model.totalResponses, {}});
    for (const std::string& team : kTeams) module.groups.push_back({team, perTeam, {}});

    for (std::size_t i = 0; i < kItemLabels.size(); ++i) {
        core::RatedItem item;
        item.stepId = "signs";
        item.moduleId = "diagnostic_signs";
        item.questionId = "q" + std::to_string(i + 1);
        item.label = kItemLabels[i];
        item.prompt = "How often does this happen: " + kItemLabels[i] + "?";
        item.scaleLabels = {"Never", "Rarely", "Sometimes", "Often", "Almost always"};
        std::vector<uint64_t> everyone(5, 0);
        std::vector<core::GroupItem> teams;
        for (std::size_t t = 0; t < kTeams.size(); ++t) {
            // A peak that moves with item and team, some teams of one mind and some split; planted: on the value
            // language (item 0) Sales and Marketing each agree within, on opposite ends.
            double peak = 1.0 + static_cast<double>((i * 3 + t * 2) % 5);
            double spread = 0.45 + 0.5 * static_cast<double>((i + 2 * t) % 4);
            if (i == 0 && t < 2) {
                peak = t == 0 ? 4.6 : 1.4;
                spread = 0.5;
            }
            std::vector<uint64_t> weights(5);
            for (std::size_t p = 0; p < 5; ++p) {
                const double distance = static_cast<double>(p) - (peak - 1.0);
                const double density = std::exp(-distance * distance / (2.0 * spread * spread));
                weights[p] = 1 + static_cast<uint64_t>(100.0 * density);
            }
            const uint64_t sum = std::accumulate(weights.begin(), weights.end(), uint64_t{0});
            std::vector<uint64_t> counts(5);
            uint64_t given = 0;
            for (std::size_t p = 0; p < 5; ++p) given += counts[p] = perTeam * weights[p] / sum;
            counts[4] += perTeam - given;
            for (std::size_t p = 0; p < 5; ++p) everyone[p] += counts[p];
            core::ScaleDistribution distribution{1, counts};
            teams.push_back({kTeams[t], distribution, core::computeItemStatistics(distribution)});
            module.groups[t + 1].questions.push_back({item.questionId, counts, perTeam});
        }
        core::ScaleDistribution all{1, everyone};
        item.groups.push_back({core::kEveryoneGroup, all, core::computeItemStatistics(all)});
        module.groups[0].questions.push_back({item.questionId, everyone, model.totalResponses});
        for (auto& team : teams) item.groups.push_back(std::move(team));
        model.ratedItems.push_back(std::move(item));
    }
    model.modules.push_back(std::move(module));

    // Lowest everyone-rwg first; gaps between every two teams, largest in SD units first.
    model.lowestAgreement.resize(model.ratedItems.size());
    std::iota(model.lowestAgreement.begin(), model.lowestAgreement.end(), std::size_t{0});
    std::stable_sort(model.lowestAgreement.begin(), model.lowestAgreement.end(), [&](std::size_t a, std::size_t b) {
        return model.ratedItems[a].groups[0].statistics.rwg < model.ratedItems[b].groups[0].statistics.rwg;
    });
    for (std::size_t i = 0; i < model.ratedItems.size(); ++i) {
        const auto& groups = model.ratedItems[i].groups;
        for (std::size_t a = 1; a < groups.size(); ++a)
            for (std::size_t b = a + 1; b < groups.size(); ++b) {
                const auto& high = groups[a].statistics.mean >= groups[b].statistics.mean ? groups[a] : groups[b];
                const auto& low = &high == &groups[a] ? groups[b] : groups[a];
                const double gap = high.statistics.mean - low.statistics.mean;
                const double pooled = std::sqrt((high.statistics.sd * high.statistics.sd +
                                                 low.statistics.sd * low.statistics.sd) / 2.0);
                model.largestGaps.push_back({i, high.group, low.group, gap, pooled > 0.0 ? gap / pooled : 0.0});
            }
    }
    std::stable_sort(model.largestGaps.begin(), model.largestGaps.end(),
                     [](const auto& a, const auto& b) { return a.gapInSd > b.gapInSd; });
    model.largestGaps.resize(10);

    model.texts.push_back({"signs", "open", "Our company exists to ...", core::kEveryoneGroup,
                           {"help small shops sell online", "make buying simple", "save people time"}});
    return model;
}

class DashboardTest : public ::testing::Test {
protected:
    virtual bool withProjectionFonts() const { return false; }

    void SetUp() override {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        io.DisplaySize = ImVec2(kWidth, kHeight);
        io.DeltaTime = 1.0f / 60.0f;
        m_theme = alignkiosk::ui::applyTheme(kHeight / 900.0f, alignkiosk::ui::defaultFontFile());
        if (withProjectionFonts()) alignkiosk::ui::addProjectionFonts(m_theme, alignkiosk::ui::defaultFontFile());
        unsigned char* pixels = nullptr;
        int width = 0;
        int height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
        m_dashboard = std::make_unique<Dashboard>(m_theme);
    }

    void TearDown() override {
        m_dashboard.reset();
        ImGui::DestroyContext();
    }

    // One frame; checks that it left ImGui's stacks balanced and returns how many vertices it drew.
    int frame() {
        ImGui::NewFrame();
        m_dashboard->draw(m_now);
        ImGui::Render();
        m_now += 1.0 / 60.0;
        const ImGuiContext& context = *ImGui::GetCurrentContext();
        EXPECT_EQ(context.ColorStack.Size, 0);
        EXPECT_EQ(context.StyleVarStack.Size, 0);
        EXPECT_EQ(context.FontStack.Size, 0);
        EXPECT_EQ(context.CurrentWindowStack.Size, 0);
        const ImDrawData* data = ImGui::GetDrawData();
        return data && data->Valid ? data->TotalVtxCount : 0;
    }

    void tap(float x, float y) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(x, y);
        frame();
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
        frame();
    }

    alignkiosk::ui::Theme m_theme;
    std::unique_ptr<Dashboard> m_dashboard;
    double m_now = 0.0;
};

class DashboardProjectionFontsTest : public DashboardTest {
protected:
    bool withProjectionFonts() const override { return true; }
};

TEST_F(DashboardTest, DrawsASyntheticModelInEveryView) {
    m_dashboard->setModel(syntheticModel(25));
    EXPECT_TRUE(m_dashboard->emptyExplanation().empty());
    frame(); // tables and groups settle their sizes on the first frame
    EXPECT_GT(frame(), 1000);
    m_dashboard->setView(Dashboard::View::Item);
    ASSERT_TRUE(m_dashboard->selectedItem().has_value()); // the detail view opens on the first item
    EXPECT_EQ(*m_dashboard->selectedItem(), 0u);
    frame();
    EXPECT_GT(frame(), 1000);
    m_dashboard->setView(Dashboard::View::Texts);
    frame();
    EXPECT_GT(frame(), 500);
    // The participant's look is untouched by a dashboard frame, projection or not.
    const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    m_dashboard->setProjection(true);
    frame();
    EXPECT_EQ(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x, background.x);
    EXPECT_EQ(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].z, background.z);
}

TEST_F(DashboardTest, ClickingAHeatmapRowOpensItsDrillDown) {
    m_dashboard->setModel(syntheticModel(25));
    frame();
    // Sweep down the row labels' column; every time a row opens its item, note which and go back to the overview.
    std::vector<std::size_t> opened;
    for (float y = 0.0f; y < kHeight; y += 10.0f) {
        tap(100.0f, y);
        if (m_dashboard->view() != Dashboard::View::Item) continue;
        ASSERT_TRUE(m_dashboard->selectedItem().has_value());
        if (opened.empty() || opened.back() != *m_dashboard->selectedItem())
            opened.push_back(*m_dashboard->selectedItem());
        m_dashboard->setView(Dashboard::View::Overview);
        frame();
    }
    // Every row, top to bottom, each opening its own item.
    std::vector<std::size_t> expected(kItemLabels.size());
    std::iota(expected.begin(), expected.end(), std::size_t{0});
    EXPECT_EQ(opened, expected);
}

TEST_F(DashboardTest, ClickingALowAgreementLineOpensThatItem) {
    DashboardModel model = syntheticModel(25);
    model.lowestAgreement = {7, 2, 5}; // the dashboard shows the model's ranking as it is
    // A display tall enough for the whole overview, so the lists are on screen without scrolling.
    ImGui::GetIO().DisplaySize = ImVec2(kWidth, 2600.0f);
    m_dashboard->setModel(model);
    frame();
    // Sweep down the right-hand column, right of the heatmap: the first line that opens an item is the first line of
    // "lowest agreement".
    bool opened = false;
    for (float y = 0.0f; y < 2600.0f && !opened; y += 10.0f) {
        tap(kWidth - 200.0f, y);
        opened = m_dashboard->view() == Dashboard::View::Item;
    }
    ASSERT_TRUE(opened) << "no line of the lists opened an item";
    ASSERT_TRUE(m_dashboard->selectedItem().has_value());
    EXPECT_EQ(*m_dashboard->selectedItem(), 7u);
}

TEST_F(DashboardTest, ProjectionModeEnlargesTheTypeByScalingTheFonts) {
    m_dashboard->setModel(syntheticModel(25));
    frame();
    const float normal = m_dashboard->bodyTextSize();
    EXPECT_FLOAT_EQ(normal, 24.0f * kHeight / 900.0f);
    m_dashboard->setProjection(true);
    EXPECT_TRUE(m_dashboard->projection());
    frame();
    EXPECT_NEAR(m_dashboard->bodyTextSize(), normal * m_theme.projectionTypeScale, 0.01f);
    m_dashboard->setProjection(false);
    frame();
    EXPECT_FLOAT_EQ(m_dashboard->bodyTextSize(), normal); // the window's scale is reset, not left behind
}

TEST_F(DashboardProjectionFontsTest, ProjectionModeUsesItsOwnLargerFonts) {
    m_dashboard->setModel(syntheticModel(25));
    frame();
    const float normal = m_dashboard->bodyTextSize();
    m_dashboard->setProjection(true);
    frame();
    EXPECT_FLOAT_EQ(m_dashboard->bodyTextSize(), m_theme.projectionBody->FontSize); // crisp: no window scaling
    EXPECT_NEAR(m_dashboard->bodyTextSize(), normal * m_theme.projectionTypeScale, 0.01f);
}

TEST_F(DashboardTest, TheProjectionAndExportButtonsWork) {
    m_dashboard->setModel(syntheticModel(25));
    int exports = 0;
    m_dashboard->onExport = [&exports] {
        ++exports;
        return std::string("Saved summary.csv and 14 pictures");
    };
    frame();
    // Both buttons sit at the header's right end: sweep that corner. Each tap presses at most one of them, once.
    int projectionToggles = 0;
    for (float y = 0.0f; y < 260.0f; y += 16.0f)
        for (float x = kWidth - 40.0f; x > kWidth - 700.0f; x -= 40.0f) {
            const bool before = m_dashboard->projection();
            const int exportsBefore = exports;
            tap(x, y);
            const bool toggled = m_dashboard->projection() != before;
            projectionToggles += toggled ? 1 : 0;
            EXPECT_LE(exports - exportsBefore, toggled ? 0 : 1) << "at " << x << "," << y;
        }
    EXPECT_GT(projectionToggles, 0);
    EXPECT_GT(exports, 0);
    EXPECT_EQ(m_dashboard->exportMessage(), "Saved summary.csv and 14 pictures");

    // Without a callback the button does nothing.
    m_dashboard->onExport = nullptr;
    const int before = exports;
    for (float y = 0.0f; y < 260.0f; y += 16.0f) tap(kWidth - 80.0f, y);
    EXPECT_EQ(exports, before);
}

TEST_F(DashboardTest, AnEmptyModelExplainsWhyThereIsNothingToSee) {
    EXPECT_FALSE(m_dashboard->emptyExplanation().empty()); // before any model
    m_dashboard->setModel(DashboardModel{});
    EXPECT_NE(m_dashboard->emptyExplanation().find("No answers yet"), std::string::npos);
    EXPECT_GT(frame(), 100);

    // Answers from three teams, each below k: the dashboard says so without naming or sizing them.
    DashboardModel waiting;
    waiting.hiddenGroups = 3;
    m_dashboard->setModel(waiting);
    const std::string& explanation = m_dashboard->emptyExplanation();
    EXPECT_NE(explanation.find("no group has reached 5 answers"), std::string::npos) << explanation;
    for (const std::string& team : kTeams) EXPECT_EQ(explanation.find(team), std::string::npos);
    EXPECT_GT(frame(), 100);

    m_dashboard->setModel(syntheticModel(25));
    EXPECT_TRUE(m_dashboard->emptyExplanation().empty());
}

TEST_F(DashboardTest, AMillionResponsesDrawLikeAHundred) {
    // The model holds counts, not rows: its shape is the same whatever the number of answers...
    const DashboardModel small = syntheticModel(25);     // 100 responses
    const DashboardModel large = syntheticModel(250000); // 1,000,000 responses
    EXPECT_EQ(large.totalResponses, 1000000u);
    ASSERT_EQ(small.ratedItems.size(), large.ratedItems.size());
    for (std::size_t i = 0; i < small.ratedItems.size(); ++i) {
        ASSERT_EQ(small.ratedItems[i].groups.size(), large.ratedItems[i].groups.size());
        for (std::size_t g = 0; g < small.ratedItems[i].groups.size(); ++g) {
            EXPECT_EQ(large.ratedItems[i].groups[g].distribution.counts.size(), 5u); // one count per scale point
            EXPECT_EQ(small.ratedItems[i].groups[g].distribution.counts.size(), 5u);
        }
    }
    ASSERT_EQ(small.modules.size(), large.modules.size());
    for (std::size_t g = 0; g < small.modules[0].groups.size(); ++g)
        for (std::size_t q = 0; q < small.modules[0].groups[g].questions.size(); ++q)
            EXPECT_EQ(large.modules[0].groups[g].questions[q].counts.size(),
                      small.modules[0].groups[g].questions[q].counts.size());

    // ...and so is a frame: the same draw calls, give or take the digits of the bigger numbers.
    m_dashboard->setModel(small);
    frame();
    const int smallVertices = frame();
    m_dashboard->setModel(large);
    frame();
    const int largeVertices = frame();
    EXPECT_NEAR(static_cast<double>(largeVertices), static_cast<double>(smallVertices), smallVertices * 0.1);
}

TEST_F(DashboardTest, ANewModelKeepsTheSelectedItem) {
    m_dashboard->setModel(syntheticModel(25));
    m_dashboard->selectItem(3);
    EXPECT_EQ(m_dashboard->view(), Dashboard::View::Item);
    frame();
    m_dashboard->setModel(syntheticModel(40)); // new answers arrived
    ASSERT_TRUE(m_dashboard->selectedItem().has_value());
    EXPECT_EQ(*m_dashboard->selectedItem(), 3u);
    EXPECT_EQ(m_dashboard->view(), Dashboard::View::Item);
    frame();

    DashboardModel fewer = syntheticModel(40);
    fewer.ratedItems.erase(fewer.ratedItems.begin() + 3); // the item is gone (say, held back)
    fewer.lowestAgreement.clear();
    fewer.largestGaps.clear();
    m_dashboard->setModel(fewer);
    EXPECT_FALSE(m_dashboard->selectedItem().has_value());
    frame(); // the detail view falls back to the first item
    ASSERT_TRUE(m_dashboard->selectedItem().has_value());
    EXPECT_EQ(*m_dashboard->selectedItem(), 0u);
    m_dashboard->selectItem(99); // out of range: ignored
    EXPECT_EQ(*m_dashboard->selectedItem(), 0u);
}

// A PanelRenderer standing in for the platform's: draws one line for a panel when `outcome` is Drawn, gives
// `answer` as the findings, and keeps what it was asked.
class FakePanels final : public alignkiosk::ui::PanelRenderer {
public:
    PanelOutcome outcome = PanelOutcome::Drawn;
    std::optional<std::vector<ModuleFinding>> answer = std::vector<ModuleFinding>{};

    std::vector<std::size_t> models; // the number of module aggregates of each model handed over
    std::vector<std::string> drawnSteps;
    std::vector<bool> projections;
    // Where the last panel's region began (screen x) and how wide it was, and the content edges of the window it was
    // drawn in (screen x).
    float left = 0.0f;
    float available = 0.0f;
    float windowLeft = 0.0f;
    float windowRight = 0.0f;
    int findingsAsked = 0;

    void setModel(const DashboardModel& model) override { models.push_back(model.modules.size()); }
    PanelOutcome drawPanel(const alignkiosk::core::ModuleAggregate& aggregate, bool projection) override {
        drawnSteps.push_back(aggregate.stepId);
        projections.push_back(projection);
        left = ImGui::GetCursorScreenPos().x;
        available = ImGui::GetContentRegionAvail().x;
        windowLeft = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMin().x;
        windowRight = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
        if (outcome == PanelOutcome::Drawn) ImGui::Text("The %s panel", aggregate.moduleId.c_str());
        return outcome;
    }
    std::optional<std::vector<ModuleFinding>> findings(const alignkiosk::core::ModuleAggregate&) override {
        ++findingsAsked;
        return answer;
    }
};

// The overview on a display tall enough to show all of it (the module's card included: clipped text is not logged),
// its text logged.
class DashboardPanelsTest : public DashboardTest {
protected:
    void SetUp() override {
        DashboardTest::SetUp();
        ImGui::GetIO().DisplaySize = ImVec2(kWidth, 4000.0f);
    }

    const std::string& loggedFrame() {
        ImGui::NewFrame();
        m_log.start();
        m_dashboard->draw(m_now);
        m_log.finish();
        ImGui::Render();
        m_now += 1.0 / 60.0;
        EXPECT_EQ(ImGui::GetCurrentContext()->CurrentWindowStack.Size, 0);
        EXPECT_EQ(ImGui::GetCurrentContext()->ColorStack.Size, 0);
        EXPECT_EQ(ImGui::GetCurrentContext()->StyleVarStack.Size, 0);
        return m_log.text();
    }

    static bool contains(const std::string& text, const std::string& part) {
        return text.find(part) != std::string::npos;
    }
    // Each of `parts` occurs in `text`, in this order.
    static bool inOrder(const std::string& text, std::initializer_list<std::string> parts) {
        std::size_t from = 0;
        for (const std::string& part : parts) {
            const std::size_t at = text.find(part, from);
            if (at == std::string::npos) return false;
            from = at + part.size();
        }
        return true;
    }

    FakePanels m_panels;
    alignkiosk::test_support::TextLog m_log;
};

std::vector<ModuleFinding> twoGroupsFindings() {
    return {{alignkiosk::core::kEveryoneGroup, "q1", ModuleFinding::Level::Widespread, 0.6f,
             "Value language \xE2\x80\x94 60% say it differs", "Ask each team for its one sentence"},
            {alignkiosk::core::kEveryoneGroup, "q2", ModuleFinding::Level::Info, 0.1f, "Tone of voice holds", ""},
            {"Sales", "q1", ModuleFinding::Level::Watch, 0.3f, "Sales: proof points are missing", "Collect three"}};
}

TEST_F(DashboardPanelsTest, TheRendererGetsEveryModelAndDrawsEachPanelInsideItsCard) {
    m_dashboard->setPanelRenderer(&m_panels);
    ASSERT_EQ(m_panels.models.size(), 1u); // the current (empty) model at once
    m_dashboard->setModel(syntheticModel(25));
    ASSERT_EQ(m_panels.models.size(), 2u); // each new model before it is drawn
    EXPECT_EQ(m_panels.models.back(), 1u);

    loggedFrame();
    const std::string& text = loggedFrame();
    EXPECT_EQ(m_panels.drawnSteps.back(), "signs");
    EXPECT_FALSE(m_panels.projections.back());
    EXPECT_TRUE(inOrder(text, {"What each module found", "The diagnostic_signs panel"})) << text;
    // A drawn panel is all the card shows: no counts, and its findings are never asked for.
    EXPECT_FALSE(contains(text, "Responses:")) << text;
    EXPECT_EQ(m_panels.findingsAsked, 0);

    // The panel's region is the card's inside: narrower than the window by the same margin on either side (give or
    // take the whole pixels ImGui puts the cursor on), so a panel that fills what ImGui says is available stays
    // inside its card.
    const float leftMargin = m_panels.left - m_panels.windowLeft;
    const float rightMargin = m_panels.windowRight - (m_panels.left + m_panels.available);
    EXPECT_GT(m_panels.available, kWidth * 0.8f);
    EXPECT_GT(leftMargin, 0.0f);
    EXPECT_NEAR(leftMargin, rightMargin, 2.0f);

    m_dashboard->setProjection(true);
    loggedFrame();
    EXPECT_TRUE(m_panels.projections.back());
}

TEST_F(DashboardPanelsTest, AModuleWithoutAPanelShowsItsFindingsGroupByGroup) {
    m_panels.outcome = PanelOutcome::NoPanel;
    m_panels.answer = twoGroupsFindings();
    m_dashboard->setPanelRenderer(&m_panels);
    m_dashboard->setModel(syntheticModel(25));

    const std::string& text = loggedFrame();
    EXPECT_TRUE(inOrder(text, {"What each module found", "Responses: Everyone 100", "Everyone", "Widespread",
                               "Value language \xE2\x80\x94 60% say it differs", "Ask each team for its one sentence",
                               "Info", "Tone of voice holds", "Sales", "Watch", "Sales: proof points are missing",
                               "Collect three"}))
        << text;
    EXPECT_FALSE(contains(text, "The diagnostic_signs panel"));
    EXPECT_FALSE(contains(text, "could not be drawn"));

    // Asked once per model, not every frame.
    loggedFrame();
    loggedFrame();
    EXPECT_EQ(m_panels.findingsAsked, 1);
    m_panels.answer = std::vector<ModuleFinding>{
        {"Marketing", "q3", ModuleFinding::Level::Watch, 0.4f, "Marketing: the promise is not kept", ""}};
    m_dashboard->setModel(syntheticModel(30));
    const std::string& next = loggedFrame();
    EXPECT_EQ(m_panels.findingsAsked, 2);
    EXPECT_TRUE(inOrder(next, {"Marketing", "Watch", "Marketing: the promise is not kept"})) << next;
    EXPECT_FALSE(contains(next, "Tone of voice holds")) << "the last model's findings are gone";
}

TEST_F(DashboardPanelsTest, AFailedPanelSaysSoAndShowsTheFindingsInstead) {
    m_panels.outcome = PanelOutcome::Failed;
    m_panels.answer = twoGroupsFindings();
    m_dashboard->setPanelRenderer(&m_panels);
    m_dashboard->setModel(syntheticModel(25));
    const std::string& text = loggedFrame();
    EXPECT_TRUE(inOrder(text, {"This module's panel could not be drawn.", "Responses:", "Widespread",
                               "Value language"}))
        << text;
}

TEST_F(DashboardPanelsTest, FindingsThatCannotBeHadOrThatAreNoneAreSaidSo) {
    m_panels.outcome = PanelOutcome::NoPanel;
    m_panels.answer = std::nullopt; // the module failed to score, or is not loaded
    m_dashboard->setPanelRenderer(&m_panels);
    m_dashboard->setModel(syntheticModel(25));
    std::string text = loggedFrame();
    EXPECT_TRUE(inOrder(text, {"Responses:", "This module's findings are not available."})) << text;

    m_panels.answer = std::vector<ModuleFinding>{};
    m_dashboard->setModel(syntheticModel(25));
    text = loggedFrame();
    EXPECT_TRUE(inOrder(text, {"Responses:", "This module points out nothing in the groups shown."})) << text;
}

TEST_F(DashboardPanelsTest, WithoutARendererEachModuleShowsItsCounts) {
    m_dashboard->setModel(syntheticModel(25));
    const std::string& text = loggedFrame();
    EXPECT_TRUE(inOrder(text, {"What each module found", "Responses: Everyone 100"})) << text;
    EXPECT_FALSE(contains(text, "not available")) << text;
    EXPECT_FALSE(contains(text, "points out nothing")) << text;
}

// The dashboard's words, logged from a whole frame.
using DashboardWordsTest = DashboardPanelsTest;

TEST_F(DashboardWordsTest, WhileTheStoreIsReadTheProgressShowsInsteadOfNoAnswers) {
    m_dashboard->setLoadProgress(0.25f, 400000);
    const std::string& text = loggedFrame();
    EXPECT_TRUE(contains(text, "Reading the answers")) << text;
    EXPECT_TRUE(contains(text, "100,000 of 400,000 stored answers")) << text; // grouped as English writes it
    EXPECT_FALSE(contains(text, "No answers yet")) << text;

    m_dashboard->setLoadProgress(std::nullopt);
    const std::string& done = loggedFrame();
    EXPECT_FALSE(contains(done, "Reading the answers")) << done;
}

TEST_F(DashboardWordsTest, TheHeaderSaysHowManyNewAnswersWaitForTheirBatch) {
    m_dashboard->setModel(syntheticModel(25));
    m_dashboard->setWaiting(3, 10);
    EXPECT_TRUE(contains(loggedFrame(), "3 people wait for a batch of 10")) << m_log.text();
    m_dashboard->setWaiting(1, 10);
    EXPECT_TRUE(contains(loggedFrame(), "1 person waits")) << m_log.text();
    m_dashboard->setWaiting(0, 10);
    EXPECT_FALSE(contains(loggedFrame(), "wait")) << m_log.text();
}

TEST_F(DashboardWordsTest, ACollectionShowsItsJoinCodeAndTheLineToTypeAboveTheTabs) {
    m_dashboard->setModel(syntheticModel(25));
    EXPECT_FALSE(contains(loggedFrame(), "K7Q-2MX")) << m_log.text();
    m_dashboard->setJoinInfo("K7Q-2MX", "On a laptop: alignkiosk run --join 192.168.1.20:47474/K7Q-2MX");
    const std::string& text = loggedFrame();
    const std::size_t code = text.find("K7Q-2MX");
    ASSERT_NE(code, std::string::npos) << text;
    EXPECT_TRUE(contains(text, "alignkiosk run --join 192.168.1.20:47474/K7Q-2MX")) << text;
    EXPECT_LT(code, text.find("Team alignment")) << text; // the band comes before the header and its tabs
    m_dashboard->setJoinInfo("", "");
    EXPECT_FALSE(contains(loggedFrame(), "K7Q-2MX")) << m_log.text();
}


// How often `part` occurs in `text`.
std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++count;
    return count;
}

TEST_F(DashboardWordsTest, WhereWeDisagreeMostNamesEachItemOnceAndInFullAt1280Pixels) {
    ImGui::GetIO().DisplaySize = ImVec2(1280.0f, 4000.0f);
    DashboardModel model = syntheticModel(25);
    for (auto& item : model.ratedItems) item.label = "Understanding what " + item.label + " means to each team";
    m_dashboard->setModel(model);
    loggedFrame(); // groups settle their sizes on the first frame
    const std::string& text = loggedFrame();
    const std::size_t from = text.find("Largest gaps between teams");
    ASSERT_NE(from, std::string::npos) << text;
    const std::string gaps = text.substr(from, text.find("Gaps in points", from) - from);
    std::size_t listed = 0;
    for (const std::string& label : kItemLabels) {
        const std::size_t count = occurrences(gaps, "Understanding what " + label + " means to each team");
        EXPECT_LE(count, 1u) << label << "\n" << gaps;
        listed += count;
    }
    EXPECT_GE(listed, 2u) << gaps; // the model's ten gaps span more than one item
    EXPECT_TRUE(contains(gaps, " vs ")) << gaps;
    EXPECT_TRUE(contains(gaps, " SD)")) << gaps; // the detail in full, its end included
    EXPECT_FALSE(contains(gaps, "\xE2\x80\xA6")) << gaps; // nothing ellipsized
    const std::size_t lowest = text.find("Lowest agreement");
    ASSERT_NE(lowest, std::string::npos);
    EXPECT_FALSE(contains(text.substr(lowest, from - lowest), "\xE2\x80\xA6")) << text.substr(lowest, from - lowest);
}

TEST_F(DashboardWordsTest, HiddenTeamsAreSaidToBeHiddenForTheirTrueReason) {
    DashboardModel bySize = syntheticModel(25);
    bySize.hiddenGroups = 1;
    bySize.hiddenByGuard = 0;
    m_dashboard->setModel(bySize);
    EXPECT_TRUE(contains(loggedFrame(), "1 team hidden: fewer than 5 answers")) << m_log.text();

    DashboardModel byGuard = syntheticModel(25);
    byGuard.hiddenGroups = 1;
    byGuard.hiddenByGuard = 1;
    m_dashboard->setModel(byGuard);
    const std::string& guard = loggedFrame();
    EXPECT_TRUE(contains(guard, "1 team hidden so that a smaller group's answers cannot be worked out by subtraction"))
        << guard;
    EXPECT_FALSE(contains(guard, "fewer than 5 answers")) << guard;

    DashboardModel both = syntheticModel(25);
    both.hiddenGroups = 3;
    both.hiddenByGuard = 1;
    m_dashboard->setModel(both);
    EXPECT_TRUE(contains(loggedFrame(), "3 teams hidden: 2 with fewer than 5 answers, 1 so that a smaller group"))
        << m_log.text();
}

TEST_F(DashboardWordsTest, ASurveyWithoutRatedItemsSaysSoInsteadOfWaitingForAnswers) {
    DashboardModel model = syntheticModel(25);
    model.ratedItems.clear();
    model.lowestAgreement.clear();
    model.largestGaps.clear();
    m_dashboard->setModel(model);
    const std::string& text = loggedFrame();
    EXPECT_FALSE(contains(text, "Shown once everyone's answers can be shown")) << text;
    EXPECT_FALSE(contains(text, "Shown once two teams can be shown")) << text;
    EXPECT_EQ(occurrences(text, "This survey has no rated questions."), 3u) << text; // heatmap, and both lists
}

TEST_F(DashboardWordsTest, AnExportsLongFolderIsShownInFull) {
    ImGui::GetIO().DisplaySize = ImVec2(1280.0f, 4000.0f);
    m_dashboard->setModel(syntheticModel(25));
    const std::string folder =
        "/home/facilitator/.local/share/alignkiosk/exports/alignkiosk-export-2026-12-06T23-41-07/";
    m_dashboard->onExport = [&] { return "Saved summary.csv and 14 pictures to " + folder; };
    frame();
    // The Export button is the header's rightmost: tap down that edge until it is pressed.
    for (float y = 0.0f; y < 260.0f && m_dashboard->exportMessage().empty(); y += 16.0f) tap(1280.0f - 60.0f, y);
    ASSERT_FALSE(m_dashboard->exportMessage().empty());
    const std::string& text = loggedFrame();
    EXPECT_TRUE(contains(text, folder)) << text;
}

// Picture mode, as the exports draw each screen: the logged words of a frame and the windows ImGui drew.
class DashboardPictureTest : public DashboardPanelsTest {
protected:
    // Whether any window ImGui drew in the last frame shows a scroll bar.
    static bool anyScrollbar() {
        for (const ImGuiWindow* window : ImGui::GetCurrentContext()->Windows)
            if (window->Active && (window->ScrollbarX || window->ScrollbarY)) return true;
        return false;
    }
    // The words only the screen's chrome says: tabs, buttons, the item picker and the join band.
    static std::vector<std::string> chromeIn(const std::string& text) {
        std::vector<std::string> found;
        for (const char* word : {"Overview", "Item detail", "Projection", "Report", "Export", "Back to the kiosk",
                                 "Previous", "Next", "1 of 12:", "Show all", "K7Q-2MX"})
            if (contains(text, word)) found.emplace_back(word);
        return found;
    }

    // The lowest point of anything the last frame drew (run without a text log: logging draws clipped items too).
    static float lowestDrawn() {
        float lowest = 0.0f;
        const ImDrawData* data = ImGui::GetDrawData();
        for (int l = 0; l < data->CmdListsCount; ++l)
            for (const ImDrawVert& vertex : data->CmdLists[l]->VtxBuffer) lowest = std::max(lowest, vertex.pos.y);
        return lowest;
    }

    // A model whose open answers are more than the screen shows before "Show all".
    static DashboardModel withManyAnswers() {
        static const std::vector<std::string> answers = [] { // the model's answers are views: kept for the test run
            std::vector<std::string> texts;
            for (int i = 1; i <= 70; ++i) texts.push_back("answer number " + std::to_string(i));
            return texts;
        }();
        DashboardModel model = syntheticModel(25);
        model.texts.front().answers.assign(answers.begin(), answers.end());
        return model;
    }

    void setUpScreen() {
        m_dashboard->setModel(withManyAnswers());
        m_dashboard->onExport = [] { return std::string("Saved"); };
        m_dashboard->onReport = [] { return std::string("Saved"); };
        m_dashboard->onClose = [] {};
        m_dashboard->setJoinInfo("K7Q-2MX", "On a laptop: alignkiosk run --join 192.168.1.20:47474/K7Q-2MX");
    }
};

TEST_F(DashboardPictureTest, DrawsEveryViewWithoutButtonsTabsOrScrollBars) {
    setUpScreen();
    ImGui::GetIO().DisplaySize = ImVec2(kWidth, kHeight); // shorter than the overview: the screen scrolls
    // On the screen, the chrome is there (so the checks below can fail).
    m_dashboard->selectItem(0);
    loggedFrame();
    EXPECT_EQ(chromeIn(loggedFrame()).size(), 10u) << m_log.text(); // all but Show all, in the open answers
    m_dashboard->setView(Dashboard::View::Overview);
    loggedFrame();
    loggedFrame();
    EXPECT_TRUE(anyScrollbar());

    m_dashboard->setPictureMode(true);
    EXPECT_TRUE(m_dashboard->pictureMode());
    for (const Dashboard::View view : {Dashboard::View::Overview, Dashboard::View::Item, Dashboard::View::Texts}) {
        m_dashboard->setView(view);
        loggedFrame();
        const std::string& text = loggedFrame();
        EXPECT_TRUE(contains(text, "Team alignment")) << text; // the title line says what the picture is
        EXPECT_TRUE(contains(text, "is our message pulling in one direction")) << text;
        EXPECT_EQ(chromeIn(text), std::vector<std::string>{}) << text;
        EXPECT_FALSE(anyScrollbar());
    }
}

TEST_F(DashboardPictureTest, TheContentHeightIsTheWholeViewWhateverTheDisplay) {
    setUpScreen();
    m_dashboard->setPictureMode(true);
    auto heightOn = [&](float displayHeight) {
        ImGui::GetIO().DisplaySize = ImVec2(kWidth, displayHeight);
        for (int i = 0; i < 3; ++i) frame();
        return m_dashboard->contentHeight();
    };
    const float overview = heightOn(kHeight);
    EXPECT_GT(overview, kHeight); // 12 items x 5 groups, the lists and a module's card: more than one screen
    EXPECT_FLOAT_EQ(heightOn(6000.0f), overview);
    // Everything drawn (the module's card beneath the rest included) ends just above that height: a picture that tall
    // cuts nothing off and has no empty tail.
    frame();
    EXPECT_LE(lowestDrawn(), overview);
    EXPECT_GT(lowestDrawn(), overview - 60.0f);

    m_dashboard->selectItem(3);
    const float item = heightOn(kHeight);
    EXPECT_GT(item, 300.0f);
    EXPECT_LT(item, overview);
    heightOn(6000.0f);
    EXPECT_LE(lowestDrawn(), item);
    EXPECT_GT(lowestDrawn(), item - 60.0f);
    m_dashboard->setView(Dashboard::View::Texts);
    const float texts = heightOn(6000.0f);
    EXPECT_GT(texts, 70.0f * m_dashboard->bodyTextSize()); // all 70 answers, one line each
    EXPECT_LE(lowestDrawn(), texts);
    EXPECT_GT(lowestDrawn(), texts - 60.0f);
}

TEST_F(DashboardPictureTest, ThePictureShowsEveryOpenAnswerWhereTheScreenOffersShowAll) {
    setUpScreen();
    m_dashboard->setView(Dashboard::View::Texts);
    loggedFrame();
    const std::string& screen = loggedFrame();
    EXPECT_TRUE(contains(screen, "Show all 70")) << screen;
    EXPECT_TRUE(contains(screen, "answer number 60")) << screen;
    EXPECT_FALSE(contains(screen, "answer number 61")) << screen;

    m_dashboard->setPictureMode(true);
    ImGui::GetIO().DisplaySize = ImVec2(kWidth, 8000.0f);
    loggedFrame();
    const std::string& picture = loggedFrame();
    EXPECT_TRUE(contains(picture, "answer number 70")) << picture;
    EXPECT_FALSE(contains(picture, "Show all")) << picture;
}

TEST_F(DashboardPictureTest, LeavingPictureModeGivesBackTheViewAndTheSelection) {
    setUpScreen();
    m_dashboard->selectItem(4);
    m_dashboard->setView(Dashboard::View::Texts);
    m_dashboard->setPictureMode(true);
    m_dashboard->selectItem(9);
    loggedFrame();
    m_dashboard->setView(Dashboard::View::Overview);
    loggedFrame();
    m_dashboard->setPictureMode(false);
    EXPECT_FALSE(m_dashboard->pictureMode());
    EXPECT_EQ(m_dashboard->view(), Dashboard::View::Texts);
    ASSERT_TRUE(m_dashboard->selectedItem().has_value());
    EXPECT_EQ(*m_dashboard->selectedItem(), 4u);
    EXPECT_FALSE(chromeIn(loggedFrame()).empty()); // the screen's buttons are back
}

} // namespace

// The dashboard in the survey's language: its words from the German catalog, its numbers as German writes them.
TEST_F(DashboardWordsTest, AGermanSurveysDashboardSpeaksGermanAndWritesGermanNumbers) {
    std::string warning;
    auto german = alignkiosk::core::Messages::load(std::filesystem::path(ALIGNKIOSK_SOURCE_DIR) / "assets", "de",
                                                   warning);
    ASSERT_TRUE(warning.empty()) << warning;
    m_dashboard = std::make_unique<Dashboard>(m_theme, std::move(german));
    DashboardModel model = syntheticModel(25);
    model.hiddenGroups = 1;
    model.hiddenByGuard = 0;
    m_dashboard->setModel(model);
    const std::string& text = loggedFrame();
    for (const char* words : {"Team-Ausrichtung", "Überblick", "Ausrichtung nach Frage und Gruppe",
                              "Antworten pro Gruppe", "Wo wir am wenigsten übereinstimmen",
                              "1 Team ausgeblendet: weniger als 5 Antworten", "Alle"})
        EXPECT_TRUE(contains(text, words)) << words << "\n" << text;
    for (const char* english : {"Team alignment", "Overview", "Responses per group", "Everyone", "team hidden"})
        EXPECT_FALSE(contains(text, english)) << english << "\n" << text;

    m_dashboard->setView(Dashboard::View::Item);
    const std::string& item = loggedFrame();
    EXPECT_TRUE(contains(item, "Mittelwert")) << item;
    // A mean with two decimals, written with a decimal comma ("3,40"), and none with a decimal point.
    EXPECT_TRUE(std::regex_search(item, std::regex("\\b[1-5],[0-9][0-9]\\b"))) << item;
    EXPECT_FALSE(std::regex_search(item, std::regex("\\b[1-5]\\.[0-9][0-9]\\b"))) << item;
}
