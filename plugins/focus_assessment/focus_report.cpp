#include "focus_report.h"

#include "focus_keywords.h"
#include "focus_panel.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace alignkiosk::plugins::focus_assessment {

namespace {

std::string groupCell(const sdk::AggregateView& group) {
    return std::string(group.groupLabel()) + " (n = " + std::to_string(group.responseCount()) + ")";
}

void percentSection(const PercentItem& item, int threshold, const std::vector<sdk::AggregateView>& groups,
                    sdk::ReportWriter& report) {
    report.heading(item.name);
    report.row({"Group", "Mean", "Median", "Under " + std::to_string(threshold) + "%"}, true);
    for (const sdk::AggregateView& group : groups) {
        const auto summary = summarisePercent(countsOf(group.item(item.questionId)), threshold);
        if (!summary) {
            report.row({groupCell(group), "no answers", "", ""});
            continue;
        }
        report.row({groupCell(group), percentText(summary->mean), percentText(summary->median),
                    shareText(summary->below, summary->answered)});
    }
    for (const sdk::AggregateView& group : groups)
        if (const auto summary = summarisePercent(countsOf(group.item(item.questionId)), threshold))
            report.bar(std::string(group.groupLabel()), summary->mean, 100.0, "mean " + percentText(summary->mean), {},
                       summary->mean < threshold);
}

void overlapSection(const ScoringPlan& plan, std::string_view language, const sdk::PanelInput& input,
                    sdk::ReportWriter& report) {
    report.heading(plan.goalName + " \u2014 the key words people share");
    for (const sdk::AggregateView& group : input.groups) {
        report.heading(group.groupLabel());
        const sdk::TextAnswersView* answers = input.textsOf(group.groupLabel(), *plan.goalQuestionId);
        if (!answers) {
            report.paragraph("Goal sentences not shown: the anonymity rules for open answers hold this group's back.");
            continue;
        }
        std::vector<std::string_view> sentences;
        for (uint32_t i = 0; i < answers->size(); ++i) sentences.push_back(answers->answer(i));
        const GoalOverlap overlap = goalOverlap(sentences, language, kSharedWordsShown);
        const uint32_t n = overlap.sentences;
        char jaccard[64];
        std::snprintf(jaccard, sizeof jaccard, "%d%% (mean Jaccard)",
                      static_cast<int>(overlap.meanJaccard * 100.0 + 0.5));
        report.statistic("Sentences", std::to_string(n));
        report.statistic("Sharing a key word with someone else's", std::to_string(overlap.sentencesSharing) + " of " +
                                                                         std::to_string(n));
        report.statistic("Key words two sentences share on average", jaccard);
        for (const SharedWord& word : overlap.shared)
            report.bar(word.word, word.participants, std::max(n, 1u),
                       std::to_string(word.participants) + " of " + std::to_string(n));
    }
}

void smmartSection(const OptionsItem& item, const std::vector<sdk::AggregateView>& groups, sdk::ReportWriter& report) {
    report.heading(item.name);
    std::vector<std::string> header{"Group"};
    header.insert(header.end(), item.optionLabels.begin(), item.optionLabels.end());
    report.row(header, true);
    for (const sdk::AggregateView& group : groups) {
        const alignkiosk_item_distribution_v2* distribution = group.item(item.questionId);
        const uint32_t answered = distribution ? distribution->answered : 0;
        const OptionCounts counts = optionCounts(item, countsOf(distribution), answered);
        std::vector<std::string> row{groupCell(group)};
        for (size_t o = 0; o < item.optionLabels.size(); ++o)
            row.push_back(answered == 0 ? "\u2013"
                                        : std::to_string(percentFloor(std::min(counts.counts[o], answered), answered)) +
                                              "%");
        report.row(row);
    }
}

void claritySection(const std::vector<ClarityItem>& items, const std::vector<sdk::AggregateView>& groups,
                    sdk::ReportWriter& report) {
    report.heading("How clear and focused each area looks");
    const ClarityItem& first = items.front();
    report.paragraph("Each cell: " + first.yesLabel + " \u00b7 " + first.partlyLabel + " \u00b7 " + first.noLabel +
                     ", as shares of the group's answers.");
    std::vector<std::string> header{"Group"};
    for (const ClarityItem& item : items) header.push_back(item.name);
    report.row(header, true);
    for (const sdk::AggregateView& group : groups) {
        std::vector<std::string> row{groupCell(group)};
        for (const ClarityItem& item : items) {
            const ClaritySummary summary = summariseClarity(item, countsOf(group.item(item.questionId)));
            const uint32_t n = summary.answered();
            row.push_back(n == 0 ? std::string("no answers")
                                 : std::to_string(percentFloor(summary.yes, n)) + "% \u00b7 " +
                                       std::to_string(percentFloor(summary.partly, n)) + "% \u00b7 " +
                                       std::to_string(percentFloor(summary.no, n)) + "%");
        }
        report.row(row);
    }
}

void opportunitySection(const OptionsItem& item, const std::vector<sdk::AggregateView>& groups,
                        sdk::ReportWriter& report) {
    report.heading(item.name);
    report.row({"Group", "Most chosen", "Share"}, true);
    for (const sdk::AggregateView& group : groups) {
        const alignkiosk_item_distribution_v2* distribution = group.item(item.questionId);
        const uint32_t answered = distribution ? distribution->answered : 0;
        const OptionCounts counts = optionCounts(item, countsOf(distribution), answered);
        const std::vector<uint32_t> top = answered > 0 ? topOptions(counts) : std::vector<uint32_t>{};
        if (top.empty()) {
            report.row({groupCell(group), "no answers", ""});
            continue;
        }
        std::string chosen; // every option tied for first: a tie is worth seeing
        for (const uint32_t option : top) chosen += (chosen.empty() ? "" : " / ") + item.optionLabels[option];
        const std::string share = shareText(std::min(counts.counts[top.front()], answered), answered);
        report.row({groupCell(group), chosen, share + (top.size() > 1 ? " each" : "")});
    }
}

} // namespace

void writeReport(const ScoringPlan& plan, std::string_view language, const sdk::PanelInput& input,
                 sdk::ReportWriter& report) {
    if (input.groups.empty()) {
        report.paragraph("Nothing to show yet: no group has enough answers to be shown.");
        return;
    }
    const std::vector<sdk::AggregateView>& groups = input.groups;
    if (plan.goalTime) percentSection(*plan.goalTime, kGoalTimeBelow, groups, report);
    if (plan.goalQuestionId) overlapSection(plan, language, input, report);
    if (plan.smmart) smmartSection(*plan.smmart, groups, report);
    if (!plan.clarity.empty()) claritySection(plan.clarity, groups, report);
    if (plan.opportunity) opportunitySection(*plan.opportunity, groups, report);
    if (plan.idealClients) percentSection(*plan.idealClients, kIdealClientsBelow, groups, report);
    // The findings, as score() gives them, for every group.
    for (const sdk::AggregateView& group : groups)
        for (const FocusFinding& finding : scoreAggregate(plan, group.raw()))
            if (finding.level != ALIGNKIOSK_FINDING_INFO)
                report.statistic(std::string(group.groupLabel()) + ": " + finding.headline,
                                 finding.action.empty() ? std::string() : "Check first: " + finding.action,
                                 finding.level == ALIGNKIOSK_FINDING_WIDESPREAD);
}

} // namespace alignkiosk::plugins::focus_assessment
