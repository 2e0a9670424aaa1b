#include "report/report_texts.h"

namespace alignkiosk::report::texts {

std::string reportKind() { return "Alignment report"; }
std::string dateRange(const std::string& first, const std::string& last) {
    return first == last ? "Answers given on " + first : "Answers given from " + first + " to " + last;
}
std::string noDates() { return "No answers may be shown yet."; }
std::string participants(uint64_t count) {
    return std::to_string(count) + (count == 1 ? " participant" : " participants");
}
std::string participantsHidden() {
    return "The number of participants is held back: not enough people answered to show it anonymously.";
}
std::string groupsShownHeading() { return "Groups shown"; }
std::string groupColumn() { return "Group"; }
std::string peopleColumn() { return "People"; }
std::string noGroupShown() { return "No group has enough answers to be shown yet."; }
std::string groupsHiddenHeading() { return "Groups hidden"; }
std::string noGroupHidden() { return "No team is hidden."; }
std::string hiddenTeams(uint32_t hidden, uint32_t byGuard, uint32_t k) {
    const uint32_t guard = byGuard < hidden ? byGuard : hidden;
    const uint32_t size = hidden - guard;
    const std::string fewer = "fewer than " + std::to_string(k) + " answers";
    const std::string subtraction = "so that a smaller group's answers cannot be worked out by subtraction";
    std::string line = std::to_string(hidden) + (hidden == 1 ? " team hidden" : " teams hidden");
    if (size > 0 && guard == 0) line += ": " + fewer + ".";
    else if (size == 0) line += " " + subtraction + ".";
    else
        line += ": " + std::to_string(size) + " with " + fewer + ", " + std::to_string(guard) + " " + subtraction + ".";
    return line + " Their names are not shown.";
}
std::string thresholdsHeading() { return "Thresholds"; }
std::string contentsHeading() { return "Contents"; }
std::string thresholds(uint32_t k, uint32_t kText) {
    return "A group is shown only once it has at least " + std::to_string(k) + " answers (" + std::to_string(kText) +
           " for open answers), and never in a way that lets a smaller group be worked out. These are the rules of "
           "the dashboard, applied to the same counts.";
}
std::string generatedOn(const std::string& day) { return "Written on " + day + " by alignkiosk."; }
std::string everyone() { return "Everyone"; }
std::string overviewHeading() { return "Alignment overview"; }
std::string overviewIntro(const std::string& lowLabel, const std::string& highLabel) {
    return "Each cell is a group's mean on an item, coloured as on the dashboard: blue towards " + lowLabel +
           ", orange towards " + highLabel + ". An empty cell is held back to keep answers anonymous.";
}
std::string itemColumn() { return "Item"; }
std::string hiddenCell() { return "\u2013"; }
std::string noRatedItems() { return "This survey has no rated items, or none may be shown yet."; }
std::string disagreeHeading() { return "Where we disagree most"; }
std::string gapsIntro() {
    return "The largest differences between two shown teams, in standard deviations of the two teams' answers "
           "(Cohen's d).";
}
std::string higherColumn() { return "Higher"; }
std::string lowerColumn() { return "Lower"; }
std::string gapColumn() { return "Gap"; }
std::string gapInSdColumn() { return "Gap in SD"; }
std::string unanimousSplit() { return "each team unanimous"; }
std::string noGaps() { return "The teams shown do not differ on any item yet."; }
std::string lowestAgreementHeading() { return "Lowest agreement within everyone"; }
std::string rwgEveryoneColumn() { return "rwg (everyone)"; }
std::string noAgreement() { return "Agreement cannot be computed yet."; }
std::string itemsHeading() { return "Each item, group by group"; }
std::string statisticsHeader(int column) {
    static const char* const names[] = {"n", "Mean", "SD", "Median", "rwg", "AD", "Consensus"};
    return column >= 0 && column < 7 ? names[column] : "";
}
std::string notComputable() { return "- (n < 2)"; }
std::string moduleResponses() { return "Responses"; }
std::string noModuleGroups() { return "No group has enough answers to this module yet."; }
std::string moduleFailed() { return "This module could not write its report pages; its findings follow."; }
std::string findingsUnavailable() { return "This module's findings are not available."; }
std::string noFindings() { return "This module points out nothing in the groups shown."; }
std::string findingLevel(int level) {
    switch (level) {
    case 2: return "Widespread";
    case 1: return "Watch";
    default: return "Info";
    }
}
std::string checkFirst(const std::string& action) { return "Check first: " + action; }
std::string openAnswersHeading() { return "Open answers"; }
std::string openAnswersIntro(uint32_t kText) {
    return "Shown only for groups with at least " + std::to_string(kText) +
           " answers, in a random order that says nothing about who answered when.";
}
std::string noOpenAnswers() { return "No group has enough open answers to show them."; }
std::string pageNumber(int page, int pages) {
    return "Page " + std::to_string(page) + " of " + std::to_string(pages);
}

} // namespace alignkiosk::report::texts
