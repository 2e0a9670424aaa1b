// The languages a survey may name, and what the attract screen's buttons call them.
#include "core/language_names.h"

#include <gtest/gtest.h>

namespace alignkiosk::core {
namespace {

TEST(LanguageNames, EachLanguageIsNamedInItself) {
    EXPECT_EQ(languageName("en"), "English");
    EXPECT_EQ(languageName("de"), "Deutsch");
    EXPECT_EQ(languageName("fr"), "Français");
    EXPECT_EQ(languageName("cs"), "Čeština");
}

TEST(LanguageNames, ARegionalTagIsItsLanguage) {
    EXPECT_TRUE(isKnownLanguage("de-CH"));
    EXPECT_EQ(languageName("de-CH"), "Deutsch");
    EXPECT_EQ(languageName("pt-BR"), "Português");
}

TEST(LanguageNames, AnUnknownCodeIsNotALanguageAndNamesItself) {
    EXPECT_FALSE(isKnownLanguage("xx"));
    EXPECT_FALSE(isKnownLanguage("english"));
    EXPECT_FALSE(isKnownLanguage(""));
    EXPECT_EQ(languageName("xx"), "xx");
}

} // namespace
} // namespace alignkiosk::core
