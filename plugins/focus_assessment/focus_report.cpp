#include "focus_report.h"

#include "focus_keywords.h"
#include "focus_panel.h"
#include "focus_words.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace alignkiosk::plugins::focus_assessment {

namespace {

std::string groupCell(const sdk::AggregateView& group, const sdk::Words& words) {
    return words.fill(words::kGroupN,
                      {{"group", std::string(group.groupLabel())}, {"n", std::to_string(group.responseCount())}});
}

void percentSection(const PercentItem& item, int threshold, const std::vector<sdk::AggregateView>& groups,
                    sdk::ReportWriter& report, const sdk::Words& words) {
    report.heading(item.name);
    report.row({words(words::kGroup), words(words::kMean), words(words::kMedian),
                words.fill(words::kUnderColumn, {{"threshold", words.percent(threshold)}})},
               true);
    for (const sdk::AggregateView& group : groups) {
        const auto summary = summarisePercent(countsOf(group.item(item.questionId)), threshold);
        if (!summary) {
            report.row({groupCell(group, words), words(words::kNoAnswers), "", ""});
            continue;
        }
        report.row({groupCell(group, words), percentText(summary->mean, words), percentText(summary->median, words),
                    shareText(summary->below, summary->answered, words)});
    }
    for (const sdk::AggregateView& group : groups)
        if (const auto summary = summarisePercent(countsOf(group.item(item.questionId)), threshold))
            report.bar(std::string(group.groupLabel()), summary->mean, 100.0,
                       words.fill(words::kMeanValue, {{"mean", percentText(summary->mean, words)}}), {},
                       summary->mean < threshold);
}

void overlapSection(const ScoringPlan& plan, std::string_view language, const sdk::PanelInput& input,
                    sdk::ReportWriter& report, const sdk::Words& words) {
    report.heading(words.fill(words::kSharedWordsTitle, {{"goal", plan.goalName}}));
    for (const sdk::AggregateView& group : input.groups) {
        report.heading(group.groupLabel());
        const sdk::TextAnswersView* answers = input.textsOf(group.groupLabel(), *plan.goalQuestionId);
        if (!answers) {
            report.paragraph(words(words::kSentencesHeldBack));
            continue;
        }
        std::vector<std::string_view> sentences;
        for (uint32_t i = 0; i < answers->size(); ++i) sentences.push_back(answers->answer(i));
        const GoalOverlap overlap = goalOverlap(sentences, language, kSharedWordsShown);
        const uint32_t n = overlap.sentences;
        const std::string jaccard = words.fill(
            words::kJaccardValue, {{"percent", words.percent(static_cast<int>(overlap.meanJaccard * 100.0 + 0.5))}});
        report.statistic(words(words::kSentencesCount), std::to_string(n));
        report.statistic(words(words::kSharingKeyWord),
                         words.fill(words::kOf, {{"count", std::to_string(overlap.sentencesSharing)},
                                                 {"total", std::to_string(n)}}));
        report.statistic(words(words::kKeyWordsShared), jaccard);
        for (const SharedWord& word : overlap.shared)
            report.bar(word.word, word.participants, std::max(n, 1u),
                       words.fill(words::kOf, {{"count", std::to_string(word.participants)},
                                               {"total", std::to_string(n)}}));
    }
}

void smmartSection(const OptionsItem& item, const std::vector<sdk::AggregateView>& groups, sdk::ReportWriter& report,
                   const sdk::Words& words) {
    report.heading(item.name);
    std::vector<std::string> header{words(words::kGroup)};
    header.insert(header.end(), item.optionLabels.begin(), item.optionLabels.end());
    report.row(header, true);
    for (const sdk::AggregateView& group : groups) {
        const alignkiosk_item_distribution_v2* distribution = group.item(item.questionId);
        const uint32_t answered = distribution ? distribution->answered : 0;
        const OptionCounts counts = optionCounts(item, countsOf(distribution), answered);
        std::vector<std::string> row{groupCell(group, words)};
        for (size_t o = 0; o < item.optionLabels.size(); ++o)
            row.push_back(answered == 0 ? "\u2013"
                                        : words.percent(percentFloor(std::min(counts.counts[o], answered), answered)));
        report.row(row);
    }
}

void claritySection(const std::vector<ClarityItem>& items, const std::vector<sdk::AggregateView>& groups,
                    sdk::ReportWriter& report, const sdk::Words& words) {
    report.heading(words(words::kClarityTitle));
    const ClarityItem& first = items.front();
    report.paragraph(words.fill(words::kCellNote,
                                {{"yes", first.yesLabel}, {"partly", first.partlyLabel}, {"no", first.noLabel}}));
    std::vector<std::string> header{words(words::kGroup)};
    for (const ClarityItem& item : items) header.push_back(item.name);
    report.row(header, true);
    for (const sdk::AggregateView& group : groups) {
        std::vector<std::string> row{groupCell(group, words)};
        for (const ClarityItem& item : items) {
            const ClaritySummary summary = summariseClarity(item, countsOf(group.item(item.questionId)));
            const uint32_t n = summary.answered();
            row.push_back(n == 0 ? std::string(words(words::kNoAnswers))
                                 : words.percent(percentFloor(summary.yes, n)) + " \u00b7 " +
                                       words.percent(percentFloor(summary.partly, n)) + " \u00b7 " +
                                       words.percent(percentFloor(summary.no, n)));
        }
        report.row(row);
    }
}

void opportunitySection(const OptionsItem& item, const std::vector<sdk::AggregateView>& groups,
                        sdk::ReportWriter& report, const sdk::Words& words) {
    report.heading(item.name);
    report.row({words(words::kGroup), words(words::kMostChosenColumn), words(words::kShareColumn)}, true);
    for (const sdk::AggregateView& group : groups) {
        const alignkiosk_item_distribution_v2* distribution = group.item(item.questionId);
        const uint32_t answered = distribution ? distribution->answered : 0;
        const OptionCounts counts = optionCounts(item, countsOf(distribution), answered);
        const std::vector<uint32_t> top = answered > 0 ? topOptions(counts) : std::vector<uint32_t>{};
        if (top.empty()) {
            report.row({groupCell(group, words), words(words::kNoAnswers), ""});
            continue;
        }
        std::string chosen; // every option tied for first: a tie is worth seeing
        for (const uint32_t option : top) chosen += (chosen.empty() ? "" : " / ") + item.optionLabels[option];
        const std::string share = shareText(std::min(counts.counts[top.front()], answered), answered, words);
        report.row({groupCell(group, words), chosen,
                    top.size() > 1 ? words.fill(words::kEach, {{"share", share}}) : share});
    }
}

} // namespace

void writeReport(const ScoringPlan& plan, std::string_view language, const sdk::PanelInput& input,
                 sdk::ReportWriter& report, const sdk::Words& words) {
    if (input.groups.empty()) {
        report.paragraph(words(words::kNothingYet));
        return;
    }
    const std::vector<sdk::AggregateView>& groups = input.groups;
    if (plan.goalTime) percentSection(*plan.goalTime, kGoalTimeBelow, groups, report, words);
    if (plan.goalQuestionId) overlapSection(plan, language, input, report, words);
    if (plan.smmart) smmartSection(*plan.smmart, groups, report, words);
    if (!plan.clarity.empty()) claritySection(plan.clarity, groups, report, words);
    if (plan.opportunity) opportunitySection(*plan.opportunity, groups, report, words);
    if (plan.idealClients) percentSection(*plan.idealClients, kIdealClientsBelow, groups, report, words);
    // The findings, as score() gives them, for every group.
    for (const sdk::AggregateView& group : groups)
        for (const FocusFinding& finding : scoreAggregate(plan, group.raw(), words))
            if (finding.level != ALIGNKIOSK_FINDING_INFO)
                report.statistic(
                    words.fill(words::kGroupFinding, {{"group", std::string(group.groupLabel())},
                                                      {"headline", finding.headline}}),
                    finding.action.empty() ? std::string()
                                           : words.fill(words::kCheckFirst, {{"action", finding.action}}),
                    finding.level == ALIGNKIOSK_FINDING_WIDESPREAD);
}

} // namespace alignkiosk::plugins::focus_assessment
