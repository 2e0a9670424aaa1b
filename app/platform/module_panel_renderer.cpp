#include "module_panel_renderer.h"

#include "ui/plugin_frame.h"

namespace alignkiosk::platform {

namespace {

ui::ModuleFinding::Level levelOf(alignkiosk_finding_level_v1 level) {
    switch (level) {
    case ALIGNKIOSK_FINDING_WIDESPREAD: return ui::ModuleFinding::Level::Widespread;
    case ALIGNKIOSK_FINDING_WATCH: return ui::ModuleFinding::Level::Watch;
    case ALIGNKIOSK_FINDING_INFO: break;
    }
    return ui::ModuleFinding::Level::Info; // and any level a newer SDK may add
}

} // namespace

ModulePanelRenderer::ModulePanelRenderer(const core::Survey& survey,
                                         const std::vector<std::unique_ptr<plugin_host::ModuleInstance>>& modules,
                                         const ui::Theme& theme, std::string everyoneLabel)
    : m_theme(theme), m_everyoneLabel(std::move(everyoneLabel)) {
    for (std::size_t step = 0; step < survey.steps.size() && step < modules.size(); ++step)
        if (modules[step]) m_modules[survey.steps[step].id] = modules[step].get();
}

void ModulePanelRenderer::setModel(const core::DashboardModel& model) {
    m_panels.clear();
    for (const core::ModuleAggregate& aggregate : model.modules) {
        const auto module = m_modules.find(aggregate.stepId);
        if (module == m_modules.end()) continue;
        m_panels[aggregate.stepId] = {module->second,
                                      std::make_unique<plugin_host::AggregateBuffer>(aggregate, m_everyoneLabel)};
    }
}

const ModulePanelRenderer::Panel* ModulePanelRenderer::find(const std::string& stepId) const {
    const auto panel = m_panels.find(stepId);
    return panel == m_panels.end() ? nullptr : &panel->second;
}

ui::PanelOutcome ModulePanelRenderer::drawPanel(const core::ModuleAggregate& aggregate, bool projection) {
    const Panel* panel = find(aggregate.stepId);
    if (!panel) return ui::PanelOutcome::NoPanel;
    switch (panel->module->drawDashboardPanel(*panel->groups, ui::pluginFrame(m_theme, projection))) {
    case plugin_host::PanelOutcome::Drawn: return ui::PanelOutcome::Drawn;
    case plugin_host::PanelOutcome::Failed: return ui::PanelOutcome::Failed;
    case plugin_host::PanelOutcome::NoPanel: break;
    }
    return ui::PanelOutcome::NoPanel;
}

std::optional<std::vector<ui::ModuleFinding>> ModulePanelRenderer::findings(const core::ModuleAggregate& aggregate) {
    const Panel* panel = find(aggregate.stepId);
    if (!panel || panel->groups->groupCount() != aggregate.groups.size()) return std::nullopt;
    // One score() per shown group, in the model's order (everyone first): the module sees what the panel would.
    std::vector<ui::ModuleFinding> findings;
    for (uint32_t g = 0; g < panel->groups->groupCount(); ++g) {
        const auto scored = panel->module->score(*panel->groups, g);
        if (!scored) return std::nullopt;
        for (const plugin_host::ModuleInstance::Finding& finding : *scored)
            findings.push_back({aggregate.groups[g].group, finding.questionId, levelOf(finding.level), finding.share,
                                finding.headline, finding.action});
    }
    return findings;
}

} // namespace alignkiosk::platform
