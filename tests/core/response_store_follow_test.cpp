// Following a store: readNew() hands a reader the rows it has not read, without reading old ones, and changeToken()
// says cheaply whether there is anything to ask for.
#include "support/temp_dir.h"
#include "core/response_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace alignkiosk::core {
namespace {

namespace fs = std::filesystem;
using alignkiosk::test_support::TempDir;

ResponseStoreOptions fixedDate() {
    ResponseStoreOptions options;
    options.dateProvider = [] { return std::string("2026-11-22"); };
    return options;
}

// One participant of a two-step survey; `tag` makes the payload tell participants apart in the test.
Submission participant(int tag) {
    Submission submission;
    submission.surveyId = "team-pulse";
    submission.surveyVersion = 1;
    submission.responses = {{"signs", "diagnostic_signs", "1.0.0", "{\"tag\":" + std::to_string(tag) + "}"},
                            {"focus", "focus_assessment", "1.0.0", "{\"tag\":" + std::to_string(tag) + "}"}};
    return submission;
}

std::set<std::string> idsOf(const std::vector<StoredResponse>& rows) {
    std::set<std::string> ids;
    for (const StoredResponse& row : rows) ids.insert(row.id);
    return ids;
}

// Reads until up to date, `maxRows` at a time; fails the test on a start-over.
std::vector<StoredResponse> readAll(const ResponseStore& store, ReadCursor& cursor, std::size_t maxRows = 1000) {
    std::vector<StoredResponse> rows;
    for (int calls = 0; calls < 10000; ++calls) {
        NewRows batch = store.readNew(cursor, maxRows);
        EXPECT_FALSE(batch.startOver);
        EXPECT_LE(batch.rows.size(), maxRows);
        rows.insert(rows.end(), batch.rows.begin(), batch.rows.end());
        if (batch.upToDate) return rows;
    }
    ADD_FAILURE() << "readNew never came up to date";
    return rows;
}

TEST(ResponseStoreFollow, FirstReadReturnsEveryRowThenNothing) {
    auto store = ResponseStore::open(":memory:", fixedDate());
    for (int i = 0; i < 20; ++i) store.submit(participant(i));
    ReadCursor cursor;
    const std::vector<StoredResponse> rows = readAll(store, cursor);
    EXPECT_EQ(rows.size(), 40u);
    EXPECT_EQ(idsOf(rows), idsOf(store.responses()));
    const NewRows again = store.readNew(cursor, 1000);
    EXPECT_TRUE(again.rows.empty());
    EXPECT_TRUE(again.upToDate);
    EXPECT_FALSE(again.startOver);
}

TEST(ResponseStoreFollow, LaterReadsReturnOnlyWhatIsNew) {
    auto store = ResponseStore::open(":memory:", fixedDate());
    for (int i = 0; i < 10; ++i) store.submit(participant(i));
    ReadCursor cursor;
    const std::set<std::string> before = idsOf(readAll(store, cursor));
    store.submit(participant(99));
    const std::vector<StoredResponse> fresh = readAll(store, cursor);
    ASSERT_EQ(fresh.size(), 2u);
    for (const StoredResponse& row : fresh) {
        EXPECT_EQ(before.count(row.id), 0u);
        EXPECT_EQ(row.payload, "{\"tag\":99}");
    }
}

TEST(ResponseStoreFollow, SmallPagesTogetherReturnEveryRowOnce) {
    auto store = ResponseStore::open(":memory:", fixedDate());
    for (int i = 0; i < 25; ++i) store.submit(participant(i)); // 50 rows, one class of 64 slots
    ReadCursor cursor;
    const std::vector<StoredResponse> rows = readAll(store, cursor, 7);
    EXPECT_EQ(rows.size(), 50u);
    EXPECT_EQ(idsOf(rows).size(), 50u);
}

TEST(ResponseStoreFollow, ManyNewRowsInOneChunkAreReadAsARange) {
    auto store = ResponseStore::open(":memory:", fixedDate());
    std::vector<Submission> many;
    for (int i = 0; i < 600; ++i) many.push_back(participant(i)); // 1200 rows: a chunk with far more than 64 new
    store.submitAll(many);
    ReadCursor cursor;
    const std::vector<StoredResponse> rows = readAll(store, cursor, 5000);
    EXPECT_EQ(rows.size(), 1200u);
    EXPECT_EQ(idsOf(rows), idsOf(store.responses()));
}

TEST(ResponseStoreFollow, AClassThatGrowsMakesTheReaderStartOver) {
    auto store = ResponseStore::open(":memory:", fixedDate());
    for (int i = 0; i < 20; ++i) store.submit(participant(i)); // 40 of 64 slots
    ReadCursor cursor;
    readAll(store, cursor);
    for (int i = 20; i < 40; ++i) store.submit(participant(i)); // past 9/10 of 64: the class grows, rows dealt again
    const NewRows batch = store.readNew(cursor, 1000);
    EXPECT_TRUE(batch.startOver);
    EXPECT_TRUE(batch.rows.empty());
    const std::vector<StoredResponse> rows = readAll(store, cursor);
    EXPECT_EQ(rows.size(), 80u);
    EXPECT_EQ(idsOf(rows), idsOf(store.responses()));
}

TEST(ResponseStoreFollow, ChangeTokenMovesWithEveryWriteAndOnlyThen) {
    TempDir dir;
    const fs::path path = dir.path() / "store.sqlite3";
    auto reader = ResponseStore::open(path, fixedDate());
    auto writer = ResponseStore::open(path, fixedDate());
    const uint64_t start = reader.changeToken();
    EXPECT_EQ(reader.changeToken(), start);
    reader.count();
    reader.responses();
    EXPECT_EQ(reader.changeToken(), start) << "reading is not a change";

    writer.submit(participant(1)); // another connection
    const uint64_t afterOther = reader.changeToken();
    EXPECT_NE(afterOther, start);
    reader.submit(participant(2)); // this one
    EXPECT_NE(reader.changeToken(), afterOther);
}

TEST(ResponseStoreFollow, AnotherConnectionsAnswersAreFound) {
    TempDir dir;
    const fs::path path = dir.path() / "store.sqlite3";
    auto reader = ResponseStore::open(path, fixedDate());
    auto writer = ResponseStore::open(path, fixedDate());
    ReadCursor cursor;
    EXPECT_TRUE(readAll(reader, cursor).empty());
    writer.submit(participant(7));
    const std::vector<StoredResponse> rows = readAll(reader, cursor);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].payload, "{\"tag\":7}");
}

TEST(ResponseStoreFollow, ASchemaVersion3StoreGetsItsSlotMapWhenOpened) {
    TempDir dir;
    const fs::path path = dir.path() / "store.sqlite3";
    std::set<std::string> ids;
    {
        auto store = ResponseStore::open(path, fixedDate());
        for (int i = 0; i < 30; ++i) store.submit(participant(i));
        ids = idsOf(store.responses());
    }
    // Back to version 3 as an older program left it: no slot map (and none of the later versions' tables).
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw, "DROP TABLE slot_map; DROP TABLE delivered_set; DROP TABLE delivered_buckets; "
                                "PRAGMA user_version = 3",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(raw);

    auto store = ResponseStore::open(path, fixedDate());
    EXPECT_EQ(store.settings().schemaVersion, ResponseStore::kSchemaVersion);
    ReadCursor cursor;
    EXPECT_EQ(idsOf(readAll(store, cursor)), ids);
}

TEST(ResponseStoreFollow, ASlotMapThatNamesAFreeSlotIsReportedAsDamage) {
    TempDir dir;
    const fs::path path = dir.path() / "store.sqlite3";
    { auto store = ResponseStore::open(path, fixedDate()); store.submit(participant(1)); }
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
    // Every bit of the first chunk set, though only two of its 64 slots are used.
    const std::string allSet = "UPDATE slot_map SET bits = x'" + std::string(1024, 'f') + "' WHERE chunk = 0";
    ASSERT_EQ(sqlite3_exec(raw, allSet.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(raw);

    auto store = ResponseStore::open(path, fixedDate());
    ReadCursor cursor;
    try {
        store.readNew(cursor, 1000);
        FAIL() << "expected StoreError";
    } catch (const StoreError& error) {
        EXPECT_NE(std::string(error.what()).find("damaged"), std::string::npos) << error.what();
        EXPECT_NE(std::string(error.what()).find(path.string()), std::string::npos) << error.what();
    }
}

} // namespace
} // namespace alignkiosk::core
