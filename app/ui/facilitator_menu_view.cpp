// The facilitator's side of the station: the PIN pad, then the menu behind it. The menu shows how many people finished
// this survey, lists the modules stopped after they crashed the station (each with "Allow again"), pauses
// or resumes the station, opens the dashboard, exits the kiosk, or goes back to the station. It closes by itself when
// forgotten (Shell::kMenuIdleSeconds).
#include "shell.h"

#include "ui/widgets.h"

#include <algorithm>
#include <exception>
#include <optional>
#include <string>

namespace alignkiosk::ui {

void Shell::drawFacilitatorPin() {
    switch (m_pinPad->draw(m_now)) {
    case PinPadResult::Open: break;
    case PinPadResult::Cancelled: m_pinPadOpen = false; break;
    case PinPadResult::Accepted:
        m_pinPadOpen = false;
        // A first PIN chosen at start-up leads to the attract screen, ready for participants.
        if (!m_choosingFirstPin) openMenu();
        m_choosingFirstPin = false;
        break;
    }
}

namespace {

// "Focus assessment (focus_assessment)", or the id alone when no plugin file offers the module now.
std::string moduleLabel(const Shell::StoppedModule& module) {
    return module.name.empty() ? module.moduleId : module.name + " (" + module.moduleId + ")";
}

} // namespace

void Shell::drawStoppedModules() {
    m_allowRects.assign(m_stoppedModules.size(), std::nullopt);
    if (m_stoppedModules.empty()) return;
    const float scale = m_theme.scale;
    const float width = ImGui::GetContentRegionAvail().x;
    wrappedText(m_text.stoppedTitle, m_theme.heading, m_theme.error);
    wrappedText(m_text.stoppedHelp, nullptr, m_theme.muted);
    ImGui::Dummy(ImVec2(0.0f, 4.0f * scale));

    const float buttonWidth = std::max(m_theme.minTouchTarget * 2.0f, 240.0f * scale);
    const ImVec2 buttonSize(buttonWidth, std::max(m_theme.minTouchTarget, 64.0f * scale));
    std::optional<std::string> allowed;
    for (std::size_t i = 0; i < m_stoppedModules.size(); ++i) {
        const StoppedModule& module = m_stoppedModules[i];
        const std::string label = moduleLabel(module);
        const bool waiting = std::find(m_allowedUntilRestart.begin(), m_allowedUntilRestart.end(), module.moduleId) !=
                             m_allowedUntilRestart.end();
        std::string line;
        if (waiting) {
            line = m_text.format(m_text.allowedAtNextStart, {{"module", label}});
        } else {
            const std::string& pattern = module.call == "draw_page"    ? m_text.stoppedInPage
                                         : module.call == "draw_panel" ? m_text.stoppedInPanel
                                                                       : m_text.stoppedElsewhere;
            line = m_text.format(pattern, {{"module", label},
                                           {"signal", module.signal},
                                           {"call", module.call.empty() ? std::string("?") : module.call}});
        }
        ImGui::PushID(static_cast<int>(i));
        const float rowTop = ImGui::GetCursorPosY();
        const float textWidth = waiting ? width : width - buttonWidth - 16.0f * scale;
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + textWidth);
        // Centred on the button's height when it fits in it.
        const float textHeight = ImGui::CalcTextSize(line.c_str(), nullptr, false, textWidth).y;
        if (!waiting && textHeight < buttonSize.y) ImGui::SetCursorPosY(rowTop + (buttonSize.y - textHeight) * 0.5f);
        ImGui::TextUnformatted(line.c_str());
        ImGui::PopTextWrapPos();
        const float textBottom = ImGui::GetCursorPosY();
        if (!waiting) {
            ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + width - buttonWidth, rowTop));
            if (touchButton(m_theme, m_text.allowAgain.c_str(), buttonSize, ButtonStyle::Secondary))
                allowed = module.moduleId;
            m_allowRects[i] = lastItemRect();
            ImGui::SetCursorPosY(std::max(textBottom, rowTop + buttonSize.y + ImGui::GetStyle().ItemSpacing.y));
        }
        ImGui::PopID();
    }
    if (!m_facilitator.allowRestartsStation) wrappedText(m_text.allowAgainLater, nullptr, m_theme.muted);
    ImGui::Dummy(ImVec2(0.0f, 12.0f * scale));

    if (!allowed || !m_facilitator.allowModule) return;
    m_lastActivity = m_now;
    try {
        m_facilitator.allowModule(*allowed);
    } catch (const std::exception&) {
        return; // not stored: it stays stopped, and stays listed with its button
    }
    if (!m_facilitator.allowRestartsStation) m_allowedUntilRestart.push_back(*allowed);
}

void Shell::drawFacilitatorMenu() {
    const float scale = m_theme.scale;
    const float width = ImGui::GetContentRegionAvail().x;
    m_menuRects.fill(std::nullopt);
    ImGui::Dummy(ImVec2(0.0f, 16.0f * scale));
    wrappedText(m_text.menuTitle, m_theme.title);
    ImGui::Dummy(ImVec2(0.0f, 8.0f * scale));

    // The count, large, with what it counts beside it.
    const std::string count = m_participantCount ? core::formatNumber(m_text.language, double(*m_participantCount), 0)
                                                 : std::string("-");
    if (m_theme.title) ImGui::PushFont(m_theme.title);
    ImGui::PushStyleColor(ImGuiCol_Text, m_theme.accent);
    ImGui::TextUnformatted(count.c_str());
    ImGui::PopStyleColor();
    const float countBaseline = ImGui::GetItemRectMax().y;
    if (m_theme.title) ImGui::PopFont();
    ImGui::SameLine();
    if (m_theme.heading) ImGui::PushFont(m_theme.heading);
    // On the count's baseline, not its top.
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, countBaseline - ImGui::GetTextLineHeight() -
                                                                        ImGui::GetStyle().FramePadding.y * 0.25f));
    ImGui::PushStyleColor(ImGuiCol_Text, m_theme.muted);
    const std::string counted = m_text.format(
        m_text.participantsFinished, {{"count", static_cast<int64_t>(m_participantCount.value_or(0))}});
    ImGui::TextUnformatted(counted.c_str());
    ImGui::PopStyleColor();
    if (m_theme.heading) ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, std::max(ImGui::GetCursorScreenPos().y,
                                                                             countBaseline + 8.0f * scale)));
    ImGui::Dummy(ImVec2(0.0f, 16.0f * scale));
    drawStoppedModules();

    // The buttons share the room that is left (a list of stopped modules takes some), down to the touch minimum, so
    // Back stays on the screen; only then does the menu scroll.
    const std::string& help = m_paused ? m_text.resumeHelp : m_text.pauseHelp;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float helpHeight = ImGui::CalcTextSize(help.c_str(), nullptr, false, width).y;
    const int buttons = m_facilitator.onExit ? 4 : 3;
    const float room = ImGui::GetWindowHeight() - ImGui::GetCursorPosY() - helpHeight - (6.0f + 12.0f) * scale -
                       spacing * static_cast<float>(buttons + 2);
    const float tallest = std::max(m_theme.minTouchTarget, 92.0f * scale);
    const ImVec2 size(width, std::clamp(room / static_cast<float>(buttons), m_theme.minTouchTarget, tallest));
    const auto button = [&](MenuButton which, const std::string& label, ButtonStyle style) {
        const bool pressed = touchButton(m_theme, label.c_str(), size, style);
        m_menuRects[static_cast<std::size_t>(which)] = lastItemRect();
        return pressed;
    };
    if (m_theme.heading) ImGui::PushFont(m_theme.heading);
    const bool pauseOrResume =
        button(MenuButton::PauseOrResume, m_paused ? m_text.resumeStation : m_text.pauseStation,
               ButtonStyle::Secondary);
    if (m_theme.heading) ImGui::PopFont();
    wrappedText(help, nullptr, m_theme.muted);
    ImGui::Dummy(ImVec2(0.0f, 6.0f * scale));
    if (m_theme.heading) ImGui::PushFont(m_theme.heading);
    const bool dashboard = button(MenuButton::Dashboard, m_text.openDashboard, ButtonStyle::Secondary);
    const bool exit = m_facilitator.onExit && button(MenuButton::Exit, m_text.exitKiosk, ButtonStyle::Secondary);
    // Back sits at the bottom, where Next is on the participant's pages.
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY() + 12.0f * scale, ImGui::GetWindowHeight() - size.y));
    const bool back = button(MenuButton::Back, m_text.backToStation, ButtonStyle::Primary);
    if (m_theme.heading) ImGui::PopFont();

    // Each choice leaves the menu; the station (attract or paused screen) is what is left behind.
    if (pauseOrResume) {
        m_paused = !m_paused;
        m_menuOpen = false;
    } else if (dashboard) {
        m_menuOpen = false;
        m_facilitator.onFacilitator();
    } else if (exit) {
        m_facilitator.onExit();
    } else if (back) {
        m_menuOpen = false;
    }
}

} // namespace alignkiosk::ui
