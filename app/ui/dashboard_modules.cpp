// Each module's place on the overview: the dashboard draws the card and the title; inside, the module's own panel,
// drawn through the PanelRenderer from the aggregate the host computed. A module without a panel (or whose panel
// failed) gets the response counts and the findings its score() draws from the same shown groups.
#include "dashboard.h"

#include "ui/widgets.h"

#include <algorithm>
#include <utility>

namespace alignkiosk::ui {

namespace {

// The message id of a finding's level tag.
const char* levelId(ModuleFinding::Level level) {
    switch (level) {
    case ModuleFinding::Level::Widespread: return "dash_level_widespread";
    case ModuleFinding::Level::Watch: return "dash_level_watch";
    case ModuleFinding::Level::Info: break;
    }
    return "dash_level_info";
}

} // namespace

void Dashboard::drawModules(const Look& look, float width) {
    if (m_model->modules.empty()) return;
    const float scale = m_theme.scale;
    const float pad = 24.0f * scale;
    const float inner = width - 2.0f * pad;
    ImGui::Dummy(ImVec2(0.0f, 12.0f * scale));
    sectionTitle(look, tr("dash_modules_title"), width);

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
        wrapped(m_moduleTitles[i], inner, look.heading, look.palette.text);

        const PanelOutcome outcome = drawModulePanel(module, inner);
        if (outcome == PanelOutcome::Failed)
            wrapped(tr("dash_panel_failed"), inner, nullptr, look.theme.error);
        if (outcome != PanelOutcome::Drawn) drawFindings(look, i, inner);

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

PanelOutcome Dashboard::drawModulePanel(const core::ModuleAggregate& module, float width) {
    if (!m_panels) return PanelOutcome::NoPanel;
    // A one-column table as wide as the card's inside, with no padding: in its cell GetContentRegionAvail(), text
    // wrapping and the module's own tables measure the card, not the window, the cell clips at the card's edge, and
    // the height follows what the module draws (a child region would need its height in advance).
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(0.0f, 0.0f));
    const bool open = ImGui::BeginTable("panel", 1, ImGuiTableFlags_NoSavedSettings, ImVec2(width, 0.0f));
    ImGui::PopStyleVar();
    if (!open) return PanelOutcome::NoPanel; // the window draws nothing this frame
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const PanelOutcome outcome = m_panels->drawPanel(module, m_projection);
    ImGui::EndTable();
    return outcome;
}

void Dashboard::drawFindings(const Look& look, std::size_t index, float width) {
    wrapped(m_moduleCounts[index], width, nullptr, look.palette.text);
    if (!m_panels) return;
    ModuleFindings& findings = m_moduleFindings[index];
    if (!findings.asked) findings = formatFindings(m_panels->findings(m_model->modules[index]));
    if (!findings.available) {
        wrapped(tr("dash_findings_unavailable"), width, nullptr, look.palette.muted);
        return;
    }
    if (findings.groups.empty()) {
        wrapped(tr("dash_findings_none"), width, nullptr, look.palette.muted);
        return;
    }

    // Each finding: its level in a tag, the headline beside it and what to check first under the headline. The tags
    // share one width, so the headlines line up.
    const float scale = m_theme.scale;
    const float tagPad = 8.0f * scale;
    const float gap = 12.0f * scale;
    float tagWidth = 0.0f;
    for (const ModuleFinding::Level level :
         {ModuleFinding::Level::Info, ModuleFinding::Level::Watch, ModuleFinding::Level::Widespread})
        tagWidth = std::max(tagWidth, ImGui::CalcTextSize(tr(levelId(level)).c_str()).x);
    tagWidth += 2.0f * tagPad;
    const float textWidth = std::max(width - tagWidth - gap, width * 0.5f);
    const float lineHeight = ImGui::GetTextLineHeight();
    const float outline = std::max(1.0f, look.palette.lineWidth * scale * 0.75f);
    ImDrawList* drawList = ImGui::GetWindowDrawList();

    for (const FindingGroup& group : findings.groups) {
        ImGui::Dummy(ImVec2(0.0f, 4.0f * scale));
        wrapped(group.name, width, nullptr, look.palette.muted);
        for (const FindingLine& line : group.lines) {
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const ImVec2 tagMin(at.x, at.y - 2.0f * scale);
            const ImVec2 tagMax(at.x + tagWidth, at.y + lineHeight + 2.0f * scale);
            const float rounding = 6.0f * scale;
            // Widespread filled, Watch outlined in the same colour, Info outlined quietly: the word says it as well.
            ImU32 tagText = look.palette.text;
            switch (line.level) {
            case ModuleFinding::Level::Widespread:
                drawList->AddRectFilled(tagMin, tagMax, look.palette.rampHigh, rounding);
                tagText = IM_COL32(255, 255, 255, 255);
                break;
            case ModuleFinding::Level::Watch:
                drawList->AddRect(tagMin, tagMax, look.palette.rampHigh, rounding, 0, outline);
                break;
            case ModuleFinding::Level::Info:
                drawList->AddRect(tagMin, tagMax, look.palette.grid, rounding, 0, outline);
                tagText = look.palette.muted;
                break;
            }
            const std::string tagLabel = tr(levelId(line.level));
            const char* tag = tagLabel.c_str();
            ImGui::SetCursorScreenPos(ImVec2(at.x + (tagWidth - ImGui::CalcTextSize(tag).x) * 0.5f, at.y));
            ImGui::PushStyleColor(ImGuiCol_Text, tagText);
            ImGui::TextUnformatted(tag);
            ImGui::PopStyleColor();

            ImGui::SetCursorScreenPos(ImVec2(at.x + tagWidth + gap, at.y));
            ImGui::BeginGroup();
            wrapped(line.headline, textWidth, nullptr, look.palette.text);
            wrapped(line.action, textWidth, nullptr, look.palette.muted);
            ImGui::EndGroup();
            ImGui::Dummy(ImVec2(0.0f, 2.0f * scale));
        }
    }
}

Dashboard::ModuleFindings Dashboard::formatFindings(std::optional<std::vector<ModuleFinding>> findings) const {
    ModuleFindings formatted;
    formatted.asked = true;
    if (!findings) return formatted;
    formatted.available = true;
    // The renderer lists them group by group: one heading per group, in its order.
    for (ModuleFinding& finding : *findings) {
        std::string name = groupName(finding.group);
        if (formatted.groups.empty() || formatted.groups.back().name != name)
            formatted.groups.push_back({std::move(name), {}});
        formatted.groups.back().lines.push_back(
            {finding.level, std::move(finding.headline), std::move(finding.action)});
    }
    return formatted;
}

} // namespace alignkiosk::ui
