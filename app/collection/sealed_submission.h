// The wire format of one participant's submission, version 1 (docs/collection-protocol.md, byte by byte).
//
// A laptop seals each finished survey to the collection's public key (libsodium crypto_box_seal: an ephemeral key
// pair per message, so not even the laptop can open it again); only the collector can open it. Inside is one
// core::Submission and the random id the laptop gave it. Nothing in the message names the laptop, the participant or
// a time, and the plaintext is padded to whole KiB so a message's length says little about what was written.
//
//   sealed    "AKSS" | version 0x01 | collection id (8 bytes) | crypto_box_seal(plaintext)
//   plaintext version 0x01 | JSON length (4 bytes, big-endian) | JSON (UTF-8) | zero bytes to a multiple of 1024
//
// open() is the collector's parser of outside input: it refuses anything else with a reason and never throws.
#pragma once

#include "collection/collection_keys.h"
#include "collection/submission_id.h"
#include "core/submission.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace alignkiosk::collection {

inline constexpr uint8_t kSealedSubmissionVersion = 1;
// The largest sealed message a collector reads; larger ones are refused before anything is decrypted.
inline constexpr std::size_t kMaxSealedSubmissionBytes = 256 * 1024;
inline constexpr std::size_t kSealedHeaderBytes = 13;        // magic, version, collection id
inline constexpr std::size_t kPlaintextHeaderBytes = 5;      // version, JSON length
inline constexpr std::size_t kPlaintextPaddingBlock = 1024;  // plaintexts are whole multiples of this
inline constexpr std::size_t kMaxNameBytes = 256;            // survey, team, step and module ids, module versions
inline constexpr std::size_t kMaxResponses = 256;

// A submission the laptop cannot seal (it would be refused by every collector): the message says which field.
class SealError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Why a message was refused. The collector counts refusals by reason; the message says the details.
enum class RefusalReason : uint8_t {
    TooLarge,          // more than kMaxSealedSubmissionBytes
    NotASubmission,    // too short for the header, or not "AKSS"
    UnknownVersion,    // a version byte (outside or inside the seal) this program does not read
    OtherCollection,   // sealed for another collection (the collection id outside or inside the seal)
    CannotOpen,        // the seal does not open with this collection's key: another key, or altered on the way
    Malformed,         // the plaintext's frame or padding, or its JSON, is broken (or not UTF-8)
    MissingField,      // a required field is absent
    WrongType,         // a field has the wrong JSON type
    UnknownField,      // a field version 1 does not have, or one given twice
    NulCharacter,      // a text holds a NUL character
    BadId,             // the submission id is not 32 lowercase hex digits (or is all zeros)
    BadValue,          // an empty or overlong text, survey version 0, no responses, a step twice, a payload that is
                       // not a JSON object
};

// A short stable name for counting and logs: "too_large", "cannot_open", ...
const char* refusalName(RefusalReason reason);

struct Refusal {
    RefusalReason reason = RefusalReason::Malformed;
    std::string message; // a sentence for a person; never quotes a payload
};

struct OpenedSubmission {
    SubmissionId id;
    core::Submission submission;
};

struct OpenResult {
    std::optional<OpenedSubmission> opened;
    Refusal refusal; // meaningful only when !ok()
    bool ok() const { return opened.has_value(); }
};

// Seals a submission to a collection. Throws SealError when the submission breaks a rule open() checks (so a laptop
// finds out before it keeps or sends anything), std::runtime_error when libsodium fails.
std::vector<unsigned char> seal(const core::Submission& submission, const SubmissionId& id,
                                const CollectionPublicKey& collection);

// Opens a sealed message with the collection's keys. Never throws (but std::bad_alloc).
OpenResult open(const unsigned char* sealed, std::size_t size, const CollectionKeys& keys);
inline OpenResult open(const std::vector<unsigned char>& sealed, const CollectionKeys& keys) {
    return open(sealed.data(), sealed.size(), keys);
}

// The plaintext's two halves, exposed for tests and the fuzz target: encodePlaintext() frames and pads the JSON
// document; decodePlaintext() checks a plaintext as open() does once the seal is off. `collection` is the id the
// document must name.
std::vector<unsigned char> encodePlaintext(const core::Submission& submission, const SubmissionId& id,
                                           const CollectionId& collection);
OpenResult decodePlaintext(std::string_view plaintext, const CollectionId& collection);

} // namespace alignkiosk::collection
