// The SQLite VFS the response store opens its files with: the system's "unix" VFS, except that a rollback journal
// that already exists is opened without O_CREAT.
//
// Why: in TRUNCATE mode the journal file stays (empty) between transactions, but SQLite closes it after each one and
// reopens it with O_CREAT, and on Unix a journal opened with O_CREAT gets its folder fsync'ed at the next sync: one
// extra fsync per participant, for a directory entry that was made durable when the journal was first created. No
// SQLite setting turns that off, so this one-function shim does (written by hand: nothing packaged does it).
#pragma once

namespace alignkiosk::core {

// The VFS's name for sqlite3_open_v2; registered on first use. Thread-safe.
const char* storeVfsName();

} // namespace alignkiosk::core
