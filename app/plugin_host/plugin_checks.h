// The rules a plugin must pass before the kiosk trusts it, as pure functions over the structs it exported, so each
// refusal has one place and one wording (tested in tests/plugin_host/plugin_checks_test.cpp).
#pragma once

#include <alignkiosk/plugin_abi.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace alignkiosk::plugin_host {

// What this kiosk speaks: the ABI of the plugin_abi.h it was built with and the ImGui it shares with plugins.
struct HostAbi {
    uint32_t major = ALIGNKIOSK_ABI_MAJOR;
    uint32_t minor = ALIGNKIOSK_ABI_MINOR;
    int32_t imguiVersionNum = 0;
};
HostAbi thisHostAbi();

// Each returns the reason to refuse, or nothing when the struct is usable.
std::optional<std::string> checkEntry(const alignkiosk_plugin_entry_v1& entry, const HostAbi& host);
std::optional<std::string> checkFactory(const alignkiosk_module_factory_v1* factory);
// The same rules for ABI 1.3's factory.
std::optional<std::string> checkFactoryV2(const alignkiosk_module_factory_v2* factory);
std::optional<std::string> checkDescriptor(const alignkiosk_module_descriptor_v1* descriptor, uint32_t index);

// lower_snake_case: [a-z][a-z0-9_]*
bool isModuleId(std::string_view id);
// MAJOR.MINOR.PATCH, each a decimal number
bool isModuleVersion(std::string_view version);

} // namespace alignkiosk::plugin_host
