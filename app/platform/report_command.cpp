// `alignkiosk report`: the facilitator's PDF report of the answers in a store, from the same model the dashboard draws
// (core::DashboardSource), with each module's own pages. Needs no display.
#include "commands.h"

#include "dashboard_setup.h"
#include "report_file.h"

#include "core/dashboard_source.h"

#include <iostream>

namespace alignkiosk::platform {

int writeReport(const CommandLine& commandLine, const core::InstallLayout& layout) {
    plugin_host::PluginHost host; // no ImGui context: a report draws nothing on screen
    DashboardSetup setup;
    if (const int status = prepareDashboard(commandLine, layout, host, setup)) return status;

    core::DashboardSource source(*setup.survey, *setup.store);
    const std::shared_ptr<const core::DashboardModel> model = source.waitUntilLoaded();
    if (const std::optional<std::string> failure = source.error()) {
        std::cerr << "alignkiosk: cannot read the answers: " << *failure << '\n';
        return 1;
    }
    const std::filesystem::path file = *commandLine.outFile;
    if (file.has_parent_path()) {
        std::error_code created;
        std::filesystem::create_directories(file.parent_path(), created);
    }
    const report::ReportResult result = writeReportFile(*setup.survey, *model, setup.modules, file, setup.messages);
    if (!result.error.empty()) {
        std::cerr << "alignkiosk: cannot write " << file.string() << ": " << result.error << '\n';
        return 1;
    }
    std::cout << "wrote " << file.string() << " (" << result.pages << (result.pages == 1 ? " page" : " pages")
              << ")\n";
    return 0;
}

} // namespace alignkiosk::platform
