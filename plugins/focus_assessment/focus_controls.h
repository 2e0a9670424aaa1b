// The focus-assessment module's touch controls: big tiles for a choice, tiles with a check box for a multi-choice, and
// the percent picker (big -/+ buttons and a wide bar a finger can tap or drag). Each is sized for a fingertip
// (sdk::touch::Look::touchTarget), shows its chosen state in colour and with an outline, and draws no fixed words.
#pragma once

#include <alignkiosk/touch_ui.hpp>

#include <imgui.h>

#include <optional>
#include <string_view>

namespace alignkiosk::plugins::focus_assessment {

// ---- Choice tiles -------------------------------------------------------------------------------------------------

// The height a choice tile of `width` needs for `label` (wrapped, centred) in the current font; never below a touch.
float choiceTileHeight(std::string_view label, float width, const sdk::touch::Look& look);

// A tile showing `label` wrapped and centred, filled with the accent when `chosen`. True on the frame it is tapped.
// Tapping the chosen tile again keeps it chosen (the caller decides; nobody un-answers by accident).
bool choiceTile(const char* id, std::string_view label, bool chosen, ImVec2 size, const sdk::touch::Look& look);

// ---- Toggle tiles (multi-choice) --------------------------------------------------------------------------------

// The height a toggle tile of `width` needs for its title (heading font) and hint (body font).
float toggleTileHeight(std::string_view title, std::string_view hint, float width, const sdk::touch::Look& look);

// A tile with a check box at its left, the title and under it the hint in a softer colour. True when tapped; the
// caller flips the state.
bool toggleTile(const char* id, std::string_view title, std::string_view hint, bool ticked, ImVec2 size,
                const sdk::touch::Look& look);

// ---- The percent picker -------------------------------------------------------------------------------------------

// Percentages the picker gives are multiples of this: an estimate of one's time or clients, not a measurement, and a
// fingertip on the bar lands within a few percent anyway.
inline constexpr int kPercentStep = 5;

// The multiple of kPercentStep nearest to `fraction` of the way along the bar (clamped to 0..1).
int snapPercent(float fraction);
// One step down (direction < 0) or up from `value` to the next multiple of kPercentStep, within 0..100. From no value,
// down gives 0 and up gives one step.
int stepPercent(std::optional<int> value, int direction);

// One row: the value in large type ("45%", or an em dash while untouched), a big "-" button, a wide bar (tap or drag
// anywhere on it: the value follows the finger), a big "+" button; under the bar, marks at 0, 25, 50, 75 and 100.
// Untouched is not an answer: `value` stays empty until the participant taps. True when the value changed.
bool percentPicker(const char* id, std::optional<int>& value, const sdk::touch::Look& look);

} // namespace alignkiosk::plugins::focus_assessment
