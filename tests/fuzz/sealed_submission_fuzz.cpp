// Sealed submissions: what a collector receives from laptops over the network (docs/collection-protocol.md), the
// first parser of outside input behind the collector's port. Each input is read twice:
//   - as a sealed message, opened with the fixed test key pair below;
//   - as the plaintext inside a seal (decodePlaintext), which is how the fuzzer reaches the JSON reader: it cannot
//     forge a seal, so mutating sealed seeds alone would only ever test the header checks.
// The promises: no crash, no exception, and whatever is accepted seals again (seal() refuses nothing open() takes)
// and opens to the same submission.
//
// Seeds (corpus/sealed_submission/) are made with the same key pair:
//   ALIGNKIOSK_SEAL_SEEDS=tests/fuzz/corpus/sealed_submission build/tests/fuzz/sealed_submission_fuzz
// writes them (valid_*: sealed messages; plaintext_*: framed plaintexts) and exits.
#include "fuzz_check.h"

#include "collection/sealed_submission.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
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

bool sameSubmission(const OpenedSubmission& a, const OpenedSubmission& b) {
    if (a.id != b.id || a.submission.surveyId != b.submission.surveyId ||
        a.submission.surveyVersion != b.submission.surveyVersion || a.submission.team != b.submission.team ||
        a.submission.responses.size() != b.submission.responses.size())
        return false;
    for (std::size_t i = 0; i < a.submission.responses.size(); ++i) {
        const core::ResponseDraft& x = a.submission.responses[i];
        const core::ResponseDraft& y = b.submission.responses[i];
        if (x.stepId != y.stepId || x.moduleId != y.moduleId || x.moduleVersion != y.moduleVersion ||
            x.payload != y.payload)
            return false;
    }
    return true;
}

void checkAccepted(const OpenResult& result) {
    if (!result.ok()) return;
    std::vector<unsigned char> again;
    try {
        again = seal(result.opened->submission, result.opened->id, testKeys().publicKey());
    } catch (const std::exception& error) {
        brokenPromise(std::string("open() accepted what seal() refuses: ") + error.what());
    }
    const OpenResult reopened = open(again, testKeys());
    if (!reopened.ok()) brokenPromise("a resealed submission does not open: " + reopened.refusal.message);
    if (!sameSubmission(*reopened.opened, *result.opened)) brokenPromise("a resealed submission opened differently");
}

core::Submission seedSubmission(int which) {
    core::Submission submission;
    submission.surveyId = "team-pulse";
    submission.surveyVersion = which + 1;
    if (which != 1) submission.team = which == 2 ? "Ventes \u00e9quipe" : "Marketing";
    submission.responses.push_back(
        {"signs", "diagnostic_signs", "1.2.0", R"({"answers":{"q1":2,"q2":["a","b"],"q3":{"x":3,"y":7}}})"});
    if (which != 1)
        submission.responses.push_back(
            {"focus", "focus_assessment", "1.0.0", R"({"answers":{"goal":"Grow the \"partner\" channel\n"}})"});
    return submission;
}

void writeSeeds(const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    const auto write = [&dir](const std::string& name, const std::vector<unsigned char>& bytes) {
        std::ofstream out(dir / name, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    };
    for (int which = 0; which < 3; ++which) {
        const core::Submission submission = seedSubmission(which);
        const SubmissionId id = SubmissionId::random();
        write("valid_" + std::to_string(which), seal(submission, id, testKeys().publicKey()));
        write("plaintext_" + std::to_string(which), encodePlaintext(submission, id, testKeys().id()));
    }
    write("other_collection", seal(seedSubmission(0), SubmissionId::random(),
                                   CollectionKeys::generate().publicKey()));
}

} // namespace
} // namespace alignkiosk::fuzz

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    if (const char* dir = std::getenv("ALIGNKIOSK_SEAL_SEEDS")) {
        alignkiosk::fuzz::writeSeeds(dir);
        std::printf("seeds written to %s\n", dir);
        std::exit(0);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace alignkiosk;
    const collection::CollectionKeys& keys = fuzz::testKeys();
    try {
        fuzz::checkAccepted(collection::open(data, size, keys));
        fuzz::checkAccepted(
            collection::decodePlaintext(std::string_view(reinterpret_cast<const char*>(data), size), keys.id()));
    } catch (const std::exception& error) {
        fuzz::brokenPromise(std::string("an exception escaped: ") + error.what());
    }
    return 0;
}
