// The welcome screen: what this survey is, the anonymity promise, and one big Start button. In its corner, the
// facilitator's way to the results, behind a PIN.
#include "shell.h"

#include "ui/widgets.h"

#include <algorithm>
#include <string>

namespace alignkiosk::ui {

void Shell::drawWelcome() {
    const float scale = m_theme.scale;
    ImGui::Dummy(ImVec2(0.0f, 60.0f * scale));
    wrappedText(m_survey.title, m_theme.title);
    ImGui::Dummy(ImVec2(0.0f, 16.0f * scale));
    wrappedText(m_survey.intro, m_theme.heading);
    ImGui::Dummy(ImVec2(0.0f, 28.0f * scale));

    // The promise, set apart so nobody misses it.
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    drawList->ChannelsSplit(2);
    drawList->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(start.x + 20.0f * scale, start.y + 16.0f * scale));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 40.0f * scale);
    const std::string promise = fillIn(m_text.anonymityPromise, "{k}", std::to_string(m_survey.anonymity.ratings));
    ImGui::TextUnformatted(promise.c_str());
    ImGui::PopTextWrapPos();
    const float bottom = ImGui::GetItemRectMax().y + 16.0f * scale;
    drawList->ChannelsSetCurrent(0);
    drawList->AddRectFilled(start, ImVec2(start.x + width, bottom), IM_COL32(226, 239, 243, 255), 12.0f * scale);
    drawList->AddRectFilled(start, ImVec2(start.x + 8.0f * scale, bottom), m_theme.accent, 12.0f * scale,
                            ImDrawFlags_RoundCornersLeft);
    drawList->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(start.x, bottom));
    ImGui::Dummy(ImVec2(0.0f, 48.0f * scale));

    // Start sits at the same place on every survey, low on the screen where the Next button will be, however long
    // the title and intro are.
    const float buttonWidth = 420.0f * scale;
    const float buttonHeight = 110.0f * scale;
    const float lowest = ImGui::GetWindowHeight() - buttonHeight - 60.0f * scale;
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), lowest));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - buttonWidth) * 0.5f);
    if (m_theme.title) ImGui::PushFont(m_theme.title);
    const bool startPressed = touchButton(m_theme, m_text.start.c_str(), ImVec2(buttonWidth, buttonHeight));
    if (m_theme.title) ImGui::PopFont();
    if (startPressed) {
        beginParticipant();
        m_flow.start();
    }
}

// Small and muted in the bottom-left corner, but still a full touch target.
void Shell::drawFacilitatorEntry() {
    if (!m_pinPad || !m_facilitator.loadPinHash || !m_facilitator.savePinHash || !m_facilitator.onFacilitator) return;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float height = m_theme.minTouchTarget;
    const float width = std::max(m_theme.minTouchTarget,
                                 ImGui::CalcTextSize(m_text.facilitator.c_str()).x + 2.0f * style.FramePadding.x);
    ImGui::SetCursorPos(ImVec2(0.0f, ImGui::GetWindowHeight() - height));
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.0f, 0.0f, 0.0f, 0.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, m_theme.muted);
    const bool pressed =
        touchButton(m_theme, m_text.facilitator.c_str(), ImVec2(width, height), ButtonStyle::Secondary);
    ImGui::PopStyleColor(2);
    if (pressed) {
        m_pinPad->open(m_now);
        m_pinPadOpen = true;
    }
}

void Shell::drawFacilitatorPin() {
    switch (m_pinPad->draw(m_now)) {
    case PinPadResult::Open: break;
    case PinPadResult::Cancelled: m_pinPadOpen = false; break;
    case PinPadResult::Accepted:
        m_pinPadOpen = false;
        // A first PIN chosen at start-up leads to the welcome screen, ready for participants.
        if (!m_choosingFirstPin) m_facilitator.onFacilitator();
        m_choosingFirstPin = false;
        break;
    }
}

} // namespace alignkiosk::ui
