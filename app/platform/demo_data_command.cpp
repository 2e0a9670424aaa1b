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
    std::unique_ptr<core::AnswerStore> store = openStoreFor(commandLine, *survey);
    if (!store) return kStoreRefused;
    const std::vector<core::SurveyParticipants> stored = store->surveys();
    if (!stored.empty() && store->setting(core::kDemoStoreSettingKey) != "yes") {
        std::cerr << "alignkiosk: not adding demo answers: " << store->path().string() << " holds real answers (";
        for (std::size_t i = 0; i < stored.size(); ++i)
            std::cerr << (i ? ", " : "") << stored[i].participants
                      << (stored[i].participants == 1 ? " person" : " people") << " for survey '" << stored[i].surveyId
                      << "'";
        std::cerr << "), and demo answers could never be told apart from them. Choose another path with --db FILE.\n";
        return kStoreRefused;
    }

    core::DemoOptions options;
    options.responses = commandLine.responses;
    options.teams = commandLine.teams;
    options.seed = commandLine.seed;
    for (const core::Step& step : survey->steps) options.moduleVersions[step.moduleId] = host.moduleVersion(step.moduleId);
    const std::vector<core::Submission> submissions = core::generateDemoSubmissions(*survey, options);
    try {
        if (stored.empty()) store->setSetting(core::kDemoStoreSettingKey, "yes");
        store->submitAll(submissions);
    } catch (const std::exception& error) {
        std::cerr << "alignkiosk: " << error.what() << '\n';
        return 1;
    }
    std::cout << "stored " << submissions.size() << " demo responses for survey '" << survey->id << "' in "
              << store->path().string() << '\n';
    return 0;
}

} // namespace alignkiosk::platform
