#include "dashboard_session.h"

#include "kiosk_window.h"

#include "core/summary_csv.h"

#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <random>

namespace alignkiosk::platform {

DashboardSession::DashboardSession(const core::Survey& survey, const core::ResponseStore& store,
                                   const std::vector<std::unique_ptr<plugin_host::ModuleInstance>>& modules,
                                   ui::Dashboard& dashboard, const ui::Theme& theme)
    : m_dashboard(dashboard), m_panels(survey, modules, theme), m_feed(survey, store) {
    m_dashboard.setPanelRenderer(&m_panels);
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
    m_dashboard.setModel(std::move(model));
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
