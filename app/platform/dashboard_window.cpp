#include "dashboard_window.h"

#include "event_loop.h"
#include "kiosk_window.h"
#include "termination_signals.h"

#include "ui/theme.h"

#include <GLFW/glfw3.h>

#include <iostream>

namespace alignkiosk::platform {

int runDashboardWindow(const CommandLine& commandLine, DashboardSetup& setup, const std::string& title,
                       const DashboardWindowHooks& hooks, const std::optional<std::filesystem::path>& screenshot) {
    WindowOptions options;
    options.fullScreen = commandLine.projection;
    std::string error;
    auto window = KioskWindow::open(title, options, error);
    if (!window) {
        std::cerr << "alignkiosk: " << error << '\n';
        return 1;
    }
    ui::Theme theme = ui::applyTheme(window->uiScale(), ui::defaultFontFile());
    ui::addProjectionFonts(theme, ui::defaultFontFile());
    const TerminationSignals signals([] { glfwPostEmptyEvent(); });
    ui::Dashboard dashboard(theme, setup.messages);
    dashboard.setProjection(commandLine.projection);
    DashboardSession session(*setup.survey, *setup.store, setup.modules, dashboard, theme,
                             [] { glfwPostEmptyEvent(); });
    session.enableExport(setup.store->isFile() ? setup.store->path() : std::filesystem::path());
    if (hooks.beforeFirstFrame) hooks.beforeFirstFrame(dashboard, session);

    FrameCallbacks callbacks;
    callbacks.draw = [&](double now) {
        session.refresh();
        if (hooks.everyFrame) hooks.everyFrame(dashboard, session);
        dashboard.draw(now);
    };
    callbacks.nextWakeIn = [&](double) { return session.nextWakeIn(); };
    callbacks.update = [&](double) { return session.refresh(); };
    callbacks.background = [&]() { return dashboard.backgroundColor(); };
    callbacks.afterRender = [&]() { session.afterRender(*window); };
    const int status = runOrCapture(*window, callbacks, screenshot);
    if (hooks.afterLastFrame) hooks.afterLastFrame(session);
    return status;
}

} // namespace alignkiosk::platform
