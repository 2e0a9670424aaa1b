// "Still there?": someone stopped in the middle of a survey. One big button keeps their answers; otherwise the
// countdown ends and the answers are wiped (Shell::trackActivity), so the next person never sees them.
#include "shell.h"

#include "ui/widgets.h"

#include <cmath>
#include <string>

namespace alignkiosk::ui {

void Shell::drawStillThere() {
    const float scale = m_theme.scale;
    const double left = m_lastActivity + m_idleTimeout + m_stillThereSeconds - m_now;
    const int seconds = std::max(0, static_cast<int>(std::ceil(left)));
    const std::string body = m_text.format(m_text.stillThereBody, {{"seconds", int64_t{seconds}}});

    ImGui::Dummy(ImVec2(0.0f, 140.0f * scale));
    centeredText(m_text.stillThereTitle, m_theme.title, m_theme.accent);
    ImGui::Dummy(ImVec2(0.0f, 20.0f * scale));
    wrappedText(body, m_theme.heading);
    ImGui::Dummy(ImVec2(0.0f, 48.0f * scale));
    const float buttonWidth = 420.0f * scale;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - buttonWidth) * 0.5f);
    if (m_theme.title) ImGui::PushFont(m_theme.title);
    // Any touch already counts as "still here" (trackActivity); the button says so plainly.
    touchButton(m_theme, m_text.stillHere.c_str(), ImVec2(buttonWidth, 110.0f * scale));
    if (m_theme.title) ImGui::PopFont();
}

} // namespace alignkiosk::ui
