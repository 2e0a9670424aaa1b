// A flat table of the program's own words, read from assets/strings/<language>.json ({"key": "text", ...}), so the
// shell can speak the survey's language without recompiling.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace alignkiosk::core {

struct StringTableResult {
    std::map<std::string, std::string> strings;
    std::string error; // empty when the file was read; a missing file is an error only for the caller to decide
};

StringTableResult loadStringTable(const std::filesystem::path& file);

// The same for a table already read: `text` is the file's content, `displayName` the file as errors name it.
StringTableResult parseStringTable(std::string_view text, const std::string& displayName);

} // namespace alignkiosk::core
