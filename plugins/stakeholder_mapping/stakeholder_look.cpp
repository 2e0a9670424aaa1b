#include "stakeholder_look.h"

#include <algorithm>
#include <array>

namespace alignkiosk::plugins::stakeholder_mapping {

namespace {

// Okabe & Ito (2008), "Color Universal Design": blue, vermillion, bluish green, reddish purple, orange, sky blue,
// a dark grey standing in for their black, and yellow darkened to read on the light theme.
constexpr std::array<ImU32, 8> kPalette{
    IM_COL32(0, 114, 178, 255),   IM_COL32(213, 94, 0, 255),    IM_COL32(0, 158, 115, 255),
    IM_COL32(204, 121, 167, 255), IM_COL32(230, 159, 0, 255),   IM_COL32(86, 180, 233, 255),
    IM_COL32(80, 80, 80, 255),    IM_COL32(190, 170, 20, 255),
};

} // namespace

// Corners: employer blue, customers vermillion, yourself bluish green (in option order).
ImU32 cornerColor(std::size_t corner) { return kPalette[corner % 3]; }

// Roles: customer orange, partner sky blue, supplier reddish purple, a fourth dark grey: apart from the corners'.
ImU32 roleColor(std::size_t role) {
    constexpr std::array<ImU32, 4> roles{kPalette[4], kPalette[5], kPalette[3], kPalette[6]};
    return roles[role % roles.size()];
}

ImU32 groupColor(std::size_t group) { return kPalette[group % kPalette.size()]; }

ImU32 withAlpha(ImU32 color, float alpha) {
    const auto a = static_cast<ImU32>(std::clamp(alpha, 0.0f, 1.0f) * 255.0f + 0.5f);
    return (color & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

void wrappedText(std::string_view text, float width) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::max(width, 1.0f));
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
}

} // namespace alignkiosk::plugins::stakeholder_mapping
