// One module of one survey step, as the shell uses it: a C++ face over alignkiosk_module_v1 that owns the C view of
// the step's content and turns every plugin failure into a return value (the kiosk never goes down with a plugin).
#pragma once

#include "core/survey_model.h"

#include <alignkiosk/plugin_abi.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace alignkiosk::plugin_host {

class StepContentBuffer; // the C structs for one core::Step (step_content_buffer.h)

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
    // The module's conclusions from one group's counts, or nothing if the plugin failed.
    std::optional<std::vector<Finding>> score(const alignkiosk_aggregate_v1& aggregate) const;

private:
    alignkiosk_module_v1* m_module;
    std::unique_ptr<StepContentBuffer> m_content;
    std::string m_moduleId;
    std::string m_moduleVersion;
};

} // namespace alignkiosk::plugin_host
