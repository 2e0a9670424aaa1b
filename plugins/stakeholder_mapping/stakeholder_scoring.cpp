#include "stakeholder_scoring.h"

#include "stakeholder_content.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <utility>

namespace alignkiosk::plugins::stakeholder_mapping {

namespace {

std::string fixed(double value, int decimals) {
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::optional<std::size_t> roleIndex(const StakeholderItem& item, std::string_view id) {
    for (std::size_t i = 0; i < item.roleIds.size(); ++i)
        if (item.roleIds[i] == id) return i;
    return std::nullopt;
}

std::string answersText(uint32_t answered) {
    return std::to_string(answered) + (answered == 1 ? " answer" : " answers");
}

bool scoreMix(const MapPlan& plan, const alignkiosk_aggregate_v2& aggregate, MapFinding& finding) {
    const std::optional<MixStatistics> stats = mixOf(plan, aggregate);
    if (!stats) return false;
    const MixItem& mix = *plan.mix;
    finding.questionId = mix.questionId;
    finding.headline = mix.name + ": " + mixText(mix, *stats) + " (" + answersText(stats->answered) + ")";
    if (!stats->hasSpread) {
        finding.level = ALIGNKIOSK_FINDING_INFO;
        finding.share = 0.0f;
        return true;
    }
    finding.headline += " \u2014 " + std::string(agreementWord(stats->agreement)) + " (" +
                        fixed(stats->agreement, 2) + ")";
    finding.share = static_cast<float>(1.0 - stats->agreement);
    finding.level = stats->agreement <= 0.30   ? ALIGNKIOSK_FINDING_WIDESPREAD
                    : stats->agreement <= 0.50 ? ALIGNKIOSK_FINDING_WATCH
                                               : ALIGNKIOSK_FINDING_INFO;
    if (finding.level != ALIGNKIOSK_FINDING_INFO)
        finding.action = "Ask two people with very different mixes to explain theirs, then agree whose needs the "
                         "team's goals serve first.";
    return true;
}

bool scoreRole(const StakeholderItem& item, const alignkiosk_aggregate_v2& aggregate, MapFinding& finding) {
    const std::optional<RoleStatistics> stats = roleOf(item, aggregate);
    if (!stats) return false;
    finding.questionId = item.roleQuestionId;
    finding.share = static_cast<float>(1.0 - stats->topShare);
    const uint32_t n = stats->answered;

    const std::optional<std::size_t> customer = roleIndex(item, kCustomerRoleId);
    const std::optional<std::size_t> supplier = roleIndex(item, "supplier");
    // A quarter each, in integers: 4 * count >= answered.
    if (customer && supplier && 4ull * stats->counts[*customer] >= n && 4ull * stats->counts[*supplier] >= n) {
        finding.level = ALIGNKIOSK_FINDING_WIDESPREAD;
        finding.headline = item.name + " \u2014 " + item.roleLabels[*customer] + " to " +
                           std::to_string(percentFloor(stats->counts[*customer], n)) + "%, " +
                           item.roleLabels[*supplier] + " to " +
                           std::to_string(percentFloor(stats->counts[*supplier], n)) + "% (" + answersText(n) +
                           "): people disagree on which way the work flows";
        finding.action = "Ask what the team gives " + item.name + " and what it gets from them; agree whether their "
                         "needs or their input come first.";
        return true;
    }
    if (stats->tie || 2ull * stats->counts[stats->top] < n) {
        finding.level = ALIGNKIOSK_FINDING_WATCH;
        std::vector<std::size_t> order(stats->counts.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(),
                         [&stats](std::size_t a, std::size_t b) { return stats->counts[a] > stats->counts[b]; });
        finding.headline = item.name + " \u2014 no shared view of their role:";
        bool first = true;
        for (const std::size_t role : order) {
            if (stats->counts[role] == 0) continue;
            finding.headline += (first ? " " : ", ") + item.roleLabels[role] + " " +
                                std::to_string(percentFloor(stats->counts[role], n)) + "%";
            first = false;
        }
        finding.headline += " (" + answersText(n) + ")";
        finding.action = "Talk through what the team gives " + item.name + " and what it gets back, then agree on "
                         "one role.";
        return true;
    }
    finding.level = ALIGNKIOSK_FINDING_INFO;
    finding.headline = item.name + " \u2014 mostly " + item.roleLabels[stats->top] + " (" +
                       std::to_string(percentFloor(stats->counts[stats->top], n)) + "%, " +
                       std::to_string(stats->counts[stats->top]) + " of " + std::to_string(n) + ")";
    return true;
}

bool scoreUnderstanding(const StakeholderItem& item, const alignkiosk_aggregate_v2& aggregate, MapFinding& finding) {
    const std::optional<UnderstandingStatistics> stats = understandingOf(item, aggregate);
    if (!stats) return false;
    finding.questionId = item.understandingQuestionId;
    const uint32_t hits = std::min(stats->low, stats->answered);
    finding.share = static_cast<float>(static_cast<double>(hits) / stats->answered);
    finding.level = levelFor(hits, stats->answered);

    const std::optional<RoleStatistics> role = roleOf(item, aggregate);
    const bool customer = role && !role->tie && 2ull * role->counts[role->top] > role->answered &&
                          role->top < item.roleIds.size() && item.roleIds[role->top] == kCustomerRoleId;
    // Seed 000: a customer's needs call for the deepest understanding, so "watch" is already "widespread" there.
    if (customer && finding.level == ALIGNKIOSK_FINDING_WATCH) finding.level = ALIGNKIOSK_FINDING_WIDESPREAD;

    finding.headline = item.name + " \u2014 needs poorly understood by " +
                       std::to_string(percentFloor(hits, stats->answered)) + "% (" + std::to_string(hits) + " of " +
                       std::to_string(stats->answered) + "), mean " + fixed(stats->mean, 1) + " on " +
                       std::to_string(item.scaleMin) + "\u2013" + std::to_string(item.scaleMax);
    if (finding.level == ALIGNKIOSK_FINDING_INFO) return true;
    finding.action = customer ? "Most of the team call " + item.name + " a customer: learn what drives them, not only "
                                "what they ask for."
                              : "Invite someone from " + item.name + " to tell the team what they need from its work.";
    return true;
}

} // namespace

std::optional<MixStatistics> mixOf(const MapPlan& plan, const alignkiosk_aggregate_v2& aggregate) {
    if (!plan.mix) return std::nullopt;
    const alignkiosk_item_distribution_v2* item = findItem(aggregate, plan.mix->questionId);
    if (!item) return std::nullopt;
    return mixStatistics(*item, plan.mix->total);
}

std::optional<RoleStatistics> roleOf(const StakeholderItem& item, const alignkiosk_aggregate_v2& aggregate) {
    const alignkiosk_item_distribution_v2* found = findItem(aggregate, item.roleQuestionId);
    if (!found) return std::nullopt;
    return roleStatistics(countsOf(found), found->answered, static_cast<uint32_t>(item.roleIds.size()));
}

std::optional<UnderstandingStatistics> understandingOf(const StakeholderItem& item,
                                                       const alignkiosk_aggregate_v2& aggregate) {
    const alignkiosk_item_distribution_v2* found = findItem(aggregate, item.understandingQuestionId);
    if (!found) return std::nullopt;
    return understandingStatistics(countsOf(found), item.scaleMin, item.scaleMax);
}

uint32_t percentRounded(double share) {
    return static_cast<uint32_t>(std::lround(std::clamp(share, 0.0, 1.0) * 100.0));
}

std::string mixText(const MixItem& mix, const MixStatistics& stats) {
    const std::vector<uint32_t> points = largestRemainder(mix.total, stats.mean);
    std::string text;
    for (std::size_t i = 0; i < kCorners; ++i) {
        if (i) text += " \u00b7 ";
        text += mix.labels[i] + " " + std::to_string(points[i]);
    }
    return text;
}

std::vector<MapFinding> scoreAggregate(const MapPlan& plan, const alignkiosk_aggregate_v2& aggregate) {
    std::vector<MapFinding> findings;
    MapFinding finding;
    if (scoreMix(plan, aggregate, finding)) findings.push_back(std::move(finding));
    for (const StakeholderItem& item : plan.stakeholders) {
        finding = MapFinding{};
        if (scoreRole(item, aggregate, finding)) findings.push_back(std::move(finding));
        finding = MapFinding{};
        if (scoreUnderstanding(item, aggregate, finding)) findings.push_back(std::move(finding));
    }
    std::stable_sort(findings.begin(), findings.end(), [](const MapFinding& a, const MapFinding& b) {
        if (a.level != b.level) return a.level > b.level;
        return a.share > b.share;
    });
    return findings;
}

std::string displayName(std::string_view label, std::string_view prompt) {
    const std::string_view name = trimmed(label);
    if (!name.empty()) return std::string(name);
    std::string_view text = trimmed(prompt);
    while (!text.empty() && (text.back() == '.' || text.back() == '?' || text.back() == '!' || text.back() == ':'))
        text.remove_suffix(1);
    return std::string(trimmed(text));
}

} // namespace alignkiosk::plugins::stakeholder_mapping
