// The Alignkiosk-Modules header: what a collector says, what a laptop reads back, and every malformed value refused.
#include "collection/module_versions.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace alignkiosk::collection {
namespace {

TEST(ModuleVersions, RoundTripSortedById) {
    const ModuleVersions versions{{"stakeholder_mapping", "1.0.0"}, {"diagnostic_signs", "1.2.3"}};
    const std::string text = formatModuleVersions(versions);
    EXPECT_EQ(text, "diagnostic_signs=1.2.3,stakeholder_mapping=1.0.0");
    const ModuleVersionsParse parsed = parseModuleVersions(text);
    ASSERT_TRUE(parsed.ok()) << parsed.error;
    EXPECT_EQ(*parsed.versions, versions);
}

TEST(ModuleVersions, NoModulesIsTheEmptyText) {
    EXPECT_EQ(formatModuleVersions({}), "");
    const ModuleVersionsParse parsed = parseModuleVersions("");
    ASSERT_TRUE(parsed.ok());
    EXPECT_TRUE(parsed.versions->empty());
}

TEST(ModuleVersions, RefusesMalformedTextSayingWhere) {
    const struct {
        const char* text;
        const char* error;
    } cases[] = {
        {"diagnostic_signs", "a module without '=version' at character 1"},
        {"a=1,Bad=2", "a malformed module id at character 5"},
        {"a=", "a malformed version of module 'a' at character 1"},
        {"a=1 2", "a malformed version of module 'a'"},
        {"b=1,a=1", "module 'a' repeated or out of order at character 5"},
        {"a=1,a=2", "module 'a' repeated or out of order"},
        {"a=1,", "a trailing ','"},
        {",a=1", "a module without '=version' at character 1"},
        {"a=1=2", "a malformed version of module 'a'"},
    };
    for (const auto& c : cases) {
        const ModuleVersionsParse parsed = parseModuleVersions(c.text);
        EXPECT_FALSE(parsed.ok()) << c.text;
        EXPECT_NE(parsed.error.find(c.error), std::string::npos) << c.text << ": " << parsed.error;
    }
}

TEST(ModuleVersions, RefusesMoreThan64Modules) {
    ModuleVersions many;
    for (int i = 0; i < 65; ++i) many["m" + std::to_string(100 + i)] = "1.0.0";
    EXPECT_THROW(formatModuleVersions(many), std::invalid_argument);
    std::string text;
    for (const auto& [id, version] : many) text += (text.empty() ? "" : ",") + id + "=" + version;
    EXPECT_EQ(parseModuleVersions(text).error, "more than 64 modules");
}

TEST(ModuleVersions, FormatRefusesWhatTheHeaderCannotCarry) {
    EXPECT_THROW(formatModuleVersions({{"a", ""}}), std::invalid_argument);
    EXPECT_THROW(formatModuleVersions({{"a", "1,0"}}), std::invalid_argument);
    EXPECT_THROW(formatModuleVersions({{"A", "1"}}), std::invalid_argument);
    EXPECT_THROW(formatModuleVersions({{"a", std::string(33, '1')}}), std::invalid_argument);
}

TEST(ModuleVersions, MismatchesNameTheModuleAndBothVersions) {
    const ModuleVersions collection{{"a", "1.0.0"}, {"b", "2.0.0"}, {"c", "1.0.0"}};
    const ModuleVersions laptop{{"a", "1.0.0"}, {"b", "1.9.0"}, {"d", "5.0.0"}};
    const std::vector<std::string> mismatches = describeVersionMismatches(collection, laptop);
    ASSERT_EQ(mismatches.size(), 2u);
    EXPECT_EQ(mismatches[0], "module 'b' is version 1.9.0 on this laptop; the collection uses another version, 2.0.0");
    EXPECT_EQ(mismatches[1], "module 'c' (version 1.0.0) is not installed on this laptop");
    EXPECT_TRUE(describeVersionMismatches(collection, collection).empty());
}

} // namespace
} // namespace alignkiosk::collection
