#include "plugin_host/host_interface.h"

#include <cstdio>
#include <type_traits>
#include <utility>

#ifndef ALIGNKIOSK_VERSION
#define ALIGNKIOSK_VERSION "0.0.0"
#endif

namespace alignkiosk::plugin_host {

HostInterface::HostInterface(std::string pluginPath, void* imguiContext) : m_pluginPath(std::move(pluginPath)) {
    static_assert(std::is_standard_layout_v<Binding>, "log() converts the host pointer back to its Binding");
    m_binding.host = alignkiosk_host_v1{sizeof(alignkiosk_host_v1), ALIGNKIOSK_ABI_MAJOR, ALIGNKIOSK_ABI_MINOR,
                                        ALIGNKIOSK_VERSION, imguiContext, &HostInterface::log};
    m_binding.owner = this;
}

std::string HostInterface::formatLogLine(const std::string& pluginPath, uint32_t level, const char* message) {
    std::string line = "alignkiosk: [plugin " + pluginPath + "] ";
    if (level == ALIGNKIOSK_LOG_WARNING) line += "warning: ";
    if (level >= ALIGNKIOSK_LOG_ERROR) line += "error: ";
    line += message ? message : "(no message)";
    line += '\n';
    return line;
}

void HostInterface::log(const alignkiosk_host_v1* host, uint32_t level, const char* message) {
    // Called by plugin code through a C pointer: nothing may escape.
    try {
        if (!host) return;
        const auto* binding = reinterpret_cast<const Binding*>(host);
        const std::string line = formatLogLine(binding->owner->m_pluginPath, level, message);
        std::fputs(line.c_str(), stderr);
    } catch (...) {
    }
}

} // namespace alignkiosk::plugin_host
