// `alignkiosk demo-data`: fills a store with synthetic answers so a facilitator can try the dashboard before a
// workshop. The answers go through the same submit() as real ones.
#include "commands.h"

#include "command_support.h"

#include "core/demo_data.h"

#include <iostream>

namespace alignkiosk::platform {

int fillDemoData(const CommandLine& commandLine, const core::InstallLayout& layout) {
    plugin_host::PluginHost host;
    loadPluginsReportingRefusals(host, layout, commandLine);
    const std::optional<core::Survey> survey = loadSurveyFor(commandLine, layout, host);
    if (!survey) return 1;
    std::optional<core::ResponseStore> store = openStoreFor(commandLine);
    if (!store) return 1;

    core::DemoOptions options;
    options.responses = commandLine.responses;
    options.teams = commandLine.teams;
    options.seed = commandLine.seed;
    for (const core::Step& step : survey->steps) options.moduleVersions[step.moduleId] = host.moduleVersion(step.moduleId);
    const std::vector<core::Submission> submissions = core::generateDemoSubmissions(*survey, options);
    try {
        for (const core::Submission& submission : submissions) store->submit(submission);
    } catch (const std::exception& error) {
        std::cerr << "alignkiosk: " << error.what() << '\n';
        return 1;
    }
    std::cout << "stored " << submissions.size() << " demo responses for survey '" << survey->id << "' in "
              << store->path().string() << '\n';
    return 0;
}

} // namespace alignkiosk::platform
