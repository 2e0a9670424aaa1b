// The dashboard's PanelRenderer over the loaded modules: each step's panel drawn by its module through the host
// (ModuleInstance::drawDashboardPanel), its findings from the module's score(), both from the C form of the step's
// aggregate, built once per model.
#pragma once

#include "core/dashboard_model.h"
#include "core/survey_model.h"
#include "plugin_host/aggregate_buffer.h"
#include "plugin_host/module_instance.h"
#include "ui/panel_renderer.h"
#include "ui/theme.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace alignkiosk::platform {

class ModulePanelRenderer final : public ui::PanelRenderer {
public:
    // `modules`: one instance per step of `survey`, in step order; a null one (a stopped module) has neither panel
    // nor findings. Everything passed in must outlive the renderer. `everyoneLabel`: the everyone group's name as the
    // modules receive it, in the dashboard's language.
    ModulePanelRenderer(const core::Survey& survey,
                        const std::vector<std::unique_ptr<plugin_host::ModuleInstance>>& modules,
                        const ui::Theme& theme, std::string everyoneLabel = core::kEveryoneLabel);

    void setModel(const core::DashboardModel& model) override;
    ui::PanelOutcome drawPanel(const core::ModuleAggregate& aggregate, bool projection) override;
    std::optional<std::vector<ui::ModuleFinding>> findings(const core::ModuleAggregate& aggregate) override;

private:
    struct Panel {
        const plugin_host::ModuleInstance* module = nullptr;
        std::unique_ptr<plugin_host::AggregateBuffer> groups; // the aggregate's groups as the plugin receives them
    };
    // The current model's panel for a step, or nullptr when it has none (not in the model, or no module).
    const Panel* find(const std::string& stepId) const;

    const ui::Theme& m_theme;
    std::string m_everyoneLabel;
    std::map<std::string, const plugin_host::ModuleInstance*> m_modules; // by step id
    std::map<std::string, Panel> m_panels;                               // by step id, rebuilt with every model
};

} // namespace alignkiosk::platform
