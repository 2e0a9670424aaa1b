// The focus-assessment module's pages in the facilitator's report: the panel's sections (focus_panel.h) as report
// blocks, per shown group: the time on the one big goal, the key words the goal sentences share, the S.M.M.A.R.T.
// coverage, how clear each area looks, the opportunity most chosen and the share of ideal clients. Every number comes
// from focus_scoring and focus_keywords; the kiosk lays the blocks out.
#pragma once

#include "focus_scoring.h"

#include <alignkiosk/plugin.hpp>

#include <string_view>

namespace alignkiosk::plugins::focus_assessment {

// `language`: the goal sentences' (for their key words); `words`: the module's own words.
void writeReport(const ScoringPlan& plan, std::string_view language, const sdk::PanelInput& input,
                 sdk::ReportWriter& report, const sdk::Words& words);

} // namespace alignkiosk::plugins::focus_assessment
