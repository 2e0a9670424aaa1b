// The diagnostic-signs module's panel on the facilitator's dashboard: per shown group, its signs ranked by how
// widespread and its metrics ranked by how weak, each as a bar of the share with its measure and level word, and what
// to check first under every widespread sign. Drawing only: every number and word comes from signs_scoring.
#pragma once

#include "signs_scoring.h"

#include <alignkiosk/plugin_abi.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace alignkiosk::plugins::diagnostic_signs {

// One shown group, scored.
struct PanelGroup {
    std::string label;       // "Everyone" or a team, as the host named it
    uint32_t responseCount = 0;
    std::vector<SignFinding> findings; // scoreAggregate's order: most urgent first
};

// Draws `groups`, in the order given, into the current window or child region: side by side when the region is wide
// enough for more than one column of readable bars, else one below the other. Leaves the ImGui stacks balanced.
void drawPanel(std::span<const PanelGroup> groups, const alignkiosk_frame_v1& frame, const sdk::Words& words);

} // namespace alignkiosk::plugins::diagnostic_signs
