// Sentences the panel and the report both say about a group, so the screen and the paper word them alike.
#pragma once

#include "stakeholder_scoring.h"

#include <alignkiosk/words.hpp>

#include <string>

namespace alignkiosk::plugins::stakeholder_mapping {

// A share 0..1 as a whole percent in the words' language ("45 %", "45\u202F%").
std::string percent(double share, const sdk::Words& words);

// The most common role and how many share it ("Most say customer (60 %)"), or the roles tied for it.
std::string roleSentence(const StakeholderItem& item, const RoleStatistics& role, const sdk::Words& words);

} // namespace alignkiosk::plugins::stakeholder_mapping
