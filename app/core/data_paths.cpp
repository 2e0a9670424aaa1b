#include "data_paths.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

namespace alignkiosk::core {

namespace {

// An environment variable holding an absolute path, or empty.
std::filesystem::path absoluteFromEnvironment(const char* name) {
    const char* value = std::getenv(name);
    if (!value || !*value) return {};
    std::filesystem::path path(value);
    return path.is_absolute() ? path : std::filesystem::path();
}

std::filesystem::path homeDirectory() {
    if (auto home = absoluteFromEnvironment("HOME"); !home.empty()) return home;
    // No HOME (e.g. started from a bare service manager): ask the password database.
    long size = sysconf(_SC_GETPW_R_SIZE_MAX);
    std::vector<char> buffer(size > 0 ? static_cast<std::size_t>(size) : 16384);
    passwd entry{};
    passwd* result = nullptr;
    if (getpwuid_r(getuid(), &entry, buffer.data(), buffer.size(), &result) == 0 && result && result->pw_dir &&
        result->pw_dir[0] == '/')
        return result->pw_dir;
    throw std::runtime_error("cannot find a home directory for alignkiosk's data: set XDG_DATA_HOME or HOME");
}

} // namespace

std::filesystem::path dataDirectory() {
    if (auto dataHome = absoluteFromEnvironment("XDG_DATA_HOME"); !dataHome.empty()) return dataHome / "alignkiosk";
    return homeDirectory() / ".local" / "share" / "alignkiosk";
}

std::filesystem::path defaultDatabasePath() { return dataDirectory() / "responses.sqlite3"; }

} // namespace alignkiosk::core
