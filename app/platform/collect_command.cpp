// `alignkiosk collect`: the facilitator's side of a workshop with laptops. Serves the survey and takes sealed
// submissions over HTTP (collection::Collector) into the store, while the window shows the join code in projector-size
// type above the live dashboard (which shows newcomers only in batches of k). `collect --headless` is the same
// collector without a window, display or ImGui, run as a service: several of them on one PostgreSQL database behind
// one address (the store keeps the keys and the join code they share).
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


#include <chrono>
#include <condition_variable>
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
std::optional<collection::JoinCode> joinCodeOf(core::AnswerStore& store) {
    try {
        if (const std::optional<std::string> kept = store.setting(kJoinCodeSetting)) {
            collection::JoinCodeParse parsed = collection::parseJoinCode(*kept);
            if (parsed.ok()) return parsed.code;
            std::cerr << "alignkiosk: the store's join code is unreadable (" << parsed.error << "); making a new one\n";
            const collection::JoinCode code = collection::JoinCode::random();
            store.setSetting(kJoinCodeSetting, code.text());
            return code;
        }
        // Collectors starting together on one database agree on the code the first of them keeps.
        const collection::JoinCodeParse kept = collection::parseJoinCode(
            store.keepSetting(kJoinCodeSetting, collection::JoinCode::random().text()));
        if (!kept.ok()) throw std::runtime_error(kept.error);
        return kept.code;
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

// What a collector needs before it serves: the keys and join code the store keeps, and the survey as laptops get it.
struct Collection {
    std::optional<collection::CollectionKeys> keys;
    std::optional<collection::JoinCode> code;
    std::optional<collection::CollectorSurvey> served;
};

// 0, or the exit status after saying on stderr what is wrong.
int prepareCollection(const CommandLine& commandLine, const core::InstallLayout& layout, const core::Survey& survey,
                      core::AnswerStore& store, const plugin_host::PluginHost& host, Collection& collection) {
    const std::filesystem::path surveyFile = commandLine.survey.value_or(layout.defaultSurveyFile());
    const std::optional<std::string> text = surveyText(surveyFile);
    if (!text) {
        std::cerr << "alignkiosk: cannot read " << surveyFile.string() << '\n';
        return 1;
    }
    try {
        collection.keys = collection::collectionKeysOf(store);
    } catch (const std::exception& error) {
        std::cerr << "alignkiosk: the store's collection keys: " << error.what() << '\n';
        return 1;
    }
    collection.code = joinCodeOf(store);
    if (!collection.code) return kStoreRefused;
    collection.served = collection::CollectorSurvey{*text, survey.id, survey.version, {}};
    for (const core::Step& step : survey.steps)
        if (const plugin_host::ModuleDescription* module = host.describeModule(step.moduleId))
            collection.served->moduleVersions[step.moduleId] = module->version;
    return 0;
}

// Constructs and starts the collector; false after saying on stderr why it cannot serve.
bool startCollector(const CommandLine& commandLine, core::AnswerStore& store, Collection& collection,
                    collection::CollectorOptions options, std::optional<collection::Collector>& collector) {
    options.address = commandLine.listenAddress;
    options.port = commandLine.port;
    try {
        collector.emplace(store, *collection.keys, *collection.code, std::move(*collection.served), options);
    } catch (const std::exception& error) {
        std::cerr << "alignkiosk: cannot collect: " << error.what() << '\n';
        return false;
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
        return false;
    }
    return true;
}

// Prints the line a laptop types (flushed: a script reads the port from it); returns it.
std::string printJoinLine(const CommandLine& commandLine, const core::Survey& survey,
                          const collection::Collector& collector, const collection::JoinCode& code) {
    const std::vector<std::string> hosts = reachableHosts(commandLine.listenAddress);
    const std::string port = std::to_string(collector.port());
    const std::string joinLine = "alignkiosk run --join " + hosts.front() + ":" + port + "/" + code.text();
    std::ostringstream line;
    line << "collecting survey '" << survey.id << "' on port " << port << ": join with " << joinLine;
    for (std::size_t i = 1; i < hosts.size(); ++i)
        line << " (or " << hosts[i] << ":" << port << "/" << code.text() << ")";
    std::cout << line.str() << std::endl;
    return joinLine;
}

// How often a headless collector says how it is doing, at most. Totals only, and no more often than this: the log
// (a journal stamps each line with its time) must not tell when each person answered.
constexpr std::chrono::minutes kStatusInterval{1};

// The status line: totals since start, by outcome. Nothing about a laptop, a participant or an answer.
std::string statusLine(const collection::CollectorCounters& counters) {
    std::size_t refused = 0;
    for (const auto& [reason, count] : counters.refusals) refused += count;
    std::ostringstream line;
    line << "stored " << counters.stored << ", already delivered " << counters.alreadyDelivered << ", refused "
         << refused;
    if (refused > 0) {
        line << " (";
        const char* separator = "";
        for (const auto& [reason, count] : counters.refusals) {
            if (count == 0) continue;
            line << separator << reason << " " << count;
            separator = ", ";
        }
        line << ")";
    }
    return line.str();
}

// `collect --headless`: no window, so no display and no ImGui context; the plugins are loaded only to check the
// survey and to tell laptops each module's version. Serves until SIGTERM, SIGINT or SIGHUP.
int collectHeadless(const CommandLine& commandLine, const core::InstallLayout& layout) {
    plugin_host::PluginHost host; // no ImGui context: nothing is drawn
    std::optional<core::Survey> survey;
    std::unique_ptr<core::AnswerStore> store;
    if (const int status = openSurveyAndStore(commandLine, layout, host, survey, store,
                                              "a collector runs no module's code, and serves the survey as it is"))
        return status;
    Collection collection;
    if (const int status = prepareCollection(commandLine, layout, *survey, *store, host, collection)) return status;

    // Before the collector's threads start, so that they inherit the mask and the watcher below takes the signals.
    TerminationSignals::block();
    std::optional<collection::Collector> collector;
    if (!startCollector(commandLine, *store, collection, {}, collector)) return 1;
    printJoinLine(commandLine, *survey, *collector, *collection.code);

    std::mutex mutex;
    std::condition_variable stopped;
    const TerminationSignals signals([&] {
        const std::lock_guard lock(mutex);
        stopped.notify_all();
    });
    std::string said = statusLine(collector->counters());
    {
        std::unique_lock lock(mutex);
        while (!stopped.wait_for(lock, kStatusInterval, [] { return terminationRequested(); })) {
            const std::string now = statusLine(collector->counters());
            if (now == said) continue; // nothing new: a line would only mark the time
            said = now;
            std::cout << now << std::endl;
        }
    }
    // Every request in flight answered and every queued submission committed before the store closes.
    collector->stop();
    std::cout << "stopped: " << statusLine(collector->counters()) << std::endl;
    return 0;
}

} // namespace

int collectAnswers(const CommandLine& commandLine, const core::InstallLayout& layout) {
    if (commandLine.headless) return collectHeadless(commandLine, layout);
    ImGuiContextScope imgui;
    plugin_host::PluginHost host(imgui.context());
    DashboardSetup setup;
    if (const int status = prepareDashboard(commandLine, layout, host, setup)) return status;
    Collection collection;
    if (const int status = prepareCollection(commandLine, layout, *setup.survey, *setup.store, host, collection))
        return status;
    const collection::JoinCode code = *collection.code;

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
    options.onStored = [link] {
        const std::lock_guard lock(link->mutex);
        if (link->source) link->source->refreshNow();
    };
    std::optional<collection::Collector> collector;
    if (!startCollector(commandLine, *setup.store, collection, std::move(options), collector)) return 1;
    const std::string joinLine = printJoinLine(commandLine, *setup.survey, *collector, code);
    const std::vector<std::string> hosts = reachableHosts(commandLine.listenAddress);
    const std::string port = std::to_string(collector->port());

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
        std::cout << "laptops on this network can join with the code alone: alignkiosk run --join " << code.text()
                  << std::endl;
        // Short enough not to wrap beside the code on a 1280-pixel-wide screen.
        howToJoin = "On a laptop, type:\nalignkiosk run --join " + code.text() +
                    "\nor, if that finds nothing:\n--join " + hosts.front() + ":" + port + "/" + code.text();
    } else if (announcement) {
        std::cerr << "alignkiosk: note: " << collection::describe(announcement->state())
                  << (announcement->error().empty() ? "" : " (" + announcement->error() + ")") << '\n';
    }

    DashboardWindowHooks hooks;
    hooks.beforeFirstFrame = [&](ui::Dashboard& dashboard, DashboardSession& session) {
        dashboard.setJoinInfo(code.text(), howToJoin);
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
