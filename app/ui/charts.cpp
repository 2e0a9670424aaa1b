#include "charts.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

namespace alignkiosk::ui::charts {

// [SECTION] Pure layout helpers ---------------------------------------------------------------------------------------

namespace {

uint8_t channel(ImU32 color, int shift) { return static_cast<uint8_t>((color >> shift) & 0xFFu); }

// sRGB channel (0..255) to linear light, WCAG 2.0 ("relative luminance" definition).
float linearChannel(uint8_t value) {
    const float c = static_cast<float>(value) / 255.0f;
    return c <= 0.03928f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}

// Nice number near x (Heckbert 1990): 1, 2, 5 or 10 times a power of ten; rounded to the nearest when `round`,
// else the smallest nice number >= x.
double niceNumber(double x, bool round) {
    const double exponent = std::floor(std::log10(x));
    const double power = std::pow(10.0, exponent);
    const double fraction = x / power;
    double nice = 10.0;
    if (round) {
        if (fraction < 1.5)
            nice = 1.0;
        else if (fraction < 3.0)
            nice = 2.0;
        else if (fraction < 7.0)
            nice = 5.0;
    } else {
        if (fraction <= 1.0)
            nice = 1.0;
        else if (fraction <= 2.0)
            nice = 2.0;
        else if (fraction <= 5.0)
            nice = 5.0;
    }
    return nice * power;
}

} // namespace

ColorRamp::ColorRamp(std::vector<ImU32> stops) : m_stops(std::move(stops)) {}

ImU32 ColorRamp::at(float t) const {
    if (m_stops.empty()) return IM_COL32(0, 0, 0, 255);
    if (m_stops.size() == 1 || !(t > 0.0f)) return m_stops.front(); // NaN lands on the first stop
    if (t >= 1.0f) return m_stops.back();
    const float position = t * static_cast<float>(m_stops.size() - 1);
    const std::size_t index = std::min(static_cast<std::size_t>(position), m_stops.size() - 2);
    return lerpColor(m_stops[index], m_stops[index + 1], position - static_cast<float>(index));
}

ColorRamp divergingRamp(const DashboardPalette& palette) {
    return ColorRamp({palette.rampLow, palette.rampMid, palette.rampHigh});
}

ColorRamp sequentialRamp(const DashboardPalette& palette) { return ColorRamp({palette.rampMid, palette.rampHigh}); }

ImU32 lerpColor(ImU32 from, ImU32 to, float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    ImU32 result = 0;
    for (int shift = 0; shift < 32; shift += 8) {
        const float a = channel(from, shift);
        const float b = channel(to, shift);
        const auto mixed = static_cast<ImU32>(std::lround(a + (b - a) * t));
        result |= mixed << shift;
    }
    return result;
}

float rampPosition(double value, double low, double high) {
    if (!(high > low) || std::isnan(value)) return 0.5f;
    return static_cast<float>(std::clamp((value - low) / (high - low), 0.0, 1.0));
}

ImU32 scaleColor(const ColorRamp& ramp, double mean, int scaleMin, int scaleMax) {
    return ramp.at(rampPosition(mean, scaleMin, scaleMax));
}

ImU32 pointColor(const ColorRamp& ramp, int index, int points) {
    if (points < 2) return ramp.at(0.5f);
    return ramp.at(static_cast<float>(index) / static_cast<float>(points - 1));
}

float relativeLuminance(ImU32 color) {
    // L = 0.2126 R + 0.7152 G + 0.0722 B of the linearised channels (WCAG 2.0, "relative luminance").
    return 0.2126f * linearChannel(channel(color, IM_COL32_R_SHIFT)) +
           0.7152f * linearChannel(channel(color, IM_COL32_G_SHIFT)) +
           0.0722f * linearChannel(channel(color, IM_COL32_B_SHIFT));
}

float contrastRatio(ImU32 a, ImU32 b) {
    // (L1 + 0.05) / (L2 + 0.05), L1 the lighter (WCAG 2.0, "contrast ratio").
    const float la = relativeLuminance(a);
    const float lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

ImU32 readableOn(ImU32 background, ImU32 dark, ImU32 light) {
    return contrastRatio(background, dark) >= contrastRatio(background, light) ? dark : light;
}

std::vector<double> niceTicks(double low, double high, int maxTicks) {
    if (std::isnan(low) || std::isnan(high)) return {0.0, 1.0};
    if (high < low) std::swap(low, high);
    if (high == low) high = low + 1.0; // an empty range still gets an axis
    maxTicks = std::max(maxTicks, 2);
    // Heckbert's loose labelling: a nice range, a nice step for about maxTicks ticks, bounds rounded out to it.
    const double range = niceNumber(high - low, false);
    double step = niceNumber(range / static_cast<double>(maxTicks - 1), true);
    double first = std::floor(low / step) * step;
    double last = std::ceil(high / step) * step;
    // Rounding the step to the nearest nice number can overshoot the budget by a tick or two: take the next step up.
    while (std::llround((last - first) / step) + 1 > maxTicks + 1) {
        step = niceNumber(step * 1.5, false);
        first = std::floor(low / step) * step;
        last = std::ceil(high / step) * step;
    }
    const long long count = std::llround((last - first) / step);
    std::vector<double> ticks;
    ticks.reserve(static_cast<std::size_t>(count + 1));
    for (long long i = 0; i <= count; ++i) ticks.push_back(first + static_cast<double>(i) * step);
    return ticks;
}

int tickBudget(float length, float labelWidth) {
    if (!(labelWidth > 0.0f)) return 2;
    // A label and a gap of half its width per tick.
    return std::max(2, static_cast<int>(length / (labelWidth * 1.5f)));
}

std::string formatCount(uint64_t count) {
    std::string digits = std::to_string(count);
    std::string grouped;
    grouped.reserve(digits.size() + digits.size() / 3);
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped.push_back(',');
        grouped.push_back(digits[i]);
    }
    return grouped;
}

std::string formatFixed(double value, int decimals) {
    if (std::isnan(value)) return "-";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", std::clamp(decimals, 0, 9), value);
    std::string text = buffer;
    if (text.rfind("-0", 0) == 0 && text.find_first_not_of("-0.") == std::string::npos) text.erase(0, 1); // "-0.0"
    return text;
}

LabelPlacement placeValueLabel(float barLength, float labelWidth, float padding) {
    if (labelWidth + 2.0f * padding <= barLength) return {true, barLength - padding - labelWidth};
    return {false, std::max(barLength, 0.0f) + padding};
}

std::vector<Segment> stackSegments(const std::vector<uint64_t>& counts, float width) {
    std::vector<Segment> segments(counts.size());
    uint64_t total = 0;
    for (uint64_t count : counts) total += count;
    if (total == 0) return segments;
    // Each edge from the running total, so rounding never accumulates and the last edge is exactly `width`.
    uint64_t cumulative = 0;
    float x = 0.0f;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        cumulative += counts[i];
        const float edge = cumulative == total ? width
                                               : static_cast<float>(static_cast<double>(width) *
                                                                    static_cast<double>(cumulative) /
                                                                    static_cast<double>(total));
        segments[i] = {x, edge, static_cast<double>(counts[i]) / static_cast<double>(total)};
        x = edge;
    }
    return segments;
}

std::string ellipsize(std::string_view text, float maxWidth, const std::function<float(std::string_view)>& measure,
                      std::string_view ellipsis) {
    if (measure(text) <= maxWidth) return std::string(text);
    if (measure(ellipsis) > maxWidth) return {};
    // Byte offsets where a UTF-8 character starts (not a continuation byte 10xxxxxx).
    std::vector<std::size_t> boundaries;
    for (std::size_t i = 1; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0u) != 0x80u) boundaries.push_back(i);
    auto candidate = [&](std::size_t end) {
        std::string_view kept = text.substr(0, end);
        while (!kept.empty() && kept.back() == ' ') kept.remove_suffix(1);
        return std::string(kept) + std::string(ellipsis);
    };
    // The longest prefix that fits: widths grow with the prefix, so a binary search over the boundaries.
    std::size_t low = 0;
    std::size_t high = boundaries.size();
    while (low < high) {
        const std::size_t mid = (low + high + 1) / 2;
        if (measure(candidate(boundaries[mid - 1])) <= maxWidth)
            low = mid;
        else
            high = mid - 1;
    }
    return low == 0 ? std::string(ellipsis) : candidate(boundaries[low - 1]);
}

MarkShape agreementMark(core::AgreementLevel level) {
    switch (level) {
    case core::AgreementLevel::VeryStrong: return MarkShape::DotInRing;
    case core::AgreementLevel::Strong: return MarkShape::Dot;
    case core::AgreementLevel::Moderate: return MarkShape::HalfDot;
    case core::AgreementLevel::Weak: return MarkShape::ThinRing;
    case core::AgreementLevel::None: return MarkShape::Cross;
    case core::AgreementLevel::Unknown: break;
    }
    return MarkShape::None;
}

ImVec2 HeatmapGeometry::cellMin(int row, int column) const {
    return {origin.x + labelWidth + cellWidth * static_cast<float>(column),
            origin.y + headerHeight + rowHeight * static_cast<float>(row)};
}

ImVec2 HeatmapGeometry::cellMax(int row, int column) const {
    const ImVec2 min = cellMin(row, column);
    return {min.x + cellWidth, min.y + rowHeight};
}

int HeatmapGeometry::rowAt(float y) const {
    const float top = origin.y + headerHeight;
    if (y < top || rowHeight <= 0.0f) return -1;
    const int row = static_cast<int>((y - top) / rowHeight);
    return row < rows ? row : -1;
}

int HeatmapGeometry::columnAt(float x) const {
    const float left = origin.x + labelWidth;
    if (x < left || cellWidth <= 0.0f) return -1;
    const int column = static_cast<int>((x - left) / cellWidth);
    return column < columns ? column : -1;
}

HeatmapGeometry layoutHeatmap(ImVec2 origin, float availableWidth, float labelWidth, float headerHeight,
                              float rowHeight, int rows, int columns, float maxCellWidth) {
    HeatmapGeometry geometry;
    geometry.origin = origin;
    geometry.labelWidth = std::min(labelWidth, availableWidth);
    geometry.headerHeight = headerHeight;
    geometry.rowHeight = rowHeight;
    geometry.rows = std::max(rows, 0);
    geometry.columns = std::max(columns, 0);
    if (geometry.columns > 0)
        geometry.cellWidth = std::clamp((availableWidth - geometry.labelWidth) / static_cast<float>(geometry.columns),
                                        0.0f, maxCellWidth);
    return geometry;
}

// [SECTION] Drawing ---------------------------------------------------------------------------------------------------

namespace {

constexpr float kPi = 3.14159265358979f;

// A font at the size it is drawn in the current window (so the projection mode's window font scale applies).
struct Face {
    ImFont* font;
    float size;

    explicit Face(ImFont* wanted) {
        ImFont* current = ImGui::GetFont();
        font = wanted ? wanted : current;
        size = font->FontSize * (ImGui::GetFontSize() / current->FontSize);
    }
    float width(std::string_view text) const {
        return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
    }
    void draw(ImDrawList* drawList, ImVec2 position, ImU32 color, std::string_view text) const {
        drawList->AddText(font, size, position, color, text.data(), text.data() + text.size());
    }
    std::string fit(std::string_view text, float maxWidth) const {
        const bool hasEllipsis = font->FindGlyphNoFallback(0x2026) != nullptr;
        return ellipsize(text, maxWidth, [this](std::string_view part) { return width(part); },
                         hasEllipsis ? "\xE2\x80\xA6" : "...");
    }
};

// Lays out items left to right, starting a new line when the next one would pass the right edge.
struct Flow {
    ImVec2 origin;
    float width;
    float lineHeight;
    float x;
    float y;

    Flow(ImVec2 start, float availableWidth, float line)
        : origin(start), width(availableWidth), lineHeight(line), x(start.x), y(start.y) {}
    ImVec2 place(float itemWidth) {
        if (x > origin.x && x + itemWidth > origin.x + width) {
            x = origin.x;
            y += lineHeight;
        }
        const ImVec2 at(x, y);
        x += itemWidth;
        return at;
    }
    float height() const { return y + lineHeight - origin.y; }
    // Starts a new line unless `groupWidth` more still fits on this one: keeps a group of items together.
    void keepTogether(float groupWidth) {
        if (x > origin.x && x + groupWidth > origin.x + width) {
            x = origin.x;
            y += lineHeight;
        }
    }
};

void tooltip(const std::string& text) {
    if (text.empty()) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

std::string tickLabel(double value, double step) {
    if (step >= 1.0) return formatCount(static_cast<uint64_t>(std::llround(std::max(value, 0.0))));
    return formatFixed(value, step >= 0.1 ? 1 : 2);
}

} // namespace

void drawAgreementMark(ImDrawList* drawList, ImVec2 centre, float radius, MarkShape shape, ImU32 color,
                       float thickness) {
    switch (shape) {
    case MarkShape::None: break;
    case MarkShape::Cross: {
        const float arm = radius * 0.62f;
        drawList->AddLine(ImVec2(centre.x - arm, centre.y - arm), ImVec2(centre.x + arm, centre.y + arm), color,
                          thickness * 1.4f);
        drawList->AddLine(ImVec2(centre.x - arm, centre.y + arm), ImVec2(centre.x + arm, centre.y - arm), color,
                          thickness * 1.4f);
        break;
    }
    case MarkShape::ThinRing: drawList->AddCircle(centre, radius * 0.75f, color, 0, thickness); break;
    case MarkShape::HalfDot:
        // The left half filled (screen angles: pi/2 is straight down, 3pi/2 straight up, through pi on the left).
        drawList->PathArcTo(centre, radius * 0.75f, kPi * 0.5f, kPi * 1.5f, 16);
        drawList->PathFillConvex(color);
        drawList->AddCircle(centre, radius * 0.75f, color, 0, thickness);
        break;
    case MarkShape::Dot: drawList->AddCircleFilled(centre, radius * 0.75f, color, 0); break;
    case MarkShape::DotInRing:
        drawList->AddCircleFilled(centre, radius * 0.5f, color, 0);
        drawList->AddCircle(centre, radius, color, 0, thickness);
        break;
    }
}

int horizontalBars(const char* id, const std::vector<Bar>& bars, const ChartStyle& style, float width) {
    if (bars.empty() || width < 1.0f) return -1;
    ImGui::PushID(id);
    const Face label(style.labelFont);
    const Face value(style.valueFont);
    const DashboardPalette& palette = style.palette;
    const float pad = 10.0f * style.scale;
    const float rowHeight = std::max(label.size * 1.7f, 36.0f * style.scale);
    const float line = palette.lineWidth * style.scale;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();

    float labelWidth = 0.0f;
    double maxValue = 0.0;
    for (const Bar& bar : bars) {
        labelWidth = std::max(labelWidth, label.width(bar.label));
        maxValue = std::max(maxValue, bar.value);
    }
    labelWidth = std::min(labelWidth + 2.0f * pad, width * 0.4f);
    const float plotLeft = origin.x + labelWidth;
    const float plotWidth = std::max(width - labelWidth - pad, 1.0f);
    const float plotHeight = rowHeight * static_cast<float>(bars.size());

    // Gridlines at nice ticks, their labels under the last bar.
    const float widestTick = label.width(tickLabel(maxValue, 1.0)) + pad;
    const std::vector<double> ticks = niceTicks(0.0, std::max(maxValue, 1.0), tickBudget(plotWidth, widestTick));
    const double axisMax = ticks.back() > 0.0 ? ticks.back() : 1.0;
    const double step = ticks.size() > 1 ? ticks[1] - ticks[0] : 1.0;
    for (double tick : ticks) {
        const float x = plotLeft + plotWidth * static_cast<float>(tick / axisMax);
        drawList->AddLine(ImVec2(x, origin.y), ImVec2(x, origin.y + plotHeight), palette.grid, line * 0.5f);
        const std::string text = tickLabel(tick, step);
        const float textWidth = label.width(text);
        const float textX =
            std::clamp(x - textWidth * 0.5f, plotLeft - textWidth * 0.5f, plotLeft + plotWidth - textWidth);
        label.draw(drawList, ImVec2(textX, origin.y + plotHeight + pad * 0.5f), palette.muted, text);
    }
    drawList->AddLine(ImVec2(plotLeft, origin.y), ImVec2(plotLeft, origin.y + plotHeight), palette.text, line);

    int hovered = -1;
    const bool windowHovered = ImGui::IsWindowHovered();
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const Bar& bar = bars[i];
        const float top = origin.y + rowHeight * static_cast<float>(i);
        const float centre = top + rowHeight * 0.5f;
        const ImVec2 rowMax(origin.x + width, top + rowHeight);
        if (windowHovered && ImGui::IsMouseHoveringRect(ImVec2(origin.x, top), rowMax)) hovered = static_cast<int>(i);
        label.draw(drawList, ImVec2(origin.x, centre - label.size * 0.5f), palette.text,
                   label.fit(bar.label, labelWidth - pad));

        const float length = plotWidth * static_cast<float>(std::clamp(bar.value / axisMax, 0.0, 1.0));
        const float half = rowHeight * 0.31f;
        drawList->AddRectFilled(ImVec2(plotLeft, centre - half), ImVec2(plotLeft + length, centre + half),
                                palette.accent, 3.0f * style.scale, ImDrawFlags_RoundCornersRight);
        const float valueWidth = value.width(bar.valueLabel);
        LabelPlacement placement = placeValueLabel(length, valueWidth, pad);
        if (!placement.inside && plotLeft + placement.x + valueWidth > origin.x + width)
            placement = {true, std::max(length - pad - valueWidth, 0.0f)}; // no room after the bar: inside it
        const ImU32 color =
            placement.inside ? readableOn(palette.accent, palette.text, IM_COL32_WHITE) : palette.text;
        value.draw(drawList, ImVec2(plotLeft + placement.x, centre - value.size * 0.5f), color, bar.valueLabel);
    }
    ImGui::Dummy(ImVec2(width, plotHeight + label.size + pad));
    if (hovered >= 0) tooltip(bars[static_cast<std::size_t>(hovered)].label + ": " +
                              bars[static_cast<std::size_t>(hovered)].valueLabel);
    ImGui::PopID();
    return hovered;
}

void stackedBar(const char* id, const std::vector<uint64_t>& counts, const std::vector<std::string>& pointLabels,
                const ChartStyle& style, ImVec2 size) {
    ImGui::PushID(id);
    const Face value(style.valueFont);
    const DashboardPalette& palette = style.palette;
    const float pad = 6.0f * style.scale;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const std::vector<Segment> segments = stackSegments(counts, size.x);
    const int points = static_cast<int>(counts.size());
    uint64_t total = 0;
    for (uint64_t count : counts) total += count;

    for (int i = 0; i < points; ++i) {
        const Segment& segment = segments[static_cast<std::size_t>(i)];
        if (segment.x1 <= segment.x0) continue;
        const ImVec2 min(origin.x + segment.x0, origin.y);
        const ImVec2 max(origin.x + segment.x1, origin.y + size.y);
        const ImU32 fill = pointColor(style.ramp, i, points);
        drawList->AddRectFilled(min, max, fill);
        if (segment.x0 > 0.0f) drawList->AddLine(min, ImVec2(min.x, max.y), palette.panel, 2.0f * style.scale);
        const std::string share = formatFixed(segment.share * 100.0, 0) + "%";
        const float shareWidth = value.width(share);
        if (shareWidth + 2.0f * pad <= max.x - min.x)
            value.draw(drawList, ImVec2((min.x + max.x - shareWidth) * 0.5f, origin.y + (size.y - value.size) * 0.5f),
                       readableOn(fill, palette.text, IM_COL32_WHITE), share);
    }
    drawList->AddRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), palette.grid, 0.0f, 0,
                      palette.lineWidth * style.scale * 0.5f);
    ImGui::Dummy(size);
    if (ImGui::IsItemHovered() && total > 0) {
        const float x = ImGui::GetIO().MousePos.x - origin.x;
        for (int i = 0; i < points; ++i) {
            const Segment& segment = segments[static_cast<std::size_t>(i)];
            if (x < segment.x0 || x >= segment.x1) continue;
            const std::string name = i < static_cast<int>(pointLabels.size())
                                         ? pointLabels[static_cast<std::size_t>(i)]
                                         : "point " + std::to_string(i + 1);
            tooltip(name + ": " + formatCount(counts[static_cast<std::size_t>(i)]) + " (" +
                    formatFixed(segment.share * 100.0, 0) + "%)");
        }
    }
    ImGui::PopID();
}

void scaleLegend(const std::vector<std::string>& pointLabels, const ChartStyle& style, float width) {
    const Face label(style.labelFont);
    const float swatch = label.size * 0.85f;
    const float gap = 8.0f * style.scale;
    const float spacing = 28.0f * style.scale;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    Flow flow(ImGui::GetCursorScreenPos(), width, label.size * 1.5f);
    const int points = static_cast<int>(pointLabels.size());
    for (int i = 0; i < points; ++i) {
        const std::string& text = pointLabels[static_cast<std::size_t>(i)];
        const ImVec2 at = flow.place(swatch + gap + label.width(text) + spacing);
        const float top = at.y + (label.size - swatch) * 0.5f;
        drawList->AddRectFilled(ImVec2(at.x, top), ImVec2(at.x + swatch, top + swatch),
                                pointColor(style.ramp, i, points), 3.0f * style.scale);
        label.draw(drawList, ImVec2(at.x + swatch + gap, at.y), style.palette.text, text);
    }
    ImGui::Dummy(ImVec2(width, flow.height()));
}

HeatmapResult heatmap(const char* id, const HeatmapData& data, const ChartStyle& style, float width,
                      int selectedRow) {
    HeatmapResult result;
    const int rows = static_cast<int>(data.rowLabels.size());
    const int columns = static_cast<int>(data.columnLabels.size());
    if (rows == 0 || columns == 0 || data.cells.size() != static_cast<std::size_t>(rows * columns) || width < 1.0f)
        return result;
    ImGui::PushID(id);
    const Face label(style.labelFont);
    const Face value(style.valueFont);
    const DashboardPalette& palette = style.palette;
    const float pad = 12.0f * style.scale;
    const float gap = 2.0f * style.scale;
    const float line = palette.lineWidth * style.scale;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();

    float labelWidth = 0.0f;
    for (const std::string& row : data.rowLabels) labelWidth = std::max(labelWidth, label.width(row));
    labelWidth = std::clamp(labelWidth + 2.0f * pad, width * 0.22f, width * 0.42f);
    const float rowHeight = std::max(label.size * 1.6f, 40.0f * style.scale);
    const float headerHeight = label.size * 1.7f;
    const HeatmapGeometry geometry = layoutHeatmap(origin, width, labelWidth, headerHeight, rowHeight, rows, columns,
                                                   std::max(label.size * 8.0f, 180.0f * style.scale));
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const bool windowHovered = ImGui::IsWindowHovered();

    // Column labels along the top, centred over their cells.
    int hoveredHeader = -1;
    for (int c = 0; c < columns; ++c) {
        const ImVec2 min = geometry.cellMin(0, c);
        const std::string text = label.fit(data.columnLabels[static_cast<std::size_t>(c)], geometry.cellWidth - pad);
        const float x = min.x + (geometry.cellWidth - label.width(text)) * 0.5f;
        label.draw(drawList, ImVec2(x, origin.y + (headerHeight - label.size) * 0.5f), palette.text, text);
        const ImVec2 headerMin(min.x, origin.y);
        if (windowHovered && ImGui::IsMouseHoveringRect(headerMin, ImVec2(min.x + geometry.cellWidth, min.y)))
            hoveredHeader = c;
    }
    const float rule = origin.y + headerHeight - gap;
    drawList->AddLine(ImVec2(origin.x, rule), ImVec2(origin.x + geometry.width(), rule), palette.grid, line * 0.5f);

    for (int r = 0; r < rows; ++r) {
        const ImVec2 rowMin(origin.x, geometry.cellMin(r, 0).y);
        const ImVec2 rowMax(origin.x + geometry.width(), rowMin.y + rowHeight);
        // The whole row is one button: a tap anywhere along it opens the item.
        ImGui::SetCursorScreenPos(rowMin);
        ImGui::PushID(r);
        if (ImGui::InvisibleButton("row", ImVec2(geometry.width(), rowHeight))) result.clickedRow = r;
        const bool hovered = ImGui::IsItemHovered();
        ImGui::PopID();
        if (hovered) result.hoveredRow = r;
        if (hovered || r == selectedRow)
            drawList->AddRectFilled(rowMin, ImVec2(origin.x + labelWidth, rowMax.y), palette.highlight,
                                    4.0f * style.scale);
        label.draw(drawList, ImVec2(origin.x + pad * 0.5f, rowMin.y + (rowHeight - label.size) * 0.5f), palette.text,
                   label.fit(data.rowLabels[static_cast<std::size_t>(r)], labelWidth - 1.5f * pad));

        for (int c = 0; c < columns; ++c) {
            const HeatCell& cell = data.cells[static_cast<std::size_t>(r * columns + c)];
            const ImVec2 min(geometry.cellMin(r, c).x + gap, rowMin.y + gap);
            const ImVec2 max(geometry.cellMax(r, c).x - gap, rowMax.y - gap);
            if (!cell.shown) {
                // Held back: an outline and a dash, so an empty cell never looks like a neutral mean.
                drawList->AddRect(min, max, palette.grid, 3.0f * style.scale, 0, line * 0.5f);
                const float dash = value.width("-");
                value.draw(drawList, ImVec2((min.x + max.x - dash) * 0.5f, (min.y + max.y - value.size) * 0.5f),
                           palette.muted, "-");
                continue;
            }
            const ImU32 fill = scaleColor(style.ramp, cell.mean, cell.scaleMin, cell.scaleMax);
            const ImU32 ink = readableOn(fill, palette.text, IM_COL32_WHITE);
            drawList->AddRectFilled(min, max, fill, 3.0f * style.scale);
            const float markRadius = std::min(rowHeight * 0.25f, (max.x - min.x) * 0.12f);
            const float markX = max.x - pad * 0.5f - markRadius;
            const float textWidth = value.width(cell.text);
            const float textX = std::max(min.x + pad * 0.5f, (min.x + markX - markRadius - textWidth) * 0.5f);
            value.draw(drawList, ImVec2(textX, (min.y + max.y - value.size) * 0.5f), ink, cell.text);
            drawAgreementMark(drawList, ImVec2(markX, (min.y + max.y) * 0.5f), markRadius,
                              agreementMark(cell.agreement), ink, std::max(line * 0.75f, 1.5f * style.scale));
        }
        if (r == selectedRow) drawList->AddRect(rowMin, rowMax, palette.accent, 4.0f * style.scale, 0, line * 1.5f);
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(geometry.width(), geometry.height()));

    if (result.hoveredRow >= 0) {
        const int column = geometry.columnAt(mouse.x);
        const auto row = static_cast<std::size_t>(result.hoveredRow);
        if (column >= 0)
            tooltip(data.cells[row * static_cast<std::size_t>(columns) + static_cast<std::size_t>(column)].tooltip);
        else if (row < data.rowTooltips.size())
            tooltip(data.rowTooltips[row]);
    } else if (hoveredHeader >= 0) {
        tooltip(data.columnLabels[static_cast<std::size_t>(hoveredHeader)]);
    }
    ImGui::PopID();
    return result;
}

void heatmapLegend(const HeatmapLegendText& text, const ChartStyle& style, float width) {
    const Face label(style.labelFont);
    const DashboardPalette& palette = style.palette;
    const float gap = 10.0f * style.scale;
    const float spacing = 36.0f * style.scale;
    const float swatch = label.size * 1.05f;
    const float line = palette.lineWidth * style.scale;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    Flow flow(ImGui::GetCursorScreenPos(), width, label.size * 1.6f);

    // The ramp: "low [gradient] high", the gradient in two halves through the midpoint colour.
    ImVec2 at = flow.place(label.width(text.title) + gap);
    label.draw(drawList, at, palette.muted, text.title);
    at = flow.place(label.width(text.low) + gap);
    label.draw(drawList, at, palette.text, text.low);
    const float rampWidth = 220.0f * style.scale;
    at = flow.place(rampWidth + gap);
    const float top = at.y + label.size * 0.1f;
    const float bottom = at.y + label.size * 0.9f;
    const float middle = at.x + rampWidth * 0.5f;
    const std::vector<ImU32>& stops = style.ramp.stops();
    const int pieces = std::max(static_cast<int>(stops.size()) - 1, 1);
    for (int i = 0; i < pieces; ++i) {
        const float x0 = at.x + rampWidth * static_cast<float>(i) / static_cast<float>(pieces);
        const float x1 = at.x + rampWidth * static_cast<float>(i + 1) / static_cast<float>(pieces);
        const ImU32 left = style.ramp.at(static_cast<float>(i) / static_cast<float>(pieces));
        const ImU32 right = style.ramp.at(static_cast<float>(i + 1) / static_cast<float>(pieces));
        drawList->AddRectFilledMultiColor(ImVec2(x0, top), ImVec2(x1, bottom), left, right, right, left);
    }
    drawList->AddRect(ImVec2(at.x, top), ImVec2(at.x + rampWidth, bottom), palette.grid, 0.0f, 0, line * 0.5f);
    drawList->AddLine(ImVec2(middle, top), ImVec2(middle, bottom), palette.grid, line * 0.5f);
    at = flow.place(label.width(text.high) + spacing);
    label.draw(drawList, at, palette.text, text.high);

    // The marks, each on a midpoint-coloured swatch as it would sit in a cell; all on one line when they fit.
    auto markWidth = [&](const std::string& name) { return swatch + gap * 0.6f + label.width(name) + spacing * 0.6f; };
    float marksWidth = text.markTitle.empty() ? 0.0f : label.width(text.markTitle) + gap;
    for (const auto& mark : text.marks) marksWidth += markWidth(mark.second);
    flow.keepTogether(marksWidth);
    if (!text.markTitle.empty()) {
        at = flow.place(label.width(text.markTitle) + gap);
        label.draw(drawList, at, palette.muted, text.markTitle);
    }
    for (const auto& [level, name] : text.marks) {
        at = flow.place(markWidth(name));
        const ImU32 fill = palette.rampMid;
        drawList->AddRectFilled(ImVec2(at.x, at.y + (label.size - swatch) * 0.5f),
                                ImVec2(at.x + swatch, at.y + (label.size + swatch) * 0.5f), fill, 3.0f * style.scale);
        drawAgreementMark(drawList, ImVec2(at.x + swatch * 0.5f, at.y + label.size * 0.5f), swatch * 0.36f,
                          agreementMark(level), readableOn(fill, palette.text, IM_COL32_WHITE),
                          std::max(line * 0.75f, 1.5f * style.scale));
        label.draw(drawList, ImVec2(at.x + swatch + gap * 0.6f, at.y), palette.text, name);
    }
    ImGui::Dummy(ImVec2(width, flow.height()));
}

} // namespace alignkiosk::ui::charts
