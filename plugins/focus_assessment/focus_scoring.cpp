#include "focus_scoring.h"

#include "focus_words.h"

#include <algorithm>
#include <cmath>
#include <string_view>

namespace alignkiosk::plugins::focus_assessment {

namespace {

uint32_t countAt(std::span<const uint32_t> counts, size_t index) { return index < counts.size() ? counts[index] : 0; }

// The value at 0-based rank `rank` of the answers sorted ascending, walking the cumulative counts of the bins.
int valueAtRank(std::span<const uint32_t> counts, uint64_t rank) {
    uint64_t seen = 0;
    for (size_t p = 0; p < counts.size(); ++p) {
        seen += counts[p];
        if (seen > rank) return static_cast<int>(p);
    }
    return static_cast<int>(counts.empty() ? 0 : counts.size() - 1);
}

FocusFinding percentFinding(const PercentItem& item, const PercentSummary& summary, int threshold,
                            const sdk::Words& words) {
    FocusFinding finding;
    finding.questionId = item.questionId;
    finding.level = levelFor(summary.below, summary.answered);
    finding.share = static_cast<float>(summary.below) / static_cast<float>(summary.answered);
    finding.headline = words.fill(words::kUnderFor, {{"name", item.name},
                                                     {"threshold", words.percent(threshold)},
                                                     {"share", shareText(summary.below, summary.answered, words)},
                                                     {"median", percentText(summary.median, words)}});
    finding.action = item.checkFirst;
    return finding;
}

// Clarity: an area is a problem when many say "no", or when most cannot say more than "partly".
//   WIDESPREAD: "no" from at least half;  WATCH: "no" from at least a quarter, or "no" + "partly" from at least half.
FocusFinding clarityFinding(const ClarityItem& item, const ClaritySummary& summary, const sdk::Words& words) {
    const uint32_t answered = summary.answered();
    FocusFinding finding;
    finding.questionId = item.questionId;
    finding.level = levelFor(summary.no, answered);
    if (finding.level == ALIGNKIOSK_FINDING_INFO && static_cast<uint64_t>(summary.no + summary.partly) * 2 >= answered)
        finding.level = ALIGNKIOSK_FINDING_WATCH;
    finding.share = static_cast<float>(summary.no) / static_cast<float>(answered);
    finding.headline = words.fill(words::kClarityFrom, {{"name", item.name},
                                                        {"no", item.noLabel},
                                                        {"noShare", shareText(summary.no, answered, words)},
                                                        {"partly", item.partlyLabel},
                                                        {"partlyShare", shareText(summary.partly, answered, words)}});
    finding.action = item.checkFirst;
    return finding;
}

// A S.M.M.A.R.T. quality few tick: the finding is about those whose goal lacks it.
//   WIDESPREAD: at most a quarter tick it;  WATCH: at most half tick it.
FocusFinding smmartFinding(const OptionsItem& item, uint32_t option, const OptionCounts& counts,
                           const sdk::Words& words) {
    const uint32_t ticks = std::min(countAt(counts.counts, option), counts.answered);
    const uint64_t missing = counts.answered - ticks;
    FocusFinding finding;
    finding.questionId = item.questionId;
    finding.level = missing * 4 >= static_cast<uint64_t>(counts.answered) * 3 ? ALIGNKIOSK_FINDING_WIDESPREAD
                    : missing * 2 >= counts.answered                         ? ALIGNKIOSK_FINDING_WATCH
                                                                             : ALIGNKIOSK_FINDING_INFO;
    finding.share = static_cast<float>(missing) / static_cast<float>(counts.answered);
    finding.headline = words.fill(words::kTickedBy, {{"name", item.name},
                                                     {"option", item.optionLabels[option]},
                                                     {"share", shareText(ticks, counts.answered, words)}});
    finding.action = item.checkFirst;
    return finding;
}

// The opportunity most chosen. WATCH when none reaches a third of the group: the group has no shared first priority.
FocusFinding opportunityFinding(const OptionsItem& item, const OptionCounts& counts, const sdk::Words& words) {
    const std::vector<uint32_t> top = topOptions(counts);
    const uint32_t chosen = std::min(countAt(counts.counts, top.front()), counts.answered);
    FocusFinding finding;
    finding.questionId = item.questionId;
    finding.level = static_cast<uint64_t>(chosen) * 3 < counts.answered ? ALIGNKIOSK_FINDING_WATCH
                                                                        : ALIGNKIOSK_FINDING_INFO;
    finding.share = static_cast<float>(chosen) / static_cast<float>(counts.answered);
    std::string names = item.optionLabels[top.front()];
    for (size_t i = 1; i < top.size(); ++i) names += " = " + item.optionLabels[top[i]];
    finding.headline = words.fill(top.size() > 1 ? words::kMostChosenEach : words::kMostChosen,
                                  {{"name", item.name},
                                   {"options", names},
                                   {"share", shareText(chosen, counts.answered, words)}});
    finding.action = item.checkFirst;
    return finding;
}

} // namespace

std::optional<PercentSummary> summarisePercent(std::span<const uint32_t> counts, int belowThreshold) {
    PercentSummary summary;
    uint64_t total = 0;
    double sum = 0.0;
    uint64_t below = 0;
    for (size_t p = 0; p < counts.size(); ++p) {
        total += counts[p];
        sum += static_cast<double>(p) * counts[p];
        if (static_cast<int>(p) < belowThreshold) below += counts[p];
    }
    if (total == 0 || total > UINT32_MAX) return std::nullopt;
    summary.answered = static_cast<uint32_t>(total);
    summary.below = static_cast<uint32_t>(below);
    // The arithmetic mean of the answers: sum of p * counts[p] over the number of answers.
    summary.mean = sum / static_cast<double>(total);
    // The sample median: the middle answer when their number is odd, the mean of the two middle ones when it is even
    // (ranks (n - 1) / 2 and n / 2, 0-based, of the answers sorted ascending).
    summary.median = (valueAtRank(counts, (total - 1) / 2) + valueAtRank(counts, total / 2)) / 2.0;
    return summary;
}

ClaritySummary summariseClarity(const ClarityItem& item, std::span<const uint32_t> counts) {
    return ClaritySummary{countAt(counts, item.yes), countAt(counts, item.partly), countAt(counts, item.no)};
}

OptionCounts optionCounts(const OptionsItem& item, std::span<const uint32_t> counts, uint32_t answered) {
    OptionCounts result;
    result.answered = answered;
    for (size_t i = 0; i < item.optionLabels.size(); ++i) result.counts.push_back(countAt(counts, i));
    return result;
}

std::vector<uint32_t> topOptions(const OptionCounts& counts) {
    uint32_t most = 0;
    for (const uint32_t count : counts.counts) most = std::max(most, count);
    std::vector<uint32_t> top;
    if (most == 0) return top;
    for (size_t i = 0; i < counts.counts.size(); ++i)
        if (counts.counts[i] == most) top.push_back(static_cast<uint32_t>(i));
    return top;
}

std::string shareText(uint32_t hits, uint32_t answered, const sdk::Words& words) {
    return words.fill(words::kShare, {{"percent", words.percent(static_cast<int>(percentFloor(hits, answered)))},
                                      {"hits", std::to_string(hits)},
                                      {"answered", std::to_string(answered)}});
}

std::string percentText(double percent, const sdk::Words& words) {
    const double tenths = std::round(percent * 10.0) / 10.0;
    const std::string number = words.number(tenths, tenths == std::floor(tenths) ? 0 : 1);
    return number + (std::string_view(words.language()) == "en" ? "%" : "\u202F%");
}

std::vector<FocusFinding> scoreAggregate(const ScoringPlan& plan, const alignkiosk_aggregate_v2& aggregate,
                                         const sdk::Words& words) {
    std::vector<FocusFinding> findings;
    if (plan.goalTime)
        if (const auto summary = summarisePercent(countsOf(findItem(aggregate, plan.goalTime->questionId)),
                                                  kGoalTimeBelow))
            findings.push_back(percentFinding(*plan.goalTime, *summary, kGoalTimeBelow, words));
    for (const ClarityItem& item : plan.clarity) {
        const ClaritySummary summary = summariseClarity(item, countsOf(findItem(aggregate, item.questionId)));
        if (summary.answered() > 0) findings.push_back(clarityFinding(item, summary, words));
    }
    if (plan.smmart) {
        const alignkiosk_item_distribution_v2* item = findItem(aggregate, plan.smmart->questionId);
        if (item && item->answered > 0) {
            const OptionCounts counts = optionCounts(*plan.smmart, countsOf(item), item->answered);
            for (uint32_t option = 0; option < plan.smmart->optionLabels.size(); ++option)
                findings.push_back(smmartFinding(*plan.smmart, option, counts, words));
        }
    }
    if (plan.opportunity) {
        const alignkiosk_item_distribution_v2* item = findItem(aggregate, plan.opportunity->questionId);
        if (item && item->answered > 0) {
            const OptionCounts counts = optionCounts(*plan.opportunity, countsOf(item), item->answered);
            if (!topOptions(counts).empty()) findings.push_back(opportunityFinding(*plan.opportunity, counts, words));
        }
    }
    if (plan.idealClients)
        if (const auto summary = summarisePercent(countsOf(findItem(aggregate, plan.idealClients->questionId)),
                                                  kIdealClientsBelow))
            findings.push_back(percentFinding(*plan.idealClients, *summary, kIdealClientsBelow, words));

    std::stable_sort(findings.begin(), findings.end(), [](const FocusFinding& a, const FocusFinding& b) {
        if (a.level != b.level) return a.level > b.level;
        return a.share > b.share;
    });
    return findings;
}

} // namespace alignkiosk::plugins::focus_assessment
