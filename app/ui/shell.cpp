#include "shell.h"

#include "core/survey_languages.h"
#include "ui/onscreen_keyboard.h"
#include "ui/widgets.h"

#include <imgui_internal.h> // ClearActiveID

#include <algorithm>
#include <cmath>
#include <exception>
#include <string>
#include <utility>

namespace alignkiosk::ui {

namespace {

// While the on-screen keyboard animates a key (or repeats one held down) it asks for frames this often.
constexpr double kKeyboardFrameSeconds = 1.0 / 60.0;
// While the corner ring fills, it is redrawn this often.
constexpr double kCornerRingFrameSeconds = 1.0 / 30.0;

std::vector<uint32_t> pagesPerStep(const std::vector<std::unique_ptr<StepModule>>& modules) {
    std::vector<uint32_t> pages;
    pages.reserve(modules.size());
    // A step without a module (stopped after a crash) has no pages: the flow skips it.
    for (const auto& module : modules) pages.push_back(module ? std::max(module->pageCount(), 1u) : 0u);
    return pages;
}

} // namespace

Shell::Shell(const core::Survey& survey, std::vector<std::unique_ptr<StepModule>> modules,
             SubmitFunction submit, Theme theme, ShellText text)
    : m_source(survey),
      m_survey(survey),
      m_language(survey.language),
      m_modules(std::move(modules)),
      m_submit(std::move(submit)),
      m_theme(theme),
      m_text(std::move(text)),
      m_flow(pagesPerStep(m_modules), !survey.teams.empty()),
      m_keyboard(std::make_unique<OnScreenKeyboard>(survey.language)) {
    m_keyboard->setDoneLabel(m_text.done);
    m_surveyAvailable = std::any_of(m_modules.begin(), m_modules.end(), [](const auto& m) { return m != nullptr; });
}

Shell::~Shell() = default;

void Shell::setLanguage(const core::Messages& messages) {
    m_text = shellTextFrom(messages);
    m_keyboard->setLanguage(messages.language());
    m_keyboard->setDoneLabel(m_text.done);
    if (m_pinPad) m_pinPad->setText(m_text);
    for (const auto& module : m_modules)
        if (module) module->setLanguage(messages.language());
}

void Shell::setCatalogs(std::vector<core::Messages> catalogs) {
    m_catalogs.clear();
    for (core::Messages& catalog : catalogs) {
        const std::string language = catalog.language();
        m_catalogs.insert_or_assign(language, std::move(catalog));
    }
}

Shell::View Shell::view() const {
    if (m_pinPadOpen) return View::PinPad;
    if (m_menuOpen) return View::Menu;
    if (m_paused) return View::Paused;
    switch (m_flow.screen()) {
    case Screen::Attract: return View::Attract;
    case Screen::TeamPick: return m_askingStillThere ? View::StillThere : View::TeamPick;
    case Screen::StepPage: return m_askingStillThere ? View::StillThere : View::StepPage;
    case Screen::ThankYou: return View::ThankYou;
    }
    return View::Attract;
}

double Shell::nextWakeIn(double now) const {
    double wake = -1.0;
    switch (view()) {
    case View::PinPad: wake = m_pinPad->nextWakeIn(now); break;
    case View::Menu: wake = std::max(0.0, m_lastActivity + kMenuIdleSeconds - now); break;
    case View::Paused: break; // still: nothing to wake for
    case View::Attract:
        wake = attractWakeIn(now);
        if (restartNoticeActive() && m_restartNoticeSince)
            wake = std::min(wake, std::max(0.0, *m_restartNoticeSince + kRestartNoticeSeconds - now));
        break;
    case View::ThankYou: wake = std::max(0.0, m_thankYouSince + kThankYouSeconds - now); break;
    case View::StillThere:
        // The prompt's countdown shows whole seconds: wake at the next one.
        wake = std::min(1.0, std::max(0.0, m_lastActivity + m_idleTimeout + m_stillThereSeconds - now));
        break;
    case View::TeamPick:
    case View::StepPage: wake = std::max(0.0, m_lastActivity + m_idleTimeout - now); break;
    }
    const auto sooner = [&wake](double other) { wake = wake < 0.0 ? other : std::min(wake, other); };
    if (m_cornerPressSince) {
        const double held = now - *m_cornerPressSince;
        sooner(held < kCornerHintSeconds ? kCornerHintSeconds - held : kCornerRingFrameSeconds);
    }
    if (m_keyboard->visible() && m_keyboard->wantsFrame()) sooner(kKeyboardFrameSeconds);
    return wake;
}

std::optional<ScreenRect> Shell::changedArea() const {
    if (!m_animationArea || !m_previousAnimationArea) return std::nullopt;
    const AnimationArea& now = *m_animationArea;
    const AnimationArea& before = *m_previousAnimationArea;
    // Not when another frame (the dashboard's) came in between, nor when the layout moved the animation.
    if (before.frame + 1 != now.frame || before.rect.min.x != now.rect.min.x || before.rect.min.y != now.rect.min.y ||
        before.rect.max.x != now.rect.max.x || before.rect.max.y != now.rect.max.y)
        return std::nullopt;
    return now.rect;
}

void Shell::setIdleTimeout(double seconds) { m_idleTimeout = std::max(1.0, seconds); }

void Shell::setStillThereSeconds(double seconds) { m_stillThereSeconds = std::max(1.0, seconds); }

bool Shell::keyboardVisible() const { return m_keyboard->visible(); }

std::optional<ScreenRect> Shell::menuButtonRect(MenuButton button) const {
    return m_menuOpen ? m_menuRects[static_cast<std::size_t>(button)] : std::nullopt;
}

std::optional<ScreenRect> Shell::allowButtonRect(std::size_t index) const {
    return m_menuOpen && index < m_allowRects.size() ? m_allowRects[index] : std::nullopt;
}

// [SECTION] The participant's language

void Shell::setModuleMaker(ModuleMaker maker) {
    m_moduleMaker = std::move(maker);
}

bool Shell::offersLanguages() const {
    return m_moduleMaker && m_source.languages.size() > 1;
}

bool Shell::chooseLanguage(const std::string& language) {
    if (language == m_language) return true;
    const auto& languages = m_source.languages;
    if (std::find(languages.begin(), languages.end(), language) == languages.end()) return false;
    if (m_flow.screen() != Screen::Attract || (!m_moduleMaker && language != m_source.language)) return false;
    core::Survey resolved = core::resolvedSurvey(m_source, language);
    std::vector<std::unique_ptr<StepModule>> modules;
    if (const auto kept = m_otherModules.find(language); kept != m_otherModules.end()) {
        modules = std::move(kept->second);
        m_otherModules.erase(kept);
    } else {
        try {
            modules = m_moduleMaker(resolved);
        } catch (const std::exception&) {
            modules.clear();
        }
        if (modules.size() != m_source.steps.size()) return false;
    }
    m_otherModules[m_language] = std::move(m_modules);
    m_modules = std::move(modules);
    m_survey = std::move(resolved);
    m_language = language;
    // The same steps and questions in every language, but a module may lay them out on more or fewer pages.
    m_flow = SurveyFlow(pagesPerStep(m_modules), !m_survey.teams.empty());
    m_surveyAvailable = std::any_of(m_modules.begin(), m_modules.end(), [](const auto& m) { return m != nullptr; });
    m_keyboard = std::make_unique<OnScreenKeyboard>(language); // the language's accented letters
    // The shell's words, the keyboard's Done and the modules' own words in the language, when there is a catalog.
    if (const auto words = m_catalogs.find(language); words != m_catalogs.end()) setLanguage(words->second);
    else m_keyboard->setDoneLabel(m_text.done);
    beginParticipant();
    return true;
}

std::optional<ScreenRect> Shell::languageButtonRect(std::size_t index) const {
    return view() == View::Attract && index < m_languageRects.size() ? m_languageRects[index] : std::nullopt;
}

void Shell::nextParticipant() {
    m_flow.restart();
    chooseLanguage(m_source.language);
}

// [SECTION] Activity and the facilitator corner

void Shell::trackActivity() {
    const ImGuiIO& io = ImGui::GetIO();
    bool active = m_keyboardTouched || io.InputQueueCharacters.Size > 0 || io.MouseWheel != 0.0f;
    m_keyboardTouched = false;
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
    const double idle = m_now - m_lastActivity;
    if (m_menuOpen && idle >= kMenuIdleSeconds) {
        m_menuOpen = false; // left open and forgotten: back to the station
        return;
    }
    // A language picked by someone who then left without starting: the next person finds the default again.
    if (view() == View::Attract && m_language != m_source.language && idle >= m_idleTimeout)
        chooseLanguage(m_source.language);
    const bool midSurvey = m_flow.screen() == Screen::TeamPick || m_flow.screen() == Screen::StepPage;
    if (!midSurvey || m_pinPadOpen || m_menuOpen || m_paused) return;
    if (idle >= m_idleTimeout + m_stillThereSeconds) {
        // Walked away: nothing of theirs stays in memory, and nothing was stored.
        beginParticipant();
        nextParticipant();
        m_askingStillThere = false;
    } else if (idle >= m_idleTimeout) {
        m_askingStillThere = true;
    }
}

bool Shell::facilitatorWired() const {
    return m_pinPad && m_facilitator.loadPinHash && m_facilitator.savePinHash && m_facilitator.onFacilitator;
}

// Mid-survey a long press is just a participant thinking; only the screens between participants listen.
bool Shell::cornerGestureAllowed() const {
    const View shown = view();
    return facilitatorWired() && (shown == View::Attract || shown == View::ThankYou || shown == View::Paused);
}

ScreenRect Shell::cornerRect() const {
    // About 15 mm: the theme's touch target is that size on the actual display.
    const ImVec2 origin = ImGui::GetMainViewport()->Pos;
    const float size = m_theme.minTouchTarget;
    return ScreenRect{origin, ImVec2(origin.x + size, origin.y + size)};
}

void Shell::trackCornerHold() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseClicked[0]) m_cornerHoldShown = false; // a new press: whether it is a tap is decided afresh
    if (!cornerGestureAllowed() || !io.MouseDown[0]) {
        m_cornerPressSince.reset();
        return;
    }
    const ScreenRect corner = cornerRect();
    if (io.MouseClicked[0] && corner.contains(io.MousePos)) m_cornerPressSince = m_now;
    if (!m_cornerPressSince) return;
    // A finger rolls a little while it waits: it may wander half a corner further before the press is let go.
    const float slack = (corner.max.x - corner.min.x) * 0.5f;
    const ScreenRect allowed{corner.min, ImVec2(corner.max.x + slack, corner.max.y + slack)};
    if (!allowed.contains(io.MousePos)) {
        m_cornerPressSince.reset();
        return;
    }
    const double held = m_now - *m_cornerPressSince;
    if (held >= kCornerHintSeconds) m_cornerHoldShown = true;
    if (held >= kCornerHoldSeconds) {
        m_cornerPressSince.reset();
        // The press that opened the pad must not also press whatever is under the finger once it lifts.
        ImGui::ClearActiveID();
        openPinPad();
    }
}

void Shell::drawCornerProgress() const {
    if (!m_cornerPressSince) return;
    const double held = m_now - *m_cornerPressSince;
    if (held < kCornerHintSeconds) return;
    // The ring fills from the hint to the hold time: progress = (held - hint) / (hold - hint).
    const float progress = static_cast<float>(
        std::clamp((held - kCornerHintSeconds) / (kCornerHoldSeconds - kCornerHintSeconds), 0.0, 1.0));
    const ScreenRect corner = cornerRect();
    const ImVec2 centre = corner.centre();
    const float radius = (corner.max.x - corner.min.x) * 0.32f;
    const float thickness = std::max(2.0f, 4.0f * m_theme.scale);
    ImDrawList* drawList = ImGui::GetForegroundDrawList();
    drawList->AddCircle(centre, radius, (m_theme.muted & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 60), 40, thickness);
    constexpr float kTop = -IM_PI * 0.5f;
    drawList->PathArcTo(centre, radius, kTop, kTop + 2.0f * IM_PI * progress, 40);
    drawList->PathStroke(m_theme.accent, 0, thickness);
}

// [SECTION] The facilitator's way in

void Shell::setFacilitatorAccess(FacilitatorAccess access) {
    m_facilitator = std::move(access);
    m_pinPadOpen = false;
    m_menuOpen = false;
    m_pinPad = std::make_unique<PinPad>(m_theme, m_text,
                                        PinStorage{m_facilitator.loadPinHash, m_facilitator.savePinHash,
                                                   m_facilitator.loadPinThrottle, m_facilitator.savePinThrottle});
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

void Shell::openPinPad() {
    // From the thank-you screen: that participant's answers are stored and forgotten already.
    nextParticipant();
    m_pinPad->open(m_now);
    m_pinPadOpen = true;
}

void Shell::openMenu() {
    m_menuOpen = true;
    m_lastActivity = m_now;
    m_participantCount.reset();
    try {
        if (m_facilitator.participantCount) m_participantCount = m_facilitator.participantCount();
    } catch (const std::exception&) {
        // The menu shows a dash instead of a number.
    }
    m_stoppedModules.clear();
    try {
        if (m_facilitator.stoppedModules) m_stoppedModules = m_facilitator.stoppedModules();
    } catch (const std::exception&) {
        // Nothing listed; the modules stay stopped.
    }
}

// [SECTION] Frame

bool Shell::filterInput(ImGuiIO& io) {
    if (!m_keyboard->visible()) return false;
    // Characters the backend queued (the on-screen keyboard has typed none yet this frame): a real keyboard is in
    // use, so the on-screen one steps aside, where it would only cover Back and Next, until the field lets go.
    if (io.InputQueueCharacters.Size > 0) {
        m_physicalKeys = true;
        m_keyboard->setVisible(false);
        return false;
    }
    const bool taken = m_keyboard->filterInput(io);
    m_keyboardTouched = m_keyboardTouched || taken;
    return taken;
}

void Shell::placeKeyboard() {
    // Done on the keyboard: the text field lets go, and the keyboard goes with it.
    if (m_keyboard->takeDoneRequest()) ImGui::ClearActiveID();
    // io.WantTextInput says a text field was active in the last frame: a module's, as only step pages have them.
    const bool typing = ImGui::GetIO().WantTextInput && ImGui::IsAnyItemActive() && view() == View::StepPage;
    if (!typing) m_physicalKeys = false; // the next field offers the on-screen keyboard again
    const bool wanted = typing && !m_physicalKeys;
    m_keyboardJustShown = wanted && !m_keyboard->visible();
    m_keyboard->setVisible(wanted);
    if (!wanted) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float height = std::min(m_keyboard->preferredHeight(viewport->WorkSize.x, m_theme),
                                  viewport->WorkSize.y * 0.6f);
    const ImVec2 max(viewport->WorkPos.x + viewport->WorkSize.x, viewport->WorkPos.y + viewport->WorkSize.y);
    m_keyboardTop = max.y - height;
    m_keyboard->layout(ImVec2(viewport->WorkPos.x, m_keyboardTop), max, m_theme);
}

void Shell::draw(double now) {
    m_now = now;
    m_previousAnimationArea = m_animationArea;
    m_animationArea.reset();
    beginFullWindow("alignkiosk");
    if (m_theme.body) ImGui::PushFont(m_theme.body);

    trackActivity();
    trackCornerHold();
    placeKeyboard();
    const View shown = view();
    if (shown == View::Attract) {
        drawAttract(); // the whole window is its target, so it is not drawn in the column
    } else {
        // One readable column, centred on wide screens.
        const float maxWidth = 1200.0f * m_theme.scale;
        const float available = ImGui::GetContentRegionAvail().x;
        const float width = std::min(available, maxWidth);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (available - width) * 0.5f);
        ImGui::BeginChild("column", ImVec2(width, 0.0f), false, ImGuiWindowFlags_NoScrollbar);
        switch (shown) {
        case View::PinPad: drawFacilitatorPin(); break;
        case View::Menu: drawFacilitatorMenu(); break;
        case View::Paused: drawPaused(); break;
        case View::TeamPick: drawTeamPick(); break;
        case View::StepPage: drawStepPage(); break;
        case View::StillThere: drawStillThere(); break;
        case View::ThankYou: drawThankYou(); break;
        case View::Attract: break;
        }
        ImGui::EndChild();
    }
    drawCornerProgress();
    if (m_keyboard->visible()) m_keyboard->draw(m_theme);

    if (m_theme.body) ImGui::PopFont();
    ImGui::End();
}

// [SECTION] Shared by the participant's views

void Shell::drawProgressHeader() {
    const std::string label =
        m_flow.pageNumber() == 0
            ? std::string()
            : m_text.format(m_text.pageOf,
                            {{"page", int64_t{m_flow.pageNumber()}}, {"pages", int64_t{m_flow.pageTotal()}}});
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
    m_restartNotice = false; // meant for whoever was answering when the station restarted, not the next person
    for (auto& module : m_modules)
        if (module) module->reset();
    forgetTextInput();
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
        if (!module) continue; // its step was left out (the module was stopped after a crash)
        std::optional<std::string> payload = module->answerJson();
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
