// The focus-assessment plugin: one module that asks for the one big goal, how much time goes to it, its S.M.M.A.R.T.
// qualities, how clear mission, brand, business model and key offer are, which opportunity would speed it up most,
// and how many clients are ideal ones.
#include "focus_content.h"
#include "focus_module.h"

#include <alignkiosk/plugin.hpp>

#include <memory>
#include <vector>

namespace alignkiosk::plugins::focus_assessment {
namespace {

std::vector<sdk::ModuleDefinition> definitions() {
    sdk::ModuleDefinition definition;
    definition.id = "focus_assessment";
    definition.version = "1.0.0";
    definition.name = "Focus assessment";
    definition.description =
        "Whether the team names one big goal, gives it its time, and sees a clear mission, brand, model and offer.";
    definition.acceptedKinds = sdk::kindBit(ALIGNKIOSK_QUESTION_TEXT) | sdk::kindBit(ALIGNKIOSK_QUESTION_PERCENT) |
                               sdk::kindBit(ALIGNKIOSK_QUESTION_CHOICE) | sdk::kindBit(ALIGNKIOSK_QUESTION_MULTI_CHOICE);
    definition.validate = validateContent;
    definition.hasDashboardPanel = true; // FocusModule::drawPanel
    definition.hasReport = true;         // FocusModule::writeReport
    definition.create = [](const sdk::StepView& step) -> std::unique_ptr<sdk::Module> {
        return std::make_unique<FocusModule>(step);
    };
    return {definition};
}

} // namespace
} // namespace alignkiosk::plugins::focus_assessment

ALIGNKIOSK_PLUGIN(alignkiosk::plugins::focus_assessment::definitions);
