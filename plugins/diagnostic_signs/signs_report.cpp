#include "signs_report.h"

#include <string>

namespace alignkiosk::plugins::diagnostic_signs {

namespace {

void writeFindings(const PanelGroup& group, ItemRole role, sdk::ReportWriter& report) {
    bool any = false;
    for (const SignFinding& finding : group.findings) {
        if (finding.role != role) continue;
        any = true;
        // The bar is the share out of the whole group; the text says the measure and the level word, as on screen.
        report.bar(finding.name, finding.share, 1.0, finding.measure + " \u00b7 " + levelWord(finding.level),
                   group.label, finding.level == ALIGNKIOSK_FINDING_WIDESPREAD);
    }
    if (!any) return;
    for (const SignFinding& finding : group.findings)
        if (finding.role == role && finding.level == ALIGNKIOSK_FINDING_WIDESPREAD && !finding.action.empty())
            report.statistic(finding.name, "Check first: " + finding.action, true);
}

} // namespace

void writeReport(std::span<const PanelGroup> groups, sdk::ReportWriter& report) {
    if (groups.empty()) {
        report.paragraph("No group has enough answers to this step to be shown yet.");
        return;
    }
    report.paragraph("Signs are ranked by how widespread they are, metrics by how weak. A quarter of a group is "
                     "\u201cwatch\u201d, half of it \u201cwidespread\u201d.");
    for (const PanelGroup& group : groups) {
        report.heading(group.label + " (" + std::to_string(group.responseCount) + " people)");
        report.paragraph("Signs");
        writeFindings(group, ItemRole::Signal, report);
        report.paragraph("Metrics");
        writeFindings(group, ItemRole::Metric, report);
    }
}

} // namespace alignkiosk::plugins::diagnostic_signs
