// What can be known about a store's path before SQLite opens it. SQLite itself writes as soon as it opens some files
// (it rolls back a hot journal, creates -shm beside a WAL file, creates missing files), so everything that would make
// us refuse a path is checked here first, with plain system calls that change nothing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace alignkiosk::core {

// The fields of an SQLite file's 100-byte header that tell whose file it is (https://sqlite.org/fileformat.html).
struct SqliteHeader {
    uint32_t schemaCookie = 0;  // 0 until the first CREATE: a database nobody has used yet
    uint32_t userVersion = 0;   // our schema version
    uint32_t applicationId = 0; // ours is "AlKs"
};

enum class StorePathState {
    Missing,   // no file yet: the store will create it
    Empty,     // a zero-byte file: becomes a store
    Sqlite,    // an SQLite file; see the header
};

struct StorePathCheck {
    StorePathState state = StorePathState::Missing;
    SqliteHeader header;
};

// Checks path for a store that will be written to. Returns the reason to refuse (a sentence without the path, e.g.
// "is a folder, not a database file", "the folder '/x' does not exist", "read-only file") or nothing, and fills
// `check`. `createParents`: a missing parent folder is acceptable (the caller creates it); otherwise it is refused.
// `applicationId`: ours; a foreign SQLite database is refused here, before SQLite could roll back its journal, as
// "not <kind>".
std::optional<std::string> checkStorePath(const std::filesystem::path& path, bool createParents,
                                          uint32_t applicationId, StorePathCheck& check,
                                          std::string_view kind = "an alignkiosk response store");

// A refusal for too little free space on the device holding `folder`, or nothing. Checked at open so a kiosk does
// not find out at the first Finish.
std::optional<std::string> checkFreeSpace(const std::filesystem::path& folder, uint64_t neededBytes);

} // namespace alignkiosk::core
