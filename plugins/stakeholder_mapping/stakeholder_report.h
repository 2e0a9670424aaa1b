// The stakeholder-mapping module's pages in the facilitator's report, from the panel's numbers (stakeholder_panel.h):
// per shown group the mean mix of who people work for and how much they agree on it, as bars; the stakeholders x
// groups matrix (most common role and its share, how well needs are understood); and the stakeholder groups two
// shown groups see differently. Blocks only: the kiosk lays them out.
#pragma once

#include "stakeholder_scoring.h"

#include <alignkiosk/plugin.hpp>

#include <span>

namespace alignkiosk::plugins::stakeholder_mapping {

void writeMapReport(const MapPlan& plan, std::span<const sdk::AggregateView> groups, sdk::ReportWriter& report,
                    const sdk::Words& words);

} // namespace alignkiosk::plugins::stakeholder_mapping
