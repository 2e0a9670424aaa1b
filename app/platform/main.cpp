// alignkiosk: an anonymous survey kiosk for mission-alignment workshops.
#include "command_line.h"
#include "commands.h"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    using namespace alignkiosk;
    const std::vector<std::string> arguments(argv + 1, argv + argc);
    const platform::ParseResult parsed = platform::parseCommandLine(arguments);
    if (!parsed.commandLine) {
        std::cerr << "alignkiosk: " << parsed.error << '\n';
        return 2;
    }
    const platform::CommandLine& commandLine = *parsed.commandLine;
    const core::InstallLayout layout = core::InstallLayout::forExecutable();
    switch (commandLine.command) {
    case platform::Command::Help: std::cout << commandLine.help; return 0;
    case platform::Command::Version: std::cout << "alignkiosk " << ALIGNKIOSK_VERSION << '\n'; return 0;
    case platform::Command::Validate: return platform::validateSurveys(commandLine, layout);
    case platform::Command::Plugins: return platform::listPlugins(commandLine, layout);
    case platform::Command::Run: return platform::runKiosk(commandLine, layout);
    case platform::Command::Dashboard: return platform::showDashboard(commandLine, layout);
    case platform::Command::Export: return platform::exportSummary(commandLine, layout);
    case platform::Command::Report: return platform::writeReport(commandLine, layout);
    case platform::Command::DemoData: return platform::fillDemoData(commandLine, layout);
    case platform::Command::ResetPin: return platform::resetPin(commandLine);
    case platform::Command::CollectionKey: return platform::exportCollectionKey(commandLine);
    case platform::Command::Bundle: return platform::writeStationBundle(commandLine);
    case platform::Command::Import: return platform::importBundles(commandLine, layout);
    case platform::Command::Collect: return platform::collectAnswers(commandLine, layout);
    }
    return 2;
}
