// The numbers behind the facilitator's view, from one group's counts: the mean mix and how much people agree on it,
// each stakeholder group's role as the team sees it, and how well its needs are understood; and, across groups, where
// two groups see a stakeholder differently. Pure functions over counts (no ImGui, no host).
#pragma once

#include "simplex_math.h"

#include <alignkiosk/findings.hpp>
#include <alignkiosk/words.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace alignkiosk::plugins::stakeholder_mapping {

struct MixStatistics {
    uint32_t answered = 0;
    Weights mean{};                  // mean share per corner, 0..1 (sums / (answered * total))
    bool hasSpread = false;          // the host sent the per-option histograms
    std::array<double, kCorners> sd{}; // per-corner standard deviation of the share, 0..1 (sample, n - 1)
    double agreement = 0.0;          // 0..1, see mixStatistics
};

// The variance of one corner's share if answers fell uniformly on the triangle: each share of a Dirichlet(1,1,1)
// point is Beta(1,2)-distributed, whose variance is a*b / ((a+b)^2 (a+b+1)) = 2/36 = 1/18 (of total squared).
inline constexpr double kUniformShareVariance = 1.0 / 18.0;

// item: an ALLOCATION of `kCorners` options out of `total` (alignkiosk_item_distribution_v2): the sums per option, and
// the histograms (answers giving p points to option i) when the host sent them. Nothing when nobody answered. Agreement follows the r_wg index of James, Demaree & Wolf (1984): 1 - observed variance / the
// variance expected with no agreement at all, here the mean of the three corners' sample variances over
// kUniformShareVariance, clamped to 0..1 (a spread wider than random counts as no agreement).
std::optional<MixStatistics> mixStatistics(const alignkiosk_item_distribution_v2& item, uint32_t total);

// The words LeBreton & Senter (2008, table 3) give for bands of r_wg: up to .30 "lack of agreement", up to .50
// "weak", up to .70 "moderate", up to .90 "strong", above that "very strong" (in `words`' language).
const char* agreementWord(double agreement, const sdk::Words& words = sdk::Words());

struct RoleStatistics {
    uint32_t answered = 0;
    std::vector<uint32_t> counts;   // per role option
    std::vector<double> shares;     // counts / answered
    std::size_t top = 0;            // a most-chosen role (the lowest index on a tie)
    bool tie = false;               // another role was chosen exactly as often as `top`
    double topShare = 0.0;          // how many chose `top`: the group's agreement on its role
};

// counts: a CHOICE item (counts[i] answers choosing role i), `roles` options. Nothing when nobody answered.
std::optional<RoleStatistics> roleStatistics(std::span<const uint32_t> counts, uint32_t answered, uint32_t roles);

struct UnderstandingStatistics {
    uint32_t answered = 0;
    double mean = 0.0;      // mean scale point
    uint32_t low = 0;       // answers on the bottom two points
    double lowShare = 0.0;  // low / answered
};

// counts: a SCALE item (counts[i] answers at scaleMin + i). Nothing when nobody answered.
std::optional<UnderstandingStatistics> understandingStatistics(std::span<const uint32_t> counts, int scaleMin,
                                                               int scaleMax);

// Total variation distance between two distributions over the same roles: half the sum of absolute differences
// (Levin, Peres & Wilmer 2009, prop. 4.2), 0 for identical views, 1 for views with no role in common.
double totalVariation(std::span<const double> p, std::span<const double> q);

// One stakeholder group seen differently by two shown groups.
struct RoleGap {
    std::size_t stakeholder = 0; // index into the plan's stakeholders
    std::size_t groupA = 0;      // indices into the shown groups, groupA < groupB
    std::size_t groupB = 0;
    double distance = 0.0;       // totalVariation of their role shares
    bool modesDiffer = false;    // both have one most-chosen role, and they differ
};

// Two groups see a stakeholder differently when their most-chosen roles differ or their views are at least this far
// apart.
inline constexpr double kNotableDistance = 0.3;

// roles[s][g]: stakeholder s's role statistics in shown group g (nothing when that group has no answers). Per
// stakeholder at most one gap, the pair of groups that differ most (differing modes first, then distance); only gaps
// that are notable; ordered with differing modes first, then by distance, descending (ties in stakeholder order).
std::vector<RoleGap> roleGaps(const std::vector<std::vector<std::optional<RoleStatistics>>>& roles);

} // namespace alignkiosk::plugins::stakeholder_mapping
