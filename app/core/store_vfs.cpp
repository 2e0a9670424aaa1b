#include "store_vfs.h"

#include <sqlite3.h>

#include <unistd.h>

#include <mutex>
#include <stdexcept>

namespace alignkiosk::core {

namespace {

constexpr const char* kName = "alignkiosk-unix";

int openWithoutRecreatingJournals(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* file, int flags,
                                  int* outFlags) {
    auto* system = static_cast<sqlite3_vfs*>(vfs->pAppData);
    // Only an existing main journal: the database itself, a new journal and every other file open as SQLite asks.
    if ((flags & SQLITE_OPEN_MAIN_JOURNAL) && name && ::access(name, F_OK) == 0) flags &= ~SQLITE_OPEN_CREATE;
    return system->xOpen(system, name, file, flags, outFlags);
}

} // namespace

const char* storeVfsName() {
    static std::once_flag registered;
    static sqlite3_vfs vfs;
    std::call_once(registered, [] {
        sqlite3_vfs* system = sqlite3_vfs_find("unix");
        if (!system) throw std::runtime_error("SQLite has no unix VFS");
        vfs = *system;
        vfs.zName = kName;
        vfs.pAppData = system;
        vfs.pNext = nullptr;
        vfs.xOpen = openWithoutRecreatingJournals;
        if (sqlite3_vfs_register(&vfs, 0) != SQLITE_OK) throw std::runtime_error("cannot register the store's VFS");
    });
    return kName;
}

} // namespace alignkiosk::core
