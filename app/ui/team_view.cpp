// The optional team pick: one big button per team the survey names (in the participant's language), and "prefer
// not to say".
#include "shell.h"

#include "ui/widgets.h"

#include <algorithm>

namespace alignkiosk::ui {

void Shell::drawTeamPick() {
    const float scale = m_theme.scale;
    drawProgressHeader();
    ImGui::Dummy(ImVec2(0.0f, 24.0f * scale));
    wrappedText(m_text.teamQuestion, m_theme.title);
    wrappedText(m_text.teamHelp, nullptr, m_theme.muted);
    ImGui::Dummy(ImVec2(0.0f, 24.0f * scale));

    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::GetContentRegionAvail().x;
    const int columns = width > 900.0f * scale ? 2 : 1;
    const float buttonWidth = (width - style.ItemSpacing.x * static_cast<float>(columns - 1)) /
                              static_cast<float>(columns);
    const float height = std::max(m_theme.minTouchTarget, 90.0f * scale);
    bool chosen = false;
    if (m_theme.heading) ImGui::PushFont(m_theme.heading);
    for (std::size_t i = 0; i < m_survey.teams.size(); ++i) {
        if (i % static_cast<std::size_t>(columns) != 0) ImGui::SameLine();
        const core::Team& team = m_survey.teams[i];
        const bool selected = m_team && *m_team == team.id;
        ImGui::PushID(static_cast<int>(i));
        if (touchButton(m_theme, team.label.c_str(), ImVec2(buttonWidth, height),
                        selected ? ButtonStyle::Primary : ButtonStyle::Secondary)) {
            m_team = team.id; // the id: a team counts as one whatever language it was picked in
            chosen = true;
        }
        ImGui::PopID();
    }
    if (touchButton(m_theme, m_text.preferNotToSay.c_str(), ImVec2(buttonWidth, height), ButtonStyle::Secondary)) {
        m_team.reset();
        chosen = true;
    }
    if (m_theme.heading) ImGui::PopFont();

    // Picking a team moves on at once: one tap, no separate Next.
    if (chosen) {
        m_flow.next();
        return;
    }
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(),
                                  ImGui::GetWindowHeight() - std::max(m_theme.minTouchTarget, 76.0f * scale) -
                                      style.WindowPadding.y - 8.0f * scale));
    if (drawNavigation(false, {}) == NavAction::Back) m_flow.back();
}

} // namespace alignkiosk::ui
