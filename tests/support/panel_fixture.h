// Shared by the dashboard-panel tests: a module's panel drawn through the host exactly as the dashboard draws it (the
// real plugin loaded by PluginHost, a hand-built core::ModuleAggregate turned into the C input by the host) in a
// headless ImGui. What the panel says is read back from ImGui's own text log (LogToClipboard into a string).
#pragma once

#include "core/dashboard_model.h"
#include "core/survey_model.h"
#include "plugin_host/module_instance.h"
#include "plugin_host/plugin_host.h"
#include "support/headless_imgui.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace alignkiosk::test_support {

class DashboardPanelTest : public ::testing::Test {
protected:
    static constexpr float kDisplayWidth = 1920.0f;

    // A headless ImGui `displayHeight` tall (tall enough that no row is clipped away: clipped text is not logged),
    // the kiosk's type sizes (24 px body, 32 px headings) and `minTouchTarget`; the plugin at `pluginPath` loaded by a
    // PluginHost and its module made for `step`. Call from SetUp under ASSERT_NO_FATAL_FAILURE.
    void start(const std::string& pluginPath, const core::Step& step, float displayHeight, float minTouchTarget);
    void TearDown() override;

    // One dashboard frame: a window over the display, a child region `width` wide as the host begins it, the panel
    // drawn inside with ImGui's text log on; expects the panel to leave the ID and font stacks as it found them.
    plugin_host::PanelOutcome frame(const core::ModuleAggregate& aggregate, float width, const alignkiosk_frame_v1* look = nullptr);

    // The module's report pages for `aggregate` (the ABI's report extension, through the host), one line per block:
    // "heading: TEXT", "paragraph: TEXT", "row: CELL | CELL", "header: CELL | CELL", "bar: LABEL = VALUE/MAX VALUE_TEXT
    // [SERIES]", "statistic: NAME = VALUE". Sets `outcome`.
    std::string report(const core::ModuleAggregate& aggregate, plugin_host::ReportOutcome& outcome);

    const std::string& logged() const { return m_logged; }
    int vertices() const { return m_vertices; }           // everything the frame rendered
    int panelVertices() const { return m_panelVertices; } // what the panel added to its region's draw list
    plugin_host::ModuleInstance& module() { return *m_module; }

private:
    std::optional<HeadlessImGui> m_imgui;
    float m_displayHeight = 0.0f;
    std::string m_regionName;
    alignkiosk_frame_v1 m_look{};
    std::unique_ptr<plugin_host::PluginHost> m_host;
    std::unique_ptr<plugin_host::ModuleInstance> m_module;
    std::string m_logged;
    int m_vertices = 0;
    int m_panelVertices = 0;
};

// Each of `parts` occurs in `text`, in this order; returns the first one that does not ("" when all do).
std::string firstOutOfOrder(const std::string& text, std::initializer_list<std::string_view> parts);

// How many times `part` occurs in `text`, not overlapping.
size_t occurrences(const std::string& text, std::string_view part);

} // namespace alignkiosk::test_support
