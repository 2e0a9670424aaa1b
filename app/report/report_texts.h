// Every word the facilitator's report prints, in one place so the report can be translated later. English for now.
#pragma once

#include <cstdint>
#include <string>

namespace alignkiosk::report::texts {

std::string reportKind();                                    // "Alignment report"
std::string dateRange(const std::string& first, const std::string& last);
std::string noDates();
std::string participants(uint64_t count);
std::string participantsHidden();
std::string groupsShownHeading();
std::string groupColumn();
std::string peopleColumn();
std::string noGroupShown();
std::string groupsHiddenHeading();
std::string noGroupHidden();
// The hidden teams and their true reasons, as the dashboard's header says them.
std::string hiddenTeams(uint32_t hidden, uint32_t byGuard, uint32_t k);
std::string thresholdsHeading();
std::string contentsHeading();
std::string thresholds(uint32_t k, uint32_t kText);
std::string generatedOn(const std::string& day);
std::string everyone();                                      // the screen's word for the everyone group
std::string overviewHeading();
std::string overviewIntro(const std::string& lowLabel, const std::string& highLabel);
std::string itemColumn();
std::string hiddenCell();
std::string noRatedItems();
std::string disagreeHeading();
std::string gapsIntro();
std::string higherColumn();
std::string lowerColumn();
std::string gapColumn();
std::string gapInSdColumn();
std::string unanimousSplit();
std::string noGaps();
std::string lowestAgreementHeading();
std::string rwgEveryoneColumn();
std::string noAgreement();
std::string itemsHeading();
std::string statisticsHeader(int column); // n, mean, SD, median, rwg, AD, consensus (column 0..6)
std::string notComputable();
std::string moduleResponses();
std::string noModuleGroups();
std::string moduleFailed();
std::string findingsUnavailable();
std::string noFindings();
std::string findingLevel(int level); // alignkiosk_finding_level_v1
std::string checkFirst(const std::string& action);
std::string openAnswersHeading();
std::string openAnswersIntro(uint32_t kText);
std::string noOpenAnswers();
std::string pageNumber(int page, int pages);

} // namespace alignkiosk::report::texts
