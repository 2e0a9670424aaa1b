// The command line: which command to run and its options. Parsing only; the commands live in *_command.cpp.
#pragma once

#include "core/survey_model.h"
#include "kiosk_window.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace alignkiosk::platform {

enum class Command {
    Run, Validate, Plugins, Dashboard, Export, Report, DemoData, ResetPin, CollectionKey, Bundle, Import, Collect,
    Help, Version
};

struct CommandLine {
    Command command = Command::Run;
    std::optional<std::filesystem::path> survey;     // run, dashboard, export, report, demo-data, import
    std::optional<std::filesystem::path> database;   // every command but validate and plugins
    std::optional<std::filesystem::path> screenshot; // run, dashboard
    std::optional<uint64_t> idleTimeout;             // run: seconds without a touch before "Still there?"
    std::optional<core::ThemeKind> theme;            // run: --theme light|dark|high-contrast
    std::optional<std::string> join;                 // run: HOST:PORT/CODE of a facilitator's collection
    bool kiosk = false;                              // run: full screen, no cursor, cannot be closed or minimised
    std::optional<std::filesystem::path> outDir;     // export
    std::optional<std::filesystem::path> outFile;    // bundle and report (required), collection-key (else stdout)
    std::optional<std::filesystem::path> collectionKey; // bundle: the collection's public key text
    std::optional<std::string> surveyId;             // bundle: which survey, when the store holds several
    std::optional<uint32_t> surveyVersion;           // bundle: which version, when the store holds several
    bool projection = false;                         // dashboard, collect
    bool headless = false;                           // collect: no window, a status line now and then (a service)
    uint16_t port = 47474;                           // collect: 0 picks a free port
    std::string listenAddress = "0.0.0.0";           // collect: an IPv4 address; 0.0.0.0 is every interface
    uint64_t responses = 0;                          // demo-data
    std::vector<std::string> teams;                  // demo-data; empty: the survey's teams
    uint64_t seed = 1;                               // demo-data
    std::vector<std::filesystem::path> pluginDirs;   // run, validate, plugins: added to the built-in one
    std::vector<std::filesystem::path> files;        // validate, import
    std::string help;                                // help: what to print (the overview, or one command's options)
};

struct ParseResult {
    std::optional<CommandLine> commandLine;
    std::string error; // set when commandLine is empty
};

ParseResult parseCommandLine(const std::vector<std::string>& arguments);

// The --help text.
std::string usage();

// The survey's "kiosk" settings with the command line's --idle-timeout and --theme applied over them.
core::KioskSettings kioskSettingsFor(const CommandLine& commandLine, const core::KioskSettings& fromSurvey);

// How `run` opens its window: WindowOptions::kiosk() with --kiosk, an ordinary window otherwise.
WindowOptions windowOptionsFor(const CommandLine& commandLine);

} // namespace alignkiosk::platform
