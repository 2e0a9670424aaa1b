#include "command_support.h"

#include "commands.h"

#include "core/data_paths.h"
#include "core/survey_loader.h"

#include <imgui.h>

#include <iostream>

namespace alignkiosk::platform {

ImGuiContextScope::ImGuiContextScope() {
    IMGUI_CHECKVERSION();
    m_context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // a kiosk leaves no imgui.ini behind
    io.LogFilename = nullptr;
}

ImGuiContextScope::~ImGuiContextScope() { ImGui::DestroyContext(static_cast<ImGuiContext*>(m_context)); }

std::optional<core::Survey> loadSurveyFor(const CommandLine& commandLine, const core::InstallLayout& layout,
                                          const core::ModuleCatalog& modules) {
    const std::filesystem::path file = commandLine.survey.value_or(layout.defaultSurveyFile());
    if (file.empty()) {
        std::cerr << "alignkiosk: no survey given and none found in " << layout.surveyDir.string() << '\n';
        return std::nullopt;
    }
    core::SurveyLoadResult result = core::loadSurvey(file, modules);
    for (const auto& diagnostic : result.diagnostics) std::cerr << diagnostic.format() << '\n';
    if (!result.ok()) {
        std::cerr << "alignkiosk: not starting: " << file.string() << " is not a valid survey\n";
        return std::nullopt;
    }
    return std::move(result.survey);
}

std::unique_ptr<core::AnswerStore> openStoreFor(const CommandLine& commandLine) {
    try {
        core::ResponseStoreOptions options;
        options.createParentDirectories = !commandLine.database;
        return core::openStore(commandLine.database.value_or(core::defaultDatabasePath()).string(), options);
    } catch (const std::exception& error) {
        std::cerr << "alignkiosk: " << error.what() << '\n';
        return nullptr;
    }
}

std::optional<std::vector<std::unique_ptr<plugin_host::ModuleInstance>>>
createModulesFor(const core::Survey& survey, const plugin_host::PluginHost& host, StoppedModules stopped) {
    std::vector<std::unique_ptr<plugin_host::ModuleInstance>> modules;
    for (const core::Step& step : survey.steps) {
        if (stopped == StoppedModules::LeaveOut && host.isQuarantined(step.moduleId)) {
            modules.push_back(nullptr);
            continue;
        }
        std::string error;
        auto module = host.createModule(step, survey.language, error);
        if (!module) {
            std::cerr << "alignkiosk: not starting: step '" << step.id << "' (module " << step.moduleId
                      << "): " << error << '\n';
            return std::nullopt;
        }
        modules.push_back(std::move(module));
    }
    return modules;
}

void loadPluginsReportingRefusals(plugin_host::PluginHost& host, const core::InstallLayout& layout,
                                  const CommandLine& commandLine) {
    loadPlugins(host, layout, commandLine);
    for (const auto& report : host.reports())
        if (!report.loaded)
            std::cerr << "alignkiosk: plugin refused: " << report.path.string() << ": " << report.reason << '\n';
}

} // namespace alignkiosk::platform
