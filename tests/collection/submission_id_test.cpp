#include "collection/submission_id.h"

#include <gtest/gtest.h>

#include <set>

namespace alignkiosk::collection {
namespace {

TEST(SubmissionIdTest, RandomIdsAreDistinctAndRoundTrip) {
    std::set<SubmissionId> ids;
    for (int i = 0; i < 1000; ++i) {
        const SubmissionId id = SubmissionId::random();
        const std::string text = id.text();
        ASSERT_EQ(text.size(), 32u);
        ASSERT_EQ(text.find_first_not_of("0123456789abcdef"), std::string::npos) << text;
        ASSERT_EQ(SubmissionId::fromText(text), id);
        ids.insert(id);
    }
    EXPECT_EQ(ids.size(), 1000u);
}

TEST(SubmissionIdTest, OnlyOneSpellingIsRead) {
    EXPECT_TRUE(SubmissionId::fromText("0123456789abcdef0123456789abcdef"));
    EXPECT_FALSE(SubmissionId::fromText("0123456789ABCDEF0123456789abcdef")) << "upper case";
    EXPECT_FALSE(SubmissionId::fromText("0123456789abcdef0123456789abcde")) << "31 digits";
    EXPECT_FALSE(SubmissionId::fromText("0123456789abcdef0123456789abcdef0")) << "33 digits";
    EXPECT_FALSE(SubmissionId::fromText("0123456789abcdef-123456789abcdef")) << "a dash";
    EXPECT_FALSE(SubmissionId::fromText(std::string(32, '0'))) << "all zeros";
    EXPECT_FALSE(SubmissionId::fromText(""));
}

} // namespace
} // namespace alignkiosk::collection
