// One survey step's module as the shell sees it: pages to draw, whether a page is complete, the participant's answer.
// The shell knows no plugin: platform hands it plugin_host::ModuleInstances through an adapter
// (platform/plugin_step_module.h), and the shell's tests hand it fakes. Called on the UI thread only.
#pragma once

#include <alignkiosk/plugin_abi.h>

#include <cstdint>
#include <optional>
#include <string>

namespace alignkiosk::ui {

class StepModule {
public:
    virtual ~StepModule() = default;

    // Stored with every answer.
    virtual const std::string& moduleId() const = 0;
    virtual const std::string& moduleVersion() const = 0;

    // Forget every answer: a new participant begins, or the last one walked away.
    virtual void reset() = 0;
    // How many pages the step shows (0: it cannot show any, and the shell skips it).
    virtual uint32_t pageCount() const = 0;
    // Draws `page` into the current ImGui window; false when it could not (the shell shows an error instead).
    virtual bool drawPage(uint32_t page, const alignkiosk_frame_v1& frame) = 0;
    // Whether every required answer on `page` is given: Next/Finish is enabled.
    virtual bool pageComplete(uint32_t page) const = 0;
    // The participant's answers as the payload the store keeps, or nothing when the module could not give them.
    virtual std::optional<std::string> answerJson() const = 0;
    // The participant's language (BCP 47) changed: the module's own words follow it from the next page drawn.
    // A module with no words of its own ignores it.
    virtual void setLanguage(const std::string& language) { (void)language; }
};

} // namespace alignkiosk::ui
