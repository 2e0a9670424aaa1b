// What the facilitator's dashboard and the exports show, already filtered by the anonymity policy: every group in
// here may be shown. Built by ResponseAggregator (response_aggregator.h); drawn by ui::Dashboard; written by the CSV
// export. Plain data: no ImGui, no SQLite.
#pragma once

#include "core/anonymity_policy.h"
#include "core/item_statistics.h"
#include "core/survey_model.h"
#include "core/text_pool.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace alignkiosk::core {

inline constexpr const char* kEveryoneGroup = "ALL";
// What the screens and the exports call kEveryoneGroup.
inline constexpr const char* kEveryoneLabel = "Everyone";

// One rated item (a scale question) for one shown group.
struct GroupItem {
    std::string group; // a team name, or kEveryoneGroup
    ScaleDistribution distribution;
    ItemStatistics statistics;
};

struct RatedItem {
    std::string stepId;
    std::string moduleId;
    std::string questionId;
    std::string label; // the question's "label" attribute, else its prompt
    std::string prompt;
    std::vector<std::string> scaleLabels;
    std::vector<GroupItem> groups; // shown groups only; everyone first (when shown), then teams in survey order
};

// The difference between two shown teams on one item.
struct TeamGap {
    std::size_t item = 0; // index into DashboardModel::ratedItems
    std::string teamA;    // the higher mean
    std::string teamB;
    double gap = 0.0;     // meanA - meanB, >= 0
    double gapInSd = 0.0; // gap / pooled SD of the two teams (0 when the pooled SD is 0)
};

// Counts for one question of one shown group, as plugins receive them (alignkiosk_item_distribution_v1): for scale
// and percent counts per point from the question's minimum, for choice and multi-choice per option, for allocation
// the points given to each option summed, then per option a histogram of the points given (0..total).
struct QuestionCounts {
    std::string questionId;
    std::vector<uint64_t> counts;
    uint64_t answered = 0;
};

struct ModuleGroupAggregate {
    std::string group;
    uint64_t responseCount = 0;
    std::vector<QuestionCounts> questions;
};

// Open-text answers of one question for one group at or above the text threshold, shuffled (never answer order).
struct TextAnswers {
    std::string stepId;
    std::string questionId;
    std::string prompt;
    std::string group;
    std::vector<std::string_view> answers; // into DashboardModel::textPool, NUL-terminated
};

// Everything one step's module gets to draw its own dashboard panel.
struct ModuleAggregate {
    std::string stepId;
    std::string moduleId;
    std::vector<ModuleGroupAggregate> groups; // shown groups only, everyone first
    std::vector<TextAnswers> texts;           // this step's open answers, groups at the text threshold only
};

struct GroupCount {
    std::string group;
    uint64_t responses = 0;
};

struct DashboardModel {
    std::string surveyId;
    std::string surveyTitle;
    AnonymityThresholds thresholds;
    uint64_t totalResponses = 0;         // participants; shown only when everyone is shown
    // The first and last session day of the answers counted ('YYYY-MM-DD'), like totalResponses only when everyone
    // is shown; empty otherwise. Rows hold no time finer than the day.
    std::string firstDay;
    std::string lastDay;
    std::vector<GroupCount> groupCounts; // shown groups only, everyone first
    uint32_t hiddenGroups = 0;           // teams held back by the anonymity rules
    // Of those, the teams with enough answers that are held back so no smaller group can be worked out by subtraction
    // (the differencing guard); the rest have fewer answers than the threshold.
    uint32_t hiddenByGuard = 0;
    std::vector<std::string> shownTeams; // the heatmap's columns, survey order
    std::vector<RatedItem> ratedItems;   // survey order
    // Every gap between two shown teams of the (at most) 10 items whose largest gap is largest, ranked by gapInSd,
    // largest first. Two teams that each answered as one yet differ have a gapInSd of 0 (their pooled SD is 0: the gap
    // is infinitely many SDs) and rank first, by gap.
    std::vector<TeamGap> largestGaps;
    std::vector<std::size_t> lowestAgreement; // indices into ratedItems, lowest everyone-rwg first
    std::vector<ModuleAggregate> modules;
    std::vector<TextAnswers> texts;
    // Holds the bytes of every open answer above (and of the modules' texts): they are kept once, by the aggregator.
    std::shared_ptr<const TextPool> textPool;
};

} // namespace alignkiosk::core
