#include "command_line.h"

#include <cstddef>

namespace alignkiosk::platform {

std::string usage() {
    return R"(alignkiosk - an anonymous survey kiosk for mission-alignment workshops

Usage:
  alignkiosk [run] [--survey FILE] [--db FILE] [--plugin-dir DIR]... [--screenshot PNG]
      Start the kiosk. Without --survey it runs the bundled workshop survey; without --db it stores answers
      in ~/.local/share/alignkiosk/responses.sqlite3. --screenshot renders the first screen to PNG and exits.
  alignkiosk validate [--plugin-dir DIR]... FILE...
      Check survey files; prints FILE:LINE:COL: message for every problem. Exit 0 if all are valid, 1 if not.
  alignkiosk plugins [--plugin-dir DIR]...
      List every plugin file found: "loaded <module-id> <version> <path>" or "refused <path>: <reason>".
  alignkiosk --help | --version

--plugin-dir adds a directory to the built-in plugin directory; it may be given more than once.
)";
}

ParseResult parseCommandLine(const std::vector<std::string>& arguments) {
    CommandLine line;
    std::size_t index = 0;
    auto fail = [](std::string message) { return ParseResult{std::nullopt, std::move(message)}; };

    if (index < arguments.size()) {
        const std::string& first = arguments[index];
        if (first == "run") {
            line.command = Command::Run;
            ++index;
        } else if (first == "validate") {
            line.command = Command::Validate;
            ++index;
        } else if (first == "plugins") {
            line.command = Command::Plugins;
            ++index;
        } else if (!first.empty() && first[0] != '-') {
            return fail("unknown command '" + first + "' (try --help)");
        }
    }

    for (; index < arguments.size(); ++index) {
        const std::string& argument = arguments[index];
        auto value = [&]() -> std::optional<std::string> {
            if (index + 1 >= arguments.size()) return std::nullopt;
            return arguments[++index];
        };
        const bool runs = line.command == Command::Run;
        if (argument == "--help" || argument == "-h") {
            line.command = Command::Help;
            return {line, {}};
        }
        if (argument == "--version") {
            line.command = Command::Version;
            return {line, {}};
        }
        if (argument == "--plugin-dir") {
            auto dir = value();
            if (!dir) return fail("--plugin-dir needs a directory");
            line.pluginDirs.emplace_back(*dir);
        } else if (runs && (argument == "--survey" || argument == "--db" || argument == "--screenshot")) {
            auto path = value();
            if (!path) return fail(argument + " needs a file");
            if (argument == "--survey") line.survey = *path;
            if (argument == "--db") line.database = *path;
            if (argument == "--screenshot") line.screenshot = *path;
        } else if (line.command == Command::Validate && (argument.empty() || argument[0] != '-')) {
            line.files.emplace_back(argument);
        } else {
            return fail("unknown option '" + argument + "' (try --help)");
        }
    }
    if (line.command == Command::Validate && line.files.empty()) return fail("validate needs at least one FILE");
    return {line, {}};
}

} // namespace alignkiosk::platform
