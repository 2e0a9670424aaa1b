// The participant's side of the kiosk: attract screen -> optional team pick -> every page of every step -> thank-you ->
// attract screen for the next person. Draws one full-window ImGui frame at a time; the platform layer owns the window
// and decides when to draw (see nextWakeIn). A facilitator reaches a PIN pad (a 3-second press in the top-left corner
// of the attract, thank-you or paused screen; in a window also a small button) and then the facilitator menu: the
// response count, pause, the dashboard, exit. Nothing of anyone's answers is reachable from the shell itself.
#pragma once

#include "core/submission.h"
#include "core/survey_model.h"
#include "ui/pin_pad.h"
#include "ui/shell_text.h"
#include "ui/step_module.h"
#include "ui/survey_flow.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace alignkiosk::ui {

class OnScreenKeyboard;

class Shell {
public:
    // Stores one finished survey; throws (std::exception) when it could not, and then nothing was stored.
    using SubmitFunction = std::function<void(const core::Submission&)>;

    static constexpr double kThankYouSeconds = 6.0;
    // Walk-away handling: after this long without a touch in the middle of a survey a "Still there?" prompt counts
    // down (kDefaultStillThereSeconds unless set), then the partial answers are wiped and the attract screen returns.
    static constexpr double kDefaultIdleSeconds = 60.0;
    static constexpr double kDefaultStillThereSeconds = 15.0;
    // The attract screen's sign of life: every kRipplePeriodSeconds a ripple leaves the dot in kRippleSteps frames
    // kAttractFrameSeconds apart, then one frame shows the dot at rest; nothing is drawn in between. Each of those
    // frames costs about a millisecond even though only the ripple's square is drawn and shown (changedArea), so they
    // are few: an idle station uses well under 0.1 % of a core, its X server included.
    static constexpr double kAttractFrameSeconds = 0.25;
    static constexpr int kRippleSteps = 4;
    static constexpr double kRippleSeconds = kRippleSteps * kAttractFrameSeconds;
    static constexpr double kRipplePeriodSeconds = 8.0;
    // The facilitator corner: a press held this long opens the PIN pad; a progress ring shows from kCornerHintSeconds
    // on, so a facilitator knows it is working and a participant who leans on the corner sees nothing.
    static constexpr double kCornerHoldSeconds = 3.0;
    static constexpr double kCornerHintSeconds = 1.0;
    // The facilitator menu closes by itself when nobody touches it for this long, so a participant never finds it.
    static constexpr double kMenuIdleSeconds = 60.0;
    // After the station restarted itself, the attract screen says so this long (or until someone starts): long
    // enough for the participant who was answering to read it, not so long that everyone after them does.
    static constexpr double kRestartNoticeSeconds = 60.0;

    // What is on screen.
    enum class View { Attract, TeamPick, StepPage, StillThere, ThankYou, Paused, PinPad, Menu };
    // The facilitator menu's buttons, for menuButtonRect().
    enum class MenuButton { PauseOrResume, Dashboard, Exit, Back };

    // The way to the facilitator menu, wired by the platform. The corner gesture and the Facilitator button work only
    // when the first three are set. loadPinHash/savePinHash reach the stored PIN hash (throwing std::exception when
    // they cannot); onFacilitator opens the dashboard, inside draw(): switch views after the frame (the shell is back
    // on its attract or paused screen by then). participantCount (optional) says how many people finished this
    // survey; onExit (optional: no Exit button without it) asks the platform to close the kiosk. load/savePinThrottle
    // (optional) keep the wrong-try throttle across restarts.
    // A module the station stopped using after it crashed the station (the facilitator menu lists them).
    struct StoppedModule {
        std::string moduleId;
        std::string name;   // as the plugin describes it; empty when no plugin file offers it now
        std::string signal; // "SIGSEGV"
        std::string call;   // the plugin function that never returned ("draw_page", "draw_panel", ...), or empty
    };

    struct FacilitatorAccess {
        std::function<std::optional<std::string>()> loadPinHash;
        std::function<void(const std::string&)> savePinHash;
        std::function<void()> onFacilitator;
        std::function<uint64_t()> participantCount;
        std::function<void()> onExit;
        std::function<core::PinThrottle()> loadPinThrottle;
        std::function<void(const core::PinThrottle&)> savePinThrottle;
        // Optional: the stopped modules (read when the menu opens), and allowing one again (inside draw()).
        // allowRestartsStation: the platform starts the station again at once to load it (under the supervisor);
        // otherwise it is loaded at the next start, and the menu says so.
        std::function<std::vector<StoppedModule>()> stoppedModules;
        std::function<void(const std::string& moduleId)> allowModule;
        bool allowRestartsStation = false;
    };

    // One step module per survey step, in step order; a null one (its module was stopped after a crash) leaves
    // its step out: the survey goes on without it, and the submission has no row for it. A survey left with no page
    // at all does not start: the attract screen asks for the facilitator instead. `survey` is the loaded survey with
    // all its languages, its texts in survey.language (the modules' language); the shell keeps a copy.
    Shell(const core::Survey& survey, std::vector<std::unique_ptr<StepModule>> modules,
          SubmitFunction submit, Theme theme, ShellText text = {});
    ~Shell();
    Shell(const Shell&) = delete;
    Shell& operator=(const Shell&) = delete;

    // Lets the on-screen keyboard take this frame's taps on its keys. Call after the backend's NewFrame and before
    // ImGui::NewFrame; returns whether it took any. Characters from a real keyboard put the on-screen one away until
    // the text field lets go.
    bool filterInput(ImGuiIO& io);
    // Draws the whole frame (call between ImGui::NewFrame and ImGui::Render). `now` is in seconds, any epoch.
    void draw(double now);
    // The colour to clear the frame to (the window draws no background of its own: see Dashboard::backgroundColor).
    ImU32 backgroundColor() const { return ImGui::GetColorU32(ImGuiCol_WindowBg); }
    // Seconds until the shell changes by itself (the attract animation, the thank-you screen returning, the PIN pad's
    // countdown, the idle timeout), or a negative number for never.
    double nextWakeIn(double now) const;
    // After draw(): the part of the window (screen coordinates) outside which this frame is the same as the frame drawn
    // just before it, when the shell knows (two frames of the attract animation in a row); otherwise nothing. The
    // platform then needs to draw and show only that part, when no input arrived in between.
    std::optional<ScreenRect> changedArea() const;

    // The participant's language: the shell's words (`messages`), the on-screen keyboard and every step module's own
    // words follow it from the next frame. The one call a language picker makes.
    void setLanguage(const core::Messages& messages);
    const ShellText& text() const { return m_text; }
    // The shell's words in each of the survey's languages, one catalog per language (keyed by Messages::language(),
    // loaded once at start): chooseLanguage switches to the picked language's with setLanguage, and the next
    // participant gets the default language's again. A language without a catalog keeps the words shown.
    void setCatalogs(std::vector<core::Messages> catalogs);

    // Wires the facilitator's way in. When no PIN has been chosen yet, the PIN pad opens at once and cannot be left
    // until one is: the person starting the kiosk chooses it, not the first participant who finds the corner.
    void setFacilitatorAccess(FacilitatorAccess access);
    // Kiosk mode (a touchscreen station): no Facilitator button on the attract screen, only the corner gesture.
    // Off (a window on a laptop): the small button as well.
    void setKioskMode(bool on) { m_kioskMode = on; }

    // The station has just restarted itself after a crash: the attract screen tells whoever was answering, calmly, to
    // start again (for kRestartNoticeSeconds, or until the next participant starts).
    void showRestartNotice() { m_restartNotice = true; }
    bool restartNoticeShown() const { return m_restartNotice; }
    // Whether any step has a page to show (false when every step's module was stopped).
    bool surveyAvailable() const { return m_surveyAvailable; }

    // Where a finished survey went, for the thank-you screen: a station's own store (Saved), or a laptop's delivery to
    // the facilitator's collector, acknowledged (Delivered) or waiting in the laptop's outbox (Kept). The platform
    // sets it in the submit function, and again when a kept submission is delivered while the screen is up.
    enum class DeliveryStatus { Saved, Delivered, Kept };
    void setDeliveryStatus(DeliveryStatus status) { m_deliveryStatus = status; }
    DeliveryStatus deliveryStatus() const { return m_deliveryStatus; }
    // The thank-you screen's body for the current delivery status.
    const std::string& thankYouBody() const;

    // The step modules for the survey in another of its languages (core::resolvedSurvey: the plugins get their
    // content in that language), one per step as for the constructor; an empty list when they cannot be made. Asked
    // the first time a participant picks that language, and kept.
    using ModuleMaker = std::function<std::vector<std::unique_ptr<StepModule>>(const core::Survey& resolved)>;
    // With a maker, a survey in several languages offers them on the attract screen, each by its own name. The
    // choice lasts for that participant and goes back to the survey's default for the next one: after Finish, a
    // walk-away, the facilitator's PIN pad, or an attract screen left untouched for the idle timeout.
    void setModuleMaker(ModuleMaker maker);
    // The language the participant's screens are in now (a BCP 47 tag of the survey's, e.g. "de"), for the shell's
    // own words.
    const std::string& currentLanguage() const { return m_language; }
    // Switches the participant's screens to `language` between participants (attract screen); false (and nothing
    // changes) for a language the survey does not hold, mid-survey, or when its modules cannot be made.
    bool chooseLanguage(const std::string& language);
    // The survey as the participant sees it now (in currentLanguage()).
    const core::Survey& shownSurvey() const { return m_survey; }
    // Where the attract screen's button for the survey's index-th language was drawn in the last frame.
    std::optional<ScreenRect> languageButtonRect(std::size_t index) const;

    // Seconds without a touch before the "Still there?" prompt (kDefaultIdleSeconds unless set; at least 1).
    void setIdleTimeout(double seconds);
    // Seconds the "Still there?" prompt counts down (kDefaultStillThereSeconds unless set; at least 1).
    void setStillThereSeconds(double seconds);
    // Whether the "Still there?" prompt is on screen.
    bool askingStillThere() const { return m_askingStillThere; }

    View view() const;
    const SurveyFlow& flow() const { return m_flow; }
    bool paused() const { return m_paused; }
    bool keyboardVisible() const;
    // The on-screen keyboard (where its keys are, for tests that tap them).
    const OnScreenKeyboard& keyboard() const { return *m_keyboard; }
    // The PIN pad, when it is on screen (it covers the attract screen).
    const PinPad* facilitatorPinPad() const { return m_pinPadOpen ? m_pinPad.get() : nullptr; }
    // Where a facilitator menu button was drawn in the last frame (screen coordinates), for tests that tap it.
    std::optional<ScreenRect> menuButtonRect(MenuButton button) const;
    // Where the menu's "Allow again" button for the index-th stopped module was drawn in the last frame.
    std::optional<ScreenRect> allowButtonRect(std::size_t index) const;
    // The facilitator corner (screen coordinates).
    ScreenRect cornerRect() const;

private:
    void drawAttract();
    // The language buttons in one centred row whose top is at window y `top`; records where they are.
    void drawLanguagePicker(float top);
    float languagePickerHeight() const;
    bool offersLanguages() const;
    void drawAttractAnimation(ImVec2 centre, float radius);
    static double attractWakeIn(double now);
    void drawFacilitatorEntry();
    void drawFacilitatorPin();
    void drawFacilitatorMenu();
    void drawStoppedModules();
    void drawRestartNotice(float left, float middle, float width);
    bool restartNoticeActive() const;
    void drawPaused();
    void drawTeamPick();
    void drawStepPage();
    void drawThankYou();
    void drawStillThere();
    void drawCornerProgress() const;
    // Notes a touch, key or pointer movement in this frame; asks "Still there?" and walks away when there was none;
    // closes a forgotten facilitator menu.
    void trackActivity();
    // Follows a press in the facilitator corner and opens the PIN pad when it was held long enough.
    void trackCornerHold();
    bool cornerGestureAllowed() const;
    bool facilitatorWired() const;
    // Shows the on-screen keyboard along the bottom while a module's text field is active.
    void placeKeyboard();
    void drawProgressHeader();
    // Back and Next/Finish along the bottom (no Next when nextLabel is empty); returns what was pressed.
    enum class NavAction { None, Back, Next };
    NavAction drawNavigation(bool nextEnabled, const std::string& nextLabel);

    void openPinPad();
    void openMenu();
    void beginParticipant();
    // Back to the attract screen for the next person, in the survey's default language.
    void nextParticipant();
    void finish();

    core::Survey m_source;  // every language
    core::Survey m_survey;  // in m_language
    std::string m_language;
    std::vector<std::unique_ptr<StepModule>> m_modules; // m_language's
    ModuleMaker m_moduleMaker;
    std::map<std::string, std::vector<std::unique_ptr<StepModule>>> m_otherModules; // the other languages' so far
    std::vector<std::optional<ScreenRect>> m_languageRects;
    SubmitFunction m_submit;
    Theme m_theme;
    ShellText m_text;
    std::map<std::string, core::Messages> m_catalogs; // by language: the words chooseLanguage switches to
    SurveyFlow m_flow;
    std::optional<std::string> m_team; // the picked team's id
    double m_now = 0.0;
    double m_thankYouSince = 0.0;
    double m_idleTimeout = kDefaultIdleSeconds;
    double m_stillThereSeconds = kDefaultStillThereSeconds;
    double m_lastActivity = 0.0;
    bool m_askingStillThere = false;
    std::string m_error;
    bool m_kioskMode = false;
    bool m_paused = false;

    FacilitatorAccess m_facilitator;
    std::unique_ptr<PinPad> m_pinPad; // kept while the shell lives, so its wrong-try count survives closing it
    bool m_pinPadOpen = false;
    bool m_choosingFirstPin = false; // the start-up choice of a PIN: required, and not a way into the menu
    bool m_menuOpen = false;
    std::optional<uint64_t> m_participantCount; // read when the menu opens
    std::array<std::optional<ScreenRect>, 4> m_menuRects{};
    std::vector<StoppedModule> m_stoppedModules; // read when the menu opens
    std::vector<std::string> m_allowedUntilRestart; // allowed again, loaded at the next start (no supervisor)
    std::vector<std::optional<ScreenRect>> m_allowRects;

    // Where the attract animation was drawn, and in which ImGui frame: this frame's and the one before (changedArea).
    struct AnimationArea {
        int frame = 0;
        ScreenRect rect;
    };
    std::optional<AnimationArea> m_animationArea;
    std::optional<AnimationArea> m_previousAnimationArea;

    DeliveryStatus m_deliveryStatus = DeliveryStatus::Saved;
    bool m_surveyAvailable = true;
    bool m_restartNotice = false;
    std::optional<double> m_restartNoticeSince; // the first frame that showed it

    std::optional<double> m_cornerPressSince; // a press that began in the corner and is still held there
    bool m_cornerHoldShown = false;           // the current press showed the ring: its release is not a tap

    std::unique_ptr<OnScreenKeyboard> m_keyboard;
    bool m_keyboardTouched = false;  // filterInput took a tap since the last frame
    bool m_keyboardJustShown = false; // it appeared this frame: bring the tapped text field above it
    bool m_physicalKeys = false;      // a real keyboard typed into the active field: the on-screen one stays away
    float m_keyboardTop = 0.0f;       // screen y, while it is visible
};

} // namespace alignkiosk::ui
