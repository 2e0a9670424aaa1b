// alignkiosk_plugin_report FILE_OR_DIR...: loads plugins with the real PluginHost and prints one line per outcome,
// in the words of `alignkiosk plugins`:
//   loaded <module-id> <version> <path>
//   refused <path>: <reason>
// Exit status 0 when every file loaded, 1 when any was refused or nothing was found. Used by the SDK tests so they
// do not depend on the kiosk's command line.
#include "plugin_host/plugin_host.h"

#include <filesystem>
#include <iostream>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: alignkiosk_plugin_report FILE_OR_DIR...\n";
        return 2;
    }
    alignkiosk::plugin_host::PluginHost host;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path path(argv[i]);
        if (std::filesystem::is_directory(path))
            host.loadDirectory(path);
        else
            host.loadFile(path);
    }
    bool allLoaded = !host.reports().empty();
    for (const auto& report : host.reports()) {
        if (!report.loaded) {
            std::cout << "refused " << report.path.string() << ": " << report.reason << '\n';
            allLoaded = false;
            continue;
        }
        for (const auto& module : report.modules)
            std::cout << "loaded " << module.id << ' ' << module.version << ' ' << report.path.string() << '\n';
    }
    return allLoaded ? 0 : 1;
}
