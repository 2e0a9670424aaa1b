// Synthetic answers for trying the dashboard without a workshop: plausible for any survey (every question kind), and
// with patterns planted on purpose so the dashboard has something true to show. Never mixed into a real store by the
// program itself: `alignkiosk demo-data` writes them only where it is told to.
//
// Planted in the bundled surveys (matched by question id, with team ids sales, marketing and leadership):
//   value_language_differs  Sales mostly answer high (often / almost always), Marketing mostly low (never / rarely)
//   content_relevance       everyone agrees: nearly all answer the same point ("Well")
//   messaging_shifts        a widespread sign: most people see it often or almost always
//   role_product            Sales mostly call Product a supplier, Marketing mostly a customer
//   works_for               Sales lean to the customers, Leadership to the employer
//   time_on_goal            about a quarter of the week goes to the one big goal
//   one_big_goal            most sentences circle one goal (repeat business) in different words
// About 10% of participants choose no team; open sentences come from small pools written for these demos.
#pragma once

#include "submission.h"
#include "survey_model.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace alignkiosk::core {

// The store setting that marks a store demo-data filled (value "yes"): demo answers go only into an empty store or
// one so marked, never among real answers, where nobody could tell them apart.
constexpr const char* kDemoStoreSettingKey = "demo_data_store";

struct DemoOptions {
    uint64_t responses = 0;         // participants
    std::vector<std::string> teams; // the team ids participants pick from; empty: the survey's
    uint64_t seed = 1;
    // The module version stamped on each step's row, by module id; "0.0.0" for a module not listed.
    std::map<std::string, std::string> moduleVersions;
};

// One Submission per participant, with one response per step; the same options give the same submissions.
std::vector<Submission> generateDemoSubmissions(const Survey& survey, const DemoOptions& options);

} // namespace alignkiosk::core
