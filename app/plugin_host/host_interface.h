// The alignkiosk_host_v1 one plugin receives in init. Each plugin gets its own, so the log callback knows which
// plugin is speaking from the host pointer the plugin hands back. Must outlive the plugin's deinit.
#pragma once

#include <alignkiosk/plugin_abi.h>

#include <cstdint>
#include <string>

namespace alignkiosk::plugin_host {

class HostInterface {
public:
    HostInterface(std::string pluginPath, void* imguiContext);
    HostInterface(const HostInterface&) = delete; // the plugin keeps our address
    HostInterface& operator=(const HostInterface&) = delete;

    const alignkiosk_host_v1* raw() const { return &m_binding.host; }
    const std::string& pluginPath() const { return m_pluginPath; }

    // "alignkiosk: [plugin PATH] message", with "warning: " / "error: " before the message for those levels.
    static std::string formatLogLine(const std::string& pluginPath, uint32_t level, const char* message);

private:
    // Standard layout with the C struct first: the pointer the plugin holds converts back to the binding.
    struct Binding {
        alignkiosk_host_v1 host;
        const HostInterface* owner;
    };

    static void log(const alignkiosk_host_v1* host, uint32_t level, const char* message);

    Binding m_binding;
    std::string m_pluginPath;
};

} // namespace alignkiosk::plugin_host
