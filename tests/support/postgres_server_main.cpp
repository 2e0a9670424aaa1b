// The ctest fixture's PostgreSQL server (tests/CMakeLists.txt): `start STATE` starts one and writes its directory and
// URI to STATE, which the store tests read (ALIGNKIOSK_TEST_POSTGRES); `stop STATE` stops it and removes both.
#include "support/postgres_server.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

using alignkiosk::test_support::PostgresServer;

int main(int argc, char** argv) {
    if (argc != 3 || (std::string(argv[1]) != "start" && std::string(argv[1]) != "stop")) {
        std::cerr << "usage: alignkiosk_test_postgres start|stop STATE_FILE\n";
        return 2;
    }
    const std::filesystem::path state = argv[2];
    try {
        // A server a run that was killed left behind is stopped first, in either case.
        std::ifstream in(state);
        std::string directory;
        if (std::getline(in, directory) && !directory.empty() && std::filesystem::exists(directory)) {
            PostgresServer old;
            old.directory = directory;
            old.stop();
        }
        in.close();
        std::filesystem::remove(state);
        if (std::string(argv[1]) == "stop") return 0;
        const PostgresServer server = PostgresServer::start();
        std::ofstream(state) << server.directory.string() << '\n' << server.uri << '\n';
        std::cout << "PostgreSQL for the tests: " << server.uri << " in " << server.directory << '\n';
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "alignkiosk_test_postgres: " << error.what() << '\n';
        return 1;
    }
}
