// ResponseStore on ":memory:" and on files in a private temporary directory.
#include "support/private_mounts.h"
#include "support/temp_dir.h"
#include "core/response_store.h"
#include "core/store_growth.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <sched.h>
#include <stdlib.h>
#include <sys/mount.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <functional>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <regex>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

namespace alignkiosk::core {
namespace {

namespace fs = std::filesystem;

using alignkiosk::test_support::inPrivateMounts;
using alignkiosk::test_support::TempDir;

// A plain sqlite3 connection, to look at the file the way another tool would.
class RawDatabase {
public:
    explicit RawDatabase(const fs::path& path, int flags = SQLITE_OPEN_READONLY) {
        if (sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr) != SQLITE_OK)
            throw std::runtime_error(std::string("raw open failed: ") + sqlite3_errmsg(m_db));
    }
    RawDatabase(const RawDatabase&) = delete;
    RawDatabase& operator=(const RawDatabase&) = delete;
    ~RawDatabase() { sqlite3_close_v2(m_db); }

    // Every row of a query, its columns joined with '|'.
    std::vector<std::string> rows(const std::string& sql) const {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK)
            throw std::runtime_error(sql + ": " + sqlite3_errmsg(m_db));
        std::vector<std::string> result;
        while (sqlite3_step(statement) == SQLITE_ROW) {
            std::string row;
            for (int column = 0; column < sqlite3_column_count(statement); ++column) {
                const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
                row += (column ? "|" : "") + std::string(text ? text : "NULL");
            }
            result.push_back(row);
        }
        sqlite3_finalize(statement);
        return result;
    }
    std::string value(const std::string& sql) const {
        auto all = rows(sql);
        return all.empty() ? std::string() : all.front();
    }
    bool prepares(const std::string& sql) const {
        sqlite3_stmt* statement = nullptr;
        const int rc = sqlite3_prepare_v2(m_db, sql.c_str(), -1, &statement, nullptr);
        sqlite3_finalize(statement);
        return rc == SQLITE_OK;
    }
    void exec(const std::string& sql) const {
        char* message = nullptr;
        if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
            std::string reason = message ? message : "";
            sqlite3_free(message);
            throw std::runtime_error(sql + ": " + reason);
        }
    }

private:
    sqlite3* m_db = nullptr;
};

std::string readBytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::set<std::string> directoryEntries(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) names.insert(entry.path().filename().string());
    return names;
}

ResponseStoreOptions fixedDate(std::string date = "2026-11-22") {
    ResponseStoreOptions options;
    options.dateProvider = [date] { return date; };
    return options;
}

Submission pulse(std::optional<std::string> team = "Marketing") {
    Submission submission;
    submission.surveyId = "team-pulse";
    submission.surveyVersion = 3;
    submission.team = std::move(team);
    submission.responses = {
        {"signs", "diagnostic_signs", "1.2.0", R"({"q1":4,"q2":"often"})"},
        {"stakeholders", "stakeholder_map", "0.9.1", R"({"customers":{"power":3,"interest":5}})"},
        {"focus", "focus_assessment", "2.0.0", R"({"allocation":{"growth":60,"care":40}})"},
    };
    return submission;
}

Submission singleStep(const std::string& surveyId, const std::string& stepId, const std::string& payload = "{}") {
    Submission submission;
    submission.surveyId = surveyId;
    submission.surveyVersion = 1;
    submission.responses = {{stepId, "diagnostic_signs", "1.0.0", payload}};
    return submission;
}

const StoredResponse* findStep(const std::vector<StoredResponse>& rows, const std::string& stepId) {
    auto it = std::find_if(rows.begin(), rows.end(), [&](const StoredResponse& row) { return row.stepId == stepId; });
    return it == rows.end() ? nullptr : &*it;
}

class ResponseStoreTest : public ::testing::Test {
protected:
    fs::path dbPath() const { return m_dir.path() / "responses.sqlite3"; }
    TempDir m_dir;
};

// [SECTION] Opening and settings

TEST(ResponseStore, OpensInMemoryWithCurrentSchema) {
    auto store = ResponseStore::open(":memory:");
    const auto settings = store.settings();
    EXPECT_EQ(settings.schemaVersion, ResponseStore::kSchemaVersion);
    EXPECT_EQ(settings.schemaVersion, 5u);
    EXPECT_TRUE(settings.foreignKeys);
    EXPECT_EQ(settings.busyTimeoutMs, 5000);
    EXPECT_EQ(settings.synchronous, 2); // FULL
    EXPECT_EQ(store.count(), 0u);
    EXPECT_TRUE(store.responses().empty());
}

TEST_F(ResponseStoreTest, FileStoreUsesATruncatedRollbackJournalAndFullSync) {
    auto store = ResponseStore::open(dbPath());
    const auto settings = store.settings();
    EXPECT_EQ(settings.journalMode, "truncate");
    EXPECT_EQ(settings.synchronous, 2); // FULL
    EXPECT_TRUE(settings.foreignKeys);
    EXPECT_EQ(settings.busyTimeoutMs, 5000);

    // No WAL (a log in commit order): the file says so to another connection too.
    RawDatabase raw(dbPath());
    EXPECT_NE(raw.value("PRAGMA journal_mode"), "wal");
    EXPECT_EQ(raw.value("PRAGMA user_version"), "5");
    store.submit(pulse());
    EXPECT_FALSE(fs::exists(dbPath().string() + "-wal"));
    EXPECT_FALSE(fs::exists(dbPath().string() + "-shm"));
    EXPECT_EQ(fs::file_size(dbPath().string() + "-journal"), 0u);
    EXPECT_EQ(store.path(), dbPath());
}

TEST_F(ResponseStoreTest, BusyTimeoutComesFromOptions) {
    ResponseStoreOptions options;
    options.busyTimeout = std::chrono::milliseconds(1234);
    auto store = ResponseStore::open(dbPath(), options);
    EXPECT_EQ(store.settings().busyTimeoutMs, 1234);
}

TEST_F(ResponseStoreTest, SchemaHasOnlyTheAnonymousColumns) {
    { auto store = ResponseStore::open(dbPath()); }
    RawDatabase raw(dbPath());
    // What a reader sees: name|type (a view's columns carry no declared type)
    EXPECT_EQ(raw.rows("SELECT name FROM pragma_table_info('responses') ORDER BY cid"),
              (std::vector<std::string>{"id", "survey_id", "survey_version", "step_id", "module_id", "module_version",
                                        "team", "session_date", "payload"}));
    // What is stored: a slot number, a flag and a fixed-size body; no rowid beyond the slot, no time, no identity.
    EXPECT_EQ(raw.rows("SELECT name, type, \"notnull\", pk FROM pragma_table_info('answer_slots') ORDER BY cid"),
              (std::vector<std::string>{"slot|INTEGER|1|1", "used|INTEGER|1|0", "body|BLOB|1|0"}));
    EXPECT_EQ(raw.rows("SELECT name, type, \"notnull\", pk FROM pragma_table_info('slot_classes') ORDER BY cid"),
              (std::vector<std::string>{"class|INTEGER|1|1", "capacity|INTEGER|1|0", "used|INTEGER|1|0"}));
    // Which slots are used, a bit per slot: no more than the `used` column says.
    EXPECT_EQ(raw.rows("SELECT name, type, \"notnull\", pk FROM pragma_table_info('slot_map') ORDER BY cid"),
              (std::vector<std::string>{"chunk|INTEGER|1|1", "bits|BLOB|1|0"}));
    // The submission ids a collector took: a hashing key and counts, and fixed-size buckets of digests. No time, no
    // column that names a row.
    EXPECT_EQ(raw.rows("SELECT name, type, \"notnull\", pk FROM pragma_table_info('delivered_set') ORDER BY cid"),
              (std::vector<std::string>{"one|INTEGER|1|1", "hash_key|BLOB|1|0", "buckets|INTEGER|1|0",
                                        "used|INTEGER|1|0"}));
    EXPECT_EQ(raw.rows("SELECT name, type, \"notnull\", pk FROM pragma_table_info('delivered_buckets') ORDER BY cid"),
              (std::vector<std::string>{"bucket|INTEGER|1|1", "ids|BLOB|1|0"}));
    // The kiosk's settings: a key and a text, nothing that could point at a participant or a time.
    EXPECT_EQ(raw.rows("SELECT name, type, \"notnull\", pk FROM pragma_table_info('settings') ORDER BY cid"),
              (std::vector<std::string>{"key|TEXT|1|1", "value|TEXT|1|0"}));
    // Nothing else in the file: no other table, no sqlite_sequence (no AUTOINCREMENT), no trigger, no index.
    EXPECT_EQ(raw.rows("SELECT type, name FROM sqlite_master ORDER BY name"),
              (std::vector<std::string>{"table|answer_slots", "table|delivered_buckets", "table|delivered_set",
                                        "view|responses", "table|settings", "table|slot_classes", "table|slot_map"}));
    EXPECT_EQ(raw.value("SELECT strict FROM pragma_table_list WHERE name = 'answer_slots'"), "1");
    EXPECT_EQ(raw.value("SELECT strict FROM pragma_table_list WHERE name = 'settings'"), "1");
}

TEST_F(ResponseStoreTest, CreatesMissingParentDirectoriesOnlyWhenAskedTo) {
    const fs::path path = m_dir.path() / "a" / "b" / "c" / "responses.sqlite3";
    try {
        ResponseStore::open(path, fixedDate());
        FAIL() << "expected StoreError";
    } catch (const StoreError& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find(path.string()), std::string::npos) << message;
        EXPECT_NE(message.find("does not exist"), std::string::npos) << message;
    }
    EXPECT_FALSE(fs::exists(m_dir.path() / "a"));

    ResponseStoreOptions options = fixedDate();
    options.createParentDirectories = true;
    {
        auto store = ResponseStore::open(path, options);
        store.submit(pulse());
    }
    EXPECT_TRUE(fs::is_regular_file(path));
    EXPECT_EQ(ResponseStore::open(path).count(), 3u);
}

TEST_F(ResponseStoreTest, UnopenablePathIsReportedWithPathAndReason) {
    writeBytes(m_dir.path() / "not-a-dir", "x");
    const fs::path path = m_dir.path() / "not-a-dir" / "responses.sqlite3";
    try {
        ResponseStore::open(path);
        FAIL() << "expected StoreError";
    } catch (const StoreError& error) {
        EXPECT_NE(std::string(error.what()).find(path.string()), std::string::npos) << error.what();
    }
}

TEST_F(ResponseStoreTest, ReopeningKeepsData) {
    std::vector<StoredResponse> before;
    {
        auto store = ResponseStore::open(dbPath(), fixedDate());
        store.submit(pulse());
        store.submit(pulse(std::nullopt));
        before = store.responses();
    }
    auto reopened = ResponseStore::open(dbPath());
    EXPECT_EQ(reopened.settings().schemaVersion, 5u);
    EXPECT_EQ(reopened.responses(), before);
    EXPECT_EQ(before.size(), 6u);
}

TEST_F(ResponseStoreTest, TwoStoresOnOneFileSeeEachOthersAnswers) {
    auto kiosk = ResponseStore::open(dbPath(), fixedDate());
    auto dashboard = ResponseStore::open(dbPath());
    kiosk.submit(pulse());
    EXPECT_EQ(dashboard.count(), 3u);
    dashboard.submit(singleStep("other", "s1"));
    EXPECT_EQ(kiosk.count(), 4u);
}

TEST(ResponseStore, IsMovableNotCopyable) {
    static_assert(!std::is_copy_constructible_v<ResponseStore>);
    static_assert(!std::is_copy_assignable_v<ResponseStore>);
    static_assert(std::is_nothrow_move_constructible_v<ResponseStore>);
    static_assert(std::is_nothrow_move_assignable_v<ResponseStore>);

    auto first = ResponseStore::open(":memory:", fixedDate());
    first.submit(pulse());
    ResponseStore second = std::move(first);
    EXPECT_EQ(second.count(), 3u);
    auto third = ResponseStore::open(":memory:");
    third = std::move(second);
    EXPECT_EQ(third.count(), 3u);
    third.submit(pulse());
    EXPECT_EQ(third.count(), 6u);
}

// [SECTION] Submitting and reading

TEST(ResponseStore, SubmissionRoundTrips) {
    auto store = ResponseStore::open(":memory:", fixedDate("2026-11-22"));
    const Submission submission = pulse("Marketing");
    store.submit(submission);

    const auto rows = store.responses();
    ASSERT_EQ(rows.size(), 3u);
    for (const ResponseDraft& draft : submission.responses) {
        const StoredResponse* row = findStep(rows, draft.stepId);
        ASSERT_NE(row, nullptr) << draft.stepId;
        EXPECT_EQ(row->surveyId, "team-pulse");
        EXPECT_EQ(row->surveyVersion, 3u);
        EXPECT_EQ(row->moduleId, draft.moduleId);
        EXPECT_EQ(row->moduleVersion, draft.moduleVersion);
        EXPECT_EQ(row->team, std::optional<std::string>("Marketing"));
        EXPECT_EQ(row->sessionDate, "2026-11-22");
        EXPECT_EQ(row->payload, draft.payload);
    }
    EXPECT_EQ(store.count(), 3u);
    EXPECT_EQ(store.count("team-pulse"), 3u);
}

TEST(ResponseStore, TeamIsOptional) {
    auto store = ResponseStore::open(":memory:", fixedDate());
    store.submit(pulse(std::nullopt));
    for (const auto& row : store.responses()) EXPECT_FALSE(row.team.has_value()) << row.stepId;
}

TEST(ResponseStore, SurveyVersionKeepsItsFullRange) {
    auto store = ResponseStore::open(":memory:", fixedDate());
    Submission submission = singleStep("s", "step");
    submission.surveyVersion = UINT32_MAX;
    store.submit(submission);
    EXPECT_EQ(store.responses().at(0).surveyVersion, UINT32_MAX);
}

TEST(ResponseStore, PayloadTextIsKeptExactly) {
    auto store = ResponseStore::open(":memory:", fixedDate());
    const std::string payload = "{\n  \"text\": \"Ünïcödé, \\\"quotes\\\" and \\u0000\",\n  \"n\": 1.50 }";
    store.submit(singleStep("s", "step", payload));
    EXPECT_EQ(store.responses().at(0).payload, payload);
}

TEST(ResponseStore, IdsAre32LowercaseHexAndUnique) {
    auto store = ResponseStore::open(":memory:", fixedDate());
    for (int i = 0; i < 50; ++i) store.submit(pulse());
    const auto rows = store.responses();
    ASSERT_EQ(rows.size(), 150u);
    const std::regex hex("^[0-9a-f]{32}$");
    std::set<std::string> ids;
    for (const auto& row : rows) {
        EXPECT_TRUE(std::regex_match(row.id, hex)) << row.id;
        ids.insert(row.id);
    }
    EXPECT_EQ(ids.size(), rows.size());
}

TEST(ResponseStore, SessionDateIsTheLocalDateWithoutTime) {
    auto store = ResponseStore::open(":memory:"); // default clock
    const std::string before = localDateToday();
    store.submit(pulse());
    const std::string after = localDateToday();
    const std::regex dateOnly("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    EXPECT_TRUE(std::regex_match(before, dateOnly)) << before;
    for (const auto& row : store.responses()) {
        EXPECT_TRUE(std::regex_match(row.sessionDate, dateOnly)) << row.sessionDate;
        EXPECT_TRUE(row.sessionDate == before || row.sessionDate == after) << row.sessionDate;
    }
}

TEST(ResponseStore, DateProviderMustGiveADate) {
    for (const std::string bad : {"2026-11-22T09:15:00", "2026-11-22 09:15", "2026-02-30", "22.11.2026", "", "2026-1-2"}) {
        auto store = ResponseStore::open(":memory:", fixedDate(bad));
        EXPECT_THROW(store.submit(pulse()), StoreError) << bad;
        EXPECT_EQ(store.count(), 0u) << bad;
    }
    auto leap = ResponseStore::open(":memory:", fixedDate("2028-02-29"));
    EXPECT_NO_THROW(leap.submit(pulse()));
}

TEST(ResponseStore, BadInputIsRefusedWithoutWriting) {
    auto store = ResponseStore::open(":memory:", fixedDate());
    store.submit(pulse());
    ASSERT_EQ(store.count(), 3u);

    struct Case {
        const char* name;
        std::function<void(Submission&)> breakIt;
    };
    const std::vector<Case> cases = {
        {"empty survey id", [](Submission& s) { s.surveyId.clear(); }},
        {"no responses", [](Submission& s) { s.responses.clear(); }},
        {"empty team", [](Submission& s) { s.team = ""; }},
        {"empty step id", [](Submission& s) { s.responses[2].stepId.clear(); }},
        {"empty module id", [](Submission& s) { s.responses[2].moduleId.clear(); }},
        {"empty module version", [](Submission& s) { s.responses[2].moduleVersion.clear(); }},
        {"empty payload", [](Submission& s) { s.responses[2].payload.clear(); }},
        {"payload not JSON", [](Submission& s) { s.responses[2].payload = "{\"q1\": 4"; }},
        {"duplicate step", [](Submission& s) { s.responses[2].stepId = s.responses[0].stepId; }},
    };
    for (const Case& c : cases) {
        Submission submission = pulse();
        c.breakIt(submission);
        EXPECT_THROW(store.submit(submission), StoreError) << c.name;
        EXPECT_EQ(store.count(), 3u) << c.name;
    }
    store.submit(pulse()); // still usable
    EXPECT_EQ(store.count(), 6u);
}

TEST_F(ResponseStoreTest, FailureHalfwayThroughStoresNothing) {
    {
        auto store = ResponseStore::open(dbPath(), fixedDate());
        store.submit(pulse());
    }
    // Make the database itself refuse the second row, after the first one was written in the same transaction.
    RawDatabase(dbPath(), SQLITE_OPEN_READWRITE)
        .exec("CREATE TRIGGER refuse_boom BEFORE UPDATE ON answer_slots WHEN instr(NEW.body, CAST('\"boom\"' AS BLOB)) "
              "BEGIN SELECT RAISE(ABORT, 'injected failure'); END");

    auto store = ResponseStore::open(dbPath(), fixedDate());
    Submission submission = pulse();
    submission.responses[1].stepId = "boom";
    try {
        store.submit(submission);
        FAIL() << "expected StoreError";
    } catch (const StoreError& error) {
        EXPECT_NE(std::string(error.what()).find("injected failure"), std::string::npos) << error.what();
    }
    EXPECT_EQ(store.count(), 3u);
    EXPECT_EQ(findStep(store.responses(), "boom"), nullptr);
    EXPECT_EQ(RawDatabase(dbPath()).value("SELECT count(*) FROM answer_slots WHERE used = 1"), "3");

    // The failed transaction was rolled back, not left open: the next submission commits normally.
    store.submit(pulse());
    EXPECT_EQ(RawDatabase(dbPath()).value("SELECT count(*) FROM answer_slots WHERE used = 1"), "6");
}

TEST(ResponseStore, ReadOrderIsNotInsertionOrder) {
    auto store = ResponseStore::open(":memory:", fixedDate());
    std::vector<std::string> inserted;
    for (int i = 0; i < 200; ++i) {
        char stepId[16];
        std::snprintf(stepId, sizeof stepId, "step-%03d", i);
        inserted.push_back(stepId);
        store.submit(singleStep("order", stepId));
    }
    const auto rows = store.responses();
    ASSERT_EQ(rows.size(), 200u);
    std::vector<std::string> read;
    std::vector<std::string> ids;
    for (const auto& row : rows) {
        read.push_back(row.stepId);
        ids.push_back(row.id);
    }
    EXPECT_NE(read, inserted);
    std::vector<std::string> reversed(inserted.rbegin(), inserted.rend());
    EXPECT_NE(read, reversed);
    EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end())); // ordered by the random id
    EXPECT_EQ(std::set<std::string>(read.begin(), read.end()), std::set<std::string>(inserted.begin(), inserted.end()));
}

TEST(ResponseStore, FiltersBySurvey) {
    auto store = ResponseStore::open(":memory:", fixedDate());
    store.submit(pulse());
    store.submit(singleStep("other", "s1"));
    store.submit(singleStep("other", "s1"));
    EXPECT_EQ(store.count(), 5u);
    EXPECT_EQ(store.count("team-pulse"), 3u);
    EXPECT_EQ(store.count("other"), 2u);
    EXPECT_EQ(store.count("missing"), 0u);
    const auto other = store.responses("other");
    ASSERT_EQ(other.size(), 2u);
    for (const auto& row : other) EXPECT_EQ(row.surveyId, "other");
    EXPECT_TRUE(std::is_sorted(other.begin(), other.end(),
                               [](const StoredResponse& a, const StoredResponse& b) { return a.id < b.id; }));
    EXPECT_TRUE(store.responses("missing").empty());
}

// [SECTION] Settings

TEST(ResponseStore, SettingsRoundTrip) {
    auto store = ResponseStore::open(":memory:", fixedDate());
    EXPECT_EQ(store.setting("facilitator_pin_hash"), std::nullopt);
    store.setSetting("facilitator_pin_hash", "$argon2id$first");
    EXPECT_EQ(store.setting("facilitator_pin_hash"), std::optional<std::string>("$argon2id$first"));
    store.setSetting("facilitator_pin_hash", "$argon2id$second"); // replaces, never a second row
    EXPECT_EQ(store.setting("facilitator_pin_hash"), std::optional<std::string>("$argon2id$second"));
    store.setSetting("language", "");
    EXPECT_EQ(store.setting("language"), std::optional<std::string>(""));
    store.setSetting("motto", "Ünïcödé ✓");
    EXPECT_EQ(store.setting("motto"), std::optional<std::string>("Ünïcödé ✓"));
    EXPECT_EQ(store.setting("Motto"), std::nullopt); // keys are exact
    // Settings are not answers.
    EXPECT_EQ(store.count(), 0u);
    store.submit(pulse());
    EXPECT_EQ(store.count(), 3u);
    EXPECT_EQ(store.setting("facilitator_pin_hash"), std::optional<std::string>("$argon2id$second"));
}

TEST(ResponseStore, BadSettingsAreRefusedWithoutWriting) {
    auto store = ResponseStore::open(":memory:");
    store.setSetting("k", "kept");
    EXPECT_THROW(store.setSetting("", "x"), StoreError);
    EXPECT_THROW(store.setSetting(std::string("k\0x", 3), "x"), StoreError);
    EXPECT_THROW(store.setSetting("k", std::string("a\0b", 3)), StoreError);
    EXPECT_EQ(store.setting("k"), std::optional<std::string>("kept"));
    EXPECT_EQ(store.setting(""), std::nullopt);
}

TEST_F(ResponseStoreTest, SettingsAreDurableAndSharedBetweenStores) {
    {
        auto kiosk = ResponseStore::open(dbPath());
        auto dashboard = ResponseStore::open(dbPath());
        kiosk.setSetting("facilitator_pin_hash", "$argon2id$abc");
        EXPECT_EQ(dashboard.setting("facilitator_pin_hash"), std::optional<std::string>("$argon2id$abc"));
    }
    EXPECT_EQ(ResponseStore::open(dbPath()).setting("facilitator_pin_hash"),
              std::optional<std::string>("$argon2id$abc"));
    EXPECT_EQ(RawDatabase(dbPath()).rows("SELECT key, value FROM settings"),
              (std::vector<std::string>{"facilitator_pin_hash|$argon2id$abc"}));
}

// [SECTION] Migrations

// The v1 schema exactly as alignkiosk 0.1.0 wrote it (a published migration is never edited).
constexpr const char* kVersion1Schema = R"sql(
CREATE TABLE responses (
    id             TEXT    NOT NULL PRIMARY KEY CHECK (length(id) = 32 AND id NOT GLOB '*[^0-9a-f]*'),
    survey_id      TEXT    NOT NULL CHECK (survey_id <> ''),
    survey_version INTEGER NOT NULL CHECK (survey_version BETWEEN 0 AND 4294967295),
    step_id        TEXT    NOT NULL CHECK (step_id <> ''),
    module_id      TEXT    NOT NULL CHECK (module_id <> ''),
    module_version TEXT    NOT NULL CHECK (module_version <> ''),
    team           TEXT    NULL     CHECK (team <> ''),
    session_date   TEXT    NOT NULL CHECK (session_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    payload        TEXT    NOT NULL CHECK (json_valid(payload))
) STRICT, WITHOUT ROWID;
CREATE INDEX responses_by_survey ON responses (survey_id);
PRAGMA user_version = 1;
PRAGMA application_id = 1097616243;
)sql";

TEST_F(ResponseStoreTest, Version1DatabaseMigratesToTheCurrentSchemaKeepingEveryResponse) {
    {
        RawDatabase v1(dbPath(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        v1.exec(kVersion1Schema);
        v1.exec("INSERT INTO responses VALUES "
                "('0123456789abcdef0123456789abcdef', 'team-pulse', 3, 'signs', 'diagnostic_signs', '1.2.0', "
                "'Marketing', '2026-11-20', '{\"q1\":4}'), "
                "('fedcba9876543210fedcba9876543210', 'team-pulse', 3, 'focus', 'focus_assessment', '2.0.0', "
                "NULL, '2026-11-21', '{\"allocation\":{\"growth\":60}}'), "
                "('00000000000000000000000000000001', 'other', 1, 's1', 'diagnostic_signs', '1.0.0', "
                "'Sales', '2026-11-21', '{}')");
    }
    const std::vector<StoredResponse> expected = {
        {"00000000000000000000000000000001", "other", 1, "s1", "diagnostic_signs", "1.0.0", "Sales", "2026-11-21",
         "{}"},
        {"0123456789abcdef0123456789abcdef", "team-pulse", 3, "signs", "diagnostic_signs", "1.2.0", "Marketing",
         "2026-11-20", R"({"q1":4})"},
        {"fedcba9876543210fedcba9876543210", "team-pulse", 3, "focus", "focus_assessment", "2.0.0", std::nullopt,
         "2026-11-21", R"({"allocation":{"growth":60}})"},
    };

    {
        auto store = ResponseStore::open(dbPath(), fixedDate());
        EXPECT_EQ(store.settings().schemaVersion, 5u);
        EXPECT_EQ(store.responses(), expected);
        EXPECT_EQ(store.setting("facilitator_pin_hash"), std::nullopt);
        store.setSetting("facilitator_pin_hash", "$argon2id$abc");
        store.submit(singleStep("other", "s2"));
    }
    RawDatabase raw(dbPath());
    EXPECT_EQ(raw.value("PRAGMA user_version"), "5");
    EXPECT_EQ(raw.value("PRAGMA integrity_check"), "ok");
    EXPECT_EQ(raw.value("SELECT count(*) FROM responses"), "4");
    EXPECT_EQ(raw.value("SELECT count(*) FROM sqlite_master WHERE name = 'responses_before_v3'"), "0");
    // Opening again changes nothing.
    auto reopened = ResponseStore::open(dbPath());
    EXPECT_EQ(reopened.count(), 4u);
    EXPECT_EQ(reopened.setting("facilitator_pin_hash"), std::optional<std::string>("$argon2id$abc"));
    for (const StoredResponse& row : expected) {
        const auto rows = reopened.responses();
        EXPECT_NE(std::find(rows.begin(), rows.end(), row), rows.end()) << row.id;
    }
}

// [SECTION] Files that are not ours

TEST_F(ResponseStoreTest, NewerSchemaIsRefusedAndLeftUntouched) {
    {
        auto store = ResponseStore::open(dbPath(), fixedDate());
        store.submit(pulse());
    }
    RawDatabase(dbPath(), SQLITE_OPEN_READWRITE).exec("PRAGMA user_version = 7");
    const std::string bytes = readBytes(dbPath());
    const auto entries = directoryEntries(m_dir.path());
    try {
        ResponseStore::open(dbPath());
        FAIL() << "expected StoreError";
    } catch (const StoreError& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find(dbPath().string()), std::string::npos) << message;
        EXPECT_NE(message.find("schema version 7"), std::string::npos) << message;
    }
    EXPECT_EQ(readBytes(dbPath()), bytes);
    EXPECT_EQ(directoryEntries(m_dir.path()), entries);
}

TEST_F(ResponseStoreTest, GarbageFileIsRefusedAndLeftUntouched) {
    std::mt19937 rng(20261122);
    std::string garbage(10000, '\0');
    for (char& c : garbage) c = static_cast<char>(rng());
    for (const std::string& bytes : {garbage, std::string("name,team\nAda,Marketing\n")}) {
        writeBytes(dbPath(), bytes);
        try {
            ResponseStore::open(dbPath());
            FAIL() << "expected StoreError";
        } catch (const StoreError& error) {
            const std::string message = error.what();
            EXPECT_NE(message.find(dbPath().string()), std::string::npos) << message;
            EXPECT_NE(message.find("not an SQLite database"), std::string::npos) << message;
        }
        EXPECT_EQ(readBytes(dbPath()), bytes);
        EXPECT_EQ(directoryEntries(m_dir.path()), std::set<std::string>{"responses.sqlite3"});
    }
}

TEST_F(ResponseStoreTest, DamagedDatabaseIsRefusedAndLeftUntouched) {
    {
        auto store = ResponseStore::open(dbPath(), fixedDate());
        for (int i = 0; i < 20; ++i) store.submit(pulse());
    }
    // Scribble over page 2 (the responses table), keeping the valid header on page 1.
    std::string bytes = readBytes(dbPath());
    const std::size_t pageSize = std::stoul(RawDatabase(dbPath()).value("PRAGMA page_size"));
    ASSERT_GE(bytes.size(), 3 * pageSize);
    std::fill(bytes.begin() + static_cast<std::ptrdiff_t>(pageSize),
              bytes.begin() + static_cast<std::ptrdiff_t>(2 * pageSize), '\x5a');
    writeBytes(dbPath(), bytes);
    try {
        ResponseStore::open(dbPath());
        FAIL() << "expected StoreError";
    } catch (const StoreError& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find(dbPath().string()), std::string::npos) << message;
        EXPECT_NE(message.find("damaged"), std::string::npos) << message;
    }
    EXPECT_EQ(readBytes(dbPath()), bytes);
}

TEST_F(ResponseStoreTest, ForeignSqliteDatabaseIsRefusedAndLeftUntouched) {
    RawDatabase(dbPath(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        .exec("CREATE TABLE contacts (name TEXT, email TEXT); INSERT INTO contacts VALUES ('Ada', 'ada@example.org')");
    const std::string bytes = readBytes(dbPath());
    try {
        ResponseStore::open(dbPath());
        FAIL() << "expected StoreError";
    } catch (const StoreError& error) {
        EXPECT_NE(std::string(error.what()).find("not an alignkiosk response store"), std::string::npos)
            << error.what();
    }
    EXPECT_EQ(readBytes(dbPath()), bytes);
}

TEST_F(ResponseStoreTest, EmptyFileBecomesAStore) {
    writeBytes(dbPath(), "");
    auto store = ResponseStore::open(dbPath(), fixedDate());
    store.submit(pulse());
    EXPECT_EQ(store.count(), 3u);
}

// [SECTION] Counting people and surveys

TEST(ResponseStore, CountsPeopleNotRows) {
    auto store = ResponseStore::open(":memory:", fixedDate());
    EXPECT_EQ(store.participants("team-pulse"), 0u);
    store.submit(pulse());
    store.submit(pulse(std::nullopt));
    store.submit(singleStep("other", "s1"));
    EXPECT_EQ(store.count(), 7u);
    EXPECT_EQ(store.participants("team-pulse"), 2u);
    EXPECT_EQ(store.participants("other"), 1u);
    EXPECT_EQ(store.surveys().size(), 2u);
    EXPECT_EQ(store.surveys()[0].surveyId, "other");
    EXPECT_EQ(store.surveys()[0].participants, 1u);
    EXPECT_EQ(store.surveys()[1].surveyId, "team-pulse");
    EXPECT_EQ(store.surveys()[1].participants, 2u);
}

TEST(ResponseStore, SubmitAllStoresEveryoneInOneGoOrNobody) {
    auto store = ResponseStore::open(":memory:", fixedDate());
    std::vector<Submission> many(300, pulse());
    store.submitAll(many);
    EXPECT_EQ(store.participants("team-pulse"), 300u);
    many.push_back(pulse());
    many.back().responses[1].payload = "{not json";
    EXPECT_THROW(store.submitAll(many), StoreError);
    EXPECT_EQ(store.count(), 900u);
}

TEST(ResponseStore, LongAnswersUseBiggerSlotsAndTooLongOnesAreRefused) {
    auto store = ResponseStore::open(":memory:", fixedDate());
    for (std::size_t length : {10u, 300u, 1000u, 5000u, 60000u}) {
        const std::string payload = R"({"text":")" + std::string(length, 'x') + "\"}";
        store.submit(singleStep("long", "s" + std::to_string(length), payload));
        EXPECT_NE(findStep(store.responses(), "s" + std::to_string(length)), nullptr);
        EXPECT_EQ(findStep(store.responses(), "s" + std::to_string(length))->payload, payload);
    }
    const std::string tooLong = R"({"text":")" + std::string(70000, 'x') + "\"}";
    try {
        store.submit(singleStep("long", "huge", tooLong));
        FAIL() << "expected StoreError";
    } catch (const StoreError& error) {
        EXPECT_NE(std::string(error.what()).find("more than the largest answer"), std::string::npos) << error.what();
    }
    EXPECT_EQ(store.count(), 5u);
}

TEST(ResponseStore, EraseSettingForgetsIt) {
    auto store = ResponseStore::open(":memory:");
    store.setSetting("a", "1");
    store.eraseSetting("a");
    store.eraseSetting("never-set");
    EXPECT_EQ(store.setting("a"), std::nullopt);
}

// [SECTION] Stores that cannot be written are refused at open, untouched

std::string refusalOf(const fs::path& path, ResponseStoreOptions options = {}) {
    try {
        ResponseStore::open(path, std::move(options));
    } catch (const StoreError& error) {
        return error.what();
    }
    return "opened";
}

TEST_F(ResponseStoreTest, AFolderIsNotADatabaseFile) {
    const std::string message = refusalOf(m_dir.path());
    EXPECT_NE(message.find("is a folder, not a database file"), std::string::npos) << message;
    EXPECT_NE(message.find(m_dir.path().string()), std::string::npos) << message;
}

TEST_F(ResponseStoreTest, AForeignDatabaseWithAHotJournalIsRefusedBeforeSqliteRollsItBack) {
    // Another program's database, caught in the middle of a transaction: its journal is hot.
    RawDatabase(dbPath(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        .exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada')");
    const std::string journal = "pretend journal bytes";
    writeBytes(dbPath().string() + "-journal", journal);
    const std::string bytes = readBytes(dbPath());
    const std::string message = refusalOf(dbPath());
    EXPECT_NE(message.find("not an alignkiosk response store"), std::string::npos) << message;
    EXPECT_NE(message.find("unfinished journal"), std::string::npos) << message;
    EXPECT_EQ(readBytes(dbPath()), bytes);
    EXPECT_EQ(readBytes(dbPath().string() + "-journal"), journal);
}

TEST_F(ResponseStoreTest, AnOlderStoreWithoutItsVersionsTablesIsRefusedBeforeMigrating) {
    RawDatabase(dbPath(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        .exec("CREATE TABLE responses (id TEXT PRIMARY KEY) WITHOUT ROWID; PRAGMA user_version = 1; "
              "PRAGMA application_id = 1097616243");
    const std::string bytes = readBytes(dbPath());
    const std::string message = refusalOf(dbPath());
    EXPECT_NE(message.find("damaged (schema version 1, but its tables are not that version's)"), std::string::npos)
        << message;
    EXPECT_EQ(readBytes(dbPath()), bytes);
}

TEST_F(ResponseStoreTest, AFileCutInsideAPageIsRefusedUntouched) {
    { ResponseStore::open(dbPath(), fixedDate()).submit(pulse()); }
    std::string bytes = readBytes(dbPath());
    bytes.resize(bytes.size() - 100);
    writeBytes(dbPath(), bytes);
    fs::remove(dbPath().string() + "-journal");
    const std::string message = refusalOf(dbPath());
    EXPECT_NE(message.find("not a whole number of 4096-byte pages"), std::string::npos) << message;
    EXPECT_EQ(readBytes(dbPath()), bytes);
}

TEST_F(ResponseStoreTest, AReadOnlyFileSystemIsRefused) {
    { ResponseStore::open(dbPath(), fixedDate()).submit(pulse()); }
    const std::string bytes = readBytes(dbPath());
    const std::string message = inPrivateMounts([&] {
        if (::mount(m_dir.path().c_str(), m_dir.path().c_str(), nullptr, MS_BIND, nullptr) != 0 ||
            ::mount(nullptr, m_dir.path().c_str(), nullptr, MS_BIND | MS_REMOUNT | MS_RDONLY, nullptr) != 0)
            return std::string("read-only bind mount failed: ") + std::strerror(errno);
        return refusalOf(dbPath()) + "\n" + refusalOf(m_dir.path() / "new.sqlite3");
    });
    EXPECT_NE(message.find(dbPath().string() + "': file is on a read-only file system"), std::string::npos) << message;
    EXPECT_NE(message.find("new.sqlite3': folder '" + m_dir.path().string() + "' is on a read-only file system"),
              std::string::npos)
        << message;
    EXPECT_EQ(readBytes(dbPath()), bytes);
}

TEST_F(ResponseStoreTest, AFullDiskIsRefusedAndNothingIsLeftBehind) {
    const std::string message = inPrivateMounts([&] {
        if (::mount("tmpfs", m_dir.path().c_str(), "tmpfs", 0, "size=256k") != 0)
            return std::string("tmpfs mount failed: ") + std::strerror(errno);
        const std::string refusal = refusalOf(dbPath());
        std::string entries;
        for (const auto& entry : fs::directory_iterator(m_dir.path())) entries += entry.path().filename().string();
        return refusal + "\nleft: [" + entries + "]";
    });
    EXPECT_NE(message.find("disk full"), std::string::npos) << message;
    EXPECT_NE(message.find(dbPath().string()), std::string::npos) << message;
    EXPECT_NE(message.find("left: []"), std::string::npos) << message;
}

// [SECTION] Growth in bounded steps (store_growth.h)

// A short answer (slot class 0), its tag in the payload.
Submission shortAnswer(int tag) { return singleStep("growth", "signs", "{\"tag\":" + std::to_string(tag) + "}"); }

// Where every row is, id -> slot, read from the file as another tool would (a body starts with ["<id>",).
std::map<std::string, int64_t> slotsOfRows(const fs::path& db) {
    std::map<std::string, int64_t> slots;
    const RawDatabase raw(db);
    for (const std::string& row : raw.rows("SELECT substr(body, 3, 32), slot FROM answer_slots WHERE used = 1")) {
        const std::size_t bar = row.find('|');
        slots.emplace(row.substr(0, bar), std::stoll(row.substr(bar + 1)));
    }
    return slots;
}

uint64_t capacityOfClass0(const fs::path& db) {
    return std::stoull(RawDatabase(db).value("SELECT capacity FROM slot_classes WHERE class = 0"));
}

// The store's own bookkeeping agrees with its slots: the slot map's bits are the used slots, the class's counters
// count them, and every slot of the class exists.
void expectConsistentBookkeeping(const fs::path& db) {
    RawDatabase raw(db);
    std::set<int64_t> used, mapped;
    for (const std::string& slot : raw.rows("SELECT slot FROM answer_slots WHERE used = 1"))
        used.insert(std::stoll(slot));
    sqlite3* handle = nullptr;
    ASSERT_EQ(sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* chunks = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(handle, "SELECT chunk, bits FROM slot_map", -1, &chunks, nullptr), SQLITE_OK);
    while (sqlite3_step(chunks) == SQLITE_ROW) {
        const auto chunk = static_cast<uint64_t>(sqlite3_column_int64(chunks, 0));
        const auto* bits = static_cast<const unsigned char*>(sqlite3_column_blob(chunks, 1));
        for (int bit = 0; bit < sqlite3_column_bytes(chunks, 1) * 8; ++bit)
            if ((bits[bit / 8] >> (bit % 8)) & 1)
                mapped.insert(static_cast<int64_t>(((chunk >> 32) << 32) + (chunk & 0xffffffffu) * 4096 + bit));
    }
    sqlite3_finalize(chunks);
    sqlite3_close_v2(handle);
    EXPECT_EQ(mapped, used);
    EXPECT_EQ(raw.value("SELECT count(*) FROM answer_slots WHERE slot >> 32 = 0"), raw.value(
        "SELECT capacity FROM slot_classes WHERE class = 0"));
    EXPECT_EQ(raw.value("SELECT count(*) FROM answer_slots WHERE slot >> 32 = 0 AND used = 1"), raw.value(
        "SELECT used FROM slot_classes WHERE class = 0"));
    EXPECT_EQ(raw.value("PRAGMA integrity_check"), "ok");
}

// Commits of eight rows from an empty store to 2,400 rows, past the growths up to 3,687 slots: between any two
// commits at most dealBudget(8) rows changed slot (a re-deal of the whole class would move ~2,000 at once), rows did
// move, and the bigger growths took several commits each.
TEST_F(ResponseStoreTest, AGrowthMovesABoundedNumberOfRowsPerCommit) {
    auto store = ResponseStore::open(dbPath(), fixedDate());
    constexpr int kPerCommit = 8;
    std::map<std::string, int64_t> before;
    uint64_t mostMoved = 0, commitsMidGrowth = 0, streak = 0, longestGrowth = 0;
    for (int commit = 0; commit < 300; ++commit) {
        std::vector<Submission> batch;
        for (int i = 0; i < kPerCommit; ++i) batch.push_back(shortAnswer(commit * kPerCommit + i));
        store.submitAll(batch);
        const std::map<std::string, int64_t> after = slotsOfRows(dbPath());
        ASSERT_EQ(after.size(), before.size() + kPerCommit);
        uint64_t moved = 0;
        for (const auto& [id, slot] : before) {
            const auto now = after.find(id);
            ASSERT_NE(now, after.end()) << "row " << id << " is gone";
            moved += now->second != slot ? 1 : 0;
        }
        ASSERT_LE(moved, store_growth::dealBudget(kPerCommit)) << "commit " << commit;
        mostMoved = std::max(mostMoved, moved);
        const uint64_t capacity = capacityOfClass0(dbPath());
        EXPECT_LE(10 * after.size(), 9 * capacity);
        streak = store_growth::atRest(capacity) ? 0 : streak + 1;
        longestGrowth = std::max(longestGrowth, streak + 1); // the commit that ends a growth is one of it too
        if (!store_growth::atRest(capacity)) {
            ++commitsMidGrowth;
            if (commitsMidGrowth % 8 == 1) expectConsistentBookkeeping(dbPath());
        }
        before = after;
    }
    EXPECT_GT(mostMoved, 0u);
    EXPECT_GE(commitsMidGrowth, 6u);
    EXPECT_GE(longestGrowth, 30u); // 2,458 to 3,687 slots at 32 a commit
    expectConsistentBookkeeping(dbPath());
    EXPECT_EQ(store.count(), 2400u);
}

// Reads everything new; a start-over (rows moved) forgets what was read, as DashboardSource does.
void follow(const ResponseStore& store, ReadCursor& cursor, std::vector<StoredResponse>& followed) {
    for (int calls = 0; calls < 1000; ++calls) {
        NewRows batch = store.readNew(cursor, 300);
        if (batch.startOver) followed.clear();
        followed.insert(followed.end(), batch.rows.begin(), batch.rows.end());
        if (batch.upToDate) return;
    }
    ADD_FAILURE() << "readNew never came up to date";
}

std::multiset<std::string> idsOf(const std::vector<StoredResponse>& rows) {
    std::multiset<std::string> ids;
    for (const StoredResponse& row : rows) ids.insert(row.id);
    return ids;
}

// While a class is growing, every way of reading finds every row exactly once: responses(), counts, a fresh reader,
// a reader that follows along from before the growth began, and another connection.
TEST_F(ResponseStoreTest, RowsStayReadableAcrossAGrowthInProgress) {
    auto store = ResponseStore::open(dbPath(), fixedDate());
    auto other = ResponseStore::open(dbPath(), fixedDate());
    ReadCursor along;
    std::vector<StoredResponse> followed;
    int rows = 0, checkedMidGrowth = 0;
    while (rows < 4000) {
        std::vector<Submission> batch;
        for (int i = 0; i < 10; ++i) batch.push_back(shortAnswer(rows++));
        store.submitAll(batch);
        follow(other, along, followed);
        if (store_growth::atRest(capacityOfClass0(dbPath()))) continue;
        ++checkedMidGrowth;
        const std::vector<StoredResponse> all = store.responses();
        ASSERT_EQ(all.size(), static_cast<std::size_t>(rows));
        std::set<std::string> payloads;
        for (const StoredResponse& row : all) payloads.insert(row.payload);
        EXPECT_EQ(payloads.size(), static_cast<std::size_t>(rows));
        EXPECT_EQ(other.count(), static_cast<std::size_t>(rows));
        EXPECT_EQ(other.participants("growth"), static_cast<std::size_t>(rows));
        EXPECT_EQ(idsOf(followed), idsOf(all));
        ReadCursor fresh;
        std::vector<StoredResponse> afresh;
        follow(other, fresh, afresh);
        EXPECT_EQ(idsOf(afresh), idsOf(all));
    }
    EXPECT_GT(checkedMidGrowth, 8);
}

// Submits short answers one at a time until class 0 is growing; returns how many.
int submitUntilMidGrowth(ResponseStore& store, const fs::path& db, int from) {
    int tag = from;
    do store.submit(shortAnswer(tag++));
    while (store_growth::atRest(capacityOfClass0(db)) || tag - from < 100);
    return tag;
}

// A growth in progress is the state of the file, not of the program: a store closed mid-growth reopens with every
// row, carries on growing where it stopped and ends at the next rung.
TEST_F(ResponseStoreTest, AGrowthInProgressCarriesOnAfterAReopen) {
    int rows = 0;
    uint64_t capacity = 0;
    std::set<std::string> ids;
    {
        auto store = ResponseStore::open(dbPath(), fixedDate());
        rows = submitUntilMidGrowth(store, dbPath(), 0);
        capacity = capacityOfClass0(dbPath());
        for (const StoredResponse& row : store.responses()) ids.insert(row.id);
    }
    ASSERT_FALSE(store_growth::atRest(capacity));
    expectConsistentBookkeeping(dbPath());
    auto store = ResponseStore::open(dbPath(), fixedDate());
    EXPECT_EQ(capacityOfClass0(dbPath()), capacity);
    std::set<std::string> reopened;
    for (const StoredResponse& row : store.responses()) reopened.insert(row.id);
    EXPECT_EQ(reopened, ids);
    while (!store_growth::atRest(capacityOfClass0(dbPath()))) store.submit(shortAnswer(rows++));
    EXPECT_EQ(capacityOfClass0(dbPath()), store_growth::rungAbove(capacity));
    EXPECT_EQ(store.count(), static_cast<std::size_t>(rows));
    expectConsistentBookkeeping(dbPath());
}

// Killed with SIGKILL while a growth is in progress (most likely in the middle of one of its commits): the store
// opens (SQLite rolls the hot journal back) with every acknowledged row, its bookkeeping whole, and the growth
// carries on.
TEST_F(ResponseStoreTest, AGrowthInProgressSurvivesSigkill) {
    int pipeFds[2];
    ASSERT_EQ(::pipe(pipeFds), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::close(pipeFds[0]);
        try {
            auto store = ResponseStore::open(dbPath(), fixedDate());
            for (int tag = 0;; ++tag) {
                store.submit(shortAnswer(tag));
                // Acknowledged: the tag, and whether the class is growing now.
                const int report[2] = {tag, store_growth::atRest(capacityOfClass0(dbPath())) ? 0 : 1};
                if (::write(pipeFds[1], report, sizeof report) != sizeof report) break;
            }
        } catch (...) {
        }
        ::_exit(1);
    }
    ::close(pipeFds[1]);
    int report[2] = {-1, 0};
    int acknowledged = -1;
    while (::read(pipeFds[0], report, sizeof report) == sizeof report) {
        acknowledged = report[0];
        if (report[1] == 1 && acknowledged >= 300) break;
    }
    std::mt19937 random(std::random_device{}());
    ::usleep(static_cast<useconds_t>(random() % 3000));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ::close(pipeFds[0]);
    ASSERT_TRUE(WIFSIGNALED(status));
    ASSERT_GE(acknowledged, 300);

    auto store = ResponseStore::open(dbPath(), fixedDate());
    std::set<std::string> payloads;
    for (const StoredResponse& row : store.responses()) payloads.insert(row.payload);
    for (int tag = 0; tag <= acknowledged; ++tag)
        EXPECT_EQ(payloads.count("{\"tag\":" + std::to_string(tag) + "}"), 1u) << tag;
    expectConsistentBookkeeping(dbPath());
    int rows = static_cast<int>(store.count());
    while (!store_growth::atRest(capacityOfClass0(dbPath()))) store.submit(shortAnswer(100000 + rows++));
    EXPECT_EQ(store.count(), static_cast<std::size_t>(rows));
    expectConsistentBookkeeping(dbPath());
}

} // namespace
} // namespace alignkiosk::core
