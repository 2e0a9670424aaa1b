// Shared by the plugin tests: GoogleTest fixtures around one plugin loaded through its C entry. PluginTest loads it
// for command-line use (no ImGui: validation, pages, scoring); ModulePageTest draws a module's pages in a headless
// ImGui, the host's step window, driven by simulated taps.
#pragma once

#include "support/headless_imgui.h"
#include "support/plugin_harness.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace alignkiosk::test_support {

class PluginTest : public ::testing::Test {
protected:
    PluginTest(std::string pluginPath, std::string moduleId)
        : m_pluginPath(std::move(pluginPath)), m_moduleId(std::move(moduleId)) {}

    void SetUp() override { load(nullptr); } // command-line use: no ImGui context
    void TearDown() override;

    // Clears hostLog() and loads the plugin, handing it `imguiContext`; a fatal failure when it does not load.
    void load(void* imguiContext);
    LoadedPlugin& plugin() { return *m_plugin; }

    // Replaces the test's module with one made from `content`, which the fixture keeps alive for it.
    void use(StepContent content);
    ModuleHandle& module() { return *m_module; }
    std::vector<Finding> score(Aggregate& aggregate) { return m_module->score(aggregate.raw()); }

private:
    std::string m_pluginPath;
    std::string m_moduleId;
    std::unique_ptr<LoadedPlugin> m_plugin;
    std::optional<StepContent> m_content;
    std::unique_ptr<ModuleHandle> m_module;
};

class ModulePageTest : public PluginTest {
protected:
    // The display, the kiosk's type sizes and touch target, and whether the host's window has no padding (the shell's
    // module region) or ImGui's default.
    struct Screen {
        ImVec2 display;
        float bodyPixels;
        float headingPixels;
        float minTouchTarget;
        bool flushWindow = false;
    };

    ModulePageTest(std::string pluginPath, std::string moduleId, Screen screen)
        : PluginTest(std::move(pluginPath), std::move(moduleId)), m_screen(screen) {}

    // The headless ImGui with its two fonts, then the plugin loaded with that context. No module yet: call use().
    void SetUp() override;
    void TearDown() override;

    // The host's window for `page`, at the top left; the whole display unless a test's host leaves a module less.
    virtual ImVec2 windowSize(uint32_t page) const;

    // One frame of the host's window with `page` drawn in it (expects the draw to succeed). Returns the vertices
    // rendered; usedHeight() and scrollMax() keep how tall the page was and how far it could scroll.
    int frame(uint32_t page, const alignkiosk_frame_v1* look = nullptr);
    int vertices() const { return m_vertices; }
    float usedHeight() const { return m_usedHeight; }
    float scrollMax() const { return m_scrollMax; }
    const alignkiosk_frame_v1& look() const { return m_look; }

    // A finger down in one frame and up in the next, at `at`.
    virtual void tap(uint32_t page, ImVec2 at);
    // Taps down a vertical line at x, every `step` pixels: every row's target in that column, the same point on each.
    void tapColumn(uint32_t page, float x, float step = 6.0f);
    // Taps down the middle until a text field takes the keyboard.
    bool focusTextField(uint32_t page);
    // Types `text` one character a frame.
    void type(uint32_t page, const std::u32string& text);

private:
    Screen m_screen;
    std::optional<HeadlessImGui> m_imgui;
    alignkiosk_frame_v1 m_look{};
    int m_vertices = 0;
    float m_usedHeight = 0.0f;
    float m_scrollMax = 0.0f;
};

} // namespace alignkiosk::test_support
