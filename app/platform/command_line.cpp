#include "command_line.h"

#include <CLI/CLI.hpp>

#include <arpa/inet.h>

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
  alignkiosk [run] --join HOST:PORT/CODE [--db FILE] [--plugin-dir DIR]... [--kiosk] [--theme ...]
      A laptop (or, with --kiosk, a station) in a facilitator's collection: the survey comes from the
      facilitator's computer at HOST:PORT (the line shown on its screen), and each finished survey is sealed,
      kept in outbox.sqlite3 beside --db (else in ~/.local/share/alignkiosk) and delivered there. No answers
      are stored on this computer and there is no facilitator menu.
  alignkiosk dashboard [--survey FILE] [--db FILE] [--plugin-dir DIR]... [--projection] [--screenshot PNG]
      The facilitator's view of the team's alignment, live while answers arrive. --projection: full screen,
      large type, high contrast.
  alignkiosk export [--survey FILE] [--db FILE] [--plugin-dir DIR]... --out DIR
      Write summary.csv and a PNG of every dashboard screen to DIR: overview.png, item-<question id>.png for
      each rated item and open-answers.png (when open answers may be shown), each at its full height, without
      buttons or focus marks (one taller than GL can draw comes in parts, NAME-1.png, NAME-2.png, ...).
  alignkiosk report [--survey FILE] [--db FILE] [--plugin-dir DIR]... --out FILE.pdf
      Write the facilitator's report: a PDF with the cover, the alignment overview, where the team disagrees
      most, each item per group, each module's pages and the open answers, under the dashboard's anonymity
      rules. A4, or Letter when the locale (LC_ALL, LC_PAPER, LANG) is en_US or en_CA.
  alignkiosk collect [--survey FILE] [--db FILE] [--port N] [--listen ADDRESS] [--plugin-dir DIR]... [--projection]
      Collect answers from laptops on the local network into the store, showing the join code and the live
      dashboard (for a projector). --port: 47474 by default, 0 picks a free one. --listen: the IPv4 address to
      serve on (default 0.0.0.0, every interface). Laptops join with alignkiosk run --join HOST:PORT/CODE.
  alignkiosk collect --headless [--survey FILE] [--db FILE] [--port N] [--listen ADDRESS] [--plugin-dir DIR]...
      The same collector without a window or display, to run as a service: several on one PostgreSQL database
      (--db postgresql://...) behind one address share its join code. Prints the join line, then now and then
      how many submissions it stored and refused; SIGTERM or SIGINT stops it after committing what it took.
  alignkiosk demo-data [--survey FILE] [--db FILE] [--plugin-dir DIR]... --responses N [--teams A,B,...]
                       [--seed S]
      Fill a store with realistic synthetic answers (with planted patterns) to try the dashboard. Refuses a
      store that holds real answers.
  alignkiosk reset-pin [--db FILE]
      Forget the facilitator PIN (and its wrong-try lock-out); the next start asks for a new one first.
  alignkiosk collection-key [--db FILE] [--out FILE]
      Print (or write to FILE) the public key of the store's collection, for stations in a room without a
      network; the store makes its key pair on first use and keeps it.
  alignkiosk bundle [--db FILE] --out FILE [--collection-key FILE] [--survey-id ID] [--survey-version N]
      Write the station's answers into one file sealed to a collection (its key from collection-key). Only the
      facilitator's store can open it. --survey-id/--survey-version choose when the store holds several.
  alignkiosk import FILE... [--db FILE] [--survey FILE] [--plugin-dir DIR]...
      Add the answers of bundles to the store whose collection they are sealed to; importing a bundle twice
      changes nothing. With --survey, a bundle of another survey or version is refused.
  alignkiosk validate [--plugin-dir DIR]... FILE...
      Check survey files; prints FILE:LINE:COL: message for every problem. Exit 0 if all are valid, 1 if not.
  alignkiosk plugins [--plugin-dir DIR]...
      List every plugin file found: "loaded <module-id> <version> <path>" or "refused <path>: <reason>".
  alignkiosk --help | --version

--plugin-dir adds a directory to the built-in plugin directory; it may be given more than once, and must exist.
Each command's own options: alignkiosk COMMAND --help.
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
    {"dashboard", Command::Dashboard}, {"export", Command::Export},   {"report", Command::Report},
    {"demo-data", Command::DemoData},
    {"reset-pin", Command::ResetPin}, {"collection-key", Command::CollectionKey},
    {"bundle", Command::Bundle},     {"import", Command::Import},     {"collect", Command::Collect},
};

std::optional<Command> commandNamed(const std::string& name) {
    for (const CommandName& command : kCommands)
        if (name == command.name) return command.command;
    return std::nullopt;
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

// "high-contrast" on the command line; the survey file's "high_contrast" is accepted too.
std::optional<core::ThemeKind> parseTheme(std::string text) {
    std::replace(text.begin(), text.end(), '-', '_');
    return core::themeKindFromName(text);
}

// A whole number above 0 (CLI11's PositiveNumber speaks of doubles).
const CLI::Validator kWholeAboveZero(
    [](std::string& text) {
        uint64_t value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error != std::errc() || end != text.data() + text.size() || value == 0)
            return "needs a whole number above 0, not '" + text + "'";
        return std::string();
    },
    "N>0");

// What the options are read into before they become a CommandLine.
struct Values {
    std::string survey, database, screenshot, outDir, outFile, collectionKey, surveyId, theme, teams, listen, join;
    std::vector<std::string> pluginDirs, files;
    uint64_t idleTimeout = 0, responses = 0, seed = 1, surveyVersion = 0, port = 0;
};

// One subcommand per command, each with exactly the options it takes, so its --help lists them all and anything
// else is an error that names it. CLI11 (Debian's libcli11-dev) does the parsing; the checks that speak of the
// survey kiosk's own words (themes, teams) follow it.
CLI::App* addCommand(CLI::App& app, const char* name, const char* description) {
    CLI::App* command = app.add_subcommand(name, description);
    command->set_help_flag(); // --help is answered before parsing, wherever it stands
    command->allow_extras();  // unknown options are reported by parseCommandLine, in our words
    return command;
}

void addSurveyAndStore(CLI::App* command, Values& values) {
    command->add_option("--survey", values.survey, "the survey file (default: the bundled workshop survey)");
    command->add_option("--db", values.database,
                        "the response store (default: ~/.local/share/alignkiosk/responses.sqlite3)");
}

void addPluginDirs(CLI::App* command, Values& values) {
    command->add_option("--plugin-dir", values.pluginDirs, "a folder of plugins besides the built-in one (repeatable)")
        ->check(CLI::ExistingDirectory)
        ->take_last()
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

} // namespace

ParseResult parseCommandLine(const std::vector<std::string>& arguments) {
    auto fail = [](std::string message) { return ParseResult{std::nullopt, std::move(message)}; };
    CommandLine line;

    // The command: the first argument when it names one; run when there is none or the first is an option.
    std::vector<std::string> args = arguments;
    if (!args.empty() && !args.front().empty() && args.front()[0] != '-') {
        const auto command = commandNamed(args.front());
        if (!command) return fail("unknown command '" + args.front() + "' (try --help)");
        line.command = *command;
    } else {
        args.insert(args.begin(), "run");
        line.command = Command::Run;
    }
    const bool commandGiven = args.size() == arguments.size();

    Values values;
    CLI::App app("alignkiosk - an anonymous survey kiosk for mission-alignment workshops", "alignkiosk");
    app.set_help_flag();
    app.require_subcommand(1, 1);
    CLI::App* run = addCommand(app, "run", "Start the kiosk (the default command).");
    addSurveyAndStore(run, values);
    addPluginDirs(run, values);
    run->add_flag("--kiosk", line.kiosk, "full screen, no cursor; participants cannot close or minimise it");
    run->add_option("--theme", values.theme, "light, dark or high-contrast (over the survey's setting)");
    run->add_option("--idle-timeout", values.idleTimeout, "seconds without a touch before \"Still there?\"")
        ->check(kWholeAboveZero);
    run->add_option("--screenshot", values.screenshot, "render the first screen to this PNG and exit");
    run->add_option("--join", values.join, "HOST:PORT/CODE: answer the survey of a facilitator's collection");
    CLI::App* dashboard = addCommand(app, "dashboard", "The facilitator's live view of the team's alignment.");
    addSurveyAndStore(dashboard, values);
    addPluginDirs(dashboard, values);
    dashboard->add_flag("--projection", line.projection, "full screen, large type, high contrast");
    dashboard->add_option("--screenshot", values.screenshot, "render the first screen to this PNG and exit");
    CLI::App* exportCommand = addCommand(app, "export", "Write summary.csv and a PNG of every dashboard screen.");
    addSurveyAndStore(exportCommand, values);
    addPluginDirs(exportCommand, values);
    exportCommand->add_option("--out", values.outDir, "the folder to write to")->required();
    CLI::App* report = addCommand(app, "report", "Write the facilitator's PDF report.");
    addSurveyAndStore(report, values);
    addPluginDirs(report, values);
    report->add_option("--out", values.outFile, "the PDF file to write")->required();
    CLI::App* collect = addCommand(app, "collect", "Collect answers from laptops, showing the join code.");
    addSurveyAndStore(collect, values);
    addPluginDirs(collect, values);
    collect->add_option("--port", values.port, "the TCP port to serve on (default 47474; 0 picks a free one)")
        ->check(CLI::Range(uint64_t{0}, uint64_t{65535}));
    collect->add_option("--listen", values.listen, "the IPv4 address to serve on (default 0.0.0.0: every interface)");
    collect->add_flag("--projection", line.projection, "full screen, large type, high contrast");
    collect->add_flag("--headless", line.headless,
                      "no window: print the join line and a status line now and then (to run as a service)");
    CLI::App* demo = addCommand(app, "demo-data", "Fill an empty store with synthetic answers.");
    addSurveyAndStore(demo, values);
    addPluginDirs(demo, values);
    demo->add_option("--responses", values.responses, "how many participants (N > 0)")
        ->required()
        ->check(kWholeAboveZero);
    demo->add_option("--teams", values.teams,
                     "comma-separated team ids, as answers store them (default: the survey's teams)");
    demo->add_option("--seed", values.seed, "the random seed (default 1)");
    CLI::App* resetPin = addCommand(app, "reset-pin", "Forget the facilitator PIN and its lock-out.");
    resetPin->add_option("--db", values.database, "the response store");
    CLI::App* collectionKey = addCommand(app, "collection-key", "Print or write the store's collection public key.");
    collectionKey->add_option("--db", values.database, "the facilitator's response store");
    collectionKey->add_option("--out", values.outFile, "write the key text to this file (default: print it)");
    CLI::App* bundle = addCommand(app, "bundle", "Seal a station's answers into one file for a collection.");
    bundle->add_option("--db", values.database, "the station's response store");
    bundle->add_option("--out", values.outFile, "the bundle file to write (must not exist)")->required();
    bundle->add_option("--collection-key", values.collectionKey,
                       "the collection's public key text (from alignkiosk collection-key)")
        ->check(CLI::ExistingFile);
    bundle->add_option("--survey-id", values.surveyId, "the survey to bundle, when the store holds several");
    bundle->add_option("--survey-version", values.surveyVersion, "its version, when the store holds several")
        ->check(kWholeAboveZero);
    CLI::App* importCommand = addCommand(app, "import", "Add the answers of bundles to a store.");
    importCommand->add_option("FILE", values.files, "bundle files")->required()->check(CLI::ExistingFile);
    importCommand->add_option("--survey", values.survey,
                              "the survey this store collects: refuse bundles of another survey or version");
    importCommand->add_option("--db", values.database, "the facilitator's response store");
    addPluginDirs(importCommand, values);
    CLI::App* validate = addCommand(app, "validate", "Check survey files.");
    addPluginDirs(validate, values);
    validate->add_option("FILE", values.files, "survey files")->required();
    CLI::App* plugins = addCommand(app, "plugins", "List every plugin file, loaded or refused.");
    addPluginDirs(plugins, values);

    // --help and --version win wherever they stand.
    for (const std::string& argument : args) {
        if (argument == "--help" || argument == "-h") {
            line.command = Command::Help;
            line.help = usage();
            if (commandGiven) {
                // CLI11 names a subcommand alone in its usage line; ours are run through the program.
                line.help = app.get_subcommand(args.front())->help();
                const std::string bare = "Usage: " + args.front();
                if (const auto at = line.help.find(bare); at != std::string::npos)
                    line.help.replace(at, bare.size(), "Usage: alignkiosk " + args.front());
            }
            return {line, {}};
        }
        if (argument == "--version") {
            line.command = Command::Version;
            return {line, {}};
        }
    }

    try {
        std::vector<std::string> reversed(args.rbegin(), args.rend());
        app.parse(reversed);
    } catch (const CLI::ParseError& error) {
        std::string message = error.what();
        if (const auto at = message.find(" is required"); at != std::string::npos)
            message = args.front() + " needs " + message.substr(0, at);
        return fail(message + " (try alignkiosk " + args.front() + " --help)");
    }
    const CLI::App* chosen = app.get_subcommand(args.front());
    if (const std::vector<std::string> extras = chosen->remaining(); !extras.empty())
        return fail("unknown option '" + extras.front() + "' for " + args.front() + " (try alignkiosk " +
                    args.front() + " --help)");

    if (!values.survey.empty()) line.survey = values.survey;
    if (run->count("--join")) {
        if (values.join.empty()) return fail("--join needs HOST:PORT/CODE, as shown on the facilitator's screen");
        if (!values.survey.empty())
            return fail("--join takes the survey from the facilitator's computer: leave out --survey");
        line.join = values.join;
    }
    if (!values.database.empty()) line.database = values.database;
    if (!values.screenshot.empty()) line.screenshot = values.screenshot;
    if (!values.outDir.empty()) line.outDir = values.outDir;
    if (!values.outFile.empty()) line.outFile = values.outFile;
    if (!values.collectionKey.empty()) line.collectionKey = values.collectionKey;
    if (bundle->count("--survey-id")) {
        if (values.surveyId.empty()) return fail("--survey-id needs a survey id");
        line.surveyId = values.surveyId;
    }
    if (bundle->count("--survey-version")) {
        if (values.surveyVersion > std::numeric_limits<uint32_t>::max())
            return fail("--survey-version needs a version up to " +
                        std::to_string(std::numeric_limits<uint32_t>::max()));
        line.surveyVersion = static_cast<uint32_t>(values.surveyVersion);
    }
    for (const std::string& dir : values.pluginDirs) line.pluginDirs.emplace_back(dir);
    for (const std::string& file : values.files) line.files.emplace_back(file);
    if (run->count("--idle-timeout")) line.idleTimeout = values.idleTimeout;
    if (run->count("--theme")) {
        line.theme = parseTheme(values.theme);
        if (!line.theme) return fail("--theme needs light, dark or high-contrast");
    }
    if (demo->count("--teams")) {
        line.teams = splitList(values.teams);
        if (line.teams.empty()) return fail("--teams needs a comma-separated list of team names");
    }
    if (line.headless && line.projection) return fail("--headless shows no window: leave out --projection");
    if (collect->count("--port")) line.port = static_cast<uint16_t>(values.port);
    if (collect->count("--listen")) {
        in_addr parsed{};
        if (::inet_pton(AF_INET, values.listen.c_str(), &parsed) != 1)
            return fail("--listen needs an IPv4 address such as 0.0.0.0 or 127.0.0.1, not '" + values.listen + "'");
        line.listenAddress = values.listen;
    }
    line.responses = values.responses;
    line.seed = values.seed;
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
