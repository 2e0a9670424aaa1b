// The host side of the plugin ABI: finds plugin files, loads the ones it can trust, refuses the rest with a reason a
// person can read, and hands out module instances. No ImGui include: the ImGui context travels as a void*.
#pragma once

#include "core/module_catalog.h"
#include "core/survey_model.h"
#include "plugin_host/loaded_plugin.h"
#include "plugin_host/module_instance.h"

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace alignkiosk::plugin_host {

// What happened to one plugin file: enough for `loaded <module-id> <version> <path>` (one line per module) or
// `refused <path>: <reason>`.
struct PluginReport {
    std::filesystem::path path;
    bool loaded = false;
    std::string reason; // why it was refused, in words a facilitator can act on; empty when loaded
    struct Module {
        std::string id;
        std::string version;
        std::string name;
    };
    std::vector<Module> modules; // the modules it provides, when loaded
    std::vector<Module> stopped; // its quarantined modules, whose code is not run (see PluginHost::setQuarantine)
};

// Loading: a file is first checked without running any of it (its ELF headers, elf_check.h), then loaded once in a
// short-lived child process (plugin_vetting.h), and only when that went well loaded here. So a file cut short, a
// plugin that crashes or hangs while loading, is refused with a reason and never takes this process down.
// Lifetime: ModuleInstances belong to the caller, not to the host, and every one of them must be destroyed before
// the PluginHost that created it: ~PluginHost deinit's and dlclose's the plugins, after which a module's code is gone.
// Threads: the UI thread only, like every call into a plugin; load before the process starts other threads (loading
// forks).
class PluginHost final : public core::ModuleCatalog {
public:
    // imguiContext: the ImGuiContext* plugins draw into, or nullptr for command-line use (validate, plugins).
    explicit PluginHost(void* imguiContext = nullptr);
    ~PluginHost() override; // deinit + dlclose every plugin, last loaded first
    PluginHost(const PluginHost&) = delete;
    PluginHost& operator=(const PluginHost&) = delete;

    // How long loading one plugin (dlopen, init, reading its modules) may take before it is refused; 5 s by default.
    void setLoadTimeLimit(std::chrono::milliseconds limit) { m_loadTimeLimit = limit; }
    // Modules whose code must not run in this process (they crashed the station; the facilitator has not allowed them
    // again). Set before loading. A plugin file that offers only such modules is not loaded at all; one that offers
    // others too is loaded, and only the others are used. A quarantined module still counts as known to the catalog
    // (so a survey that uses it is valid), its content is not checked, and createModule refuses it.
    void setQuarantine(std::vector<std::string> moduleIds) { m_quarantine = std::move(moduleIds); }
    // Whether `moduleId` is quarantined and some plugin file offers it.
    bool isQuarantined(const std::string& moduleId) const;
    // A module's id, version and name as its plugin described it, loaded or quarantined; nullptr when unknown.
    const ModuleDescription* describeModule(const std::string& moduleId) const;

    // Loads every regular file ending in .so in the directory, in name order. A missing directory is not an error.
    void loadDirectory(const std::filesystem::path& directory);
    // Loads one file; never throws; the outcome is appended to reports() (the reference returned is valid until the
    // next load). A refused plugin is deinit'ed (if its init was called) and closed; the host goes on without it.
    const PluginReport& loadFile(const std::filesystem::path& file);

    const std::vector<PluginReport>& reports() const { return m_reports; }

    // core::ModuleCatalog
    bool hasModule(const std::string& moduleId) const override;
    uint32_t acceptedKinds(const std::string& moduleId) const override;
    std::vector<core::ModuleContentProblem> checkContent(const core::Step& step) const override;

    // An instance of the step's module for its (validated) content, in the survey's `language` (BCP 47); nullptr with
    // `error` set when the module could not create one. Destroy it before this host.
    std::unique_ptr<ModuleInstance> createModule(const core::Step& step, const std::string& language,
                                                 std::string& error) const;

    // The module's version string, or empty if no such module.
    std::string moduleVersion(const std::string& moduleId) const;

private:
    // The refusal for a vetted plugin that `m_plugins` or `m_stopped` already provide a module of, if any.
    std::optional<std::string> duplicateOf(const std::vector<ModuleDescription>& modules) const;
    bool quarantined(const std::string& moduleId) const;

    // A quarantined module and the file that offers it.
    struct StoppedModule {
        std::filesystem::path file;
        ModuleDescription module;
    };

    void* m_imguiContext;
    std::chrono::milliseconds m_loadTimeLimit{5000};
    std::vector<std::string> m_quarantine;
    std::vector<std::unique_ptr<LoadedPlugin>> m_plugins; // destroyed last-loaded first
    std::vector<StoppedModule> m_stopped;
    std::vector<PluginReport> m_reports;
};

} // namespace alignkiosk::plugin_host
