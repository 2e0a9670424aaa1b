// `alignkiosk collect`: the facilitator's side of a workshop with laptops. Serves the survey and takes sealed
// submissions over HTTP (collection::Collector) into the store, while the window shows the join code in projector-size
// type above the live dashboard (which shows newcomers only in batches of k).
#include "commands.h"

#include "command_support.h"
#include "dashboard_setup.h"
#include "dashboard_window.h"
#include "termination_signals.h"

#include "collection/collector.h"
#include "collection/collector_announcement.h"
#include "collection/store_keys.h"

#include "ui/dashboard.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>


#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <mutex>
#include <sstream>

namespace alignkiosk::platform {

namespace {

// The setting that keeps the join code, so a collector restarted mid-workshop keeps the code laptops already have.
constexpr const char* kJoinCodeSetting = "collection_join_code";

// The store's join code, made and kept on first use; nothing when the store cannot keep it (said on stderr).
std::optional<collection::JoinCode> joinCodeOf(core::ResponseStore& store) {
    try {
        if (const std::optional<std::string> kept = store.setting(kJoinCodeSetting)) {
            collection::JoinCodeParse parsed = collection::parseJoinCode(*kept);
            if (parsed.ok()) return parsed.code;
            std::cerr << "alignkiosk: the store's join code is unreadable (" << parsed.error << "); making a new one\n";
        }
        const collection::JoinCode code = collection::JoinCode::random();
        store.setSetting(kJoinCodeSetting, code.text());
        return code;
    } catch (const std::exception& error) {
        std::cerr << "alignkiosk: cannot keep the join code in " << store.path().string() << ": " << error.what()
                  << '\n';
        return std::nullopt;
    }
}

// The addresses laptops can reach the collector at: the listening address itself, or for 0.0.0.0 this machine's
// IPv4 addresses other than loopback (loopback when it has no other).
std::vector<std::string> reachableHosts(const std::string& listenAddress) {
    if (listenAddress != "0.0.0.0") return {listenAddress};
    std::vector<std::string> hosts;
    ifaddrs* list = nullptr;
    if (::getifaddrs(&list) == 0) {
        for (const ifaddrs* entry = list; entry; entry = entry->ifa_next) {
            if (!entry->ifa_addr || entry->ifa_addr->sa_family != AF_INET) continue;
            if ((entry->ifa_flags & IFF_LOOPBACK) || !(entry->ifa_flags & IFF_UP)) continue;
            char text[INET_ADDRSTRLEN] = {};
            const auto* address = reinterpret_cast<const sockaddr_in*>(entry->ifa_addr);
            if (::inet_ntop(AF_INET, &address->sin_addr, text, sizeof text)) hosts.emplace_back(text);
        }
        ::freeifaddrs(list);
    }
    if (hosts.empty()) hosts.emplace_back("127.0.0.1");
    return hosts;
}

bool isLoopback(const std::string& listenAddress) {
    in_addr address{};
    return ::inet_pton(AF_INET, listenAddress.c_str(), &address) == 1 && (ntohl(address.s_addr) >> 24) == 127;
}

// The survey file's text, byte for byte, as laptops receive it.
std::optional<std::string> surveyText(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) return std::nullopt;
    return text;
}

} // namespace

int collectAnswers(const CommandLine& commandLine, const core::InstallLayout& layout) {
    ImGuiContextScope imgui;
    plugin_host::PluginHost host(imgui.context());
    DashboardSetup setup;
    if (const int status = prepareDashboard(commandLine, layout, host, setup)) return status;
    const std::filesystem::path surveyFile = commandLine.survey.value_or(layout.defaultSurveyFile());
    const std::optional<std::string> text = surveyText(surveyFile);
    if (!text) {
        std::cerr << "alignkiosk: cannot read " << surveyFile.string() << '\n';
        return 1;
    }
    std::optional<collection::CollectionKeys> keys;
    try {
        keys = collection::collectionKeysOf(*setup.store);
    } catch (const std::exception& error) {
        std::cerr << "alignkiosk: the store's collection keys: " << error.what() << '\n';
        return 1;
    }
    const std::optional<collection::JoinCode> code = joinCodeOf(*setup.store);
    if (!code) return kStoreRefused;

    // Before the collector's threads start, so that they inherit the mask and SIGTERM waits for the watcher below.
    TerminationSignals::block();
    // A commit that stored something new has the live dashboard read the store at once, not at its next poll. The
    // collector's writer thread may call this while the window opens or closes: the link is guarded.
    struct DashboardLink {
        std::mutex mutex;
        core::DashboardSource* source = nullptr;
    };
    auto link = std::make_shared<DashboardLink>();
    collection::CollectorOptions options;
    options.address = commandLine.listenAddress;
    options.port = commandLine.port;
    options.onStored = [link] {
        const std::lock_guard lock(link->mutex);
        if (link->source) link->source->refreshNow();
    };
    collection::CollectorSurvey served{*text, setup.survey->id, setup.survey->version, {}};
    for (const core::Step& step : setup.survey->steps)
        if (const plugin_host::ModuleDescription* module = host.describeModule(step.moduleId))
            served.moduleVersions[step.moduleId] = module->version;
    std::optional<collection::Collector> collector;
    try {
        collector.emplace(*setup.store, *keys, *code, std::move(served), options);
    } catch (const std::exception& error) {
        std::cerr << "alignkiosk: cannot collect: " << error.what() << '\n';
        return 1;
    }
    std::string refusal;
    try {
        collector->start();
    } catch (const std::exception& error) {
        refusal = error.what();
    }
    if (!refusal.empty()) {
        std::cerr << "alignkiosk: cannot collect on " << commandLine.listenAddress << " port " << commandLine.port
                  << ": " << refusal << " (is another collector running? choose another with --port)\n";
        return 1;
    }
    const std::vector<std::string> hosts = reachableHosts(commandLine.listenAddress);
    const std::string port = std::to_string(collector->port());
    const std::string joinLine = "alignkiosk run --join " + hosts.front() + ":" + port + "/" + code->text();
    std::ostringstream line;
    line << "collecting survey '" << setup.survey->id << "' on port " << port << ": join with " << joinLine;
    for (std::size_t i = 1; i < hosts.size(); ++i) line << " (or " << hosts[i] << ":" << port << "/" << code->text() << ")";
    std::cout << line.str() << std::endl; // flushed: a script reads the port from it

    // Laptops that have only the code find the collector by DNS-SD; a collector on loopback has nobody to tell.
    std::optional<collection::CollectorAnnouncement> announcement;
    if (!isLoopback(commandLine.listenAddress)) {
        try {
            announcement.emplace(collector->port());
        } catch (const std::exception& error) {
            std::cerr << "alignkiosk: " << error.what() << '\n';
        }
    }
    // Avahi answers the client at once when its daemon runs, so the state says already whether the code alone works.
    const bool findable = announcement && announcement->state() != collection::CollectorAnnouncement::State::Failed &&
                          announcement->state() != collection::CollectorAnnouncement::State::WaitingForDaemon;
    std::string howToJoin = "On a laptop, type:\n" + joinLine;
    if (findable) {
        std::cout << "laptops on this network can join with the code alone: alignkiosk run --join " << code->text()
                  << std::endl;
        howToJoin = "On a laptop, type:\nalignkiosk run --join " + code->text() + "\nor, if that finds nothing:\n--join " + hosts.front() + ":" + port + "/" +
                    code->text(); // short enough not to wrap beside the code on a 1280-pixel-wide screen
    } else if (announcement) {
        std::cerr << "alignkiosk: note: " << collection::describe(announcement->state())
                  << (announcement->error().empty() ? "" : " (" + announcement->error() + ")") << '\n';
    }

    DashboardWindowHooks hooks;
    hooks.beforeFirstFrame = [&](ui::Dashboard& dashboard, DashboardSession& session) {
        dashboard.setJoinInfo(code->text(), howToJoin);
        const std::lock_guard lock(link->mutex);
        link->source = &session.source();
    };
    hooks.afterLastFrame = [&](DashboardSession&) {
        const std::lock_guard lock(link->mutex);
        link->source = nullptr;
    };
    const int status =
        runDashboardWindow(commandLine, setup, setup.survey->title + " - alignkiosk collect", hooks, std::nullopt);
    // Every request in flight answered and every queued submission committed before the store closes.
    collector->stop();
    return status;
}

} // namespace alignkiosk::platform
