// A real PostgreSQL 15 server for the tests (Debian's postgresql-15): initdb and postgres in a temporary directory,
// on a free loopback port, its unix socket in that directory, run as the `postgres` user when the tests run as root
// (PostgreSQL refuses root). ctest starts one for every test that needs it (the fixture in tests/CMakeLists.txt,
// through alignkiosk_test_postgres); a test binary run by hand starts its own and stops it at exit. Never skipped: a
// server that cannot start fails the test that asked for it, with the server's log.
#pragma once

#include <filesystem>
#include <string>

namespace alignkiosk::test_support {

struct PostgresServer {
    std::filesystem::path directory; // data/, the socket, server.log
    int port = 0;
    std::string uri; // postgresql://postgres@127.0.0.1:<port>/alignkiosk_test

    // Starts a server in a new temporary directory; throws std::runtime_error with the server's log on failure.
    static PostgresServer start();
    // Stops and starts it again (fast shutdown: every connection is dropped, committed data stays).
    void restart() const;
    // Stops it (immediate shutdown: nothing in it is kept) and removes the directory.
    void stop() const;
};

// The test server's URI: the ctest fixture's (its state file named by ALIGNKIOSK_TEST_POSTGRES), else one this process
// starts on first use and stops when it exits.
std::string testPostgresUri();

// A new, empty schema in the test database and the test server's URI with search_path set to it: a store of its own
// for one test, created in milliseconds.
std::string freshPostgresStore();

// Runs one statement on `uri` (no parameters); throws std::runtime_error with the server's message on failure.
// Returns the first column of the first row, or "" when there is none.
std::string postgresQuery(const std::string& uri, const std::string& sql);

} // namespace alignkiosk::test_support
