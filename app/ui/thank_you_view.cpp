// The thank-you screen: confirms the answers are saved (on a laptop: delivered, or kept for delivery), then returns to
// the attract screen by itself. Its top-left corner, held 3 s, leads a facilitator to the PIN pad
// (Shell::trackCornerHold).
#include "shell.h"

#include "ui/widgets.h"

namespace alignkiosk::ui {

const std::string& Shell::thankYouBody() const {
    switch (m_deliveryStatus) {
    case DeliveryStatus::Delivered: return m_text.thankYouDelivered;
    case DeliveryStatus::Kept: return m_text.thankYouKept;
    case DeliveryStatus::Saved: break;
    }
    return m_text.thankYouBody;
}

void Shell::drawThankYou() {
    const float scale = m_theme.scale;
    ImGui::Dummy(ImVec2(0.0f, 140.0f * scale));
    centeredText(m_text.thankYouTitle, m_theme.title, m_theme.accent);
    ImGui::Dummy(ImVec2(0.0f, 20.0f * scale));
    wrappedText(thankYouBody(), m_theme.heading);
    ImGui::Dummy(ImVec2(0.0f, 60.0f * scale));

    // Done sits low and to the side, away from where Finish was, so a double tap on Finish does not skip this screen.
    const float buttonWidth = 260.0f * scale;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - buttonWidth) * 0.5f);
    if (m_theme.heading) ImGui::PushFont(m_theme.heading);
    const bool done = touchButton(m_theme, m_text.done.c_str(), ImVec2(buttonWidth, 80.0f * scale),
                                  ButtonStyle::Secondary);
    if (m_theme.heading) ImGui::PopFont();
    if (done || m_now - m_thankYouSince >= kThankYouSeconds) nextParticipant();
}

} // namespace alignkiosk::ui
