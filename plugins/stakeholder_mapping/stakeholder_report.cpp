#include "stakeholder_report.h"

#include "stakeholder_sentences.h"
#include "stakeholder_statistics.h"
#include "stakeholder_words.h"

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace alignkiosk::plugins::stakeholder_mapping {

namespace {

void mixSection(const MixItem& mix, const MapPlan& plan, std::span<const sdk::AggregateView> groups,
                sdk::ReportWriter& report, const sdk::Words& words) {
    report.heading(mix.name);
    for (const sdk::AggregateView& group : groups) {
        const std::optional<MixStatistics> stats = mixOf(plan, group.raw());
        if (!stats) continue;
        const std::string label(group.groupLabel());
        report.heading(stats->answered == 1
                           ? words.fill(words::kOneAnswer, {{"group", label}})
                           : words.fill(words::kAnswers, {{"group", label}, {"n", std::to_string(stats->answered)}}));
        report.statistic(words(words::kMean), mixText(mix, *stats));
        for (std::size_t c = 0; c < kCorners; ++c)
            report.bar(mix.labels[c], stats->mean[c] * mix.total, mix.total,
                       words.fill(words::kOfTotal,
                                  {{"points", std::to_string(static_cast<long>(stats->mean[c] * mix.total + 0.5))},
                                   {"total", std::to_string(mix.total)}}));
        if (stats->hasSpread) {
            // The spread in points (one SD per corner) and r_wg-style agreement; see stakeholder_statistics.h.
            std::string spread = "\u00b1";
            for (std::size_t c = 0; c < kCorners; ++c)
                spread += (c ? " \u00b7 " : " ") + std::to_string(static_cast<long>(stats->sd[c] * mix.total + 0.5));
            report.statistic(words(words::kSpreadName), spread);
            report.statistic(words(words::kAgreementName),
                             words.fill(words::kAgreementValue, {{"agreement", words.number(stats->agreement, 2)},
                                                                 {"word", agreementWord(stats->agreement, words)}}));
        }
    }
}

// The panel's matrix cell as text: the most common role and how many share it, and how well needs are understood.
std::string matrixCell(const StakeholderItem& item, const alignkiosk_aggregate_v2& group, const sdk::Words& words) {
    const std::optional<RoleStatistics> role = roleOf(item, group);
    const std::optional<UnderstandingStatistics> understanding = understandingOf(item, group);
    if (!role && !understanding) return words(words::kNoAnswersYet);
    std::string text;
    if (role) text = roleSentence(item, *role, words);
    if (understanding) {
        text += (text.empty() ? "" : "\n") +
                words.fill(words::kUnderstood,
                           {{"mean", words.number(understanding->mean, 1)}, {"max", std::to_string(item.scaleMax)}});
        if (understanding->low > 0)
            text += " \u00b7 " + words.fill(words::kPoorly, {{"share", percent(understanding->lowShare, words)}});
    }
    return text;
}

void matrixSection(const MapPlan& plan, std::span<const sdk::AggregateView> groups, sdk::ReportWriter& report,
                   const sdk::Words& words) {
    report.heading(words(words::kMatrixTitle));
    std::vector<std::string> header{""};
    for (const sdk::AggregateView& group : groups)
        header.push_back(words.fill(words::kGroupN, {{"group", std::string(group.groupLabel())},
                                                     {"n", std::to_string(group.responseCount())}}));
    report.row(header, true);
    for (const StakeholderItem& item : plan.stakeholders) {
        std::vector<std::string> row{item.name};
        for (const sdk::AggregateView& group : groups) row.push_back(matrixCell(item, group.raw(), words));
        report.row(row);
    }
}

void gapsSection(const MapPlan& plan, std::span<const sdk::AggregateView> groups, sdk::ReportWriter& report,
                 const sdk::Words& words) {
    std::vector<std::vector<std::optional<RoleStatistics>>> roles(plan.stakeholders.size());
    for (std::size_t s = 0; s < plan.stakeholders.size(); ++s)
        for (const sdk::AggregateView& group : groups) roles[s].push_back(roleOf(plan.stakeholders[s], group.raw()));
    const std::vector<RoleGap> gaps = roleGaps(roles);
    report.heading(words(words::kSeenDifferently));
    if (gaps.empty()) {
        report.paragraph(words.fill(words::kNoneDifferent, {{"share", percent(kNotableDistance, words)}}));
        return;
    }
    report.paragraph(words(words::kApartNote));
    for (const RoleGap& gap : gaps) {
        const StakeholderItem& item = plan.stakeholders[gap.stakeholder];
        const RoleStatistics& a = *roles[gap.stakeholder][gap.groupA];
        const RoleStatistics& b = *roles[gap.stakeholder][gap.groupB];
        const std::string nameA(groups[gap.groupA].groupLabel());
        const std::string nameB(groups[gap.groupB].groupLabel());
        std::string text;
        if (gap.modesDiffer) {
            text = words.fill(words::kModesDiffer, {{"a", nameA},
                                                    {"roleA", item.roleLabels[a.top]},
                                                    {"shareA", percent(a.topShare, words)},
                                                    {"b", nameB},
                                                    {"roleB", item.roleLabels[b.top]},
                                                    {"shareB", percent(b.topShare, words)}});
        } else {
            const std::size_t role = a.top;
            text = words.fill(words::kSameMode, {{"a", nameA},
                                                 {"b", nameB},
                                                 {"name", item.name},
                                                 {"role", item.roleLabels[role]},
                                                 {"shareA", percent(a.shares[role], words)},
                                                 {"shareB", percent(b.shares[role], words)}});
        }
        const std::string apart =
            words.fill(words::kViewsApart, {{"share", percent(gap.distance, words)}, {"name", item.name}});
        report.statistic(item.name, text + " " + apart, gap.modesDiffer);
    }
}

} // namespace

void writeMapReport(const MapPlan& plan, std::span<const sdk::AggregateView> groups, sdk::ReportWriter& report,
                    const sdk::Words& words) {
    if (groups.empty()) {
        report.paragraph(words(words::kNothingToShow));
        return;
    }
    if (plan.mix) mixSection(*plan.mix, plan, groups, report, words);
    if (!plan.stakeholders.empty()) {
        matrixSection(plan, groups, report, words);
        if (groups.size() > 1) gapsSection(plan, groups, report, words);
    }
}

} // namespace alignkiosk::plugins::stakeholder_mapping
