#include "plugin_host/plugin_vetting.h"

#include "plugin_host/call_witness.h"
#include "plugin_host/child_status.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string_view>
#include <thread>

namespace alignkiosk::plugin_host {

namespace {

using Clock = std::chrono::steady_clock;

// [SECTION] What the child tells the parent: length-prefixed fields ("8:accepted"), so any text survives the pipe.

void putField(std::string& out, std::string_view field) {
    out += std::to_string(field.size());
    out += ':';
    out += field;
}

class FieldReader {
public:
    explicit FieldReader(std::string_view text) : m_text(text) {}
    std::optional<std::string> next() {
        const std::size_t colon = m_text.find(':');
        if (colon == std::string_view::npos || colon == 0 || colon > 9) return std::nullopt;
        std::size_t length = 0;
        for (const char c : m_text.substr(0, colon)) {
            if (c < '0' || c > '9') return std::nullopt;
            length = length * 10 + static_cast<std::size_t>(c - '0');
        }
        if (m_text.size() - colon - 1 < length) return std::nullopt;
        std::string field(m_text.substr(colon + 1, length));
        m_text.remove_prefix(colon + 1 + length);
        return field;
    }

private:
    std::string_view m_text;
};

std::string encode(const LoadedPlugin* plugin, const std::string& reason) {
    std::string out;
    if (!plugin) {
        putField(out, "refused");
        putField(out, reason);
        return out;
    }
    putField(out, "accepted");
    putField(out, std::to_string(plugin->modules().size()));
    for (const ModuleDescription& module : plugin->modules()) {
        putField(out, module.id);
        putField(out, module.version);
        putField(out, module.name);
        putField(out, module.description);
        putField(out, std::to_string(module.acceptedKinds));
    }
    return out;
}

// Whole decimal numbers only (std::stoul would take "+1" or " 1", and throw on "x").
std::optional<unsigned long> number(const std::optional<std::string>& text) {
    if (!text || text->empty() || text->size() > 10) return std::nullopt;
    unsigned long value = 0;
    for (const char c : *text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + static_cast<unsigned long>(c - '0');
    }
    return value;
}

std::optional<VettingResult> decode(std::string_view message) {
    FieldReader reader(message);
    const std::optional<std::string> verdict = reader.next();
    VettingResult result;
    if (verdict == "refused") {
        std::optional<std::string> reason = reader.next();
        if (!reason) return std::nullopt;
        result.reason = std::move(*reason);
        return result;
    }
    if (verdict != "accepted") return std::nullopt;
    const std::optional<unsigned long> modules = number(reader.next());
    if (!modules) return std::nullopt;
    for (unsigned long i = 0; i < *modules; ++i) {
        ModuleDescription module;
        std::optional<std::string> fields[5];
        for (auto& field : fields)
            if (!(field = reader.next())) return std::nullopt;
        module.id = std::move(*fields[0]);
        module.version = std::move(*fields[1]);
        module.name = std::move(*fields[2]);
        module.description = std::move(*fields[3]);
        const std::optional<unsigned long> kinds = number(fields[4]);
        if (!kinds) return std::nullopt;
        module.acceptedKinds = static_cast<uint32_t>(*kinds);
        result.modules.push_back(std::move(module));
    }
    result.accepted = true;
    return result;
}

// [SECTION] The child

bool writeAll(int fd, const std::string& text) {
    const char* at = text.data();
    std::size_t left = text.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, at, left);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return false;
        at += written;
        left -= static_cast<std::size_t>(written);
    }
    return true;
}

[[noreturn]] void vetInChild(const std::filesystem::path& file, void* imguiContext, int reportFd,
                             PluginCallRecord* record) {
    // The child's own record: what it was doing when it died is the parent's to read. (In the station the installed
    // record is the supervisor's, which must not learn about a plugin this child merely vets.)
    installCallRecord(record);
    int status = 0;
    try {
        std::string reason;
        const std::unique_ptr<LoadedPlugin> plugin = LoadedPlugin::load(file, imguiContext, reason);
        if (!writeAll(reportFd, encode(plugin.get(), reason))) status = 1;
        // _exit before `plugin` goes out of scope: no deinit, no dlclose, no atexit handlers of the parent's. The
        // station loads the plugin afresh; what happens on its way out here is not what is being vetted.
        std::fflush(nullptr);
        ::_exit(status);
    } catch (...) {
        ::_exit(1);
    }
}

// [SECTION] The parent

std::string duringCall(const PluginCallRecord& record) {
    const std::string_view call(record.call);
    if (call.empty()) return {};
    if (call == "dlopen") return " while the system loader mapped it and ran its start-up code";
    return " in its " + std::string(call) + " function";
}

// Reads the child's report until it closes the pipe or the deadline passes; false when the deadline passed.
bool readReport(int fd, Clock::time_point deadline, std::string& report) {
    char buffer[4096];
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) return false;
        pollfd waiting{fd, POLLIN, 0};
        const int ready = ::poll(&waiting, 1, static_cast<int>(left));
        if (ready < 0 && errno == EINTR) continue;
        if (ready == 0) return false;
        if (ready < 0) return true; // poll failed: the child's exit status says what became of it
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return true; // end of file (or an error: the child's exit status will tell)
        report.append(buffer, static_cast<std::size_t>(got));
    }
}

// The child's wait status once it has ended, waiting until the deadline; nothing when it is still running by then.
std::optional<int> waitUntil(pid_t child, Clock::time_point deadline) {
    for (;;) {
        int status = 0;
        const pid_t done = ::waitpid(child, &status, WNOHANG);
        if (done == child) return status;
        if (done < 0 && errno != EINTR) return 0;
        if (Clock::now() >= deadline) return std::nullopt;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

} // namespace

std::string formatSeconds(std::chrono::milliseconds duration) {
    const long long ms = duration.count();
    std::string text = std::to_string(ms / 1000);
    if (const long long fraction = ms % 1000; fraction != 0) {
        char digits[4];
        std::snprintf(digits, sizeof digits, "%03lld", fraction < 0 ? -fraction : fraction);
        std::string decimals(digits);
        while (!decimals.empty() && decimals.back() == '0') decimals.pop_back();
        text += "." + decimals;
    }
    return text + " s";
}

VettingResult vetPlugin(const std::filesystem::path& file, const VettingOptions& options) {
    VettingResult result;
    // One record for every vetting of this process, zeroed before each child starts.
    static PluginCallRecord* const record = createSharedCallRecord();
    if (!record) {
        result.reason = std::string("could not be vetted: no shared memory for the child: ") + std::strerror(errno);
        return result;
    }
    *record = PluginCallRecord{};

    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC) != 0) {
        result.reason = std::string("could not be vetted: no pipe: ") + std::strerror(errno);
        return result;
    }
    std::fflush(nullptr); // nothing buffered may be written twice, once by the child
    const pid_t child = ::fork();
    if (child < 0) {
        ::close(pipeFds[0]);
        ::close(pipeFds[1]);
        result.reason = std::string("could not be vetted: no child process: ") + std::strerror(errno);
        return result;
    }
    if (child == 0) {
        ::close(pipeFds[0]);
        vetInChild(file, options.imguiContext, pipeFds[1], record);
    }
    ::close(pipeFds[1]);

    const Clock::time_point deadline = Clock::now() + options.timeLimit;
    std::string report;
    const bool reported = readReport(pipeFds[0], deadline, report);
    ::close(pipeFds[0]);
    std::optional<int> status = reported ? waitUntil(child, deadline) : std::nullopt;
    if (!status) {
        ::kill(child, SIGKILL);
        while (::waitpid(child, nullptr, 0) < 0 && errno == EINTR) {
        }
        result.reason = "did not finish loading within " + formatSeconds(options.timeLimit);
        if (record->inCall()) result.reason += " (stuck" + duringCall(*record) + ")";
        result.reason += "; it was stopped";
        return result;
    }
    if (WIFSIGNALED(*status)) {
        result.reason = "crashed while loading: " + signalName(WTERMSIG(*status)) + duringCall(*record);
        return result;
    }
    const std::optional<VettingResult> decoded = WIFEXITED(*status) && WEXITSTATUS(*status) == 0
                                                     ? decode(report)
                                                     : std::nullopt;
    if (!decoded) {
        result.reason = "ended the process while loading (" + describeWaitStatus(*status) + ")" + duringCall(*record);
        return result;
    }
    return *decoded;
}

} // namespace alignkiosk::plugin_host
