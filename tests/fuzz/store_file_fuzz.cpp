// Store files: whatever file `--db` names is outside input (a copy from another machine, a damaged disk, somebody
// else's database). The bytes are written to a file and opened as a response store, then read as the dashboard reads
// it, and given a collector's delivery twice. The promises: no crash, no error other than StoreError, and a file the
// store refuses is left byte for byte as it was.
#include "fuzz_check.h"

#include "core/response_store.h"

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <system_error>

namespace alignkiosk::fuzz {
namespace {

namespace fs = std::filesystem;

const fs::path& workDir() {
    static const fs::path dir = [] {
        fs::path path = fs::temp_directory_path() / ("alignkiosk-store-fuzz-" + std::to_string(::getpid()));
        fs::create_directories(path);
        return path;
    }();
    return dir;
}

std::string readAll(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace
} // namespace alignkiosk::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    using namespace alignkiosk;
    namespace fs = std::filesystem;
    const fs::path file = fuzz::workDir() / "store.sqlite3";
    std::error_code ignored;
    fs::remove(file.string() + "-journal", ignored);
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    const std::string before(reinterpret_cast<const char*>(data), size);
    std::optional<core::ResponseStore> store;
    try {
        core::ResponseStoreOptions options;
        options.dateProvider = [] { return std::string("2026-11-22"); };
        store.emplace(core::ResponseStore::open(file, options));
    } catch (const core::StoreError&) {
        if (fuzz::readAll(file) != before) fuzz::brokenPromise("a refused store file was changed");
        return 0;
    } catch (const std::exception& error) {
        fuzz::brokenPromise(std::string("an error that is not a StoreError: ") + error.what());
    }
    try {
        for (const core::StoredResponse& row : store->responses()) (void)row;
        store->count();
        for (const core::SurveyParticipants& survey : store->surveys()) store->participants(survey.surveyId);
        // A collector's delivery, and its repeat, over whatever set of delivered ids the file holds.
        core::Submission submission;
        submission.surveyId = "fuzz";
        submission.responses = {{"step", "module", "1.0.0", "{}"}};
        const std::string id = "0123456789abcdef0123456789abcdef";
        for (const core::DeliveryResult& result : store->submitOnce({{id, submission}, {id, submission}}))
            (void)result;
        store->deliveredCount();
    } catch (const core::StoreError&) {
        // An opened store whose rows cannot be read (a slot damaged after its checks) says so: that is a reason.
    } catch (const std::exception& error) {
        fuzz::brokenPromise(std::string("an error that is not a StoreError: ") + error.what());
    }
    return 0;
}
