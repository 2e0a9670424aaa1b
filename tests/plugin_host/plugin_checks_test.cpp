// The refusal rules on hand-made structs, including the cases no fixture plugin needs to exist for.
#include "plugin_host/plugin_checks.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using namespace alignkiosk::plugin_host;
using testing::HasSubstr;

bool init(const alignkiosk_host_v1*) { return true; }
void deinit() {}
const void* getFactory(const char*) { return nullptr; }
uint32_t moduleCount() { return 1; }
const alignkiosk_module_descriptor_v1* descriptorAt(uint32_t) { return nullptr; }
bool validate(const char*, const alignkiosk_step_content_v1*, const alignkiosk_content_error_sink_v1*) { return true; }
alignkiosk_module_v1* create(const char*, const alignkiosk_step_content_v1*) { return nullptr; }
bool validateV2(const char*, const alignkiosk_step_content_v2*, const alignkiosk_content_error_sink_v1*) { return true; }
alignkiosk_module_v1* createV2(const char*, const alignkiosk_step_content_v2*) { return nullptr; }

const HostAbi kHost{1, 2, 18600};

alignkiosk_plugin_entry_v1 goodEntry() {
    return {sizeof(alignkiosk_plugin_entry_v1), 1, 2, 18600, init, deinit, getFactory};
}

TEST(PluginChecks, ThisHostSpeaksItsOwnHeader) {
    const HostAbi host = thisHostAbi();
    EXPECT_EQ(host.major, ALIGNKIOSK_ABI_MAJOR);
    EXPECT_EQ(host.minor, ALIGNKIOSK_ABI_MINOR);
    EXPECT_EQ(host.imguiVersionNum, ALIGNKIOSK_SDK_IMGUI_VERSION_NUM);
}

TEST(PluginChecks, AcceptsAMatchingEntry) {
    EXPECT_EQ(checkEntry(goodEntry(), kHost), std::nullopt);
    alignkiosk_plugin_entry_v1 older = goodEntry();
    older.abi_minor = 0;
    EXPECT_EQ(checkEntry(older, kHost), std::nullopt);
}

TEST(PluginChecks, RefusesEntries) {
    alignkiosk_plugin_entry_v1 entry = goodEntry();
    entry.struct_size = 8; // cannot even hold its versions
    EXPECT_THAT(checkEntry(entry, kHost).value_or(""), HasSubstr("entry struct too small (8 bytes"));

    entry = goodEntry();
    entry.struct_size = 12; // versions readable: another generation is named as such, not as "too small"
    entry.abi_major = 3;
    EXPECT_EQ(checkEntry(entry, kHost).value_or(""), "built for plugin ABI 3.x, this kiosk speaks 1.x");

    entry = goodEntry();
    entry.abi_major = 0;
    EXPECT_EQ(checkEntry(entry, kHost).value_or(""), "built for plugin ABI 0.x, this kiosk speaks 1.x");

    entry = goodEntry();
    entry.abi_minor = 3;
    EXPECT_THAT(checkEntry(entry, kHost).value_or(""),
                HasSubstr("built for plugin ABI 1.3, newer than this kiosk's 1.2"));

    entry = goodEntry();
    entry.struct_size = sizeof(alignkiosk_plugin_entry_v1) - 8;
    EXPECT_THAT(checkEntry(entry, kHost).value_or(""), HasSubstr("entry struct too small"));

    entry = goodEntry();
    entry.imgui_version_num = 18700;
    EXPECT_THAT(checkEntry(entry, kHost).value_or(""),
                HasSubstr("built against ImGui 18700 (IMGUI_VERSION_NUM), this kiosk uses ImGui 18600"));

    entry = goodEntry();
    entry.init = nullptr;
    EXPECT_EQ(checkEntry(entry, kHost).value_or(""), "entry is missing its init function");
    entry = goodEntry();
    entry.deinit = nullptr;
    EXPECT_EQ(checkEntry(entry, kHost).value_or(""), "entry is missing its deinit function");
    entry = goodEntry();
    entry.get_factory = nullptr;
    EXPECT_EQ(checkEntry(entry, kHost).value_or(""), "entry is missing its get_factory function");
}

TEST(PluginChecks, RefusesFactories) {
    EXPECT_THAT(checkFactory(nullptr).value_or(""), HasSubstr("no module factory"));
    alignkiosk_module_factory_v1 factory{sizeof(alignkiosk_module_factory_v1), moduleCount, descriptorAt, validate,
                                         create};
    EXPECT_EQ(checkFactory(&factory), std::nullopt);
    factory.validate_content = nullptr;
    EXPECT_THAT(checkFactory(&factory).value_or(""), HasSubstr("module factory is missing a function"));
    factory.validate_content = validate;
    factory.struct_size = 8;
    EXPECT_THAT(checkFactory(&factory).value_or(""), HasSubstr("module factory struct too small (8 bytes"));
}

TEST(PluginChecks, RefusesAbi13Factories) {
    EXPECT_THAT(checkFactoryV2(nullptr).value_or(""), HasSubstr("no module factory"));
    alignkiosk_module_factory_v2 factory{sizeof(alignkiosk_module_factory_v2), moduleCount, descriptorAt, validateV2,
                                         createV2};
    EXPECT_EQ(checkFactoryV2(&factory), std::nullopt);
    factory.create_module = nullptr;
    EXPECT_THAT(checkFactoryV2(&factory).value_or(""), HasSubstr("module factory is missing a function"));
    factory.create_module = createV2;
    factory.struct_size = 8;
    EXPECT_THAT(checkFactoryV2(&factory).value_or(""), HasSubstr("module factory struct too small (8 bytes"));
}

TEST(PluginChecks, RefusesDescriptors) {
    alignkiosk_module_descriptor_v1 descriptor{sizeof(alignkiosk_module_descriptor_v1), "focus", "2.0.1", "Focus",
                                               "", 1};
    EXPECT_EQ(checkDescriptor(&descriptor, 0), std::nullopt);

    EXPECT_EQ(checkDescriptor(nullptr, 2).value_or(""), "module descriptor 2 is NULL");
    auto with = [&](const char* id, const char* version) {
        alignkiosk_module_descriptor_v1 changed = descriptor;
        changed.id = id;
        changed.version = version;
        return checkDescriptor(&changed, 1).value_or("");
    };
    EXPECT_EQ(with(nullptr, "1.0.0"), "module descriptor 1 has no module id");
    EXPECT_EQ(with("", "1.0.0"), "module descriptor 1 has no module id");
    EXPECT_EQ(with("Focus-Area", "1.0.0"), "module id 'Focus-Area' is not lower_snake_case");
    EXPECT_THAT(with("focus", nullptr), HasSubstr("module 'focus' has version ''"));
    EXPECT_THAT(with("focus", "1.0"), HasSubstr("module 'focus' has version '1.0', expected MAJOR.MINOR.PATCH"));

    alignkiosk_module_descriptor_v1 small = descriptor;
    small.struct_size = 4;
    EXPECT_THAT(checkDescriptor(&small, 0).value_or(""), HasSubstr("module descriptor 0 struct too small"));
}

TEST(PluginChecks, ModuleIds) {
    EXPECT_TRUE(isModuleId("diagnostic_signs"));
    EXPECT_TRUE(isModuleId("focus2"));
    EXPECT_FALSE(isModuleId(""));
    EXPECT_FALSE(isModuleId("2focus"));
    EXPECT_FALSE(isModuleId("_focus"));
    EXPECT_FALSE(isModuleId("Focus"));
    EXPECT_FALSE(isModuleId("focus area"));
    EXPECT_FALSE(isModuleId("focus-area"));
}

TEST(PluginChecks, ModuleVersions) {
    EXPECT_TRUE(isModuleVersion("0.1.0"));
    EXPECT_TRUE(isModuleVersion("10.20.300"));
    for (const char* bad : {"", "1", "1.0", "1.0.0.0", "1..0", ".1.0", "1.0.", "a.b.c", "1.0.0-beta", "v1.0.0"})
        EXPECT_FALSE(isModuleVersion(bad)) << bad;
}

} // namespace
