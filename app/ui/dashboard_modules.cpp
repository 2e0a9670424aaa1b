// Each module's own panel: the dashboard draws the frame and the title, the module (through the platform's
// drawModulePanel hook) draws inside from the aggregate the host computed. A module that draws nothing, or no hook,
// leaves the aggregate's response counts.
#include "dashboard.h"

#include "ui/widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <exception>

namespace alignkiosk::ui {

void Dashboard::drawModules(const Look& look, float width) {
    if (m_model->modules.empty()) return;
    const float scale = m_theme.scale;
    const float pad = 24.0f * scale;
    ImGui::Dummy(ImVec2(0.0f, 12.0f * scale));
    sectionTitle(look, "What each module found", width);

    // The panels' backgrounds go beneath the body (into the main window's list, drawn first), clipped to the body,
    // so the module can draw anything, even split channels of its own, on top.
    const ImVec2 bodyMin = ImGui::GetWindowPos();
    const ImVec2 bodyMax(bodyMin.x + ImGui::GetWindowSize().x, bodyMin.y + ImGui::GetWindowSize().y);
    for (std::size_t i = 0; i < m_model->modules.size(); ++i) {
        const core::ModuleAggregate& module = m_model->modules[i];
        const ImVec2 top = ImGui::GetCursorScreenPos();
        ImGui::PushID(static_cast<int>(i));
        ImGui::Dummy(ImVec2(0.0f, pad * 0.5f));
        ImGui::Indent(pad);
        wrapped(m_moduleTitles[i], width - 2.0f * pad, look.heading, look.palette.text);

        bool drawn = false;
        bool failed = false;
        if (drawModulePanel) {
            ImDrawList* drawList = ImGui::GetWindowDrawList();
            const int verticesBefore = drawList->VtxBuffer.Size;
            const ImVec2 cursorBefore = ImGui::GetCursorScreenPos();
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2.0f * pad);
            // The panel ends at its box's right edge: narrow the window's content and work rectangles for the call,
            // so GetContentRegionAvail() and tables measure the box, not the window (as a child region would).
            ImGuiWindow* window = ImGui::GetCurrentWindow();
            const float right = cursorBefore.x + width - 2.0f * pad;
            const float workRight = window->WorkRect.Max.x;
            const float contentRight = window->ContentRegionRect.Max.x;
            window->WorkRect.Max.x = std::min(workRight, right);
            window->ContentRegionRect.Max.x = std::min(contentRight, right);
            try {
                drawModulePanel(module, width - 2.0f * pad);
            } catch (const std::exception&) {
                failed = true; // the platform's hook should not throw; the counts below still tell something
            }
            window->WorkRect.Max.x = workRight;
            window->ContentRegionRect.Max.x = contentRight;
            ImGui::PopTextWrapPos();
            const ImVec2 cursorAfter = ImGui::GetCursorScreenPos();
            drawn = !failed && (drawList->VtxBuffer.Size != verticesBefore || cursorAfter.x != cursorBefore.x ||
                                cursorAfter.y != cursorBefore.y);
        }
        if (failed) wrapped("This module's panel could not be drawn.", width - 2.0f * pad, nullptr, look.theme.error);
        if (!drawn) wrapped(m_moduleCounts[i], width - 2.0f * pad, nullptr, look.palette.text);

        ImGui::Unindent(pad);
        ImGui::Dummy(ImVec2(0.0f, pad * 0.5f));
        ImGui::PopID();
        const float bottom = ImGui::GetCursorScreenPos().y - ImGui::GetStyle().ItemSpacing.y;
        if (m_underlay) {
            m_underlay->PushClipRect(bodyMin, bodyMax, true);
            drawAccentCard(m_underlay, top, ImVec2(top.x + width, bottom), look.palette.panel, look.palette.accent,
                           scale);
            m_underlay->PopClipRect();
        }
        ImGui::Dummy(ImVec2(0.0f, 8.0f * scale));
    }
}

} // namespace alignkiosk::ui
