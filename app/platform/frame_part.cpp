#include "frame_part.h"

#include <imgui.h>

#include <algorithm>

namespace alignkiosk::platform {

namespace {

bool triangleReaches(const ImDrawVert& a, const ImDrawVert& b, const ImDrawVert& c, const ui::ScreenRect& part) {
    const float left = std::min({a.pos.x, b.pos.x, c.pos.x});
    const float right = std::max({a.pos.x, b.pos.x, c.pos.x});
    const float top = std::min({a.pos.y, b.pos.y, c.pos.y});
    const float bottom = std::max({a.pos.y, b.pos.y, c.pos.y});
    return right >= part.min.x && left <= part.max.x && bottom >= part.min.y && top <= part.max.y;
}

} // namespace

void keepOnlyPart(ImDrawData& drawData, const ui::ScreenRect& part) {
    for (int list = 0; list < drawData.CmdListsCount; ++list) {
        ImDrawList& drawList = *drawData.CmdLists[list];
        // The triangles kept are moved down over the ones left out, command by command, in order.
        unsigned int kept = 0;
        for (ImDrawCmd& command : drawList.CmdBuffer) {
            ImVec4& clip = command.ClipRect;
            clip.x = std::max(clip.x, part.min.x);
            clip.y = std::max(clip.y, part.min.y);
            clip.z = std::min(clip.z, part.max.x);
            clip.w = std::min(clip.w, part.max.y);
            const unsigned int first = kept;
            const bool visible = clip.z > clip.x && clip.w > clip.y;
            if (visible && !command.UserCallback) {
                const ImDrawVert* vertices = drawList.VtxBuffer.Data + command.VtxOffset;
                const ImDrawIdx* indices = drawList.IdxBuffer.Data + command.IdxOffset;
                for (unsigned int i = 0; i + 2 < command.ElemCount; i += 3) {
                    if (!triangleReaches(vertices[indices[i]], vertices[indices[i + 1]], vertices[indices[i + 2]], part))
                        continue;
                    ImDrawIdx* out = drawList.IdxBuffer.Data + kept;
                    const ImDrawIdx a = indices[i];
                    const ImDrawIdx b = indices[i + 1];
                    const ImDrawIdx c = indices[i + 2];
                    out[0] = a;
                    out[1] = b;
                    out[2] = c;
                    kept += 3;
                }
            }
            command.IdxOffset = first;
            command.ElemCount = kept - first;
        }
        drawList.IdxBuffer.resize(static_cast<int>(kept));
    }
}

} // namespace alignkiosk::platform
