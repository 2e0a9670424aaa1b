// The facilitator's live dashboard in a window, over what prepareDashboard opened: shared by `dashboard` and
// `collect`. Full screen with --projection; SIGTERM, SIGINT and SIGHUP end it like closing the window (call
// TerminationSignals::block() before any thread starts). UI thread only.
#pragma once

#include "command_line.h"
#include "dashboard_session.h"
#include "dashboard_setup.h"

#include "ui/dashboard.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace alignkiosk::platform {

struct DashboardWindowHooks {
    // Once, before the first frame (a join banner, waiting for the first model, ...).
    std::function<void(ui::Dashboard&, DashboardSession&)> beforeFirstFrame;
    // Before every frame is drawn, after the session handed the dashboard what is new.
    std::function<void(ui::Dashboard&, DashboardSession&)> everyFrame;
    // Once, when the window has closed, while the session still exists (undo what beforeFirstFrame handed out).
    std::function<void(DashboardSession&)> afterLastFrame;
};

// Runs until the window is closed (or, with `screenshot`, until that picture is written); returns the exit status.
int runDashboardWindow(const CommandLine& commandLine, DashboardSetup& setup, const std::string& title,
                       const DashboardWindowHooks& hooks, const std::optional<std::filesystem::path>& screenshot);

} // namespace alignkiosk::platform
