#include "stakeholder_report.h"

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace alignkiosk::plugins::stakeholder_mapping {

namespace {

std::string fixed(double value, int decimals) {
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string percent(double share) { return std::to_string(percentRounded(share)) + "%"; }

void mixSection(const MixItem& mix, const MapPlan& plan, std::span<const sdk::AggregateView> groups,
                sdk::ReportWriter& report) {
    report.heading(mix.name);
    for (const sdk::AggregateView& group : groups) {
        const std::optional<MixStatistics> stats = mixOf(plan, group.raw());
        if (!stats) continue;
        report.heading(std::string(group.groupLabel()) + "  (" + std::to_string(stats->answered) +
                       (stats->answered == 1 ? " answer)" : " answers)"));
        report.statistic("Mean", mixText(mix, *stats));
        for (std::size_t c = 0; c < kCorners; ++c)
            report.bar(mix.labels[c], stats->mean[c] * mix.total, mix.total,
                       std::to_string(static_cast<long>(stats->mean[c] * mix.total + 0.5)) + " of " +
                           std::to_string(mix.total));
        if (stats->hasSpread) {
            // The spread in points (one SD per corner) and r_wg-style agreement; see stakeholder_statistics.h.
            std::string spread = "\u00b1";
            for (std::size_t c = 0; c < kCorners; ++c)
                spread += (c ? " \u00b7 " : " ") + std::to_string(static_cast<long>(stats->sd[c] * mix.total + 0.5));
            report.statistic("Spread", spread);
            report.statistic("Agreement",
                             fixed(stats->agreement, 2) + " (" + agreementWord(stats->agreement) + ")");
        }
    }
}

// The panel's matrix cell as text: the most common role and how many share it, and how well needs are understood.
std::string matrixCell(const StakeholderItem& item, const alignkiosk_aggregate_v2& group) {
    const std::optional<RoleStatistics> role = roleOf(item, group);
    const std::optional<UnderstandingStatistics> understanding = understandingOf(item, group);
    if (!role && !understanding) return "no answers yet";
    std::string text;
    if (role) {
        if (role->tie) {
            std::string tied;
            for (std::size_t r = 0; r < role->counts.size(); ++r)
                if (role->counts[r] == role->counts[role->top])
                    tied += (tied.empty() ? "" : " / ") + item.roleLabels[r];
            text = "split: " + tied + " (" + percent(role->topShare) + " each)";
        } else {
            text = "most say " + item.roleLabels[role->top] + " (" + percent(role->topShare) + ")";
        }
    }
    if (understanding) {
        text += (text.empty() ? "" : "\n") + std::string("understood ") + fixed(understanding->mean, 1) + "/" +
                std::to_string(item.scaleMax);
        if (understanding->low > 0) text += " \u00b7 " + percent(understanding->lowShare) + " poorly";
    }
    return text;
}

void matrixSection(const MapPlan& plan, std::span<const sdk::AggregateView> groups, sdk::ReportWriter& report) {
    report.heading("How each group sees the people around its work");
    std::vector<std::string> header{""};
    for (const sdk::AggregateView& group : groups)
        header.push_back(std::string(group.groupLabel()) + " (n = " + std::to_string(group.responseCount()) + ")");
    report.row(header, true);
    for (const StakeholderItem& item : plan.stakeholders) {
        std::vector<std::string> row{item.name};
        for (const sdk::AggregateView& group : groups) row.push_back(matrixCell(item, group.raw()));
        report.row(row);
    }
}

void gapsSection(const MapPlan& plan, std::span<const sdk::AggregateView> groups, sdk::ReportWriter& report) {
    std::vector<std::vector<std::optional<RoleStatistics>>> roles(plan.stakeholders.size());
    for (std::size_t s = 0; s < plan.stakeholders.size(); ++s)
        for (const sdk::AggregateView& group : groups) roles[s].push_back(roleOf(plan.stakeholders[s], group.raw()));
    const std::vector<RoleGap> gaps = roleGaps(roles);
    report.heading("Seen differently");
    if (gaps.empty()) {
        report.paragraph("No group around our work is seen very differently: every two shown groups name the same "
                         "most common role, and their views are less than " + percent(kNotableDistance) + " apart.");
        return;
    }
    report.paragraph("\"Apart\": the share of one group's answers that would have to change role to match the "
                     "other's (total variation distance).");
    for (const RoleGap& gap : gaps) {
        const StakeholderItem& item = plan.stakeholders[gap.stakeholder];
        const RoleStatistics& a = *roles[gap.stakeholder][gap.groupA];
        const RoleStatistics& b = *roles[gap.stakeholder][gap.groupB];
        const std::string nameA(groups[gap.groupA].groupLabel());
        const std::string nameB(groups[gap.groupB].groupLabel());
        std::string text;
        if (gap.modesDiffer) {
            text = nameA + " mostly say " + item.roleLabels[a.top] + " (" + percent(a.topShare) + "), " + nameB +
                   " mostly say " + item.roleLabels[b.top] + " (" + percent(b.topShare) + ").";
        } else {
            const std::size_t role = a.top;
            text = nameA + " and " + nameB + " differ on " + item.name + "'s role: " + item.roleLabels[role] + " " +
                   percent(a.shares[role]) + " in " + nameA + ", " + percent(b.shares[role]) + " in " + nameB + ".";
        }
        report.statistic(item.name, text + " Views " + percent(gap.distance) + " apart. Ask both groups what they give " +
                                        item.name + " and what they get back, and agree on one role.",
                         gap.modesDiffer);
    }
}

} // namespace

void writeMapReport(const MapPlan& plan, std::span<const sdk::AggregateView> groups, sdk::ReportWriter& report) {
    if (groups.empty()) {
        report.paragraph("Nothing to show yet: no group has enough answers to be shown.");
        return;
    }
    if (plan.mix) mixSection(*plan.mix, plan, groups, report);
    if (!plan.stakeholders.empty()) {
        matrixSection(plan, groups, report);
        if (groups.size() > 1) gapsSection(plan, groups, report);
    }
}

} // namespace alignkiosk::plugins::stakeholder_mapping
