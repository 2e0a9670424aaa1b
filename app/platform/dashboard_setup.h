// What `dashboard` and `collect` open before their window: the plugins, the survey, the store for its answers (a
// module that crashed the station is stopped here too: openSurveyAndStore) and one module instance per step.
#pragma once

#include "command_line.h"

#include "core/install_layout.h"
#include "core/answer_store.h"
#include "core/messages.h"
#include "core/survey_model.h"
#include "plugin_host/module_instance.h"
#include "plugin_host/plugin_host.h"

#include <memory>
#include <optional>
#include <vector>

namespace alignkiosk::platform {

struct DashboardSetup {
    std::optional<core::Survey> survey;
    std::unique_ptr<core::AnswerStore> store;
    std::vector<std::unique_ptr<plugin_host::ModuleInstance>> modules;
    // The dashboard's words in the survey's default language.
    core::Messages messages = core::Messages::english();
};

// 0, or the exit status after saying on stderr what is wrong.
int prepareDashboard(const CommandLine& commandLine, const core::InstallLayout& layout, plugin_host::PluginHost& host,
                     DashboardSetup& setup);

} // namespace alignkiosk::platform
