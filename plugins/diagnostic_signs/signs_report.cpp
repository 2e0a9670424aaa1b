#include "signs_report.h"

#include "signs_words.h"

#include <string>

namespace alignkiosk::plugins::diagnostic_signs {

namespace {

void writeFindings(const PanelGroup& group, ItemRole role, sdk::ReportWriter& report, const sdk::Words& words) {
    bool any = false;
    for (const SignFinding& finding : group.findings) {
        if (finding.role != role) continue;
        any = true;
        // The bar is the share out of the whole group; the text says the measure and the level word, as on screen.
        report.bar(finding.name, finding.share, 1.0, finding.measure + " \u00b7 " + levelWord(finding.level, words),
                   group.label, finding.level == ALIGNKIOSK_FINDING_WIDESPREAD);
    }
    if (!any) return;
    for (const SignFinding& finding : group.findings)
        if (finding.role == role && finding.level == ALIGNKIOSK_FINDING_WIDESPREAD && !finding.action.empty())
            report.statistic(finding.name, words.fill(words::kCheckFirst, {{"action", finding.action}}), true);
}

} // namespace

void writeReport(std::span<const PanelGroup> groups, sdk::ReportWriter& report, const sdk::Words& words) {
    if (groups.empty()) {
        report.paragraph(words(words::kNoGroupYet));
        return;
    }
    report.paragraph(words(words::kRankingNote));
    for (const PanelGroup& group : groups) {
        report.heading(
            words.fill(words::kGroupPeople, {{"group", group.label}, {"n", std::to_string(group.responseCount)}}));
        report.paragraph(words(words::kSigns));
        writeFindings(group, ItemRole::Signal, report, words);
        report.paragraph(words(words::kMetrics));
        writeFindings(group, ItemRole::Metric, report, words);
    }
}

} // namespace alignkiosk::plugins::diagnostic_signs
