#include "shell_text.h"

#include <array>
#include <utility>

namespace alignkiosk::ui {

namespace {

// The file keys, one per ShellText field (to_array counts them: a miscounted std::array would end in null entries).
constexpr auto kFields = std::to_array<std::pair<const char*, std::string ShellText::*>>({
    {"tap_to_start", &ShellText::tapToStart},
    {"next", &ShellText::next},
    {"back", &ShellText::back},
    {"finish", &ShellText::finish},
    {"done", &ShellText::done},
    {"anonymity_promise", &ShellText::anonymityPromise},
    {"team_question", &ShellText::teamQuestion},
    {"team_help", &ShellText::teamHelp},
    {"prefer_not_to_say", &ShellText::preferNotToSay},
    {"page_of", &ShellText::pageOf},
    {"still_there_title", &ShellText::stillThereTitle},
    {"still_there_body", &ShellText::stillThereBody},
    {"still_here", &ShellText::stillHere},
    {"thank_you_title", &ShellText::thankYouTitle},
    {"thank_you_body", &ShellText::thankYouBody},
    {"thank_you_delivered", &ShellText::thankYouDelivered},
    {"thank_you_kept", &ShellText::thankYouKept},
    {"save_failed", &ShellText::saveFailed},
    {"module_failed", &ShellText::moduleFailed},
    {"facilitator", &ShellText::facilitator},
    {"pin_choose", &ShellText::pinChoose},
    {"pin_choose_help", &ShellText::pinChooseHelp},
    {"pin_confirm", &ShellText::pinConfirm},
    {"pin_mismatch", &ShellText::pinMismatch},
    {"pin_enter", &ShellText::pinEnter},
    {"pin_wrong", &ShellText::pinWrong},
    {"pin_locked_out", &ShellText::pinLockedOut},
    {"pin_unavailable", &ShellText::pinUnavailable},
    {"ok", &ShellText::ok},
    {"cancel", &ShellText::cancel},
    {"paused_title", &ShellText::pausedTitle},
    {"paused_body", &ShellText::pausedBody},
    {"menu_title", &ShellText::menuTitle},
    {"participants_finished", &ShellText::participantsFinished},
    {"pause_station", &ShellText::pauseStation},
    {"pause_help", &ShellText::pauseHelp},
    {"resume_station", &ShellText::resumeStation},
    {"resume_help", &ShellText::resumeHelp},
    {"open_dashboard", &ShellText::openDashboard},
    {"exit_kiosk", &ShellText::exitKiosk},
    {"back_to_station", &ShellText::backToStation},
    {"restart_title", &ShellText::restartTitle},
    {"restart_body", &ShellText::restartBody},
    {"survey_unavailable", &ShellText::surveyUnavailable},
    {"stopped_title", &ShellText::stoppedTitle},
    {"stopped_help", &ShellText::stoppedHelp},
    {"stopped_in_page", &ShellText::stoppedInPage},
    {"stopped_in_panel", &ShellText::stoppedInPanel},
    {"stopped_elsewhere", &ShellText::stoppedElsewhere},
    {"allow_again", &ShellText::allowAgain},
    {"allow_again_later", &ShellText::allowAgainLater},
    {"allowed_at_next_start", &ShellText::allowedAtNextStart},
});

} // namespace

std::vector<std::string> shellTextIds() {
    std::vector<std::string> ids;
    for (const auto& [name, field] : kFields) ids.emplace_back(name);
    return ids;
}

ShellText shellTextFrom(const core::Messages& messages) {
    ShellText text;
    text.language = messages.language();
    for (const auto& [name, field] : kFields) {
        const std::string pattern = messages.pattern(name);
        text.*field = core::messageArguments(pattern).empty() ? messages.text(name) : pattern;
    }
    return text;
}

ShellText loadShellText(const std::filesystem::path& assetDir, const std::string& language, std::string& warning) {
    const core::Messages messages = core::Messages::load(assetDir, language, warning);
    if (!warning.empty()) warning += "; using the built-in English words";
    return shellTextFrom(messages);
}

} // namespace alignkiosk::ui
