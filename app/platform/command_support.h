// What several commands need before they can do their work — the ImGui context, a valid survey, an open store, one
// module instance per step — each explaining on stderr why it could not be had.
#pragma once

#include "command_line.h"

#include "core/install_layout.h"
#include "core/answer_store.h"
#include "core/survey_model.h"
#include "plugin_host/module_instance.h"
#include "plugin_host/plugin_host.h"

#include <memory>
#include <optional>
#include <vector>

namespace alignkiosk::platform {

// Owns the ImGui context for the life of a command that draws; plugins draw into it.
class ImGuiContextScope {
public:
    ImGuiContextScope();
    ~ImGuiContextScope();
    ImGuiContextScope(const ImGuiContextScope&) = delete;
    ImGuiContextScope& operator=(const ImGuiContextScope&) = delete;
    void* context() const { return m_context; }

private:
    void* m_context;
};

// --survey, else the bundled default; prints every diagnostic and returns nothing when the survey is not valid.
std::optional<core::Survey> loadSurveyFor(const CommandLine& commandLine, const core::InstallLayout& layout,
                                          const core::ModuleCatalog& modules);

// The exit status of a command whose store was refused (the path and the reason are on stderr; nothing was changed).
constexpr int kStoreRefused = 2;

// k for a survey's answers: the larger of its ratings and text thresholds, never below
// core::AnonymityThresholds::kFloor. A PostgreSQL store writes them in batches of at least k participants
// (ResponseStoreOptions::minimumBatch), so no transaction tells the order fewer people answered in.
uint32_t minimumBatchFor(const core::Survey& survey);

// --db, else the default location (whose folders are created; a --db in a missing folder is refused); prints the
// reason and returns nothing when it cannot be opened. For a command that does not know the survey (reset-pin,
// collection-key, bundle, import without --survey).
std::unique_ptr<core::AnswerStore> openStoreFor(const CommandLine& commandLine);
// The same, for the answers of `survey`: a PostgreSQL store batches them by minimumBatchFor(survey).
std::unique_ptr<core::AnswerStore> openStoreFor(const CommandLine& commandLine, const core::Survey& survey);

// Whether --db (else the default location) names a store that exists: a SQLite file that exists, or a PostgreSQL
// schema that holds the store's tables. Only such a store is opened before the survey is known: opening it creates
// nothing, where a new file or an empty schema would get its tables before the survey proved valid.
bool storeExists(const CommandLine& commandLine);

// The modules `store` keeps stopped (they crashed a station), each said once on stderr followed by `consequence`;
// none, said on stderr, when they cannot be read.
std::vector<std::string> stoppedModulesIn(const core::AnswerStore& store, const std::string& consequence);

// The plugins, the survey (--survey, else the bundled one) and the store for its answers (openStoreFor), for the
// commands that show or collect one survey. A module the store keeps stopped runs no code of its plugin when the
// store exists (read before the plugins are loaded); a store that does not exist yet keeps no stopped module.
// 0, or the exit status after saying on stderr what is wrong.
int openSurveyAndStore(const CommandLine& commandLine, const core::InstallLayout& layout,
                       plugin_host::PluginHost& host, std::optional<core::Survey>& survey,
                       std::unique_ptr<core::AnswerStore>& store, const std::string& consequence);

// What createModulesFor does with a step whose module is quarantined (PluginHost::setQuarantine).
enum class StoppedModules {
    Refuse,  // like any module that cannot be created
    LeaveOut // a null instance in its place: the shell leaves the step out (quietly; the caller says so once)
};

// One module instance per step, in step order; prints the reason and returns nothing if any step's module fails.
std::optional<std::vector<std::unique_ptr<plugin_host::ModuleInstance>>>
createModulesFor(const core::Survey& survey, const plugin_host::PluginHost& host,
                 StoppedModules stopped = StoppedModules::Refuse);

// Loads the plugins (built-in directory, then --plugin-dir) and reports refusals on stderr.
void loadPluginsReportingRefusals(plugin_host::PluginHost& host, const core::InstallLayout& layout,
                                  const CommandLine& commandLine);

} // namespace alignkiosk::platform
