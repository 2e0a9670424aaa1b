// Bundles: the files a facilitator imports from stations without a network (docs/collection-protocol.md, "Bundle").
// Each input is read twice:
//   - as a bundle file, opened with the fixed test key pair below (the header, its lengths and the seal);
//   - as the body inside the seal (decodeBundleBody), which is how the fuzzer reaches the rows' parser: it cannot
//     forge the seal, so mutating sealed seeds alone would only ever test the header checks.
// The promises: no crash, no exception, and whatever is accepted is what an importer may store: one step per
// delivery, of the header's survey and version, ids unique, each submission one that seal() takes.
//
// Seeds (corpus/bundle/) are made with the same key pair:
//   ALIGNKIOSK_BUNDLE_SEEDS=tests/fuzz/corpus/bundle build/tests/fuzz/bundle_fuzz
// writes them (valid_*: bundle files; body_*: bodies) and exits.
#include "fuzz_check.h"

#include "collection/bundle.h"
#include "collection/sealed_submission.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

namespace alignkiosk::fuzz {
namespace {

using namespace alignkiosk::collection;

// A key pair for tests only: its secret is public, in this file.
constexpr const char* kTestSecretKey =
    "collection-secret-key-1:2993b8e0cde65029c518aeb96b997c81ec8e640478e63166b9424fe9d9342060";

const CollectionKeys& testKeys() {
    static const CollectionKeys keys = CollectionKeys::fromSecretText(kTestSecretKey);
    return keys;
}

const BundleHeader& testHeader() {
    static const BundleHeader header{testKeys().id(), "team-pulse", 3};
    return header;
}

void checkAccepted(const OpenBundleResult& result) {
    if (!result.ok()) return;
    std::set<std::string> ids;
    for (const core::Delivery& delivery : result.opened->deliveries) {
        if (delivery.submission.responses.size() != 1) brokenPromise("a delivery of more or less than one step");
        if (delivery.submission.surveyId != result.opened->header.surveyId ||
            delivery.submission.surveyVersion != result.opened->header.surveyVersion)
            brokenPromise("a delivery of another survey than the header's");
        if (!ids.insert(delivery.submissionId).second) brokenPromise("an id accepted twice in one bundle");
        const std::optional<SubmissionId> id = SubmissionId::fromText(delivery.submissionId);
        if (!id) brokenPromise("an accepted id is not in its form");
        try {
            seal(delivery.submission, *id, testKeys().publicKey());
        } catch (const std::exception& error) {
            brokenPromise(std::string("a bundle row that seal() refuses: ") + error.what());
        }
    }
}

std::vector<core::StoredResponse> seedRows(int count) {
    std::vector<core::StoredResponse> rows;
    for (int i = 0; i < count; ++i) {
        core::StoredResponse row;
        row.id = std::string(30, '0') + std::to_string(10 + i);
        row.surveyId = "team-pulse";
        row.surveyVersion = 3;
        row.stepId = i % 2 ? "signs" : "focus";
        row.moduleId = i % 2 ? "diagnostic_signs" : "focus_assessment";
        row.moduleVersion = "1.2.0";
        if (i % 3) row.team = i % 3 == 1 ? "Marketing" : "Ventes \u00e9quipe";
        row.sessionDate = "2026-12-06";
        row.payload = R"({"answers":{"q1":)" + std::to_string(i) + R"(,"goal":"Grow the \"partner\" channel\n"}})";
        rows.push_back(row);
    }
    return rows;
}

void writeSeeds(const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    const auto write = [&dir](const std::string& name, const std::vector<unsigned char>& bytes) {
        std::ofstream out(dir / name, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    };
    for (int count : {0, 1, 3}) {
        write("valid_" + std::to_string(count), writeBundle(seedRows(count), "team-pulse", 3, testKeys().publicKey()));
        write("body_" + std::to_string(count), encodeBundleBody(seedRows(count), testHeader(), testKeys().publicKey()));
    }
    write("other_collection",
          writeBundle(seedRows(2), "team-pulse", 3, CollectionKeys::generate().publicKey()));
}

} // namespace
} // namespace alignkiosk::fuzz

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    if (const char* dir = std::getenv("ALIGNKIOSK_BUNDLE_SEEDS")) {
        alignkiosk::fuzz::writeSeeds(dir);
        std::printf("seeds written to %s\n", dir);
        std::exit(0);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace alignkiosk;
    try {
        fuzz::checkAccepted(collection::openBundle(data, size, fuzz::testKeys()));
        fuzz::checkAccepted(collection::decodeBundleBody(data, size, fuzz::testHeader()));
    } catch (const std::exception& error) {
        fuzz::brokenPromise(std::string("an exception escaped: ") + error.what());
    }
    return 0;
}
