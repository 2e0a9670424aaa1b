// Counts per (step, question, group) kept up to date one row at a time, and the dashboard built from those counts
// under the anonymity rules (anonymity_policy.h). Rows are never kept: only counts, and open sentences (which are
// shown, shuffled, to groups at or above the text threshold).
//
// Groups: one per survey team, in survey order, and one last group for everyone who chose no team. Rows name a team
// by its id, whatever language it was picked in (a team written as plain text is its own id). A row stored before the
// survey gave its teams ids names the team by its text as it was then, the survey's default language: such a row is
// counted with the team whose default label it names, unless that text is another team's id. A stored team
// that is not in the survey's list (a renamed or removed team, or a hand-made row) is counted as no team: inventing a
// column for it could show a group the facilitator never defined, and it still counts for everyone.

#include "response_aggregator.h"

#include "answer_payload.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>

// Index
// [SECTION] Tallies
// [SECTION] Counting
// [SECTION] Building the dashboard

namespace alignkiosk::core {

namespace {

// [SECTION] Tallies -----------------------------------------------------------------------------------------------

constexpr uint32_t kPercentBins = 101; // 0..100
constexpr std::size_t kLargestGapItems = 10;

// The validator's rule for team names written as plain text, which are their own ids (surveys/README.md):
// surrounding spaces and ASCII case do not make a new team.
std::string foldedTeamName(std::string_view name) {
    const std::size_t first = name.find_first_not_of(" \t\r\n\v\f");
    if (first == std::string_view::npos) return {};
    const std::size_t last = name.find_last_not_of(" \t\r\n\v\f");
    std::string folded(name.substr(first, last - first + 1));
    for (char& c : folded)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return folded;
}

// A team's label in the survey's default language, whatever language `survey` was resolved in.
std::string defaultTeamLabel(const Survey& survey, uint32_t team) {
    const auto wording = survey.wordings.find(TextPath{"teams", std::to_string(team), "label"});
    if (wording != survey.wordings.end() && !survey.languages.empty())
        if (const auto text = wording->second.find(survey.languages.front()); text != wording->second.end())
            return text->second;
    return survey.teams[team].label;
}

// Everything counted for one question. counts is group-major: counts[group * bins + bin].
struct QuestionTally {
    const Question* question = nullptr;
    uint32_t bins = 0; // scale points, 101 percentages, options, or (allocation) sums + histograms; 0 for text
    std::vector<uint64_t> counts;
    std::vector<uint64_t> answered;              // per group
    std::vector<std::vector<std::string_view>> texts; // per group, into the aggregator's pool; text questions only
    std::unordered_map<std::string, uint32_t> optionIndex;
    uint64_t lastRow = 0; // the row that last answered, so an id repeated within a row counts once

    void count(uint32_t group, uint32_t bin, uint64_t amount = 1) { counts[group * bins + bin] += amount; }
};

struct StepTally {
    const Step* step = nullptr;
    std::vector<QuestionTally> questions;
    std::unordered_map<std::string, uint32_t> questionIndex;
    std::vector<uint64_t> rows; // per group
};

uint32_t binsOf(const Question& question) {
    switch (question.kind) {
    case QuestionKind::Scale: return static_cast<uint32_t>(question.scaleMax - question.scaleMin + 1);
    case QuestionKind::Percent: return kPercentBins;
    case QuestionKind::Choice:
    case QuestionKind::MultiChoice: return static_cast<uint32_t>(question.options.size());
    // The points per option summed, then per option how many gave it 0..total points (the layout of
    // alignkiosk_item_distribution_v1 from ABI 1.2): a panel can show the spread, not just the centre.
    case QuestionKind::Allocation: return static_cast<uint32_t>(question.options.size()) * (question.total + 2);
    case QuestionKind::Text: return 0;
    }
    return 0;
}

// The longest prefix of `text` of at most `maxBytes` bytes that ends on a UTF-8 character boundary.
std::string cutToLength(std::string text, std::size_t maxBytes) {
    if (text.size() <= maxBytes) return text;
    std::size_t end = maxBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0u) == 0x80u) --end;
    text.resize(end);
    return text;
}

bool isBlank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n\v\f") == std::string_view::npos;
}

// splitmix64 (Steele, Lea & Flood 2014): a seed mixer whose output is fixed by its definition, so a shuffle for a
// given seed is the same on every standard library (std::shuffle's is not).
uint64_t splitMix64(uint64_t& state) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// Fisher-Yates (Knuth, TAOCP vol. 2, Algorithm P). The modulo bias is below 2^-40 for any list that fits in memory.
void shuffle(std::vector<std::string_view>& items, uint64_t seed) {
    std::mt19937_64 random(seed);
    for (std::size_t i = items.size(); i > 1; --i) {
        const std::size_t j = static_cast<std::size_t>(random() % i);
        std::swap(items[i - 1], items[j]);
    }
}

} // namespace

struct ResponseAggregator::Impl {
    Survey survey;
    AnonymityThresholds thresholds;
    uint32_t groups = 1; // the survey's teams, then the no-team group
    std::vector<StepTally> steps;
    std::unordered_map<std::string, uint32_t> stepIndex;
    std::unordered_map<std::string, uint32_t> teamIndex; // by folded id
    uint64_t added = 0;
    uint64_t skipped = 0;
    uint64_t row = 0; // rows seen so far, to tell repeated answers within one row
    std::string firstDay, lastDay; // of the rows counted by add()
    std::shared_ptr<TextPool> textPool = std::make_shared<TextPool>(); // every open answer, once

    explicit Impl(const Survey& source) : survey(source) {
        thresholds.ratings = std::max(survey.anonymity.ratings, AnonymityThresholds::kFloor);
        thresholds.text = std::max(survey.anonymity.text, AnonymityThresholds::kFloor);
        groups = static_cast<uint32_t>(survey.teams.size()) + 1;
        for (uint32_t t = 0; t < survey.teams.size(); ++t) teamIndex.emplace(foldedTeamName(survey.teams[t].id), t);
        // Then the default-language labels, for rows stored before the teams had ids (emplace keeps an id's place).
        for (uint32_t t = 0; t < survey.teams.size(); ++t)
            teamIndex.emplace(foldedTeamName(defaultTeamLabel(survey, t)), t);
        steps.resize(survey.steps.size());
        for (uint32_t s = 0; s < survey.steps.size(); ++s) {
            const Step& step = survey.steps[s];
            StepTally& tally = steps[s];
            tally.step = &step;
            tally.rows.assign(groups, 0);
            stepIndex.emplace(step.id, s);
            tally.questions.resize(step.questions.size());
            for (uint32_t q = 0; q < step.questions.size(); ++q) {
                const Question& question = step.questions[q];
                QuestionTally& counter = tally.questions[q];
                counter.question = &question;
                counter.bins = binsOf(question);
                counter.counts.assign(std::size_t{groups} * counter.bins, 0);
                counter.answered.assign(groups, 0);
                if (question.kind == QuestionKind::Text) counter.texts.resize(groups);
                for (uint32_t o = 0; o < question.options.size(); ++o)
                    counter.optionIndex.emplace(question.options[o].id, o);
                tally.questionIndex.emplace(question.id, q);
            }
        }
    }

    uint32_t noTeam() const { return groups - 1; }

    uint32_t groupOf(const std::optional<std::string>& team) const {
        if (!team) return noTeam();
        const auto found = teamIndex.find(foldedTeamName(*team));
        return found == teamIndex.end() ? noTeam() : found->second;
    }

    // [SECTION] Counting ------------------------------------------------------------------------------------------

    // True the first time a row names this question.
    bool firstInRow(QuestionTally& counter) const {
        if (counter.lastRow == row) return false;
        counter.lastRow = row;
        return true;
    }

    // A scale point, a percentage or an option index; anything out of range is ignored. `times`: how many rows gave
    // it (one, or a store's count).
    static void countValue(QuestionTally& counter, uint32_t group, int64_t value, uint64_t times = 1) {
        const Question& question = *counter.question;
        int64_t bin = value;
        if (question.kind == QuestionKind::Scale) bin = value - question.scaleMin;
        else if (question.kind != QuestionKind::Percent && question.kind != QuestionKind::Choice) return;
        if (bin < 0 || bin >= static_cast<int64_t>(counter.bins)) return;
        counter.count(group, static_cast<uint32_t>(bin), times);
        counter.answered[group] += times;
    }

    void countAnswer(QuestionTally& counter, uint32_t group, const AnswerValue& value, uint64_t times = 1) {
        const Question& question = *counter.question;
        switch (question.kind) {
        case QuestionKind::Scale:
        case QuestionKind::Percent:
            if (const auto* number = std::get_if<int64_t>(&value)) countValue(counter, group, *number, times);
            break;
        case QuestionKind::Choice:
            if (const auto* option = std::get_if<std::string>(&value)) {
                const auto found = counter.optionIndex.find(*option);
                if (found != counter.optionIndex.end()) countValue(counter, group, found->second, times);
            }
            break;
        case QuestionKind::MultiChoice:
            if (const auto* options = std::get_if<std::vector<std::string>>(&value)) {
                // Each option once, however often a list names it; options no longer in the survey are left out.
                std::vector<bool> chosen(counter.bins);
                for (const std::string& option : *options)
                    if (const auto found = counter.optionIndex.find(option); found != counter.optionIndex.end())
                        chosen[found->second] = true;
                for (uint32_t o = 0; o < counter.bins; ++o)
                    if (chosen[o]) counter.count(group, o, times);
                counter.answered[group] += times;
            }
            break;
        case QuestionKind::Allocation:
            if (const auto* points = std::get_if<std::vector<OptionPoints>>(&value)) {
                // Summed per option. A share out of bounds (negative, or more than the total in all) is not an
                // answer the kiosk could have given, so none of it is counted.
                std::vector<uint64_t> given(question.options.size());
                std::vector<bool> seen(question.options.size());
                uint64_t sum = 0;
                for (const OptionPoints& share : *points) {
                    if (share.points < 0 || share.points > static_cast<int64_t>(question.total)) return;
                    const auto found = counter.optionIndex.find(share.option);
                    if (found == counter.optionIndex.end() || seen[found->second]) continue;
                    seen[found->second] = true;
                    given[found->second] = static_cast<uint64_t>(share.points);
                    sum += given[found->second];
                }
                if (sum > question.total) return;
                const auto options = static_cast<uint32_t>(given.size());
                for (uint32_t o = 0; o < options; ++o) {
                    counter.count(group, o, given[o] * times);
                    counter.count(group, options + o * (question.total + 1) + static_cast<uint32_t>(given[o]), times);
                }
                counter.answered[group] += times;
            }
            break;
        case QuestionKind::Text:
            if (const auto* text = std::get_if<std::string>(&value); text && !isBlank(*text)) {
                const std::string_view kept = textPool->add(cutToLength(*text, question.maxLength));
                counter.texts[group].insert(counter.texts[group].end(), times, kept);
                counter.answered[group] += times;
            }
            break;
        }
    }

    std::optional<std::size_t> cellOf(const StoredResponse& response) const {
        if (response.surveyId != survey.id) return std::nullopt;
        const auto step = stepIndex.find(response.stepId);
        if (step == stepIndex.end() || response.moduleId != steps[step->second].step->moduleId) return std::nullopt;
        return std::size_t{step->second} * groups + groupOf(response.team);
    }

    bool add(const StoredResponse& response) {
        if (response.surveyId != survey.id) return skip();
        const auto step = stepIndex.find(response.stepId);
        if (step == stepIndex.end()) return skip();
        StepTally& tally = steps[step->second];
        // Another module's answers to this step are another instrument's; they are not comparable.
        if (response.moduleId != tally.step->moduleId) return skip();
        const auto answers = parseAnswerPayload(response.payload);
        if (!answers) return skip();

        const uint32_t group = groupOf(response.team);
        if (!response.sessionDate.empty()) {
            if (firstDay.empty() || response.sessionDate < firstDay) firstDay = response.sessionDate;
            if (lastDay.empty() || response.sessionDate > lastDay) lastDay = response.sessionDate;
        }
        ++row;
        ++tally.rows[group];
        // Modules write answers in content order, so the next question is tried before the id map.
        std::size_t next = 0;
        for (const Answer& answer : *answers) {
            std::size_t q = next;
            if (q >= tally.questions.size() || tally.questions[q].question->id != answer.questionId) {
                const auto found = tally.questionIndex.find(answer.questionId);
                if (found == tally.questionIndex.end()) continue;
                q = found->second;
            }
            next = q + 1;
            QuestionTally& counter = tally.questions[q];
            if (firstInRow(counter)) countAnswer(counter, group, answer.value);
        }
        ++added;
        return true;
    }

    // The step a store's count is of, if it is this survey's and the module's that the survey names for it.
    StepTally* stepOf(const std::string& stepId, const std::string& moduleId) {
        const auto step = stepIndex.find(stepId);
        if (step == stepIndex.end() || moduleId != steps[step->second].step->moduleId) return nullptr;
        return &steps[step->second];
    }

    uint64_t addTally(const StoreTally& tally) {
        uint64_t counted = 0;
        for (const StoreTally::Rows& rows : tally.rows) {
            StepTally* step = rows.surveyId == survey.id ? stepOf(rows.stepId, rows.moduleId) : nullptr;
            if (!step || rows.rows == 0) { // as add() skips such rows
                skipped += rows.rows;
                continue;
            }
            step->rows[groupOf(rows.team)] += rows.rows;
            if (!rows.firstDay.empty() && (firstDay.empty() || rows.firstDay < firstDay)) firstDay = rows.firstDay;
            if (!rows.lastDay.empty() && (lastDay.empty() || rows.lastDay > lastDay)) lastDay = rows.lastDay;
            counted += rows.rows;
        }
        for (const StoreTally::Answers& answers : tally.answers) {
            StepTally* step = stepOf(answers.stepId, answers.moduleId);
            if (!step) continue;
            const auto question = step->questionIndex.find(answers.questionId);
            if (question == step->questionIndex.end()) continue;
            countAnswer(step->questions[question->second], groupOf(answers.team), parseAnswerValue(answers.value),
                        answers.rows);
        }
        added += counted;
        return counted;
    }

    bool addCounted(std::size_t step, std::optional<std::size_t> team, std::span<const CountedAnswer> answers) {
        if (step >= steps.size() || (team && *team >= survey.teams.size())) return skip();
        const uint32_t group = team ? static_cast<uint32_t>(*team) : noTeam();
        StepTally& tally = steps[step];
        ++row;
        ++tally.rows[group];
        for (const CountedAnswer& answer : answers) {
            if (answer.question >= tally.questions.size()) continue;
            QuestionTally& counter = tally.questions[answer.question];
            if (firstInRow(counter)) countValue(counter, group, answer.value);
        }
        ++added;
        return true;
    }

    bool skip() {
        ++skipped;
        return false;
    }

    // [SECTION] Building the dashboard ----------------------------------------------------------------------------

    // decideVisibility for per-group figures (teams, then the no-team group), as a mask over the teams.
    struct Shown {
        bool everyone = false;
        std::vector<bool> teams;
        uint32_t hiddenTeams = 0;
        uint32_t hiddenByGuard = 0;
    };

    Shown shownGroups(const std::vector<uint64_t>& perGroup, uint32_t k) const {
        std::vector<GroupSize> sizes;
        sizes.reserve(survey.teams.size());
        for (std::size_t t = 0; t < survey.teams.size(); ++t)
            sizes.push_back(GroupSize{survey.teams[t].id, perGroup[t]});
        const uint64_t total = std::accumulate(perGroup.begin(), perGroup.end(), uint64_t{0});
        const Visibility visibility = decideVisibility(sizes, total, k);
        Shown shown;
        shown.everyone = visibility.everyoneShown;
        shown.hiddenTeams = visibility.hiddenTeams;
        shown.hiddenByGuard = visibility.hiddenByGuard;
        shown.teams.assign(survey.teams.size(), false);
        // shownTeams keeps the given order, and team ids are unique (the validator sees to it).
        std::size_t t = 0;
        for (const std::string& id : visibility.shownTeams) {
            while (t < survey.teams.size() && survey.teams[t].id != id) ++t;
            if (t < survey.teams.size()) shown.teams[t++] = true;
        }
        return shown;
    }

    // One group's counts of a question; the everyone group (kEveryone) sums them all.
    static constexpr uint32_t kEveryone = UINT32_MAX;

    std::vector<uint64_t> countsOf(const QuestionTally& counter, uint32_t group) const {
        std::vector<uint64_t> counts(counter.bins);
        for (uint32_t g = 0; g < groups; ++g) {
            if (group != kEveryone && g != group) continue;
            for (uint32_t b = 0; b < counter.bins; ++b) counts[b] += counter.counts[std::size_t{g} * counter.bins + b];
        }
        return counts;
    }

    static uint64_t sumOf(const std::vector<uint64_t>& perGroup, uint32_t group) {
        if (group != kEveryone) return perGroup[group];
        return std::accumulate(perGroup.begin(), perGroup.end(), uint64_t{0});
    }

    // The shown groups, everyone first, then teams in survey order.
    template <class Visit>
    void forEachShown(const Shown& shown, Visit&& visit) const {
        if (shown.everyone) visit(kEveryone, std::string(kEveryoneGroup));
        for (uint32_t t = 0; t < survey.teams.size(); ++t)
            if (shown.teams[t]) visit(t, survey.teams[t].label);
    }

    DashboardModel model(uint64_t shuffleSeed) const {
        DashboardModel model;
        model.surveyId = survey.id;
        model.surveyTitle = survey.title;
        model.thresholds = thresholds;
        model.textPool = textPool;

        // Participants: the rows of the first step (a participant's rows are not linked to each other, by design).
        if (!steps.empty()) {
            const std::vector<uint64_t>& rows = steps.front().rows;
            const Shown shown = shownGroups(rows, thresholds.ratings);
            forEachShown(shown, [&](uint32_t group, const std::string& name) {
                model.groupCounts.push_back(GroupCount{name, sumOf(rows, group)});
                if (group == kEveryone) {
                    model.totalResponses = sumOf(rows, group);
                    model.firstDay = firstDay;
                    model.lastDay = lastDay;
                }
                else model.shownTeams.push_back(name);
            });
            model.hiddenGroups = shown.hiddenTeams;
            model.hiddenByGuard = shown.hiddenByGuard;
        }

        buildRatedItems(model);
        buildGaps(model);
        buildLowestAgreement(model);
        buildModules(model);
        buildTexts(model, shuffleSeed);
        return model;
    }

    void buildRatedItems(DashboardModel& model) const {
        for (const StepTally& tally : steps)
            for (const QuestionTally& counter : tally.questions) {
                const Question& question = *counter.question;
                if (question.kind != QuestionKind::Scale) continue;
                RatedItem item;
                item.stepId = tally.step->id;
                item.moduleId = tally.step->moduleId;
                item.questionId = question.id;
                const auto label = question.attributes.find("label");
                item.label = label != question.attributes.end() && !isBlank(label->second) ? label->second
                                                                                            : question.prompt;
                item.prompt = question.prompt;
                item.scaleLabels = question.scaleLabels;
                forEachShown(shownGroups(counter.answered, thresholds.ratings),
                             [&](uint32_t group, const std::string& name) {
                                 GroupItem shown;
                                 shown.group = name;
                                 shown.distribution.scaleMin = question.scaleMin;
                                 shown.distribution.counts = countsOf(counter, group);
                                 shown.statistics = computeItemStatistics(shown.distribution);
                                 item.groups.push_back(std::move(shown));
                             });
                model.ratedItems.push_back(std::move(item));
            }
    }

    static void buildGaps(DashboardModel& model) {
        std::vector<TeamGap> gaps;
        for (std::size_t i = 0; i < model.ratedItems.size(); ++i) {
            // Everyone comes first whenever anything is shown (no team is shown without everyone), so the teams
            // are the rest; told apart by place, not by name, in case a team is called "ALL".
            const std::vector<GroupItem>& groups = model.ratedItems[i].groups;
            for (std::size_t a = 1; a < groups.size(); ++a)
                for (std::size_t b = a + 1; b < groups.size(); ++b) {
                    const ItemStatistics& first = groups[a].statistics;
                    const ItemStatistics& second = groups[b].statistics;
                    const bool firstHigher = first.mean >= second.mean;
                    const ItemStatistics& high = firstHigher ? first : second;
                    const ItemStatistics& low = firstHigher ? second : first;
                    TeamGap gap;
                    gap.item = i;
                    gap.teamA = firstHigher ? groups[a].group : groups[b].group;
                    gap.teamB = firstHigher ? groups[b].group : groups[a].group;
                    gap.gap = high.mean - low.mean;
                    if (gap.gap <= 0.0) continue; // no difference is nothing to show among the largest
                    // Pooled SD, the denominator of Cohen's d (Cohen 1988):
                    // sqrt(((n1 - 1) s1^2 + (n2 - 1) s2^2) / (n1 + n2 - 2)).
                    const double n1 = static_cast<double>(high.n);
                    const double n2 = static_cast<double>(low.n);
                    if (n1 + n2 > 2.0) {
                        const double pooled = std::sqrt(((n1 - 1.0) * high.sd * high.sd +
                                                         (n2 - 1.0) * low.sd * low.sd) / (n1 + n2 - 2.0));
                        if (pooled > 0.0) gap.gapInSd = gap.gap / pooled;
                    }
                    gaps.push_back(std::move(gap));
                }
        }
        // Two teams that each answered as one (pooled SD 0) yet differ are as far apart as teams can be: they rank
        // first, though their gap has no size in SD units. Then by gapInSd, then gap; ties keep survey order.
        const auto unanimousSplit = [](const TeamGap& gap) { return gap.gapInSd == 0.0; };
        std::stable_sort(gaps.begin(), gaps.end(), [&](const TeamGap& x, const TeamGap& y) {
            if (unanimousSplit(x) != unanimousSplit(y)) return unanimousSplit(x);
            if (x.gapInSd != y.gapInSd) return x.gapInSd > y.gapInSd;
            return x.gap > y.gap;
        });
        // The items with the largest gaps, each with all its gaps (the list names an item once; its detail shows
        // every pair of teams): cutting at ten gaps instead would leave three items when five teams differ widely.
        std::vector<std::size_t> items;
        std::erase_if(gaps, [&](const TeamGap& gap) {
            if (std::find(items.begin(), items.end(), gap.item) != items.end()) return false;
            if (items.size() == kLargestGapItems) return true;
            items.push_back(gap.item);
            return false;
        });
        model.largestGaps = std::move(gaps);
    }

    static void buildLowestAgreement(DashboardModel& model) {
        std::vector<std::pair<double, std::size_t>> items;
        for (std::size_t i = 0; i < model.ratedItems.size(); ++i) {
            const std::vector<GroupItem>& groups = model.ratedItems[i].groups;
            if (!groups.empty() && groups.front().statistics.hasRwg) // everyone is first when shown
                items.emplace_back(groups.front().statistics.rwg, i);
        }
        std::stable_sort(items.begin(), items.end(),
                         [](const auto& x, const auto& y) { return x.first < y.first; });
        for (const auto& [rwg, index] : items) model.lowestAgreement.push_back(index);
    }

    // Each step's counts as its module's panel gets them. A group is shown for the step when its rows pass the
    // rules, and a question's counts are in a group only when that group also passes them for that question (an
    // optional question may have fewer answers). Open sentences are not counted here; they are in texts.
    void buildModules(DashboardModel& model) const {
        for (const StepTally& tally : steps) {
            ModuleAggregate module;
            module.stepId = tally.step->id;
            module.moduleId = tally.step->moduleId;
            std::vector<Shown> questionShown;
            for (const QuestionTally& counter : tally.questions)
                questionShown.push_back(shownGroups(counter.answered, thresholds.ratings));
            forEachShown(shownGroups(tally.rows, thresholds.ratings), [&](uint32_t group, const std::string& name) {
                ModuleGroupAggregate aggregate;
                aggregate.group = name;
                aggregate.responseCount = sumOf(tally.rows, group);
                for (std::size_t q = 0; q < tally.questions.size(); ++q) {
                    const QuestionTally& counter = tally.questions[q];
                    if (counter.question->kind == QuestionKind::Text) continue;
                    const Shown& shown = questionShown[q];
                    if (group == kEveryone ? !shown.everyone : !shown.teams[group]) continue;
                    aggregate.questions.push_back(
                        QuestionCounts{counter.question->id, countsOf(counter, group), sumOf(counter.answered, group)});
                }
                module.groups.push_back(std::move(aggregate));
            });
            model.modules.push_back(std::move(module));
        }
    }

    void buildTexts(DashboardModel& model, uint64_t shuffleSeed) const {
        uint64_t seedState = shuffleSeed;
        for (const StepTally& tally : steps)
            for (const QuestionTally& counter : tally.questions) {
                if (counter.question->kind != QuestionKind::Text) continue;
                forEachShown(shownGroups(counter.answered, thresholds.text), [&](uint32_t group,
                                                                                 const std::string& name) {
                    TextAnswers texts;
                    texts.stepId = tally.step->id;
                    texts.questionId = counter.question->id;
                    texts.prompt = counter.question->prompt;
                    texts.group = name;
                    for (uint32_t g = 0; g < groups; ++g)
                        if (group == kEveryone || g == group)
                            texts.answers.insert(texts.answers.end(), counter.texts[g].begin(),
                                                 counter.texts[g].end());
                    shuffle(texts.answers, splitMix64(seedState));
                    // The step's module panel gets them too (alignkiosk_text_answers_v1), in the same shuffled order.
                    for (ModuleAggregate& module : model.modules)
                        if (module.stepId == texts.stepId) module.texts.push_back(texts);
                    model.texts.push_back(std::move(texts));
                });
            }
    }
};

ResponseAggregator::ResponseAggregator(const Survey& survey) : m_impl(std::make_unique<Impl>(survey)) {}
ResponseAggregator::~ResponseAggregator() = default;
ResponseAggregator::ResponseAggregator(ResponseAggregator&&) noexcept = default;
ResponseAggregator& ResponseAggregator::operator=(ResponseAggregator&&) noexcept = default;

bool ResponseAggregator::add(const StoredResponse& response) {
    return m_impl->add(response);
}

uint64_t ResponseAggregator::addTally(const StoreTally& tally) {
    return m_impl->addTally(tally);
}

bool ResponseAggregator::addCounted(std::size_t step, std::optional<std::size_t> team,
                                    std::span<const CountedAnswer> answers) {
    return m_impl->addCounted(step, team, answers);
}

std::optional<std::size_t> ResponseAggregator::cellOf(const StoredResponse& response) const {
    return m_impl->cellOf(response);
}

uint64_t ResponseAggregator::added() const {
    return m_impl->added;
}

uint64_t ResponseAggregator::skipped() const {
    return m_impl->skipped;
}

DashboardModel ResponseAggregator::model(uint64_t shuffleSeed) const {
    return m_impl->model(shuffleSeed);
}

} // namespace alignkiosk::core
