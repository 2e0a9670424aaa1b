// The dashboard's charts, drawn with ImGui's draw list (no plot library is reachable here): horizontal bars with value
// labels, stacked distributions over a scale, and the item x group heatmap, with legends. Text is drawn in the current
// font at its current size, so charts grow with the projection mode's larger type.
//
// The first section is pure layout (colours, ticks, label placement, geometry): it needs no ImGui frame and is unit
// tested on its own. The second section draws at the cursor of the current window and advances it like a widget.
#pragma once

#include "core/item_statistics.h"
#include "ui/theme.h"

#include <imgui.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace alignkiosk::ui::charts {

// [SECTION] Pure layout helpers ---------------------------------------------------------------------------------------

// Colours evenly spaced over [0, 1], interpolated per sRGB channel between neighbours.
class ColorRamp {
public:
    ColorRamp() = default;
    explicit ColorRamp(std::vector<ImU32> stops);
    // The colour at t (clamped to [0, 1]); opaque black for an empty ramp.
    ImU32 at(float t) const;
    const std::vector<ImU32>& stops() const { return m_stops; }

private:
    std::vector<ImU32> m_stops;
};

// low -> mid -> high of the palette: for means and answers on a rating scale, centred on the scale's midpoint.
ColorRamp divergingRamp(const DashboardPalette& palette);
// mid -> high of the palette: for amounts that only grow (a share of answers).
ColorRamp sequentialRamp(const DashboardPalette& palette);

ImU32 lerpColor(ImU32 from, ImU32 to, float t);

// Where `value` sits between low and high, clamped to [0, 1]; 0.5 when the range is empty.
float rampPosition(double value, double low, double high);
// The colour of a mean on a scale from scaleMin to scaleMax: the scale's midpoint is the ramp's midpoint.
ImU32 scaleColor(const ColorRamp& ramp, double mean, int scaleMin, int scaleMax);
// The colour of scale point `index` (0-based) of `points`.
ImU32 pointColor(const ColorRamp& ramp, int index, int points);

// WCAG 2.0 relative luminance of an sRGB colour, 0 (black) to 1 (white).
float relativeLuminance(ImU32 color);
// WCAG 2.0 contrast ratio (L_lighter + 0.05) / (L_darker + 0.05), 1 to 21.
float contrastRatio(ImU32 a, ImU32 b);
// Whichever of `dark` and `light` contrasts more with `background`: text on a coloured cell or bar.
ImU32 readableOn(ImU32 background, ImU32 dark, ImU32 light);

// Round tick values covering [low, high] with at most about maxTicks ticks, steps of 1, 2 or 5 times a power of ten
// ("nice numbers", Heckbert 1990, Graphics Gems). The first tick is <= low, the last >= high.
std::vector<double> niceTicks(double low, double high, int maxTicks);
// How many ticks fit on an axis of `length` pixels when each label is `labelWidth` wide (at least 2).
int tickBudget(float length, float labelWidth);

// "1,234,567": counts as a person reads them from across the room.
std::string formatCount(uint64_t count);
// value with `decimals` places, "-" for NaN.
std::string formatFixed(double value, int decimals);

// Where a bar's value label goes: inside the bar's end when it fits (with padding on both sides), else just after it.
// x is measured from the bar's start.
struct LabelPlacement {
    bool inside = false;
    float x = 0.0f;
};
LabelPlacement placeValueLabel(float barLength, float labelWidth, float padding);

// One scale point's part of a stacked bar `width` wide. Segments follow each other without gaps and the last ends
// exactly at width; a point nobody chose has zero width.
struct Segment {
    float x0 = 0.0f;
    float x1 = 0.0f;
    double share = 0.0; // of all answers, 0..1
};
std::vector<Segment> stackSegments(const std::vector<uint64_t>& counts, float width);

// `text` cut at a UTF-8 character boundary and ended with `ellipsis` so that it measures at most maxWidth; unchanged
// when it fits. `measure` gives a string's width in pixels.
std::string ellipsize(std::string_view text, float maxWidth, const std::function<float(std::string_view)>& measure,
                      std::string_view ellipsis = "\xE2\x80\xA6");

// The mark drawn in a heatmap cell and next to an rwg: more ink, more agreement. Each band has its own shape, not
// only its own size, so the marks stay apart on a projector: cross, ring, half-filled, filled, filled in a ring.
enum class MarkShape { None, Cross, ThinRing, HalfDot, Dot, DotInRing };
MarkShape agreementMark(core::AgreementLevel level);

// The heatmap's geometry: a row-label column, a header row of column labels, then equal cells (no wider than
// maxCellWidth, so two columns do not stretch across a projector).
struct HeatmapGeometry {
    ImVec2 origin;
    float labelWidth = 0.0f;
    float headerHeight = 0.0f;
    float cellWidth = 0.0f;
    float rowHeight = 0.0f;
    int rows = 0;
    int columns = 0;

    float width() const { return labelWidth + cellWidth * static_cast<float>(columns); }
    float height() const { return headerHeight + rowHeight * static_cast<float>(rows); }
    ImVec2 cellMin(int row, int column) const;
    ImVec2 cellMax(int row, int column) const;
    // The row or column under a point, -1 outside the cells (the header and the label column are not cells, but a
    // point in the label column has a row).
    int rowAt(float y) const;
    int columnAt(float x) const;
};
HeatmapGeometry layoutHeatmap(ImVec2 origin, float availableWidth, float labelWidth, float headerHeight,
                              float rowHeight, int rows, int columns, float maxCellWidth);

// [SECTION] Drawing ---------------------------------------------------------------------------------------------------

struct ChartStyle {
    float scale = 1.0f; // the display scale (Theme::scale)
    ImFont* labelFont = nullptr; // row, column and axis labels; nullptr = current font
    ImFont* valueFont = nullptr; // numbers in bars and cells; nullptr = current font
    DashboardPalette palette{};
    ColorRamp ramp;
};

// Draws an agreement mark centred on `centre`.
void drawAgreementMark(ImDrawList* drawList, ImVec2 centre, float radius, MarkShape shape, ImU32 color,
                       float thickness);

struct Bar {
    std::string label;
    double value = 0.0;
    std::string valueLabel;
};
// One bar per row, labels on the left, values at the bars' ends, light gridlines at nice ticks with their labels
// below. Returns the hovered bar or -1.
int horizontalBars(const char* id, const std::vector<Bar>& bars, const ChartStyle& style, float width);

// One stacked distribution bar `size` large, one segment per scale point in the ramp's colours, each segment's share
// printed inside it when it fits; hovering a segment names its point, count and share.
void stackedBar(const char* id, const std::vector<uint64_t>& counts, const std::vector<std::string>& pointLabels,
                const ChartStyle& style, ImVec2 size);
// A swatch and the label of every scale point, flowing onto more lines when `width` is too narrow.
void scaleLegend(const std::vector<std::string>& pointLabels, const ChartStyle& style, float width);

struct HeatCell {
    bool shown = false; // false: this group is held back for this item (below k)
    double mean = 0.0;
    int scaleMin = 1;
    int scaleMax = 5;
    core::AgreementLevel agreement = core::AgreementLevel::Unknown;
    std::string text;    // what the cell says, e.g. "3.4"
    std::string tooltip; // on hover
};
struct HeatmapData {
    std::vector<std::string> rowLabels;
    std::vector<std::string> rowTooltips; // e.g. the full question; may be empty
    std::vector<std::string> columnLabels;
    std::vector<HeatCell> cells; // row-major, rows x columns
};
struct HeatmapResult {
    int hoveredRow = -1;
    int clickedRow = -1; // a row tapped or clicked this frame (anywhere along it)
};
// The heatmap: colour = mean on the item's own scale, a mark for agreement, the mean printed in the cell; whole rows
// are buttons. `selectedRow` is outlined.
HeatmapResult heatmap(const char* id, const HeatmapData& data, const ChartStyle& style, float width,
                      int selectedRow = -1);

struct HeatmapLegendText {
    std::string title;    // e.g. "Colour: mean answer"
    std::string low;      // the scale's low end, e.g. "Never"
    std::string high;     // its high end
    std::string markTitle; // e.g. "Mark: agreement (rwg)"
    std::vector<std::pair<core::AgreementLevel, std::string>> marks; // from the most agreement down
};
// The colour ramp with its end labels, then every agreement mark with its label, flowing onto more lines as needed.
void heatmapLegend(const HeatmapLegendText& text, const ChartStyle& style, float width);

} // namespace alignkiosk::ui::charts
