// One dlopen'ed shared library and the lookup of its plugin entry. Nothing here trusts the library yet: the checks
// live in plugin_checks.h, the accepted plugin in loaded_plugin.h.
#pragma once

#include <alignkiosk/plugin_abi.h>

#include <filesystem>
#include <string>

namespace alignkiosk::plugin_host {

class PluginLibrary {
public:
    PluginLibrary() = default;
    ~PluginLibrary();
    PluginLibrary(PluginLibrary&& other) noexcept;
    PluginLibrary& operator=(PluginLibrary&& other) noexcept;
    PluginLibrary(const PluginLibrary&) = delete;
    PluginLibrary& operator=(const PluginLibrary&) = delete;

    // dlopen with RTLD_NOW (an unresolved symbol refuses the plugin now, not mid-survey) and RTLD_LOCAL (plugins
    // cannot see each other's symbols). False with dlerror's text in `error` when the file cannot be loaded.
    bool open(const std::filesystem::path& path, std::string& error);
    bool isOpen() const { return m_handle != nullptr; }
    // The exported ALIGNKIOSK_PLUGIN_ENTRY_SYMBOL, or nullptr when the library does not export it.
    const alignkiosk_plugin_entry_v1* entry() const;
    void close();

private:
    void* m_handle = nullptr;
};

} // namespace alignkiosk::plugin_host
