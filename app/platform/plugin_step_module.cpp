#include "plugin_step_module.h"

#include <utility>

namespace alignkiosk::platform {

PluginStepModule::PluginStepModule(std::unique_ptr<plugin_host::ModuleInstance> instance)
    : m_instance(std::move(instance)) {}

std::vector<std::unique_ptr<ui::StepModule>> stepModules(
    std::vector<std::unique_ptr<plugin_host::ModuleInstance>> instances) {
    std::vector<std::unique_ptr<ui::StepModule>> modules;
    modules.reserve(instances.size());
    for (auto& instance : instances)
        modules.push_back(instance ? std::make_unique<PluginStepModule>(std::move(instance)) : nullptr);
    return modules;
}

} // namespace alignkiosk::platform
