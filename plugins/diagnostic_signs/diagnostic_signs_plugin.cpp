// The diagnostic-signs plugin: one module that asks how often people see the signs of a mission that does not guide
// the work, how well that work goes, and what change the company creates for its customers.
#include "signs_content.h"
#include "signs_module.h"

#include <alignkiosk/plugin.hpp>

#include <memory>
#include <vector>

namespace alignkiosk::plugins::diagnostic_signs {
namespace {

std::vector<sdk::ModuleDefinition> definitions() {
    sdk::ModuleDefinition definition;
    definition.id = "diagnostic_signs";
    definition.version = "1.0.0";
    definition.name = "Diagnostic signs";
    definition.description =
        "How often the team sees the signs of a mission that does not guide the work, and how well the work goes.";
    definition.acceptedKinds = sdk::kindBit(ALIGNKIOSK_QUESTION_SCALE) | sdk::kindBit(ALIGNKIOSK_QUESTION_TEXT);
    definition.validate = validateContent;
    definition.hasDashboardPanel = true; // SignsModule::drawDashboardPanel
    definition.hasReport = true;         // SignsModule::writeReport
    definition.create = [](const sdk::StepView& step) -> std::unique_ptr<sdk::Module> {
        return std::make_unique<SignsModule>(step);
    };
    return {definition};
}

} // namespace
} // namespace alignkiosk::plugins::diagnostic_signs

ALIGNKIOSK_PLUGIN(alignkiosk::plugins::diagnostic_signs::definitions);
