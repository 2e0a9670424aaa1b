// Cutting a frame's draw data down to a part of the window, for a frame of which only that part changed: every draw
// command is clipped to the part, and triangles that lie wholly outside it are left out. Software GL shades every
// vertex it is given, clipped or not, so the second halves the cost of a small animation on a screen full of text.
#pragma once

#include "ui/widgets.h" // ScreenRect

struct ImDrawData;

namespace alignkiosk::platform {

// Call after ImGui::Render and before the backend renders the draw data. `part` in screen coordinates (the draw
// data's own, for the main viewport).
void keepOnlyPart(ImDrawData& drawData, const ui::ScreenRect& part);

} // namespace alignkiosk::platform
