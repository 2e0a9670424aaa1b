// The report's paper from the locale: Letter for US and Canadian English, A4 for everything else, LC_ALL before
// LC_PAPER before LANG.
#include "report/paper_size.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace {

using alignkiosk::report::paperForLocale;

std::string paperFor(std::map<std::string, std::string> environment) {
    return paperForLocale([&](const char* name) -> const char* {
               const auto found = environment.find(name);
               return found == environment.end() ? nullptr : found->second.c_str();
           }).name;
}

TEST(PaperSize, LetterOnlyForUsAndCanadianEnglish) {
    EXPECT_EQ(paperFor({{"LANG", "en_US.UTF-8"}}), "Letter");
    EXPECT_EQ(paperFor({{"LANG", "en_CA"}}), "Letter");
    EXPECT_EQ(paperFor({{"LANG", "en_US@euro"}}), "Letter");
    EXPECT_EQ(paperFor({{"LANG", "en_GB.UTF-8"}}), "A4");
    EXPECT_EQ(paperFor({{"LANG", "de_DE.UTF-8"}}), "A4");
    EXPECT_EQ(paperFor({{"LANG", "fr_CA.UTF-8"}}), "A4");
    EXPECT_EQ(paperFor({{"LANG", "C.UTF-8"}}), "A4");
    EXPECT_EQ(paperFor({}), "A4");
}

TEST(PaperSize, LcAllBeforeLcPaperBeforeLang) {
    EXPECT_EQ(paperFor({{"LC_ALL", "de_DE.UTF-8"}, {"LC_PAPER", "en_US.UTF-8"}, {"LANG", "en_US.UTF-8"}}), "A4");
    EXPECT_EQ(paperFor({{"LC_PAPER", "en_US.UTF-8"}, {"LANG", "de_DE.UTF-8"}}), "Letter");
    EXPECT_EQ(paperFor({{"LC_ALL", ""}, {"LC_PAPER", "de_AT"}, {"LANG", "en_US.UTF-8"}}), "A4");
}

TEST(PaperSize, SizesInPoints) {
    const auto a4 = alignkiosk::report::a4();
    EXPECT_NEAR(a4.width, 210.0 / 25.4 * 72.0, 0.01);
    EXPECT_NEAR(a4.height, 297.0 / 25.4 * 72.0, 0.01);
    const auto letter = alignkiosk::report::letter();
    EXPECT_DOUBLE_EQ(letter.width, 8.5 * 72.0);
    EXPECT_DOUBLE_EQ(letter.height, 11.0 * 72.0);
}

} // namespace
