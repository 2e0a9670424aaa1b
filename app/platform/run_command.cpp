// `alignkiosk run`: the kiosk itself. Everything that can be checked is checked before a window opens, so a bad survey
// or database is reported on the terminal and nothing starts half-way.
#include "commands.h"

#include "event_loop.h"
#include "kiosk_window.h"

#include "core/data_paths.h"
#include "core/response_store.h"
#include "core/survey_loader.h"
#include "ui/shell.h"
#include "ui/theme.h"

#include <imgui.h>

#include <iostream>
#include <memory>
#include <optional>
#include <vector>

namespace alignkiosk::platform {

namespace {

// Owns the ImGui context for the life of the run; plugins draw into it.
struct ImGuiContextScope {
    ImGuiContextScope() {
        IMGUI_CHECKVERSION();
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr; // a kiosk leaves no imgui.ini behind
        io.LogFilename = nullptr;
    }
    ~ImGuiContextScope() { ImGui::DestroyContext(); }
    ImGuiContextScope(const ImGuiContextScope&) = delete;
    ImGuiContextScope& operator=(const ImGuiContextScope&) = delete;
};

std::optional<core::Survey> loadValidSurvey(const std::filesystem::path& file, const core::ModuleCatalog& modules) {
    core::SurveyLoadResult result = core::loadSurvey(file, modules);
    for (const auto& diagnostic : result.diagnostics) std::cerr << diagnostic.format() << '\n';
    if (!result.ok()) {
        std::cerr << "alignkiosk: not starting: " << file.string() << " is not a valid survey\n";
        return std::nullopt;
    }
    return std::move(result.survey);
}

} // namespace

int runKiosk(const CommandLine& commandLine, const core::InstallLayout& layout) {
    ImGuiContextScope imgui;
    plugin_host::PluginHost host(ImGui::GetCurrentContext());
    loadPlugins(host, layout, commandLine);
    for (const auto& report : host.reports())
        if (!report.loaded)
            std::cerr << "alignkiosk: plugin refused: " << report.path.string() << ": " << report.reason << '\n';

    const std::filesystem::path surveyFile = commandLine.survey.value_or(layout.defaultSurveyFile());
    if (surveyFile.empty()) {
        std::cerr << "alignkiosk: no survey given and none found in " << layout.surveyDir.string() << '\n';
        return 1;
    }
    const std::optional<core::Survey> survey = loadValidSurvey(surveyFile, host);
    if (!survey) return 1;

    std::optional<core::ResponseStore> store;
    try {
        store.emplace(core::ResponseStore::open(commandLine.database.value_or(core::defaultDatabasePath())));
    } catch (const core::StoreError& error) {
        std::cerr << "alignkiosk: " << error.what() << '\n';
        return 1;
    }

    std::vector<std::unique_ptr<plugin_host::ModuleInstance>> modules;
    for (const core::Step& step : survey->steps) {
        std::string error;
        auto module = host.createModule(step, survey->language, error);
        if (!module) {
            std::cerr << "alignkiosk: not starting: step '" << step.id << "' (module " << step.moduleId
                      << "): " << error << '\n';
            return 1;
        }
        modules.push_back(std::move(module));
    }

    std::string windowError;
    std::unique_ptr<KioskWindow> window = KioskWindow::open(survey->title + " - alignkiosk", windowError);
    if (!window) {
        std::cerr << "alignkiosk: " << windowError << '\n';
        return 1;
    }
    std::string textWarning;
    ui::ShellText text = ui::loadShellText(layout.assetDir, survey->language, textWarning);
    if (!textWarning.empty()) std::cerr << "alignkiosk: " << textWarning << '\n';
    const ui::Theme theme = ui::applyTheme(window->uiScale(), ui::defaultFontFile());
    ui::Shell shell(
        *survey, std::move(modules), [&store](const core::Submission& submission) { store->submit(submission); },
        theme, std::move(text));
    const FrameCallbacks callbacks{[&shell](double now) { shell.draw(now); },
                                   [&shell](double now) { return shell.nextWakeIn(now); }};

    if (commandLine.screenshot) {
        drawSettledFrame(*window, callbacks);
        std::string error;
        if (!window->saveBackBuffer(*commandLine.screenshot, error)) {
            std::cerr << "alignkiosk: " << error << '\n';
            return 1;
        }
        return 0;
    }
    runEventLoop(*window, callbacks);
    return 0;
}

} // namespace alignkiosk::platform
