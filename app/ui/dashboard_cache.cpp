// Everything the dashboard draws, formatted once per model: a frame only draws these strings and numbers, so its cost
// does not depend on how many people answered (the model holds counts, never rows).
#include "dashboard.h"

#include "core/module_title.h"

#include <algorithm>
#include <cmath>

namespace alignkiosk::ui {

namespace {

const core::GroupItem* findGroup(const core::RatedItem& item, const std::string& group) {
    for (const core::GroupItem& candidate : item.groups)
        if (candidate.group == group) return &candidate;
    return nullptr;
}

// The message id of an agreement band's name.
const char* agreementId(core::AgreementLevel level) {
    switch (level) {
    case core::AgreementLevel::None: return "dash_agreement_none";
    case core::AgreementLevel::Weak: return "dash_agreement_weak";
    case core::AgreementLevel::Moderate: return "dash_agreement_moderate";
    case core::AgreementLevel::Strong: return "dash_agreement_strong";
    case core::AgreementLevel::VeryStrong: return "dash_agreement_very_strong";
    case core::AgreementLevel::Unknown: break;
    }
    return "dash_agreement_none";
}

} // namespace

std::string Dashboard::formatCount(uint64_t count) const { return number(static_cast<double>(count), 0); }

std::string Dashboard::formatMedian(double median) const {
    return number(median, std::floor(median) == median ? 0 : 1);
}

std::string Dashboard::rwgText(const core::ItemStatistics& stats) const {
    if (!stats.hasRwg) return "- (n < 2)";
    return number(stats.rwg, 2) + " " + tr(agreementId(stats.agreement));
}

void Dashboard::rebuild() {
    const core::DashboardModel& model = *m_model;
    const auto k = static_cast<int64_t>(model.thresholds.ratings);
    const auto kText = static_cast<int64_t>(model.thresholds.text);

    m_anonymityNote = tr("dash_anonymity_note", {{"k", k}, {"text", kText}});
    m_emptyTitle = tr("dash_empty_title");
    m_emptyExplanation.clear();
    if (model.groupCounts.empty())
        m_emptyExplanation = model.hiddenGroups > 0       ? tr("dash_empty_waiting", {{"k", k}})
                             : !m_noAnswersNote.empty() ? m_noAnswersNote
                                                        : tr("dash_empty_none");

    // Why teams are hidden: too few answers, or (the differencing guard) so a smaller group cannot be worked out.
    m_hiddenLine.clear();
    const uint32_t byGuard = std::min(model.hiddenByGuard, model.hiddenGroups);
    const uint32_t bySize = model.hiddenGroups - byGuard;
    const core::MessageArgs hidden = {{"teams", static_cast<int64_t>(model.hiddenGroups)},
                                      {"k", k},
                                      {"bySize", static_cast<int64_t>(bySize)},
                                      {"byGuard", static_cast<int64_t>(byGuard)}};
    if (bySize > 0 && byGuard == 0) m_hiddenLine = tr("dash_hidden_by_size", hidden);
    else if (bySize == 0 && byGuard > 0) m_hiddenLine = tr("dash_hidden_by_guard", hidden);
    else if (bySize > 0) m_hiddenLine = tr("dash_hidden_both", hidden);

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
                cell.text = number(stats.mean, 1);
                cell.tooltip = tr("dash_cell_tooltip", {{"group", groupName(column)},
                                                        {"n", formatCount(stats.n)},
                                                        {"mean", number(stats.mean, 2)},
                                                        {"sd", number(stats.sd, 2)},
                                                        {"rwg", rwgText(stats)}});
            } else {
                // Too few answers, or held back by the differencing guard: the model does not say which per item.
                cell.tooltip = tr("dash_cell_hidden", {{"group", groupName(column)}});
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
            row.mean = number(stats.mean, 2);
            row.sd = number(stats.sd, 2);
            row.median = formatMedian(stats.median);
            row.rwg = rwgText(stats);
            row.ad = number(stats.ad, 2) + " " + tr(stats.adAcceptable ? "dash_ad_ok" : "dash_ad_high");
            row.adAcceptable = stats.adAcceptable;
            row.consensus = number(stats.consensus, 2);
            cache.rows.push_back(std::move(row));
        }
        cache.adHeader = item.groups.empty()
                             ? std::string("AD")
                             : tr("dash_ad_header",
                                  {{"threshold", number(item.groups.front().statistics.adThreshold, 2)}});
        m_items.push_back(std::move(cache));
    }

    // The legend names the scale's ends when every item shares one scale, else speaks of the scale in general.
    m_legend = {};
    m_legend.title = tr("dash_legend_title");
    m_legend.low = tr("dash_legend_low");
    m_legend.high = tr("dash_legend_high");
    if (!model.ratedItems.empty() && model.ratedItems.front().scaleLabels.size() >= 2) {
        const std::vector<std::string>& labels = model.ratedItems.front().scaleLabels;
        bool shared = true;
        for (const core::RatedItem& item : model.ratedItems) shared = shared && item.scaleLabels == labels;
        if (shared) {
            m_legend.low = labels.front();
            m_legend.high = labels.back();
        }
    }
    m_legend.markTitle = tr("dash_legend_marks");
    for (core::AgreementLevel level : {core::AgreementLevel::VeryStrong, core::AgreementLevel::Strong,
                                       core::AgreementLevel::Moderate, core::AgreementLevel::Weak,
                                       core::AgreementLevel::None})
        m_legend.marks.emplace_back(level, tr(agreementId(level)));

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
        std::string text = tr("dash_gap_line",
                              {{"teamA", groupName(gap.teamA)}, {"teamB", groupName(gap.teamB)}, {"gap", number(gap.gap, 1)}});
        if (gap.gapInSd > 0.0) text += " " + tr("dash_gap_sd", {{"sd", number(gap.gapInSd, 1)}});
        m_items[gap.item].gaps.push_back(text);
        const bool listed = std::any_of(m_gaps.begin(), m_gaps.end(),
                                        [&](const ListLine& line) { return line.item == gap.item; });
        if (!listed)
            m_gaps.push_back({gap.item, m_items[gap.item].title, std::move(text), core::AgreementLevel::Unknown});
    }
    m_lowestEmpty = tr(model.ratedItems.empty() ? "dash_no_rated" : "dash_lowest_waiting");
    m_gapsEmpty = tr(model.ratedItems.empty()        ? "dash_no_rated"
                     : model.shownTeams.size() < 2 ? "dash_gaps_waiting"
                                                   : "dash_gaps_none");

    m_moduleTitles.clear();
    m_moduleCounts.clear();
    for (const core::ModuleAggregate& module : model.modules) {
        m_moduleTitles.push_back(core::moduleTitle(module.moduleId, m_messages));
        std::string counts = tr("dash_module_responses");
        for (std::size_t i = 0; i < module.groups.size(); ++i)
            counts += std::string(i == 0 ? " " : " \xC2\xB7 ") + groupName(module.groups[i].group) + " " +
                      formatCount(module.groups[i].responseCount);
        if (module.groups.empty()) counts = tr("dash_module_no_group");
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
    m_textsNote = tr("dash_texts_note", {{"k", kText}});
    m_textsEmpty = tr("dash_texts_empty", {{"k", kText}});

    // The selection follows its item into the new model, or is dropped when the item is gone.
    m_selected.reset();
    for (std::size_t i = 0; i < model.ratedItems.size() && !m_selectedKey.empty(); ++i)
        if (model.ratedItems[i].stepId + '\n' + model.ratedItems[i].questionId == m_selectedKey) m_selected = i;
}

} // namespace alignkiosk::ui
