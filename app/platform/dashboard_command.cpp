// `alignkiosk dashboard`: the facilitator's live view of the team's alignment, in a window or (--projection) full
// screen for the projector. `alignkiosk export`: summary.csv, and a PNG of every screen of it (the overview, each
// item, the open answers) rendered offscreen at full height, for the slides.
#include "commands.h"

#include "command_support.h"
#include "dashboard_pictures.h"
#include "dashboard_session.h"
#include "dashboard_setup.h"
#include "dashboard_window.h"
#include "kiosk_window.h"
#include "termination_signals.h"

#include "core/survey_loader.h"

#include "ui/dashboard.h"
#include "ui/theme.h"


#include <iostream>
#include <map>

namespace alignkiosk::platform {

namespace {

// The hidden window the export draws in: the pictures have sizes of their own (dashboard_pictures.h).
constexpr int kExportWindowHeight = 1080;

// When the store holds no answer to this survey but answers to others: which, and the command that opens each
// (a bundled survey file with that id, if there is one).
// `surveys`: every survey in the store, as the dashboard's source counted them while reading it.
std::string otherSurveysNote(const std::vector<core::SurveyParticipants>& surveys, const DashboardSetup& setup,
                             const CommandLine& commandLine, const core::InstallLayout& layout,
                             const core::ModuleCatalog& modules) {
    for (const core::SurveyParticipants& survey : surveys)
        if (survey.surveyId == setup.survey->id) return {};
    if (surveys.empty()) return {};
    std::map<std::string, std::filesystem::path> bundled;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(layout.surveyDir, ec)) {
        if (entry.path().extension() != ".json") continue;
        core::SurveyLoadResult loaded = core::loadSurvey(entry.path(), modules);
        if (loaded.survey) bundled.emplace(loaded.survey->id, entry.path());
    }
    const std::string db = commandLine.database ? " --db " + commandLine.database->string() : std::string();
    std::string note = "No answers to the survey " + setup.survey->id + " in this store yet. It holds answers to:";
    for (const core::SurveyParticipants& other : surveys) {
        note += "\n  " + other.surveyId + " (" + std::to_string(other.participants) +
                (other.participants == 1 ? " person" : " people") + "): ";
        auto file = bundled.find(other.surveyId);
        note += file != bundled.end() ? "alignkiosk dashboard --survey " + file->second.string() + db
                                      : "open it with alignkiosk dashboard --survey FILE" + db +
                                            ", FILE being that survey's file";
    }
    return note;
}

} // namespace

int prepareDashboard(const CommandLine& commandLine, const core::InstallLayout& layout, plugin_host::PluginHost& host,
                     DashboardSetup& setup) {
    // A module that crashed the station is stopped here too (its panel is left out), or the facilitator's dashboard
    // would be the next thing it takes down.
    if (const int status = openSurveyAndStore(commandLine, layout, host, setup.survey, setup.store,
                                              "its panel is left out until the facilitator allows it again"))
        return status;
    auto modules = createModulesFor(*setup.survey, host, StoppedModules::LeaveOut);
    if (!modules) return 1;
    setup.modules = std::move(*modules);
    std::string warning;
    setup.messages = core::Messages::load(layout.assetDir, setup.survey->language, warning);
    if (!warning.empty()) std::cerr << "alignkiosk: " << warning << "; the dashboard uses the English words\n";
    return 0;
}

int showDashboard(const CommandLine& commandLine, const core::InstallLayout& layout) {
    ImGuiContextScope imgui;
    plugin_host::PluginHost host(imgui.context());
    DashboardSetup setup;
    if (const int status = prepareDashboard(commandLine, layout, host, setup)) return status;

    TerminationSignals::block(); // before the window's threads start; the window's watcher takes them
    DashboardWindowHooks hooks;
    hooks.beforeFirstFrame = [&](ui::Dashboard&, DashboardSession& session) {
        if (commandLine.screenshot) session.waitUntilLoaded(); // the picture shows the answers, not the progress
    };
    // Once the store has been read: whether it holds answers to other surveys only, and how to open those.
    bool noteGiven = false;
    hooks.everyFrame = [&](ui::Dashboard& dashboard, DashboardSession& session) {
        if (noteGiven || !session.source().progress().loaded) return;
        noteGiven = true;
        const std::string note = otherSurveysNote(session.source().surveys(), setup, commandLine, layout, host);
        if (note.empty()) return;
        std::cerr << "alignkiosk: " << note << '\n';
        dashboard.setNoAnswersNote(note);
    };
    return runDashboardWindow(commandLine, setup, setup.survey->title + " - alignkiosk dashboard", hooks,
                              commandLine.screenshot);
}

int exportSummary(const CommandLine& commandLine, const core::InstallLayout& layout) {
    ImGuiContextScope imgui;
    plugin_host::PluginHost host(imgui.context());
    DashboardSetup setup;
    if (const int status = prepareDashboard(commandLine, layout, host, setup)) return status;

    // The numbers first: they need no display. (The theme only adds fonts to ImGui's atlas; no GL yet.)
    const ui::Theme theme = ui::applyTheme(1.0f, ui::defaultFontFile());
    ui::Dashboard dashboard(theme, setup.messages);
    DashboardSession session(*setup.survey, *setup.store, setup.modules, dashboard, theme);
    session.waitUntilLoaded();
    std::string error;
    const std::filesystem::path csv = session.writeSummary(*commandLine.outDir, error);
    if (csv.empty()) {
        std::cerr << "alignkiosk: " << error << '\n';
        return 1;
    }
    std::cout << "wrote " << csv.string() << '\n';

    // The pictures: every screen drawn offscreen at its full height, in a hidden window (its size does not matter).
    WindowOptions options;
    options.visible = false;
    options.width = kPictureWidth;
    options.height = kExportWindowHeight;
    auto window = KioskWindow::open("alignkiosk export", options, error);
    if (!window) {
        std::cerr << "alignkiosk: the pictures need a display (run under xvfb-run on a server): " << error << '\n';
        return 1;
    }
    const PictureSet pictures = writeDashboardPictures(*window, dashboard, theme.scale, *commandLine.outDir);
    for (const std::filesystem::path& png : pictures.files) std::cout << "wrote " << png.string() << '\n';
    if (!pictures.error.empty()) {
        std::cerr << "alignkiosk: " << pictures.error << '\n';
        return 1;
    }
    return 0;
}

} // namespace alignkiosk::platform
