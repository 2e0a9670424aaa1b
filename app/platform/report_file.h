// The facilitator's PDF report of one dashboard model, with each module's own pages asked of its plugin (the ABI's
// report extension) or, for a module without them, its findings: for `alignkiosk report` and the dashboard's Report
// button.
#pragma once

#include "core/dashboard_model.h"
#include "core/messages.h"
#include "core/survey_model.h"
#include "plugin_host/module_instance.h"
#include "report/report_document.h"

#include <filesystem>
#include <memory>
#include <vector>

namespace alignkiosk::platform {

using ModuleInstances = std::vector<std::unique_ptr<plugin_host::ModuleInstance>>;

// Each step's module pages for `model`. `modules`: one instance per step of `survey`, in step order; a null one (a
// stopped module) gets neither pages nor findings. `everyoneLabel`: the everyone group's name as the modules receive
// it, in the report's language.
std::vector<report::ModulePages> modulePagesFor(const core::Survey& survey, const core::DashboardModel& model,
                                                const ModuleInstances& modules,
                                                const std::string& everyoneLabel = core::kEveryoneLabel);

// Writes the report of `model` to `file` in the language of `messages` (the survey's default, as the dashboard), on
// paper for the locale (report::paperForLocale). Never throws.
report::ReportResult writeReportFile(const core::Survey& survey, const core::DashboardModel& model,
                                     const ModuleInstances& modules, const std::filesystem::path& file,
                                     const core::Messages& messages = core::Messages::english());

} // namespace alignkiosk::platform
