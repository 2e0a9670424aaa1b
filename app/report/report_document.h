// The facilitator's report: a multi-page PDF of one dashboard model. A cover (survey, days, participants, the groups
// shown and hidden and why, the thresholds, the contents), the alignment overview as a heatmap, where the team
// disagrees most, each item's distribution per group with its statistics, each module's own pages, and the open
// answers. It reads the model the dashboard draws (core::DashboardModel, already filtered by the anonymity rules)
// and nothing else about the answers, so the report can show no more than the screen.
#pragma once

#include "core/dashboard_model.h"
#include "core/messages.h"
#include "core/survey_model.h"
#include "report/paper_size.h"
#include "report/report_blocks.h"

#include <filesystem>
#include <string>
#include <vector>

namespace alignkiosk::report {

struct ReportInput {
    const core::DashboardModel* model = nullptr;
    const core::Survey* survey = nullptr; // the step titles
    std::vector<ModulePages> modules;     // one per model->modules entry, same order
    PaperSize paper;
    std::string writtenOn; // 'YYYY-MM-DD'
    // The report's words, numbers and dates: the survey's default language, as the dashboard's.
    core::Messages messages = core::Messages::english();
};

// Where a section of the report begins.
struct Section {
    std::string title;
    int page = 0;
};

struct ReportResult {
    int pages = 0;
    std::vector<Section> sections; // in order; also listed on the cover
    std::string error;             // empty when the file was written
};

// Lays the report out and writes it to `file` (twice laid out: the first time to count the pages for "Page N of M"
// and the cover's contents). Never throws.
ReportResult writeReport(const ReportInput& input, const std::filesystem::path& file);

} // namespace alignkiosk::report
