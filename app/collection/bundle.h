// A bundle: one file carrying a station's answers to a facilitator when there is no network (docs/collection-protocol.md,
// "Bundle", byte by byte). It is sealed to the collection's public key, so only the facilitator's store opens it.
//
//   "AKBN" | version 0x01 | collection id (8) | survey id length (2) | survey id | survey version (4)
//   | crypto_box_seal(content key) (80) | nonce (24) | ciphertext length (8) | XChaCha20-Poly1305(body, AD = all before)
//   body: version 0x01 | row count (4) | per row: length (4) | a sealed-submission v1 plaintext holding that one row
//
// A bundle carries rows, not participants: the station store does not know which rows one person wrote, so each row
// travels as a submission of its own, with an id derived from the row (stable: importing a bundle twice, or two
// bundles of the same station, stores each row once).
//
// openBundle() is a parser of outside input: it refuses anything else with a reason and never throws.
#pragma once

#include "collection/collection_keys.h"
#include "core/answer_store.h"
#include "core/submission.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace alignkiosk::collection {

inline constexpr uint8_t kBundleVersion = 1;
// The largest bundle read or written (about 250,000 rows); a larger file is refused before it is read.
inline constexpr std::size_t kMaxBundleBytes = 256u << 20;

// Rows that cannot be bundled (another survey than the header's, a row every store would refuse, too many rows).
class BundleError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// What a bundle says outside its seal: whom it is sealed for and which survey it holds. Nothing about participants.
struct BundleHeader {
    CollectionId collection;
    std::string surveyId;
    uint32_t surveyVersion = 0;
};

enum class BundleRefusalReason : uint8_t {
    TooLarge,           // more than kMaxBundleBytes
    NotABundle,         // does not start with "AKBN"
    UnknownVersion,     // a version byte (outside or inside the seal) this program does not read
    Truncated,          // shorter than its header or its ciphertext says
    OtherCollection,    // sealed for another collection
    OtherSurvey,        // holds another survey than the importer expects
    OtherSurveyVersion, // holds another version of the expected survey
    CannotOpen,         // the content key does not open with this collection's key
    Damaged,            // altered bytes (the MAC fails), trailing bytes, or a malformed body
};

// "too_large", "not_a_bundle", ... for counting and tests.
const char* bundleRefusalName(BundleRefusalReason reason);

struct BundleRefusal {
    BundleRefusalReason reason = BundleRefusalReason::Damaged;
    std::string message; // a sentence for a person; never quotes an answer
};

struct BundleHeaderResult {
    std::optional<BundleHeader> header;
    BundleRefusal refusal; // meaningful only when !header
};

// What the importer expects the bundle to hold (its --survey), if anything.
struct ExpectedSurvey {
    std::string surveyId;
    uint32_t surveyVersion = 0;
};

struct OpenedBundle {
    BundleHeader header;
    // One delivery per row, each with its one-step submission and its id: ready for AnswerStore::submitOnce.
    std::vector<core::Delivery> deliveries;
};

struct OpenBundleResult {
    std::optional<OpenedBundle> opened;
    BundleRefusal refusal; // meaningful only when !ok()
    bool ok() const { return opened.has_value(); }
};

// The submission id a row travels under to this collection: BLAKE2b-128 keyed with the collection's public key over
// the row's id. The same row always gets the same id for one collection; the row's own id cannot be read back.
std::string bundleSubmissionId(const std::string& rowId, const CollectionPublicKey& collection);

// Seals `rows` (all of surveyId at surveyVersion) into a bundle for `collection`, in a random order. Throws
// BundleError when a row is of another survey or version, would be refused by a store, or there are too many;
// std::runtime_error when libsodium fails.
std::vector<unsigned char> writeBundle(const std::vector<core::StoredResponse>& rows, const std::string& surveyId,
                                       uint32_t surveyVersion, const CollectionPublicKey& collection);

// Reads the outside of a bundle without any key. Never throws (but std::bad_alloc).
BundleHeaderResult readBundleHeader(const unsigned char* bytes, std::size_t size);

// Opens a bundle with the collection's keys; refuses another collection, and another survey or version when
// `expected` is given, before decrypting anything. Never throws (but std::bad_alloc).
OpenBundleResult openBundle(const unsigned char* bytes, std::size_t size, const CollectionKeys& keys,
                            const std::optional<ExpectedSurvey>& expected = std::nullopt);
inline OpenBundleResult openBundle(const std::vector<unsigned char>& bytes, const CollectionKeys& keys,
                                   const std::optional<ExpectedSurvey>& expected = std::nullopt) {
    return openBundle(bytes.data(), bytes.size(), keys, expected);
}

// The body's two halves, exposed for tests and the fuzz target (which cannot forge a seal): encodeBundleBody() frames
// the rows' plaintexts; decodeBundleBody() checks a body as openBundle() does once the seal is off.
std::vector<unsigned char> encodeBundleBody(const std::vector<core::StoredResponse>& rows, const BundleHeader& header,
                                            const CollectionPublicKey& collection);
OpenBundleResult decodeBundleBody(const unsigned char* body, std::size_t size, const BundleHeader& header);

} // namespace alignkiosk::collection
