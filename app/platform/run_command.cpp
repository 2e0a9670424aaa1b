// `alignkiosk run`: the kiosk itself. Everything that can be checked is checked before a window opens, so a bad survey
// or database is reported on the terminal and nothing starts half-way.
#include "commands.h"

#include "command_support.h"
#include "dashboard_session.h"
#include "event_loop.h"
#include "kiosk_window.h"
#include "termination_signals.h"

#include "core/demo_data.h"
#include "core/facilitator_pin.h"
#include "ui/dashboard.h"
#include "ui/shell.h"
#include "ui/theme.h"

#include <GLFW/glfw3.h>

#include <iostream>

namespace alignkiosk::platform {

int runKiosk(const CommandLine& commandLine, const core::InstallLayout& layout) {
    TerminationSignals::block(); // before any thread starts; the watcher below takes them
    ImGuiContextScope imgui;
    plugin_host::PluginHost host(imgui.context());
    loadPluginsReportingRefusals(host, layout, commandLine);
    const std::optional<core::Survey> survey = loadSurveyFor(commandLine, layout, host);
    if (!survey) return 1;
    std::optional<core::ResponseStore> store = openStoreFor(commandLine);
    if (!store) return kStoreRefused;
    if (store->setting(core::kDemoStoreSettingKey) == "yes")
        std::cerr << "alignkiosk: note: " << store->path().string()
                  << " holds demo answers (alignkiosk demo-data); give a workshop its own store with --db FILE\n";
    auto modules = createModulesFor(*survey, host);
    if (!modules) return 1;

    // The survey's "kiosk" settings, with the command line's flags over them.
    const core::KioskSettings settings = kioskSettingsFor(commandLine, survey->kiosk);
    std::string windowError;
    std::unique_ptr<KioskWindow> window =
        KioskWindow::open(survey->title + " - alignkiosk", windowOptionsFor(commandLine), windowError);
    if (!window) {
        std::cerr << "alignkiosk: " << windowError << '\n';
        return 1;
    }
    const TerminationSignals signals([] { glfwPostEmptyEvent(); });
    std::string textWarning;
    ui::ShellText text = ui::loadShellText(layout.assetDir, survey->language, textWarning);
    if (!textWarning.empty()) std::cerr << "alignkiosk: " << textWarning << '\n';
    // Sized for the display: touch targets about 15 mm on the glass.
    ui::Theme theme = ui::applyTheme(window->touchMetrics(), ui::defaultFontFile(), settings.theme);
    ui::addProjectionFonts(theme, ui::defaultFontFile()); // for the facilitator's view on a projector
    ui::Shell shell(
        *survey, std::move(*modules), [&store](const core::Submission& submission) { store->submit(submission); },
        theme, std::move(text));
    shell.setKioskMode(commandLine.kiosk);
    shell.setIdleTimeout(static_cast<double>(settings.idleTimeout));
    shell.setStillThereSeconds(static_cast<double>(settings.stillThere));

    // The facilitator's view, reached from the facilitator menu behind the PIN; built on first use and kept, with its
    // own module instances for the panels (the shell's hold a participant's answers).
    struct FacilitatorView {
        std::vector<std::unique_ptr<plugin_host::ModuleInstance>> modules;
        std::unique_ptr<ui::Dashboard> dashboard;
        std::unique_ptr<DashboardSession> session;
    };
    std::optional<FacilitatorView> facilitator;
    bool inFacilitatorView = false;
    // On the station (--kiosk) a dashboard left open and forgotten goes back to the participants' screen after ten
    // idle times without a touch: long enough to discuss a chart, short enough that the next participant finds the
    // survey. It shows only groups at k either way; a laptop's dashboard stays until it is closed.
    const double facilitatorIdleSeconds = 10.0 * static_cast<double>(settings.idleTimeout);
    double lastFacilitatorTouch = -1.0; // negative: the dashboard has just been opened
    uint64_t eventsSeen = 0;
    const auto closeFacilitatorView = [&inFacilitatorView, &facilitator] {
        inFacilitatorView = false;
        if (facilitator) facilitator->dashboard->setProjection(false); // back to the window participants know
    };
    ui::Shell::FacilitatorAccess access;
    access.loadPinHash = [&store] { return core::loadPinHash(*store); };
    access.savePinHash = [&store](const std::string& hash) { core::savePinHash(*store, hash); };
    access.onFacilitator = [&inFacilitatorView, &lastFacilitatorTouch] {
        inFacilitatorView = true;
        lastFacilitatorTouch = -1.0;
    };
    access.participantCount = [&store, &survey] { return static_cast<uint64_t>(store->participants(survey->id)); };
    access.loadPinThrottle = [&store] { return core::loadPinThrottle(*store); };
    access.savePinThrottle = [&store](const core::PinThrottle& throttle) { core::savePinThrottle(*store, throttle); };
    // The menu's Exit, behind the PIN: in kiosk mode the one way out besides a signal (the window refuses to close).
    access.onExit = [&window] { window->close(); };
    shell.setFacilitatorAccess(std::move(access));

    FrameCallbacks callbacks;
    callbacks.draw = [&](double now) {
        if (inFacilitatorView && !facilitator) {
            auto panelModules = createModulesFor(*survey, host);
            if (panelModules) {
                facilitator.emplace();
                facilitator->modules = std::move(*panelModules);
                facilitator->dashboard = std::make_unique<ui::Dashboard>(theme);
                facilitator->dashboard->onClose = closeFacilitatorView;
                facilitator->session = std::make_unique<DashboardSession>(*survey, *store, facilitator->modules,
                                                                         *facilitator->dashboard, theme);
                facilitator->session->enableExport(store->path());
            } else {
                inFacilitatorView = false;
            }
        }
        if (inFacilitatorView) {
            if (lastFacilitatorTouch < 0.0 || window->eventCount() != eventsSeen) lastFacilitatorTouch = now;
            eventsSeen = window->eventCount();
            facilitator->session->refresh(now);
            facilitator->dashboard->draw(now);
        } else {
            shell.draw(now);
        }
    };
    callbacks.update = [&](double now) {
        if (inFacilitatorView && facilitator && commandLine.kiosk && lastFacilitatorTouch >= 0.0 &&
            now - lastFacilitatorTouch >= facilitatorIdleSeconds) {
            closeFacilitatorView();
            return true;
        }
        if (inFacilitatorView && facilitator) return facilitator->session->refresh(now);
        return shell.nextWakeIn(now) >= 0.0; // a timer of the shell's (animation, thank-you, countdowns) is running
    };
    callbacks.background = [&]() {
        return inFacilitatorView && facilitator ? facilitator->dashboard->backgroundColor() : shell.backgroundColor();
    };
    callbacks.nextWakeIn = [&](double now) {
        return inFacilitatorView && facilitator ? facilitator->session->nextWakeIn(now) : shell.nextWakeIn(now);
    };
    callbacks.beforeNewFrame = [&](ImGuiIO& io) {
        if (!inFacilitatorView) shell.filterInput(io); // the on-screen keyboard's taps
    };
    callbacks.afterRender = [&]() {
        if (facilitator) facilitator->session->afterRender(*window);
    };

    return runOrCapture(*window, callbacks, commandLine.screenshot);
}

} // namespace alignkiosk::platform
