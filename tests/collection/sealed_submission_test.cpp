#include "collection/sealed_submission.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace alignkiosk::collection {
namespace {

core::Submission sampleSubmission() {
    core::Submission submission;
    submission.surveyId = "team-pulse";
    submission.surveyVersion = 3;
    submission.team = "Marketing";
    submission.responses = {
        {"signs", "diagnostic_signs", "1.2.0", R"({"answers":{"q1":2,"q2":"We ship what sales promised"}})"},
        {"focus", "focus_assessment", "1.0.0", R"({"answers":{"goal":"Grow the partner channel \u00e9"}})"},
    };
    return submission;
}

void expectSame(const core::Submission& a, const core::Submission& b) {
    EXPECT_EQ(a.surveyId, b.surveyId);
    EXPECT_EQ(a.surveyVersion, b.surveyVersion);
    EXPECT_EQ(a.team, b.team);
    ASSERT_EQ(a.responses.size(), b.responses.size());
    for (std::size_t i = 0; i < a.responses.size(); ++i) {
        EXPECT_EQ(a.responses[i].stepId, b.responses[i].stepId);
        EXPECT_EQ(a.responses[i].moduleId, b.responses[i].moduleId);
        EXPECT_EQ(a.responses[i].moduleVersion, b.responses[i].moduleVersion);
        EXPECT_EQ(a.responses[i].payload, b.responses[i].payload) << "payloads travel byte for byte";
    }
}

bool contains(const std::vector<unsigned char>& haystack, const std::string& needle) {
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) != haystack.end();
}

class SealedSubmissionTest : public ::testing::Test {
protected:
    CollectionKeys keys = CollectionKeys::generate();
    SubmissionId id = SubmissionId::random();

    // A message sealed to `keys` with the right header around any plaintext.
    std::vector<unsigned char> sealPlaintext(const std::vector<unsigned char>& plaintext) const {
        std::vector<unsigned char> sealed = {'A', 'K', 'S', 'S', 1};
        const CollectionId collection = keys.id();
        sealed.insert(sealed.end(), collection.bytes.begin(), collection.bytes.end());
        const std::size_t header = sealed.size();
        sealed.resize(header + crypto_box_SEALBYTES + plaintext.size());
        EXPECT_EQ(crypto_box_seal(sealed.data() + header, plaintext.data(), plaintext.size(),
                                  keys.publicKey().bytes().data()),
                  0);
        return sealed;
    }

    // The plaintext frame around a JSON text, padded as the format says (or as `size` says).
    static std::vector<unsigned char> frame(const std::string& json, uint8_t version = 1, std::size_t size = 0) {
        if (size == 0) size = (5 + json.size() + 1023) / 1024 * 1024;
        std::vector<unsigned char> plaintext(size, 0);
        plaintext[0] = version;
        const auto length = static_cast<uint32_t>(json.size());
        for (int i = 0; i < 4; ++i) plaintext[1 + i] = static_cast<unsigned char>(length >> (24 - 8 * i));
        std::copy(json.begin(), json.end(), plaintext.begin() + 5);
        return plaintext;
    }

    // A valid document with `fields` put in place of the survey's fields (keeping the ids).
    std::string document(const std::string& fields =
                             R"("survey":"s","survey_version":1,"responses":[{"step":"a","module":"m",)"
                             R"("module_version":"1","payload":"{}"}])") const {
        return R"({"submission":")" + id.text() + R"(","collection":")" + keys.id().text() + R"(",)" + fields + "}";
    }

    OpenResult openJson(const std::string& json) const { return open(sealPlaintext(frame(json)), keys); }

    void expectRefused(const OpenResult& result, RefusalReason reason, const std::string& says,
                       const std::string& context) const {
        ASSERT_FALSE(result.ok()) << context;
        EXPECT_EQ(refusalName(result.refusal.reason), std::string(refusalName(reason)))
            << context << ": " << result.refusal.message;
        EXPECT_NE(result.refusal.message.find(says), std::string::npos) << context << ": " << result.refusal.message;
    }
};

TEST_F(SealedSubmissionTest, SealedSubmissionsOpenAsTheyWere) {
    core::Submission submission = sampleSubmission();
    const std::vector<unsigned char> sealed = seal(submission, id, keys.publicKey());
    const OpenResult result = open(sealed, keys);
    ASSERT_TRUE(result.ok()) << result.refusal.message;
    EXPECT_EQ(result.opened->id, id);
    expectSame(result.opened->submission, submission);

    submission.team.reset();
    const OpenResult withoutTeam = open(seal(submission, id, keys.publicKey()), keys);
    ASSERT_TRUE(withoutTeam.ok()) << withoutTeam.refusal.message;
    expectSame(withoutTeam.opened->submission, submission);
}

TEST_F(SealedSubmissionTest, TheKeyTextRoundTripStillOpens) {
    const std::vector<unsigned char> sealed = seal(sampleSubmission(), id, keys.publicKey());
    const CollectionKeys restored = CollectionKeys::fromSecretText(keys.secretText());
    EXPECT_TRUE(open(sealed, restored).ok());
}

TEST_F(SealedSubmissionTest, NothingReadableCrossesTheNetwork) {
    const std::vector<unsigned char> sealed = seal(sampleSubmission(), id, keys.publicKey());
    ASSERT_TRUE(std::equal(sealed.begin(), sealed.begin() + 5, std::string("AKSS\x01").begin()));
    const CollectionId collection = keys.id();
    EXPECT_TRUE(std::equal(collection.bytes.begin(), collection.bytes.end(), sealed.begin() + 5));
    for (const std::string& text : {std::string("team-pulse"), std::string("Marketing"), std::string("answers"),
                                    std::string("sales promised"), id.text(), std::string("diagnostic_signs")})
        EXPECT_FALSE(contains(sealed, text)) << text;
    // An ephemeral key per message: the same submission sealed again looks entirely different.
    EXPECT_NE(seal(sampleSubmission(), id, keys.publicKey()), sealed);
}

TEST_F(SealedSubmissionTest, LengthsAreRoundedToWholeKibibytes) {
    core::Submission shortAnswer = sampleSubmission();
    core::Submission longAnswer = sampleSubmission();
    longAnswer.responses[1].payload = R"({"answers":{"goal":")" + std::string(500, 'x') + R"("}})";
    const auto a = seal(shortAnswer, id, keys.publicKey());
    const auto b = seal(longAnswer, id, keys.publicKey());
    EXPECT_EQ(a.size(), b.size());
    EXPECT_EQ((a.size() - kSealedHeaderBytes - crypto_box_SEALBYTES) % kPlaintextPaddingBlock, 0u);
    longAnswer.responses[1].payload = R"({"answers":{"goal":")" + std::string(1500, 'x') + R"("}})";
    EXPECT_EQ(seal(longAnswer, id, keys.publicKey()).size(), a.size() + 1024);
}

TEST_F(SealedSubmissionTest, TheLargestSubmissionFitsAndOneMoreByteDoesNot) {
    core::Submission submission;
    submission.surveyId = "s";
    submission.surveyVersion = 1;
    const std::string base = document(R"("survey":"s","survey_version":1,"responses":[{"step":"a","module":"m",)"
                                      R"("module_version":"1","payload":"{\"x\":\"\"}"}])");
    const std::size_t maxJson = (kMaxSealedSubmissionBytes - kSealedHeaderBytes - crypto_box_SEALBYTES) / 1024 * 1024 - 5;
    const std::string filler(maxJson - base.size(), 'x');
    submission.responses = {{"a", "m", "1", R"({"x":")" + filler + R"("})"}};
    const std::vector<unsigned char> sealed = seal(submission, id, keys.publicKey());
    EXPECT_LE(sealed.size(), kMaxSealedSubmissionBytes);
    EXPECT_TRUE(open(sealed, keys).ok());
    submission.responses[0].payload = R"({"x":")" + filler + R"(x"})";
    EXPECT_THROW(seal(submission, id, keys.publicKey()), SealError);
}

TEST_F(SealedSubmissionTest, WhatNoCollectorWouldAcceptIsNotSealed) {
    const auto refused = [&](void (*change)(core::Submission&), const std::string& says) {
        core::Submission submission = sampleSubmission();
        change(submission);
        try {
            seal(submission, id, keys.publicKey());
            ADD_FAILURE() << "sealed a submission that should say: " << says;
        } catch (const SealError& error) {
            EXPECT_NE(std::string(error.what()).find(says), std::string::npos) << error.what();
        }
    };
    refused([](core::Submission& s) { s.surveyId.clear(); }, "'survey' is empty");
    refused([](core::Submission& s) { s.surveyVersion = 0; }, "'survey_version' must be between 1");
    refused([](core::Submission& s) { s.team = std::string("A\0B", 3); }, "'team' contains a NUL character");
    refused([](core::Submission& s) { s.team = ""; }, "'team' is empty");
    refused([](core::Submission& s) { s.responses.clear(); }, "has 0 responses");
    refused([](core::Submission& s) { s.responses[0].payload = "not json"; }, "the payload is not a JSON object");
    refused([](core::Submission& s) { s.responses[0].payload = "[1]"; }, "the payload is not a JSON object");
    refused([](core::Submission& s) { s.responses[1].stepId = s.responses[0].stepId; }, "answers step 'signs' twice");
    refused([](core::Submission& s) { s.responses[0].moduleVersion = ""; }, "'module_version' is empty");
    refused([](core::Submission& s) { s.surveyId = std::string(257, 's'); }, "longer than 256 bytes");
    refused([](core::Submission& s) { s.surveyId = "bad \xff utf-8"; }, "not valid JSON");
}

// [SECTION] Refusals outside the seal

TEST_F(SealedSubmissionTest, TooLargeIsRefusedBeforeOpening) {
    std::vector<unsigned char> sealed = seal(sampleSubmission(), id, keys.publicKey());
    sealed.resize(kMaxSealedSubmissionBytes + 1);
    expectRefused(open(sealed, keys), RefusalReason::TooLarge, "262145 bytes", "too large");
}

TEST_F(SealedSubmissionTest, WhatIsNotASealedSubmissionIsRefused) {
    const std::vector<unsigned char> sealed = seal(sampleSubmission(), id, keys.publicKey());
    expectRefused(open(std::vector<unsigned char>(sealed.begin(), sealed.begin() + 100), keys),
                  RefusalReason::NotASubmission, "too short", "cut short");
    expectRefused(open(std::vector<unsigned char>(), keys), RefusalReason::NotASubmission, "0 bytes", "empty");
    std::vector<unsigned char> other = sealed;
    other[0] = 'X';
    expectRefused(open(other, keys), RefusalReason::NotASubmission, "does not start with \"AKSS\"", "magic");
}

TEST_F(SealedSubmissionTest, AnUnknownVersionIsRefused) {
    std::vector<unsigned char> sealed = seal(sampleSubmission(), id, keys.publicKey());
    sealed[4] = 2;
    expectRefused(open(sealed, keys), RefusalReason::UnknownVersion, "version 2", "outer version");
    expectRefused(open(sealPlaintext(frame(document(), 7)), keys), RefusalReason::UnknownVersion,
                  "the plaintext has version 7", "inner version");
}

TEST_F(SealedSubmissionTest, ASubmissionForAnotherCollectionIsRefused) {
    const CollectionKeys other = CollectionKeys::generate();
    expectRefused(open(seal(sampleSubmission(), id, other.publicKey()), keys), RefusalReason::OtherCollection,
                  "sealed for collection " + other.id().text() + ", this is collection " + keys.id().text(),
                  "other collection");
}

TEST_F(SealedSubmissionTest, ASealThatDoesNotOpenIsRefused) {
    // Sealed to another key but labelled with ours.
    const CollectionKeys other = CollectionKeys::generate();
    std::vector<unsigned char> relabelled = seal(sampleSubmission(), id, other.publicKey());
    const CollectionId ours = keys.id();
    std::copy(ours.bytes.begin(), ours.bytes.end(), relabelled.begin() + 5);
    expectRefused(open(relabelled, keys), RefusalReason::CannotOpen, "does not open", "another key");
    // Altered on the way: every single flipped bit of the sealed part is noticed.
    const std::vector<unsigned char> sealed = seal(sampleSubmission(), id, keys.publicKey());
    for (std::size_t at : {kSealedHeaderBytes, kSealedHeaderBytes + 40, sealed.size() / 2, sealed.size() - 1}) {
        std::vector<unsigned char> altered = sealed;
        altered[at] ^= 0x01;
        expectRefused(open(altered, keys), RefusalReason::CannotOpen, "altered on the way",
                      "bit flipped at " + std::to_string(at));
    }
}

// [SECTION] Refusals inside the seal

TEST_F(SealedSubmissionTest, ABrokenFrameIsRefused) {
    const std::string json = document();
    std::vector<unsigned char> plaintext = frame(json);
    expectRefused(open(sealPlaintext(frame(json, 1, 2048)), keys), RefusalReason::Malformed,
                  "should be padded to 1024", "an extra block");
    std::vector<unsigned char> longer = plaintext;
    longer[1] = 0x7f;
    expectRefused(open(sealPlaintext(longer), keys), RefusalReason::Malformed, "bytes of JSON but has only",
                  "length past the end");
    std::vector<unsigned char> dirty = plaintext;
    dirty.back() = 1;
    expectRefused(open(sealPlaintext(dirty), keys), RefusalReason::Malformed, "padding is not all zero",
                  "padding");
    expectRefused(decodePlaintext(std::string("\x01\x00", 2), keys.id()), RefusalReason::Malformed,
                  "shorter than its 5-byte header", "short plaintext");
}

TEST_F(SealedSubmissionTest, JsonThatIsNotJsonIsRefused) {
    expectRefused(openJson(document().substr(1)), RefusalReason::Malformed, "not valid JSON", "syntax");
    expectRefused(openJson("\xef\xbb\xbf" + document()), RefusalReason::Malformed, "byte order mark", "BOM");
    expectRefused(openJson("{\"survey\":\"\xff\"}"), RefusalReason::Malformed, "not valid JSON", "not UTF-8");
    expectRefused(openJson(std::string(100, '[') + std::string(100, ']')), RefusalReason::Malformed,
                  "nested more than", "deep");
    expectRefused(openJson(R"(["a"])"), RefusalReason::WrongType, "must be a JSON object, not an array", "array");
}

TEST_F(SealedSubmissionTest, MissingFieldsAreNamed) {
    const std::string response = R"("responses":[{"step":"a","module":"m","module_version":"1","payload":"{}"}])";
    const std::string ids = R"("submission":")" + id.text() + R"(","collection":")" + keys.id().text() + R"(",)";
    struct Case {
        std::string json;
        const char* field;
    };
    const Case cases[] = {
        {R"({"collection":")" + keys.id().text() + R"(","survey":"s","survey_version":1,)" + response + "}",
         "submission"},
        {R"({"submission":")" + id.text() + R"(","survey":"s","survey_version":1,)" + response + "}", "collection"},
        {"{" + ids + R"("survey_version":1,)" + response + "}", "survey"},
        {"{" + ids + R"("survey":"s",)" + response + "}", "survey_version"},
        {"{" + ids + R"("survey":"s","survey_version":1})", "responses"},
        {"{" + ids + R"("survey":"s","survey_version":1,"responses":[{"module":"m","module_version":"1","payload":"{}"}]})",
         "step"},
        {"{" + ids + R"("survey":"s","survey_version":1,"responses":[{"step":"a","module_version":"1","payload":"{}"}]})",
         "module"},
        {"{" + ids + R"("survey":"s","survey_version":1,"responses":[{"step":"a","module":"m","payload":"{}"}]})",
         "module_version"},
        {"{" + ids + R"("survey":"s","survey_version":1,"responses":[{"step":"a","module":"m","module_version":"1"}]})",
         "payload"},
    };
    for (const Case& c : cases)
        expectRefused(openJson(c.json), RefusalReason::MissingField, std::string("has no '") + c.field + "'", c.field);
}

TEST_F(SealedSubmissionTest, FieldsOfTheWrongTypeAreNamed) {
    struct Case {
        std::string fields;
        const char* says;
    };
    const std::string response = R"("responses":[{"step":"a","module":"m","module_version":"1","payload":"{}"}])";
    const Case cases[] = {
        {R"("survey":1,"survey_version":1,)" + response, "'survey' must be a string, not a number"},
        {R"("survey":"s","survey_version":"1",)" + response, "'survey_version' must be a whole number"},
        {R"("survey":"s","survey_version":1.5,)" + response, "'survey_version' must be a whole number"},
        {R"("survey":"s","survey_version":1,"team":null,)" + response, "'team' must be a string, not null"},
        {R"("survey":"s","survey_version":1,"responses":{})", "'responses' must be an array, not an object"},
        {R"("survey":"s","survey_version":1,"responses":["a"])", "response 1 must be an object, not a string"},
        {R"("survey":"s","survey_version":1,"responses":[{"step":"a","module":"m","module_version":"1","payload":{}}])",
         "'payload' must be a string, not an object"},
    };
    for (const Case& c : cases) expectRefused(openJson(document(c.fields)), RefusalReason::WrongType, c.says, c.says);
    expectRefused(openJson(R"({"submission":1})"), RefusalReason::WrongType, "'submission' must be a string",
                  "submission id");
}

TEST_F(SealedSubmissionTest, UnknownAndRepeatedFieldsAreRefused) {
    const std::string response = R"("responses":[{"step":"a","module":"m","module_version":"1","payload":"{}"}])";
    expectRefused(openJson(document(R"("survey":"s","survey_version":1,"laptop":"x",)" + response)),
                  RefusalReason::UnknownField, "a field version 1 does not have: 'laptop'", "extra field");
    expectRefused(openJson(document(R"("survey":"s","survey":"t","survey_version":1,)" + response)),
                  RefusalReason::UnknownField, "the field 'survey' twice", "repeated field");
    expectRefused(openJson(document(R"("survey":"s","survey_version":1,"responses":[{"step":"a","module":"m",)"
                                    R"("module_version":"1","payload":"{}","time":"12:00"}])")),
                  RefusalReason::UnknownField, "response 1 has a field version 1 does not have: 'time'",
                  "extra response field");
}

TEST_F(SealedSubmissionTest, NulCharactersAreRefused) {
    const std::string response = R"("responses":[{"step":"a","module":"m","module_version":"1","payload":"{}"}])";
    expectRefused(openJson(document(R"("survey":"s\u0000t","survey_version":1,)" + response)),
                  RefusalReason::NulCharacter, "'survey' contains a NUL character", "survey");
    expectRefused(openJson(document(R"("survey":"s","survey_version":1,"responses":[{"step":"a","module":"m",)"
                                    R"("module_version":"1","payload":"{\"a\":\"\u0000\"}"}])")),
                  RefusalReason::NulCharacter, "'payload' contains a NUL character", "payload");
}

TEST_F(SealedSubmissionTest, BadIdsAreRefused) {
    const std::string rest = R"(","survey":"s","survey_version":1,"responses":[{"step":"a","module":"m",)"
                             R"("module_version":"1","payload":"{}"}]})";
    const std::string collection = R"(","collection":")" + keys.id().text();
    std::string upper = id.text();
    std::transform(upper.begin(), upper.end(), upper.begin(), [](char c) { return static_cast<char>(std::toupper(c)); });
    for (const std::string& bad : {upper + "x", id.text().substr(1), std::string(32, '0'), std::string("")})
        expectRefused(openJson(R"({"submission":")" + bad + collection + rest), RefusalReason::BadId,
                      "submission id is not 32 lowercase hex digits", "id '" + bad + "'");
    expectRefused(openJson(R"({"submission":")" + id.text() + R"(","collection":"nothex)" + rest), RefusalReason::BadId,
                  "collection id is not 16 hex digits", "collection id");
    if (upper != id.text())
        expectRefused(openJson(R"({"submission":")" + upper + collection + rest), RefusalReason::BadId,
                      "32 lowercase hex", "upper-case id");
}

TEST_F(SealedSubmissionTest, ADocumentNamingAnotherCollectionIsRefused) {
    const CollectionId other = CollectionKeys::generate().id();
    const std::string json = R"({"submission":")" + id.text() + R"(","collection":")" + other.text() +
                             R"(","survey":"s","survey_version":1,"responses":[{"step":"a","module":"m",)"
                             R"("module_version":"1","payload":"{}"}]})";
    expectRefused(openJson(json), RefusalReason::OtherCollection, "names collection " + other.text(), "inner id");
}

TEST_F(SealedSubmissionTest, BadValuesAreRefused) {
    const auto one = [](const std::string& step, const std::string& payload) {
        return R"({"step":")" + step + R"(","module":"m","module_version":"1","payload":")" + payload + R"("})";
    };
    struct Case {
        std::string fields;
        const char* says;
    };
    std::string many;
    for (int i = 0; i < 257; ++i) many += (i ? "," : "") + one("s" + std::to_string(i), "{}");
    const Case cases[] = {
        {R"("survey":"","survey_version":1,"responses":[)" + one("a", "{}") + "]", "'survey' is empty"},
        {R"("survey":"s","survey_version":0,"responses":[)" + one("a", "{}") + "]", "between 1 and 4294967295"},
        {R"("survey":"s","survey_version":4294967296,"responses":[)" + one("a", "{}") + "]", "between 1 and"},
        {R"("survey":"s","survey_version":-1,"responses":[)" + one("a", "{}") + "]", "between 1 and"},
        {R"("survey":"s","survey_version":1,"team":"","responses":[)" + one("a", "{}") + "]", "'team' is empty"},
        {R"("survey":"s","survey_version":1,"responses":[])", "has 0 responses"},
        {R"("survey":"s","survey_version":1,"responses":[)" + many + "]", "has 257 responses"},
        {R"("survey":"s","survey_version":1,"responses":[)" + one("a", "{}") + "," + one("a", "{}") + "]",
         "answers step 'a' twice"},
        {R"("survey":"s","survey_version":1,"responses":[)" + one("a", "[]") + "]", "the payload is not a JSON object"},
        {R"("survey":"s","survey_version":1,"responses":[)" + one("a", "{") + "]", "the payload is not a JSON object"},
        {R"("survey":"s","survey_version":1,"responses":[)" + one("a", "") + "]", "the payload is not a JSON object"},
        {R"("survey":"s","survey_version":1,"responses":[)" + one(std::string(257, 'a'), "{}") + "]",
         "'step' is longer than 256 bytes"},
    };
    for (const Case& c : cases) expectRefused(openJson(document(c.fields)), RefusalReason::BadValue, c.says, c.says);
}

// The fuzz target's seeds (tests/fuzz/sealed_submission_fuzz.cpp) stay valid messages of this format.
TEST(SealedSubmissionFuzzSeedsTest, ValidSeedsOpenWithTheFuzzTargetsKey) {
    const CollectionKeys fuzzKeys = CollectionKeys::fromSecretText(
        "collection-secret-key-1:2993b8e0cde65029c518aeb96b997c81ec8e640478e63166b9424fe9d9342060");
    const std::filesystem::path corpus = std::filesystem::path(ALIGNKIOSK_SOURCE_DIR) / "tests/fuzz/corpus/sealed_submission";
    int valid = 0;
    for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
        const std::string name = entry.path().filename().string();
        std::ifstream in(entry.path(), std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (name.rfind("valid_", 0) == 0) {
            const OpenResult result = open(std::vector<unsigned char>(bytes.begin(), bytes.end()), fuzzKeys);
            EXPECT_TRUE(result.ok()) << name << ": " << result.refusal.message;
            ++valid;
        } else if (name.rfind("plaintext_", 0) == 0) {
            const OpenResult result = decodePlaintext(bytes, fuzzKeys.id());
            EXPECT_TRUE(result.ok()) << name << ": " << result.refusal.message;
            ++valid;
        }
    }
    EXPECT_GE(valid, 6);
}

TEST_F(SealedSubmissionTest, EveryReasonHasAName) {
    for (int reason = 0; reason <= static_cast<int>(RefusalReason::BadValue); ++reason)
        EXPECT_STRNE(refusalName(static_cast<RefusalReason>(reason)), "unknown") << reason;
}

} // namespace
} // namespace alignkiosk::collection
