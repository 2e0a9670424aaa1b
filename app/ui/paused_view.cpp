// The paused station: a calm screen with no way in for participants. Only the facilitator corner (held 3 s) and the
// PIN lead on, to the menu where the station is resumed. Nothing moves, so it costs no CPU.
#include "shell.h"

#include "ui/widgets.h"

#include <algorithm>

namespace alignkiosk::ui {

void Shell::drawPaused() {
    const float scale = m_theme.scale;
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::Dummy(ImVec2(0.0f, 170.0f * scale));

    // The pause sign: two rounded bars.
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float barWidth = 22.0f * scale;
    const float barHeight = 84.0f * scale;
    const float centreX = at.x + width * 0.5f;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    for (const float side : {-1.0f, 1.0f}) {
        const float x = centreX + side * 20.0f * scale - (side < 0.0f ? barWidth : 0.0f);
        drawList->AddRectFilled(ImVec2(x, at.y), ImVec2(x + barWidth, at.y + barHeight), m_theme.muted, 8.0f * scale);
    }
    ImGui::Dummy(ImVec2(width, barHeight + 40.0f * scale));

    centeredWrappedText(m_text.pausedTitle, width, m_theme.title);
    ImGui::Dummy(ImVec2(0.0f, 16.0f * scale));
    centeredWrappedText(m_text.pausedBody, width, m_theme.heading, m_theme.muted);
}

} // namespace alignkiosk::ui
