// `alignkiosk bundle`: a station's answers in one file, sealed to a collection, for a room without a network. The
// file holds the rows of one survey version (a bundle carries rows, not participants: see "Bundle" in
// docs/collection-protocol.md). It is created readable by its owner alone and never overwrites a file.
#include "commands.h"

#include "command_support.h"

#include "collection/bundle.h"
#include "collection/store_keys.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <utility>

namespace alignkiosk::platform {

namespace {

// --collection-key FILE, else the key the station keeps in its settings; prints why when there is none.
std::optional<collection::CollectionPublicKey> collectionKeyFor(const CommandLine& commandLine,
                                                                const core::AnswerStore& store) {
    try {
        if (commandLine.collectionKey) {
            std::ifstream in(*commandLine.collectionKey);
            const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            if (!in && !in.eof()) throw collection::KeyError("cannot read the file");
            return collection::CollectionPublicKey::fromText(text);
        }
        if (const std::optional<std::string> kept = store.setting(collection::kCollectionPublicKeySetting))
            return collection::CollectionPublicKey::fromText(*kept);
    } catch (const collection::KeyError& error) {
        std::cerr << "alignkiosk: --collection-key "
                  << (commandLine.collectionKey ? commandLine.collectionKey->string() : "(kept in the store)") << ": "
                  << error.what() << '\n';
        return std::nullopt;
    }
    std::cerr << "alignkiosk: bundle needs --collection-key FILE: the public key of the collection to seal for "
                 "(the facilitator makes it with alignkiosk collection-key --db THEIR_STORE --out FILE)\n";
    return std::nullopt;
}

// Writes bytes to `path` as a new file, mode 0600, durably; refuses to replace anything there.
bool writeNewPrivateFile(const std::filesystem::path& path, const std::vector<unsigned char>& bytes) {
    const std::string partial = path.string() + ".partial";
    const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        std::cerr << "alignkiosk: cannot create " << partial << ": " << std::strerror(errno) << '\n';
        return false;
    }
    std::size_t written = 0;
    bool ok = true;
    while (ok && written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) continue;
        ok = n > 0;
        if (ok) written += static_cast<std::size_t>(n);
    }
    ok = ok && ::fsync(fd) == 0;
    const int writeErrno = errno;
    ::close(fd);
    // link() never replaces: a bundle written before under that name stays as it was.
    if (ok && ::link(partial.c_str(), path.c_str()) == 0) {
        ::unlink(partial.c_str());
        return true;
    }
    const int linkErrno = ok ? errno : writeErrno;
    ::unlink(partial.c_str());
    std::cerr << "alignkiosk: cannot write --out " << path.string() << ": "
              << (linkErrno == EEXIST ? "a file of that name exists (bundles are never overwritten)"
                                      : std::strerror(linkErrno))
              << '\n';
    return false;
}

} // namespace

int writeStationBundle(const CommandLine& commandLine) {
    std::unique_ptr<core::AnswerStore> store = openStoreFor(commandLine);
    if (!store) return kStoreRefused;
    const std::optional<collection::CollectionPublicKey> key = collectionKeyFor(commandLine, *store);
    if (!key) return 1;
    try {
        // Which survey versions the store holds, with their rows.
        std::map<std::pair<std::string, uint32_t>, std::vector<core::StoredResponse>> bySurvey;
        for (core::StoredResponse& row : store->responses()) {
            if (commandLine.surveyId && row.surveyId != *commandLine.surveyId) continue;
            if (commandLine.surveyVersion && row.surveyVersion != *commandLine.surveyVersion) continue;
            bySurvey[{row.surveyId, row.surveyVersion}].push_back(std::move(row));
        }
        if (bySurvey.empty()) {
            std::cerr << "alignkiosk: nothing to bundle: " << store->path().string() << " holds no answers"
                      << (commandLine.surveyId || commandLine.surveyVersion ? " of that survey" : "") << '\n';
            return 1;
        }
        if (bySurvey.size() > 1) {
            std::cerr << "alignkiosk: " << store->path().string() << " holds answers of several surveys:";
            for (const auto& [survey, rows] : bySurvey)
                std::cerr << " '" << survey.first << "' version " << survey.second << " (" << rows.size()
                          << " answers);";
            std::cerr << " choose one with --survey-id ID --survey-version N\n";
            return 1;
        }
        const auto& [survey, rows] = *bySurvey.begin();
        const std::vector<unsigned char> bundle = collection::writeBundle(rows, survey.first, survey.second, *key);
        if (!writeNewPrivateFile(*commandLine.outFile, bundle)) return 1;
        std::cout << "wrote " << rows.size() << " answers of survey '" << survey.first << "' version "
                  << survey.second << " to " << commandLine.outFile->string() << ", sealed for collection "
                  << key->id().text() << ".\nThe file contains sealed answers: only the facilitator's store opens "
                  << "it (alignkiosk import); it is readable by you alone. Delete it once it has been imported.\n";
    } catch (const std::exception& error) {
        std::cerr << "alignkiosk: " << error.what() << '\n';
        return 1;
    }
    return 0;
}

} // namespace alignkiosk::platform
