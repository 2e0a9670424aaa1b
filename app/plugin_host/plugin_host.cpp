#include "plugin_host/plugin_host.h"

#include "plugin_host/elf_check.h"
#include "plugin_host/loaded_plugin.h"
#include "plugin_host/plugin_call.h"
#include "plugin_host/plugin_vetting.h"
#include "plugin_host/step_content_buffer.h"

#include <algorithm>
#include <system_error>
#include <utility>

namespace alignkiosk::plugin_host {

namespace {

struct ModuleOwner {
    const LoadedPlugin* plugin = nullptr;
    const ModuleDescription* module = nullptr;
};

ModuleOwner findModule(const std::vector<std::unique_ptr<LoadedPlugin>>& plugins, const std::string& moduleId) {
    for (const auto& plugin : plugins)
        if (const ModuleDescription* module = plugin->findModule(moduleId)) return {plugin.get(), module};
    return {};
}

std::string noSuchModule(const std::string& moduleId) {
    return "no loaded plugin provides module '" + moduleId + "'";
}

void reportProblem(void* context, uint32_t questionIndex, const char* field, const char* message) {
    // Called from plugin code: nothing may escape.
    try {
        auto& problems = *static_cast<std::vector<core::ModuleContentProblem>*>(context);
        problems.push_back({questionIndex, field ? field : "", message ? message : "(no message)"});
    } catch (...) {
    }
}

} // namespace

PluginHost::PluginHost(void* imguiContext) : m_imguiContext(imguiContext) {}

PluginHost::~PluginHost() {
    // Last loaded first, as a stack of libraries is unwound; each one deinit's and dlclose's.
    while (!m_plugins.empty()) m_plugins.pop_back();
}

void PluginHost::loadDirectory(const std::filesystem::path& directory) {
    std::vector<std::filesystem::path> files;
    std::error_code error;
    for (std::filesystem::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
        std::error_code statusError;
        if (it->path().extension() == ".so" && it->is_regular_file(statusError)) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end(),
              [](const auto& a, const auto& b) { return a.filename().string() < b.filename().string(); });
    for (const auto& file : files) loadFile(file);
}

const PluginReport& PluginHost::loadFile(const std::filesystem::path& file) {
    PluginReport report;
    report.path = file;
    const auto finish = [this, &report]() -> const PluginReport& {
        m_reports.push_back(std::move(report));
        return m_reports.back();
    };
    try {
        // The same file again (a --plugin-dir naming the built-in directory, a link): dlopen would hand back the
        // loaded library itself, and refusing that "duplicate" would deinit the copy in use. Refuse it untouched.
        const auto same = [&file](const std::filesystem::path& path) {
            std::error_code sameError;
            return std::filesystem::equivalent(path, file, sameError);
        };
        for (const auto& loaded : m_plugins) {
            if (same(loaded->path())) {
                report.reason = "the same file as " + loaded->path().string() + ", which is already loaded";
                return finish();
            }
        }
        for (const StoppedModule& stopped : m_stopped) {
            if (same(stopped.file)) {
                report.reason = "the same file as " + stopped.file.string() + ", whose modules are stopped";
                return finish();
            }
        }

        // Nothing of the file runs before its headers say every byte dlopen will map is there.
        if (const std::optional<std::string> problem = checkElfFile(file)) {
            report.reason = "not a loadable shared library: " + *problem;
            return finish();
        }
        VettingOptions vetting;
        vetting.timeLimit = m_loadTimeLimit;
        vetting.imguiContext = m_imguiContext;
        const VettingResult vetted = vetPlugin(file, vetting);
        if (!vetted.accepted) {
            report.reason = vetted.reason;
            return finish();
        }
        if (std::optional<std::string> duplicate = duplicateOf(vetted.modules)) {
            report.reason = *duplicate;
            return finish();
        }

        std::vector<ModuleDescription> stopped;
        for (const ModuleDescription& module : vetted.modules)
            if (quarantined(module.id)) stopped.push_back(module);
        for (const ModuleDescription& module : stopped)
            report.stopped.push_back({module.id, module.version, module.name});
        if (stopped.size() == vetted.modules.size()) {
            // Every module it offers is quarantined: none of its code runs here, not even init.
            for (ModuleDescription& module : stopped) m_stopped.push_back({file, std::move(module)});
            // How it comes back is the caller's to say: a station's facilitator menu, a joined station's restart.
            report.reason = "not loaded: every module it offers was stopped after it crashed the station (" +
                            report.stopped.front().id + (report.stopped.size() > 1 ? ", ..." : "") + ")";
            return finish();
        }

        std::string reason;
        std::unique_ptr<LoadedPlugin> plugin = LoadedPlugin::load(file, m_imguiContext, reason);
        // Vetted a moment ago, but loaded afresh: what it offers here is what counts.
        if (plugin) {
            if (std::optional<std::string> duplicate = duplicateOf(plugin->modules())) {
                reason = *duplicate;
                plugin.reset();
            }
        }
        if (!plugin) {
            report.reason = reason;
            report.stopped.clear();
            return finish();
        }
        report.loaded = true;
        for (const ModuleDescription& module : plugin->modules()) {
            if (quarantined(module.id)) {
                m_stopped.push_back({file, module});
                continue;
            }
            report.modules.push_back({module.id, module.version, module.name});
        }
        m_plugins.push_back(std::move(plugin));
    } catch (const std::exception& error) {
        report.loaded = false;
        report.modules.clear();
        report.stopped.clear();
        report.reason = std::string("could not be loaded: ") + error.what();
    }
    return finish();
}

std::optional<std::string> PluginHost::duplicateOf(const std::vector<ModuleDescription>& modules) const {
    for (const ModuleDescription& module : modules) {
        // The first provider stays: answers already collected name its version.
        if (const ModuleOwner owner = findModule(m_plugins, module.id); owner.plugin)
            return "duplicate module id '" + module.id + "', already provided by " + owner.plugin->path().string();
        for (const StoppedModule& stopped : m_stopped)
            if (stopped.module.id == module.id)
                return "duplicate module id '" + module.id + "', already provided by " + stopped.file.string();
    }
    return std::nullopt;
}

bool PluginHost::quarantined(const std::string& moduleId) const {
    return std::find(m_quarantine.begin(), m_quarantine.end(), moduleId) != m_quarantine.end();
}

bool PluginHost::isQuarantined(const std::string& moduleId) const {
    return quarantined(moduleId) && describeModule(moduleId) != nullptr;
}

const ModuleDescription* PluginHost::describeModule(const std::string& moduleId) const {
    if (const ModuleOwner owner = findModule(m_plugins, moduleId); owner.module) return owner.module;
    for (const StoppedModule& stopped : m_stopped)
        if (stopped.module.id == moduleId) return &stopped.module;
    return nullptr;
}

bool PluginHost::hasModule(const std::string& moduleId) const { return describeModule(moduleId) != nullptr; }

uint32_t PluginHost::acceptedKinds(const std::string& moduleId) const {
    const ModuleDescription* module = describeModule(moduleId);
    return module ? module->acceptedKinds : 0;
}

std::string PluginHost::moduleVersion(const std::string& moduleId) const {
    const ModuleDescription* module = describeModule(moduleId);
    return module ? module->version : std::string();
}

std::vector<core::ModuleContentProblem> PluginHost::checkContent(const core::Step& step) const {
    using Problem = core::ModuleContentProblem;
    // Checking would run the quarantined module's code; the survey was valid when the module last ran.
    if (isQuarantined(step.moduleId)) return {};
    const ModuleOwner owner = findModule(m_plugins, step.moduleId);
    if (!owner.plugin) return {Problem{Problem::kWholeStep, "", noSuchModule(step.moduleId)}};

    // The survey's language is not part of a step; "und" (undetermined) is what the module sees while checking.
    const StepContentBuffer content(step, "und");
    std::vector<Problem> problems;
    const alignkiosk_content_error_sink_v1 sink{sizeof(alignkiosk_content_error_sink_v1), &problems, reportProblem};
    bool valid = false;
    const bool returned = callPlugin(step.moduleId, "validate_content",
                                     [&] { valid = owner.plugin->validateContent(step.moduleId, content, sink); });

    // A question index the step does not have would send the caller looking for a location that is not there.
    for (Problem& problem : problems)
        if (problem.questionIndex >= step.questions.size()) problem.questionIndex = Problem::kWholeStep;
    if (!returned)
        problems.push_back({Problem::kWholeStep, "", "module '" + step.moduleId + "' failed while checking this step"});
    else if (!valid && problems.empty())
        problems.push_back({Problem::kWholeStep, "", "module '" + step.moduleId + "' refused this step without "
                                                     "saying why"});
    return problems;
}

std::unique_ptr<ModuleInstance> PluginHost::createModule(const core::Step& step, const std::string& language,
                                                         std::string& error) const {
    error.clear();
    if (isQuarantined(step.moduleId)) {
        error = "module '" + step.moduleId + "' was stopped after it crashed the station; the facilitator menu can "
                "allow it again";
        return nullptr;
    }
    const ModuleOwner owner = findModule(m_plugins, step.moduleId);
    if (!owner.plugin) {
        error = noSuchModule(step.moduleId);
        return nullptr;
    }
    auto content = std::make_unique<StepContentBuffer>(step, language);
    alignkiosk_module_v1* module = nullptr;
    if (!callPlugin(step.moduleId, "create_module",
                    [&] { module = owner.plugin->createModule(step.moduleId, *content); })) {
        error = "module '" + step.moduleId + "' threw while creating step '" + step.id + "'";
        return nullptr;
    }
    if (!module) {
        error = "module '" + step.moduleId + "' could not create step '" + step.id + "'";
        return nullptr;
    }
    const uint32_t moduleSize = module->struct_size;
    // Wrapped first so that even a module we refuse is destroyed by its own destroy().
    auto instance = std::make_unique<ModuleInstance>(module, std::move(content), owner.module->id,
                                                     owner.module->version);
    if (moduleSize < sizeof(alignkiosk_module_v1)) {
        error = "module '" + step.moduleId + "' returned a module table of " + std::to_string(moduleSize) +
                " bytes; ABI " + std::to_string(ALIGNKIOSK_ABI_MAJOR) + "." + std::to_string(ALIGNKIOSK_ABI_MINOR) +
                " needs " + std::to_string(sizeof(alignkiosk_module_v1));
        return nullptr;
    }
    return instance;
}

} // namespace alignkiosk::plugin_host
