#include "dashboard_session.h"

#include "dashboard_pictures.h"
#include "kiosk_window.h"
#include "report_file.h"

#include "core/summary_csv.h"

#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>

namespace alignkiosk::platform {

namespace {

core::DashboardSourceOptions sourceOptions(std::function<void()> wake) {
    core::DashboardSourceOptions options;
    options.onChange = std::move(wake);
    return options;
}

} // namespace

DashboardSession::DashboardSession(const core::Survey& survey, const core::AnswerStore& store,
                                   const std::vector<std::unique_ptr<plugin_host::ModuleInstance>>& modules,
                                   ui::Dashboard& dashboard, const ui::Theme& theme, std::function<void()> wake)
    : m_survey(survey), m_modules(modules), m_dashboard(dashboard),
      m_panels(survey, modules, theme, dashboard.messages().text("dash_everyone")),
      m_source(survey, store, sourceOptions(wake)), m_pictureScale(theme.scale), m_wake(std::move(wake)) {
    m_dashboard.setPanelRenderer(&m_panels);
    refresh();
}

bool DashboardSession::refresh() {
    const core::DashboardSource::Progress progress = m_source.progress();
    bool changed = false;
    if (!m_errorReported) {
        if (const std::optional<std::string> error = m_source.error()) {
            // The last model stays on screen; the terminal says why it no longer follows the store.
            std::cerr << "alignkiosk: cannot read the answers: " << *error << '\n';
            m_errorReported = true;
        }
    }
    if (progress.loaded != m_loaded || (!progress.loaded && progress.rowsRead != m_shownRows)) {
        m_loaded = progress.loaded;
        m_shownRows = progress.rowsRead;
        const float fraction = progress.rowsInStore == 0 ? 0.0f
                                                         : static_cast<float>(progress.rowsRead) /
                                                               static_cast<float>(progress.rowsInStore);
        m_dashboard.setLoadProgress(progress.loaded ? std::nullopt : std::optional<float>(std::min(fraction, 1.0f)),
                                    progress.rowsInStore);
        changed = true;
    }
    if (progress.heldBack != m_shownHeldBack) {
        m_shownHeldBack = progress.heldBack;
        m_dashboard.setWaiting(progress.heldBack, progress.releaseBatch);
        changed = true;
    }
    if (m_exportSaid) {
        m_exportSaid = false;
        changed = true;
    }
    const uint64_t version = m_source.modelVersion();
    if (version != m_shownVersion || !m_model) {
        m_shownVersion = version;
        rebuildModel();
        changed = true;
    }
    return changed;
}

double DashboardSession::nextWakeIn() const {
    return m_loaded ? -1.0 : kProgressSeconds; // -1: no timer (the event loop's convention)
}

void DashboardSession::waitUntilLoaded() {
    m_source.waitUntilLoaded();
    refresh();
}

void DashboardSession::rebuildModel() {
    // Each model's open answers were shuffled afresh by the source, so their order never follows the answers' order.
    m_model = m_source.model();
    m_dashboard.setModel(m_model);
}

std::filesystem::path DashboardSession::writeSummary(const std::filesystem::path& directory,
                                                     std::string& error) const {
    if (const std::optional<std::string> failure = m_source.error()) {
        error = "cannot read the answers: " + *failure;
        return {};
    }
    std::error_code created;
    std::filesystem::create_directories(directory, created);
    const std::filesystem::path file = directory / "summary.csv";
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (out) core::writeSummaryCsv(m_survey, *m_model, out, m_dashboard.messages().text("dash_everyone"));
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
        m_pendingPictures = directory; // afterRender draws them and says how many
        return m_dashboard.messages().text("dash_export_saved_summary", {{"folder", directory.string()}});
    };
    m_dashboard.onReport = [this, database]() -> std::string {
        const core::Messages& messages = m_dashboard.messages();
        if (const std::optional<std::string> failure = m_source.error())
            return messages.text("dash_report_unreadable", {{"reason", *failure}});
        const std::filesystem::path directory = defaultExportDirectory(database);
        std::error_code created;
        std::filesystem::create_directories(directory, created);
        const std::filesystem::path file = directory / "report.pdf";
        const report::ReportResult result = writeReportFile(m_survey, *m_model, m_modules, file, messages);
        if (!result.error.empty()) return messages.text("dash_report_failed", {{"reason", result.error}});
        return messages.text("dash_report_saved",
                             {{"pages", static_cast<int64_t>(result.pages)}, {"folder", directory.string()}});
    };
}

void DashboardSession::afterRender(KioskWindow& window) {
    if (!m_pendingPictures.empty()) {
        const PictureSet pictures = writeDashboardPictures(window, m_dashboard, m_pictureScale, m_pendingPictures);
        const std::size_t count = pictures.files.size();
        const core::Messages& messages = m_dashboard.messages();
        std::string message = messages.text(
            "dash_export_saved", {{"pictures", static_cast<int64_t>(count)}, {"folder", m_pendingPictures.string()}});
        if (!pictures.error.empty()) {
            std::cerr << "alignkiosk: " << pictures.error << '\n';
            message += " " + messages.text("dash_export_rest_failed", {{"reason", pictures.error}});
        }
        m_dashboard.setExportMessage(std::move(message));
        m_pendingPictures.clear();
        // The frame about to be shown was drawn before the message (and the pictures' own frames took ImGui's note
        // of the tap that would have drawn one more): ask for a frame that shows it.
        m_exportSaid = true;
        if (m_wake) m_wake();
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
