// The dashboard wired to its data: the model of a core::DashboardSource (read and followed off the UI thread), each
// module's panel drawn by its plugin from that model's aggregates, and exports. Shared by `alignkiosk dashboard`,
// `alignkiosk export` and the kiosk's facilitator view.
#pragma once

#include "core/dashboard_source.h"
#include "core/response_store.h"
#include "core/survey_model.h"
#include "module_panel_renderer.h"
#include "plugin_host/module_instance.h"
#include "ui/dashboard.h"
#include "ui/theme.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace alignkiosk::platform {

class KioskWindow;

class DashboardSession {
public:
    // While the store is first read, the progress is redrawn this often.
    static constexpr double kProgressSeconds = 0.1;

    // `modules`: one instance per survey step, in step order (they draw the panels and give the findings, through
    // the ModulePanelRenderer the session hands the dashboard). Everything passed in must outlive the session. Starts
    // reading the store on the source's thread; `wake` is called from that thread when there is something new to
    // draw (wake the event loop there).
    DashboardSession(const core::Survey& survey, const core::ResponseStore& store,
                     const std::vector<std::unique_ptr<plugin_host::ModuleInstance>>& modules, ui::Dashboard& dashboard,
                     const ui::Theme& theme, std::function<void()> wake = {});

    // Hands the dashboard the source's newest model (or, while loading, its progress) and returns true when that
    // changed anything to draw. Cheap: call it every frame.
    bool refresh();
    // Seconds until the session needs a redraw by itself: soon while loading; after that -1, none (the source wakes
    // the loop through `wake`).
    double nextWakeIn() const;
    // Waits until the store has been read once (for exports).
    void waitUntilLoaded();
    core::DashboardSource& source() { return m_source; }

    // summary.csv of the current model in `directory` (created if missing). Returns the file, or empty with `error`.
    std::filesystem::path writeSummary(const std::filesystem::path& directory, std::string& error) const;

    // Wires the dashboard's Export button: summary.csv at once into a new folder next to `database`, and a picture of
    // every screen (dashboard_pictures.h), written by afterRender(), which then says on the dashboard how many and
    // where. And its Report button: report.pdf of the model shown, into such a folder too.
    void enableExport(const std::filesystem::path& database);
    // Call after every rendered frame: writes a pending export's pictures, and puts the window in or out of full
    // screen when the dashboard's Projection button was used.
    void afterRender(KioskWindow& window);

private:
    void rebuildModel();

    const core::Survey& m_survey; // labels and kinds for summary.csv
    const std::vector<std::unique_ptr<plugin_host::ModuleInstance>>& m_modules; // for the report's module pages
    ui::Dashboard& m_dashboard;
    ModulePanelRenderer m_panels; // the dashboard draws each module's panel through it
    core::DashboardSource m_source;
    uint64_t m_shownVersion = 0;
    uint64_t m_shownRows = 0;
    uint64_t m_shownHeldBack = 0;
    bool m_loaded = false;
    bool m_errorReported = false;
    std::shared_ptr<const core::DashboardModel> m_model; // the one drawn
    std::filesystem::path m_pendingPictures; // the folder of an Export whose pictures are drawn after the frame
    float m_pictureScale;                    // the theme's, for the pictures' width
    std::function<void()> m_wake;            // wakes the event loop (from any thread)
    bool m_exportSaid = false;               // the pictures' message is new: refresh() asks for a frame to show it
};

// Where the dashboard's Export button writes: next to the database, in a folder named for the moment of export.
std::filesystem::path defaultExportDirectory(const std::filesystem::path& database);

} // namespace alignkiosk::platform
