// The diagnostic-signs module's pages in the facilitator's report: per shown group, the same ranked signs and metrics
// as the panel (signs_panel.h), as bars of the share with their measure and level word, and what to check first under
// every widespread sign. Blocks only: the kiosk lays them out.
#pragma once

#include "signs_panel.h"

#include <alignkiosk/plugin.hpp>

#include <span>

namespace alignkiosk::plugins::diagnostic_signs {

void writeReport(std::span<const PanelGroup> groups, sdk::ReportWriter& report, const sdk::Words& words);

} // namespace alignkiosk::plugins::diagnostic_signs
