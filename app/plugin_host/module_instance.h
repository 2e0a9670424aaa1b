// One module of one survey step, as the shell uses it: a C++ face over alignkiosk_module_v1 that owns the C view of
// the step's content and turns every plugin failure into a return value (the kiosk never goes down with a plugin).
#pragma once

#include "core/dashboard_model.h"
#include "core/survey_model.h"

#include <alignkiosk/plugin_abi.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace alignkiosk::plugin_host {

class StepContentBuffer; // the C structs for one core::Step (step_content_buffer.h)
class AggregateBuffer;   // the C structs for one core::ModuleAggregate (aggregate_buffer.h)

// What became of a request to draw a module's own dashboard panel.
enum class PanelOutcome {
    NoPanel, // the module offers no panel (a 1.0 plugin, or a module without one): the caller's own view instead
    Drawn,
    Failed   // the module has a panel but could not draw it (false, or an exception): show an error instead
};

// What became of asking a module for its report pages.
enum class ReportOutcome {
    NoReport, // the module offers no report extension (built before ABI 1.4, or without one): list its findings
    Written,
    Failed    // the module has one but it failed (false, or an exception): list its findings, and say so
};

class ModuleInstance {
public:
    // Takes ownership of `module` (destroyed with module->destroy) and of the content it points into.
    ModuleInstance(alignkiosk_module_v1* module, std::unique_ptr<StepContentBuffer> content, std::string moduleId,
                   std::string moduleVersion);
    ~ModuleInstance();
    ModuleInstance(const ModuleInstance&) = delete;
    ModuleInstance& operator=(const ModuleInstance&) = delete;

    const std::string& moduleId() const { return m_moduleId; }
    const std::string& moduleVersion() const { return m_moduleVersion; }

    void reset();
    uint32_t pageCount() const;
    // False when the plugin reported it could not draw; the shell then shows an error instead of the page.
    bool drawPage(uint32_t page, const alignkiosk_frame_v1& frame);
    bool pageComplete(uint32_t page) const;
    // The answer payload, or nothing if the plugin failed to write it.
    std::optional<std::string> answerJson() const;

    struct Finding {
        std::string questionId;
        alignkiosk_finding_level_v1 level = ALIGNKIOSK_FINDING_INFO;
        float share = 0.0f;
        std::string headline;
        std::string action;
    };
    // The module's conclusions from group `group` of `groups` (counted for this instance's step), or nothing if the
    // plugin failed or there is no such group. Through the scoring extension (ALIGNKIOSK_SCORING_V1_ID, ABI 1.3) when
    // the module offers it, else through alignkiosk_module_v1::score.
    std::optional<std::vector<Finding>> score(const AggregateBuffer& groups, uint32_t group) const;

    // Tells the module which language (BCP 47) to draw its own words in, through the language extension
    // (ALIGNKIOSK_LANGUAGE_V1_ID, ABI 1.5). Whether it has words of its own in that language (false: it falls back to
    // English), or nothing when it has no such extension or the call failed (it keeps the content's language).
    std::optional<bool> setLanguage(const std::string& language);

    // Whether the module offers its own dashboard panel (extension ALIGNKIOSK_DASHBOARD_PANEL_V3_ID from ABI 1.3,
    // V2_ID from 1.2 or V1_ID from 1.1; the newest is preferred, and v1 receives no open answers).
    bool hasDashboardPanel() const;
    // Draws the module's dashboard panel into the current ImGui child region (begun by the caller, as wide as the
    // panel) from `groups`, the shown groups of this step, everyone first. Keep one AggregateBuffer per dashboard
    // model and pass it every frame; the core::ModuleAggregate overload converts on each call (see AggregateBuffer
    // for everyoneLabel). Never throws.
    PanelOutcome drawDashboardPanel(const AggregateBuffer& groups, const alignkiosk_frame_v1& frame) const;
    PanelOutcome drawDashboardPanel(const core::ModuleAggregate& aggregate, const alignkiosk_frame_v1& frame,
                                    std::string_view everyoneLabel = core::kEveryoneGroup) const;

    // Receives each block a module writes for the report, during writeReport only (the block is the plugin's: copy
    // what you keep). Must not throw; an exception is swallowed and the block is lost.
    using ReportBlockSink = std::function<void(const alignkiosk_report_block_v1& block)>;
    // Asks the module for its report pages (extension ALIGNKIOSK_REPORT_V1_ID, ABI 1.4) from `groups`, the shown
    // groups of this step as its panel receives them. Blocks smaller than alignkiosk_report_block_v1 are skipped.
    // Never throws.
    ReportOutcome writeReport(const AggregateBuffer& groups, const ReportBlockSink& sink) const;

private:
    // The module's usable panel table, the newest it offers (at most one is set).
    struct Panel {
        const alignkiosk_dashboard_panel_v3* v3 = nullptr;
        const alignkiosk_dashboard_panel_v2* v2 = nullptr;
        const alignkiosk_dashboard_panel_v1* v1 = nullptr;
        bool any() const { return v3 || v2 || v1; }
    };
    // get_extension(id), or nothing when the module has no get_extension or it threw (`failed` set).
    const void* extension(const char* id, bool& failed) const;
    // `failed` is set when asking threw.
    Panel dashboardPanel(bool& failed) const;
    PanelOutcome drawPanel(const Panel& panel, const AggregateBuffer& groups, const alignkiosk_frame_v1& frame) const;
    // The step this instance shows (an empty one when it was made without content).
    const core::Step& step() const;

    alignkiosk_module_v1* m_module;
    std::unique_ptr<StepContentBuffer> m_content;
    std::string m_moduleId;
    std::string m_moduleVersion;
};

} // namespace alignkiosk::plugin_host
