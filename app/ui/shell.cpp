#include "shell.h"

#include "ui/widgets.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <string>
#include <utility>

namespace alignkiosk::ui {

namespace {

std::vector<uint32_t> pagesPerStep(const std::vector<std::unique_ptr<plugin_host::ModuleInstance>>& modules) {
    std::vector<uint32_t> pages;
    pages.reserve(modules.size());
    for (const auto& module : modules) pages.push_back(module ? std::max(module->pageCount(), 1u) : 1u);
    return pages;
}

} // namespace

Shell::Shell(const core::Survey& survey, std::vector<std::unique_ptr<plugin_host::ModuleInstance>> modules,
             SubmitFunction submit, Theme theme, ShellText text)
    : m_survey(survey),
      m_modules(std::move(modules)),
      m_submit(std::move(submit)),
      m_theme(theme),
      m_text(std::move(text)),
      m_flow(pagesPerStep(m_modules), !survey.teams.empty()) {}

double Shell::nextWakeIn(double now) const {
    if (m_pinPadOpen) return m_pinPad->nextWakeIn(now);
    switch (m_flow.screen()) {
    case Screen::Welcome: return -1.0;
    case Screen::ThankYou: return std::max(0.0, m_thankYouSince + kThankYouSeconds - now);
    case Screen::TeamPick:
    case Screen::StepPage:
        // The prompt's countdown shows whole seconds: wake at the next one; before it, wake when it is due.
        if (m_askingStillThere) return std::min(1.0, std::max(0.0, m_lastActivity + m_idleTimeout +
                                                                        kStillThereSeconds - now));
        return std::max(0.0, m_lastActivity + m_idleTimeout - now);
    }
    return -1.0;
}

void Shell::setIdleTimeout(double seconds) { m_idleTimeout = std::max(1.0, seconds); }

void Shell::trackActivity() {
    const ImGuiIO& io = ImGui::GetIO();
    bool active = io.InputQueueCharacters.Size > 0 || io.MouseWheel != 0.0f;
    for (int button = 0; button < IM_ARRAYSIZE(io.MouseDown); ++button)
        active = active || io.MouseDown[button] || io.MouseReleased[button];
    for (const bool key : io.KeysDown) active = active || key;
    // A pointer moving over the screen counts; the first frame's undefined delta does not.
    if (ImGui::IsMousePosValid() && std::abs(io.MouseDelta.x) + std::abs(io.MouseDelta.y) > 0.0f &&
        std::abs(io.MouseDelta.x) < 1e6f)
        active = true;
    if (active) {
        m_lastActivity = m_now;
        m_askingStillThere = false;
        return;
    }
    const bool midSurvey = m_flow.screen() == Screen::TeamPick || m_flow.screen() == Screen::StepPage;
    if (!midSurvey) return;
    const double idle = m_now - m_lastActivity;
    if (idle >= m_idleTimeout + kStillThereSeconds) {
        // Walked away: nothing of theirs stays in memory, and nothing was stored.
        beginParticipant();
        m_flow.restart();
        m_askingStillThere = false;
    } else if (idle >= m_idleTimeout) {
        m_askingStillThere = true;
    }
}

void Shell::setFacilitatorAccess(FacilitatorAccess access) {
    m_facilitator = std::move(access);
    m_pinPadOpen = false;
    m_pinPad = std::make_unique<PinPad>(m_theme, m_text,
                                        PinStorage{m_facilitator.loadPinHash, m_facilitator.savePinHash});
    bool chosen = true;
    try {
        chosen = m_facilitator.loadPinHash && m_facilitator.loadPinHash().has_value();
    } catch (const std::exception&) {
        // The pad itself reports storage trouble when it is opened.
    }
    if (!chosen && m_facilitator.savePinHash && m_facilitator.onFacilitator) {
        m_pinPad->open(m_now, true);
        m_pinPadOpen = true;
        m_choosingFirstPin = true;
    }
}

void Shell::draw(double now) {
    m_now = now;
    beginFullWindow("alignkiosk");
    if (m_theme.body) ImGui::PushFont(m_theme.body);

    // One readable column, centred on wide screens.
    const float maxWidth = 1200.0f * m_theme.scale;
    const float available = ImGui::GetContentRegionAvail().x;
    const float width = std::min(available, maxWidth);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (available - width) * 0.5f);
    ImGui::BeginChild("column", ImVec2(width, 0.0f), false, ImGuiWindowFlags_NoScrollbar);

    trackActivity();
    const bool pinPad = m_pinPadOpen && m_flow.screen() == Screen::Welcome;
    switch (m_flow.screen()) {
    case Screen::Welcome:
        if (pinPad) {
            drawFacilitatorPin();
        } else {
            drawWelcome();
            // Inside the column (a button outside it would be half covered by it), low in its corner, out of a
            // participant's way.
            drawFacilitatorEntry();
        }
        break;
    case Screen::TeamPick:
        if (m_askingStillThere) {
            drawStillThere();
        } else {
            drawTeamPick();
        }
        break;
    case Screen::StepPage:
        if (m_askingStillThere) {
            drawStillThere();
        } else {
            drawStepPage();
        }
        break;
    case Screen::ThankYou: drawThankYou(); break;
    }

    ImGui::EndChild();
    if (m_theme.body) ImGui::PopFont();
    ImGui::End();
}

void Shell::drawProgressHeader() {
    const std::string label =
        m_flow.pageNumber() == 0
            ? std::string()
            : fillIn(fillIn(m_text.pageOf, "{page}", std::to_string(m_flow.pageNumber())), "{pages}",
                         std::to_string(m_flow.pageTotal()));
    ImGui::PushStyleColor(ImGuiCol_Text, m_theme.muted);
    ImGui::TextUnformatted(m_survey.title.c_str());
    if (!label.empty()) {
        ImGui::SameLine();
        ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(label.c_str()).x);
        ImGui::TextUnformatted(label.c_str());
    }
    ImGui::PopStyleColor();
    ImGui::ProgressBar(m_flow.progress(), ImVec2(-1.0f, 10.0f * m_theme.scale), "");
    ImGui::Dummy(ImVec2(0.0f, 8.0f * m_theme.scale));
}

Shell::NavAction Shell::drawNavigation(bool nextEnabled, const std::string& nextLabel) {
    const float buttonWidth = 260.0f * m_theme.scale;
    const float height = std::max(m_theme.minTouchTarget, 76.0f * m_theme.scale);
    NavAction action = NavAction::None;
    if (m_theme.heading) ImGui::PushFont(m_theme.heading);
    if (touchButton(m_theme, m_text.back.c_str(), ImVec2(buttonWidth, height), ButtonStyle::Secondary))
        action = NavAction::Back;
    if (!nextLabel.empty()) {
        ImGui::SameLine();
        ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - buttonWidth);
        if (touchButton(m_theme, nextLabel.c_str(), ImVec2(buttonWidth, height), ButtonStyle::Primary, nextEnabled))
            action = NavAction::Next;
    }
    if (m_theme.heading) ImGui::PopFont();
    return action;
}

void Shell::beginParticipant() {
    for (auto& module : m_modules)
        if (module) module->reset();
    m_team.reset();
    m_error.clear();
}

void Shell::finish() {
    core::Submission submission;
    submission.surveyId = m_survey.id;
    submission.surveyVersion = m_survey.version;
    submission.team = m_team;
    for (std::size_t i = 0; i < m_modules.size(); ++i) {
        const auto& module = m_modules[i];
        std::optional<std::string> payload = module ? module->answerJson() : std::nullopt;
        if (!payload) {
            m_error = m_text.saveFailed;
            return;
        }
        submission.responses.push_back(
            {m_survey.steps[i].id, module->moduleId(), module->moduleVersion(), std::move(*payload)});
    }
    try {
        m_submit(submission);
    } catch (const std::exception&) {
        // Keep every answer on screen: the participant (or facilitator) can try again.
        m_error = m_text.saveFailed;
        return;
    }
    // The answers are stored: forget them before anyone else can see them.
    beginParticipant();
    m_flow.next();
    m_thankYouSince = m_now;
}

} // namespace alignkiosk::ui
