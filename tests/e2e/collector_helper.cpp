// A facilitator's collector for the end-to-end tests, without the `collect` command: serves one survey file on
// 127.0.0.1 and stores what laptops deliver, until SIGTERM or SIGINT.
//
//   alignkiosk_test_collector SURVEY_FILE SURVEY_ID SURVEY_VERSION STORE [PORT] [CODE]
//
// Prints "PORT CODE" on one line once it serves, so a script can build the laptop's --join line.
#include "collection/collection_keys.h"
#include "collection/collector.h"
#include "collection/join_code.h"
#include "core/response_store.h"

#include <csignal>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

using namespace alignkiosk;

int main(int argc, char** argv) {
    if (argc < 5) {
        std::cerr << "usage: alignkiosk_test_collector SURVEY_FILE SURVEY_ID SURVEY_VERSION STORE [PORT] [CODE]\n";
        return 2;
    }
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr); // before the collector's threads start

    std::ifstream file(argv[1], std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    if (!file) {
        std::cerr << "cannot read " << argv[1] << '\n';
        return 2;
    }
    const std::filesystem::path storePath = argv[4];
    core::ResponseStore store = core::ResponseStore::open(storePath);
    // The keys beside the store (a test's private folder), so a restarted collector opens what laptops sealed for
    // the one before.
    const std::filesystem::path keyPath = storePath.string() + ".key";
    std::ifstream keyFile(keyPath);
    std::string keyText;
    std::getline(keyFile, keyText);
    collection::CollectionKeys keys =
        keyText.empty() ? collection::CollectionKeys::generate() : collection::CollectionKeys::fromSecretText(keyText);
    if (keyText.empty()) std::ofstream(keyPath) << keys.secretText() << '\n';
    collection::JoinCode code = collection::JoinCode::random();
    if (argc > 6) code = *collection::parseJoinCode(argv[6]).code;

    collection::CollectorOptions options;
    if (argc > 5) options.port = static_cast<uint16_t>(std::stoi(argv[5]));
    collection::Collector collector(store, keys, code,
                                    {text.str(), argv[2], static_cast<uint32_t>(std::stoul(argv[3]))}, options);
    collector.start();
    std::cout << collector.port() << ' ' << code.text() << std::endl;
    int received = 0;
    sigwait(&signals, &received);
    collector.stop();
    std::cerr << "collector: stored " << collector.counters().stored << '\n';
    return 0;
}
