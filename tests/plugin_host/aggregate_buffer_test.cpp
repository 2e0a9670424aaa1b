// AggregateBuffer: the C view of one module's dashboard aggregate keeps every field, owns its storage, and never
// wraps a count too large for the ABI's uint32_t.
#include "plugin_host/aggregate_buffer.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace {

using alignkiosk::core::ModuleAggregate;
using alignkiosk::core::ModuleGroupAggregate;
using alignkiosk::core::QuestionCounts;
using alignkiosk::plugin_host::AggregateBuffer;

// Two shown groups of a diagnostic-signs step: everyone (12) and one team (6).
ModuleAggregate signsAggregate() {
    ModuleAggregate aggregate;
    aggregate.stepId = "signs";
    aggregate.moduleId = "diagnostic_signs";
    aggregate.groups.push_back(ModuleGroupAggregate{
        "ALL", 12, {QuestionCounts{"sign_teams", {1, 2, 3, 4, 2}, 12}, QuestionCounts{"metric_sales", {0, 5, 5}, 10}}});
    aggregate.groups.push_back(ModuleGroupAggregate{
        "A team name long enough to live outside the small-string buffer", 6,
        {QuestionCounts{"sign_teams", {0, 0, 1, 2, 3}, 6}}});
    return aggregate;
}

std::vector<uint32_t> counts(const alignkiosk_item_distribution_v1& item) {
    return std::vector<uint32_t>(item.counts, item.counts + item.count_length);
}

TEST(AggregateBuffer, KeepsEveryField) {
    const AggregateBuffer buffer(signsAggregate());
    EXPECT_EQ(buffer.stepId(), "signs");
    EXPECT_EQ(buffer.moduleId(), "diagnostic_signs");
    ASSERT_EQ(buffer.groupCount(), 2u);
    ASSERT_NE(buffer.groups(), nullptr);

    const alignkiosk_aggregate_v1& everyone = buffer.groups()[0];
    EXPECT_EQ(everyone.struct_size, sizeof(alignkiosk_aggregate_v1));
    EXPECT_STREQ(everyone.group_label, "ALL"); // the group's own name unless the caller gives a word for everyone
    EXPECT_EQ(everyone.response_count, 12u);
    ASSERT_EQ(everyone.item_count, 2u);
    EXPECT_EQ(everyone.items[0].struct_size, sizeof(alignkiosk_item_distribution_v1));
    EXPECT_STREQ(everyone.items[0].question_id, "sign_teams");
    EXPECT_EQ(counts(everyone.items[0]), (std::vector<uint32_t>{1, 2, 3, 4, 2}));
    EXPECT_EQ(everyone.items[0].answered, 12u);
    EXPECT_STREQ(everyone.items[1].question_id, "metric_sales");
    EXPECT_EQ(counts(everyone.items[1]), (std::vector<uint32_t>{0, 5, 5}));
    EXPECT_EQ(everyone.items[1].answered, 10u);

    const alignkiosk_aggregate_v1& team = buffer.groups()[1];
    EXPECT_EQ(team.struct_size, sizeof(alignkiosk_aggregate_v1));
    EXPECT_STREQ(team.group_label, "A team name long enough to live outside the small-string buffer");
    EXPECT_EQ(team.response_count, 6u);
    ASSERT_EQ(team.item_count, 1u);
    EXPECT_STREQ(team.items[0].question_id, "sign_teams");
    EXPECT_EQ(counts(team.items[0]), (std::vector<uint32_t>{0, 0, 1, 2, 3}));
    EXPECT_EQ(team.items[0].answered, 6u);
}

TEST(AggregateBuffer, NamesEveryoneWithTheCallersWordAndTeamsWithTheirOwn) {
    const AggregateBuffer buffer(signsAggregate(), "Everyone");
    ASSERT_EQ(buffer.groupCount(), 2u);
    EXPECT_STREQ(buffer.groups()[0].group_label, "Everyone");
    EXPECT_STREQ(buffer.groups()[1].group_label, "A team name long enough to live outside the small-string buffer");
}

TEST(AggregateBuffer, OwnsItsStorage) {
    auto source = std::make_unique<ModuleAggregate>(signsAggregate());
    const AggregateBuffer buffer(*source, "Alle");
    source.reset(); // nothing in the buffer may point into the caller's aggregate
    ASSERT_EQ(buffer.groupCount(), 2u);
    EXPECT_STREQ(buffer.groups()[0].group_label, "Alle");
    EXPECT_STREQ(buffer.groups()[0].items[1].question_id, "metric_sales");
    EXPECT_EQ(counts(buffer.groups()[0].items[1]), (std::vector<uint32_t>{0, 5, 5}));
    EXPECT_STREQ(buffer.groups()[1].items[0].question_id, "sign_teams");
}

TEST(AggregateBuffer, SaturatesCountsBeyondUint32) {
    constexpr uint64_t kHuge = 5'000'000'000ull; // > UINT32_MAX (4'294'967'295)
    ModuleAggregate aggregate;
    aggregate.groups.push_back(ModuleGroupAggregate{
        "ALL", kHuge, {QuestionCounts{"q", {kHuge, UINT32_MAX, uint64_t{UINT32_MAX} + 1, 7}, kHuge}}});
    const AggregateBuffer buffer(aggregate);
    ASSERT_EQ(buffer.groupCount(), 1u);
    const alignkiosk_aggregate_v1& group = buffer.groups()[0];
    EXPECT_EQ(group.response_count, UINT32_MAX);
    ASSERT_EQ(group.item_count, 1u);
    EXPECT_EQ(counts(group.items[0]), (std::vector<uint32_t>{UINT32_MAX, UINT32_MAX, UINT32_MAX, 7}));
    EXPECT_EQ(group.items[0].answered, UINT32_MAX);

    EXPECT_EQ(AggregateBuffer::saturate(0), 0u);
    EXPECT_EQ(AggregateBuffer::saturate(UINT32_MAX), UINT32_MAX);
    EXPECT_EQ(AggregateBuffer::saturate(uint64_t{UINT32_MAX} + 1), UINT32_MAX);
    EXPECT_EQ(AggregateBuffer::saturate(UINT64_MAX), UINT32_MAX);
}

TEST(AggregateBuffer, EmptyArraysAreNull) {
    const AggregateBuffer none(ModuleAggregate{"signs", "diagnostic_signs", {}, {}});
    EXPECT_EQ(none.groupCount(), 0u);
    EXPECT_EQ(none.groups(), nullptr);

    ModuleAggregate sparse;
    sparse.groups.push_back(ModuleGroupAggregate{"ALL", 5, {}});
    sparse.groups.push_back(ModuleGroupAggregate{"Sales", 5, {QuestionCounts{"q", {}, 0}}});
    const AggregateBuffer buffer(sparse);
    ASSERT_EQ(buffer.groupCount(), 2u);
    EXPECT_EQ(buffer.groups()[0].items, nullptr);
    EXPECT_EQ(buffer.groups()[0].item_count, 0u);
    ASSERT_EQ(buffer.groups()[1].item_count, 1u);
    EXPECT_EQ(buffer.groups()[1].items[0].counts, nullptr);
    EXPECT_EQ(buffer.groups()[1].items[0].count_length, 0u);
    EXPECT_EQ(buffer.groups()[1].items[0].answered, 0u);
}

} // namespace
