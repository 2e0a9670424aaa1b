// The stakeholder-mapping module's own look: its colours, and text wrapped at a given width. Everything else of the
// look (the frame's settings, fonts, wrapped and soft text, the big choice buttons) is the SDK's touch_ui.hpp.
#pragma once

#include <alignkiosk/touch_ui.hpp>

#include <imgui.h>

#include <cstddef>
#include <string_view>

namespace alignkiosk::plugins::stakeholder_mapping {

// Colours from Okabe & Ito's colour-universal-design palette (2008), which stays distinguishable for the common
// forms of colour blindness and on a washed-out projector: one per triangle corner, per role, per shown group.
ImU32 cornerColor(std::size_t corner);
ImU32 roleColor(std::size_t role);
ImU32 groupColor(std::size_t group);
ImU32 withAlpha(ImU32 color, float alpha);

// Text wrapped at `width` from the cursor; an overload beside the SDK's wrappedText(text), which wraps at the window's
// edge (the using-declaration keeps that one visible here).
using sdk::touch::wrappedText;
void wrappedText(std::string_view text, float width);

} // namespace alignkiosk::plugins::stakeholder_mapping
