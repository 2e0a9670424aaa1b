// The stakeholder-mapping plugin: one module that asks who people feel they work for (employer, customers,
// themselves), and how they see the groups around their work (customer, partner or supplier) and their needs.
#include "stakeholder_content.h"
#include "stakeholder_module.h"

#include <alignkiosk/plugin.hpp>

#include <memory>
#include <vector>

namespace alignkiosk::plugins::stakeholder_mapping {
namespace {

std::vector<sdk::ModuleDefinition> definitions() {
    sdk::ModuleDefinition definition;
    definition.id = "stakeholder_mapping";
    definition.version = "1.0.0";
    definition.name = "Stakeholder mapping";
    definition.description = "Who people work for (employer, customers, themselves) and how they see the groups "
                             "around their work: customer, partner or supplier, and how well their needs are known.";
    definition.acceptedKinds = sdk::kindBit(ALIGNKIOSK_QUESTION_ALLOCATION) |
                               sdk::kindBit(ALIGNKIOSK_QUESTION_CHOICE) | sdk::kindBit(ALIGNKIOSK_QUESTION_SCALE);
    definition.validate = validateContent;
    definition.hasDashboardPanel = true; // StakeholderModule::drawPanel
    definition.hasReport = true;         // StakeholderModule::writeReport
    definition.create = [](const sdk::StepView& step) -> std::unique_ptr<sdk::Module> {
        return std::make_unique<StakeholderModule>(step);
    };
    return {definition};
}

} // namespace
} // namespace alignkiosk::plugins::stakeholder_mapping

ALIGNKIOSK_PLUGIN(alignkiosk::plugins::stakeholder_mapping::definitions);
