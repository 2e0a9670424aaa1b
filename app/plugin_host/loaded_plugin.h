// A plugin the kiosk accepted: its library, its entry after init, its module factory and the modules it offers.
// Destroying it calls deinit and then dlclose, so every ModuleInstance made from it must be gone by then.
#pragma once

#include "plugin_host/host_interface.h"
#include "plugin_host/plugin_library.h"

#include <alignkiosk/plugin_abi.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace alignkiosk::plugin_host {

class StepContentBuffer; // step_content_buffer.h

// One module as its descriptor described it, copied so it outlives nothing of the plugin's.
struct ModuleDescription {
    std::string id;
    std::string version;
    std::string name;
    std::string description;
    uint32_t acceptedKinds = 0;
};

class LoadedPlugin {
public:
    // Opens, checks and initialises the plugin at `path`. nullptr with `reason` set when it is refused; a refused
    // plugin has been deinit'ed (when init was called) and closed. Never throws for anything the plugin does.
    static std::unique_ptr<LoadedPlugin> load(const std::filesystem::path& path, void* imguiContext,
                                              std::string& reason);
    ~LoadedPlugin();
    LoadedPlugin(const LoadedPlugin&) = delete;
    LoadedPlugin& operator=(const LoadedPlugin&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    const std::vector<ModuleDescription>& modules() const { return m_modules; }
    const ModuleDescription* findModule(const std::string& moduleId) const;
    // The plugin's factory, checked by load() (full size, every function present): ABI 1.3's when it offers one, else
    // 1.0's, handed the matching view of `content`. The caller wraps each call in callPlugin.
    bool validateContent(const std::string& moduleId, const StepContentBuffer& content,
                         const alignkiosk_content_error_sink_v1& errors) const;
    alignkiosk_module_v1* createModule(const std::string& moduleId, const StepContentBuffer& content) const;

private:
    LoadedPlugin(std::filesystem::path path, void* imguiContext);
    std::string initialise(); // the refusal reason, or empty when accepted
    void deinitialise();

    std::filesystem::path m_path;
    PluginLibrary m_library;
    HostInterface m_host;
    const alignkiosk_plugin_entry_v1* m_entry = nullptr;
    bool m_initCalled = false;
    const alignkiosk_module_factory_v2* m_factoryV2 = nullptr; // at most one of the two is set
    const alignkiosk_module_factory_v1* m_factory = nullptr;
    std::vector<ModuleDescription> m_modules;
};

} // namespace alignkiosk::plugin_host
