#include "report/report_texts.h"

#include "core/module_title.h"

#include <cstdio>

namespace alignkiosk::report {

std::string ReportTexts::day(const std::string& isoDay) const {
    int year = 0, month = 0, dayOfMonth = 0;
    if (std::sscanf(isoDay.c_str(), "%d-%d-%d", &year, &month, &dayOfMonth) != 3) return isoDay;
    return m_messages.date(year, month, dayOfMonth);
}

std::string ReportTexts::reportKind() const { return text("report_kind"); }
std::string ReportTexts::dateRange(const std::string& firstDay, const std::string& lastDay) const {
    if (firstDay == lastDay) return text("report_dates_one_day", {{"first", day(firstDay)}});
    return text("report_dates_range", {{"first", day(firstDay)}, {"last", day(lastDay)}});
}
std::string ReportTexts::noDates() const { return text("report_no_dates"); }
std::string ReportTexts::participants(uint64_t count) const {
    return text("report_participants", {{"count", static_cast<int64_t>(count)}});
}
std::string ReportTexts::participantsHidden() const { return text("report_participants_hidden"); }
std::string ReportTexts::groupsShownHeading() const { return text("report_groups_shown"); }
std::string ReportTexts::groupColumn() const { return text("report_col_group"); }
std::string ReportTexts::peopleColumn() const { return text("report_col_people"); }
std::string ReportTexts::noGroupShown() const { return text("report_no_group_shown"); }
std::string ReportTexts::groupsHiddenHeading() const { return text("report_groups_hidden"); }
std::string ReportTexts::noGroupHidden() const { return text("report_no_group_hidden"); }
std::string ReportTexts::hiddenTeams(uint32_t hidden, uint32_t byGuard, uint32_t k) const {
    const uint32_t guard = byGuard < hidden ? byGuard : hidden;
    const uint32_t size = hidden - guard;
    const int64_t kArg = k;
    if (guard == 0) return text("report_hidden_by_size", {{"teams", int64_t{hidden}}, {"k", kArg}});
    if (size == 0) return text("report_hidden_by_guard", {{"teams", int64_t{hidden}}});
    return text("report_hidden_both",
                {{"teams", int64_t{hidden}}, {"bySize", int64_t{size}}, {"byGuard", int64_t{guard}}, {"k", kArg}});
}
std::string ReportTexts::thresholdsHeading() const { return text("report_thresholds_heading"); }
std::string ReportTexts::contentsHeading() const { return text("report_contents_heading"); }
std::string ReportTexts::thresholds(uint32_t k, uint32_t kText) const {
    return text("report_thresholds", {{"k", int64_t{k}}, {"kText", int64_t{kText}}});
}
std::string ReportTexts::agreementBands() const { return text("dash_rwg_bands"); }
std::string ReportTexts::generatedOn(const std::string& isoDay) const {
    return text("report_written_on", {{"day", day(isoDay)}});
}
std::string ReportTexts::everyone() const { return text("dash_everyone"); }
std::string ReportTexts::overviewHeading() const { return text("report_overview_heading"); }
std::string ReportTexts::overviewIntro(const std::string& lowLabel, const std::string& highLabel) const {
    return text("report_overview_intro", {{"low", lowLabel}, {"high", highLabel}});
}
std::string ReportTexts::scaleLow() const { return text("report_scale_low"); }
std::string ReportTexts::scaleHigh() const { return text("report_scale_high"); }
std::string ReportTexts::itemColumn() const { return text("report_col_item"); }
std::string ReportTexts::noRatedItems() const { return text("report_no_rated_items"); }
std::string ReportTexts::disagreeHeading() const { return text("report_disagree_heading"); }
std::string ReportTexts::gapsIntro() const { return text("report_gaps_intro"); }
std::string ReportTexts::higherColumn() const { return text("report_col_higher"); }
std::string ReportTexts::lowerColumn() const { return text("report_col_lower"); }
std::string ReportTexts::gapColumn() const { return text("report_col_gap"); }
std::string ReportTexts::gapInSdColumn() const { return text("report_col_gap_sd"); }
std::string ReportTexts::unanimousSplit() const { return text("report_unanimous_split"); }
std::string ReportTexts::noGaps() const { return text("report_no_gaps"); }
std::string ReportTexts::lowestAgreementHeading() const { return text("report_lowest_heading"); }
std::string ReportTexts::rwgEveryoneColumn() const { return text("report_col_rwg_everyone"); }
std::string ReportTexts::noAgreement() const { return text("report_no_agreement"); }
std::string ReportTexts::itemsHeading() const { return text("report_items_heading"); }
std::string ReportTexts::statisticsHeader(int column) const {
    static const char* const ids[] = {"report_col_n",   "report_col_mean", "report_col_sd",       "report_col_median",
                                      "report_col_rwg", "report_col_ad",   "report_col_consensus"};
    return column >= 0 && column < 7 ? text(ids[column]) : std::string();
}
std::string ReportTexts::notComputable() const { return text("report_not_computable"); }
std::string ReportTexts::agreement(core::AgreementLevel level) const {
    switch (level) {
    case core::AgreementLevel::None: return text("dash_agreement_none");
    case core::AgreementLevel::Weak: return text("dash_agreement_weak");
    case core::AgreementLevel::Moderate: return text("dash_agreement_moderate");
    case core::AgreementLevel::Strong: return text("dash_agreement_strong");
    case core::AgreementLevel::VeryStrong: return text("dash_agreement_very_strong");
    case core::AgreementLevel::Unknown: break;
    }
    return text("dash_agreement_none");
}
std::string ReportTexts::adVerdict(bool acceptable) const { return text(acceptable ? "dash_ad_ok" : "dash_ad_high"); }
std::string ReportTexts::moduleTitle(const std::string& moduleId) const {
    return core::moduleTitle(moduleId, m_messages);
}
std::string ReportTexts::moduleResponses(const std::string& counts) const {
    return text("report_module_responses", {{"counts", counts}});
}
std::string ReportTexts::noModuleGroups() const { return text("report_no_module_groups"); }
std::string ReportTexts::moduleFailed() const { return text("report_module_failed"); }
std::string ReportTexts::findingsUnavailable() const { return text("dash_findings_unavailable"); }
std::string ReportTexts::noFindings() const { return text("dash_findings_none"); }
std::string ReportTexts::findingLevel(int level) const {
    switch (level) {
    case 2: return text("dash_level_widespread");
    case 1: return text("dash_level_watch");
    default: return text("dash_level_info");
    }
}
std::string ReportTexts::checkFirst(const std::string& action) const {
    return text("report_check_first", {{"action", action}});
}
std::string ReportTexts::openAnswersHeading() const { return text("report_open_heading"); }
std::string ReportTexts::openAnswersIntro(uint32_t kText) const {
    return text("report_open_intro", {{"kText", int64_t{kText}}});
}
std::string ReportTexts::noOpenAnswers() const { return text("report_no_open_answers"); }
std::string ReportTexts::pageNumber(int page, int pages) const {
    return text("report_page_of", {{"page", int64_t{page}}, {"pages", int64_t{pages}}});
}

} // namespace alignkiosk::report
