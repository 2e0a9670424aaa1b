#include "dashboard_session.h"

#include "kiosk_window.h"

#include "core/summary_csv.h"

#include <imgui.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <random>

namespace alignkiosk::platform {

DashboardSession::DashboardSession(const core::Survey& survey, const core::ResponseStore& store,
                                   const std::vector<std::unique_ptr<plugin_host::ModuleInstance>>& modules,
                                   ui::Dashboard& dashboard, const ui::Theme& theme)
    : m_survey(survey), m_modules(modules), m_dashboard(dashboard), m_theme(theme), m_feed(survey, store) {
    m_dashboard.drawModulePanel = [this](const core::ModuleAggregate& aggregate, float width) {
        drawPanel(aggregate, width);
    };
    m_feed.refresh();
    rebuildModel();
}

bool DashboardSession::refresh(double now, bool force) {
    if (!force && now < m_nextPoll) return false;
    m_nextPoll = now + kPollSeconds;
    if (!m_feed.refresh()) return false;
    rebuildModel();
    return true;
}

void DashboardSession::rebuildModel() {
    // Open answers are shuffled afresh for every model, so their order never follows the order they were given.
    core::DashboardModel model = m_feed.aggregator().model(std::random_device{}());
    m_panelData.clear();
    for (const core::ModuleAggregate& aggregate : model.modules)
        m_panelData[aggregate.stepId] = std::make_unique<plugin_host::AggregateBuffer>(aggregate, "Everyone");
    m_dashboard.setModel(std::move(model));
}

void DashboardSession::drawPanel(const core::ModuleAggregate& aggregate, float width) {
    (void)width; // the dashboard has begun a child region of this width; the plugin fills it
    const auto data = m_panelData.find(aggregate.stepId);
    if (data == m_panelData.end()) return;
    for (std::size_t step = 0; step < m_survey.steps.size() && step < m_modules.size(); ++step) {
        if (m_survey.steps[step].id != aggregate.stepId || !m_modules[step]) continue;
        // On a projector the panel gets the projection fonts (when they were added) and its palette's accent, like
        // the rest of the dashboard.
        const bool projection = m_dashboard.projection();
        ImFont* heading = projection && m_theme.projectionHeading ? m_theme.projectionHeading : m_theme.heading;
        ImFont* body = projection && m_theme.projectionBody ? m_theme.projectionBody : m_theme.body;
        const ImU32 accent = projection ? m_theme.projection.accent : m_theme.accent;
        const alignkiosk_frame_v1 frame{sizeof(alignkiosk_frame_v1), m_theme.scale, m_theme.minTouchTarget,
                                        heading, body, accent};
        if (m_modules[step]->drawDashboardPanel(*data->second, frame) == plugin_host::PanelOutcome::Failed)
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(m_theme.error),
                               "The %s module could not draw its panel.", aggregate.moduleId.c_str());
        return;
    }
}

std::filesystem::path DashboardSession::writeSummary(const std::filesystem::path& directory,
                                                     std::string& error) const {
    std::error_code created;
    std::filesystem::create_directories(directory, created);
    const std::filesystem::path file = directory / "summary.csv";
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (out) core::writeSummaryCsv(m_dashboard.model(), out);
    if (!out) {
        error = "cannot write " + file.string();
        return {};
    }
    return file;
}

void DashboardSession::enableExport(const std::filesystem::path& database) {
    m_dashboard.onExport = [this, database]() -> std::string {
        const std::filesystem::path directory = defaultExportDirectory(database);
        std::string error;
        if (writeSummary(directory, error).empty()) return error;
        m_pendingPicture = directory / "dashboard.png";
        return "Saved summary.csv and dashboard.png to " + directory.string();
    };
}

void DashboardSession::afterRender(KioskWindow& window) {
    if (!m_pendingPicture.empty()) {
        std::string error;
        if (!window.saveFrame(m_pendingPicture, error)) std::cerr << "alignkiosk: " << error << '\n';
        m_pendingPicture.clear();
    }
    window.setFullScreen(m_dashboard.projection());
}

std::filesystem::path defaultExportDirectory(const std::filesystem::path& database) {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm local{};
    localtime_r(&now, &local);
    char name[64];
    std::strftime(name, sizeof name, "alignkiosk-export-%Y-%m-%d-%H%M%S", &local);
    const std::filesystem::path base = database.has_parent_path() ? database.parent_path() : ".";
    return base / name;
}

} // namespace alignkiosk::platform
