// The stakeholder-mapping module's panel on the facilitator's dashboard, for the shown groups only:
//  (a) a ternary plot of who people work for: each group's mean mix as a dot, its spread as a hexagon, and in the
//      legend the mean in points and the group's agreement on it;
//  (b) a stakeholders x groups matrix: per stakeholder group and shown group, the shares calling it each role, the
//      most common role and how many share it, and how well its needs are understood;
//  (c) "seen differently": stakeholder groups two shown groups see differently.
// Drawing only: every number comes from stakeholder_statistics and stakeholder_scoring.
#pragma once

#include "stakeholder_scoring.h"

#include <alignkiosk/plugin_abi.h>
#include <alignkiosk/words.hpp>

#include <span>

namespace alignkiosk::plugins::stakeholder_mapping {

// Draws into the current window or child region, top to bottom, its own words in `words`' language; with no groups,
// one line saying there is nothing to show yet. Leaves the ImGui stacks balanced.
void drawMapPanel(const MapPlan& plan, std::span<const alignkiosk_aggregate_v2* const> groups,
                  const alignkiosk_frame_v1& frame, const sdk::Words& words);

} // namespace alignkiosk::plugins::stakeholder_mapping
