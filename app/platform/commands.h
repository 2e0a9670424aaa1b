// The program's commands; each returns the process exit code.
#pragma once

#include "command_line.h"

#include "core/install_layout.h"
#include "plugin_host/plugin_host.h"

namespace alignkiosk::platform {

// Loads the built-in plugin directory, then every --plugin-dir, into `host`.
void loadPlugins(plugin_host::PluginHost& host, const core::InstallLayout& layout, const CommandLine& commandLine);

int runKiosk(const CommandLine& commandLine, const core::InstallLayout& layout);
int validateSurveys(const CommandLine& commandLine, const core::InstallLayout& layout);
int listPlugins(const CommandLine& commandLine, const core::InstallLayout& layout);
int showDashboard(const CommandLine& commandLine, const core::InstallLayout& layout);
int exportSummary(const CommandLine& commandLine, const core::InstallLayout& layout);
int writeReport(const CommandLine& commandLine, const core::InstallLayout& layout);
int fillDemoData(const CommandLine& commandLine, const core::InstallLayout& layout);
int resetPin(const CommandLine& commandLine);
int exportCollectionKey(const CommandLine& commandLine);
int writeStationBundle(const CommandLine& commandLine);
int importBundles(const CommandLine& commandLine, const core::InstallLayout& layout);
int collectAnswers(const CommandLine& commandLine, const core::InstallLayout& layout);

} // namespace alignkiosk::platform
