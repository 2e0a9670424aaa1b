// A module's blocks as the host copies them out of the plugin's call (alignkiosk_report_block_v1).
#include "report/report_blocks.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace {

using alignkiosk::report::Block;
using alignkiosk::report::blockFromAbi;

alignkiosk_report_block_v1 raw(uint32_t kind) {
    return alignkiosk_report_block_v1{sizeof(alignkiosk_report_block_v1), kind, "text", nullptr, 0, false, 0.0, 0.0,
                                      "value", "series"};
}

TEST(ReportBlocks, CopiesEveryKind) {
    const auto heading = blockFromAbi(raw(ALIGNKIOSK_REPORT_HEADING));
    ASSERT_TRUE(heading);
    EXPECT_EQ(heading->kind, Block::Kind::Heading);
    EXPECT_EQ(heading->text, "text");

    const char* cells[] = {"Group", "Mean"};
    alignkiosk_report_block_v1 row = raw(ALIGNKIOSK_REPORT_TABLE_ROW);
    row.cells = cells;
    row.cell_count = 2;
    row.emphasis = true;
    const auto table = blockFromAbi(row);
    ASSERT_TRUE(table);
    EXPECT_EQ(table->kind, Block::Kind::TableRow);
    EXPECT_EQ(table->cells, (std::vector<std::string>{"Group", "Mean"}));
    EXPECT_TRUE(table->emphasis);

    alignkiosk_report_block_v1 statistic = raw(ALIGNKIOSK_REPORT_STATISTIC);
    statistic.value_text = nullptr; // NULL reads as empty
    const auto copied = blockFromAbi(statistic);
    ASSERT_TRUE(copied);
    EXPECT_EQ(copied->valueText, "");
}

TEST(ReportBlocks, BarsAreClampedAndNeedAMaximum) {
    alignkiosk_report_block_v1 bar = raw(ALIGNKIOSK_REPORT_BAR);
    bar.value = 12.0;
    bar.maximum = 10.0;
    const auto clamped = blockFromAbi(bar);
    ASSERT_TRUE(clamped);
    EXPECT_DOUBLE_EQ(clamped->value, 10.0);
    EXPECT_EQ(clamped->series, "series");
    bar.value = -3.0;
    EXPECT_DOUBLE_EQ(blockFromAbi(bar)->value, 0.0);
    bar.maximum = 0.0;
    EXPECT_FALSE(blockFromAbi(bar));
    bar.maximum = NAN;
    EXPECT_FALSE(blockFromAbi(bar));
}

TEST(ReportBlocks, AnUnknownKindOrMissingCellsAreSkipped) {
    EXPECT_FALSE(blockFromAbi(raw(99)));
    alignkiosk_report_block_v1 row = raw(ALIGNKIOSK_REPORT_TABLE_ROW);
    row.cell_count = 3; // but no cells
    EXPECT_FALSE(blockFromAbi(row));
}

} // namespace
