// The dashboard's PanelRenderer over real plugins, the fixtures built as modules are and loaded by PluginHost into a
// headless ImGui: a panel drawn and reported as drawn, a module without a panel reported as such with the findings
// its score() draws from every shown group, a module that throws reported as failed, and a stopped module (no
// instance) with neither. What a panel draws is read back from ImGui's text log.
#include "platform/module_panel_renderer.h"

#include "plugin_host/plugin_host.h"
#include "support/headless_imgui.h"
#include "support/mood_step.h"
#include "ui/theme.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace {

namespace core = alignkiosk::core;
using alignkiosk::platform::ModulePanelRenderer;
using alignkiosk::ui::ModuleFinding;
using alignkiosk::ui::PanelOutcome;

const std::filesystem::path kGoodFixtures = std::filesystem::path(ALIGNKIOSK_FIXTURE_PLUGIN_DIR) / "good";

using alignkiosk::test_support::moodStep;

// Everyone (8 answers) and Sales (5): the shown groups, as the anonymity rules left them.
core::ModuleAggregate moodGroups(const core::Step& step) {
    core::ModuleAggregate aggregate;
    aggregate.stepId = step.id;
    aggregate.moduleId = step.moduleId;
    aggregate.groups.push_back({core::kEveryoneGroup, 8, {core::QuestionCounts{"mood", {1, 2, 3}, 6}}});
    aggregate.groups.push_back({"Sales", 5, {core::QuestionCounts{"mood", {0, 0, 5}, 5}}});
    return aggregate;
}

class ModulePanelRendererTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_imgui.addDefaultFont(16.0f);
        ASSERT_TRUE(m_imgui.buildFontAtlas());
        m_host = std::make_unique<alignkiosk::plugin_host::PluginHost>(m_imgui.context());
        for (const char* file : {"fixture_good.so", "fixture_visible_a.so", "fixture_throwing.so"})
            ASSERT_TRUE(m_host->loadFile(kGoodFixtures / file).loaded) << file;
        // One step per case; the last one's module was stopped, so it has no instance.
        m_survey.steps = {moodStep("good", "fixture_good"), moodStep("plain", "fixture_visible_a"),
                          moodStep("throwing", "fixture_throwing"), moodStep("stopped", "fixture_good")};
        for (std::size_t i = 0; i + 1 < m_survey.steps.size(); ++i) {
            std::string error;
            m_modules.push_back(m_host->createModule(m_survey.steps[i], "en", error));
            ASSERT_NE(m_modules.back(), nullptr) << error;
        }
        m_modules.push_back(nullptr);
        for (const core::Step& step : m_survey.steps) m_model.modules.push_back(moodGroups(step));
    }

    void TearDown() override {
        m_modules.clear(); // the modules before their plugins
        m_host.reset();
    }

    // One frame with `step`'s panel drawn in a window; what it logged in `text`.
    PanelOutcome drawn(ModulePanelRenderer& renderer, std::size_t step, std::string& text) {
        ImGui::NewFrame();
        ImGui::Begin("dashboard");
        m_log.start();
        const PanelOutcome outcome = renderer.drawPanel(m_model.modules[step], false);
        text = m_log.finish();
        ImGui::End();
        ImGui::Render();
        return outcome;
    }

    alignkiosk::test_support::HeadlessImGui m_imgui{ImVec2(1280.0f, 800.0f)};
    alignkiosk::test_support::TextLog m_log;
    std::unique_ptr<alignkiosk::plugin_host::PluginHost> m_host;
    core::Survey m_survey;
    std::vector<std::unique_ptr<alignkiosk::plugin_host::ModuleInstance>> m_modules;
    core::DashboardModel m_model;
    alignkiosk::ui::Theme m_theme;
};

TEST_F(ModulePanelRendererTest, EachStepsPanelIsDrawnByItsModuleOrSaidToBeMissing) {
    ModulePanelRenderer renderer(m_survey, m_modules, m_theme);
    renderer.setModel(m_model);
    std::string text;
    // fixture_good writes one line per group and question from the C aggregate the host built: the everyone group
    // under the dashboard's word for it.
    EXPECT_EQ(drawn(renderer, 0, text), PanelOutcome::Drawn);
    EXPECT_NE(text.find("Everyone mood 6 of 8"), std::string::npos) << text;
    EXPECT_NE(text.find("Sales mood 5 of 5"), std::string::npos) << text;
    EXPECT_EQ(drawn(renderer, 1, text), PanelOutcome::NoPanel); // plugin.hpp without hasDashboardPanel
    EXPECT_EQ(text.find("mood"), std::string::npos) << text;
    EXPECT_EQ(drawn(renderer, 2, text), PanelOutcome::Failed); // the panel throws
    EXPECT_EQ(drawn(renderer, 3, text), PanelOutcome::NoPanel); // stopped: no instance
}

TEST_F(ModulePanelRendererTest, FindingsComeFromTheModulesScoreForEveryShownGroup) {
    ModulePanelRenderer renderer(m_survey, m_modules, m_theme);
    renderer.setModel(m_model);
    // fixture_good: one WATCH finding per group and question, its headline naming the group it was handed.
    const std::optional<std::vector<ModuleFinding>> good = renderer.findings(m_model.modules[0]);
    ASSERT_TRUE(good.has_value());
    ASSERT_EQ(good->size(), 2u);
    EXPECT_EQ((*good)[0].group, core::kEveryoneGroup);
    EXPECT_EQ((*good)[0].headline, "Everyone answered mood");
    EXPECT_EQ((*good)[0].questionId, "mood");
    EXPECT_EQ((*good)[0].level, ModuleFinding::Level::Watch);
    EXPECT_FLOAT_EQ((*good)[0].share, 6.0f / 8.0f);
    EXPECT_EQ((*good)[0].action, "look again");
    EXPECT_EQ((*good)[1].group, "Sales");
    EXPECT_EQ((*good)[1].headline, "Sales answered mood");

    // No score() of its own: none, but asked and answered.
    const auto plain = renderer.findings(m_model.modules[1]);
    ASSERT_TRUE(plain.has_value());
    EXPECT_TRUE(plain->empty());
    EXPECT_FALSE(renderer.findings(m_model.modules[2]).has_value()); // score throws
    EXPECT_FALSE(renderer.findings(m_model.modules[3]).has_value()); // stopped
}

TEST_F(ModulePanelRendererTest, OnlyTheCurrentModelsStepsAreDrawn) {
    ModulePanelRenderer renderer(m_survey, m_modules, m_theme);
    std::string text;
    // Before any model there is nothing to hand a module.
    EXPECT_EQ(drawn(renderer, 0, text), PanelOutcome::NoPanel);
    EXPECT_FALSE(renderer.findings(m_model.modules[0]).has_value());

    renderer.setModel(m_model);
    EXPECT_EQ(drawn(renderer, 0, text), PanelOutcome::Drawn);

    // A model in which the step has only everyone: the panel gets exactly that.
    core::DashboardModel fewer = m_model;
    fewer.modules[0].groups.pop_back();
    renderer.setModel(fewer);
    m_model = fewer;
    EXPECT_EQ(drawn(renderer, 0, text), PanelOutcome::Drawn);
    EXPECT_NE(text.find("Everyone mood 6 of 8"), std::string::npos) << text;
    EXPECT_EQ(text.find("Sales"), std::string::npos) << text;
    ASSERT_TRUE(renderer.findings(m_model.modules[0]).has_value());
    EXPECT_EQ(renderer.findings(m_model.modules[0])->size(), 1u);
}

} // namespace
