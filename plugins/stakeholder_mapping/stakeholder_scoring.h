// Scoring for the stakeholder-mapping module: one group's counts turned into findings for the facilitator (how the
// group splits its work between employer, customers and itself, and how much it agrees on that; how it sees each
// stakeholder group's role; how well it understands what each needs). Pure functions over plain data, no ImGui.
#pragma once

#include "stakeholder_statistics.h"

#include <alignkiosk/findings.hpp>
#include <alignkiosk/plugin_abi.h>

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace alignkiosk::plugins::stakeholder_mapping {

// What scoring and the panel need to know about the step, copied from the content.
struct MixItem {
    std::string questionId;
    std::string name; // the question's "label" attribute, else its prompt without closing punctuation
    uint32_t total = 100;
    std::array<std::string, kCorners> labels; // the corners, option order
};

struct StakeholderItem {
    std::string name; // "Sales"
    std::string roleQuestionId;
    std::vector<std::string> roleIds;    // option ids, e.g. customer, partner, supplier
    std::vector<std::string> roleLabels; // option labels
    std::string understandingQuestionId;
    int scaleMin = 1;
    int scaleMax = 5;
};

struct MapPlan {
    std::optional<MixItem> mix;
    std::vector<StakeholderItem> stakeholders;
};

// The role option id the seed's advice is about: a customer of your work needs its needs understood more deeply
// than its requests, so poor understanding of a group most people call a customer weighs more.
inline constexpr std::string_view kCustomerRoleId = "customer";

struct MapFinding {
    std::string questionId;
    alignkiosk_finding_level_v1 level = ALIGNKIOSK_FINDING_INFO;
    float share = 0.0f;
    std::string headline;
    std::string action;
};

// The shared finding rules and aggregate lookups (plugins/sdk: alignkiosk/findings.hpp).
using sdk::countsOf;
using sdk::findItem;
using sdk::levelFor;
using sdk::percentFloor;

// The statistics of one group, looked up by question id; nothing for a question nobody in the group answered.
std::optional<MixStatistics> mixOf(const MapPlan& plan, const alignkiosk_aggregate_v2& aggregate);
std::optional<RoleStatistics> roleOf(const StakeholderItem& item, const alignkiosk_aggregate_v2& aggregate);
std::optional<UnderstandingStatistics> understandingOf(const StakeholderItem& item,
                                                       const alignkiosk_aggregate_v2& aggregate);

// A share 0..1 as a whole percent, rounded to nearest (for display).
uint32_t percentRounded(double share);

// The mean mix as whole points that add up to the total: "Employer 45 · Customers 35 · Yourself 20".
std::string mixText(const MixItem& mix, const MixStatistics& stats);

// Every finding for one group, most urgent first (level, then share, both descending; ties keep content order):
//  - the mix (when answered): its mean and agreement. Level by agreement: WIDESPREAD up to .30 (LeBreton & Senter's
//    "lack of agreement"), WATCH up to .50 ("weak"), else INFO; INFO too when the host sent no histograms.
//    share = 1 - agreement (the observed variance as a share of random variance).
//  - per stakeholder, its role (when answered): WIDESPREAD when the role ids "customer" and "supplier" each get at
//    least a quarter (the group is seen as receiving the team's work and as feeding it, which pull opposite ways);
//    WATCH when no role has a majority (top share below a half, or a tie); else INFO. share = 1 - top share.
//  - per stakeholder, the understanding of its needs (when answered): hits = answers on the bottom two points,
//    levelFor(hits, answered); WATCH becomes WIDESPREAD when more than half the group call it a customer.
//    share = hits / answered.
std::vector<MapFinding> scoreAggregate(const MapPlan& plan, const alignkiosk_aggregate_v2& aggregate,
                                       const sdk::Words& words = sdk::Words());

// The headline's name for a question: its "label" when set, else the prompt without closing punctuation.
std::string displayName(std::string_view label, std::string_view prompt);

} // namespace alignkiosk::plugins::stakeholder_mapping
