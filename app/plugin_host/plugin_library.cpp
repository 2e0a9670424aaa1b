#include "plugin_host/plugin_library.h"

#include <dlfcn.h>

#include <utility>

namespace alignkiosk::plugin_host {

PluginLibrary::~PluginLibrary() { close(); }

PluginLibrary::PluginLibrary(PluginLibrary&& other) noexcept : m_handle(std::exchange(other.m_handle, nullptr)) {}

PluginLibrary& PluginLibrary::operator=(PluginLibrary&& other) noexcept {
    if (this != &other) {
        close();
        m_handle = std::exchange(other.m_handle, nullptr);
    }
    return *this;
}

bool PluginLibrary::open(const std::filesystem::path& path, std::string& error) {
    close();
    dlerror(); // clear a stale message so the one we report belongs to this call
    m_handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (m_handle) return true;
    const char* message = dlerror();
    error = message ? message : "unknown dlopen error";
    return false;
}

const alignkiosk_plugin_entry_v1* PluginLibrary::entry() const {
    if (!m_handle) return nullptr;
    dlerror();
    void* symbol = dlsym(m_handle, ALIGNKIOSK_PLUGIN_ENTRY_SYMBOL);
    return static_cast<const alignkiosk_plugin_entry_v1*>(symbol);
}

void PluginLibrary::close() {
    if (m_handle) dlclose(std::exchange(m_handle, nullptr));
}

} // namespace alignkiosk::plugin_host
