#include "report_file.h"

#include "core/response_store.h"
#include "plugin_host/aggregate_buffer.h"
#include "report/paper_size.h"

#include <map>

namespace alignkiosk::platform {

std::vector<report::ModulePages> modulePagesFor(const core::Survey& survey, const core::DashboardModel& model,
                                                const ModuleInstances& modules, const std::string& everyoneLabel) {
    std::map<std::string, const plugin_host::ModuleInstance*> byStep;
    for (std::size_t step = 0; step < survey.steps.size() && step < modules.size(); ++step)
        if (modules[step]) byStep[survey.steps[step].id] = modules[step].get();

    std::vector<report::ModulePages> pages;
    for (const core::ModuleAggregate& aggregate : model.modules) {
        report::ModulePages module;
        module.stepId = aggregate.stepId;
        module.moduleId = aggregate.moduleId;
        const auto found = byStep.find(aggregate.stepId);
        if (found == byStep.end()) {
            pages.push_back(std::move(module));
            continue;
        }
        // The groups as the panel receives them: "Everyone" as the screen says it.
        const plugin_host::AggregateBuffer groups(aggregate, everyoneLabel);
        std::vector<report::Block> blocks;
        const plugin_host::ReportOutcome outcome =
            found->second->writeReport(groups, [&](const alignkiosk_report_block_v1& raw) {
                if (std::optional<report::Block> block = report::blockFromAbi(raw)) blocks.push_back(std::move(*block));
            });
        module.written = outcome == plugin_host::ReportOutcome::Written;
        module.failed = outcome == plugin_host::ReportOutcome::Failed;
        if (module.written) {
            module.blocks = std::move(blocks);
        } else {
            // As the dashboard does for a module without a panel: one score() per shown group, everyone first.
            module.findingsAvailable = true;
            for (uint32_t g = 0; g < groups.groupCount() && module.findingsAvailable; ++g) {
                const auto scored = found->second->score(groups, g);
                if (!scored) {
                    module.findingsAvailable = false;
                    module.findings.clear();
                    break;
                }
                for (const plugin_host::ModuleInstance::Finding& finding : *scored)
                    module.findings.push_back(
                        {aggregate.groups[g].group, static_cast<int>(finding.level), finding.headline, finding.action});
            }
        }
        pages.push_back(std::move(module));
    }
    return pages;
}

report::ReportResult writeReportFile(const core::Survey& survey, const core::DashboardModel& model,
                                     const ModuleInstances& modules, const std::filesystem::path& file,
                                     const core::Messages& messages) {
    report::ReportInput input;
    input.model = &model;
    input.survey = &survey;
    input.messages = messages;
    try {
        input.modules = modulePagesFor(survey, model, modules, messages.text("dash_everyone"));
    } catch (const std::exception& error) {
        report::ReportResult failed;
        failed.error = error.what();
        return failed;
    }
    input.paper = report::paperForLocale();
    input.writtenOn = core::localDateToday();
    return report::writeReport(input, file);
}

} // namespace alignkiosk::platform
