// Everything the dashboard draws, formatted once per model: a frame only draws these strings and numbers, so its cost
// does not depend on how many people answered (the model holds counts, never rows).
#include "dashboard.h"

#include "core/module_title.h"

#include <algorithm>
#include <cmath>

namespace alignkiosk::ui {

namespace {

using charts::formatCount;
using charts::formatFixed;

std::string plural(uint64_t count, const char* one, const char* many) {
    return formatCount(count) + " " + (count == 1 ? one : many);
}

const core::GroupItem* findGroup(const core::RatedItem& item, const std::string& group) {
    for (const core::GroupItem& candidate : item.groups)
        if (candidate.group == group) return &candidate;
    return nullptr;
}

std::string formatMedian(double median) {
    return formatFixed(median, std::floor(median) == median ? 0 : 1);
}

std::string rwgText(const core::ItemStatistics& stats) {
    if (!stats.hasRwg) return "- (n < 2)";
    return formatFixed(stats.rwg, 2) + " " + core::agreementLabel(stats.agreement);
}

} // namespace

void Dashboard::rebuild() {
    const core::DashboardModel& model = *m_model;
    const uint32_t k = model.thresholds.ratings;
    const uint32_t kText = model.thresholds.text;

    m_anonymityNote = "To keep everyone anonymous, a group is shown only once it has at least " + std::to_string(k) +
                      " answers (" + std::to_string(kText) +
                      " for open answers), and never in a way that lets a smaller group be worked out.";
    m_emptyTitle = "Nothing to show yet";
    m_emptyExplanation.clear();
    if (model.groupCounts.empty())
        m_emptyExplanation = model.hiddenGroups > 0
                                 ? "Answers are coming in, but no group has reached " + std::to_string(k) +
                                       " answers yet. The results appear here as soon as one has."
                                 : !m_noAnswersNote.empty()
                                     ? m_noAnswersNote
                                     : "No answers yet. The results appear here as people finish the survey.";

    // Why teams are hidden: too few answers, or (the differencing guard) so a smaller group cannot be worked out.
    m_hiddenLine.clear();
    const uint32_t byGuard = std::min(model.hiddenByGuard, model.hiddenGroups);
    const uint32_t bySize = model.hiddenGroups - byGuard;
    const std::string fewer = "fewer than " + std::to_string(k) + " answers";
    const std::string guard = "so that a smaller group's answers cannot be worked out by subtraction";
    if (model.hiddenGroups > 0) m_hiddenLine = plural(model.hiddenGroups, "team hidden", "teams hidden");
    if (bySize > 0 && byGuard == 0) m_hiddenLine += ": " + fewer;
    else if (bySize == 0 && byGuard > 0) m_hiddenLine += " " + guard;
    else if (bySize > 0) m_hiddenLine += ": " + formatCount(bySize) + " with " + fewer + ", " + formatCount(byGuard) +
                                         " " + guard;

    m_responseBars.clear();
    for (const core::GroupCount& count : model.groupCounts)
        m_responseBars.push_back({groupName(count.group), static_cast<double>(count.responses),
                                  formatCount(count.responses)});

    // The heatmap: every rated item against everyone (when shown) and every shown team.
    std::vector<std::string> columns;
    bool everyone = !model.groupCounts.empty() && model.groupCounts.front().group == core::kEveryoneGroup;
    for (const core::RatedItem& item : model.ratedItems) everyone = everyone || findGroup(item, core::kEveryoneGroup);
    if (everyone) columns.emplace_back(core::kEveryoneGroup);
    for (const std::string& team : model.shownTeams)
        if (team != core::kEveryoneGroup) columns.push_back(team);
    m_heatmap = {};
    for (const std::string& column : columns) m_heatmap.columnLabels.push_back(groupName(column));
    m_items.clear();
    for (const core::RatedItem& item : model.ratedItems) {
        m_heatmap.rowLabels.push_back(item.label.empty() ? item.questionId : item.label);
        m_heatmap.rowTooltips.push_back(item.prompt);
        for (const std::string& column : columns) {
            charts::HeatCell cell;
            if (const core::GroupItem* group = findGroup(item, column); group && group->statistics.n > 0) {
                const core::ItemStatistics& stats = group->statistics;
                cell.shown = true;
                cell.mean = stats.mean;
                cell.scaleMin = group->distribution.scaleMin;
                cell.scaleMax = group->distribution.scaleMin + group->distribution.points() - 1;
                cell.agreement = stats.agreement;
                cell.text = formatFixed(stats.mean, 1);
                cell.tooltip = groupName(column) + ": n = " + formatCount(stats.n) + "\nmean " +
                               formatFixed(stats.mean, 2) + ", SD " + formatFixed(stats.sd, 2) + "\nrwg " +
                               rwgText(stats);
            } else {
                // Too few answers, or held back by the differencing guard: the model does not say which per item.
                cell.tooltip = groupName(column) + ": hidden on this item to keep answers anonymous";
            }
            m_heatmap.cells.push_back(std::move(cell));
        }

        ItemCache cache;
        cache.title = m_heatmap.rowLabels.back();
        for (const core::GroupItem& group : item.groups) {
            const core::ItemStatistics& stats = group.statistics;
            GroupRow row;
            row.name = groupName(group.group);
            row.source = &group;
            row.n = formatCount(stats.n);
            row.mean = formatFixed(stats.mean, 2);
            row.sd = formatFixed(stats.sd, 2);
            row.median = formatMedian(stats.median);
            row.rwg = rwgText(stats);
            row.ad = formatFixed(stats.ad, 2) + (stats.adAcceptable ? " ok" : " high");
            row.adAcceptable = stats.adAcceptable;
            row.consensus = formatFixed(stats.consensus, 2);
            cache.rows.push_back(std::move(row));
        }
        cache.adHeader = item.groups.empty()
                             ? std::string("AD")
                             : "AD (ok <= " + formatFixed(item.groups.front().statistics.adThreshold, 2) + ")";
        m_items.push_back(std::move(cache));
    }

    // The legend names the scale's ends when every item shares one scale, else speaks of the scale in general.
    m_legend = {};
    m_legend.title = "Colour: mean answer";
    m_legend.low = "lowest point";
    m_legend.high = "highest point";
    if (!model.ratedItems.empty() && model.ratedItems.front().scaleLabels.size() >= 2) {
        const std::vector<std::string>& labels = model.ratedItems.front().scaleLabels;
        bool shared = true;
        for (const core::RatedItem& item : model.ratedItems) shared = shared && item.scaleLabels == labels;
        if (shared) {
            m_legend.low = labels.front();
            m_legend.high = labels.back();
        }
    }
    m_legend.markTitle = "Agreement (rwg):";
    for (core::AgreementLevel level : {core::AgreementLevel::VeryStrong, core::AgreementLevel::Strong,
                                       core::AgreementLevel::Moderate, core::AgreementLevel::Weak,
                                       core::AgreementLevel::None})
        m_legend.marks.emplace_back(level, core::agreementLabel(level));

    m_lowest.clear();
    for (std::size_t index : model.lowestAgreement) {
        if (index >= model.ratedItems.size()) continue;
        const core::GroupItem* all = findGroup(model.ratedItems[index], core::kEveryoneGroup);
        if (!all || !all->statistics.hasRwg) continue;
        m_lowest.push_back({index, m_items[index].title, "rwg " + rwgText(all->statistics), all->statistics.agreement});
    }

    // The list names each item once, with its largest gap (the model ranks them); the detail view shows them all.
    m_gaps.clear();
    for (const core::TeamGap& gap : model.largestGaps) {
        if (gap.item >= model.ratedItems.size()) continue;
        std::string text =
            groupName(gap.teamA) + " vs " + groupName(gap.teamB) + ": " + formatFixed(gap.gap, 1) + " points";
        if (gap.gapInSd > 0.0) text += " (" + formatFixed(gap.gapInSd, 1) + " SD)";
        m_items[gap.item].gaps.push_back(text);
        const bool listed = std::any_of(m_gaps.begin(), m_gaps.end(),
                                        [&](const ListLine& line) { return line.item == gap.item; });
        if (!listed)
            m_gaps.push_back({gap.item, m_items[gap.item].title, std::move(text), core::AgreementLevel::Unknown});
    }
    m_lowestEmpty = model.ratedItems.empty() ? "This survey has no rated questions."
                                             : "Shown once everyone's answers can be shown.";
    m_gapsEmpty = model.ratedItems.empty()        ? "This survey has no rated questions."
                  : model.shownTeams.size() < 2 ? "Shown once two teams can be shown."
                                                : "The teams shown do not differ on any item yet.";

    m_moduleTitles.clear();
    m_moduleCounts.clear();
    for (const core::ModuleAggregate& module : model.modules) {
        m_moduleTitles.push_back(core::moduleTitle(module.moduleId));
        std::string counts = "Responses:";
        for (std::size_t i = 0; i < module.groups.size(); ++i)
            counts += std::string(i == 0 ? " " : " \xC2\xB7 ") + groupName(module.groups[i].group) + " " +
                      formatCount(module.groups[i].responseCount);
        if (module.groups.empty()) counts = "No group has enough answers to this module yet.";
        m_moduleCounts.push_back(std::move(counts));
    }
    // Asked of the renderer when a frame first needs them (a module without a panel), once per model.
    m_moduleFindings.assign(model.modules.size(), ModuleFindings{});

    // Open answers, one block per question in the model's order.
    m_textQuestions.clear();
    m_expandedTexts.clear();
    for (std::size_t i = 0; i < model.texts.size(); ++i) {
        const core::TextAnswers& answers = model.texts[i];
        TextQuestion* question = nullptr;
        for (TextQuestion& existing : m_textQuestions) {
            const core::TextAnswers& first = model.texts[existing.answers.front()];
            if (first.stepId == answers.stepId && first.questionId == answers.questionId) question = &existing;
        }
        if (!question) question = &m_textQuestions.emplace_back(TextQuestion{answers.prompt, {}});
        question->answers.push_back(i);
    }
    m_textsNote = "Shown only for groups with at least " + std::to_string(kText) +
                  " answers, in shuffled order: the order says nothing about who answered.";
    m_textsEmpty = "No open answers to show yet. A group's open answers appear once it has at least " +
                   std::to_string(kText) + " answers.";

    // The selection follows its item into the new model, or is dropped when the item is gone.
    m_selected.reset();
    for (std::size_t i = 0; i < model.ratedItems.size() && !m_selectedKey.empty(); ++i)
        if (model.ratedItems[i].stepId + '\n' + model.ratedItems[i].questionId == m_selectedKey) m_selected = i;
}

} // namespace alignkiosk::ui
