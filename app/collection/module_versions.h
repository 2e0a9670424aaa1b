// Which version of each survey module a collection uses, as the collector tells laptops in the
// `Alignkiosk-Modules` header of GET /v1/survey (docs/collection-protocol.md): `id=version` pairs, comma-separated,
// sorted by id, e.g. `diagnostic_signs=1.2.0,focus_assessment=1.0.0`. A module id is [a-z0-9_]{1,64}; a version is
// what the plugin reports (printable ASCII without ',', '=' or spaces, at most 32 characters). At most 64 modules.
//
// A laptop compares them with its own before anyone starts: answers from another version of a module would be stored
// and counted as if they were the same questions.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace alignkiosk::collection {

inline constexpr const char* kModulesHeader = "Alignkiosk-Modules";

using ModuleVersions = std::map<std::string, std::string>; // module id -> version

struct ModuleVersionsParse {
    std::optional<ModuleVersions> versions;
    std::string error; // what is wrong and where; only when !ok()
    bool ok() const { return versions.has_value(); }
};

// Throws std::invalid_argument for an id or version the format cannot carry.
std::string formatModuleVersions(const ModuleVersions& versions);
ModuleVersionsParse parseModuleVersions(std::string_view text);

// For the participant: each module whose version on this laptop differs from the collection's (or that it lacks),
// one sentence each; empty when they all match. `laptop` holds the laptop's versions of the modules it has.
std::vector<std::string> describeVersionMismatches(const ModuleVersions& collection, const ModuleVersions& laptop);

} // namespace alignkiosk::collection
