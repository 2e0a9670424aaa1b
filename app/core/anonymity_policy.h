// Which groups may be shown. A group below its threshold is never shown, and neither is any set of groups from which a
// hidden group's answers could be computed by subtraction (e.g. "everyone" minus the teams that are shown).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace alignkiosk::core {

struct AnonymityThresholds {
    static constexpr uint32_t kFloor = 3; // never below, whatever a survey file says
    uint32_t ratings = 5;                  // k for distributions and statistics
    uint32_t text = 10;                    // k for open-text answers
};

// One group's size for one item (or for the response count). The "everyone" group and a group for participants who
// chose no team are handled by the policy: pass the teams as they are, and the total.
struct GroupSize {
    std::string team; // never empty
    uint64_t n = 0;
};

struct Visibility {
    bool everyoneShown = false;
    std::vector<std::string> shownTeams; // in the order given
    // How many teams with any answers are hidden (their names and sizes are not shown either), and of those how many
    // reached k but are hidden by the differencing guard, so that no smaller group can be worked out by subtraction.
    uint32_t hiddenTeams = 0;
    uint32_t hiddenByGuard = 0;
};

// k: the threshold to apply. total: everyone who answered, including those who chose no team (the unnamed rest,
// total - sum of teams, is treated as one more group that is never shown by name).
// Differencing guard: if the hidden groups together (the unnamed rest included) number 1..k-1 answers, more teams are
// hidden, smallest first, until they reach k; if that is impossible, "everyone" is hidden too.
Visibility decideVisibility(const std::vector<GroupSize>& teams, uint64_t total, uint32_t k);

} // namespace alignkiosk::core
