#include "support/panel_fixture.h"

#include "plugin_host/aggregate_buffer.h"

#include "support/plugin_harness.h"

#include <filesystem>

namespace alignkiosk::test_support {

void DashboardPanelTest::start(const std::string& pluginPath, const core::Step& step, float displayHeight,
                               float minTouchTarget) {
    m_displayHeight = displayHeight;
    m_regionName = step.moduleId;
    m_imgui.emplace(ImVec2(kDisplayWidth, displayHeight));
    ImFont* body = m_imgui->addDefaultFont(24.0f);
    ImFont* heading = m_imgui->addDefaultFont(32.0f);
    ASSERT_TRUE(m_imgui->buildFontAtlas());
    ImGuiIO& io = ImGui::GetIO();
    io.ClipboardUserData = &m_logged;
    io.SetClipboardTextFn = [](void* user, const char* text) { *static_cast<std::string*>(user) = text; };
    m_look = hostLook(minTouchTarget, heading, body);

    m_host = std::make_unique<plugin_host::PluginHost>(m_imgui->context());
    const auto& report = m_host->loadFile(std::filesystem::path(pluginPath));
    ASSERT_TRUE(report.loaded) << pluginPath << ": " << report.reason;
    std::string error;
    m_module = m_host->createModule(step, "en", error);
    ASSERT_NE(m_module, nullptr) << error;
}

void DashboardPanelTest::TearDown() {
    m_module.reset(); // the module before its plugin, both before the context they draw into
    m_host.reset();
    m_imgui.reset();
}

std::string DashboardPanelTest::report(const core::ModuleAggregate& aggregate, plugin_host::ReportOutcome& outcome) {
    const plugin_host::AggregateBuffer groups(aggregate, "Everyone");
    std::string lines;
    const auto text = [](const char* value) { return value ? std::string(value) : std::string(); };
    outcome = m_module->writeReport(groups, [&](const alignkiosk_report_block_v1& block) {
        switch (block.kind) {
        case ALIGNKIOSK_REPORT_HEADING: lines += "heading: " + text(block.text); break;
        case ALIGNKIOSK_REPORT_PARAGRAPH: lines += "paragraph: " + text(block.text); break;
        case ALIGNKIOSK_REPORT_TABLE_ROW:
            lines += block.emphasis ? "header: " : "row: ";
            for (uint32_t i = 0; i < block.cell_count; ++i) lines += (i ? " | " : "") + text(block.cells[i]);
            break;
        case ALIGNKIOSK_REPORT_BAR:
            lines += "bar: " + text(block.text) + " = " + std::to_string(block.value) + "/" +
                     std::to_string(block.maximum) + " " + text(block.value_text) + " [" + text(block.series) + "]";
            break;
        case ALIGNKIOSK_REPORT_STATISTIC:
            lines += "statistic: " + text(block.text) + " = " + text(block.value_text);
            break;
        default: lines += "unknown"; break;
        }
        lines += '\n';
    });
    return lines;
}

plugin_host::PanelOutcome DashboardPanelTest::frame(const core::ModuleAggregate& aggregate, float width,
                                                    const alignkiosk_frame_v1* look) {
    m_logged.clear();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(kDisplayWidth, m_displayHeight));
    ImGui::Begin("dashboard", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
    ImGui::BeginChild(m_regionName.c_str(), ImVec2(width, m_displayHeight - 40.0f));
    const ImGuiID idBefore = ImGui::GetID("probe");
    const ImFont* fontBefore = ImGui::GetFont();
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const int panelVerticesBefore = drawList->VtxBuffer.Size;
    ImGui::LogToClipboard();
    const plugin_host::PanelOutcome outcome = m_module->drawDashboardPanel(aggregate, look ? *look : m_look, "Everyone");
    ImGui::LogFinish();
    m_panelVertices = drawList->VtxBuffer.Size - panelVerticesBefore;
    EXPECT_EQ(ImGui::GetID("probe"), idBefore);
    EXPECT_EQ(ImGui::GetFont(), fontBefore);
    ImGui::EndChild();
    ImGui::End();
    ImGui::Render();
    const ImDrawData* data = ImGui::GetDrawData();
    m_vertices = data && data->Valid ? data->TotalVtxCount : 0;
    return outcome;
}

std::string firstOutOfOrder(const std::string& text, std::initializer_list<std::string_view> parts) {
    size_t from = 0;
    for (const std::string_view part : parts) {
        const size_t at = text.find(part, from);
        if (at == std::string::npos) return std::string(part);
        from = at + part.size();
    }
    return {};
}

size_t occurrences(const std::string& text, std::string_view part) {
    size_t count = 0;
    for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++count;
    return count;
}

} // namespace alignkiosk::test_support
