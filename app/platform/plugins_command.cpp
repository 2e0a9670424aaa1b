// `alignkiosk plugins`: what every plugin file turned out to be, one line each.
#include "commands.h"

#include <iostream>

namespace alignkiosk::platform {

void loadPlugins(plugin_host::PluginHost& host, const core::InstallLayout& layout, const CommandLine& commandLine) {
    host.loadDirectory(layout.pluginDir);
    for (const auto& directory : commandLine.pluginDirs) host.loadDirectory(directory);
}

int listPlugins(const CommandLine& commandLine, const core::InstallLayout& layout) {
    plugin_host::PluginHost host;
    loadPlugins(host, layout, commandLine);
    for (const auto& report : host.reports()) {
        if (!report.loaded) {
            std::cout << "refused " << report.path.string() << ": " << report.reason << '\n';
            continue;
        }
        for (const auto& module : report.modules)
            std::cout << "loaded " << module.id << ' ' << module.version << ' ' << report.path.string() << '\n';
    }
    return 0;
}

} // namespace alignkiosk::platform
