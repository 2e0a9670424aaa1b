// Scoring for the focus-assessment module: one group's answer counts turned into summaries (mean and median of a
// percent question, yes/partly/no of a clarity question, the share ticking each S.M.M.A.R.T. quality, the most chosen
// opportunity) and into findings for the facilitator. Pure functions over plain data, no ImGui, no host.
#pragma once

#include "focus_content.h"

#include <alignkiosk/findings.hpp>
#include <alignkiosk/plugin_abi.h>
#include <alignkiosk/words.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace alignkiosk::plugins::focus_assessment {

// What scoring and the panel need to know about the step's questions, copied from the content once.
struct PercentItem {
    std::string questionId;
    std::string name;       // displayName(): the "label" attribute or the prompt
    std::string checkFirst; // the "check_first" attribute, may be empty
};

struct ClarityItem {
    std::string questionId;
    Area area = Area::Mission;
    std::string name;
    std::string checkFirst;
    uint32_t yes = 0, partly = 1, no = 2; // option indices of the three answers
    std::string yesLabel, partlyLabel, noLabel;
};

struct OptionsItem {
    std::string questionId;
    std::string name;
    std::string checkFirst;
    std::vector<std::string> optionLabels; // in content order
};

struct ScoringPlan {
    std::optional<PercentItem> goalTime;     // "goal_time"
    std::optional<PercentItem> idealClients; // "ideal_clients"
    std::vector<ClarityItem> clarity;        // content order
    std::optional<OptionsItem> smmart;
    std::optional<OptionsItem> opportunity;
    std::optional<std::string> goalQuestionId; // the open sentence: never scored, read by the panel's key words
    std::string goalName;
};

// The thresholds of the findings, in percent: time on the one goal below a quarter, ideal clients below a half.
inline constexpr int kGoalTimeBelow = 25;
inline constexpr int kIdealClientsBelow = 50;

struct PercentSummary {
    uint32_t answered = 0; // the sum of the counts
    double mean = 0.0;
    double median = 0.0;
    uint32_t below = 0; // answers strictly below the threshold asked for
};

// The summary of a PERCENT question's 101 bins (counts[p] answers of p percent); nothing when nobody answered.
std::optional<PercentSummary> summarisePercent(std::span<const uint32_t> counts, int belowThreshold);

struct ClaritySummary {
    uint32_t yes = 0, partly = 0, no = 0;
    uint32_t answered() const { return yes + partly + no; }
};

ClaritySummary summariseClarity(const ClarityItem& item, std::span<const uint32_t> counts);

// Per option, how many chose or ticked it, and how many answered the question.
struct OptionCounts {
    std::vector<uint32_t> counts; // one per option (a short array from the host counts as zeros)
    uint32_t answered = 0;
};

OptionCounts optionCounts(const OptionsItem& item, std::span<const uint32_t> counts, uint32_t answered);

// The most chosen option(s): every index sharing the highest count, in content order; empty when nobody chose any.
std::vector<uint32_t> topOptions(const OptionCounts& counts);

// The shared finding rules and aggregate lookups (plugins/sdk: alignkiosk/findings.hpp).
using sdk::countsOf;
using sdk::findItem;
using sdk::levelFor;
using sdk::percentFloor;

struct FocusFinding {
    std::string questionId;
    alignkiosk_finding_level_v1 level = ALIGNKIOSK_FINDING_INFO;
    float share = 0.0f; // of the group the finding is about (0..1)
    std::string headline;
    std::string action; // the question's "check_first", may be empty
};


// "60% (6 of 10)", "60 % (6 von 10)".
std::string shareText(uint32_t hits, uint32_t answered, const sdk::Words& words = sdk::Words());

// A percentage with at most one decimal, without a trailing ".0": "37.5%", "40%", "37,5 %".
std::string percentText(double percent, const sdk::Words& words = sdk::Words());

// Every finding for one group's aggregate, most urgent first (level, then share, descending; ties keep plan order),
// worded in `words`' language.
std::vector<FocusFinding> scoreAggregate(const ScoringPlan& plan, const alignkiosk_aggregate_v2& aggregate,
                                         const sdk::Words& words = sdk::Words());

} // namespace alignkiosk::plugins::focus_assessment
