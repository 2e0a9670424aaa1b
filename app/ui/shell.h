// The participant's side of the kiosk: welcome -> optional team pick -> every page of every step -> thank-you ->
// welcome for the next person. Draws one full-window ImGui frame at a time; the platform layer owns the window and
// decides when to draw (see nextWakeIn).
#pragma once

#include "core/response_store.h"
#include "core/survey_model.h"
#include "plugin_host/module_instance.h"
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

    // One module instance per survey step, in step order.
    Shell(const core::Survey& survey, std::vector<std::unique_ptr<plugin_host::ModuleInstance>> modules,
          SubmitFunction submit, Theme theme, ShellText text = {});

    // Draws the whole frame (call between ImGui::NewFrame and ImGui::Render). `now` is in seconds, any epoch.
    void draw(double now);
    // Seconds until the shell changes by itself (the thank-you screen returning), or a negative number for never.
    double nextWakeIn(double now) const;

    const SurveyFlow& flow() const { return m_flow; }

private:
    void drawWelcome();
    void drawTeamPick();
    void drawStepPage();
    void drawThankYou();
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
    std::string m_error;
};

} // namespace alignkiosk::ui
