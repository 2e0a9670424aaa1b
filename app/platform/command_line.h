// The command line: which command to run and its options. Parsing only; the commands live in *_command.cpp.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace alignkiosk::platform {

enum class Command { Run, Validate, Plugins, Help, Version };

struct CommandLine {
    Command command = Command::Run;
    std::optional<std::filesystem::path> survey;     // run
    std::optional<std::filesystem::path> database;   // run
    std::optional<std::filesystem::path> screenshot; // run
    std::vector<std::filesystem::path> pluginDirs;   // run, validate, plugins: added to the built-in one
    std::vector<std::filesystem::path> files;        // validate
};

struct ParseResult {
    std::optional<CommandLine> commandLine;
    std::string error; // set when commandLine is empty
};

ParseResult parseCommandLine(const std::vector<std::string>& arguments);

// The --help text.
std::string usage();

} // namespace alignkiosk::platform
