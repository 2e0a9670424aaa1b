// One page of one survey step: the module draws the questions; the shell draws progress and navigation around them.
// While a text field is active the on-screen keyboard covers the bottom of the screen: the module's area ends above
// it (Back and Next come back when the keyboard's Done, or a tap elsewhere, puts it away).
#include "shell.h"

#include "ui/onscreen_keyboard.h"
#include "ui/plugin_frame.h"
#include "ui/widgets.h"

#include <algorithm>

namespace alignkiosk::ui {

void Shell::drawStepPage() {
    const float scale = m_theme.scale;
    const std::size_t stepIndex = m_flow.step();
    const core::Step& step = m_survey.steps[stepIndex];
    StepModule* module = m_modules[stepIndex].get();

    drawProgressHeader();
    if (m_flow.page() == 0) {
        wrappedText(step.title, m_theme.title);
        if (!step.intro.empty()) wrappedText(step.intro, nullptr, m_theme.muted);
        ImGui::Dummy(ImVec2(0.0f, 12.0f * scale));
    }

    const ImGuiStyle& style = ImGui::GetStyle();
    const bool typing = m_keyboard->visible();
    float moduleHeight = 0.0f; // ImGui: a negative height leaves that much below the child
    if (typing) {
        moduleHeight = std::max(m_theme.minTouchTarget,
                                m_keyboardTop - style.ItemSpacing.y - ImGui::GetCursorScreenPos().y);
    } else {
        moduleHeight = -(std::max(m_theme.minTouchTarget, 76.0f * scale) + style.ItemSpacing.y * 2.0f +
                         (m_error.empty() ? 0.0f : ImGui::GetTextLineHeightWithSpacing() * 2.0f));
    }
    ImGui::BeginChild("module", ImVec2(0.0f, moduleHeight), false);
    // The keyboard just came up: if it covers the place that was tapped (inside the text field), scroll that place
    // up to just above it, a line and a half clear.
    if (typing && m_keyboardJustShown) {
        const float tapped = ImGui::GetIO().MouseClickedPos[0].y;
        const float limit = ImGui::GetWindowPos().y + ImGui::GetWindowHeight() - ImGui::GetTextLineHeight() * 1.5f;
        if (tapped > limit) ImGui::SetScrollY(ImGui::GetScrollY() + (tapped - limit));
    }
    const bool drawn = module && module->drawPage(m_flow.page(), pluginFrame(m_theme));
    if (!drawn) wrappedText(m_text.moduleFailed, m_theme.heading, m_theme.error);
    dragToScroll();
    ImGui::EndChild();
    if (typing) return; // the keyboard covers the navigation

    if (!m_error.empty()) wrappedText(m_error, nullptr, m_theme.error);
    const bool complete = drawn && module->pageComplete(m_flow.page());
    const bool last = m_flow.onLastPage();
    switch (drawNavigation(complete, last ? m_text.finish : m_text.next)) {
    case NavAction::Back: m_flow.back(); break;
    case NavAction::Next:
        if (last) {
            finish();
        } else {
            m_flow.next();
        }
        break;
    case NavAction::None: break;
    }
}

} // namespace alignkiosk::ui
