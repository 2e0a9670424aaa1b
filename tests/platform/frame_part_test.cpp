// keepOnlyPart: a frame cut down to a part of the window keeps every triangle that reaches into the part, clips every
// command to it, and leaves the rest out, so software GL neither shades nor rasterises what lies outside.
#include "platform/frame_part.h"

#include "support/headless_imgui.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <vector>

namespace alignkiosk::platform {
namespace {

class FramePartTest : public ::testing::Test {
protected:
    FramePartTest() : m_imgui(ImVec2(800.0f, 600.0f)) {
        m_imgui.addDefaultFont(13.0f);
        m_imgui.buildFontAtlas();
    }

    // One frame: a filled square at each of `corners` (top-left, 20 px wide) in a full-window draw list.
    ImDrawData& frameWithSquares(const std::vector<ImVec2>& corners) {
        ImGui::NewFrame();
        ImDrawList* drawList = ImGui::GetForegroundDrawList();
        for (const ImVec2& corner : corners)
            drawList->AddRectFilled(corner, ImVec2(corner.x + 20.0f, corner.y + 20.0f), IM_COL32(0, 0, 0, 255));
        ImGui::Render();
        return *ImGui::GetDrawData();
    }

    // The top-left corners of the triangles' bounding boxes, per triangle, over every command.
    static std::vector<ImVec2> triangleCorners(const ImDrawData& data) {
        std::vector<ImVec2> corners;
        for (int list = 0; list < data.CmdListsCount; ++list) {
            const ImDrawList& drawList = *data.CmdLists[list];
            for (const ImDrawCmd& command : drawList.CmdBuffer)
                for (unsigned int i = 0; i + 2 < command.ElemCount; i += 3) {
                    ImVec2 corner(1e9f, 1e9f);
                    for (unsigned int k = 0; k < 3; ++k) {
                        const ImDrawIdx index = drawList.IdxBuffer[static_cast<int>(command.IdxOffset + i + k)];
                        const ImVec2 pos = drawList.VtxBuffer[static_cast<int>(command.VtxOffset + index)].pos;
                        corner = ImVec2(std::min(corner.x, pos.x), std::min(corner.y, pos.y));
                    }
                    corners.push_back(corner);
                }
        }
        return corners;
    }

    test_support::HeadlessImGui m_imgui;
};

TEST_F(FramePartTest, KeepsOnlyTheTrianglesThatReachIntoThePart) {
    ImDrawData& data = frameWithSquares({ImVec2(10.0f, 10.0f), ImVec2(400.0f, 300.0f), ImVec2(700.0f, 500.0f)});
    ASSERT_GE(triangleCorners(data).size(), 6u) << "two triangles a square at least";

    keepOnlyPart(data, ui::ScreenRect{ImVec2(390.0f, 290.0f), ImVec2(430.0f, 330.0f)});

    const std::vector<ImVec2> kept = triangleCorners(data);
    ASSERT_FALSE(kept.empty()) << "the square in the part is drawn";
    for (const ImVec2& corner : kept) {
        EXPECT_GE(corner.x, 399.0f) << "a triangle outside the part was kept";
        EXPECT_GE(corner.y, 299.0f);
        EXPECT_LT(corner.x, 430.0f);
        EXPECT_LT(corner.y, 330.0f);
    }
}

TEST_F(FramePartTest, ATrianglePartlyInsideIsKeptAndEveryCommandIsClippedToThePart) {
    ImDrawData& data = frameWithSquares({ImVec2(100.0f, 100.0f)});
    const std::size_t before = triangleCorners(data).size();

    // The part takes in only the square's bottom-right corner.
    const ui::ScreenRect part{ImVec2(115.0f, 115.0f), ImVec2(200.0f, 200.0f)};
    keepOnlyPart(data, part);

    EXPECT_EQ(triangleCorners(data).size(), before) << "the square reaches into the part: all of it is kept";
    for (int list = 0; list < data.CmdListsCount; ++list)
        for (const ImDrawCmd& command : data.CmdLists[list]->CmdBuffer) {
            EXPECT_GE(command.ClipRect.x, part.min.x);
            EXPECT_GE(command.ClipRect.y, part.min.y);
            EXPECT_LE(command.ClipRect.z, part.max.x);
            EXPECT_LE(command.ClipRect.w, part.max.y);
        }
}

TEST_F(FramePartTest, APartThatHoldsNothingLeavesNothingToDraw) {
    ImDrawData& data = frameWithSquares({ImVec2(10.0f, 10.0f), ImVec2(700.0f, 500.0f)});
    keepOnlyPart(data, ui::ScreenRect{ImVec2(300.0f, 300.0f), ImVec2(320.0f, 320.0f)});
    EXPECT_TRUE(triangleCorners(data).empty());
    for (int list = 0; list < data.CmdListsCount; ++list)
        EXPECT_EQ(data.CmdLists[list]->IdxBuffer.Size, 0) << "the index buffer uploaded to GL shrinks too";
}

} // namespace
} // namespace alignkiosk::platform
