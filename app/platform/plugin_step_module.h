// A plugin's module instance as the shell's step (ui::StepModule): ui and plugin_host are siblings, and this is where
// they meet. UI thread only.
#pragma once

#include "plugin_host/module_instance.h"
#include "ui/step_module.h"

#include <memory>
#include <vector>

namespace alignkiosk::platform {

class PluginStepModule final : public ui::StepModule {
public:
    explicit PluginStepModule(std::unique_ptr<plugin_host::ModuleInstance> instance);

    const std::string& moduleId() const override { return m_instance->moduleId(); }
    const std::string& moduleVersion() const override { return m_instance->moduleVersion(); }
    void reset() override { m_instance->reset(); }
    uint32_t pageCount() const override { return m_instance->pageCount(); }
    bool drawPage(uint32_t page, const alignkiosk_frame_v1& frame) override {
        return m_instance->drawPage(page, frame);
    }
    bool pageComplete(uint32_t page) const override { return m_instance->pageComplete(page); }
    std::optional<std::string> answerJson() const override { return m_instance->answerJson(); }
    void setLanguage(const std::string& language) override { m_instance->setLanguage(language); }

private:
    std::unique_ptr<plugin_host::ModuleInstance> m_instance;
};

// One step module per instance, in order; a null instance (a stopped module) stays null.
std::vector<std::unique_ptr<ui::StepModule>> stepModules(
    std::vector<std::unique_ptr<plugin_host::ModuleInstance>> instances);

} // namespace alignkiosk::platform
