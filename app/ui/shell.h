// The participant's side of the kiosk: welcome -> optional team pick -> every page of every step -> thank-you ->
// welcome for the next person. Draws one full-window ImGui frame at a time; the platform layer owns the window and
// decides when to draw (see nextWakeIn). A small Facilitator button on the welcome screen opens a PIN pad that leads
// to the facilitator's view; nothing of anyone's answers is reachable from the shell itself.
#pragma once

#include "core/response_store.h"
#include "core/survey_model.h"
#include "plugin_host/module_instance.h"
#include "ui/pin_pad.h"
#include "ui/shell_text.h"
#include "ui/survey_flow.h"
#include "ui/theme.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace alignkiosk::ui {

class Shell {
public:
    // Stores one finished survey; throws (std::exception) when it could not, and then nothing was stored.
    using SubmitFunction = std::function<void(const core::Submission&)>;

    static constexpr double kThankYouSeconds = 6.0;
    // Walk-away handling: after this long without a touch in the middle of a survey a "Still there?" prompt counts
    // down kStillThereSeconds, then the partial answers are wiped and the welcome screen returns.
    static constexpr double kDefaultIdleSeconds = 60.0;
    static constexpr double kStillThereSeconds = 15.0;

    // The way to the facilitator's view, wired by the platform. The Facilitator button shows only when all three are
    // set. loadPinHash/savePinHash reach the stored PIN hash (throwing std::exception when they cannot);
    // onFacilitator runs, inside draw(), once the right PIN was entered (or a first PIN chosen): switch views after
    // the frame. The shell is back on its welcome screen by then.
    struct FacilitatorAccess {
        std::function<std::optional<std::string>()> loadPinHash;
        std::function<void(const std::string&)> savePinHash;
        std::function<void()> onFacilitator;
    };

    // One module instance per survey step, in step order.
    Shell(const core::Survey& survey, std::vector<std::unique_ptr<plugin_host::ModuleInstance>> modules,
          SubmitFunction submit, Theme theme, ShellText text = {});

    // Draws the whole frame (call between ImGui::NewFrame and ImGui::Render). `now` is in seconds, any epoch.
    void draw(double now);
    // The colour to clear the frame to (the window draws no background of its own: see Dashboard::backgroundColor).
    ImU32 backgroundColor() const { return ImGui::GetColorU32(ImGuiCol_WindowBg); }
    // Seconds until the shell changes by itself (the thank-you screen returning, the PIN pad's countdown or idle
    // timeout), or a negative number for never.
    double nextWakeIn(double now) const;

    // Wires the Facilitator button. When no PIN has been chosen yet, the PIN pad opens at once and cannot be left
    // until one is: the person starting the kiosk chooses it, not the first participant who finds the button.
    void setFacilitatorAccess(FacilitatorAccess access);

    // Seconds without a touch before the "Still there?" prompt (kDefaultIdleSeconds unless set; at least 1).
    void setIdleTimeout(double seconds);
    // Whether the "Still there?" prompt is on screen.
    bool askingStillThere() const { return m_askingStillThere; }

    const SurveyFlow& flow() const { return m_flow; }
    // The PIN pad, when it is on screen (it covers the welcome screen).
    const PinPad* facilitatorPinPad() const { return m_pinPadOpen ? m_pinPad.get() : nullptr; }

private:
    void drawWelcome();
    void drawFacilitatorEntry();
    void drawFacilitatorPin();
    void drawTeamPick();
    void drawStepPage();
    void drawThankYou();
    void drawStillThere();
    // Notes a touch, key or pointer movement in this frame; asks "Still there?" and walks away when there was none.
    void trackActivity();
    void drawProgressHeader();
    // Back and Next/Finish along the bottom (no Next when nextLabel is empty); returns what was pressed.
    enum class NavAction { None, Back, Next };
    NavAction drawNavigation(bool nextEnabled, const std::string& nextLabel);

    void beginParticipant();
    void finish();

    const core::Survey& m_survey;
    std::vector<std::unique_ptr<plugin_host::ModuleInstance>> m_modules;
    SubmitFunction m_submit;
    Theme m_theme;
    ShellText m_text;
    SurveyFlow m_flow;
    std::optional<std::string> m_team;
    double m_now = 0.0;
    double m_thankYouSince = 0.0;
    double m_idleTimeout = kDefaultIdleSeconds;
    double m_lastActivity = 0.0;
    bool m_askingStillThere = false;
    std::string m_error;
    FacilitatorAccess m_facilitator;
    std::unique_ptr<PinPad> m_pinPad; // kept while the shell lives, so its wrong-try count survives closing it
    bool m_pinPadOpen = false;
    bool m_choosingFirstPin = false; // the start-up choice of a PIN: required, and not a way into the dashboard
};

} // namespace alignkiosk::ui
