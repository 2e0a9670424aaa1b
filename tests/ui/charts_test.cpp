// The charts' pure layout helpers, without an ImGui frame: colour ramps, value -> colour, contrast, ticks, label
// placement, stacked segments, ellipsis and the heatmap's geometry. Expected values are worked out by hand.
#include "ui/charts.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace {

namespace charts = alignkiosk::ui::charts;
using alignkiosk::core::AgreementLevel;
using alignkiosk::ui::Theme;

constexpr ImU32 kBlack = IM_COL32(0, 0, 0, 255);
constexpr ImU32 kWhite = IM_COL32(255, 255, 255, 255);

// Ten pixels per UTF-8 character: a stand-in font for the layout helpers.
float tenPerCharacter(std::string_view text) {
    float width = 0.0f;
    for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0u) != 0x80u) width += 10.0f;
    return width;
}

TEST(ChartsTest, DivergingRampHitsItsStopsAtTheEndsAndTheMiddle) {
    const Theme theme;
    for (const auto& palette : {theme.dashboard, theme.projection}) {
        const charts::ColorRamp ramp = charts::divergingRamp(palette);
        EXPECT_EQ(ramp.at(0.0f), palette.rampLow);
        EXPECT_EQ(ramp.at(0.5f), palette.rampMid);
        EXPECT_EQ(ramp.at(1.0f), palette.rampHigh);
        EXPECT_EQ(ramp.at(-3.0f), palette.rampLow); // clamped
        EXPECT_EQ(ramp.at(7.0f), palette.rampHigh);
    }
    const charts::ColorRamp sequential = charts::sequentialRamp(theme.dashboard);
    EXPECT_EQ(sequential.at(0.0f), theme.dashboard.rampMid);
    EXPECT_EQ(sequential.at(1.0f), theme.dashboard.rampHigh);
}

TEST(ChartsTest, LerpMixesEveryChannel) {
    EXPECT_EQ(charts::lerpColor(kBlack, kWhite, 0.0f), kBlack);
    EXPECT_EQ(charts::lerpColor(kBlack, kWhite, 1.0f), kWhite);
    // 255 * 0.5 = 127.5, rounded half away from zero.
    EXPECT_EQ(charts::lerpColor(kBlack, kWhite, 0.5f), IM_COL32(128, 128, 128, 255));
    EXPECT_EQ(charts::lerpColor(IM_COL32(0, 100, 200, 0), IM_COL32(100, 0, 200, 255), 0.25f),
              IM_COL32(25, 75, 200, 64)); // 255 * 0.25 = 63.75 -> 64
    EXPECT_EQ(charts::ColorRamp().at(0.3f), kBlack);
}

TEST(ChartsTest, ScaleColourPutsTheScaleMidpointOnTheRampMidpoint) {
    const Theme theme;
    const charts::ColorRamp ramp = charts::divergingRamp(theme.dashboard);
    EXPECT_EQ(charts::scaleColor(ramp, 1.0, 1, 5), theme.dashboard.rampLow);
    EXPECT_EQ(charts::scaleColor(ramp, 3.0, 1, 5), theme.dashboard.rampMid);
    EXPECT_EQ(charts::scaleColor(ramp, 5.0, 1, 5), theme.dashboard.rampHigh);
    EXPECT_EQ(charts::scaleColor(ramp, 4.0, 1, 7), theme.dashboard.rampMid); // 7-point scale
    EXPECT_EQ(charts::scaleColor(ramp, 0.0, 0, 10), theme.dashboard.rampLow);
    EXPECT_FLOAT_EQ(charts::rampPosition(2.0, 1.0, 5.0), 0.25f);
    EXPECT_FLOAT_EQ(charts::rampPosition(9.0, 1.0, 5.0), 1.0f);
    EXPECT_FLOAT_EQ(charts::rampPosition(2.0, 3.0, 3.0), 0.5f); // an empty range
    EXPECT_EQ(charts::pointColor(ramp, 0, 5), theme.dashboard.rampLow);
    EXPECT_EQ(charts::pointColor(ramp, 2, 5), theme.dashboard.rampMid);
    EXPECT_EQ(charts::pointColor(ramp, 4, 5), theme.dashboard.rampHigh);
}

TEST(ChartsTest, CellColourIsMonotonicOnEachSideOfTheMidpoint) {
    // Lighter towards the midpoint, darker towards either end: the further a mean is from the middle of its scale,
    // the stronger its cell, in both palettes.
    const Theme theme;
    for (const auto& palette : {theme.dashboard, theme.projection}) {
        const charts::ColorRamp ramp = charts::divergingRamp(palette);
        float previous = charts::relativeLuminance(charts::scaleColor(ramp, 1.0, 1, 5));
        for (int step = 1; step <= 20; ++step) {
            const float luminance = charts::relativeLuminance(charts::scaleColor(ramp, 1.0 + 0.1 * step, 1, 5));
            EXPECT_GT(luminance, previous) << "mean " << 1.0 + 0.1 * step;
            previous = luminance;
        }
        for (int step = 1; step <= 20; ++step) {
            const float luminance = charts::relativeLuminance(charts::scaleColor(ramp, 3.0 + 0.1 * step, 1, 5));
            EXPECT_LT(luminance, previous) << "mean " << 3.0 + 0.1 * step;
            previous = luminance;
        }
    }
}

TEST(ChartsTest, LuminanceContrastAndReadableText) {
    EXPECT_FLOAT_EQ(charts::relativeLuminance(kWhite), 1.0f);
    EXPECT_FLOAT_EQ(charts::relativeLuminance(kBlack), 0.0f);
    // Pure green: 0.7152 of white (WCAG 2.0 coefficients).
    EXPECT_NEAR(charts::relativeLuminance(IM_COL32(0, 255, 0, 255)), 0.7152f, 1e-5f);
    EXPECT_NEAR(charts::contrastRatio(kBlack, kWhite), 21.0f, 1e-4f); // (1 + .05) / (0 + .05)
    EXPECT_NEAR(charts::contrastRatio(kWhite, kBlack), 21.0f, 1e-4f);
    EXPECT_EQ(charts::readableOn(kWhite, kBlack, kWhite), kBlack);
    const Theme theme;
    EXPECT_EQ(charts::readableOn(theme.dashboard.rampLow, kBlack, kWhite), kWhite);
    EXPECT_EQ(charts::readableOn(theme.dashboard.rampMid, kBlack, kWhite), kBlack);
    EXPECT_EQ(charts::readableOn(theme.projection.rampHigh, kBlack, kWhite), kWhite);
    // Projection text on its background is as strong as it gets.
    EXPECT_NEAR(charts::contrastRatio(theme.projection.text, theme.projection.background), 21.0f, 1e-4f);
    EXPECT_GT(charts::contrastRatio(theme.projection.muted, theme.projection.background),
              charts::contrastRatio(theme.dashboard.muted, theme.dashboard.background));
}

TEST(ChartsTest, NiceTicksRoundOutTheRange) {
    // range nice(47) = 50, step nice(50 / 4 = 12.5) = 10, from floor(0/10)*10 to ceil(47/10)*10.
    EXPECT_EQ(charts::niceTicks(0.0, 47.0, 5), (std::vector<double>{0, 10, 20, 30, 40, 50}));
    // range nice(3) = 5, step nice(1.25) = 1.
    EXPECT_EQ(charts::niceTicks(0.0, 3.0, 5), (std::vector<double>{0, 1, 2, 3}));
    // range nice(1e6) = 1e6, step nice(250000) = 200000.
    EXPECT_EQ(charts::niceTicks(0.0, 1e6, 5), (std::vector<double>{0, 2e5, 4e5, 6e5, 8e5, 1e6}));
    // range nice(2.4) = 5, step nice(1.25) = 1: 2..5.
    EXPECT_EQ(charts::niceTicks(2.3, 4.7, 5), (std::vector<double>{2, 3, 4, 5}));
    // Two ticks at most: range nice(47) = 50, step nice(50) = 50.
    EXPECT_EQ(charts::niceTicks(0.0, 47.0, 2), (std::vector<double>{0, 50}));
    // An empty range still gets an axis; reversed bounds are swapped.
    const std::vector<double> flat = charts::niceTicks(4.0, 4.0, 3);
    ASSERT_GE(flat.size(), 2u);
    EXPECT_LE(flat.front(), 4.0);
    EXPECT_GE(flat.back(), 5.0);
    EXPECT_EQ(charts::niceTicks(47.0, 0.0, 5), charts::niceTicks(0.0, 47.0, 5));
}

TEST(ChartsTest, TickBudgetLeavesHalfALabelBetweenLabels) {
    EXPECT_EQ(charts::tickBudget(600.0f, 100.0f), 4); // 600 / 150
    EXPECT_EQ(charts::tickBudget(10.0f, 100.0f), 2);  // never fewer than the two ends
    EXPECT_EQ(charts::tickBudget(600.0f, 0.0f), 2);
}

TEST(ChartsTest, NumbersAreFormattedForReadingAcrossTheRoom) {
    EXPECT_EQ(charts::formatCount(0), "0");
    EXPECT_EQ(charts::formatCount(999), "999");
    EXPECT_EQ(charts::formatCount(1000), "1,000");
    EXPECT_EQ(charts::formatCount(1000000), "1,000,000");
    EXPECT_EQ(charts::formatCount(1234567), "1,234,567");
    EXPECT_EQ(charts::formatFixed(3.456, 1), "3.5");
    EXPECT_EQ(charts::formatFixed(3.0, 0), "3");
    EXPECT_EQ(charts::formatFixed(-0.04, 1), "0.0"); // no "-0.0"
    EXPECT_EQ(charts::formatFixed(-1.25, 1), "-1.2"); // (binary -1.25 rounds to even)
    EXPECT_EQ(charts::formatFixed(std::nan(""), 2), "-");
}

TEST(ChartsTest, ValueLabelGoesInsideALongBarAndAfterAShortOne) {
    const charts::LabelPlacement inside = charts::placeValueLabel(200.0f, 50.0f, 10.0f);
    EXPECT_TRUE(inside.inside);
    EXPECT_FLOAT_EQ(inside.x, 140.0f); // 200 - 10 - 50
    const charts::LabelPlacement exact = charts::placeValueLabel(70.0f, 50.0f, 10.0f);
    EXPECT_TRUE(exact.inside); // 50 + 2 * 10 = 70 fits exactly
    EXPECT_FLOAT_EQ(exact.x, 10.0f);
    const charts::LabelPlacement after = charts::placeValueLabel(60.0f, 50.0f, 10.0f);
    EXPECT_FALSE(after.inside);
    EXPECT_FLOAT_EQ(after.x, 70.0f); // 60 + 10
}

TEST(ChartsTest, StackedSegmentsFollowEachOtherAndEndAtTheWidth) {
    const std::vector<charts::Segment> segments = charts::stackSegments({1, 0, 3}, 100.0f);
    ASSERT_EQ(segments.size(), 3u);
    EXPECT_FLOAT_EQ(segments[0].x0, 0.0f);
    EXPECT_FLOAT_EQ(segments[0].x1, 25.0f);
    EXPECT_DOUBLE_EQ(segments[0].share, 0.25);
    EXPECT_FLOAT_EQ(segments[1].x0, 25.0f); // nobody chose it: zero width
    EXPECT_FLOAT_EQ(segments[1].x1, 25.0f);
    EXPECT_DOUBLE_EQ(segments[1].share, 0.0);
    EXPECT_FLOAT_EQ(segments[2].x0, 25.0f);
    EXPECT_EQ(segments[2].x1, 100.0f);
    EXPECT_DOUBLE_EQ(segments[2].share, 0.75);

    const std::vector<charts::Segment> thirds = charts::stackSegments({1, 1, 1}, 100.0f);
    EXPECT_EQ(thirds[0].x1, thirds[1].x0);
    EXPECT_EQ(thirds[1].x1, thirds[2].x0);
    EXPECT_EQ(thirds[2].x1, 100.0f); // exactly, however 1/3 rounds

    // A million answers and one: the one still gets its own (tiny) segment and the edges still meet.
    const std::vector<charts::Segment> lopsided = charts::stackSegments({1000000, 1}, 500.0f);
    EXPECT_GT(lopsided[1].x1 - lopsided[1].x0, 0.0f);
    EXPECT_EQ(lopsided[1].x1, 500.0f);

    for (const charts::Segment& segment : charts::stackSegments({0, 0}, 100.0f)) {
        EXPECT_EQ(segment.x0, segment.x1);
        EXPECT_EQ(segment.share, 0.0);
    }
}

TEST(ChartsTest, EllipsizeCutsAtACharacterBoundaryToFit) {
    EXPECT_EQ(charts::ellipsize("Value language", 200.0f, tenPerCharacter), "Value language");
    EXPECT_EQ(charts::ellipsize("Value language", 140.0f, tenPerCharacter), "Value language"); // exactly fits
    // 8 characters fit: 7 kept + the ellipsis.
    EXPECT_EQ(charts::ellipsize("Value language", 80.0f, tenPerCharacter), "Value l\xE2\x80\xA6");
    // 6 fit: "Value " would end in a space, which is dropped.
    EXPECT_EQ(charts::ellipsize("Value language", 65.0f, tenPerCharacter), "Value\xE2\x80\xA6");
    // Two-byte characters are never split.
    EXPECT_EQ(charts::ellipsize("\xC3\x9C" "berstra\xC3\x9F" "e", 40.0f, tenPerCharacter), "\xC3\x9C" "be\xE2\x80\xA6");
    EXPECT_EQ(charts::ellipsize("Value language", 60.0f, tenPerCharacter, "..."), "Val...");
    EXPECT_EQ(charts::ellipsize("Value language", 10.0f, tenPerCharacter), "\xE2\x80\xA6");
    EXPECT_EQ(charts::ellipsize("Value language", 5.0f, tenPerCharacter), ""); // not even the ellipsis fits
}

TEST(ChartsTest, MoreAgreementMeansMoreInk) {
    EXPECT_EQ(charts::agreementMark(AgreementLevel::Unknown), charts::MarkShape::None);
    EXPECT_EQ(charts::agreementMark(AgreementLevel::None), charts::MarkShape::Cross);
    EXPECT_EQ(charts::agreementMark(AgreementLevel::Weak), charts::MarkShape::ThinRing);
    EXPECT_EQ(charts::agreementMark(AgreementLevel::Moderate), charts::MarkShape::HalfDot);
    EXPECT_EQ(charts::agreementMark(AgreementLevel::Strong), charts::MarkShape::Dot);
    EXPECT_EQ(charts::agreementMark(AgreementLevel::VeryStrong), charts::MarkShape::DotInRing);
    // Every band its own mark.
    const AgreementLevel levels[] = {AgreementLevel::None, AgreementLevel::Weak, AgreementLevel::Moderate,
                                     AgreementLevel::Strong, AgreementLevel::VeryStrong};
    for (std::size_t i = 1; i < std::size(levels); ++i)
        EXPECT_NE(charts::agreementMark(levels[i - 1]), charts::agreementMark(levels[i]));
}

TEST(ChartsTest, HeatmapGeometryPlacesCellsAndFindsRowsAndColumns) {
    const charts::HeatmapGeometry geometry =
        charts::layoutHeatmap(ImVec2(10.0f, 20.0f), 1000.0f, 300.0f, 50.0f, 40.0f, 12, 5, 200.0f);
    EXPECT_FLOAT_EQ(geometry.cellWidth, 140.0f); // (1000 - 300) / 5, under the 200 cap
    EXPECT_FLOAT_EQ(geometry.width(), 1000.0f);
    EXPECT_FLOAT_EQ(geometry.height(), 530.0f); // 50 + 12 * 40
    const ImVec2 min = geometry.cellMin(2, 3);
    EXPECT_FLOAT_EQ(min.x, 730.0f); // 10 + 300 + 3 * 140
    EXPECT_FLOAT_EQ(min.y, 150.0f); // 20 + 50 + 2 * 40
    const ImVec2 max = geometry.cellMax(2, 3);
    EXPECT_FLOAT_EQ(max.x, 870.0f);
    EXPECT_FLOAT_EQ(max.y, 190.0f);

    EXPECT_EQ(geometry.rowAt(69.0f), -1);  // the header
    EXPECT_EQ(geometry.rowAt(70.0f), 0);
    EXPECT_EQ(geometry.rowAt(109.0f), 0);
    EXPECT_EQ(geometry.rowAt(110.0f), 1);
    EXPECT_EQ(geometry.rowAt(549.0f), 11);
    EXPECT_EQ(geometry.rowAt(550.0f), -1); // below the last row
    EXPECT_EQ(geometry.columnAt(305.0f), -1); // the label column
    EXPECT_EQ(geometry.columnAt(310.0f), 0);
    EXPECT_EQ(geometry.columnAt(871.0f), 4);
    EXPECT_EQ(geometry.columnAt(1010.0f), -1);

    // Two columns on a wide screen stay at the cap instead of stretching.
    const charts::HeatmapGeometry narrow =
        charts::layoutHeatmap(ImVec2(0.0f, 0.0f), 1000.0f, 300.0f, 50.0f, 40.0f, 3, 2, 200.0f);
    EXPECT_FLOAT_EQ(narrow.cellWidth, 200.0f);
    EXPECT_FLOAT_EQ(narrow.width(), 700.0f);
}

} // namespace
