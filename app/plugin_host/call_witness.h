// Which module's code, and which of its functions, the process is running right now, written where another process
// can read it after this one died. A crash inside a plugin leaves no chance to say anything afterwards, so the record
// is written before every call into a plugin and cleared after it; the process that forked this one (the station's
// supervisor, or the plugin vetting) reads it once waitpid says the child died by a signal.
//
// Threads: plugin calls happen on the UI thread only; the record is a plain process-wide slot, not synchronised.
#pragma once

#include <cstddef>
#include <string_view>

namespace alignkiosk::plugin_host {

// Plain bytes, so it can live in a MAP_SHARED mapping that a parent and its forked child both see.
struct PluginCallRecord {
    static constexpr std::size_t kModuleIdBytes = 64; // module ids are short lower_snake_case names
    static constexpr std::size_t kCallBytes = 32;
    char moduleId[kModuleIdBytes]; // empty while loading a plugin (no module yet), and between calls
    char call[kCallBytes];         // the ABI function ("draw_page", "init", ...); empty between calls

    bool inCall() const { return call[0] != '\0'; }
};

// A zeroed record in anonymous shared memory (inherited by fork), or nullptr when it cannot be mapped. Never freed:
// one per supervisor or vetting child, for the life of the process.
PluginCallRecord* createSharedCallRecord();

// The record every WitnessedCall in this process writes to; nullptr (the default) writes nowhere.
void installCallRecord(PluginCallRecord* record);
PluginCallRecord* installedCallRecord();

// Writes module and call into the installed record for its lifetime and puts back what was there before (calls nest
// only in the sense that a plugin's callback into the host is not a plugin call: nothing is written for those).
class WitnessedCall {
public:
    WitnessedCall(std::string_view moduleId, const char* call) noexcept;
    ~WitnessedCall();
    WitnessedCall(const WitnessedCall&) = delete;
    WitnessedCall& operator=(const WitnessedCall&) = delete;

private:
    PluginCallRecord* m_record;
    PluginCallRecord m_previous;
};

} // namespace alignkiosk::plugin_host
