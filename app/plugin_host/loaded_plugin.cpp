#include "plugin_host/loaded_plugin.h"

#include "plugin_host/plugin_call.h"
#include "plugin_host/plugin_checks.h"
#include "plugin_host/step_content_buffer.h"

#include <utility>

namespace alignkiosk::plugin_host {

namespace {

std::string text(const char* value) { return value ? std::string(value) : std::string(); }

} // namespace

std::unique_ptr<LoadedPlugin> LoadedPlugin::load(const std::filesystem::path& path, void* imguiContext,
                                                 std::string& reason) {
    reason.clear();
    try {
        std::unique_ptr<LoadedPlugin> plugin(new LoadedPlugin(path, imguiContext));
        reason = plugin->initialise();
        if (reason.empty()) return plugin;
    } catch (const std::exception& error) { // our own allocation failures and the like, not the plugin's
        reason = std::string("could not be loaded: ") + error.what();
    }
    return nullptr; // ~LoadedPlugin deinit'ed and closed it
}

LoadedPlugin::LoadedPlugin(std::filesystem::path path, void* imguiContext)
    : m_path(std::move(path)), m_host(m_path.string(), imguiContext) {}

LoadedPlugin::~LoadedPlugin() {
    deinitialise();
    const WitnessedCall witness({}, "dlclose"); // the library's destructors run
    m_library.close();
}

const ModuleDescription* LoadedPlugin::findModule(const std::string& moduleId) const {
    for (const ModuleDescription& module : m_modules)
        if (module.id == moduleId) return &module;
    return nullptr;
}

std::string LoadedPlugin::initialise() {
    // While loading there is no module yet: the witness records only which entry function runs (see call_witness.h).
    std::string error;
    bool opened = false;
    {
        const WitnessedCall witness({}, "dlopen");
        opened = m_library.open(m_path, error);
    }
    if (!opened) return "not a loadable shared library: " + error;

    m_entry = m_library.entry();
    if (!m_entry)
        return std::string("no entry symbol ") + ALIGNKIOSK_PLUGIN_ENTRY_SYMBOL +
               " (not an alignkiosk plugin, or built without ALIGNKIOSK_PLUGIN)";
    if (auto refusal = checkEntry(*m_entry, thisHostAbi())) return *refusal;

    bool initialised = false;
    m_initCalled = true;
    if (!callPlugin({}, "init", [&] { initialised = m_entry->init(m_host.raw()); })) return "init threw an exception";
    if (!initialised) return "init failed (the plugin's init returned false)";

    // ABI 1.3's factory first; a plugin built before 1.3 has only 1.0's.
    const void* factory = nullptr;
    if (!callPlugin({}, "get_factory", [&] { factory = m_entry->get_factory(ALIGNKIOSK_MODULE_FACTORY_V2_ID); }))
        return "get_factory threw an exception";
    if (factory) {
        m_factoryV2 = static_cast<const alignkiosk_module_factory_v2*>(factory);
        if (auto refusal = checkFactoryV2(m_factoryV2)) return *refusal;
    } else {
        if (!callPlugin({}, "get_factory", [&] { factory = m_entry->get_factory(ALIGNKIOSK_MODULE_FACTORY_V1_ID); }))
            return "get_factory threw an exception";
        m_factory = static_cast<const alignkiosk_module_factory_v1*>(factory);
        if (auto refusal = checkFactory(m_factory)) return *refusal;
    }
    // The two tables share module_count and module_descriptor.
    const auto moduleCountOf = m_factoryV2 ? m_factoryV2->module_count : m_factory->module_count;
    const auto descriptorOf = m_factoryV2 ? m_factoryV2->module_descriptor : m_factory->module_descriptor;

    uint32_t moduleCount = 0;
    if (!callPlugin({}, "module_count", [&] { moduleCount = moduleCountOf(); }))
        return "module_count threw an exception";
    if (moduleCount == 0) return "provides no modules";

    for (uint32_t i = 0; i < moduleCount; ++i) {
        const alignkiosk_module_descriptor_v1* descriptor = nullptr;
        if (!callPlugin({}, "module_descriptor", [&] { descriptor = descriptorOf(i); }))
            return "module_descriptor threw an exception";
        if (auto refusal = checkDescriptor(descriptor, i)) return *refusal;
        ModuleDescription module{text(descriptor->id), text(descriptor->version), text(descriptor->name),
                                 text(descriptor->description), descriptor->accepted_kinds};
        if (findModule(module.id)) return "module id '" + module.id + "' appears twice in this plugin";
        m_modules.push_back(std::move(module));
    }
    return {};
}

bool LoadedPlugin::validateContent(const std::string& moduleId, const StepContentBuffer& content,
                                   const alignkiosk_content_error_sink_v1& errors) const {
    if (m_factoryV2) return m_factoryV2->validate_content(moduleId.c_str(), &content.contentV2(), &errors);
    return m_factory->validate_content(moduleId.c_str(), &content.content(), &errors);
}

alignkiosk_module_v1* LoadedPlugin::createModule(const std::string& moduleId, const StepContentBuffer& content) const {
    if (m_factoryV2) return m_factoryV2->create_module(moduleId.c_str(), &content.contentV2());
    return m_factory->create_module(moduleId.c_str(), &content.content());
}

void LoadedPlugin::deinitialise() {
    if (!m_initCalled) return;
    m_initCalled = false;
    // deinit also follows an init that failed or threw, so the plugin can undo what it had begun.
    callPlugin({}, "deinit", [&] { m_entry->deinit(); });
}

} // namespace alignkiosk::plugin_host
