// The 100-point control: a triangle whose corners are the three options, with a dot the participant drags (or taps
// into place), and beside it one row per corner with big - and + buttons around the corner's points in large type.
// Drawing and touch only: every number comes from simplex_math, so the shares always add up to the total.
#pragma once

#include "simplex_math.h"
#include "stakeholder_look.h"

#include <array>
#include <cstdint>
#include <string_view>

namespace alignkiosk::plugins::stakeholder_mapping {

struct MixState {
    Allocation allocation; // shares always valid for the question's total
    bool touched = false; // an untouched control is not an answer
    // Hold-to-repeat of a - or + button: which one is held (corner * 2 + (plus ? 1 : 0)), for how long.
    int heldButton = -1;
    float heldFor = 0.0f;
    float sinceRepeat = 0.0f;
};

// A press steps once; held longer than kRepeatDelay, it steps again every kRepeatInterval seconds.
inline constexpr float kRepeatDelay = 0.45f;
inline constexpr float kRepeatInterval = 0.08f;

// Draws the control into a region of `size` at the cursor and advances the cursor past it. `labels` are the corners'
// option labels (option order: top, bottom left, bottom right).
void drawMixControl(MixState& state, const std::array<std::string_view, kCorners>& labels, uint32_t total,
                    const sdk::touch::Look& look, ImVec2 size);

} // namespace alignkiosk::plugins::stakeholder_mapping
