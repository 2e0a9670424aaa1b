#include "stakeholder_sentences.h"

#include "stakeholder_words.h"

namespace alignkiosk::plugins::stakeholder_mapping {

std::string percent(double share, const sdk::Words& words) {
    return words.percent(static_cast<int>(percentRounded(share)));
}

std::string roleSentence(const StakeholderItem& item, const RoleStatistics& role, const sdk::Words& words) {
    const std::string share = percent(role.topShare, words);
    if (!role.tie) return words.fill(words::kMostSay, {{"role", item.roleLabels[role.top]}, {"share", share}});
    std::string tied;
    for (std::size_t r = 0; r < role.counts.size(); ++r)
        if (role.counts[r] == role.counts[role.top]) tied += (tied.empty() ? "" : " / ") + item.roleLabels[r];
    return words.fill(words::kSplit, {{"roles", tied}, {"share", share}});
}

} // namespace alignkiosk::plugins::stakeholder_mapping
