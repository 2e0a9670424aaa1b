// Which groups may be shown: the threshold k per group, and the differencing guard that keeps a hidden group from
// being recovered as "everyone minus the shown teams". See anonymity_policy.h for the rules.

#include "anonymity_policy.h"

#include <algorithm>
#include <cstddef>
#include <numeric>

namespace alignkiosk::core {

Visibility decideVisibility(const std::vector<GroupSize>& teams, uint64_t total, uint32_t k) {
    const uint64_t threshold = std::max(k, AnonymityThresholds::kFloor);
    const uint64_t teamSum = std::accumulate(teams.begin(), teams.end(), uint64_t{0},
                                             [](uint64_t sum, const GroupSize& team) { return sum + team.n; });
    // A total below the teams' sum is a caller's mistake; the larger figure is the safer one to judge by.
    const uint64_t everyone = std::max(total, teamSum);

    std::vector<bool> shown(teams.size());
    uint64_t hiddenSum = everyone - teamSum; // the unnamed rest: participants who chose no team
    for (std::size_t i = 0; i < teams.size(); ++i) {
        shown[i] = teams[i].n >= threshold;
        if (!shown[i]) hiddenSum += teams[i].n;
    }

    // Differencing guard: everyone minus the shown teams equals the hidden groups taken together, so together they
    // must be 0 or at least k. Hide the smallest shown teams (the least information lost) until they are.
    while (hiddenSum > 0 && hiddenSum < threshold) {
        std::size_t smallest = teams.size();
        for (std::size_t i = 0; i < teams.size(); ++i)
            if (shown[i] && (smallest == teams.size() || teams[i].n < teams[smallest].n)) smallest = i;
        if (smallest == teams.size()) break; // nothing left to hide: everyone is below k as well
        shown[smallest] = false;
        hiddenSum += teams[smallest].n;
    }

    Visibility visibility;
    visibility.everyoneShown = everyone >= threshold && (hiddenSum == 0 || hiddenSum >= threshold);
    for (std::size_t i = 0; i < teams.size(); ++i) {
        if (shown[i] && visibility.everyoneShown)
            visibility.shownTeams.push_back(teams[i].team);
        else if (teams[i].n > 0) {
            ++visibility.hiddenTeams;
            if (teams[i].n >= threshold) ++visibility.hiddenByGuard;
        }
    }
    return visibility;
}

} // namespace alignkiosk::core
