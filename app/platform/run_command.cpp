// `alignkiosk run`: the kiosk itself. Everything that can be checked is checked before a window opens, so a bad survey
// or database is reported on the terminal and nothing starts half-way. With --kiosk the station runs under a
// supervisor (station_supervisor.h) that starts it again, without the module that crashed it, when it dies.
#include "commands.h"

#include "command_support.h"
#include "dashboard_session.h"
#include "event_loop.h"
#include "join_session.h"
#include "kiosk_window.h"
#include "plugin_step_module.h"
#include "station.h"
#include "station_supervisor.h"
#include "termination_signals.h"

#include "core/answer_store.h"
#include "core/demo_data.h"
#include "core/facilitator_pin.h"
#include "core/module_quarantine.h"
#include "plugin_host/child_status.h"
#include "ui/dashboard.h"
#include "ui/shell.h"
#include "ui/theme.h"

#include <GLFW/glfw3.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>

namespace alignkiosk::platform {

namespace {

// The shell's words in each of the survey's languages, read once at start so a picked language switches at once.
std::vector<core::Messages> shellCatalogs(const core::InstallLayout& layout, const core::Survey& survey) {
    std::vector<core::Messages> catalogs;
    for (const std::string& language : survey.languages) {
        std::string warning;
        catalogs.push_back(core::Messages::load(layout.assetDir, language, warning));
        if (!warning.empty()) std::cerr << "alignkiosk: " << warning << "; " << language << " reads in English\n";
    }
    return catalogs;
}

// The stored quarantine with every module that crashed this station since its supervisor started added to it, and
// written back. A store that cannot take it still keeps the module out of this run.
std::vector<core::QuarantinedModule> quarantineFor(core::AnswerStore& store,
                                                   const std::vector<StationCrash>& crashes) {
    std::vector<core::QuarantinedModule> quarantine;
    try {
        quarantine = core::loadQuarantine(store);
    } catch (const std::exception& error) {
        std::cerr << "alignkiosk: cannot read the stopped modules: " << error.what() << '\n';
    }
    for (const StationCrash& crash : crashes) {
        if (crash.moduleId.empty()) continue;
        const core::QuarantinedModule module{crash.moduleId, plugin_host::signalName(crash.signal), crash.call};
        std::erase_if(quarantine, [&](const auto& other) { return other.moduleId == module.moduleId; });
        quarantine.push_back(module);
        try {
            core::addToQuarantine(store, module);
        } catch (const std::exception& error) {
            std::cerr << "alignkiosk: cannot keep module '" << module.moduleId << "' stopped after a restart: "
                      << error.what() << '\n';
        }
    }
    for (const core::QuarantinedModule& module : quarantine)
        std::cerr << "alignkiosk: module '" << module.moduleId << "' is stopped (it crashed the station: "
                  << module.signal << (module.call.empty() ? "" : " in " + module.call)
                  << "); it is not loaded until the facilitator allows it again\n";
    return quarantine;
}

std::vector<std::string> moduleIds(const std::vector<core::QuarantinedModule>& modules) {
    std::vector<std::string> ids;
    for (const core::QuarantinedModule& module : modules) ids.push_back(module.moduleId);
    return ids;
}

// A crash must not write a participant's answers in progress to disk: no core dump of the kiosk, whatever the
// system's settings (not dumpable also keeps other programs of the same user from reading its memory).
void keepAnswersOutOfCoreDumps() {
    const struct rlimit none {0, 0};
    ::setrlimit(RLIMIT_CORE, &none);
    ::prctl(PR_SET_DUMPABLE, 0);
}

// The station's screens and window (station.h) over the real ones.
class ShellScreen final : public Station::ParticipantScreen {
public:
    explicit ShellScreen(ui::Shell& shell) : m_shell(shell) {}
    void draw(double now) override { m_shell.draw(now); }
    double nextWakeIn(double now) const override { return m_shell.nextWakeIn(now); }
    unsigned backgroundColor() const override { return m_shell.backgroundColor(); }
    void filterInput(ImGuiIO& io) override { m_shell.filterInput(io); }
    std::optional<ui::ScreenRect> changedArea() const override { return m_shell.changedArea(); }

private:
    ui::Shell& m_shell;
};

// The dashboard with its own module instances for the panels (the shell's hold a participant's answers).
struct FacilitatorView final : Station::FacilitatorScreen {
    explicit FacilitatorView(KioskWindow& kioskWindow) : window(kioskWindow) {}
    bool refresh(double) override { return session->refresh(); }
    void draw(double now) override { dashboard->draw(now); }
    double nextWakeIn(double) const override { return session->nextWakeIn(); }
    unsigned backgroundColor() const override { return dashboard->backgroundColor(); }
    void afterRender() override { session->afterRender(window); }
    void leave() override { dashboard->setProjection(false); }

    KioskWindow& window;
    std::vector<std::unique_ptr<plugin_host::ModuleInstance>> modules;
    std::unique_ptr<ui::Dashboard> dashboard;
    std::unique_ptr<DashboardSession> session;
};

// The participant's steps for the survey in a language they picked on the attract screen; none when a module cannot
// be made (the shell then stays in its language).
std::vector<std::unique_ptr<ui::StepModule>> modulesIn(const core::Survey& resolved,
                                                       const plugin_host::PluginHost& host,
                                                       StoppedModules stopped = StoppedModules::Refuse) {
    auto instances = createModulesFor(resolved, host, stopped);
    if (!instances) return {};
    return stepModules(std::move(*instances));
}

class StationWindow final : public Station::Window {
public:
    StationWindow(KioskWindow& window, ui::Theme& theme) : m_window(window), m_theme(theme) {}
    uint64_t eventCount() const override { return m_window.eventCount(); }
    void close() override { m_window.close(); }
    // The projection fonts, for the facilitator's view on a projector, before the dashboard takes its copy of the
    // theme.
    void prepareFacilitatorView() override {
        if (!m_theme.projectionBody)
            m_window.addFonts([this] { ui::addProjectionFonts(m_theme, ui::defaultFontFile()); });
    }

private:
    KioskWindow& m_window;
    ui::Theme& m_theme;
};

int runStation(const CommandLine& commandLine, const core::InstallLayout& layout, const StationStart& start) {
    keepAnswersOutOfCoreDumps();
    TerminationSignals::block(); // before any thread starts; the watcher below takes them
    ImGuiContextScope imgui;
    plugin_host::PluginHost host(imgui.context());
    // The quarantine should be known before the first plugin is loaded, and it lives in the store. A store that exists
    // (a file, a database schema with the store's tables) is opened for it first, as is any store once a module
    // crashed this station; a store that would get its tables now only once the survey proved valid (a mistyped survey
    // leaves nothing behind), and it keeps no stopped module yet.
    std::unique_ptr<core::AnswerStore> store;
    std::vector<core::QuarantinedModule> quarantine;
    const bool quarantineFirst = !start.crashes.empty() || storeExists(commandLine);
    if (quarantineFirst) {
        store = openStoreFor(commandLine);
        if (!store) return kStoreRefused;
        quarantine = quarantineFor(*store, start.crashes);
        host.setQuarantine(moduleIds(quarantine));
    }
    loadPluginsReportingRefusals(host, layout, commandLine);
    const std::optional<core::Survey> survey = loadSurveyFor(commandLine, layout, host);
    if (!survey) return 1;
    // Opened again for this survey's answers: a PostgreSQL store writes them in batches of its k.
    store.reset();
    store = openStoreFor(commandLine, *survey);
    if (!store) return kStoreRefused;
    if (!quarantineFirst) {
        quarantine = quarantineFor(*store, start.crashes);
        host.setQuarantine(moduleIds(quarantine));
    }
    if (store->setting(core::kDemoStoreSettingKey) == "yes")
        std::cerr << "alignkiosk: note: " << store->path().string()
                  << " holds demo answers (alignkiosk demo-data); give a workshop its own store with --db FILE\n";
    // A step whose module is stopped is left out, and the survey starts without it: a station that refused to start
    // would leave the room with no survey at all, and the facilitator menu says what is missing. (A survey with no
    // step left asks for the facilitator on its attract screen.)
    auto modules = createModulesFor(*survey, host, StoppedModules::LeaveOut);
    if (!modules) return 1;
    for (std::size_t i = 0; i < survey->steps.size(); ++i)
        if (!(*modules)[i])
            std::cerr << "alignkiosk: step '" << survey->steps[i].id << "' is left out: its module "
                      << survey->steps[i].moduleId << " is stopped\n";

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
    // The survey's language for the shell and the facilitator's dashboard.
    std::string textWarning;
    const core::Messages messages = core::Messages::load(layout.assetDir, survey->language, textWarning);
    if (!textWarning.empty()) std::cerr << "alignkiosk: " << textWarning << "; using the built-in English words\n";
    ui::ShellText text = ui::shellTextFrom(messages);
    // Sized for the display: touch targets about 15 mm on the glass.
    ui::Theme theme = ui::applyTheme(window->touchMetrics(), ui::defaultFontFile(), settings.theme);
    ui::Shell shell(
        *survey, stepModules(std::move(*modules)),
        [&store](const core::Submission& submission) { store->submit(submission); },
        theme, std::move(text));
    shell.setKioskMode(commandLine.kiosk);
    shell.setModuleMaker([&host](const core::Survey& resolved) {
        return modulesIn(resolved, host, StoppedModules::LeaveOut);
    });
    shell.setCatalogs(shellCatalogs(layout, *survey));
    shell.setIdleTimeout(static_cast<double>(settings.idleTimeout));
    shell.setStillThereSeconds(static_cast<double>(settings.stillThere));
    if (!start.crashes.empty()) shell.showRestartNotice(); // the participant who was answering is told to start again

    ShellScreen participants(shell);
    StationWindow stationWindow(*window, theme);
    Station::Options options;
    options.kiosk = commandLine.kiosk;
    options.supervised = start.supervised;
    options.idleTimeoutSeconds = static_cast<double>(settings.idleTimeout);
    // The facilitator's view, reached from the facilitator menu behind the PIN; built on first use and kept.
    Station station(
        participants,
        [&](std::function<void()> onClose) -> std::unique_ptr<Station::FacilitatorScreen> {
            auto panelModules = createModulesFor(*survey, host, StoppedModules::LeaveOut);
            if (!panelModules) return nullptr;
            auto facilitator = std::make_unique<FacilitatorView>(*window);
            facilitator->modules = std::move(*panelModules);
            facilitator->dashboard = std::make_unique<ui::Dashboard>(theme, messages);
            facilitator->dashboard->onClose = std::move(onClose);
            facilitator->session = std::make_unique<DashboardSession>(*survey, *store, facilitator->modules,
                                                                     *facilitator->dashboard, theme,
                                                                     [] { glfwPostEmptyEvent(); });
            facilitator->session->enableExport(store->isFile() ? store->path() : std::filesystem::path());
            return facilitator;
        },
        stationWindow, options);

    ui::Shell::FacilitatorAccess access;
    access.loadPinHash = [&store] { return core::loadPinHash(*store); };
    access.savePinHash = [&store](const std::string& hash) { core::savePinHash(*store, hash); };
    access.onFacilitator = [&station] { station.openFacilitatorView(); };
    access.participantCount = [&store, &survey] { return static_cast<uint64_t>(store->participants(survey->id)); };
    access.loadPinThrottle = [&store] { return core::loadPinThrottle(*store); };
    access.savePinThrottle = [&store](const core::PinThrottle& throttle) { core::savePinThrottle(*store, throttle); };
    // The menu's Exit, behind the PIN: in kiosk mode the one way out besides a signal (the window refuses to close).
    access.onExit = [&window] { window->close(); };
    access.stoppedModules = [&quarantine, &host] {
        std::vector<ui::Shell::StoppedModule> stopped;
        for (const core::QuarantinedModule& module : quarantine) {
            const plugin_host::ModuleDescription* description = host.describeModule(module.moduleId);
            stopped.push_back({module.moduleId, description ? description->name : std::string(), module.signal,
                               module.call});
        }
        return stopped;
    };
    // Allowing a module again: stored at once; under the supervisor the station starts again to load it.
    access.allowModule = [&](const std::string& moduleId) {
        core::releaseFromQuarantine(*store, moduleId);
        std::cerr << "alignkiosk: module '" << moduleId << "' is allowed again by the facilitator\n";
        station.moduleAllowed();
    };
    access.allowRestartsStation = start.supervised;
    shell.setFacilitatorAccess(std::move(access));

    FrameCallbacks callbacks = station.callbacks();
    // How long the station was gone, for the log (and the crash-recovery benchmark): from the supervisor seeing it die
    // to the restarted station's first frame on the screen.
    bool backReported = start.crashes.empty();
    callbacks.afterPresent = [&]() {
        if (backReported) return;
        backReported = true;
        const auto gone = std::chrono::steady_clock::now() - start.crashes.back().stoppedAt;
        std::fprintf(stderr, "alignkiosk: the station is back on its attract screen %.3f s after it stopped\n",
                     std::chrono::duration<double>(gone).count());
    };

    return station.exitStatus(runOrCapture(*window, callbacks, commandLine.screenshot));
}

// The participants' screen of a laptop in a collection: a thank-you that said "kept" says "delivered" as soon as the
// sender's thread has the acknowledgement.
class LaptopScreen final : public Station::ParticipantScreen {
public:
    LaptopScreen(ui::Shell& shell, const CollectionSender& sender) : m_shell(shell), m_sender(sender) {}
    void draw(double now) override {
        if (kept && m_sender.delivered(*kept)) {
            m_shell.setDeliveryStatus(ui::Shell::DeliveryStatus::Delivered);
            kept.reset();
        }
        m_shell.draw(now);
    }
    double nextWakeIn(double now) const override { return m_shell.nextWakeIn(now); }
    unsigned backgroundColor() const override { return m_shell.backgroundColor(); }
    void filterInput(ImGuiIO& io) override { m_shell.filterInput(io); }
    std::optional<ui::ScreenRect> changedArea() const override { return m_shell.changedArea(); }

    std::optional<collection::SubmissionId> kept; // the last submission, while it waits in the outbox

private:
    ui::Shell& m_shell;
    const CollectionSender& m_sender;
};

// How long Finish waits for the collector's acknowledgement before the thank-you says "kept" (it changes to
// "delivered" when the acknowledgement comes later).
constexpr std::chrono::milliseconds kDeliveryWait{1500};

// `run --join`: a laptop (or with --kiosk a station) answering a facilitator's collection. It keeps no response store:
// finished surveys go sealed into the outbox and from there to the collector. No facilitator PIN, no menu.
// A joined station is supervised like any station (`start`): a module that crashed it is left out of this run, with
// its steps; having no store, it forgets that when the station is started afresh.
int runJoined(const CommandLine& commandLine, const core::InstallLayout& layout, const StationStart& start) {
    keepAnswersOutOfCoreDumps();
    TerminationSignals::block(); // before any thread starts; the watcher below takes them
    ImGuiContextScope imgui;
    plugin_host::PluginHost host(imgui.context());
    std::vector<std::string> crashed;
    for (const StationCrash& crash : start.crashes) {
        if (crash.moduleId.empty() || std::find(crashed.begin(), crashed.end(), crash.moduleId) != crashed.end())
            continue;
        crashed.push_back(crash.moduleId);
        std::cerr << "alignkiosk: module '" << crash.moduleId << "' is stopped for this session (it crashed the "
                  << "station: " << describeCrash(crash) << ")\n";
    }
    host.setQuarantine(crashed);
    loadPluginsReportingRefusals(host, layout, commandLine);
    collection::ModuleVersions laptopVersions;
    for (const plugin_host::PluginReport& report : host.reports())
        for (const plugin_host::PluginReport::Module& module : report.modules) laptopVersions[module.id] = module.version;
    JoinResult join = joinCollection(*commandLine.join, host, laptopVersions);
    if (!join.ok()) {
        std::cerr << "alignkiosk: " << join.error << '\n';
        return 1;
    }
    const core::Survey& survey = join.joined->survey;
    // Names the module that cannot be made, before anyone starts; a station goes on without a module that crashed it.
    auto modules = createModulesFor(survey, host, crashed.empty() ? StoppedModules::Refuse : StoppedModules::LeaveOut);
    if (!modules) return 1;
    for (std::size_t i = 0; i < survey.steps.size(); ++i)
        if (!(*modules)[i])
            std::cerr << "alignkiosk: step '" << survey.steps[i].id << "' is left out: its module "
                      << survey.steps[i].moduleId << " is stopped\n";

    std::optional<collection::Outbox> outbox;
    try {
        collection::OutboxOptions outboxOptions;
        outboxOptions.createParentDirectories = !commandLine.database;
        outbox = collection::Outbox::open(outboxPathFor(commandLine.database), outboxOptions);
    } catch (const std::exception& error) {
        std::cerr << "alignkiosk: " << error.what() << '\n';
        return kStoreRefused;
    }
    if (outbox->size() > 0)
        std::cerr << "alignkiosk: " << outbox->size() << " finished survey(s) from an earlier run wait in "
                  << outbox->path().string() << "; delivering them\n";

    const core::KioskSettings settings = kioskSettingsFor(commandLine, survey.kiosk);
    std::string windowError;
    std::unique_ptr<KioskWindow> window =
        KioskWindow::open(survey.title + " - alignkiosk", windowOptionsFor(commandLine), windowError);
    if (!window) {
        std::cerr << "alignkiosk: " << windowError << '\n';
        return 1;
    }
    CollectionSender sender(*outbox, *join.joined, {}, [] { glfwPostEmptyEvent(); });
    const TerminationSignals signals([] { glfwPostEmptyEvent(); });
    std::string textWarning;
    ui::ShellText text = ui::loadShellText(layout.assetDir, survey.language, textWarning);
    if (!textWarning.empty()) std::cerr << "alignkiosk: " << textWarning << '\n';
    ui::Theme theme = ui::applyTheme(window->touchMetrics(), ui::defaultFontFile(), settings.theme);
    ui::Shell* shownShell = nullptr;
    LaptopScreen* shownScreen = nullptr;
    ui::Shell shell(
        survey, stepModules(std::move(*modules)),
        [&](const core::Submission& submission) {
            const collection::SubmissionId id = sender.submit(submission); // throws: the answers stay on screen
            const bool delivered = sender.waitDelivered(id, kDeliveryWait);
            shownShell->setDeliveryStatus(delivered ? ui::Shell::DeliveryStatus::Delivered
                                                    : ui::Shell::DeliveryStatus::Kept);
            shownScreen->kept.reset();
            if (!delivered) {
                shownScreen->kept = id;
                std::cerr << "alignkiosk: a finished survey is kept in " << outbox->path().string()
                          << " until the collector can be reached" << (sender.lastError().empty() ? "" : ": ")
                          << sender.lastError() << '\n';
            }
        },
        theme, std::move(text));
    shownShell = &shell;
    shell.setKioskMode(commandLine.kiosk);
    shell.setModuleMaker([&host](const core::Survey& resolved) { return modulesIn(resolved, host); });
    shell.setCatalogs(shellCatalogs(layout, survey));
    shell.setIdleTimeout(static_cast<double>(settings.idleTimeout));
    shell.setStillThereSeconds(static_cast<double>(settings.stillThere));
    // No setFacilitatorAccess: without it the shell has no corner gesture, no Facilitator button and no PIN.

    LaptopScreen participants(shell, sender);
    shownScreen = &participants;
    StationWindow stationWindow(*window, theme);
    Station::Options options;
    options.kiosk = commandLine.kiosk;
    options.idleTimeoutSeconds = static_cast<double>(settings.idleTimeout);
    Station station(
        participants, [](std::function<void()>) -> std::unique_ptr<Station::FacilitatorScreen> { return nullptr; },
        stationWindow, options);
    const int status = station.exitStatus(runOrCapture(*window, station.callbacks(), commandLine.screenshot));
    sender.stop();
    if (outbox->size() > 0)
        std::cerr << "alignkiosk: " << outbox->size() << " finished survey(s) wait in " << outbox->path().string()
                  << "; they are delivered the next time this laptop joins the collection\n";
    return status;
}

} // namespace

int runKiosk(const CommandLine& commandLine, const core::InstallLayout& layout) {
    // A station in a facilitator's collection is supervised too; a laptop's window runs in this process.
    if (commandLine.join) {
        if (commandLine.kiosk && !commandLine.screenshot)
            return superviseStation([&](const StationStart& start) { return runJoined(commandLine, layout, start); });
        return runJoined(commandLine, layout, StationStart{});
    }
    // The touchscreen station is supervised: a module that crashes it takes it away for a moment, not for good.
    // A screenshot or a laptop's window runs in this process, as before.
    if (commandLine.kiosk && !commandLine.screenshot)
        return superviseStation([&](const StationStart& start) { return runStation(commandLine, layout, start); });
    return runStation(commandLine, layout, StationStart{});
}

} // namespace alignkiosk::platform
