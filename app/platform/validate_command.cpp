// `alignkiosk validate FILE...`: every problem in every survey file, as FILE:LINE:COL: message.
#include "commands.h"

#include "core/survey_loader.h"

#include <iostream>

namespace alignkiosk::platform {

int validateSurveys(const CommandLine& commandLine, const core::InstallLayout& layout) {
    plugin_host::PluginHost host;
    loadPlugins(host, layout, commandLine);
    bool allValid = true;
    for (const auto& file : commandLine.files) {
        const core::SurveyLoadResult result = core::loadSurvey(file, host);
        for (const auto& diagnostic : result.diagnostics) std::cout << diagnostic.format() << '\n';
        if (!result.ok()) allValid = false;
    }
    return allValid ? 0 : 1;
}

} // namespace alignkiosk::platform
