// The shell's own words (buttons, the anonymity promise, thank-you). Survey wording comes from the survey file; these
// are the frame around it. English defaults here; the catalog for the survey's language (core::Messages,
// assets/strings/<language>.json) replaces them. A word with arguments is kept as its ICU MessageFormat pattern and
// filled in with format() when drawn, so plurals and numbers follow the language.
#pragma once

#include "core/messages.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace alignkiosk::ui {

struct ShellText {
    // The language the words are in (BCP 47): format() fills in plurals and numbers the way it writes them.
    std::string language = "en";
    // The attract screen: the whole screen starts the survey.
    std::string tapToStart = "Tap anywhere to start";
    std::string next = "Next";
    std::string back = "Back";
    std::string finish = "Finish";
    std::string done = "Done";
    // {k}: the survey's smallest group the dashboard shows.
    std::string anonymityPromise =
        "Anonymous by design: no names, no log-ins, no times finer than the day, and no record of the order people "
        "answered in. "
        "Results are only ever shown for groups of at least {k, plural, one {# person} other {# people}}, never for one "
        "person.";
    std::string teamQuestion = "Which team are you part of?";
    std::string teamHelp = "Only used to compare teams as groups. You can skip it.";
    std::string preferNotToSay = "Prefer not to say";
    std::string pageOf = "Page {page} of {pages}";
    std::string stillThereTitle = "Still there?";
    // {seconds}: the countdown.
    std::string stillThereBody =
        "Your answers so far will be cleared in {seconds, plural, one {# second} other {# seconds}}, so the next person "
        "starts fresh.";
    std::string stillHere = "I'm still here";
    std::string thankYouTitle = "Thank you!";
    std::string thankYouBody = "Your answers are saved. The screen will be ready for the next person in a moment.";
    // A laptop that joined a collection: what the thank-you screen says about its answers instead of thankYouBody.
    std::string thankYouDelivered = "Delivered. Your answers reached the facilitator's computer.";
    std::string thankYouKept =
        "Kept on this laptop; it will be sent when the facilitator's computer can be reached.";
    std::string saveFailed = "Your answers could not be saved, and nothing was lost. Please tell the facilitator.";
    std::string moduleFailed = "This part of the survey cannot be shown right now. Please tell the facilitator.";
    // The facilitator entry on the attract screen and its PIN pad ({seconds}: the lock-out left).
    std::string facilitator = "Facilitator";
    std::string pinChoose = "Choose a facilitator PIN";
    std::string pinChooseHelp = "4 to 8 digits. It opens the team results on this kiosk, so keep it to yourself.";
    std::string pinConfirm = "Enter the same PIN again";
    std::string pinMismatch = "The two PINs were not the same. Please start again.";
    std::string pinEnter = "Facilitator PIN";
    std::string pinWrong = "Wrong PIN.";
    std::string pinLockedOut = "Too many wrong tries. Try again in {seconds} s.";
    std::string pinUnavailable = "The facilitator PIN cannot be read or saved right now. Please try again.";
    std::string ok = "OK";
    std::string cancel = "Cancel";
    // What participants see while the facilitator has paused the station.
    std::string pausedTitle = "This station is paused";
    std::string pausedBody = "Thank you for stopping by. It will be open again in a moment.";
    // The facilitator menu, reached with the PIN.
    std::string menuTitle = "Facilitator";
    // Beside the count, drawn large on its own: {count} only chooses the plural.
    std::string participantsFinished =
        "{count, plural, one {person finished this survey} other {people finished this survey}}";
    std::string pauseStation = "Pause the station";
    std::string pauseHelp = "Participants then see a paused screen. To come back here, hold the top-left corner of "
                            "the screen for 3 seconds.";
    std::string resumeStation = "Resume the station";
    std::string resumeHelp = "The station is paused: participants cannot start the survey.";
    std::string openDashboard = "Open the dashboard";
    std::string exitKiosk = "Exit the kiosk";
    std::string backToStation = "Back to the station";
    // After the station restarted itself because a module crashed: on the attract screen, for whoever was answering.
    std::string restartTitle = "Sorry, something went wrong";
    std::string restartBody = "The survey had to start over, and the answers given so far were not kept. Please tap "
                              "anywhere to start again.";
    // Every step of the survey uses a module that was stopped after a crash.
    std::string surveyUnavailable = "This survey cannot be taken right now. Please tell the facilitator.";
    // The facilitator menu's list of modules stopped after they crashed the station. {module}: its name and id;
    // {signal}: how it crashed (SIGSEGV); {call}: the plugin function it was in.
    std::string stoppedTitle = "Stopped after a crash";
    std::string stoppedHelp = "These modules crashed the station and are not loaded. Their steps are left out of the "
                              "survey until you allow them again.";
    std::string stoppedInPage = "{module} crashed while showing a page ({signal}).";
    std::string stoppedInPanel = "{module} crashed while drawing its dashboard panel ({signal}).";
    std::string stoppedElsewhere = "{module} crashed ({signal} in {call}).";
    std::string allowAgain = "Allow again";
    std::string allowAgainLater = "A module allowed again is loaded the next time the kiosk starts.";
    std::string allowedAtNextStart = "{module} is allowed again and is loaded the next time the kiosk starts.";

    // `pattern` (one of the fields above) with its arguments filled in, in `language`.
    std::string format(const std::string& pattern, const core::MessageArgs& args) const {
        return core::formatMessage(language, pattern, args);
    }
};

// The catalog ids of ShellText's fields, in declaration order (the completeness test checks every catalog has each).
std::vector<std::string> shellTextIds();

// The shell's words in the language of `messages`: a word without arguments formatted once (so a quoted apostrophe
// reads as one), a word with arguments kept as its pattern for format().
ShellText shellTextFrom(const core::Messages& messages);

// The shell's words for `language` from assetDir/strings/<language>.json, the built-in English behind it (and the
// reason in `warning` when the file is missing or unreadable).
ShellText loadShellText(const std::filesystem::path& assetDir, const std::string& language, std::string& warning);

} // namespace alignkiosk::ui
