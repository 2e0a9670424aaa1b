#include "command_line.h"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <limits>
#include <utility>

namespace alignkiosk::platform {

std::string usage() {
    return R"(alignkiosk - an anonymous survey kiosk for mission-alignment workshops

Usage:
  alignkiosk [run] [--survey FILE] [--db FILE] [--plugin-dir DIR]... [--kiosk] [--theme light|dark|high-contrast]
                   [--idle-timeout SECONDS] [--screenshot PNG]
      Start the kiosk. Without --survey it runs the bundled workshop survey; without --db it stores answers
      in ~/.local/share/alignkiosk/responses.sqlite3. --kiosk: full screen on the primary monitor, no
      cursor, and participants cannot close or minimise it (the facilitator exits behind the PIN). After
      --idle-timeout seconds without a touch (the survey's "kiosk" setting, 60 by default) a participant is
      asked "Still there?"; 15 seconds later their answers are wiped. --theme and --idle-timeout override the
      survey's settings. --screenshot renders the first screen to PNG and exits.
  alignkiosk dashboard [--survey FILE] [--db FILE] [--projection] [--screenshot PNG]
      The facilitator's view of the team's alignment, live while answers arrive. --projection: full screen,
      large type, high contrast.
  alignkiosk export [--survey FILE] [--db FILE] --out DIR
      Write summary.csv and dashboard.png (the overview as rendered) to DIR.
  alignkiosk demo-data [--survey FILE] [--db FILE] --responses N [--teams A,B,...] [--seed S]
      Fill a store with realistic synthetic answers (with planted patterns) to try the dashboard. Refuses a
      store that holds real answers.
  alignkiosk reset-pin [--db FILE]
      Forget the facilitator PIN (and its wrong-try lock-out); the next start asks for a new one first.
  alignkiosk validate [--plugin-dir DIR]... FILE...
      Check survey files; prints FILE:LINE:COL: message for every problem. Exit 0 if all are valid, 1 if not.
  alignkiosk plugins [--plugin-dir DIR]...
      List every plugin file found: "loaded <module-id> <version> <path>" or "refused <path>: <reason>".
  alignkiosk --help | --version

--plugin-dir adds a directory to the built-in plugin directory; it may be given more than once.
A store that cannot be used (a folder, a missing folder, read-only, a full disk, another program's file) is refused
with the path and the reason, exit status 2, and left as it was. Only the default store's folders are created.
Groups smaller than the survey's anonymity threshold (5 answers by default, 10 for open text) are never shown.
)";
}

namespace {

struct CommandName {
    const char* name;
    Command command;
};

constexpr CommandName kCommands[] = {
    {"run", Command::Run},           {"validate", Command::Validate}, {"plugins", Command::Plugins},
    {"dashboard", Command::Dashboard}, {"export", Command::Export},   {"demo-data", Command::DemoData},
    {"reset-pin", Command::ResetPin},
};

bool takesSurveyAndDatabase(Command command) {
    return command == Command::Run || command == Command::Dashboard || command == Command::Export ||
           command == Command::DemoData;
}

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = text.find(',', start);
        const std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!item.empty()) items.push_back(item);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return items;
}

bool parseCount(const std::string& text, uint64_t& value) {
    const char* end = text.data() + text.size();
    const auto [at, error] = std::from_chars(text.data(), end, value);
    return error == std::errc() && at == end;
}

// "high-contrast" on the command line; the survey file's "high_contrast" is accepted too.
std::optional<core::ThemeKind> parseTheme(std::string text) {
    std::replace(text.begin(), text.end(), '-', '_');
    return core::themeKindFromName(text);
}

} // namespace

ParseResult parseCommandLine(const std::vector<std::string>& arguments) {
    CommandLine line;
    std::size_t index = 0;
    auto fail = [](std::string message) { return ParseResult{std::nullopt, std::move(message)}; };

    if (index < arguments.size() && !arguments[index].empty() && arguments[index][0] != '-') {
        const std::string& first = arguments[index];
        bool known = false;
        for (const CommandName& command : kCommands) {
            if (first == command.name) {
                line.command = command.command;
                known = true;
            }
        }
        if (!known) return fail("unknown command '" + first + "' (try --help)");
        ++index;
    }

    bool responsesGiven = false;
    for (; index < arguments.size(); ++index) {
        const std::string& argument = arguments[index];
        auto value = [&]() -> std::optional<std::string> {
            if (index + 1 >= arguments.size()) return std::nullopt;
            return arguments[++index];
        };
        const Command command = line.command;
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
        } else if (command == Command::ResetPin && argument == "--db") {
            auto path = value();
            if (!path) return fail("--db needs a file");
            line.database = *path;
        } else if (takesSurveyAndDatabase(command) && (argument == "--survey" || argument == "--db")) {
            auto path = value();
            if (!path) return fail(argument + " needs a file");
            (argument == "--survey" ? line.survey : line.database) = *path;
        } else if ((command == Command::Run || command == Command::Dashboard) && argument == "--screenshot") {
            auto path = value();
            if (!path) return fail("--screenshot needs a file");
            line.screenshot = *path;
        } else if (command == Command::Run && argument == "--idle-timeout") {
            auto text = value();
            uint64_t seconds = 0;
            if (!text || !parseCount(*text, seconds) || seconds == 0)
                return fail("--idle-timeout needs a whole number of seconds (at least 1)");
            line.idleTimeout = seconds;
        } else if (command == Command::Run && argument == "--theme") {
            auto text = value();
            const auto theme = text ? parseTheme(*text) : std::nullopt;
            if (!theme) return fail("--theme needs light, dark or high-contrast");
            line.theme = theme;
        } else if (command == Command::Run && argument == "--kiosk") {
            line.kiosk = true;
        } else if (command == Command::Dashboard && argument == "--projection") {
            line.projection = true;
        } else if (command == Command::Export && argument == "--out") {
            auto dir = value();
            if (!dir) return fail("--out needs a directory");
            line.outDir = *dir;
        } else if (command == Command::DemoData && (argument == "--responses" || argument == "--seed")) {
            auto text = value();
            uint64_t number = 0;
            if (!text || !parseCount(*text, number)) return fail(argument + " needs a whole number");
            if (argument == "--responses") {
                line.responses = number;
                responsesGiven = true;
            } else {
                line.seed = number;
            }
        } else if (command == Command::DemoData && argument == "--teams") {
            auto text = value();
            if (!text || splitList(*text).empty()) return fail("--teams needs a comma-separated list of team names");
            line.teams = splitList(*text);
        } else if (command == Command::Validate && (argument.empty() || argument[0] != '-')) {
            line.files.emplace_back(argument);
        } else {
            return fail("unknown option '" + argument + "' (try --help)");
        }
    }
    if (line.command == Command::Validate && line.files.empty()) return fail("validate needs at least one FILE");
    if (line.command == Command::Export && !line.outDir) return fail("export needs --out DIR");
    if (line.command == Command::DemoData && (!responsesGiven || line.responses == 0))
        return fail("demo-data needs --responses N (N > 0)");
    return {line, {}};
}

core::KioskSettings kioskSettingsFor(const CommandLine& commandLine, const core::KioskSettings& fromSurvey) {
    core::KioskSettings settings = fromSurvey;
    if (commandLine.idleTimeout)
        settings.idleTimeout = static_cast<uint32_t>(
            std::min<uint64_t>(*commandLine.idleTimeout, std::numeric_limits<uint32_t>::max()));
    if (commandLine.theme) settings.theme = *commandLine.theme;
    return settings;
}

WindowOptions windowOptionsFor(const CommandLine& commandLine) {
    return commandLine.kiosk ? WindowOptions::kiosk() : WindowOptions{};
}

} // namespace alignkiosk::platform
