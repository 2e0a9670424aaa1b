// Page breaks: nothing placed crosses a page's end, a piece that does not fit starts the next page, a heading stays
// with what follows it, and a page is never left empty by a break.
#include "report/page_flow.h"

#include <gtest/gtest.h>

namespace {

using alignkiosk::report::PageFlow;

TEST(PageFlow, PiecesGoDownThePageAndOntoTheNextWhenFull) {
    PageFlow flow(50.0, 250.0); // 200 points of room
    EXPECT_EQ(flow.page(), 0);
    EXPECT_DOUBLE_EQ(flow.place(80.0), 50.0);
    EXPECT_EQ(flow.page(), 1);
    EXPECT_DOUBLE_EQ(flow.place(80.0), 130.0);
    // 40 left: a 50-point row is not cut, it starts page 2.
    EXPECT_DOUBLE_EQ(flow.place(50.0), 50.0);
    EXPECT_EQ(flow.page(), 2);
    EXPECT_DOUBLE_EQ(flow.y(), 100.0);
}

TEST(PageFlow, EveryPieceEndsWithinItsPage) {
    PageFlow flow(40.0, 300.0);
    for (int i = 1; i < 200; ++i) {
        const double height = 5.0 + (i * 37) % 90;
        const double top = flow.place(height);
        EXPECT_GE(top, 40.0);
        EXPECT_LE(top + height, 300.0) << "piece " << i << " cut at the page's end";
    }
    EXPECT_GT(flow.page(), 10);
}

TEST(PageFlow, KeepWithMovesAHeadingToTheNextPage) {
    PageFlow flow(0.0, 100.0);
    flow.place(70.0);
    // A 20-point heading fits, but not with the 20-point line that must follow it.
    EXPECT_DOUBLE_EQ(flow.place(20.0, 20.0), 0.0);
    EXPECT_EQ(flow.page(), 2);
}

TEST(PageFlow, ATallerPieceThanAPageGetsAPageOfItsOwn) {
    PageFlow flow(0.0, 100.0);
    flow.place(10.0);
    EXPECT_DOUBLE_EQ(flow.place(150.0), 0.0);
    EXPECT_EQ(flow.page(), 2);
    flow.place(10.0);
    EXPECT_EQ(flow.page(), 3);
}

TEST(PageFlow, ABreakOnAnEmptyPageAddsNoPage) {
    PageFlow flow(0.0, 100.0);
    flow.breakPage();
    EXPECT_EQ(flow.page(), 1);
    flow.breakPage();
    EXPECT_EQ(flow.page(), 1);
    flow.place(10.0);
    flow.breakPage();
    EXPECT_EQ(flow.page(), 2);
    EXPECT_TRUE(flow.atTop());
}

TEST(PageFlow, SkipStopsAtThePageEndAndNotAtItsTop) {
    PageFlow flow(10.0, 100.0);
    flow.place(20.0);
    flow.skip(500.0);
    EXPECT_DOUBLE_EQ(flow.remaining(), 0.0);
    flow.place(5.0);
    EXPECT_EQ(flow.page(), 2);
    EXPECT_DOUBLE_EQ(flow.y(), 15.0);
    flow.breakPage();
    flow.skip(30.0); // no gap above the first piece of a page
    EXPECT_DOUBLE_EQ(flow.y(), 10.0);
}

} // namespace
