// The frame a plugin is handed: the kiosk's look for pages, the projection look for panels on a projector, and the
// normal fonts when the projection fonts were never added. Fonts are compared by identity: a made-up ImFont each.
#include "ui/plugin_frame.h"

#include <gtest/gtest.h>

namespace alignkiosk::ui {
namespace {

struct Fonts {
    ImFont body, heading, projectionBody, projectionHeading;
};

Theme themeWith(Fonts& fonts, bool projectionFonts) {
    Theme theme;
    theme.scale = 1.5f;
    theme.minTouchTarget = 96.0f;
    theme.body = &fonts.body;
    theme.heading = &fonts.heading;
    theme.accent = IM_COL32(1, 2, 3, 255);
    theme.projection.accent = IM_COL32(4, 5, 6, 255);
    if (projectionFonts) {
        theme.projectionBody = &fonts.projectionBody;
        theme.projectionHeading = &fonts.projectionHeading;
    }
    return theme;
}

TEST(PluginFrame, CarriesTheKiosksLook) {
    Fonts fonts;
    const alignkiosk_frame_v1 frame = pluginFrame(themeWith(fonts, true));
    EXPECT_EQ(frame.struct_size, sizeof(alignkiosk_frame_v1));
    EXPECT_FLOAT_EQ(frame.ui_scale, 1.5f);
    EXPECT_FLOAT_EQ(frame.min_touch_target, 96.0f);
    EXPECT_EQ(frame.body_font, &fonts.body);
    EXPECT_EQ(frame.heading_font, &fonts.heading);
    EXPECT_EQ(frame.accent_color, IM_COL32(1, 2, 3, 255));
}

TEST(PluginFrame, ProjectionTakesItsFontsAndAccent) {
    Fonts fonts;
    const alignkiosk_frame_v1 frame = pluginFrame(themeWith(fonts, true), true);
    EXPECT_EQ(frame.body_font, &fonts.projectionBody);
    EXPECT_EQ(frame.heading_font, &fonts.projectionHeading);
    EXPECT_EQ(frame.accent_color, IM_COL32(4, 5, 6, 255));
    EXPECT_FLOAT_EQ(frame.ui_scale, 1.5f);
}

TEST(PluginFrame, ProjectionWithoutItsFontsKeepsTheNormalOnes) {
    Fonts fonts;
    const alignkiosk_frame_v1 frame = pluginFrame(themeWith(fonts, false), true);
    EXPECT_EQ(frame.body_font, &fonts.body);
    EXPECT_EQ(frame.heading_font, &fonts.heading);
    EXPECT_EQ(frame.accent_color, IM_COL32(4, 5, 6, 255)); // the palette still changes
}

} // namespace
} // namespace alignkiosk::ui
