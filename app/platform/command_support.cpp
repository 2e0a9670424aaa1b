#include "command_support.h"

#include "commands.h"

#include "core/data_paths.h"
#include "core/module_quarantine.h"
#include "core/postgres_store.h"
#include "core/survey_loader.h"

#include <imgui.h>

#include <algorithm>
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

uint32_t minimumBatchFor(const core::Survey& survey) {
    return std::max({core::AnonymityThresholds::kFloor, survey.anonymity.ratings, survey.anonymity.text});
}

namespace {

std::unique_ptr<core::AnswerStore> openStoreWith(const CommandLine& commandLine, core::ResponseStoreOptions options) {
    try {
        options.createParentDirectories = !commandLine.database;
        return core::openStore(commandLine.database.value_or(core::defaultDatabasePath()).string(), options);
    } catch (const std::exception& error) {
        std::cerr << "alignkiosk: " << error.what() << '\n';
        return nullptr;
    }
}

} // namespace

std::unique_ptr<core::AnswerStore> openStoreFor(const CommandLine& commandLine) {
    return openStoreWith(commandLine, {});
}

std::unique_ptr<core::AnswerStore> openStoreFor(const CommandLine& commandLine, const core::Survey& survey) {
    core::ResponseStoreOptions options;
    options.minimumBatch = minimumBatchFor(survey);
    return openStoreWith(commandLine, options);
}

bool storeExists(const CommandLine& commandLine) {
    const std::string database = commandLine.database.value_or(core::defaultDatabasePath()).string();
    if (core::isPostgresAddress(database)) return core::PostgresStore::holdsStore(database);
    std::error_code error;
    return std::filesystem::exists(database, error);
}

std::vector<std::string> stoppedModulesIn(const core::AnswerStore& store, const std::string& consequence) {
    std::vector<std::string> stopped;
    try {
        for (const core::QuarantinedModule& module : core::loadQuarantine(store)) {
            stopped.push_back(module.moduleId);
            std::cerr << "alignkiosk: module '" << module.moduleId << "' is stopped (it crashed the station: "
                      << module.signal << "); " << consequence << '\n';
        }
    } catch (const std::exception& error) {
        std::cerr << "alignkiosk: cannot read the stopped modules: " << error.what() << '\n';
    }
    return stopped;
}

int openSurveyAndStore(const CommandLine& commandLine, const core::InstallLayout& layout,
                       plugin_host::PluginHost& host, std::optional<core::Survey>& survey,
                       std::unique_ptr<core::AnswerStore>& store, const std::string& consequence) {
    const bool stoppedFirst = storeExists(commandLine);
    if (stoppedFirst) {
        const std::unique_ptr<core::AnswerStore> existing = openStoreFor(commandLine);
        if (!existing) return kStoreRefused;
        host.setQuarantine(stoppedModulesIn(*existing, consequence));
    }
    loadPluginsReportingRefusals(host, layout, commandLine);
    survey = loadSurveyFor(commandLine, layout, host);
    if (!survey) return 1;
    store = openStoreFor(commandLine, *survey);
    if (!store) return kStoreRefused;
    if (!stoppedFirst) host.setQuarantine(stoppedModulesIn(*store, consequence));
    return 0;
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
