// Scoring for the diagnostic-signs module: turns one group's answer counts into findings for the facilitator.
// Pure functions over plain data, so the rules can be unit-tested without ImGui or a host.
#pragma once

#include <alignkiosk/findings.hpp>
#include <alignkiosk/plugin_abi.h>
#include <alignkiosk/words.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace alignkiosk::plugins::diagnostic_signs {

// Which end of a scale counts against the team.
enum class ItemRole {
    Signal, // a frequency scale: the top two points ("often", "almost always") mean the sign is seen
    Metric  // a how-well scale: the bottom two points ("very poorly", "poorly") mean the work goes badly
};

// What scoring needs to know about one question.
struct ScoredItem {
    std::string questionId;
    ItemRole role = ItemRole::Signal;
    std::string name;       // what the headline calls the sign or metric
    std::string checkFirst; // signals only: the action shown with the finding
    int pointCount = 0;     // scale_max - scale_min + 1
};

struct SignFinding {
    std::string questionId;
    ItemRole role = ItemRole::Signal;
    alignkiosk_finding_level_v1 level = ALIGNKIOSK_FINDING_INFO;
    uint32_t hits = 0;     // answers at the counting end of the scale
    uint32_t answered = 0; // answers to the question
    float share = 0.0f;    // hits / answered
    std::string name;      // the sign or metric (ScoredItem::name)
    std::string measure;   // "seen often by 62% (5 of 8)" or "rated weak by 25% (2 of 8)"
    std::string headline;  // name + " \u2014 " + measure
    std::string action;    // signals: check_first; metrics: empty
};

// The shared finding rules and aggregate lookups (plugins/sdk: alignkiosk/findings.hpp).
using sdk::countsOf;
using sdk::findItem;
using sdk::levelFor;
using sdk::percentFloor;

// One finding for one question, or nothing when nobody answered it. counts[i] is the number of answers at scale point
// scale_min + i (alignkiosk_item_distribution_v2); a short counts array counts as zeros.
// The measure is worded in `words`' language.
bool scoreItem(const ScoredItem& item, std::span<const uint32_t> counts, uint32_t answered, SignFinding& finding,
               const sdk::Words& words = sdk::Words());

// Most urgent first: by level, then by share, both descending; ties keep content order.
void sortFindings(std::vector<SignFinding>& findings);

// Every finding for one group's aggregate: one per item in `items` that has answers (looked up by question id),
// sorted by sortFindings. What score() returns and what the dashboard panel draws.
std::vector<SignFinding> scoreAggregate(std::span<const ScoredItem> items, const alignkiosk_aggregate_v2& aggregate,
                                        const sdk::Words& words = sdk::Words());

// The level as one short word for the facilitator: "widespread", "watch" or "isolated", in `words`' language.
const char* levelWord(alignkiosk_finding_level_v1 level, const sdk::Words& words);

// The headline's name for a question: the "label" attribute when set, else the prompt without its closing
// punctuation ("Our messaging changes from page to page." -> "Our messaging changes from page to page").
std::string displayName(std::string_view label, std::string_view prompt);

} // namespace alignkiosk::plugins::diagnostic_signs
