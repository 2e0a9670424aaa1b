#include "plugin_host/plugin_checks.h"

#include <cstddef>

// The SDK target states which ImGui the kiosk and its plugins share (plugins/sdk/CMakeLists.txt reads it from
// imgui.h), so the host can compare without including ImGui.
#ifndef ALIGNKIOSK_SDK_IMGUI_VERSION_NUM
#error "ALIGNKIOSK_SDK_IMGUI_VERSION_NUM must come from the alignkiosk::sdk target"
#endif

namespace alignkiosk::plugin_host {

namespace {

std::string text(const char* value) { return value ? std::string(value) : std::string(); }

std::string abiText(uint32_t major, uint32_t minor) { return std::to_string(major) + "." + std::to_string(minor); }

// How many bytes of the entry must exist before its ABI version can be read at all.
constexpr size_t kEntryVersionBytes = offsetof(alignkiosk_plugin_entry_v1, abi_minor) + sizeof(uint32_t);

} // namespace

HostAbi thisHostAbi() {
    HostAbi host;
    host.imguiVersionNum = ALIGNKIOSK_SDK_IMGUI_VERSION_NUM;
    return host;
}

std::optional<std::string> checkEntry(const alignkiosk_plugin_entry_v1& entry, const HostAbi& host) {
    const std::string tooSmall = "entry struct too small (" + std::to_string(entry.struct_size) +
                                 " bytes; plugin ABI " + abiText(host.major, host.minor) + " needs " +
                                 std::to_string(sizeof(alignkiosk_plugin_entry_v1)) + ")";
    // The version is read before the rest so a plugin from another ABI generation is named as such, whatever the
    // size of its entry.
    if (entry.struct_size < kEntryVersionBytes) return tooSmall;
    if (entry.abi_major != host.major)
        return "built for plugin ABI " + std::to_string(entry.abi_major) + ".x, this kiosk speaks " +
               std::to_string(host.major) + ".x";
    if (entry.abi_minor > host.minor)
        return "built for plugin ABI " + abiText(entry.abi_major, entry.abi_minor) + ", newer than this kiosk's " +
               abiText(host.major, host.minor) + " (update the kiosk or rebuild the plugin against its SDK)";
    if (entry.struct_size < sizeof(alignkiosk_plugin_entry_v1)) return tooSmall;
    if (entry.imgui_version_num != host.imguiVersionNum)
        return "built against ImGui " + std::to_string(entry.imgui_version_num) + " (IMGUI_VERSION_NUM), this kiosk "
               "uses ImGui " + std::to_string(host.imguiVersionNum) + "; rebuild the plugin against this kiosk's SDK";
    if (!entry.init) return std::string("entry is missing its init function");
    if (!entry.deinit) return std::string("entry is missing its deinit function");
    if (!entry.get_factory) return std::string("entry is missing its get_factory function");
    return std::nullopt;
}

namespace {

// Both factory versions have the same four functions, only the content they take differs.
template <class Factory>
std::optional<std::string> checkFactoryTable(const Factory* factory) {
    if (!factory)
        return std::string("no module factory (get_factory(\"") + ALIGNKIOSK_MODULE_FACTORY_V2_ID + "\") and get_factory(\"" +
               ALIGNKIOSK_MODULE_FACTORY_V1_ID + "\") returned NULL)";
    if (factory->struct_size < sizeof(Factory))
        return "module factory struct too small (" + std::to_string(factory->struct_size) + " bytes; needs " +
               std::to_string(sizeof(Factory)) + ")";
    if (!factory->module_count || !factory->module_descriptor || !factory->validate_content ||
        !factory->create_module)
        return std::string("module factory is missing a function (module_count, module_descriptor, "
                           "validate_content and create_module are all required)");
    return std::nullopt;
}

} // namespace

std::optional<std::string> checkFactory(const alignkiosk_module_factory_v1* factory) {
    return checkFactoryTable(factory);
}

std::optional<std::string> checkFactoryV2(const alignkiosk_module_factory_v2* factory) {
    return checkFactoryTable(factory);
}

std::optional<std::string> checkDescriptor(const alignkiosk_module_descriptor_v1* descriptor, uint32_t index) {
    const std::string which = "module descriptor " + std::to_string(index);
    if (!descriptor) return which + " is NULL";
    if (descriptor->struct_size < sizeof(alignkiosk_module_descriptor_v1))
        return which + " struct too small (" + std::to_string(descriptor->struct_size) + " bytes; needs " +
               std::to_string(sizeof(alignkiosk_module_descriptor_v1)) + ")";
    const std::string id = text(descriptor->id);
    if (id.empty()) return which + " has no module id";
    if (!isModuleId(id)) return "module id '" + id + "' is not lower_snake_case";
    const std::string version = text(descriptor->version);
    if (!isModuleVersion(version))
        return "module '" + id + "' has version '" + version + "', expected MAJOR.MINOR.PATCH (e.g. 1.0.0)";
    return std::nullopt;
}

bool isModuleId(std::string_view id) {
    if (id.empty() || id.front() < 'a' || id.front() > 'z') return false;
    for (const char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

bool isModuleVersion(std::string_view version) {
    int parts = 0;
    size_t digits = 0;
    for (const char c : version) {
        if (c >= '0' && c <= '9') {
            ++digits;
        } else if (c == '.' && digits > 0) {
            ++parts;
            digits = 0;
        } else {
            return false;
        }
    }
    return parts == 2 && digits > 0;
}

} // namespace alignkiosk::plugin_host
