#include "plugin_host/call_witness.h"

#include <sys/mman.h>

#include <algorithm>
#include <atomic>
#include <cstring>

namespace alignkiosk::plugin_host {

namespace {

PluginCallRecord* g_record = nullptr;

void copyInto(char* field, std::size_t capacity, std::string_view text) {
    const std::size_t length = std::min(text.size(), capacity - 1);
    std::memcpy(field, text.data(), length);
    field[length] = '\0';
}

} // namespace

PluginCallRecord* createSharedCallRecord() {
    void* memory = mmap(nullptr, sizeof(PluginCallRecord), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (memory == MAP_FAILED) return nullptr;
    return static_cast<PluginCallRecord*>(memory); // anonymous mappings start zeroed
}

void installCallRecord(PluginCallRecord* record) { g_record = record; }

PluginCallRecord* installedCallRecord() { return g_record; }

WitnessedCall::WitnessedCall(std::string_view moduleId, const char* call) noexcept : m_record(g_record), m_previous{} {
    if (!m_record) return;
    m_previous = *m_record;
    copyInto(m_record->moduleId, sizeof m_record->moduleId, moduleId);
    copyInto(m_record->call, sizeof m_record->call, call ? std::string_view(call) : std::string_view());
    // The plugin call that follows may never return: the record must be in memory before it starts.
    std::atomic_signal_fence(std::memory_order_seq_cst);
}

WitnessedCall::~WitnessedCall() {
    if (!m_record) return;
    std::atomic_signal_fence(std::memory_order_seq_cst);
    *m_record = m_previous;
}

} // namespace alignkiosk::plugin_host
