#include "focus_panel.h"

#include "focus_stop_words.h"
#include "focus_words.h"

#include <alignkiosk/touch_ui.hpp>

#include <imgui.h>

#include <algorithm>
#include <initializer_list>

namespace alignkiosk::plugins::focus_assessment {

using namespace sdk::touch;

namespace {

// A group's column in the key-word section never gets narrower than this many body-font heights.
constexpr float kOverlapColumnEms = 18.0f;
// ImGui 1.86 tables hold at most 64 columns (IMGUI_TABLE_MAX_COLUMNS).
constexpr int kMaxColumns = 64;

// Clear / partly / not clear read as green, amber and red on a light or dark theme and on a washed-out projector; the
// numbers beside every bar give the same in the legend's order, for anyone who cannot tell the colours apart.
constexpr ImU32 kYesColor = IM_COL32(46, 150, 90, 255);
constexpr ImU32 kPartlyColor = IM_COL32(232, 156, 32, 255);
constexpr ImU32 kNoColor = IM_COL32(208, 64, 52, 255);

constexpr ImGuiTableFlags kTableFlags =
    ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_NoSavedSettings;

void sectionTitle(std::string_view title, const Look& look) {
    ImGui::Dummy(ImVec2(0.0f, 0.6f * ImGui::GetFontSize()));
    FontScope heading(look.heading);
    wrappedText(title);
}

std::string countText(uint32_t count) { return "n = " + std::to_string(count); }

// The first cell of a row: the group's name and its number of responses.
void groupCell(const sdk::AggregateView& group) {
    wrappedText(group.groupLabel());
    softText(countText(group.responseCount()));
}

// A bar track one text line high, `width` wide, at the cursor; returns its rectangle.
std::pair<ImVec2, ImVec2> track(float width, const Look& look) {
    const float lineHeight = ImGui::GetTextLineHeight();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, lineHeight));
    const float inset = lineHeight * 0.1f;
    const ImVec2 min(origin.x, origin.y + inset);
    const ImVec2 max(origin.x + std::max(width, 1.0f), origin.y + lineHeight - inset);
    ImGui::GetWindowDrawList()->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_FrameBg), 3.0f * look.scale);
    return {min, max};
}

void outline(ImVec2 min, ImVec2 max, const Look& look) {
    // The outline keeps an empty bar visible on a high-contrast theme.
    ImGui::GetWindowDrawList()->AddRect(min, max, ImGui::GetColorU32(ImGuiCol_Border), 3.0f * look.scale, 0,
                                        1.5f * look.scale);
}

// A percent question's bar: filled to the mean, a dark mark at the median and a red mark at the finding's threshold.
void percentBar(float width, const PercentSummary& summary, int threshold, const Look& look) {
    const auto [min, max] = track(width, look);
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const auto xOf = [&](double percent) {
        return min.x + (max.x - min.x) * static_cast<float>(std::clamp(percent, 0.0, 100.0) / 100.0);
    };
    if (summary.mean > 0.0) drawList->AddRectFilled(min, ImVec2(xOf(summary.mean), max.y), look.accent, 3.0f * look.scale);
    drawList->AddLine(ImVec2(xOf(threshold), min.y - 2.0f * look.scale), ImVec2(xOf(threshold), max.y + 2.0f * look.scale),
                      kNoColor, 2.0f * look.scale);
    const float median = xOf(summary.median);
    drawList->AddLine(ImVec2(median, min.y - 3.0f * look.scale), ImVec2(median, max.y + 3.0f * look.scale),
                      ImGui::GetColorU32(ImGuiCol_Text), 3.0f * look.scale);
    outline(min, max, look);
}

// yes | partly | no side by side, each as long as its share.
void stackedBar(float width, const ClaritySummary& summary, const Look& look) {
    const auto [min, max] = track(width, look);
    const uint32_t answered = summary.answered();
    if (answered > 0) {
        ImDrawList* drawList = ImGui::GetWindowDrawList();
        float x = min.x;
        for (const auto& [count, color] : {std::pair{summary.yes, kYesColor}, std::pair{summary.partly, kPartlyColor},
                                           std::pair{summary.no, kNoColor}}) {
            const float length = (max.x - min.x) * static_cast<float>(count) / static_cast<float>(answered);
            if (length > 0.0f) drawList->AddRectFilled(ImVec2(x, min.y), ImVec2(x + length, max.y), color);
            x += length;
        }
    }
    outline(min, max, look);
}

void shareBar(float width, float share, ImU32 color, const Look& look) {
    const auto [min, max] = track(width, look);
    const float filled = (max.x - min.x) * std::clamp(share, 0.0f, 1.0f);
    if (filled > 0.0f)
        ImGui::GetWindowDrawList()->AddRectFilled(min, ImVec2(min.x + filled, max.y), color, 3.0f * look.scale);
    outline(min, max, look);
}

// A coloured square and a word, for a legend.
void swatch(ImU32 color, std::string_view word) {
    const float side = ImGui::GetTextLineHeight() * 0.7f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float top = origin.y + (ImGui::GetTextLineHeight() - side) * 0.5f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(origin.x, top), ImVec2(origin.x + side, top + side), color);
    ImGui::Dummy(ImVec2(side, ImGui::GetTextLineHeight()));
    ImGui::SameLine(0.0f, ImGui::GetFontSize() * 0.3f);
    ImGui::TextUnformatted(word.data(), word.data() + word.size());
}

uint32_t percentOf(uint32_t count, uint32_t answered) { return percentFloor(count, answered); }

// ---- The sections ---------------------------------------------------------------------------------------------------

void percentSection(const PercentItem& item, int threshold, const std::vector<sdk::AggregateView>& groups,
                    const Look& look, const sdk::Words& words) {
    sectionTitle(item.name, look);
    softText(words.fill(words::kPercentLegend, {{"threshold", words.percent(threshold)}}));
    if (!ImGui::BeginTable(item.questionId.c_str(), 3, kTableFlags)) return;
    ImGui::TableSetupColumn("group", ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn("bar", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("text", ImGuiTableColumnFlags_WidthStretch, 2.2f);
    for (const sdk::AggregateView& group : groups) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        groupCell(group);
        const std::optional<PercentSummary> summary =
            summarisePercent(countsOf(group.item(item.questionId)), threshold);
        ImGui::TableNextColumn();
        if (summary) percentBar(ImGui::GetContentRegionAvail().x, *summary, threshold, look);
        ImGui::TableNextColumn();
        if (!summary) {
            softText(words(words::kNoAnswers));
            continue;
        }
        wrappedText(words.fill(words::kMeanMedian, {{"mean", percentText(summary->mean, words)},
                                                    {"median", percentText(summary->median, words)}}));
        softText(words.fill(words::kUnder, {{"threshold", words.percent(threshold)},
                                            {"share", shareText(summary->below, summary->answered, words)}}));
    }
    ImGui::EndTable();
}

void claritySection(const std::vector<ClarityItem>& items, const std::vector<sdk::AggregateView>& groups,
                    const Look& look, const sdk::Words& words) {
    sectionTitle(words(words::kClarityTitle), look);
    // The legend, in the survey's words for the three answers.
    swatch(kYesColor, items.front().yesLabel);
    ImGui::SameLine(0.0f, ImGui::GetFontSize());
    swatch(kPartlyColor, items.front().partlyLabel);
    ImGui::SameLine(0.0f, ImGui::GetFontSize());
    swatch(kNoColor, items.front().noLabel);

    const int columns = static_cast<int>(std::min<size_t>(items.size() + 1, kMaxColumns));
    if (!ImGui::BeginTable("clarity", columns, kTableFlags)) return;
    ImGui::TableSetupColumn("group", ImGuiTableColumnFlags_WidthStretch, 1.1f);
    for (int c = 1; c < columns; ++c) ImGui::TableSetupColumn(items[static_cast<size_t>(c - 1)].name.c_str(),
                                                              ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    for (int c = 1; c < columns; ++c) {
        ImGui::TableNextColumn();
        wrappedText(items[static_cast<size_t>(c - 1)].name);
    }
    for (const sdk::AggregateView& group : groups) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        groupCell(group);
        for (int c = 1; c < columns; ++c) {
            const ClarityItem& item = items[static_cast<size_t>(c - 1)];
            const ClaritySummary summary = summariseClarity(item, countsOf(group.item(item.questionId)));
            ImGui::TableNextColumn();
            if (summary.answered() == 0) {
                softText(words(words::kNoAnswers));
                continue;
            }
            stackedBar(ImGui::GetContentRegionAvail().x, summary, look);
            const uint32_t n = summary.answered();
            wrappedText(words.percent(static_cast<int>(percentOf(summary.yes, n))) + " \u00b7 " +
                        words.percent(static_cast<int>(percentOf(summary.partly, n))) + " \u00b7 " +
                        words.percent(static_cast<int>(percentOf(summary.no, n))));
        }
    }
    ImGui::EndTable();
}

// The colour of a S.M.M.A.R.T. quality's bar: red when at most a quarter tick it, amber when at most half do (the
// levels of the findings), else the accent.
ImU32 coverageColor(uint32_t ticks, uint32_t answered, const Look& look) {
    const uint64_t missing = answered - std::min(ticks, answered);
    if (missing * 4 >= static_cast<uint64_t>(answered) * 3) return kNoColor;
    if (missing * 2 >= answered) return kPartlyColor;
    return look.accent;
}

void smmartSection(const OptionsItem& item, const std::vector<sdk::AggregateView>& groups, const Look& look,
                   const sdk::Words& words) {
    sectionTitle(item.name, look);
    const int columns = static_cast<int>(std::min<size_t>(item.optionLabels.size() + 1, kMaxColumns));
    if (!ImGui::BeginTable(item.questionId.c_str(), columns, kTableFlags)) return;
    ImGui::TableSetupColumn("group", ImGuiTableColumnFlags_WidthStretch, 1.1f);
    for (int c = 1; c < columns; ++c)
        ImGui::TableSetupColumn(item.optionLabels[static_cast<size_t>(c - 1)].c_str(), ImGuiTableColumnFlags_WidthStretch,
                                0.8f);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    for (int c = 1; c < columns; ++c) {
        ImGui::TableNextColumn();
        wrappedText(item.optionLabels[static_cast<size_t>(c - 1)]);
    }
    for (const sdk::AggregateView& group : groups) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        groupCell(group);
        const alignkiosk_item_distribution_v2* distribution = group.item(item.questionId);
        const uint32_t answered = distribution ? distribution->answered : 0;
        const OptionCounts counts = optionCounts(item, countsOf(distribution), answered);
        for (int c = 1; c < columns; ++c) {
            ImGui::TableNextColumn();
            if (answered == 0) {
                softText(words(words::kNoAnswers));
                continue;
            }
            const uint32_t ticks = std::min(counts.counts[static_cast<size_t>(c - 1)], answered);
            shareBar(ImGui::GetContentRegionAvail().x, static_cast<float>(ticks) / static_cast<float>(answered),
                     coverageColor(ticks, answered, look), look);
            wrappedText(words.percent(static_cast<int>(percentOf(ticks, answered))));
        }
    }
    ImGui::EndTable();
}

void opportunitySection(const OptionsItem& item, const std::vector<sdk::AggregateView>& groups, const Look& look,
                        const sdk::Words& words) {
    sectionTitle(item.name, look);
    if (!ImGui::BeginTable(item.questionId.c_str(), 3, kTableFlags)) return;
    ImGui::TableSetupColumn("group", ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn("choice", ImGuiTableColumnFlags_WidthStretch, 2.4f);
    ImGui::TableSetupColumn("share", ImGuiTableColumnFlags_WidthStretch, 1.8f);
    for (const sdk::AggregateView& group : groups) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        groupCell(group);
        const alignkiosk_item_distribution_v2* distribution = group.item(item.questionId);
        const uint32_t answered = distribution ? distribution->answered : 0;
        const OptionCounts counts = optionCounts(item, countsOf(distribution), answered);
        const std::vector<uint32_t> top = answered > 0 ? topOptions(counts) : std::vector<uint32_t>{};
        ImGui::TableNextColumn();
        if (top.empty()) {
            softText(words(words::kNoAnswers));
            continue;
        }
        // Every option tied for first, one per line: a tie is worth seeing.
        for (const uint32_t option : top) wrappedText(item.optionLabels[option]);
        ImGui::TableNextColumn();
        const uint32_t chosen = std::min(counts.counts[top.front()], answered);
        shareBar(ImGui::GetContentRegionAvail().x, static_cast<float>(chosen) / static_cast<float>(answered),
                 look.accent, look);
        const std::string share = shareText(chosen, answered, words);
        wrappedText(top.size() > 1 ? words.fill(words::kEach, {{"share", share}}) : share);
    }
    ImGui::EndTable();
}

void overlapColumn(const sdk::AggregateView& group, const GoalOverlap* overlap, const Look& look,
                   const sdk::Words& words) {
    {
        FontScope heading(look.heading);
        wrappedText(group.groupLabel());
    }
    if (!overlap) {
        // The kiosk hands over a group's sentences only when the anonymity rules for open answers allow it: enough
        // answers, and no smaller group's answers to be worked out by comparing groups (a 1.1 kiosk hands over none).
        softText(words(words::kSentencesHeldBack));
        return;
    }
    const uint32_t n = overlap->sentences;
    softText(n == 1 ? std::string(words(words::kOneSentence))
                    : words.fill(words::kSentences, {{"n", std::to_string(n)}}));
    if (overlap->shared.empty()) {
        wrappedText(words(n < 2 ? words::kTooFew : words::kNoSharedWord));
        return;
    }
    ImGui::Dummy(ImVec2(0.0f, 0.2f * ImGui::GetFontSize()));
    // One row per key word: the word, a bar of the sentences using it, and "n of N".
    float wordWidth = 0.0f, countWidth = 0.0f;
    for (const SharedWord& word : overlap->shared) {
        wordWidth = std::max(wordWidth, ImGui::CalcTextSize(word.word.c_str()).x);
        countWidth = std::max(countWidth,
                              ImGui::CalcTextSize(words.fill(words::kOf, {{"count", std::to_string(word.participants)},
                                                                          {"total", std::to_string(n)}})
                                                      .c_str())
                                  .x);
    }
    const float gap = ImGui::GetFontSize() * 0.5f;
    const float available = ImGui::GetContentRegionAvail().x;
    wordWidth = std::min(wordWidth, available * 0.45f);
    const float barWidth = std::max(available - wordWidth - countWidth - 2.0f * gap, ImGui::GetFontSize() * 2.0f);
    // Placed in screen coordinates: SameLine(x) counts from the table column's start, not the cell's. One line each,
    // never wrapped (the room was measured above).
    ImGui::PushTextWrapPos(-1.0f);
    for (const SharedWord& word : overlap->shared) {
        const ImVec2 rowStart = ImGui::GetCursorScreenPos();
        ImGui::TextUnformatted(word.word.c_str());
        ImGui::SetCursorScreenPos(ImVec2(rowStart.x + wordWidth + gap, rowStart.y));
        shareBar(barWidth, static_cast<float>(word.participants) / static_cast<float>(std::max(n, 1u)), look.accent,
                 look);
        ImGui::SameLine(0.0f, gap);
        const std::string count =
            words.fill(words::kOf, {{"count", std::to_string(word.participants)}, {"total", std::to_string(n)}});
        ImGui::TextUnformatted(count.c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0.0f, 0.2f * ImGui::GetFontSize()));
    const SharedWord& top = overlap->shared.front();
    wrappedText(words.fill(words::kWordIn, {{"word", top.word}, {"share", shareText(top.participants, n, words)}}));
    wrappedText(words.fill(words::kSharing,
                           {{"count", std::to_string(overlap->sentencesSharing)}, {"total", std::to_string(n)}}));
    // Mean pairwise Jaccard similarity (focus_keywords.h), as a whole percent.
    softText(words.fill(words::kJaccard,
                        {{"percent", words.percent(static_cast<int>(overlap->meanJaccard * 100.0 + 0.5))}}));
}

// FNV-1a, 64 bits (Fowler, Noll and Vo; offset basis 14695981039346656037, prime 1099511628211) over every answer
// with a separator byte after each, so the cache notices any change in the sentences.
uint64_t fingerprint(const sdk::TextAnswersView& answers, std::string_view language) {
    uint64_t hash = 14695981039346656037ull;
    const auto add = [&hash](std::string_view text) {
        for (const char c : text) {
            hash ^= static_cast<unsigned char>(c);
            hash *= 1099511628211ull;
        }
        hash ^= 0xFFu; // a byte UTF-8 never holds
        hash *= 1099511628211ull;
    };
    add(language);
    for (uint32_t i = 0; i < answers.size(); ++i) add(answers.answer(i));
    return hash;
}

} // namespace

const GoalOverlap& FocusPanel::overlapOf(std::string_view group, const sdk::TextAnswersView& answers,
                                         std::string_view language) {
    const uint64_t print = fingerprint(answers, language);
    for (Cached& cached : m_overlaps)
        if (cached.group == group) {
            if (cached.fingerprint != print) {
                std::vector<std::string_view> sentences;
                for (uint32_t i = 0; i < answers.size(); ++i) sentences.push_back(answers.answer(i));
                cached.overlap = goalOverlap(sentences, language, kSharedWordsShown);
                cached.fingerprint = print;
            }
            return cached.overlap;
        }
    std::vector<std::string_view> sentences;
    for (uint32_t i = 0; i < answers.size(); ++i) sentences.push_back(answers.answer(i));
    m_overlaps.push_back(Cached{std::string(group), print, goalOverlap(sentences, language, kSharedWordsShown)});
    return m_overlaps.back().overlap;
}

void FocusPanel::draw(const ScoringPlan& plan, std::string_view language, const sdk::PanelInput& input,
                      const alignkiosk_frame_v1& frame, const sdk::Words& words) {
    const Look look = lookFor(frame);
    FontScope body(look.body);
    ImGui::PushID("focus_assessment_panel");
    if (input.groups.empty()) {
        wrappedText(words(words::kNothingYet));
        ImGui::PopID();
        return;
    }
    const std::vector<sdk::AggregateView>& groups = input.groups;
    // Room above and below every row, so the lines between groups never touch their text.
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding,
                        ImVec2(ImGui::GetStyle().CellPadding.x, 0.3f * ImGui::GetFontSize()));

    if (plan.goalTime) percentSection(*plan.goalTime, kGoalTimeBelow, groups, look, words);

    if (plan.goalQuestionId) {
        sectionTitle(words.fill(words::kSharedWordsTitle, {{"goal", plan.goalName}}), look);
        if (!hasStopWords(language)) softText(words(words::kNoStopWords));
        // Words only one person used are never shown. Groups side by side, as many as fit.
        const float fit = ImGui::GetContentRegionAvail().x / (kOverlapColumnEms * ImGui::GetFontSize());
        const float bounded = fit >= 1.0f ? std::min(fit, static_cast<float>(kMaxColumns)) : 1.0f;
        const int columns =
            std::min(static_cast<int>(bounded), static_cast<int>(std::min<size_t>(groups.size(), kMaxColumns)));
        if (ImGui::BeginTable("overlap", std::max(columns, 1),
                              ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_NoSavedSettings)) {
            for (size_t i = 0; i < groups.size(); ++i) {
                ImGui::TableNextColumn();
                ImGui::PushID(static_cast<int>(i));
                const sdk::TextAnswersView* answers = input.textsOf(groups[i].groupLabel(), *plan.goalQuestionId);
                overlapColumn(groups[i], answers ? &overlapOf(groups[i].groupLabel(), *answers, language) : nullptr,
                              look, words);
                ImGui::PopID();
            }
            ImGui::EndTable();
        }
    }

    if (plan.smmart) smmartSection(*plan.smmart, groups, look, words);
    if (!plan.clarity.empty()) claritySection(plan.clarity, groups, look, words);
    if (plan.opportunity) opportunitySection(*plan.opportunity, groups, look, words);
    if (plan.idealClients) percentSection(*plan.idealClients, kIdealClientsBelow, groups, look, words);
    ImGui::PopStyleVar();
    ImGui::PopID();
}

} // namespace alignkiosk::plugins::focus_assessment
