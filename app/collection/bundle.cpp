#include "collection/bundle.h"

#include "collection/sealed_submission.h"
#include "collection/sodium_ready.h"
#include "collection/submission_id.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <set>
#include <string_view>
#include <utility>

namespace alignkiosk::collection {

namespace {

constexpr std::array<unsigned char, 4> kMagic{'A', 'K', 'B', 'N'};
constexpr std::size_t kFixedHeadBytes = 15; // magic, version, collection id, survey id length
constexpr std::size_t kContentKeyBytes = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;
constexpr std::size_t kSealedKeyBytes = crypto_box_SEALBYTES + kContentKeyBytes;
constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kMacBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::size_t kBodyHeadBytes = 5;  // version, row count
constexpr std::size_t kEntryHeadBytes = 4; // a row's plaintext length

static_assert(kSealedKeyBytes == 80 && kNonceBytes == 24 && kMacBytes == 16, "the format's sizes (docs)");

uint32_t bigEndian32(const unsigned char* bytes) {
    return (uint32_t{bytes[0]} << 24) | (uint32_t{bytes[1]} << 16) | (uint32_t{bytes[2]} << 8) | uint32_t{bytes[3]};
}

void putBigEndian(std::vector<unsigned char>& out, uint64_t value, int bytes) {
    for (int i = bytes - 1; i >= 0; --i) out.push_back(static_cast<unsigned char>(value >> (8 * i)));
}

// An unauthenticated name goes into a refusal message: control bytes would reach a terminal.
std::string printable(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
    return out;
}

BundleRefusal refusal(BundleRefusalReason reason, std::string message) { return {reason, std::move(message)}; }

// Where the parts of a bundle lie, once its outside has been checked.
struct Layout {
    BundleHeader header;
    const unsigned char* sealedKey = nullptr;
    const unsigned char* nonce = nullptr;
    std::size_t headerBytes = 0; // everything before the ciphertext: the AEAD's additional data
    const unsigned char* ciphertext = nullptr;
    std::size_t ciphertextBytes = 0;
};

struct LayoutResult {
    std::optional<Layout> layout;
    BundleRefusal refusal;
};

LayoutResult readLayout(const unsigned char* bytes, std::size_t size) {
    const auto refuse = [](BundleRefusalReason reason, std::string message) {
        return LayoutResult{std::nullopt, refusal(reason, std::move(message))};
    };
    if (size > kMaxBundleBytes)
        return refuse(BundleRefusalReason::TooLarge, "the file is " + std::to_string(size) + " bytes; a bundle is at most " +
                                                         std::to_string(kMaxBundleBytes));
    const std::size_t magicSeen = std::min(size, kMagic.size());
    if (!std::equal(kMagic.begin(), kMagic.begin() + static_cast<std::ptrdiff_t>(magicSeen), bytes) || size == 0)
        return refuse(BundleRefusalReason::NotABundle, "the file is not a bundle (it does not start with \"AKBN\")");
    if (size <= kMagic.size())
        return refuse(BundleRefusalReason::Truncated, "the bundle is truncated: it ends inside its header");
    if (bytes[4] != kBundleVersion)
        return refuse(BundleRefusalReason::UnknownVersion, "the bundle has version " + std::to_string(bytes[4]) +
                                                               "; this program reads version 1");
    if (size < kFixedHeadBytes)
        return refuse(BundleRefusalReason::Truncated, "the bundle is truncated: it ends inside its header");
    Layout layout;
    std::copy_n(bytes + 5, kCollectionIdBytes, layout.header.collection.bytes.begin());
    const std::size_t surveyBytes = (std::size_t{bytes[13]} << 8) | bytes[14];
    if (surveyBytes == 0 || surveyBytes > kMaxNameBytes)
        return refuse(BundleRefusalReason::Damaged, "the bundle is damaged: its survey id is " +
                                                        std::to_string(surveyBytes) + " bytes long (1 to 256)");
    const std::size_t headerBytes = kFixedHeadBytes + surveyBytes + 4 + kSealedKeyBytes + kNonceBytes + 8;
    if (size < headerBytes)
        return refuse(BundleRefusalReason::Truncated, "the bundle is truncated: it ends inside its header");
    layout.header.surveyId.assign(reinterpret_cast<const char*>(bytes + kFixedHeadBytes), surveyBytes);
    if (layout.header.surveyId.find('\0') != std::string::npos)
        return refuse(BundleRefusalReason::Damaged, "the bundle is damaged: its survey id holds a NUL character");
    const unsigned char* at = bytes + kFixedHeadBytes + surveyBytes;
    layout.header.surveyVersion = bigEndian32(at);
    if (layout.header.surveyVersion == 0)
        return refuse(BundleRefusalReason::Damaged, "the bundle is damaged: its survey version is 0");
    at += 4;
    layout.sealedKey = at;
    at += kSealedKeyBytes;
    layout.nonce = at;
    at += kNonceBytes;
    uint64_t ciphertextBytes = 0;
    for (int i = 0; i < 8; ++i) ciphertextBytes = (ciphertextBytes << 8) | at[i];
    layout.headerBytes = headerBytes;
    const std::size_t rest = size - headerBytes;
    if (ciphertextBytes < kMacBytes + kBodyHeadBytes)
        return refuse(BundleRefusalReason::Damaged, "the bundle is damaged: its content is " +
                                                        std::to_string(ciphertextBytes) + " bytes, too short");
    if (ciphertextBytes > rest)
        return refuse(BundleRefusalReason::Truncated,
                      "the bundle is truncated: " + std::to_string(rest) + " bytes of sealed content where its header says " +
                          std::to_string(ciphertextBytes) + " (copy the file again)");
    if (ciphertextBytes < rest)
        return refuse(BundleRefusalReason::Damaged, "the bundle is damaged: " + std::to_string(rest - ciphertextBytes) +
                                                        " bytes follow its sealed content");
    layout.ciphertext = bytes + headerBytes;
    layout.ciphertextBytes = static_cast<std::size_t>(ciphertextBytes);
    return {layout, {}};
}

OpenBundleResult refused(BundleRefusalReason reason, std::string message) {
    return {std::nullopt, refusal(reason, std::move(message))};
}

core::Submission submissionOf(const core::StoredResponse& row) {
    core::Submission submission;
    submission.surveyId = row.surveyId;
    submission.surveyVersion = row.surveyVersion;
    submission.team = row.team;
    submission.responses.push_back({row.stepId, row.moduleId, row.moduleVersion, row.payload});
    return submission;
}

} // namespace

const char* bundleRefusalName(BundleRefusalReason reason) {
    switch (reason) {
    case BundleRefusalReason::TooLarge: return "too_large";
    case BundleRefusalReason::NotABundle: return "not_a_bundle";
    case BundleRefusalReason::UnknownVersion: return "unknown_version";
    case BundleRefusalReason::Truncated: return "truncated";
    case BundleRefusalReason::OtherCollection: return "other_collection";
    case BundleRefusalReason::OtherSurvey: return "other_survey";
    case BundleRefusalReason::OtherSurveyVersion: return "other_survey_version";
    case BundleRefusalReason::CannotOpen: return "cannot_open";
    case BundleRefusalReason::Damaged: return "damaged";
    }
    return "unknown";
}

std::string bundleSubmissionId(const std::string& rowId, const CollectionPublicKey& collection) {
    requireSodium();
    static constexpr std::string_view kContext = "alignkiosk bundle row v1";
    std::string message(kContext);
    message += rowId;
    SubmissionId id;
    crypto_generichash(id.bytes.data(), id.bytes.size(), reinterpret_cast<const unsigned char*>(message.data()),
                       message.size(), collection.bytes().data(), collection.bytes().size());
    if (sodium_is_zero(id.bytes.data(), id.bytes.size())) id.bytes.back() = 1; // a zero id means "unset"
    return id.text();
}

std::vector<unsigned char> encodeBundleBody(const std::vector<core::StoredResponse>& rows, const BundleHeader& header,
                                            const CollectionPublicKey& collection) {
    requireSodium();
    // A random order: the bundle says nothing about the order rows were stored or read in.
    std::vector<std::size_t> order(rows.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    for (std::size_t i = order.size(); i > 1; --i)
        std::swap(order[i - 1], order[randombytes_uniform(static_cast<uint32_t>(i))]);

    std::vector<unsigned char> body;
    body.push_back(kBundleVersion);
    putBigEndian(body, rows.size(), 4);
    for (const std::size_t index : order) {
        const core::StoredResponse& row = rows[index];
        if (row.surveyId != header.surveyId || row.surveyVersion != header.surveyVersion)
            throw BundleError("a row of survey '" + row.surveyId + "' version " + std::to_string(row.surveyVersion) +
                              " cannot go into a bundle of '" + header.surveyId + "' version " +
                              std::to_string(header.surveyVersion));
        const std::optional<SubmissionId> id = SubmissionId::fromText(bundleSubmissionId(row.id, collection));
        std::vector<unsigned char> plaintext;
        try {
            plaintext = encodePlaintext(submissionOf(row), *id, header.collection);
        } catch (const SealError& error) {
            throw BundleError(std::string("a row cannot be bundled: ") + error.what());
        }
        // Checked by the importer's own rules, so a bundle never holds a row every store would refuse.
        const OpenResult check = decodePlaintext(
            std::string_view(reinterpret_cast<const char*>(plaintext.data()), plaintext.size()), header.collection);
        if (!check.ok()) {
            sodium_memzero(plaintext.data(), plaintext.size());
            throw BundleError("a row of step '" + row.stepId + "' cannot be bundled: " + check.refusal.message);
        }
        putBigEndian(body, plaintext.size(), 4);
        body.insert(body.end(), plaintext.begin(), plaintext.end());
        sodium_memzero(plaintext.data(), plaintext.size());
        if (body.size() > kMaxBundleBytes)
            throw BundleError("too many answers for one bundle (at most " + std::to_string(kMaxBundleBytes) +
                              " bytes); bundle fewer");
    }
    return body;
}

OpenBundleResult decodeBundleBody(const unsigned char* body, std::size_t size, const BundleHeader& header) {
    if (size < kBodyHeadBytes) return refused(BundleRefusalReason::Damaged, "the bundle's content is too short");
    if (body[0] != kBundleVersion)
        return refused(BundleRefusalReason::UnknownVersion, "the bundle's content has version " +
                                                                std::to_string(body[0]) + "; this program reads version 1");
    const uint32_t count = bigEndian32(body + 1);
    if (count > (size - kBodyHeadBytes) / (kEntryHeadBytes + kPlaintextPaddingBlock))
        return refused(BundleRefusalReason::Damaged, "the bundle's content says it holds " + std::to_string(count) +
                                                         " answers, more than its size allows");
    OpenedBundle opened;
    opened.header = header;
    opened.deliveries.reserve(count);
    std::set<std::string> ids;
    std::size_t at = kBodyHeadBytes;
    for (uint32_t row = 0; row < count; ++row) {
        const std::string where = "the bundle is damaged: answer " + std::to_string(row + 1) + " of " +
                                  std::to_string(count);
        if (size - at < kEntryHeadBytes) return refused(BundleRefusalReason::Damaged, where + " is missing");
        const uint32_t length = bigEndian32(body + at);
        at += kEntryHeadBytes;
        if (length > size - at) return refused(BundleRefusalReason::Damaged, where + " is cut short");
        OpenResult decoded =
            decodePlaintext(std::string_view(reinterpret_cast<const char*>(body + at), length), header.collection);
        at += length;
        if (!decoded.ok()) return refused(BundleRefusalReason::Damaged, where + ": " + decoded.refusal.message);
        core::Submission& submission = decoded.opened->submission;
        if (submission.surveyId != header.surveyId || submission.surveyVersion != header.surveyVersion)
            return refused(BundleRefusalReason::Damaged, where + " is of another survey than the bundle says");
        if (submission.responses.size() != 1)
            return refused(BundleRefusalReason::Damaged, where + " holds " +
                                                             std::to_string(submission.responses.size()) +
                                                             " steps; a bundle carries one step per answer");
        std::string id = decoded.opened->id.text();
        if (!ids.insert(id).second) return refused(BundleRefusalReason::Damaged, where + " repeats an id");
        opened.deliveries.push_back({std::move(id), std::move(submission)});
    }
    if (at != size)
        return refused(BundleRefusalReason::Damaged,
                       "the bundle is damaged: " + std::to_string(size - at) + " bytes follow its last answer");
    return {std::move(opened), {}};
}

std::vector<unsigned char> writeBundle(const std::vector<core::StoredResponse>& rows, const std::string& surveyId,
                                       uint32_t surveyVersion, const CollectionPublicKey& collection) {
    requireSodium();
    if (surveyId.empty() || surveyId.size() > kMaxNameBytes || surveyId.find('\0') != std::string::npos)
        throw BundleError("a bundle's survey id must be 1 to 256 bytes without NUL characters");
    if (surveyVersion == 0) throw BundleError("a bundle's survey version must be 1 or more");
    const BundleHeader header{collection.id(), surveyId, surveyVersion};
    std::vector<unsigned char> body = encodeBundleBody(rows, header, collection);

    std::vector<unsigned char> out(kMagic.begin(), kMagic.end());
    out.push_back(kBundleVersion);
    out.insert(out.end(), header.collection.bytes.begin(), header.collection.bytes.end());
    putBigEndian(out, surveyId.size(), 2);
    out.insert(out.end(), surveyId.begin(), surveyId.end());
    putBigEndian(out, surveyVersion, 4);

    // A fresh content key per bundle, sealed to the collection; the body is encrypted with it in one pass.
    std::array<unsigned char, kContentKeyBytes> key{};
    crypto_aead_xchacha20poly1305_ietf_keygen(key.data());
    std::array<unsigned char, kSealedKeyBytes> sealedKey{};
    if (crypto_box_seal(sealedKey.data(), key.data(), key.size(), collection.bytes().data()) != 0) {
        sodium_memzero(key.data(), key.size());
        sodium_memzero(body.data(), body.size());
        throw std::runtime_error("libsodium could not seal the bundle's key");
    }
    out.insert(out.end(), sealedKey.begin(), sealedKey.end());
    std::array<unsigned char, kNonceBytes> nonce{};
    randombytes_buf(nonce.data(), nonce.size());
    out.insert(out.end(), nonce.begin(), nonce.end());
    putBigEndian(out, body.size() + kMacBytes, 8);
    if (out.size() + body.size() + kMacBytes > kMaxBundleBytes) {
        sodium_memzero(key.data(), key.size());
        sodium_memzero(body.data(), body.size());
        throw BundleError("too many answers for one bundle (at most " + std::to_string(kMaxBundleBytes) + " bytes)");
    }

    const std::size_t headerBytes = out.size();
    out.resize(headerBytes + body.size() + kMacBytes);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + headerBytes, &written, body.data(), body.size(),
                                               out.data(), headerBytes, nullptr, nonce.data(), key.data());
    sodium_memzero(key.data(), key.size());
    sodium_memzero(body.data(), body.size());
    return out;
}

BundleHeaderResult readBundleHeader(const unsigned char* bytes, std::size_t size) {
    LayoutResult read = readLayout(bytes, size);
    if (!read.layout) return {std::nullopt, std::move(read.refusal)};
    return {std::move(read.layout->header), {}};
}

OpenBundleResult openBundle(const unsigned char* bytes, std::size_t size, const CollectionKeys& keys,
                            const std::optional<ExpectedSurvey>& expected) {
    LayoutResult read = readLayout(bytes, size);
    if (!read.layout) return {std::nullopt, std::move(read.refusal)};
    const Layout& layout = *read.layout;
    const BundleHeader& header = layout.header;
    const CollectionId ours = keys.id();
    if (!(header.collection == ours))
        return refused(BundleRefusalReason::OtherCollection, "sealed for collection " + header.collection.text() +
                                                                 ", this store's collection is " + ours.text());
    if (expected && header.surveyId != expected->surveyId)
        return refused(BundleRefusalReason::OtherSurvey, "holds survey '" + printable(header.surveyId) +
                                                             "', this store collects survey '" +
                                                             printable(expected->surveyId) + "'");
    if (expected && header.surveyVersion != expected->surveyVersion)
        return refused(BundleRefusalReason::OtherSurveyVersion,
                       "holds version " + std::to_string(header.surveyVersion) + " of survey '" +
                           printable(header.surveyId) + "', this store collects version " +
                           std::to_string(expected->surveyVersion));

    std::optional<std::vector<unsigned char>> key = keys.unseal(layout.sealedKey, kSealedKeyBytes);
    if (!key || key->size() != kContentKeyBytes) {
        if (key) sodium_memzero(key->data(), key->size());
        return refused(BundleRefusalReason::CannotOpen, "the bundle does not open with this collection's key (sealed "
                                                        "to another key of the same id, or altered)");
    }
    std::vector<unsigned char> body(layout.ciphertextBytes - kMacBytes);
    unsigned long long bodyBytes = 0;
    const int rc = crypto_aead_xchacha20poly1305_ietf_decrypt(body.data(), &bodyBytes, nullptr, layout.ciphertext,
                                                              layout.ciphertextBytes, bytes, layout.headerBytes,
                                                              layout.nonce, key->data());
    sodium_memzero(key->data(), key->size());
    if (rc != 0)
        return refused(BundleRefusalReason::Damaged,
                       "the bundle is damaged: its content or header was altered (authentication fails)");
    OpenBundleResult result = decodeBundleBody(body.data(), body.size(), header);
    sodium_memzero(body.data(), body.size());
    return result;
}

} // namespace alignkiosk::collection
