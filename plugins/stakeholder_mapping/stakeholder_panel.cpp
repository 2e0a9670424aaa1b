#include "stakeholder_panel.h"

#include "stakeholder_sentences.h"
#include "stakeholder_words.h"

#include "stakeholder_look.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

namespace alignkiosk::plugins::stakeholder_mapping {

using namespace sdk::touch;

namespace {

constexpr float kSqrt3Over2 = 0.8660254f;
// A matrix column never gets narrower than this many body-font heights: a bar, "most say Customer (100%)", the
// understanding line.
constexpr float kColumnEms = 13.0f;
// ImGui 1.86 tables hold at most 64 columns (IMGUI_TABLE_MAX_COLUMNS); one is the stakeholders'.
constexpr std::size_t kMaxGroupColumns = 63;

// Amber and red for poorly understood needs, as the diagnostic panel uses them for "watch" and "widespread".
constexpr ImU32 kWatchColor = IM_COL32(196, 120, 0, 255);
constexpr ImU32 kWidespreadColor = IM_COL32(200, 56, 44, 255);

std::string labelOf(const alignkiosk_aggregate_v2* group) { return group->group_label ? group->group_label : ""; }

ImVec2 toImVec(Point p) { return ImVec2(static_cast<float>(p.x), static_cast<float>(p.y)); }

void sectionTitle(std::string_view title, const Look& look, bool first) {
    if (!first) ImGui::Dummy(ImVec2(0.0f, 0.9f * ImGui::GetFontSize()));
    FontScope heading(look.heading);
    wrappedText(title);
}

// A filled square in `color`, one text line high, as an item (so lines of a legend stay aligned).
void swatch(ImU32 color) {
    const float size = ImGui::GetTextLineHeight() * 0.8f;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const float inset = (ImGui::GetTextLineHeight() - size) * 0.5f;
    ImGui::Dummy(ImVec2(size, ImGui::GetTextLineHeight()));
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(min.x, min.y + inset), ImVec2(min.x + size, min.y + inset + size),
                                              color, 3.0f);
}

// ---- (a) the ternary plot -------------------------------------------------------------------------------------------

struct GroupMix {
    std::size_t group = 0; // index into the shown groups, also its colour
    MixStatistics stats;
};

// The outline of a group's spread: from its centre, one standard deviation of each corner's share towards that
// corner and away from it (moving the share of corner i by d moves the point by d * 3/2 * (e_i - the centre of the
// simplex), the other two giving way equally). Six points, outside the triangle where the spread reaches past an
// edge: pointOf extends to them, and the caller takes their hull and clips it to the triangle.
std::vector<Point> spreadOutline(const MixStatistics& stats, const Triangle& triangle) {
    std::vector<Point> outline;
    for (std::size_t corner = 0; corner < kCorners; ++corner)
        for (const double sign : {1.0, -1.0}) {
            Weights point{};
            for (std::size_t i = 0; i < kCorners; ++i)
                point[i] = stats.mean[i] + sign * 1.5 * stats.sd[corner] * ((i == corner ? 1.0 : 0.0) - 1.0 / 3.0);
            outline.push_back(pointOf(triangle, point));
        }
    return outline;
}

void drawTernary(const MixItem& mix, const std::vector<GroupMix>& mixes, ImVec2 min, float width, const Look& look) {
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const float line = ImGui::GetTextLineHeight();
    const float pad = 0.35f * line;
    const float side = std::max(width - 2.0f * line, 6.0f * line);
    const float height = side * kSqrt3Over2;
    const float cx = min.x + width * 0.5f;
    const float top = min.y + line + pad;
    Triangle triangle;
    triangle.corner[0] = {cx, top};
    triangle.corner[1] = {cx - side * 0.5f, top + height};
    triangle.corner[2] = {cx + side * 0.5f, top + height};
    const ImVec2 a = toImVec(triangle.corner[0]), b = toImVec(triangle.corner[1]), c = toImVec(triangle.corner[2]);

    drawList->AddTriangleFilled(a, b, c, ImGui::GetColorU32(ImGuiCol_FrameBg));
    const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border, 0.5f);
    for (std::size_t i = 0; i < kCorners; ++i) {
        const std::size_t j = (i + 1) % kCorners, k = (i + 2) % kCorners;
        for (int step = 1; step < 5; ++step) { // every fifth of the total
            Weights from{}, to{};
            from[i] = to[i] = step / 5.0;
            from[j] = to[k] = 1.0 - step / 5.0;
            drawList->AddLine(toImVec(pointOf(triangle, from)), toImVec(pointOf(triangle, to)), grid, look.scale);
        }
    }
    drawList->AddTriangle(a, b, c, ImGui::GetColorU32(ImGuiCol_Text, 0.55f), 2.0f * look.scale);
    // The even split, where answers at random would centre.
    const ImVec2 even = toImVec(pointOf(triangle, {1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0}));
    drawList->AddCircle(even, 4.0f * look.scale, ImGui::GetColorU32(ImGuiCol_Text, 0.35f), 0, 1.5f * look.scale);

    const std::array<ImVec2, kCorners> corners{a, b, c};
    for (std::size_t i = 0; i < kCorners; ++i) {
        const std::string& label = mix.labels[i];
        const ImVec2 size = ImGui::CalcTextSize(label.c_str());
        const float x = std::clamp(corners[i].x - size.x * 0.5f, min.x, std::max(min.x, min.x + width - size.x));
        const float y = i == 0 ? corners[i].y - pad - size.y : corners[i].y + pad;
        drawList->AddText(ImVec2(x, y), ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
    }

    // Spreads first, centres on top, so no hexagon hides a dot.
    for (const GroupMix& mixOfGroup : mixes) {
        if (!mixOfGroup.stats.hasSpread) continue;
        const ImU32 color = groupColor(mixOfGroup.group);
        // The hull keeps the shape convex whatever the three deviations; clipping keeps it on the triangle.
        const std::vector<Point> shape =
            clipToTriangle(convexHull(spreadOutline(mixOfGroup.stats, triangle)), triangle);
        if (shape.size() < 3) continue;
        std::vector<ImVec2> points;
        for (const Point& p : shape) points.push_back(toImVec(p));
        drawList->AddConvexPolyFilled(points.data(), static_cast<int>(points.size()), withAlpha(color, 0.14f));
        drawList->AddPolyline(points.data(), static_cast<int>(points.size()), withAlpha(color, 0.8f),
                              ImDrawFlags_Closed, 2.0f * look.scale);
    }
    for (const GroupMix& mixOfGroup : mixes) {
        const ImVec2 centre = toImVec(pointOf(triangle, mixOfGroup.stats.mean));
        const float radius = 7.5f * look.scale;
        drawList->AddCircleFilled(centre, radius, groupColor(mixOfGroup.group));
        drawList->AddCircle(centre, radius, IM_COL32(255, 255, 255, 255), 0, 2.0f * look.scale);
    }
    // Reserve the plot's room as one item.
    ImGui::SetCursorScreenPos(min);
    ImGui::Dummy(ImVec2(width, height + 2.0f * (line + pad)));
}

void drawMixLegend(const MixItem& mix, const std::vector<GroupMix>& mixes,
                   std::span<const alignkiosk_aggregate_v2* const> groups, const sdk::Words& words) {
    for (const GroupMix& mixOfGroup : mixes) {
        const MixStatistics& stats = mixOfGroup.stats;
        ImGui::PushID(static_cast<int>(mixOfGroup.group));
        swatch(groupColor(mixOfGroup.group));
        ImGui::SameLine();
        const std::string title =
            words.fill(stats.answered == 1 ? words::kOneAnswer : words::kAnswers,
                       {{"group", labelOf(groups[mixOfGroup.group])}, {"n", std::to_string(stats.answered)}});
        ImGui::TextUnformatted(title.c_str());
        const float indent = ImGui::GetTextLineHeight() * 0.8f + ImGui::GetStyle().ItemSpacing.x;
        ImGui::Indent(indent);
        wrappedText(mixText(mix, stats));
        if (stats.hasSpread) {
            // The spread in points (one SD per corner) and r_wg-style agreement; see stakeholder_statistics.h.
            std::string points;
            for (std::size_t i = 0; i < kCorners; ++i)
                points += (i ? " \u00b7 " : " ") + std::to_string(static_cast<long>(stats.sd[i] * mix.total + 0.5));
            const std::string spread =
                words.fill(words::kSpread, {{"points", points},
                                            {"agreement", words.number(stats.agreement, 2)},
                                            {"word", agreementWord(stats.agreement, words)}});
            ImGui::PushStyleColor(ImGuiCol_Text, softTextColor());
            wrappedText(spread);
            ImGui::PopStyleColor();
        } else {
            softText(words(words::kNoSpread));
        }
        ImGui::Unindent(indent);
        ImGui::Dummy(ImVec2(0.0f, 0.3f * ImGui::GetFontSize()));
        ImGui::PopID();
    }
}

void drawMixSection(const MixItem& mix, std::span<const alignkiosk_aggregate_v2* const> groups, const Look& look,
                    const sdk::Words& words) {
    sectionTitle(mix.name, look, true);
    std::vector<GroupMix> mixes;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const alignkiosk_item_distribution_v2* item = findItem(*groups[g], mix.questionId);
        if (!item) continue;
        if (const std::optional<MixStatistics> stats = mixStatistics(*item, mix.total))
            mixes.push_back(GroupMix{g, *stats});
    }
    if (mixes.empty()) {
        softText(words(words::kNobodyYet));
        return;
    }
    softText(words(words::kMixNote));
    ImGui::Dummy(ImVec2(0.0f, 0.3f * ImGui::GetFontSize()));

    const float em = ImGui::GetFontSize();
    const float available = ImGui::GetContentRegionAvail().x;
    const float plotWidth = std::min(available, std::clamp(available * 0.42f, 16.0f * em, 24.0f * em));
    const float legendWidth = available - plotWidth - 2.0f * em;
    const bool besideEachOther = legendWidth >= 16.0f * em;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    drawTernary(mix, mixes, origin, plotWidth, look);
    const float plotBottom = ImGui::GetCursorScreenPos().y;
    if (besideEachOther) {
        ImGui::SetCursorScreenPos(ImVec2(origin.x + plotWidth + 2.0f * em, origin.y + em));
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + legendWidth);
        drawMixLegend(mix, mixes, groups, words);
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        const float legendBottom = ImGui::GetItemRectMax().y;
        ImGui::SetCursorScreenPos(ImVec2(origin.x, std::max(plotBottom, legendBottom)));
        ImGui::Dummy(ImVec2(0.0f, 0.0f));
    } else {
        drawMixLegend(mix, mixes, groups, words);
    }
}

// ---- (b) the stakeholders x groups matrix -------------------------------------------------------------------------

// The shares of each role side by side in one bar, the share written in a segment wide enough for it.
void roleBar(const RoleStatistics& stats, float width, const Look& look, const sdk::Words& words) {
    const float height = ImGui::GetTextLineHeight();
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const float rounding = 3.0f * look.scale;
    drawList->AddRectFilled(min, ImVec2(min.x + width, min.y + height), ImGui::GetColorU32(ImGuiCol_FrameBg), rounding);
    float x = min.x;
    for (std::size_t role = 0; role < stats.shares.size(); ++role) {
        const float segment = width * static_cast<float>(stats.shares[role]);
        if (segment <= 0.0f) continue;
        const ImU32 color = roleColor(role);
        drawList->AddRectFilled(ImVec2(x, min.y), ImVec2(x + segment, min.y + height), color);
        const std::string text = percent(stats.shares[role], words);
        const ImVec2 size = ImGui::CalcTextSize(text.c_str());
        if (size.x + 6.0f * look.scale < segment)
            drawList->AddText(ImVec2(x + (segment - size.x) * 0.5f, min.y + (height - size.y) * 0.5f),
                              contrastingText(color), text.c_str());
        x += segment;
    }
    drawList->AddRect(min, ImVec2(min.x + width, min.y + height), ImGui::GetColorU32(ImGuiCol_Border), rounding, 0,
                      look.scale);
}

void matrixCell(const StakeholderItem& item, const alignkiosk_aggregate_v2& group, const Look& look,
                const sdk::Words& words) {
    const std::optional<RoleStatistics> role = roleOf(item, group);
    const std::optional<UnderstandingStatistics> understanding = understandingOf(item, group);
    if (!role && !understanding) {
        softText(words(words::kNoAnswersYet));
        return;
    }
    if (role) {
        roleBar(*role, std::max(ImGui::GetContentRegionAvail().x - 0.5f * ImGui::GetFontSize(), 1.0f), look, words);
        // The most common role and how many share it: the group's agreement on the role.
        wrappedText(roleSentence(item, *role, words));
    }
    if (understanding) {
        const alignkiosk_finding_level_v1 level = levelFor(understanding->low, understanding->answered);
        std::string text = words.fill(words::kUnderstood, {{"mean", words.number(understanding->mean, 1)},
                                                           {"max", std::to_string(item.scaleMax)}});
        if (understanding->low > 0)
            text += " \u00b7 " + words.fill(words::kPoorly, {{"share", percent(understanding->lowShare, words)}});
        const bool flagged = level != ALIGNKIOSK_FINDING_INFO;
        if (flagged)
            ImGui::PushStyleColor(ImGuiCol_Text,
                                  level == ALIGNKIOSK_FINDING_WIDESPREAD ? kWidespreadColor : kWatchColor);
        wrappedText(text);
        if (flagged) ImGui::PopStyleColor();
    }
    // Air below the cell, so the next row's bar does not touch this row's text.
    ImGui::Dummy(ImVec2(0.0f, 0.2f * ImGui::GetFontSize()));
}

void drawMatrix(const MapPlan& plan, std::span<const alignkiosk_aggregate_v2* const> groups, const Look& look,
                const sdk::Words& words) {
    sectionTitle(words(words::kMatrixTitle), look, false);
    // The roles' colours, named once for the whole matrix.
    const StakeholderItem& first = plan.stakeholders.front();
    for (std::size_t role = 0; role < first.roleLabels.size(); ++role) {
        if (role) ImGui::SameLine(0.0f, ImGui::GetFontSize());
        swatch(roleColor(role));
        ImGui::SameLine();
        ImGui::TextUnformatted(first.roleLabels[role].c_str());
    }

    const float em = ImGui::GetFontSize();
    float nameWidth = 0.0f;
    {
        FontScope heading(look.heading); // the names are drawn in it
        for (const StakeholderItem& item : plan.stakeholders)
            nameWidth = std::max(nameWidth, ImGui::CalcTextSize(item.name.c_str()).x);
    }
    const float available = ImGui::GetContentRegionAvail().x;
    nameWidth = std::min(nameWidth + em, std::max(available * 0.25f, 6.0f * em));
    const float fit = (available - nameWidth) / (kColumnEms * em);
    const std::size_t perTable = std::clamp<std::size_t>(fit >= 1.0f ? static_cast<std::size_t>(fit) : 1, 1,
                                                         kMaxGroupColumns);

    // More groups than fit side by side: one table per run of groups, each with the stakeholder names again.
    for (std::size_t start = 0; start < groups.size(); start += perTable) {
        const std::size_t count = std::min(perTable, groups.size() - start);
        ImGui::PushID(static_cast<int>(start));
        if (ImGui::BeginTable("matrix", static_cast<int>(count + 1),
                              ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_NoSavedSettings | ImGuiTableFlags_PadOuterX)) {
            ImGui::TableSetupColumn("##stakeholder", ImGuiTableColumnFlags_WidthFixed, nameWidth);
            for (std::size_t g = 0; g < count; ++g)
                ImGui::TableSetupColumn(labelOf(groups[start + g]).c_str(), ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            for (std::size_t g = 0; g < count; ++g) {
                ImGui::TableNextColumn();
                const alignkiosk_aggregate_v2* group = groups[start + g];
                swatch(groupColor(start + g));
                ImGui::SameLine();
                wrappedText(labelOf(group));
                softText("n = " + std::to_string(group->response_count));
            }
            for (std::size_t s = 0; s < plan.stakeholders.size(); ++s) {
                const StakeholderItem& item = plan.stakeholders[s];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushID(static_cast<int>(s));
                {
                    FontScope heading(look.heading);
                    wrappedText(item.name);
                }
                for (std::size_t g = 0; g < count; ++g) {
                    ImGui::TableNextColumn();
                    ImGui::PushID(static_cast<int>(g));
                    matrixCell(item, *groups[start + g], look, words);
                    ImGui::PopID();
                }
                ImGui::PopID();
            }
            ImGui::EndTable();
        }
        ImGui::PopID();
    }
}

// ---- (c) seen differently -------------------------------------------------------------------------------------------

void drawSeenDifferently(const MapPlan& plan, std::span<const alignkiosk_aggregate_v2* const> groups,
                         const Look& look, const sdk::Words& words) {
    sectionTitle(words(words::kSeenDifferently), look, false);
    if (groups.size() < 2) {
        softText(words(words::kNeedsTwoGroups));
        return;
    }
    std::vector<std::vector<std::optional<RoleStatistics>>> roles(plan.stakeholders.size());
    for (std::size_t s = 0; s < plan.stakeholders.size(); ++s)
        for (const alignkiosk_aggregate_v2* group : groups) roles[s].push_back(roleOf(plan.stakeholders[s], *group));
    const std::vector<RoleGap> gaps = roleGaps(roles);
    if (gaps.empty()) {
        softText(words.fill(words::kNoneDifferent, {{"share", percent(kNotableDistance, words)}}));
        return;
    }
    softText(words(words::kApartNote));
    const float indent = ImGui::GetFontSize();
    for (const RoleGap& gap : gaps) {
        const StakeholderItem& item = plan.stakeholders[gap.stakeholder];
        const RoleStatistics& a = *roles[gap.stakeholder][gap.groupA];
        const RoleStatistics& b = *roles[gap.stakeholder][gap.groupB];
        const std::string nameA = labelOf(groups[gap.groupA]);
        const std::string nameB = labelOf(groups[gap.groupB]);
        std::string text = "\u2022 " + item.name + ": ";
        if (gap.modesDiffer) {
            text += words.fill(words::kModesDiffer, {{"a", nameA},
                                                     {"roleA", item.roleLabels[a.top]},
                                                     {"shareA", percent(a.topShare, words)},
                                                     {"b", nameB},
                                                     {"roleB", item.roleLabels[b.top]},
                                                     {"shareB", percent(b.topShare, words)}});
        } else {
            // Same most common role (or a tie): say how strongly each holds the first group's view.
            const std::size_t role = a.top;
            text += words.fill(words::kSameMode, {{"a", nameA},
                                                  {"b", nameB},
                                                  {"name", item.name},
                                                  {"role", item.roleLabels[role]},
                                                  {"shareA", percent(a.shares[role], words)},
                                                  {"shareB", percent(b.shares[role], words)}});
        }
        wrappedText(text);
        ImGui::Indent(indent);
        softText(words.fill(words::kViewsApart, {{"share", percent(gap.distance, words)}, {"name", item.name}}));
        ImGui::Unindent(indent);
    }
}

} // namespace

void drawMapPanel(const MapPlan& plan, std::span<const alignkiosk_aggregate_v2* const> groups,
                  const alignkiosk_frame_v1& frame, const sdk::Words& words) {
    const Look look = lookFor(frame);
    FontScope body(look.body);
    ImGui::PushID("stakeholder_mapping_panel");
    if (groups.empty()) {
        softText(words(words::kNothingYet));
        ImGui::PopID();
        return;
    }
    if (plan.mix) drawMixSection(*plan.mix, groups, look, words);
    if (!plan.stakeholders.empty()) {
        drawMatrix(plan, groups, look, words);
        drawSeenDifferently(plan, groups, look, words);
    }
    ImGui::PopID();
}

} // namespace alignkiosk::plugins::stakeholder_mapping
