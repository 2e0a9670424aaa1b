// The focus-assessment module's panel on the facilitator's dashboard. Per shown group: the time on the one big goal,
// whether people name the same goal (the key words their goal sentences share), the S.M.M.A.R.T. coverage, how clear
// mission/brand/model/offer look, the opportunity most chosen and the share of ideal clients. Drawing only: every
// number comes from focus_scoring and focus_keywords.
#pragma once

#include "focus_keywords.h"
#include "focus_scoring.h"

#include <alignkiosk/plugin.hpp>
#include <alignkiosk/words.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace alignkiosk::plugins::focus_assessment {

// Key words shown per group, most used first.
inline constexpr size_t kSharedWordsShown = 6;

class FocusPanel {
public:
    // Draws the panel for `input` (the shown groups, everyone first, and the open answers of the groups at the
    // open-text threshold) into the current window or child region, its own words in `words`' language (`language`
    // is the survey's: which common words the key words leave out). Leaves the ImGui stacks balanced.
    void draw(const ScoringPlan& plan, std::string_view language, const sdk::PanelInput& input,
              const alignkiosk_frame_v1& frame, const sdk::Words& words);

    // The overlap of one group's goal sentences; remembered until those sentences change, because the panel is drawn
    // every frame and the sentences change only with a new dashboard model.
    const GoalOverlap& overlapOf(std::string_view group, const sdk::TextAnswersView& answers,
                                 std::string_view language);

private:
    struct Cached {
        std::string group;
        uint64_t fingerprint = 0;
        GoalOverlap overlap;
    };
    std::vector<Cached> m_overlaps;
};

} // namespace alignkiosk::plugins::focus_assessment
