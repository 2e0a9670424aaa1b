// Where alignkiosk keeps its data on this machine (XDG Base Directory specification).
#pragma once

#include <filesystem>

namespace alignkiosk::core {

// $XDG_DATA_HOME/alignkiosk, else $HOME/.local/share/alignkiosk. XDG_DATA_HOME is ignored when empty or relative, as
// the specification says; without HOME the home directory comes from the password database. Throws
// std::runtime_error when no home directory can be found. Does not create anything.
std::filesystem::path dataDirectory();

// dataDirectory() / "responses.sqlite3". ResponseStore::open creates the missing directories.
std::filesystem::path defaultDatabasePath();

} // namespace alignkiosk::core
