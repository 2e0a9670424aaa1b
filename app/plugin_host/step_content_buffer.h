// The C views of one core::Step, with storage for every string and array they point to: alignkiosk_step_content_v1
// for plugins with only a v1 factory (built before ABI 1.3), alignkiosk_step_content_v2 for the rest. The ABI promises
// a module that its content stays valid from create_module until destroy, so the buffer lives as long as the
// ModuleInstance; it never moves (the C structs point into it).
#pragma once

#include "core/survey_model.h"

#include <alignkiosk/plugin_abi.h>

#include <string>
#include <vector>

namespace alignkiosk::plugin_host {

class StepContentBuffer {
public:
    // `language` is the survey's BCP 47 tag; "und" (undetermined) when the caller does not know it.
    StepContentBuffer(const core::Step& step, std::string language);
    StepContentBuffer(const StepContentBuffer&) = delete;
    StepContentBuffer& operator=(const StepContentBuffer&) = delete;

    const alignkiosk_step_content_v1& content() const { return m_content; }
    const alignkiosk_step_content_v2& contentV2() const { return m_contentV2; }
    const core::Step& step() const { return m_step; }

private:
    core::Step m_step; // the owned copy every pointer below points into
    std::string m_language;
    std::vector<std::vector<const char*>> m_scaleLabels;
    std::vector<std::vector<alignkiosk_option_v1>> m_options;
    std::vector<std::vector<alignkiosk_key_value_v1>> m_attributes;
    std::vector<alignkiosk_question_v1> m_questions;
    alignkiosk_step_content_v1 m_content{};

    // ABI 1.3: what host_data points to, for the lists' count and get functions (abi_list.h).
    struct QuestionLists {
        std::vector<alignkiosk_option_v2> options;
        std::vector<alignkiosk_key_value_v2> attributes;
    };
    struct StepLists {
        std::vector<alignkiosk_question_v2> questions;
    };
    std::vector<QuestionLists> m_questionLists;
    StepLists m_stepLists;
    alignkiosk_step_content_v2 m_contentV2{};
};

} // namespace alignkiosk::plugin_host
