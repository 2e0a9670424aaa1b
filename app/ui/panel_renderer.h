// The seam through which the dashboard shows what each module makes of its step: the module's own panel, or, for a
// module without one, its findings (score()). The dashboard is ui and knows no plugins; the platform implements this
// over the loaded modules (platform/module_panel_renderer.h), and tests over a fake.
#pragma once

#include "core/dashboard_model.h"

#include <optional>
#include <string>
#include <vector>

namespace alignkiosk::ui {

// What became of drawing a step's panel.
enum class PanelOutcome {
    Drawn,   // the module drew its panel
    NoPanel, // the module offers none (or is not loaded): the dashboard shows the module's findings instead
    Failed   // the module has a panel but could not draw it: the dashboard says so, then shows the findings
};

// One conclusion a module drew from one group's counts, as the SDK defines it (alignkiosk_finding_v1).
struct ModuleFinding {
    enum class Level { Info, Watch, Widespread }; // Widespread: half the group or more; Watch: a quarter
    std::string group;      // the group it is about: a shown group's name (core::kEveryoneGroup for everyone)
    std::string questionId; // the question it is about
    Level level = Level::Info;
    float share = 0.0f;     // 0..1: the share of the group it is about
    std::string headline;
    std::string action;     // what to check first; may be empty
};

class PanelRenderer {
public:
    virtual ~PanelRenderer() = default;

    // The dashboard's new model, handed over before anything of it is drawn; the calls below receive its aggregates.
    // Convert here what drawing needs, so that a frame converts nothing.
    virtual void setModel(const core::DashboardModel& model) = 0;
    // Draws the panel of `aggregate`'s step into the current ImGui region (as wide as the panel, any height; the
    // dashboard draws the frame and the title around it). `projection`: the dashboard is in projection mode. Called
    // every frame; never throws.
    virtual PanelOutcome drawPanel(const core::ModuleAggregate& aggregate, bool projection) = 0;
    // The step's module's findings about each group of `aggregate` (the shown groups only, everyone first), in that
    // order; nothing when they cannot be had (the module failed, or is not loaded). Asked once per model, for a step
    // whose panel was not drawn; never throws.
    virtual std::optional<std::vector<ModuleFinding>> findings(const core::ModuleAggregate& aggregate) = 0;
};

} // namespace alignkiosk::ui
