// The quarantine list: its text form, and its life in a real store's settings (on disk, across reopening).
#include "core/module_quarantine.h"

#include "core/response_store.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

namespace alignkiosk::core {
namespace {

using test_support::TempDir;

TEST(ModuleQuarantine, TextRoundTripsAndSkipsWhatItCannotRead) {
    const std::vector<QuarantinedModule> modules = {{"focus_assessment", "SIGSEGV", "draw_page"},
                                                    {"stakeholder_mapping", "SIGABRT", ""}};
    const std::string text = formatQuarantine(modules);
    EXPECT_EQ(text, "focus_assessment\tSIGSEGV\tdraw_page\nstakeholder_mapping\tSIGABRT\t\n");
    EXPECT_EQ(parseQuarantine(text), modules);
    EXPECT_EQ(parseQuarantine("\n\t\tdraw_page\nonly_id\nonly_id\tSIGBUS\tinit\n"),
              (std::vector<QuarantinedModule>{{"only_id", "", ""}}));
    EXPECT_TRUE(parseQuarantine("").empty());
    // A field cannot break the line it is written on.
    EXPECT_EQ(parseQuarantine(formatQuarantine({{"a", "SIG\tX", "two\nlines"}})),
              (std::vector<QuarantinedModule>{{"a", "SIG X", "two lines"}}));
}

TEST(ModuleQuarantine, KeptInTheStoreUntilReleased) {
    const TempDir dir;
    const auto path = dir.path() / "store.sqlite3";
    {
        ResponseStore store = ResponseStore::open(path);
        EXPECT_TRUE(loadQuarantine(store).empty());
        addToQuarantine(store, {"focus_assessment", "SIGSEGV", "draw_page"});
        addToQuarantine(store, {"diagnostic_signs", "SIGBUS", "draw_panel"});
        addToQuarantine(store, {"focus_assessment", "SIGABRT", "write_answer"}); // the latest crash replaces it
    }
    ResponseStore store = ResponseStore::open(path);
    const std::vector<QuarantinedModule> kept = {{"diagnostic_signs", "SIGBUS", "draw_panel"},
                                                 {"focus_assessment", "SIGABRT", "write_answer"}};
    EXPECT_EQ(loadQuarantine(store), kept);
    releaseFromQuarantine(store, "focus_assessment");
    releaseFromQuarantine(store, "never_listed");
    EXPECT_EQ(loadQuarantine(store), (std::vector<QuarantinedModule>{{"diagnostic_signs", "SIGBUS", "draw_panel"}}));
    releaseFromQuarantine(store, "diagnostic_signs");
    EXPECT_TRUE(loadQuarantine(store).empty());
    EXPECT_EQ(store.count(), 0u) << "the quarantine is a setting, never a response";
}

} // namespace
} // namespace alignkiosk::core
