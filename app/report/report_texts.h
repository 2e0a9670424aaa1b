// Every word the facilitator's report prints, from the program's catalog (core::Messages, "report_" ids) in the
// survey's default language: plurals, numbers and dates by ICU, as the dashboard writes them.
#pragma once

#include "core/item_statistics.h"
#include "core/messages.h"

#include <cstdint>
#include <string>

namespace alignkiosk::report {

class ReportTexts {
public:
    explicit ReportTexts(const core::Messages& messages) : m_messages(messages) {}

    const std::string& language() const { return m_messages.language(); }
    // A number with `decimals` decimals, a whole count, and a day given as 'YYYY-MM-DD', as the language writes them.
    std::string number(double value, int decimals) const { return m_messages.number(value, decimals); }
    std::string count(uint64_t value) const { return number(static_cast<double>(value), 0); }
    std::string day(const std::string& isoDay) const;

    std::string reportKind() const;
    std::string dateRange(const std::string& firstDay, const std::string& lastDay) const; // 'YYYY-MM-DD'
    std::string noDates() const;
    std::string participants(uint64_t count) const;
    std::string participantsHidden() const;
    std::string groupsShownHeading() const;
    std::string groupColumn() const;
    std::string peopleColumn() const;
    std::string noGroupShown() const;
    std::string groupsHiddenHeading() const;
    std::string noGroupHidden() const;
    // The hidden teams and their true reasons, as the dashboard's header says them.
    std::string hiddenTeams(uint32_t hidden, uint32_t byGuard, uint32_t k) const;
    std::string thresholdsHeading() const;
    std::string contentsHeading() const;
    std::string thresholds(uint32_t k, uint32_t kText) const;
    std::string agreementBands() const;
    std::string generatedOn(const std::string& isoDay) const;
    std::string everyone() const; // the screen's word for the everyone group
    std::string overviewHeading() const;
    std::string overviewIntro(const std::string& lowLabel, const std::string& highLabel) const;
    std::string scaleLow() const;
    std::string scaleHigh() const;
    std::string itemColumn() const;
    std::string hiddenCell() const { return "\u2013"; }
    std::string noRatedItems() const;
    std::string disagreeHeading() const;
    std::string gapsIntro() const;
    std::string higherColumn() const;
    std::string lowerColumn() const;
    std::string gapColumn() const;
    std::string gapInSdColumn() const;
    std::string unanimousSplit() const;
    std::string noGaps() const;
    std::string lowestAgreementHeading() const;
    std::string rwgEveryoneColumn() const;
    std::string noAgreement() const;
    std::string itemsHeading() const;
    std::string statisticsHeader(int column) const; // n, mean, SD, median, rwg, AD, consensus (column 0..6)
    std::string notComputable() const;
    std::string agreement(core::AgreementLevel level) const;
    std::string adVerdict(bool acceptable) const; // "ok", "high"
    std::string moduleTitle(const std::string& moduleId) const; // a module's pages: "Diagnostic signs"
    std::string moduleResponses(const std::string& counts) const;
    std::string noModuleGroups() const;
    std::string moduleFailed() const;
    std::string findingsUnavailable() const;
    std::string noFindings() const;
    std::string findingLevel(int level) const; // alignkiosk_finding_level_v1
    std::string checkFirst(const std::string& action) const;
    std::string openAnswersHeading() const;
    std::string openAnswersIntro(uint32_t kText) const;
    std::string noOpenAnswers() const;
    std::string pageNumber(int page, int pages) const;

private:
    std::string text(const char* id, const core::MessageArgs& args = {}) const { return m_messages.text(id, args); }

    const core::Messages& m_messages;
};

} // namespace alignkiosk::report
