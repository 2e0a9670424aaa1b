// Synthetic answers for trying the dashboard without a workshop: plausible for any survey (every question kind), and
// with patterns planted on purpose so the dashboard has something true to show. Never mixed into a real store by the
// program itself: `alignkiosk demo-data` writes them only where it is told to.
//
// Planted in the bundled diagnostic-signs survey (matched by question id, with the teams named Sales and Marketing):
//   value_language_differs  Sales mostly answer high (often / almost always), Marketing mostly low (never / rarely)
//   content_relevance       everyone agrees: nearly all answer the same point ("Well")
//   messaging_shifts        a widespread sign: most people see it often or almost always
// About 10% of participants choose no team; open sentences come from a small pool written for these demos.
#pragma once

#include "response_store.h"
#include "survey_model.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace alignkiosk::core {

struct DemoOptions {
    uint64_t responses = 0;         // participants
    std::vector<std::string> teams; // the teams participants pick from; empty: the survey's
    uint64_t seed = 1;
    // The module version stamped on each step's row, by module id; "0.0.0" for a module not listed.
    std::map<std::string, std::string> moduleVersions;
};

// One Submission per participant, with one response per step; the same options give the same submissions.
std::vector<Submission> generateDemoSubmissions(const Survey& survey, const DemoOptions& options);

} // namespace alignkiosk::core
