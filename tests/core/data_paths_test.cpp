// defaultDatabasePath() under the environments the kiosk meets.
#include "core/data_paths.h"

#include <gtest/gtest.h>

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <optional>
#include <string>

namespace alignkiosk::core {
namespace {

// Sets or unsets one environment variable for the life of the object.
class ScopedEnv {
public:
    ScopedEnv(const char* name, std::optional<std::string> value) : m_name(name) {
        if (const char* old = std::getenv(name)) m_old = old;
        if (value)
            setenv(name, value->c_str(), 1);
        else
            unsetenv(name);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;
    ~ScopedEnv() {
        if (m_old)
            setenv(m_name, m_old->c_str(), 1);
        else
            unsetenv(m_name);
    }

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

TEST(DataPaths, UsesXdgDataHome) {
    ScopedEnv xdg("XDG_DATA_HOME", "/srv/kiosk-data");
    ScopedEnv home("HOME", "/home/facilitator");
    EXPECT_EQ(defaultDatabasePath(), std::filesystem::path("/srv/kiosk-data/alignkiosk/responses.sqlite3"));
    EXPECT_EQ(dataDirectory(), std::filesystem::path("/srv/kiosk-data/alignkiosk"));
}

TEST(DataPaths, FallsBackToHomeLocalShare) {
    ScopedEnv xdg("XDG_DATA_HOME", std::nullopt);
    ScopedEnv home("HOME", "/home/facilitator");
    EXPECT_EQ(defaultDatabasePath(),
              std::filesystem::path("/home/facilitator/.local/share/alignkiosk/responses.sqlite3"));
}

TEST(DataPaths, IgnoresEmptyOrRelativeXdgDataHome) {
    ScopedEnv home("HOME", "/home/facilitator");
    for (const char* value : {"", "relative/data", "./data"}) {
        ScopedEnv xdg("XDG_DATA_HOME", std::string(value));
        EXPECT_EQ(defaultDatabasePath(),
                  std::filesystem::path("/home/facilitator/.local/share/alignkiosk/responses.sqlite3"))
            << "XDG_DATA_HOME='" << value << "'";
    }
}

TEST(DataPaths, WithoutHomeUsesThePasswordDatabase) {
    const passwd* entry = getpwuid(getuid());
    if (!entry || !entry->pw_dir || entry->pw_dir[0] != '/') GTEST_SKIP() << "no password entry for this user";
    const std::filesystem::path expected =
        std::filesystem::path(entry->pw_dir) / ".local" / "share" / "alignkiosk" / "responses.sqlite3";
    ScopedEnv xdg("XDG_DATA_HOME", std::nullopt);
    ScopedEnv home("HOME", std::nullopt);
    EXPECT_EQ(defaultDatabasePath(), expected);
}

TEST(DataPaths, DoesNotCreateAnything) {
    const auto base = std::filesystem::temp_directory_path() /
                      ("alignkiosk-paths-test-" + std::to_string(getpid()));
    ScopedEnv xdg("XDG_DATA_HOME", base.string());
    EXPECT_EQ(defaultDatabasePath().parent_path(), base / "alignkiosk");
    EXPECT_FALSE(std::filesystem::exists(base));
}

} // namespace
} // namespace alignkiosk::core
