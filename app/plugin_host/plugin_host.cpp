#include "plugin_host/plugin_host.h"

#include "plugin_host/loaded_plugin.h"
#include "plugin_host/plugin_call.h"
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
    try {
        // The same file again (a --plugin-dir naming the built-in directory, a link): dlopen would hand back the
        // loaded library itself, and refusing that "duplicate" would deinit the copy in use. Refuse it untouched.
        for (const auto& loaded : m_plugins) {
            std::error_code sameError;
            if (std::filesystem::equivalent(loaded->path(), file, sameError)) {
                report.reason = "the same file as " + loaded->path().string() + ", which is already loaded";
                m_reports.push_back(std::move(report));
                return m_reports.back();
            }
        }
        std::string reason;
        std::unique_ptr<LoadedPlugin> plugin = LoadedPlugin::load(file, m_imguiContext, reason);
        if (plugin) {
            for (const ModuleDescription& module : plugin->modules()) {
                if (const ModuleOwner owner = findModule(m_plugins, module.id); owner.plugin) {
                    // The first provider stays: answers already collected name its version.
                    reason = "duplicate module id '" + module.id + "', already provided by " +
                             owner.plugin->path().string();
                    plugin.reset();
                    break;
                }
            }
        }
        if (plugin) {
            report.loaded = true;
            for (const ModuleDescription& module : plugin->modules())
                report.modules.push_back({module.id, module.version, module.name});
            m_plugins.push_back(std::move(plugin));
        } else {
            report.reason = reason;
        }
    } catch (const std::exception& error) {
        report.loaded = false;
        report.modules.clear();
        report.reason = std::string("could not be loaded: ") + error.what();
    }
    m_reports.push_back(std::move(report));
    return m_reports.back();
}

bool PluginHost::hasModule(const std::string& moduleId) const { return findModule(m_plugins, moduleId).module; }

uint32_t PluginHost::acceptedKinds(const std::string& moduleId) const {
    const ModuleOwner owner = findModule(m_plugins, moduleId);
    return owner.module ? owner.module->acceptedKinds : 0;
}

std::string PluginHost::moduleVersion(const std::string& moduleId) const {
    const ModuleOwner owner = findModule(m_plugins, moduleId);
    return owner.module ? owner.module->version : std::string();
}

std::vector<core::ModuleContentProblem> PluginHost::checkContent(const core::Step& step) const {
    using Problem = core::ModuleContentProblem;
    const ModuleOwner owner = findModule(m_plugins, step.moduleId);
    if (!owner.plugin) return {Problem{Problem::kWholeStep, "", noSuchModule(step.moduleId)}};

    // The survey's language is not part of a step; "und" (undetermined) is what the module sees while checking.
    const StepContentBuffer content(step, "und");
    std::vector<Problem> problems;
    const alignkiosk_content_error_sink_v1 sink{sizeof(alignkiosk_content_error_sink_v1), &problems, reportProblem};
    bool valid = false;
    const auto& factory = owner.plugin->factory();
    const bool returned = callPlugin([&] { valid = factory.validate_content(step.moduleId.c_str(), &content.content(),
                                                                            &sink); });

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
    const ModuleOwner owner = findModule(m_plugins, step.moduleId);
    if (!owner.plugin) {
        error = noSuchModule(step.moduleId);
        return nullptr;
    }
    auto content = std::make_unique<StepContentBuffer>(step, language);
    const auto& factory = owner.plugin->factory();
    alignkiosk_module_v1* module = nullptr;
    const alignkiosk_step_content_v1* raw = &content->content();
    if (!callPlugin([&] { module = factory.create_module(step.moduleId.c_str(), raw); })) {
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
