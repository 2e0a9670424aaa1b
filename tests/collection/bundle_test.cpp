#include "collection/bundle.h"

#include "collection/submission_id.h"
#include "core/response_store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace alignkiosk::collection {
namespace {

// A station's store with `people` participants of two steps each.
core::ResponseStore stationWith(int people, const std::string& surveyId = "team-pulse", uint32_t version = 3) {
    core::ResponseStore store = core::ResponseStore::open(":memory:");
    for (int i = 0; i < people; ++i) {
        core::Submission submission;
        submission.surveyId = surveyId;
        submission.surveyVersion = version;
        if (i % 2) submission.team = "Marketing";
        submission.responses = {
            {"signs", "diagnostic_signs", "1.2.0", R"({"answers":{"q1":)" + std::to_string(i % 5) + "}}"},
            {"focus", "focus_assessment", "1.0.0", R"({"answers":{"goal":"Grow \u00e9 )" + std::to_string(i) + "\"}}"},
        };
        store.submit(submission);
    }
    return store;
}

std::vector<unsigned char> bundleOf(const core::ResponseStore& station, const CollectionPublicKey& key) {
    return writeBundle(station.responses(), "team-pulse", 3, key);
}

// The rows as a collector stores them: everything but their random ids and dates.
std::multiset<std::string> contentOf(const std::vector<core::StoredResponse>& rows) {
    std::multiset<std::string> content;
    for (const core::StoredResponse& row : rows)
        content.insert(row.surveyId + "|" + std::to_string(row.surveyVersion) + "|" + row.stepId + "|" + row.moduleId +
                       "|" + row.moduleVersion + "|" + row.team.value_or("-") + "|" + row.payload);
    return content;
}

std::size_t storedCount(const std::vector<core::DeliveryResult>& results, core::DeliveryOutcome outcome) {
    return static_cast<std::size_t>(std::count_if(results.begin(), results.end(),
                                                  [&](const core::DeliveryResult& r) { return r.outcome == outcome; }));
}

TEST(Bundle, RoundTripCarriesEveryRowAsASubmissionOfOneStep) {
    const core::ResponseStore station = stationWith(7);
    const CollectionKeys keys = CollectionKeys::generate();
    const std::vector<unsigned char> bundle = bundleOf(station, keys.publicKey());

    const OpenBundleResult opened = openBundle(bundle, keys, ExpectedSurvey{"team-pulse", 3});
    ASSERT_TRUE(opened.ok()) << opened.refusal.message;
    EXPECT_EQ(opened.opened->header.collection, keys.id());
    EXPECT_EQ(opened.opened->header.surveyId, "team-pulse");
    EXPECT_EQ(opened.opened->header.surveyVersion, 3u);
    ASSERT_EQ(opened.opened->deliveries.size(), 14u);
    for (const core::Delivery& delivery : opened.opened->deliveries)
        EXPECT_EQ(delivery.submission.responses.size(), 1u) << "one step per submission: rows stay unlinked";

    core::ResponseStore collector = core::ResponseStore::open(":memory:");
    const auto results = collector.submitOnce(opened.opened->deliveries);
    EXPECT_EQ(storedCount(results, core::DeliveryOutcome::Stored), 14u);
    EXPECT_EQ(contentOf(collector.responses()), contentOf(station.responses()));
    EXPECT_EQ(collector.participants("team-pulse"), 7u);
}

TEST(Bundle, ImportingTheSameBundleTwiceChangesNothing) {
    const core::ResponseStore station = stationWith(5);
    const CollectionKeys keys = CollectionKeys::generate();
    const std::vector<unsigned char> bundle = bundleOf(station, keys.publicKey());
    core::ResponseStore collector = core::ResponseStore::open(":memory:");
    collector.submitOnce(openBundle(bundle, keys).opened->deliveries);

    const auto again = collector.submitOnce(openBundle(bundle, keys).opened->deliveries);
    EXPECT_EQ(storedCount(again, core::DeliveryOutcome::AlreadyDelivered), 10u);
    EXPECT_EQ(collector.count(), 10u);
}

TEST(Bundle, ALaterBundleOfTheSameStationAddsOnlyItsNewRows) {
    core::ResponseStore station = stationWith(3);
    const CollectionKeys keys = CollectionKeys::generate();
    core::ResponseStore collector = core::ResponseStore::open(":memory:");
    collector.submitOnce(openBundle(bundleOf(station, keys.publicKey()), keys).opened->deliveries);

    core::Submission more;
    more.surveyId = "team-pulse";
    more.surveyVersion = 3;
    more.responses = {{"signs", "diagnostic_signs", "1.2.0", R"({"answers":{"q1":4}})"}};
    station.submit(more);
    const auto results = collector.submitOnce(openBundle(bundleOf(station, keys.publicKey()), keys).opened->deliveries);
    EXPECT_EQ(storedCount(results, core::DeliveryOutcome::Stored), 1u);
    EXPECT_EQ(storedCount(results, core::DeliveryOutcome::AlreadyDelivered), 6u);
    EXPECT_EQ(collector.count(), 7u);
}

TEST(Bundle, IdsAreStablePerRowButDifferPerCollectionAndHideTheRowId) {
    const CollectionKeys a = CollectionKeys::generate();
    const CollectionKeys b = CollectionKeys::generate();
    const std::string row = "0123456789abcdef0123456789abcdef";
    EXPECT_EQ(bundleSubmissionId(row, a.publicKey()), bundleSubmissionId(row, a.publicKey()));
    EXPECT_NE(bundleSubmissionId(row, a.publicKey()), bundleSubmissionId(row, b.publicKey()));
    EXPECT_NE(bundleSubmissionId(row, a.publicKey()), row);
    EXPECT_TRUE(SubmissionId::fromText(bundleSubmissionId(row, a.publicKey())));
}

TEST(Bundle, TheHeaderIsReadableWithoutAKeyAndSaysNoMore) {
    const core::ResponseStore station = stationWith(2);
    const CollectionKeys keys = CollectionKeys::generate();
    const std::vector<unsigned char> bundle = bundleOf(station, keys.publicKey());
    const BundleHeaderResult header = readBundleHeader(bundle.data(), bundle.size());
    ASSERT_TRUE(header.header) << header.refusal.message;
    EXPECT_EQ(header.header->collection, keys.id());
    EXPECT_EQ(header.header->surveyId, "team-pulse");
    const std::string text(bundle.begin(), bundle.end());
    EXPECT_EQ(text.find("diagnostic_signs"), std::string::npos) << "no step, module or answer outside the seal";
    EXPECT_EQ(text.find("Marketing"), std::string::npos);
}

TEST(Bundle, AnotherCollectionIsRefusedNamingBoth) {
    const CollectionKeys ours = CollectionKeys::generate();
    const CollectionKeys theirs = CollectionKeys::generate();
    const OpenBundleResult result = openBundle(bundleOf(stationWith(1), theirs.publicKey()), ours);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.refusal.reason, BundleRefusalReason::OtherCollection);
    EXPECT_EQ(result.refusal.message, "sealed for collection " + theirs.id().text() + ", this store's collection is " +
                                          ours.id().text());
}

TEST(Bundle, AnotherSurveyOrVersionIsRefusedSayingWhich) {
    const CollectionKeys keys = CollectionKeys::generate();
    const std::vector<unsigned char> bundle = bundleOf(stationWith(1), keys.publicKey());
    const OpenBundleResult survey = openBundle(bundle, keys, ExpectedSurvey{"workshop", 3});
    ASSERT_FALSE(survey.ok());
    EXPECT_EQ(survey.refusal.reason, BundleRefusalReason::OtherSurvey);
    EXPECT_EQ(survey.refusal.message, "holds survey 'team-pulse', this store collects survey 'workshop'");
    const OpenBundleResult version = openBundle(bundle, keys, ExpectedSurvey{"team-pulse", 4});
    ASSERT_FALSE(version.ok());
    EXPECT_EQ(version.refusal.reason, BundleRefusalReason::OtherSurveyVersion);
    EXPECT_EQ(version.refusal.message, "holds version 3 of survey 'team-pulse', this store collects version 4");
}

TEST(Bundle, RowsOfAnotherSurveyCannotBeBundled) {
    const core::ResponseStore station = stationWith(1, "team-pulse", 2);
    EXPECT_THROW(writeBundle(station.responses(), "team-pulse", 3, CollectionKeys::generate().publicKey()),
                 BundleError);
}

TEST(Bundle, TruncatedDamagedAndForeignFilesAreRefusedSayingWhich) {
    const CollectionKeys keys = CollectionKeys::generate();
    const std::vector<unsigned char> bundle = bundleOf(stationWith(2), keys.publicKey());
    const auto reasonFor = [&keys](const std::vector<unsigned char>& bytes) {
        const OpenBundleResult result = openBundle(bytes, keys);
        EXPECT_FALSE(result.ok());
        EXPECT_FALSE(result.refusal.message.empty());
        return result.ok() ? "accepted" : std::string(bundleRefusalName(result.refusal.reason));
    };
    for (std::size_t cut : {std::size_t{3}, std::size_t{10}, std::size_t{60}, bundle.size() / 2, bundle.size() - 1})
        EXPECT_EQ(reasonFor({bundle.begin(), bundle.begin() + static_cast<std::ptrdiff_t>(cut)}), "truncated")
            << "cut at " << cut;
    std::vector<unsigned char> longer = bundle;
    longer.push_back(0);
    EXPECT_EQ(reasonFor(longer), "damaged");
    std::vector<unsigned char> flipped = bundle;
    flipped[bundle.size() - 100] ^= 1;
    EXPECT_EQ(reasonFor(flipped), "damaged");
    std::vector<unsigned char> renamed = bundle; // the outside is bound to the content: a changed survey id fails
    renamed[15] ^= 0x20;
    EXPECT_EQ(reasonFor(renamed), "damaged");
    std::vector<unsigned char> newer = bundle;
    newer[4] = 2;
    EXPECT_EQ(reasonFor(newer), "unknown_version");
    const std::string notes = "precious notes, not a bundle";
    EXPECT_EQ(reasonFor({notes.begin(), notes.end()}), "not_a_bundle");
    EXPECT_EQ(reasonFor({}), "not_a_bundle");
    std::vector<unsigned char> rekeyed = bundle; // the right collection id over a content key sealed to another key
    const CollectionKeys other = CollectionKeys::generate();
    const std::vector<unsigned char> foreign = bundleOf(stationWith(2), other.publicKey());
    std::copy_n(foreign.begin() + 15 + 10 + 4, 80, rekeyed.begin() + 15 + 10 + 4);
    EXPECT_EQ(reasonFor(rekeyed), "cannot_open");
}

TEST(Bundle, ABodyIsCheckedAsTheImporterChecksIt) {
    const CollectionKeys keys = CollectionKeys::generate();
    const BundleHeader header{keys.id(), "team-pulse", 3};
    const std::vector<unsigned char> body = encodeBundleBody(stationWith(2).responses(), header, keys.publicKey());
    const OpenBundleResult good = decodeBundleBody(body.data(), body.size(), header);
    ASSERT_TRUE(good.ok()) << good.refusal.message;
    EXPECT_EQ(good.opened->deliveries.size(), 4u);
    const OpenBundleResult cut = decodeBundleBody(body.data(), body.size() - 1, header);
    ASSERT_FALSE(cut.ok());
    EXPECT_EQ(cut.refusal.reason, BundleRefusalReason::Damaged);
    std::vector<unsigned char> broken = body; // the last answer's JSON length points past its plaintext
    broken[body.size() - 1024 + 4] = 0xff;
    const OpenBundleResult badRow = decodeBundleBody(broken.data(), broken.size(), header);
    ASSERT_FALSE(badRow.ok());
    EXPECT_NE(badRow.refusal.message.find("answer 4 of 4"), std::string::npos) << badRow.refusal.message;
    const BundleHeader otherVersion{keys.id(), "team-pulse", 4};
    EXPECT_FALSE(decodeBundleBody(body.data(), body.size(), otherVersion).ok());
}

} // namespace
} // namespace alignkiosk::collection
