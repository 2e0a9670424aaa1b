// The dashboard wired to its data: a live feed from the store, the model the anonymity rules allow, each module's
// panel drawn by its plugin from that model's aggregates, and exports. Shared by `alignkiosk dashboard`,
// `alignkiosk export` and the kiosk's facilitator view.
#pragma once

#include "core/dashboard_feed.h"
#include "core/response_store.h"
#include "core/survey_model.h"
#include "module_panel_renderer.h"
#include "plugin_host/module_instance.h"
#include "ui/dashboard.h"
#include "ui/theme.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace alignkiosk::platform {

class KioskWindow;

class DashboardSession {
public:
    // How often the store is asked for new answers while the dashboard is open.
    static constexpr double kPollSeconds = 1.0;

    // `modules`: one instance per survey step, in step order (they draw the panels and give the findings, through
    // the ModulePanelRenderer the session hands the dashboard). Everything passed in must outlive the session. Reads
    // the store once, so the first frame already shows the data.
    DashboardSession(const core::Survey& survey, const core::ResponseStore& store,
                     const std::vector<std::unique_ptr<plugin_host::ModuleInstance>>& modules, ui::Dashboard& dashboard,
                     const ui::Theme& theme);

    // Asks the store for new answers when a poll is due (or `force`); hands the dashboard a new model only if
    // something arrived, and then returns true. Cheap when nothing is due: call it every frame.
    bool refresh(double now, bool force = false);
    double nextWakeIn(double now) const { return m_nextPoll - now; }

    // summary.csv of the current model in `directory` (created if missing). Returns the file, or empty with `error`.
    std::filesystem::path writeSummary(const std::filesystem::path& directory, std::string& error) const;

    // Wires the dashboard's Export button: summary.csv at once into a new folder next to `database`, and
    // dashboard.png from the frame being drawn, written by afterRender().
    void enableExport(const std::filesystem::path& database);
    // Call after every rendered frame: writes a pending export picture, and puts the window in or out of full screen
    // when the dashboard's Projection button was used.
    void afterRender(KioskWindow& window);

private:
    void rebuildModel();

    ui::Dashboard& m_dashboard;
    ModulePanelRenderer m_panels; // the dashboard draws each module's panel through it
    core::DashboardFeed m_feed;
    double m_nextPoll = 0.0;
    std::filesystem::path m_pendingPicture; // set by Export, written after the frame is rendered
};

// Where the dashboard's Export button writes: next to the database, in a folder named for the moment of export.
std::filesystem::path defaultExportDirectory(const std::filesystem::path& database);

} // namespace alignkiosk::platform
