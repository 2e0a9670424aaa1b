#include "sealed_submission.h"

#include "sodium_ready.h"

#include "core/json_document.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <set>

namespace alignkiosk::collection {

namespace {

// [SECTION] The format's constants

constexpr std::array<unsigned char, 4> kMagic = {'A', 'K', 'S', 'S'};
static_assert(kSealedHeaderBytes == kMagic.size() + 1 + kCollectionIdBytes);
constexpr std::size_t kMaxPlaintextBytes =
    (kMaxSealedSubmissionBytes - kSealedHeaderBytes - crypto_box_SEALBYTES) / kPlaintextPaddingBlock *
    kPlaintextPaddingBlock;

// Field names, as written by seal() and required by open().
constexpr const char* kSubmissionField = "submission";
constexpr const char* kCollectionField = "collection";
constexpr const char* kSurveyField = "survey";
constexpr const char* kSurveyVersionField = "survey_version";
constexpr const char* kTeamField = "team";
constexpr const char* kResponsesField = "responses";
constexpr const char* kStepField = "step";
constexpr const char* kModuleField = "module";
constexpr const char* kModuleVersionField = "module_version";
constexpr const char* kPayloadField = "payload";

// Payloads are a module's answers ({"answers": {...}}): a few levels deep. Deeper ones are refused here so that no
// later reader (which may parse recursively) meets them.
constexpr core::JsonLimits kPayloadLimits{kMaxPlaintextBytes, 32, 100000};
constexpr core::JsonLimits kDocumentLimits{kMaxPlaintextBytes, 8, 400000};

std::size_t paddedSize(std::size_t bytes) {
    return (bytes + kPlaintextPaddingBlock - 1) / kPlaintextPaddingBlock * kPlaintextPaddingBlock;
}

// An id or name from the message, for a refusal: short, and only printable ASCII (the rest as '?').
std::string quoted(std::string_view text) {
    std::string out = "'";
    for (std::size_t i = 0; i < text.size() && i < 48; ++i)
        out.push_back(text[i] >= 0x20 && text[i] < 0x7f ? text[i] : '?');
    if (text.size() > 48) out += "...";
    return out + "'";
}

// [SECTION] Reading the JSON document

// Collects the first refusal; every check after it is skipped.
class Checker {
public:
    bool failed() const { return m_refusal.has_value(); }
    const Refusal& refusal() const { return *m_refusal; }
    bool refuse(RefusalReason reason, std::string message) {
        if (!m_refusal) m_refusal = Refusal{reason, std::move(message)};
        return false;
    }
    // The same, for the readers that return an optional value.
    std::nullopt_t nothing(RefusalReason reason, std::string message) {
        refuse(reason, std::move(message));
        return std::nullopt;
    }

    // The object's members, each at most once and each one of `known`; `where` names the object in messages.
    bool checkMembers(const core::JsonValue& object, std::initializer_list<const char*> known, const std::string& where) {
        std::set<std::string_view> seen;
        for (const core::JsonMember& member : object.members) {
            if (std::none_of(known.begin(), known.end(), [&](const char* name) { return member.key == name; }))
                return refuse(RefusalReason::UnknownField, where + " has a field version 1 does not have: " +
                                                               quoted(member.key));
            if (!seen.insert(member.key).second)
                return refuse(RefusalReason::UnknownField, where + " has the field " + quoted(member.key) + " twice");
        }
        return true;
    }

    const core::JsonValue* required(const core::JsonValue& object, const char* field, const std::string& where) {
        const core::JsonValue* value = object.find(field);
        if (!value) refuse(RefusalReason::MissingField, where + " has no '" + field + "'");
        return value;
    }

    // A string field's text, or nothing (and a refusal). Names and ids are short and never empty.
    std::optional<std::string> text(const core::JsonValue& value, const char* field, const std::string& where,
                                    bool isName) {
        if (!value.isString())
            return nothing(RefusalReason::WrongType, where + ": '" + field + "' must be a string, not " +
                                                        core::describeJsonType(value.type));
        if (value.text.find('\0') != std::string::npos)
            return nothing(RefusalReason::NulCharacter, where + ": '" + field + "' contains a NUL character");
        if (isName && value.text.empty())
            return nothing(RefusalReason::BadValue, where + ": '" + field + "' is empty");
        if (isName && value.text.size() > kMaxNameBytes)
            return nothing(RefusalReason::BadValue, where + ": '" + field + "' is longer than " +
                                                       std::to_string(kMaxNameBytes) + " bytes");
        return value.text;
    }

    std::optional<std::string> requiredText(const core::JsonValue& object, const char* field, const std::string& where,
                                            bool isName = true) {
        const core::JsonValue* value = required(object, field, where);
        if (!value) return std::nullopt;
        return text(*value, field, where, isName);
    }

private:
    std::optional<Refusal> m_refusal;
};

std::optional<core::ResponseDraft> readResponse(Checker& check, const core::JsonValue& value, std::size_t index) {
    const std::string where = "response " + std::to_string(index + 1);
    if (!value.isObject())
        return check.nothing(RefusalReason::WrongType,
                             where + " must be an object, not " + core::describeJsonType(value.type));
    if (!check.checkMembers(value, {kStepField, kModuleField, kModuleVersionField, kPayloadField}, where))
        return std::nullopt;
    core::ResponseDraft draft;
    auto step = check.requiredText(value, kStepField, where);
    auto module = step ? check.requiredText(value, kModuleField, where) : std::nullopt;
    auto version = module ? check.requiredText(value, kModuleVersionField, where) : std::nullopt;
    auto payload = version ? check.requiredText(value, kPayloadField, where, false) : std::nullopt;
    if (!payload) return std::nullopt;
    const core::JsonParseResult parsed = core::parseJsonDocument(*payload, kPayloadLimits);
    // One spelling for a payload: no byte order mark (the store's own JSON check would refuse one).
    if (!parsed.ok() || !parsed.root->isObject() || core::withoutByteOrderMark(*payload).size() != payload->size())
        return check.nothing(RefusalReason::BadValue,
                             where + " (step " + quoted(*step) + "): the payload is not a JSON object" +
                                 (parsed.ok() ? std::string() : " (" + parsed.error.message + ")"));
    draft.stepId = std::move(*step);
    draft.moduleId = std::move(*module);
    draft.moduleVersion = std::move(*version);
    draft.payload = std::move(*payload);
    return draft;
}

OpenResult readDocument(std::string_view json, const CollectionId& collection) {
    OpenResult result;
    Checker check;
    const core::JsonParseResult parsed = core::parseJsonDocument(json, kDocumentLimits);
    if (parsed.ok() && core::withoutByteOrderMark(json).size() != json.size()) {
        result.refusal = {RefusalReason::Malformed, "the submission's JSON starts with a byte order mark"};
        return result;
    }
    if (!parsed.ok()) {
        result.refusal = {RefusalReason::Malformed,
                          "the submission is not valid JSON: " + parsed.error.message + " (line " +
                              std::to_string(parsed.error.location.line) + ", column " +
                              std::to_string(parsed.error.location.column) + ")"};
        return result;
    }
    const core::JsonValue& root = *parsed.root;
    const std::string where = "the submission";
    if (!root.isObject()) {
        result.refusal = {RefusalReason::WrongType,
                          "the submission must be a JSON object, not " + std::string(core::describeJsonType(root.type))};
        return result;
    }
    OpenedSubmission opened;
    [&] {
        if (!check.checkMembers(root, {kSubmissionField, kCollectionField, kSurveyField, kSurveyVersionField,
                                       kTeamField, kResponsesField},
                                where))
            return;
        // Ids are judged as ids (BadId), not as names.
        const auto idText = check.requiredText(root, kSubmissionField, where, false);
        if (!idText) return;
        const std::optional<SubmissionId> id = SubmissionId::fromText(*idText);
        if (!id) {
            check.refuse(RefusalReason::BadId, "the submission id is not 32 lowercase hex digits (or is all zeros)");
            return;
        }
        opened.id = *id;
        const auto collectionText = check.requiredText(root, kCollectionField, where, false);
        if (!collectionText) return;
        const std::optional<CollectionId> named = CollectionId::fromText(*collectionText);
        if (!named) {
            check.refuse(RefusalReason::BadId, "the collection id is not 16 hex digits");
            return;
        }
        if (!(*named == collection)) {
            check.refuse(RefusalReason::OtherCollection, "the submission names collection " + named->text() +
                                                             ", this is collection " + collection.text());
            return;
        }
        auto survey = check.requiredText(root, kSurveyField, where);
        if (!survey) return;
        opened.submission.surveyId = std::move(*survey);
        const core::JsonValue* version = check.required(root, kSurveyVersionField, where);
        if (!version) return;
        if (version->type != core::JsonType::Number || !version->isInteger) {
            check.refuse(RefusalReason::WrongType, "the submission: 'survey_version' must be a whole number");
            return;
        }
        if (version->integer < 1 || version->integer > int64_t{UINT32_MAX}) {
            check.refuse(RefusalReason::BadValue,
                         "the submission: 'survey_version' must be between 1 and " + std::to_string(UINT32_MAX));
            return;
        }
        opened.submission.surveyVersion = static_cast<uint32_t>(version->integer);
        if (const core::JsonValue* team = root.find(kTeamField)) {
            auto name = check.text(*team, kTeamField, where, true);
            if (!name) return;
            opened.submission.team = std::move(*name);
        }
        const core::JsonValue* responses = check.required(root, kResponsesField, where);
        if (!responses) return;
        if (!responses->isArray()) {
            check.refuse(RefusalReason::WrongType, "the submission: 'responses' must be an array, not " +
                                                       std::string(core::describeJsonType(responses->type)));
            return;
        }
        if (responses->items.empty() || responses->items.size() > kMaxResponses) {
            check.refuse(RefusalReason::BadValue, "the submission has " + std::to_string(responses->items.size()) +
                                                      " responses; 1 to " + std::to_string(kMaxResponses) +
                                                      " are allowed");
            return;
        }
        std::set<std::string> steps;
        for (std::size_t i = 0; i < responses->items.size(); ++i) {
            std::optional<core::ResponseDraft> draft = readResponse(check, responses->items[i], i);
            if (!draft) return;
            if (!steps.insert(draft->stepId).second) {
                check.refuse(RefusalReason::BadValue, "the submission answers step " + quoted(draft->stepId) + " twice");
                return;
            }
            opened.submission.responses.push_back(std::move(*draft));
        }
    }();
    if (check.failed()) {
        result.refusal = check.refusal();
        return result;
    }
    result.opened = std::move(opened);
    return result;
}

// [SECTION] Writing the JSON document

std::string writeDocument(const core::Submission& submission, const SubmissionId& id, const CollectionId& collection) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    const auto string = [&writer](const std::string& text) {
        writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
    };
    writer.StartObject();
    writer.Key(kSubmissionField);
    string(id.text());
    writer.Key(kCollectionField);
    string(collection.text());
    writer.Key(kSurveyField);
    string(submission.surveyId);
    writer.Key(kSurveyVersionField);
    writer.Uint(submission.surveyVersion);
    if (submission.team) {
        writer.Key(kTeamField);
        string(*submission.team);
    }
    writer.Key(kResponsesField);
    writer.StartArray();
    for (const core::ResponseDraft& draft : submission.responses) {
        writer.StartObject();
        writer.Key(kStepField);
        string(draft.stepId);
        writer.Key(kModuleField);
        string(draft.moduleId);
        writer.Key(kModuleVersionField);
        string(draft.moduleVersion);
        writer.Key(kPayloadField);
        string(draft.payload);
        writer.EndObject();
    }
    writer.EndArray();
    writer.EndObject();
    std::string json(buffer.GetString(), buffer.GetSize());
    sodium_memzero(const_cast<char*>(buffer.GetString()), buffer.GetSize());
    return json;
}

uint32_t bigEndian32(const unsigned char* bytes) {
    return (uint32_t{bytes[0]} << 24) | (uint32_t{bytes[1]} << 16) | (uint32_t{bytes[2]} << 8) | uint32_t{bytes[3]};
}

OpenResult refused(RefusalReason reason, std::string message) {
    OpenResult result;
    result.refusal = {reason, std::move(message)};
    return result;
}

} // namespace

const char* refusalName(RefusalReason reason) {
    switch (reason) {
    case RefusalReason::TooLarge: return "too_large";
    case RefusalReason::NotASubmission: return "not_a_submission";
    case RefusalReason::UnknownVersion: return "unknown_version";
    case RefusalReason::OtherCollection: return "other_collection";
    case RefusalReason::CannotOpen: return "cannot_open";
    case RefusalReason::Malformed: return "malformed";
    case RefusalReason::MissingField: return "missing_field";
    case RefusalReason::WrongType: return "wrong_type";
    case RefusalReason::UnknownField: return "unknown_field";
    case RefusalReason::NulCharacter: return "nul_character";
    case RefusalReason::BadId: return "bad_id";
    case RefusalReason::BadValue: return "bad_value";
    }
    return "unknown";
}

std::vector<unsigned char> encodePlaintext(const core::Submission& submission, const SubmissionId& id,
                                           const CollectionId& collection) {
    std::string json = writeDocument(submission, id, collection);
    const std::size_t size = paddedSize(kPlaintextHeaderBytes + json.size());
    if (size > kMaxPlaintextBytes) {
        sodium_memzero(json.data(), json.size());
        throw SealError("the submission is too large to send (" + std::to_string(json.size()) +
                        " bytes of answers; at most " + std::to_string(kMaxPlaintextBytes - kPlaintextHeaderBytes) +
                        ")");
    }
    std::vector<unsigned char> plaintext(size, 0);
    plaintext[0] = kSealedSubmissionVersion;
    const auto length = static_cast<uint32_t>(json.size());
    for (int i = 0; i < 4; ++i) plaintext[1 + i] = static_cast<unsigned char>(length >> (24 - 8 * i));
    std::copy(json.begin(), json.end(), plaintext.begin() + kPlaintextHeaderBytes);
    sodium_memzero(json.data(), json.size());
    return plaintext;
}

OpenResult decodePlaintext(std::string_view plaintext, const CollectionId& collection) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(plaintext.data());
    if (plaintext.size() < kPlaintextHeaderBytes)
        return refused(RefusalReason::Malformed, "the plaintext is shorter than its 5-byte header");
    if (bytes[0] != kSealedSubmissionVersion)
        return refused(RefusalReason::UnknownVersion, "the plaintext has version " + std::to_string(bytes[0]) +
                                                          "; this program reads version 1");
    const uint32_t length = bigEndian32(bytes + 1);
    if (length > plaintext.size() - kPlaintextHeaderBytes)
        return refused(RefusalReason::Malformed, "the plaintext says it holds " + std::to_string(length) +
                                                     " bytes of JSON but has only " +
                                                     std::to_string(plaintext.size() - kPlaintextHeaderBytes));
    const std::size_t end = kPlaintextHeaderBytes + length;
    if (plaintext.size() != paddedSize(end))
        return refused(RefusalReason::Malformed, "the plaintext is " + std::to_string(plaintext.size()) +
                                                     " bytes; with its JSON it should be padded to " +
                                                     std::to_string(paddedSize(end)));
    if (!sodium_is_zero(bytes + end, plaintext.size() - end))
        return refused(RefusalReason::Malformed, "the plaintext's padding is not all zero bytes");
    return readDocument(plaintext.substr(kPlaintextHeaderBytes, length), collection);
}

std::vector<unsigned char> seal(const core::Submission& submission, const SubmissionId& id,
                                const CollectionPublicKey& collection) {
    requireSodium();
    const CollectionId collectionId = collection.id();
    std::vector<unsigned char> plaintext = encodePlaintext(submission, id, collectionId);
    // The laptop checks by the collector's own rules, so what it keeps in its outbox will be accepted.
    const OpenResult check = decodePlaintext(
        std::string_view(reinterpret_cast<const char*>(plaintext.data()), plaintext.size()), collectionId);
    if (!check.ok()) {
        sodium_memzero(plaintext.data(), plaintext.size());
        throw SealError("cannot seal this submission: " + check.refusal.message);
    }
    std::vector<unsigned char> sealed(kSealedHeaderBytes + crypto_box_SEALBYTES + plaintext.size());
    std::copy(kMagic.begin(), kMagic.end(), sealed.begin());
    sealed[kMagic.size()] = kSealedSubmissionVersion;
    std::copy(collectionId.bytes.begin(), collectionId.bytes.end(), sealed.begin() + kMagic.size() + 1);
    const int rc = crypto_box_seal(sealed.data() + kSealedHeaderBytes, plaintext.data(), plaintext.size(),
                                   collection.bytes().data());
    sodium_memzero(plaintext.data(), plaintext.size());
    if (rc != 0) throw std::runtime_error("libsodium could not seal the submission");
    return sealed;
}

OpenResult open(const unsigned char* sealed, std::size_t size, const CollectionKeys& keys) {
    if (size > kMaxSealedSubmissionBytes)
        return refused(RefusalReason::TooLarge, "the message is " + std::to_string(size) + " bytes; at most " +
                                                    std::to_string(kMaxSealedSubmissionBytes) + " are read");
    if (size < kSealedHeaderBytes + crypto_box_SEALBYTES + kPlaintextPaddingBlock)
        return refused(RefusalReason::NotASubmission, "the message is " + std::to_string(size) +
                                                          " bytes, too short for a sealed submission");
    if (!std::equal(kMagic.begin(), kMagic.end(), sealed))
        return refused(RefusalReason::NotASubmission, "the message does not start with \"AKSS\"");
    if (sealed[kMagic.size()] != kSealedSubmissionVersion)
        return refused(RefusalReason::UnknownVersion, "the message has version " +
                                                          std::to_string(sealed[kMagic.size()]) +
                                                          "; this program reads version 1");
    CollectionId named;
    std::copy_n(sealed + kMagic.size() + 1, named.bytes.size(), named.bytes.begin());
    const CollectionId ours = keys.id();
    if (!(named == ours))
        return refused(RefusalReason::OtherCollection,
                       "the message was sealed for collection " + named.text() + ", this is collection " + ours.text());
    std::optional<std::vector<unsigned char>> plaintext =
        keys.unseal(sealed + kSealedHeaderBytes, size - kSealedHeaderBytes);
    if (!plaintext)
        return refused(RefusalReason::CannotOpen, "the seal does not open with this collection's key (sealed to "
                                                  "another key, or altered on the way)");
    OpenResult result = decodePlaintext(
        std::string_view(reinterpret_cast<const char*>(plaintext->data()), plaintext->size()), ours);
    sodium_memzero(plaintext->data(), plaintext->size());
    return result;
}

} // namespace alignkiosk::collection
