#include "stakeholder_scoring.h"

#include "stakeholder_content.h"
#include "stakeholder_words.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

namespace alignkiosk::plugins::stakeholder_mapping {

namespace {

std::optional<std::size_t> roleIndex(const StakeholderItem& item, std::string_view id) {
    for (std::size_t i = 0; i < item.roleIds.size(); ++i)
        if (item.roleIds[i] == id) return i;
    return std::nullopt;
}

std::string answersText(uint32_t answered, const sdk::Words& words) {
    return answered == 1 ? std::string(words(words::kOneAnswerPlain))
                         : words.fill(words::kAnswersPlain, {{"n", std::to_string(answered)}});
}

std::string percentOf(uint32_t count, uint32_t answered, const sdk::Words& words) {
    return words.percent(static_cast<int>(percentFloor(count, answered)));
}

bool scoreMix(const MapPlan& plan, const alignkiosk_aggregate_v2& aggregate, MapFinding& finding,
              const sdk::Words& words) {
    const std::optional<MixStatistics> stats = mixOf(plan, aggregate);
    if (!stats) return false;
    const MixItem& mix = *plan.mix;
    finding.questionId = mix.questionId;
    finding.headline = words.fill(words::kMixHeadline, {{"name", mix.name},
                                                        {"mix", mixText(mix, *stats)},
                                                        {"answers", answersText(stats->answered, words)}});
    if (!stats->hasSpread) {
        finding.level = ALIGNKIOSK_FINDING_INFO;
        finding.share = 0.0f;
        return true;
    }
    finding.headline = words.fill(words::kMixAgreement, {{"headline", finding.headline},
                                                         {"word", agreementWord(stats->agreement, words)},
                                                         {"agreement", words.number(stats->agreement, 2)}});
    finding.share = static_cast<float>(1.0 - stats->agreement);
    finding.level = stats->agreement <= 0.30   ? ALIGNKIOSK_FINDING_WIDESPREAD
                    : stats->agreement <= 0.50 ? ALIGNKIOSK_FINDING_WATCH
                                               : ALIGNKIOSK_FINDING_INFO;
    if (finding.level != ALIGNKIOSK_FINDING_INFO)
        finding.action = words(words::kMixAction);
    return true;
}

bool scoreRole(const StakeholderItem& item, const alignkiosk_aggregate_v2& aggregate, MapFinding& finding,
               const sdk::Words& words) {
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
        finding.headline = words.fill(words::kFlowHeadline,
                                      {{"name", item.name},
                                       {"customer", item.roleLabels[*customer]},
                                       {"customerShare", percentOf(stats->counts[*customer], n, words)},
                                       {"supplier", item.roleLabels[*supplier]},
                                       {"supplierShare", percentOf(stats->counts[*supplier], n, words)},
                                       {"answers", answersText(n, words)}});
        finding.action = words.fill(words::kFlowAction, {{"name", item.name}});
        return true;
    }
    if (stats->tie || 2ull * stats->counts[stats->top] < n) {
        finding.level = ALIGNKIOSK_FINDING_WATCH;
        std::vector<std::size_t> order(stats->counts.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(),
                         [&stats](std::size_t a, std::size_t b) { return stats->counts[a] > stats->counts[b]; });
        std::string roles;
        for (const std::size_t role : order) {
            if (stats->counts[role] == 0) continue;
            roles += (roles.empty() ? "" : ", ") + item.roleLabels[role] + " " + percentOf(stats->counts[role], n, words);
        }
        finding.headline = words.fill(words::kNoSharedView,
                                      {{"name", item.name}, {"roles", roles}, {"answers", answersText(n, words)}});
        finding.action = words.fill(words::kTalkThrough, {{"name", item.name}});
        return true;
    }
    finding.level = ALIGNKIOSK_FINDING_INFO;
    finding.headline = words.fill(words::kMostly, {{"name", item.name},
                                                   {"role", item.roleLabels[stats->top]},
                                                   {"share", percentOf(stats->counts[stats->top], n, words)},
                                                   {"count", std::to_string(stats->counts[stats->top])},
                                                   {"n", std::to_string(n)}});
    return true;
}

bool scoreUnderstanding(const StakeholderItem& item, const alignkiosk_aggregate_v2& aggregate, MapFinding& finding,
                        const sdk::Words& words) {
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

    finding.headline = words.fill(words::kPoorlyUnderstood, {{"name", item.name},
                                                             {"share", percentOf(hits, stats->answered, words)},
                                                             {"hits", std::to_string(hits)},
                                                             {"n", std::to_string(stats->answered)},
                                                             {"mean", words.number(stats->mean, 1)},
                                                             {"min", std::to_string(item.scaleMin)},
                                                             {"max", std::to_string(item.scaleMax)}});
    if (finding.level == ALIGNKIOSK_FINDING_INFO) return true;
    finding.action = words.fill(customer ? words::kLearnDrivers : words::kInvite, {{"name", item.name}});
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

std::vector<MapFinding> scoreAggregate(const MapPlan& plan, const alignkiosk_aggregate_v2& aggregate,
                                       const sdk::Words& words) {
    std::vector<MapFinding> findings;
    MapFinding finding;
    if (scoreMix(plan, aggregate, finding, words)) findings.push_back(std::move(finding));
    for (const StakeholderItem& item : plan.stakeholders) {
        finding = MapFinding{};
        if (scoreRole(item, aggregate, finding, words)) findings.push_back(std::move(finding));
        finding = MapFinding{};
        if (scoreUnderstanding(item, aggregate, finding, words)) findings.push_back(std::move(finding));
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
