#include "plugin_host/module_instance.h"

#include "plugin_host/aggregate_buffer.h"
#include "plugin_host/plugin_call.h"
#include "plugin_host/step_content_buffer.h"

#include <cstddef>
#include <utility>

namespace alignkiosk::plugin_host {

namespace {

// A module table may be shorter than ours only if the plugin lied about its size; never read past what it claims.
bool has(const alignkiosk_module_v1* module, size_t fieldEnd) { return module && module->struct_size >= fieldEnd; }

#define ALIGNKIOSK_MODULE_FUNCTION(module, field)                                                                      \
    (has(module, offsetof(alignkiosk_module_v1, field) + sizeof(module->field)) ? module->field : nullptr)

// The same rule for the panel tables: a table that does not reach draw_panel has no panel to offer.
constexpr size_t kPanelDrawEnd =
    offsetof(alignkiosk_dashboard_panel_v1, draw_panel) + sizeof(alignkiosk_dashboard_panel_v1::draw_panel);
constexpr size_t kPanelV2DrawEnd =
    offsetof(alignkiosk_dashboard_panel_v2, draw_panel) + sizeof(alignkiosk_dashboard_panel_v2::draw_panel);
constexpr size_t kPanelV3DrawEnd =
    offsetof(alignkiosk_dashboard_panel_v3, draw_panel) + sizeof(alignkiosk_dashboard_panel_v3::draw_panel);
constexpr size_t kScoringEnd = offsetof(alignkiosk_scoring_v1, score) + sizeof(alignkiosk_scoring_v1::score);
constexpr size_t kReportEnd =
    offsetof(alignkiosk_report_v1, write_report) + sizeof(alignkiosk_report_v1::write_report);
constexpr size_t kLanguageEnd =
    offsetof(alignkiosk_language_v1, set_language) + sizeof(alignkiosk_language_v1::set_language);

// Sinks are called from plugin code: no exception may travel back into it.
void appendToString(void* context, const char* data, size_t length) {
    try {
        if (data && length) static_cast<std::string*>(context)->append(data, length);
    } catch (...) {
    }
}

void collectFinding(void* context, const alignkiosk_finding_v1* raw) {
    if (!raw || raw->struct_size < sizeof(alignkiosk_finding_v1)) return;
    auto text = [](const char* value) { return value ? std::string(value) : std::string(); };
    try {
        static_cast<std::vector<ModuleInstance::Finding>*>(context)->push_back(
            {text(raw->question_id), static_cast<alignkiosk_finding_level_v1>(raw->level), raw->share,
             text(raw->headline), text(raw->action)});
    } catch (...) {
    }
}

void forwardReportBlock(void* context, const alignkiosk_report_block_v1* block) {
    if (!block || block->struct_size < sizeof(alignkiosk_report_block_v1)) return;
    try {
        (*static_cast<const ModuleInstance::ReportBlockSink*>(context))(*block);
    } catch (...) {
    }
}

} // namespace

ModuleInstance::ModuleInstance(alignkiosk_module_v1* module, std::unique_ptr<StepContentBuffer> content,
                               std::string moduleId, std::string moduleVersion)
    : m_module(module), m_content(std::move(content)), m_moduleId(std::move(moduleId)),
      m_moduleVersion(std::move(moduleVersion)) {}

ModuleInstance::~ModuleInstance() {
    // destroy runs before m_content goes: the module may read its content until then.
    if (auto destroy = ALIGNKIOSK_MODULE_FUNCTION(m_module, destroy))
        callPlugin(m_moduleId, "destroy", [&] { destroy(m_module); });
}

void ModuleInstance::reset() {
    if (auto resetModule = ALIGNKIOSK_MODULE_FUNCTION(m_module, reset))
        callPlugin(m_moduleId, "reset", [&] { resetModule(m_module); });
}

uint32_t ModuleInstance::pageCount() const {
    uint32_t pages = 0;
    if (auto count = ALIGNKIOSK_MODULE_FUNCTION(m_module, page_count))
        callPlugin(m_moduleId, "page_count", [&] { pages = count(m_module); });
    return pages;
}

bool ModuleInstance::drawPage(uint32_t page, const alignkiosk_frame_v1& frame) {
    bool drawn = false;
    if (auto draw = ALIGNKIOSK_MODULE_FUNCTION(m_module, draw_page))
        if (!callPlugin(m_moduleId, "draw_page", [&] { drawn = draw(m_module, page, &frame); })) drawn = false;
    return drawn;
}

bool ModuleInstance::pageComplete(uint32_t page) const {
    bool complete = false;
    if (auto isComplete = ALIGNKIOSK_MODULE_FUNCTION(m_module, page_complete))
        if (!callPlugin(m_moduleId, "page_complete", [&] { complete = isComplete(m_module, page); }))
            complete = false;
    return complete;
}

std::optional<std::string> ModuleInstance::answerJson() const {
    auto write = ALIGNKIOSK_MODULE_FUNCTION(m_module, write_answer);
    if (!write) return std::nullopt;
    std::string payload;
    const alignkiosk_sink_v1 sink{sizeof(alignkiosk_sink_v1), &payload, appendToString};
    bool written = false;
    if (!callPlugin(m_moduleId, "write_answer", [&] { written = write(m_module, &sink); })) return std::nullopt;
    // A module that claims success without writing anything has no answer the store could keep.
    if (!written || payload.empty()) return std::nullopt;
    return payload;
}

std::optional<std::vector<ModuleInstance::Finding>> ModuleInstance::score(const AggregateBuffer& groups,
                                                                         uint32_t group) const {
    if (group >= groups.groupCount()) return std::nullopt;
    std::vector<Finding> findings;
    const alignkiosk_finding_sink_v1 sink{sizeof(alignkiosk_finding_sink_v1), &findings, collectFinding};
    bool failed = false;
    const auto* scoring = static_cast<const alignkiosk_scoring_v1*>(extension(ALIGNKIOSK_SCORING_V1_ID, failed));
    if (failed) return std::nullopt;
    bool scored = false;
    bool called = false;
    if (scoring && scoring->struct_size >= kScoringEnd && scoring->score) {
        const alignkiosk_aggregate_v2* aggregate = groups.groupV2(step(), group);
        called = callPlugin(m_moduleId, "score", [&] { scored = scoring->score(m_module, aggregate, &sink); });
    } else if (auto scoreModule = ALIGNKIOSK_MODULE_FUNCTION(m_module, score)) {
        const alignkiosk_aggregate_v1* aggregate = &groups.groups()[group];
        called = callPlugin(m_moduleId, "score", [&] { scored = scoreModule(m_module, aggregate, &sink); });
    }
    if (!called || !scored) return std::nullopt;
    return findings;
}

std::optional<bool> ModuleInstance::setLanguage(const std::string& language) {
    bool failed = false;
    const auto* table = static_cast<const alignkiosk_language_v1*>(extension(ALIGNKIOSK_LANGUAGE_V1_ID, failed));
    if (failed || !table || table->struct_size < kLanguageEnd || !table->set_language) return std::nullopt;
    bool translated = false;
    if (!callPlugin(m_moduleId, "set_language", [&] { translated = table->set_language(m_module, language.c_str()); }))
        return std::nullopt;
    return translated;
}

const core::Step& ModuleInstance::step() const {
    static const core::Step none;
    return m_content ? m_content->step() : none;
}

const void* ModuleInstance::extension(const char* id, bool& failed) const {
    auto getExtension = ALIGNKIOSK_MODULE_FUNCTION(m_module, get_extension);
    if (!getExtension) return nullptr;
    const void* found = nullptr;
    if (!callPlugin(m_moduleId, "get_extension", [&] { found = getExtension(m_module, id); })) failed = true;
    return found;
}

ModuleInstance::Panel ModuleInstance::dashboardPanel(bool& failed) const {
    failed = false;
    Panel panel;
    // The newest table first: v2 and v3 also hand over the open answers. A 1.1 plugin knows only v1.
    const auto* v3 = static_cast<const alignkiosk_dashboard_panel_v3*>(extension(ALIGNKIOSK_DASHBOARD_PANEL_V3_ID, failed));
    if (failed) return panel;
    if (v3 && v3->struct_size >= kPanelV3DrawEnd && v3->draw_panel) {
        panel.v3 = v3;
        return panel;
    }
    const auto* v2 = static_cast<const alignkiosk_dashboard_panel_v2*>(extension(ALIGNKIOSK_DASHBOARD_PANEL_V2_ID, failed));
    if (failed) return panel;
    if (v2 && v2->struct_size >= kPanelV2DrawEnd && v2->draw_panel) {
        panel.v2 = v2;
        return panel;
    }
    const auto* v1 = static_cast<const alignkiosk_dashboard_panel_v1*>(extension(ALIGNKIOSK_DASHBOARD_PANEL_V1_ID, failed));
    if (failed) return panel;
    if (v1 && v1->struct_size >= kPanelDrawEnd && v1->draw_panel) panel.v1 = v1;
    return panel;
}

bool ModuleInstance::hasDashboardPanel() const {
    bool failed = false;
    return dashboardPanel(failed).any();
}

PanelOutcome ModuleInstance::drawDashboardPanel(const AggregateBuffer& groups, const alignkiosk_frame_v1& frame) const {
    bool failed = false;
    const Panel panel = dashboardPanel(failed);
    if (failed) return PanelOutcome::Failed;
    if (!panel.any()) return PanelOutcome::NoPanel;
    return drawPanel(panel, groups, frame);
}

PanelOutcome ModuleInstance::drawDashboardPanel(const core::ModuleAggregate& aggregate,
                                                const alignkiosk_frame_v1& frame,
                                                std::string_view everyoneLabel) const {
    bool failed = false;
    const Panel panel = dashboardPanel(failed);
    if (failed) return PanelOutcome::Failed;
    if (!panel.any()) return PanelOutcome::NoPanel; // a module without a panel costs no conversion
    try {
        const AggregateBuffer groups(aggregate, everyoneLabel);
        return drawPanel(panel, groups, frame);
    } catch (...) { // out of memory while converting: the panel is not drawn, the dashboard goes on
        return PanelOutcome::Failed;
    }
}

PanelOutcome ModuleInstance::drawPanel(const Panel& panel, const AggregateBuffer& groups,
                                       const alignkiosk_frame_v1& frame) const {
    bool drawn = false;
    const alignkiosk_panel_input_v2* inputV2 = nullptr;
    try {
        if (panel.v3) inputV2 = &groups.inputV2(step()); // built on the first frame, then kept
    } catch (...) { // out of memory while converting: the panel is not drawn, the dashboard goes on
        return PanelOutcome::Failed;
    }
    const bool called = callPlugin(m_moduleId, "draw_panel", [&] {
        if (panel.v3)
            drawn = panel.v3->draw_panel(m_module, inputV2, &frame);
        else if (panel.v2)
            drawn = panel.v2->draw_panel(m_module, &groups.input(), &frame);
        else
            drawn = panel.v1->draw_panel(m_module, groups.groups(), groups.groupCount(), &frame);
    });
    if (!called) return PanelOutcome::Failed;
    return drawn ? PanelOutcome::Drawn : PanelOutcome::Failed;
}

ReportOutcome ModuleInstance::writeReport(const AggregateBuffer& groups, const ReportBlockSink& sink) const {
    bool failed = false;
    const auto* report = static_cast<const alignkiosk_report_v1*>(extension(ALIGNKIOSK_REPORT_V1_ID, failed));
    if (failed) return ReportOutcome::Failed;
    if (!report || report->struct_size < kReportEnd || !report->write_report) return ReportOutcome::NoReport;
    const alignkiosk_panel_input_v2* input = nullptr;
    try {
        input = &groups.inputV2(step());
    } catch (...) { // out of memory while converting
        return ReportOutcome::Failed;
    }
    const alignkiosk_report_block_sink_v1 blocks{sizeof(alignkiosk_report_block_sink_v1),
                                                 const_cast<ReportBlockSink*>(&sink), forwardReportBlock};
    bool written = false;
    if (!callPlugin(m_moduleId, "write_report", [&] { written = report->write_report(m_module, input, &blocks); }))
        return ReportOutcome::Failed;
    return written ? ReportOutcome::Written : ReportOutcome::Failed;
}

} // namespace alignkiosk::plugin_host
