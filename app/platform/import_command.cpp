// `alignkiosk import`: the answers of bundles from stations without a network, into the facilitator's store, each
// exactly once (a bundle's rows carry stable ids: importing it again, or a later bundle of the same station, adds
// only what is new). Each bundle is all or nothing; one that is refused leaves the store as it was, and says why.
#include "commands.h"

#include "command_support.h"

#include "collection/bundle.h"
#include "collection/store_keys.h"

#include <sodium.h>

#include <fstream>
#include <iostream>
#include <iterator>

namespace alignkiosk::platform {

namespace {

std::optional<std::vector<unsigned char>> readBundleFile(const std::filesystem::path& path, std::string& why) {
    std::error_code error;
    const uintmax_t size = std::filesystem::file_size(path, error);
    if (error) {
        why = error.message();
        return std::nullopt;
    }
    if (size > collection::kMaxBundleBytes) {
        why = "the file is " + std::to_string(size) + " bytes; a bundle is at most " +
              std::to_string(collection::kMaxBundleBytes);
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) {
        why = "cannot read the file";
        return std::nullopt;
    }
    return bytes;
}

// Stores one opened bundle; false (having said why) when any of it could not be stored.
bool store(core::AnswerStore& store, const std::filesystem::path& file, collection::OpenedBundle& bundle) {
    const std::vector<core::DeliveryResult> results = store.submitOnce(bundle.deliveries);
    std::size_t added = 0, there = 0;
    for (const core::DeliveryResult& result : results) {
        if (result.outcome == core::DeliveryOutcome::Stored) ++added;
        else if (result.outcome == core::DeliveryOutcome::AlreadyDelivered) ++there;
        else {
            std::cerr << "alignkiosk: " << file.string() << ": not imported: " << result.reason << '\n';
            return false;
        }
    }
    std::cout << file.string() << ": imported " << added << " new answers, " << there << " already there\n";
    return true;
}

} // namespace

int importBundles(const CommandLine& commandLine, const core::InstallLayout& layout) {
    std::optional<collection::ExpectedSurvey> expected;
    std::optional<core::Survey> survey;
    if (commandLine.survey) {
        plugin_host::PluginHost host;
        loadPluginsReportingRefusals(host, layout, commandLine);
        survey = loadSurveyFor(commandLine, layout, host);
        if (!survey) return 1;
        expected = collection::ExpectedSurvey{survey->id, survey->version};
    }
    // With --survey a PostgreSQL store batches the answers by its k; without, by the store's default.
    std::unique_ptr<core::AnswerStore> opened = survey ? openStoreFor(commandLine, *survey) : openStoreFor(commandLine);
    if (!opened) return kStoreRefused;
    std::optional<collection::CollectionKeys> keys;
    try {
        keys = collection::storedCollectionKeys(*opened);
    } catch (const std::exception& error) {
        std::cerr << "alignkiosk: " << error.what() << '\n';
        return kStoreRefused;
    }
    if (!keys) {
        std::cerr << "alignkiosk: " << opened->path().string() << " has no collection key, so no bundle is sealed to "
                  << "it: make one with alignkiosk collection-key --db " << opened->path().string()
                  << " and give it to the stations\n";
        return kStoreRefused;
    }

    bool allImported = true;
    for (const std::filesystem::path& file : commandLine.files) {
        std::string why;
        std::optional<std::vector<unsigned char>> bytes = readBundleFile(file, why);
        if (!bytes) {
            std::cerr << "alignkiosk: " << file.string() << ": refused: " << why << '\n';
            allImported = false;
            continue;
        }
        collection::OpenBundleResult result = collection::openBundle(*bytes, *keys, expected);
        if (!result.ok()) {
            std::cerr << "alignkiosk: " << file.string() << ": refused: " << result.refusal.message << '\n';
            allImported = false;
            continue;
        }
        allImported = store(*opened, file, *result.opened) && allImported;
        for (core::Delivery& delivery : result.opened->deliveries)
            for (core::ResponseDraft& response : delivery.submission.responses)
                sodium_memzero(response.payload.data(), response.payload.size());
    }
    return allImported ? 0 : 1;
}

} // namespace alignkiosk::platform
