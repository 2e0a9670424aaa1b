#include "response_store.h"

#include "random_bytes.h"
#include "slot_map.h"
#include "sqlite_connection.h"
#include "store_path_checks.h"
#include "store_vfs.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rapidjson/document.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <iterator>
#include <map>
#include <mutex>
#include <set>
#include <system_error>
#include <utility>

namespace alignkiosk::core {

namespace fs = std::filesystem;
using sqlite::Database;
using sqlite::quoted;
using sqlite::ReadTransaction;
using sqlite::SqliteError;
using sqlite::StatementHandle;
using sqlite::StatementUse;
using sqlite::Transaction;

// [SECTION] Order-free layout
//
// Nothing on disk may tell in which order people answered. SQLite leaks that order in three ways, and each is closed:
// - A WAL log holds every commit's pages in commit order, and its -shm index names the pages of the last commits.
//   The store uses a rollback journal in TRUNCATE mode instead: the journal holds only the pages a commit is about to
//   change (their earlier state) and is cut to zero bytes before submit() returns. There is no -shm file.
// - In a B-tree page SQLite places each new cell below the earlier ones, so byte offsets give insertion order, and a
//   page split or an overflow page made later has a higher page number. So no answer is ever inserted into a B-tree.
//   Rows live in fixed-size slots of `answer_slots`, made empty in advance; a row overwrites a slot drawn uniformly at
//   random among the free ones of its size class. SQLite overwrites a cell of unchanged size in place
//   (btreeOverwriteCell), so nothing else on the page moves. At every moment the rows sit in a uniformly random
//   arrangement of the slots: which slot a row is in is independent of when it came.
// - When a class is nine-tenths full it grows by half: the new empty slots are appended in slot order, and every row
//   of the class is dealt again to a random slot of the bigger class, so old rows and new rows look alike (O(rows of
//   the class) once per growth, amortised O(1) per row). Classes step by a factor of sqrt(2) in size, so a row wastes
//   about a sixth of its slot; with the load between 0.6 and 0.9 a store takes about twice its rows' bytes.
// Rows are never deleted; secure_delete zeroes anything SQLite frees all the same (the rows moved out of an older
// schema's table, say). File times are set back to the session day's midnight after every write (the kernel's
// change time, ctime, cannot be set by a program: it says when the store was last written, as the mtime did).
//
// A reader that follows the store (readNew) finds new rows through `slot_map`: a bit per slot, set when the slot is
// used, kept in fixed-size blobs overwritten in place like the slots. Comparing the bits it has seen with the map's
// gives the new slots, in slot order; the map says no more than the slots' `used` column does.
//
// A slot's body is the row as a JSON array, then zero bytes; the `responses` view decodes them for people.

namespace {

// [SECTION] Schema

// Marks the file as ours in the SQLite header ("AlKs"), so we never migrate somebody else's database.
constexpr int32_t kApplicationId = 0x416c4b73;

// Slot classes: bodies of 256 or 362 bytes (about 256 * sqrt(2)) shifted left by class / 2, 256 B to 64 KiB (the
// same formula is the schema's CHECK). A class's slots are numbered (class << 32) + n.
constexpr int kSlotClasses = 17;
constexpr uint64_t kFirstCapacity = 64;

constexpr uint64_t slotBytes(int slotClass) {
    return (slotClass % 2 == 0 ? uint64_t{256} : uint64_t{362}) << (slotClass / 2);
}

// Free space a store wants before it opens for writing: growing a class needs room, and a kiosk should not discover
// a full disk at a participant's Finish.
constexpr uint64_t kMinFreeBytes = 8u << 20;

struct Migration {
    uint32_t version; // the schema version after this step
    const char* sql;
};

// Ordered. Each step brings the schema from version - 1 to version. A published step is never edited: a change is a
// new step appended here, and kSchemaVersion goes up with it.
constexpr Migration kMigrations[] = {
    // v1. Anonymous by construction: no identity column, no time finer than the local date, a random key in a
    // WITHOUT ROWID table so neither the columns nor the row order say who answered or in which order.
    {1, R"sql(
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
)sql"},
    // v2. The kiosk's own settings (the facilitator PIN hash, ...): configuration of this kiosk, never anything about
    // a participant, an answer or a time.
    {2, R"sql(
CREATE TABLE settings (
    key   TEXT NOT NULL PRIMARY KEY CHECK (key <> ''),
    value TEXT NOT NULL
) STRICT, WITHOUT ROWID;
)sql"},
    // v3. Rows in random fixed-size slots (see "Order-free layout"). `used` is 0 or 1, which SQLite keeps in the record
    // header alone, so a slot's cell never changes size. A used body is the row as a JSON array [id, survey_id,
    // survey_version, step_id, module_id, module_version, team, session_date, payload] followed by zero bytes; a free
    // one is all zeros. The v2 table's rows are dealt into slots by the program (Impl::migrate) and the table dropped.
    {3, R"sql(
ALTER TABLE responses RENAME TO responses_before_v3;
CREATE TABLE answer_slots (
    slot INTEGER NOT NULL PRIMARY KEY,
    used INTEGER NOT NULL CHECK (used IN (0, 1)),
    body BLOB    NOT NULL CHECK (length(body) = (CASE (slot >> 32) % 2 WHEN 0 THEN 256 ELSE 362 END) << ((slot >> 32) / 2))
) STRICT;
CREATE TABLE slot_classes (
    class    INTEGER NOT NULL PRIMARY KEY CHECK (class BETWEEN 0 AND 16),
    capacity INTEGER NOT NULL CHECK (capacity >= 0),
    used     INTEGER NOT NULL CHECK (used BETWEEN 0 AND capacity)
) STRICT;
WITH RECURSIVE classes(c) AS (SELECT 0 UNION ALL SELECT c + 1 FROM classes WHERE c < 16)
INSERT INTO slot_classes (class, capacity, used) SELECT c, 0, 0 FROM classes;
CREATE VIEW responses AS
SELECT json_extract(t, '$[0]') AS id, json_extract(t, '$[1]') AS survey_id, json_extract(t, '$[2]') AS survey_version,
       json_extract(t, '$[3]') AS step_id, json_extract(t, '$[4]') AS module_id,
       json_extract(t, '$[5]') AS module_version, json_extract(t, '$[6]') AS team,
       json_extract(t, '$[7]') AS session_date, json_extract(t, '$[8]') AS payload
FROM (SELECT CAST(substr(body, 1, instr(body, x'00') - 1) AS TEXT) AS t FROM answer_slots WHERE used = 1);
)sql"},
    // v4. Which slots are used, a bit per slot (slot_map.h), so readers find new rows without reading old ones. Filled
    // from `answer_slots` by the program (Impl::buildSlotMap).
    {4, R"sql(
CREATE TABLE slot_map (
    chunk INTEGER NOT NULL PRIMARY KEY,
    bits  BLOB    NOT NULL CHECK (length(bits) = 512)
) STRICT;
)sql"},
};
static_assert(std::size(kMigrations) == ResponseStore::kSchemaVersion, "one migration per schema version");

// [SECTION] Small helpers

bool isValidDate(const std::string& date) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (date[i] < '0' || date[i] > '9') return false;
    const int year = std::stoi(date.substr(0, 4));
    const auto month = static_cast<unsigned>(std::stoi(date.substr(5, 2)));
    const auto day = static_cast<unsigned>(std::stoi(date.substr(8, 2)));
    return std::chrono::year_month_day{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}}.ok();
}

bool hasNul(const std::string& text) { return text.find('\0') != std::string::npos; }

void syncDirectory(const fs::path& dir) {
    const fs::path target = dir.empty() ? fs::path(".") : dir;
    const int fd = ::open(target.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) throw StoreError("cannot open directory " + quoted(target) + ": " + std::strerror(errno));
    const int rc = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    if (rc != 0) throw StoreError("cannot sync directory " + quoted(target) + ": " + std::strerror(error));
}

// Creates dir and its missing parents, syncing each parent so the new entries survive a power cut.
void createDirectoriesDurably(const fs::path& dir) {
    std::error_code ec;
    if (dir.empty() || fs::is_directory(dir, ec)) return;
    if (fs::exists(dir, ec)) throw StoreError(quoted(dir) + " exists and is not a directory");
    createDirectoriesDurably(dir.parent_path());
    if (!fs::create_directory(dir, ec) && ec)
        throw StoreError("cannot create directory " + quoted(dir) + ": " + ec.message());
    syncDirectory(dir.parent_path());
}

// Local midnight of a 'YYYY-MM-DD' date.
std::time_t midnightOf(const std::string& date) {
    std::tm local{};
    local.tm_year = std::stoi(date.substr(0, 4)) - 1900;
    local.tm_mon = std::stoi(date.substr(5, 2)) - 1;
    local.tm_mday = std::stoi(date.substr(8, 2));
    local.tm_isdst = -1;
    return std::mktime(&local);
}

// Why a write failed, in the words the open-time refusal uses.
std::string describeWriteFailure(int code) {
    switch (code & 0xff) {
    case SQLITE_FULL: return "disk full";
    case SQLITE_READONLY: return "read-only file";
    case SQLITE_CANTOPEN: return "cannot create the journal file beside it (is the folder writable?)";
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return "another program holds the database locked";
    case SQLITE_IOERR: return "input/output error";
    default: return sqlite3_errstr(code);
    }
}

// A used slot's body back as a row: the JSON array up to the first zero byte (see migration v3). One parse per row;
// the view's nine json_extract() calls cost five times as much at 300,000 rows. Nothing on failure.
std::optional<StoredResponse> decodeSlot(const char* body, std::size_t size) {
    const std::size_t length = std::find(body, body + size, '\0') - body;
    rapidjson::Document array;
    array.Parse<rapidjson::kParseStopWhenDoneFlag>(body, length);
    if (array.HasParseError() || !array.IsArray() || array.Size() != 9) return std::nullopt;
    const auto text = [&array](rapidjson::SizeType i, std::string& out) {
        if (!array[i].IsString()) return false;
        out.assign(array[i].GetString(), array[i].GetStringLength());
        return true;
    };
    StoredResponse row;
    if (!array[2].IsUint()) return std::nullopt;
    row.surveyVersion = array[2].GetUint();
    if (!array[6].IsNull()) {
        row.team.emplace();
        if (!text(6, *row.team)) return std::nullopt;
    }
    if (!text(0, row.id) || !text(1, row.surveyId) || !text(3, row.stepId) || !text(4, row.moduleId) ||
        !text(5, row.moduleVersion) || !text(7, row.sessionDate) || !text(8, row.payload))
        return std::nullopt;
    return row;
}

// One row on its way into the store.
struct NewRow {
    std::string id;
    const Submission* submission;
    const ResponseDraft* draft;
    std::string date;
};

} // namespace

// [SECTION] ResponseStore

std::string localDateToday() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    if (!localtime_r(&now, &local)) throw StoreError("cannot determine today's local date");
    std::array<char, 16> buffer{};
    if (std::strftime(buffer.data(), buffer.size(), "%Y-%m-%d", &local) != 10)
        throw StoreError("cannot format today's local date");
    return buffer.data();
}

struct ResponseStore::Impl {
    Database db;
    ResponseStoreOptions options;
    bool inMemory = false;
    // Prepared on first use and kept for the life of the connection.
    StatementHandle usedSlots, countAll, jsonValid, encodeRow, readClass, updateClass, slotUsed, fillSlot, classBodies,
        clearClass, addSlot, selectSetting, upsertSetting, deleteSetting, readChunk, writeChunk, addChunk, clearChunks,
        readMap, readSlot, readSlotRange, capacities, dataVersion;
    // One public call at a time (see "Threads" in response_store.h).
    std::mutex mutex;
    // The slot map's chunks a write transaction changed, written back before it commits (flushSlotMap).
    std::map<int64_t, std::string> changedChunks;

    Impl(Database database, ResponseStoreOptions storeOptions, bool memory)
        : db(std::move(database)), options(std::move(storeOptions)), inMemory(memory) {}

    sqlite3_stmt* cached(StatementHandle& handle, const std::string& sql) {
        if (!handle) handle = db.prepare(sql.c_str());
        return handle.get();
    }

    // The whole file when it is small; otherwise everything but the answers' pages, so that opening does not grow
    // with the number of answers (a damaged answer page is found when it is read or written: SQLite checks every page
    // it loads, and decodeSlot every row). Read-only.
    std::vector<std::string> checkIntegrity() const {
        std::error_code unknown;
        const uintmax_t size = inMemory ? 0 : fs::file_size(db.path(), unknown);
        if (unknown || size <= kFullCheckBytes) return db.queryTexts("PRAGMA quick_check(3)");
        std::vector<std::string> problems;
        for (const char* table : {"sqlite_schema", "settings", "slot_classes", "slot_map"}) {
            if (db.queryInt((std::string("SELECT count(*) FROM sqlite_schema WHERE name = '") + table + "'").c_str()) == 0 &&
                std::string(table) != "sqlite_schema")
                continue;
            for (std::string& problem : db.queryTexts((std::string("PRAGMA quick_check('") + table + "')").c_str()))
                if (problem != "ok") problems.push_back(std::move(problem));
        }
        if (problems.empty()) problems.push_back("ok");
        return problems;
    }

    // Read-only: nothing in here may write, so a file we refuse stays byte-for-byte as it was.
    void checkFileIsOurs() const {
        int64_t applicationId = 0;
        int64_t version = 0;
        int64_t objects = 0;
        std::vector<std::string> problems;
        try {
            // The first read of the header: a file that is not SQLite fails here.
            applicationId = db.queryInt("PRAGMA application_id");
            version = db.queryInt("PRAGMA user_version");
            objects = db.queryInt("SELECT count(*) FROM sqlite_master");
            problems = checkIntegrity();
        } catch (const SqliteError& error) {
            if (error.primaryCode() == SQLITE_NOTADB || error.primaryCode() == SQLITE_CORRUPT)
                db.fail(std::string("the file is not an SQLite database or is damaged (") +
                        sqlite3_errstr(error.primaryCode()) + "); it was left untouched");
            throw;
        }
        if (version > kSchemaVersion)
            db.fail("the database has schema version " + std::to_string(version) +
                    ", newer than this program understands (" + std::to_string(kSchemaVersion) +
                    "); it was left untouched. Use a newer alignkiosk to open it");
        if (!(problems.size() == 1 && problems.front() == "ok")) {
            std::string detail;
            for (const auto& problem : problems) detail += (detail.empty() ? "" : "; ") + problem;
            db.fail("the database is damaged (" + detail + "); it was left untouched");
        }
        const bool fresh = applicationId == 0 && version == 0 && objects == 0;
        if (applicationId != kApplicationId && !fresh)
            db.fail("the file is an SQLite database but not an alignkiosk response store (application_id " +
                    std::to_string(applicationId) + ", " + std::to_string(objects) +
                    " schema objects); it was left untouched");
        if (!fresh) checkSchemaBeforeMigrating(version);
    }

    // A migration writes, and a failed one rolls back only what SQLite journaled: so an older store is checked to
    // have the tables its version says, read-only, before anything is migrated.
    void checkSchemaBeforeMigrating(int64_t version) const {
        if (version >= static_cast<int64_t>(kSchemaVersion)) return;
        const auto columnsOf = [this](const char* table) {
            return db.queryTexts((std::string("SELECT name FROM pragma_table_info('") + table + "') ORDER BY cid").c_str());
        };
        const std::vector<std::string> responses = {"id", "survey_id", "survey_version", "step_id", "module_id",
                                                     "module_version", "team", "session_date", "payload"};
        const bool ok = version >= 1 && columnsOf("responses") == responses &&
                        (version < 2 || columnsOf("settings") == std::vector<std::string>{"key", "value"});
        if (!ok)
            db.fail("the database is damaged (schema version " + std::to_string(version) +
                    ", but its tables are not that version's); it was left untouched");
    }

    void configure() const {
        // TRUNCATE, not WAL: see "Order-free layout". Leaving WAL needs the only connection; say so if it is not.
        const std::string mode = db.queryText("PRAGMA journal_mode=TRUNCATE");
        if (mode != "truncate" && !(inMemory && mode == "memory"))
            db.fail("cannot switch to the rollback journal (SQLite kept '" + mode +
                    "'); close every other program using this store and try again");
        // FULL: a commit is on disk when COMMIT returns, the journal's truncation included.
        db.exec("PRAGMA synchronous=FULL");
        // Set here rather than trusting how the system's SQLite was compiled: freed cells and pages become zeros.
        db.exec("PRAGMA secure_delete=ON");
        // Sorts for readers stay in memory, never in a temporary file.
        db.exec("PRAGMA temp_store=MEMORY");
        db.exec("PRAGMA foreign_keys=ON");
    }

    void migrate() {
        if (db.queryInt("PRAGMA user_version") == kSchemaVersion) return;
        Transaction transaction(db);
        // Read again under the write lock: another process may have migrated since we looked.
        const int64_t current = db.queryInt("PRAGMA user_version");
        if (current > kSchemaVersion)
            db.fail("the database was upgraded to schema version " + std::to_string(current) +
                    " by a newer program while opening");
        for (const Migration& migration : kMigrations) {
            if (migration.version <= current) continue;
            db.exec(migration.sql);
            db.exec("PRAGMA user_version = " + std::to_string(migration.version));
        }
        db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        if (current < 3) moveRowsIntoSlots(); // fills the slot map as it places the rows
        else if (current < 4) buildSlotMap();
        transaction.commit();
    }

    // A write the store will need, rolled back: a store that cannot take one is refused now rather than at the first
    // participant's Finish.
    void probeWrite() const {
        if (inMemory) return;
        try {
            Transaction transaction(db);
            db.exec("UPDATE slot_classes SET used = used WHERE class = 0");
        } catch (const SqliteError& error) {
            const int code = sqlite3_extended_errcode(db.get());
            db.fail("cannot write to the store: " + describeWriteFailure(code ? code : error.primaryCode()) +
                    " (" + sqlite3_errmsg(db.get()) + ")");
        }
    }

    void validate(const Submission& submission) {
        if (submission.surveyId.empty() || hasNul(submission.surveyId)) db.fail("submission has an empty survey id");
        if (submission.team && (submission.team->empty() || hasNul(*submission.team)))
            db.fail("submission has an empty team (use no team instead)");
        if (submission.responses.empty()) db.fail("submission of survey '" + submission.surveyId + "' has no responses");
        std::set<std::string> stepIds;
        for (const ResponseDraft& draft : submission.responses) {
            if (draft.stepId.empty() || hasNul(draft.stepId)) db.fail("a response has an empty step id");
            const std::string where = "response to step '" + draft.stepId + "'";
            if (!stepIds.insert(draft.stepId).second) db.fail(where + " appears twice in one submission");
            if (draft.moduleId.empty() || hasNul(draft.moduleId)) db.fail(where + " has an empty module id");
            if (draft.moduleVersion.empty() || hasNul(draft.moduleVersion))
                db.fail(where + " has an empty module version");
            if (hasNul(draft.payload) || !isJson(draft.payload)) db.fail(where + " has a payload that is not JSON");
        }
    }

    // The same json_valid() the schema's CHECK uses, so both agree on what JSON is.
    bool isJson(const std::string& text) {
        StatementUse use(cached(jsonValid, "SELECT json_valid(?1)"));
        bindText(db, use.get(), 1, text);
        if (sqlite3_step(use.get()) != SQLITE_ROW) db.failSqlite("cannot check a payload");
        return sqlite3_column_int(use.get(), 0) == 1;
    }

    std::string sessionDate() {
        std::string date = options.dateProvider ? options.dateProvider() : localDateToday();
        if (!isValidDate(date)) db.fail("the session date '" + date + "' is not a date of the form YYYY-MM-DD");
        return date;
    }

    // Binds a row's nine columns as ?1..?9.
    void bindRow(sqlite3_stmt* statement, const NewRow& row) {
        bindText(db, statement, 1, row.id);
        bindText(db, statement, 2, row.submission->surveyId);
        sqlite3_bind_int64(statement, 3, row.submission->surveyVersion);
        bindText(db, statement, 4, row.draft->stepId);
        bindText(db, statement, 5, row.draft->moduleId);
        bindText(db, statement, 6, row.draft->moduleVersion);
        if (row.submission->team) bindText(db, statement, 7, *row.submission->team);
        bindText(db, statement, 8, row.date);
        bindText(db, statement, 9, row.draft->payload);
    }

    // The row as a slot's body (SQLite's json_array does the escaping), padded to its class's size, and the class.
    std::pair<std::string, int> slotBody(const NewRow& row) {
        StatementUse use(cached(encodeRow, "SELECT json_array(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
        bindRow(use.get(), row);
        if (sqlite3_step(use.get()) != SQLITE_ROW) db.failSqlite("cannot encode a response");
        std::string body = sqlite::columnText(use.get(), 0);
        // At least one zero byte must follow the JSON: it marks where the text ends.
        for (int slotClass = 0; slotClass < kSlotClasses; ++slotClass) {
            const uint64_t size = slotBytes(slotClass);
            if (body.size() < size) {
                body.resize(size, '\0');
                return {std::move(body), slotClass};
            }
        }
        db.fail("the response to step '" + row.draft->stepId + "' is " + std::to_string(body.size()) +
                " bytes, more than the largest answer the store keeps (" +
                std::to_string(slotBytes(kSlotClasses - 1) - 1) + " bytes); nothing was stored");
    }

    struct SlotClass {
        uint64_t capacity = 0;
        uint64_t used = 0;
    };

    SlotClass slotClass(int index) {
        StatementUse use(cached(readClass, "SELECT capacity, used FROM slot_classes WHERE class = ?1"));
        sqlite3_bind_int(use.get(), 1, index);
        if (sqlite3_step(use.get()) != SQLITE_ROW) db.failSqlite("cannot read slot class " + std::to_string(index));
        return {static_cast<uint64_t>(sqlite3_column_int64(use.get(), 0)),
                static_cast<uint64_t>(sqlite3_column_int64(use.get(), 1))};
    }

    void writeClass(int index, const SlotClass& slots) {
        StatementUse use(cached(updateClass, "UPDATE slot_classes SET capacity = ?2, used = ?3 WHERE class = ?1"));
        sqlite3_bind_int(use.get(), 1, index);
        sqlite3_bind_int64(use.get(), 2, static_cast<int64_t>(slots.capacity));
        sqlite3_bind_int64(use.get(), 3, static_cast<int64_t>(slots.used));
        if (sqlite3_step(use.get()) != SQLITE_DONE) db.failSqlite("cannot update slot class " + std::to_string(index));
    }

    static int64_t slotNumber(int slotClass, uint64_t n) { return static_cast<int64_t>((uint64_t(slotClass) << 32) + n); }

    // Overwrites a uniformly random free slot of the class (rejection sampling: at most 9/10 of the slots are used, so
    // ten looks at a cached page on average at worst).
    void placeInRandomSlot(int slotClass, uint64_t capacity, const std::string& body) {
        sqlite3_stmt* look = cached(slotUsed, "SELECT used FROM answer_slots WHERE slot = ?1");
        for (;;) {
            const int64_t slot = slotNumber(slotClass, randomBelow(capacity));
            {
                StatementUse use(look);
                sqlite3_bind_int64(look, 1, slot);
                if (sqlite3_step(look) != SQLITE_ROW) db.failSqlite("slot " + std::to_string(slot) + " is missing");
                if (sqlite3_column_int(look, 0) != 0) continue;
            }
            StatementUse use(cached(fillSlot, "UPDATE answer_slots SET used = 1, body = ?2 WHERE slot = ?1"));
            sqlite3_bind_int64(use.get(), 1, slot);
            if (sqlite3_bind_blob64(use.get(), 2, body.data(), body.size(), SQLITE_STATIC) != SQLITE_OK)
                db.failSqlite("cannot bind a value");
            if (sqlite3_step(use.get()) != SQLITE_DONE) db.failSqlite("cannot store a response (nothing was stored)");
            markUsed(slot);
            return;
        }
    }

    // Grows a class by half until `more` rows fit under nine-tenths load, and deals every row of the class again into
    // the bigger class, so old and new rows are placed alike (see "Order-free layout").
    SlotClass grow(int index, SlotClass slots, uint64_t more) {
        uint64_t capacity = std::max(slots.capacity, kFirstCapacity);
        while (10 * (slots.used + more) > 9 * capacity) capacity += capacity / 2;
        if (capacity == slots.capacity) return slots;
        const uint64_t bodyBytes = slotBytes(index);
        std::vector<std::string> bodies;
        {
            StatementUse use(cached(classBodies, "SELECT body FROM answer_slots WHERE slot >= ?1 AND slot < ?2 AND used = 1"));
            sqlite3_bind_int64(use.get(), 1, slotNumber(index, 0));
            sqlite3_bind_int64(use.get(), 2, slotNumber(index + 1, 0));
            int rc = SQLITE_OK;
            while ((rc = sqlite3_step(use.get())) == SQLITE_ROW)
                bodies.emplace_back(static_cast<const char*>(sqlite3_column_blob(use.get(), 0)),
                                    static_cast<std::size_t>(sqlite3_column_bytes(use.get(), 0)));
            if (rc != SQLITE_DONE) db.failSqlite("cannot read slot class " + std::to_string(index));
        }
        {
            StatementUse use(cached(clearClass, "UPDATE answer_slots SET used = 0, body = zeroblob(?3) "
                                                "WHERE slot >= ?1 AND slot < ?2 AND used = 1"));
            sqlite3_bind_int64(use.get(), 1, slotNumber(index, 0));
            sqlite3_bind_int64(use.get(), 2, slotNumber(index + 1, 0));
            sqlite3_bind_int64(use.get(), 3, static_cast<int64_t>(bodyBytes));
            if (sqlite3_step(use.get()) != SQLITE_DONE) db.failSqlite("cannot clear slot class " + std::to_string(index));
        }
        clearSlotMap(index);
        addSlotMapChunks(index, slots.capacity, capacity);
        {
            sqlite3_stmt* add = cached(addSlot, "INSERT INTO answer_slots (slot, used, body) VALUES (?1, 0, zeroblob(?2))");
            for (uint64_t n = slots.capacity; n < capacity; ++n) {
                StatementUse use(add);
                sqlite3_bind_int64(add, 1, slotNumber(index, n));
                sqlite3_bind_int64(add, 2, static_cast<int64_t>(bodyBytes));
                if (sqlite3_step(add) != SQLITE_DONE) db.failSqlite("cannot add slots");
            }
        }
        for (const std::string& body : bodies) placeInRandomSlot(index, capacity, body);
        slots.capacity = capacity;
        writeClass(index, slots);
        return slots;
    }

    // Inside a transaction: every row into a random free slot of its class.
    void storeRows(const std::vector<NewRow>& rows) {
        std::vector<std::pair<std::string, int>> bodies;
        bodies.reserve(rows.size());
        std::array<uint64_t, kSlotClasses> needed{};
        for (const NewRow& row : rows) {
            bodies.push_back(slotBody(row));
            ++needed[static_cast<std::size_t>(bodies.back().second)];
        }
        std::array<SlotClass, kSlotClasses> classes{};
        for (int index = 0; index < kSlotClasses; ++index) {
            if (needed[static_cast<std::size_t>(index)] == 0) continue;
            classes[static_cast<std::size_t>(index)] = grow(index, slotClass(index), needed[static_cast<std::size_t>(index)]);
        }
        for (const auto& [body, index] : bodies)
            placeInRandomSlot(index, classes[static_cast<std::size_t>(index)].capacity, body);
        for (int index = 0; index < kSlotClasses; ++index) {
            auto& slots = classes[static_cast<std::size_t>(index)];
            if (needed[static_cast<std::size_t>(index)] == 0) continue;
            slots.used += needed[static_cast<std::size_t>(index)];
            writeClass(index, slots);
        }
        flushSlotMap();
    }

    // [SECTION] Slot map (slot_map.h), kept inside the write transaction

    // The chunk's bits as this transaction has them.
    std::string& chunkBits(int64_t chunk) {
        const auto cached = changedChunks.find(chunk);
        if (cached != changedChunks.end()) return cached->second;
        StatementUse use(this->cached(readChunk, "SELECT bits FROM slot_map WHERE chunk = ?1"));
        sqlite3_bind_int64(use.get(), 1, chunk);
        if (sqlite3_step(use.get()) != SQLITE_ROW ||
            sqlite3_column_bytes(use.get(), 0) != static_cast<int>(slot_map::kChunkBytes))
            db.fail("the database is damaged (slot map chunk " + std::to_string(chunk) + " is missing)");
        const auto* bits = static_cast<const char*>(sqlite3_column_blob(use.get(), 0));
        return changedChunks.emplace(chunk, std::string(bits, slot_map::kChunkBytes)).first->second;
    }

    void markUsed(int64_t slot) {
        slot_map::set(chunkBits(slot_map::chunkOf(slot)), slot_map::indexInClass(slot) % slot_map::kSlotsPerChunk);
    }

    void clearSlotMap(int slotClass) {
        StatementUse use(cached(clearChunks, "UPDATE slot_map SET bits = zeroblob(512) WHERE chunk >= ?1 AND chunk < ?2"));
        sqlite3_bind_int64(use.get(), 1, slot_map::chunkNumber(slotClass, 0));
        sqlite3_bind_int64(use.get(), 2, slot_map::chunkNumber(slotClass + 1, 0));
        if (sqlite3_step(use.get()) != SQLITE_DONE) db.failSqlite("cannot clear the slot map");
        std::erase_if(changedChunks, [&](const auto& chunk) { return slot_map::slotClassOf(chunk.first) == slotClass; });
    }

    void addSlotMapChunks(int slotClass, uint64_t oldCapacity, uint64_t newCapacity) {
        sqlite3_stmt* add = cached(addChunk, "INSERT INTO slot_map (chunk, bits) VALUES (?1, zeroblob(512))");
        for (uint64_t n = slot_map::chunksFor(oldCapacity); n < slot_map::chunksFor(newCapacity); ++n) {
            StatementUse use(add);
            sqlite3_bind_int64(add, 1, slot_map::chunkNumber(slotClass, n));
            if (sqlite3_step(add) != SQLITE_DONE) db.failSqlite("cannot grow the slot map");
        }
    }

    // Same size, so SQLite overwrites each chunk in place (see "Order-free layout").
    void flushSlotMap() {
        sqlite3_stmt* write = cached(writeChunk, "UPDATE slot_map SET bits = ?2 WHERE chunk = ?1");
        for (const auto& [chunk, bits] : changedChunks) {
            StatementUse use(write);
            sqlite3_bind_int64(write, 1, chunk);
            if (sqlite3_bind_blob64(write, 2, bits.data(), bits.size(), SQLITE_STATIC) != SQLITE_OK)
                db.failSqlite("cannot bind a value");
            if (sqlite3_step(write) != SQLITE_DONE) db.failSqlite("cannot update the slot map");
        }
        changedChunks.clear();
    }

    // Migration to v4: the map of a store whose rows are already in slots.
    void buildSlotMap() {
        for (int index = 0; index < kSlotClasses; ++index) addSlotMapChunks(index, 0, slotClass(index).capacity);
        StatementHandle used = db.prepare("SELECT slot FROM answer_slots WHERE used = 1");
        int rc = SQLITE_OK;
        while ((rc = sqlite3_step(used.get())) == SQLITE_ROW) markUsed(sqlite3_column_int64(used.get(), 0));
        if (rc != SQLITE_DONE) db.failSqlite("cannot read the slots of schema version 3");
        flushSlotMap();
    }

    // Migration to v3: the rows of the old table go into slots like new ones, and the table goes (its pages zeroed by
    // secure_delete).
    void moveRowsIntoSlots() {
        if (db.queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'responses_before_v3'") == 0) return;
        std::vector<Submission> submissions;
        std::vector<NewRow> rows;
        {
            StatementHandle select = db.prepare(
                "SELECT id, survey_id, survey_version, step_id, module_id, module_version, team, session_date, payload "
                "FROM responses_before_v3");
            int rc = SQLITE_OK;
            std::vector<std::pair<std::string, std::string>> idAndDate;
            while ((rc = sqlite3_step(select.get())) == SQLITE_ROW) {
                Submission submission;
                submission.surveyId = sqlite::columnText(select.get(), 1);
                submission.surveyVersion = static_cast<uint32_t>(sqlite3_column_int64(select.get(), 2));
                if (sqlite3_column_type(select.get(), 6) != SQLITE_NULL)
                    submission.team = sqlite::columnText(select.get(), 6);
                submission.responses.push_back({sqlite::columnText(select.get(), 3), sqlite::columnText(select.get(), 4),
                                                sqlite::columnText(select.get(), 5), sqlite::columnText(select.get(), 8)});
                submissions.push_back(std::move(submission));
                idAndDate.emplace_back(sqlite::columnText(select.get(), 0), sqlite::columnText(select.get(), 7));
            }
            if (rc != SQLITE_DONE) db.failSqlite("cannot read the responses of schema version 2");
            for (std::size_t i = 0; i < submissions.size(); ++i)
                rows.push_back({idAndDate[i].first, &submissions[i], &submissions[i].responses.front(), idAndDate[i].second});
        }
        storeRows(rows);
        db.exec("DROP TABLE responses_before_v3");
    }

    // Every write moves the files' times to now; set them back to the day. See "Order-free layout" on ctime.
    void coarsenFileTimes(const std::string& date) const {
        if (inMemory) return;
        const std::time_t midnight = midnightOf(date);
        const struct timespec times[2] = {{midnight, 0}, {midnight, 0}};
        for (const fs::path& file : {db.path(), fs::path(db.path().string() + "-journal")})
            ::utimensat(AT_FDCWD, file.c_str(), times, 0); // a missing journal is fine
    }

    // Every stored row, decoded, in slot order (which is random). A slot that does not decode is damage.
    template <typename Visit>
    void forEachRow(Visit&& visit) {
        StatementUse use(cached(usedSlots, "SELECT slot, body FROM answer_slots WHERE used = 1"));
        int rc = SQLITE_OK;
        while ((rc = sqlite3_step(use.get())) == SQLITE_ROW) {
            const auto* body = static_cast<const char*>(sqlite3_column_blob(use.get(), 1));
            auto row = decodeSlot(body ? body : "", static_cast<std::size_t>(sqlite3_column_bytes(use.get(), 1)));
            if (!row)
                db.fail("the database is damaged (slot " + std::to_string(sqlite3_column_int64(use.get(), 0)) +
                        " does not hold a response)");
            visit(std::move(*row));
        }
        if (rc != SQLITE_DONE) db.failSqlite("cannot read responses");
    }

    // [SECTION] Following the store (readNew)

    // A chunk with more new slots than this is read as one range of slots rather than slot by slot.
    static constexpr int kRangeReadFrom = 64;

    NewRows readNew(ReadCursor& cursor, std::size_t maxRows) {
        NewRows result;
        ReadTransaction snapshot(db); // the map and the slots as one state
        if (cursor.classes.size() != kSlotClasses) cursor.classes.assign(kSlotClasses, {});
        {
            StatementUse use(cached(capacities, "SELECT class, capacity FROM slot_classes"));
            int rc = SQLITE_OK;
            while ((rc = sqlite3_step(use.get())) == SQLITE_ROW) {
                const int index = sqlite3_column_int(use.get(), 0);
                const auto capacity = static_cast<uint64_t>(sqlite3_column_int64(use.get(), 1));
                if (index < 0 || index >= kSlotClasses) continue;
                ReadCursor::SlotClass& seen = cursor.classes[static_cast<std::size_t>(index)];
                if (seen.capacity == capacity) continue;
                if (seen.capacity != 0) return startOver(cursor);
                seen.capacity = capacity;
                seen.read.assign(slot_map::chunksFor(capacity) * slot_map::kChunkBytes, '\0');
            }
            if (rc != SQLITE_DONE) db.failSqlite("cannot read the slot classes");
        }
        bool more = false;
        StatementUse use(cached(readMap, "SELECT chunk, bits FROM slot_map"));
        int rc = SQLITE_OK;
        while ((rc = sqlite3_step(use.get())) == SQLITE_ROW) {
            const int64_t chunk = sqlite3_column_int64(use.get(), 0);
            const auto* bits = static_cast<const unsigned char*>(sqlite3_column_blob(use.get(), 1));
            const int index = slot_map::slotClassOf(chunk);
            if (!bits || sqlite3_column_bytes(use.get(), 1) != static_cast<int>(slot_map::kChunkBytes) || index < 0 ||
                index >= kSlotClasses)
                fail("the database is damaged (slot map chunk " + std::to_string(chunk) + " is not one)");
            ReadCursor::SlotClass& seen = cursor.classes[static_cast<std::size_t>(index)];
            const std::size_t offset = slot_map::indexInClass(chunk) * slot_map::kChunkBytes;
            if (offset + slot_map::kChunkBytes > seen.read.size()) continue; // beyond the class: never used
            std::vector<uint64_t> fresh; // bit numbers within the chunk
            for (std::size_t byte = 0; byte < slot_map::kChunkBytes; ++byte) {
                const auto had = static_cast<unsigned char>(seen.read[offset + byte]);
                if (had & ~bits[byte]) return startOver(cursor); // a slot read before is free now: dealt again
                for (unsigned newBits = bits[byte] & ~had & 0xffu; newBits != 0; newBits &= newBits - 1)
                    fresh.push_back(byte * 8 + static_cast<unsigned>(__builtin_ctz(newBits)));
            }
            if (fresh.empty()) continue;
            if (result.rows.size() + fresh.size() > maxRows) {
                more = true;
                fresh.resize(maxRows - result.rows.size());
            }
            readSlots(chunk, fresh, result.rows);
            for (const uint64_t bit : fresh) {
                auto& byte = seen.read[offset + bit / 8];
                byte = static_cast<char>(static_cast<unsigned char>(byte) | (1u << (bit % 8)));
            }
            if (more) break;
        }
        if (!more && rc != SQLITE_DONE) db.failSqlite("cannot read the slot map");
        result.upToDate = !more;
        return result;
    }

    static NewRows startOver(ReadCursor& cursor) {
        cursor = ReadCursor{};
        NewRows result;
        result.startOver = true;
        return result;
    }

    [[noreturn]] void fail(const std::string& why) const { db.fail(why); }

    // The rows in the given slots of one chunk (bit numbers ascending), appended to `rows`.
    void readSlots(int64_t chunk, const std::vector<uint64_t>& bits, std::vector<StoredResponse>& rows) {
        const int64_t first = slot_map::firstSlotOf(chunk);
        const auto decodeInto = [&](sqlite3_stmt* statement) {
            const auto* body = static_cast<const char*>(sqlite3_column_blob(statement, 1));
            auto row = decodeSlot(body ? body : "", static_cast<std::size_t>(sqlite3_column_bytes(statement, 1)));
            if (!row)
                fail("the database is damaged (slot " + std::to_string(sqlite3_column_int64(statement, 0)) +
                     " does not hold a response)");
            rows.push_back(std::move(*row));
        };
        if (bits.size() >= kRangeReadFrom) {
            // One pass over the chunk's slots, keeping the wanted ones (both lists ascend).
            StatementUse use(cached(readSlotRange, "SELECT slot, body FROM answer_slots WHERE slot >= ?1 AND slot < ?2 "
                                                   "AND used = 1 ORDER BY slot"));
            sqlite3_bind_int64(use.get(), 1, first);
            sqlite3_bind_int64(use.get(), 2, first + static_cast<int64_t>(slot_map::kSlotsPerChunk));
            std::size_t next = 0;
            int rc = SQLITE_OK;
            while (next < bits.size() && (rc = sqlite3_step(use.get())) == SQLITE_ROW) {
                const auto bit = static_cast<uint64_t>(sqlite3_column_int64(use.get(), 0) - first);
                if (bit != bits[next]) continue;
                decodeInto(use.get());
                ++next;
            }
            if (next < bits.size())
                rc != SQLITE_ROW && rc != SQLITE_DONE ? db.failSqlite("cannot read responses")
                                                      : fail("the database is damaged (the slot map names a free slot)");
            return;
        }
        sqlite3_stmt* one = cached(readSlot, "SELECT slot, body FROM answer_slots WHERE slot = ?1 AND used = 1");
        for (const uint64_t bit : bits) {
            StatementUse use(one);
            sqlite3_bind_int64(one, 1, first + static_cast<int64_t>(bit));
            const int rc = sqlite3_step(one);
            if (rc == SQLITE_DONE) fail("the database is damaged (the slot map names a free slot)");
            if (rc != SQLITE_ROW) db.failSqlite("cannot read responses");
            decodeInto(one);
        }
    }

    void insert(const std::vector<const Submission*>& submissions) {
        for (const Submission* submission : submissions) validate(*submission);
        const std::string date = sessionDate();
        // Draw every id before writing, so a failing random source leaves nothing half-written.
        std::vector<NewRow> rows;
        for (const Submission* submission : submissions)
            for (const ResponseDraft& draft : submission->responses) rows.push_back({randomId(), submission, &draft, date});
        {
            changedChunks.clear();
            Transaction transaction(db);
            storeRows(rows);
            transaction.commit();
        }
        coarsenFileTimes(date);
    }
};

ResponseStore::ResponseStore(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
ResponseStore::ResponseStore(ResponseStore&&) noexcept = default;
ResponseStore& ResponseStore::operator=(ResponseStore&&) noexcept = default;
ResponseStore::~ResponseStore() = default;

ResponseStore::Impl& ResponseStore::impl() const {
    if (!m_impl) throw StoreError("response store: used after it was moved from");
    return *m_impl;
}

ResponseStore ResponseStore::open(const fs::path& path, ResponseStoreOptions options) {
    if (path.empty()) throw StoreError("response store: the database path is empty");
    const bool inMemory = path == ":memory:";
    const auto refuse = [&path](const std::string& why) { throw StoreError("response store " + quoted(path) + ": " + why); };
    bool created = false;
    if (!inMemory) {
        StorePathCheck check;
        if (auto refusal = checkStorePath(path, options.createParentDirectories, kApplicationId, check)) refuse(*refusal);
        if (check.state == StorePathState::Missing) {
            try {
                createDirectoriesDurably(path.parent_path());
            } catch (const StoreError& error) {
                refuse(error.what());
            }
            created = true;
        }
        if (auto full = checkFreeSpace(path.parent_path(), kMinFreeBytes)) refuse(*full);
    }

    // A store we created and then refuse (e.g. the probe write failed) is removed again: a refusal changes nothing.
    struct CreatedFiles {
        fs::path path;
        bool active;
        ~CreatedFiles() {
            if (!active) return;
            std::error_code ignored;
            fs::remove(path, ignored);
            fs::remove(path.string() + "-journal", ignored);
        }
    } cleanup{path, created};

    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                   inMemory ? nullptr : storeVfsName());
    Database db(path, raw);
    if (rc != SQLITE_OK) db.failSqlite("cannot open");
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, static_cast<int>(options.busyTimeout.count()));
    if (!inMemory && sqlite3_db_readonly(raw, "main") == 1) db.fail("read-only file; it was left untouched");

    auto impl = std::make_unique<Impl>(std::move(db), std::move(options), inMemory);
    impl->checkFileIsOurs();
    impl->configure();
    impl->migrate();
    impl->probeWrite();
    // SQLite syncs the directory for its journals, not for the database file it creates.
    if (created) syncDirectory(path.parent_path());
    impl->coarsenFileTimes(localDateToday());
    cleanup.active = false;
    return ResponseStore(std::move(impl));
}

void ResponseStore::submit(const Submission& submission) {
    Impl& store = impl();
    const std::lock_guard lock(store.mutex);
    store.insert({&submission});
}

void ResponseStore::submitAll(const std::vector<Submission>& submissions) {
    if (submissions.empty()) return;
    std::vector<const Submission*> all;
    all.reserve(submissions.size());
    for (const Submission& submission : submissions) all.push_back(&submission);
    Impl& store = impl();
    const std::lock_guard lock(store.mutex);
    store.insert(all);
}

std::vector<StoredResponse> ResponseStore::responses(std::optional<std::string> surveyId) const {
    std::vector<StoredResponse> rows;
    Impl& store = impl();
    const std::lock_guard lock(store.mutex);
    store.forEachRow([&](StoredResponse&& row) {
        if (!surveyId || row.surveyId == *surveyId) rows.push_back(std::move(row));
    });
    // By the random id: never by slot, which is random too, but the id is what callers can rely on.
    std::sort(rows.begin(), rows.end(), [](const StoredResponse& a, const StoredResponse& b) { return a.id < b.id; });
    return rows;
}

std::size_t ResponseStore::count(std::optional<std::string> surveyId) const {
    Impl& store = impl();
    const std::lock_guard lock(store.mutex);
    if (surveyId) {
        std::size_t rows = 0;
        store.forEachRow([&](StoredResponse&& row) { rows += row.surveyId == *surveyId; });
        return rows;
    }
    // All rows: the classes' counters, without decoding a slot.
    StatementUse use(store.cached(store.countAll, "SELECT coalesce(sum(used), 0) FROM slot_classes"));
    if (sqlite3_step(use.get()) != SQLITE_ROW) store.db.failSqlite("cannot count responses");
    return static_cast<std::size_t>(sqlite3_column_int64(use.get(), 0));
}

std::size_t ResponseStore::participants(const std::string& surveyId) const {
    for (const SurveyParticipants& survey : surveys())
        if (survey.surveyId == surveyId) return survey.participants;
    return 0;
}

std::vector<SurveyParticipants> ResponseStore::surveys() const {
    // survey -> step -> rows; a participant leaves one row per step, so the most-answered step counts people.
    std::map<std::string, std::map<std::string, std::size_t>> rowsPerStep;
    Impl& store = impl();
    const std::lock_guard lock(store.mutex);
    store.forEachRow([&](StoredResponse&& row) { ++rowsPerStep[row.surveyId][row.stepId]; });
    std::vector<SurveyParticipants> surveys;
    for (const auto& [surveyId, steps] : rowsPerStep) {
        std::size_t most = 0;
        for (const auto& step : steps) most = std::max(most, step.second);
        surveys.push_back({surveyId, most});
    }
    return surveys;
}

std::optional<std::string> ResponseStore::setting(const std::string& key) const {
    Impl& store = impl();
    const std::lock_guard lock(store.mutex);
    StatementUse use(store.cached(store.selectSetting, "SELECT value FROM settings WHERE key = ?1"));
    bindText(store.db, use.get(), 1, key);
    const int rc = sqlite3_step(use.get());
    if (rc == SQLITE_ROW) return sqlite::columnText(use.get(), 0);
    if (rc != SQLITE_DONE) store.db.failSqlite("cannot read setting '" + key + "'");
    return std::nullopt;
}

void ResponseStore::setSetting(const std::string& key, const std::string& value) {
    Impl& store = impl();
    const std::lock_guard lock(store.mutex);
    if (key.empty() || hasNul(key)) store.db.fail("a setting needs a non-empty key without NUL characters");
    if (hasNul(value)) store.db.fail("the value of setting '" + key + "' contains a NUL character");
    StatementUse use(store.cached(store.upsertSetting, "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                                                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    bindText(store.db, use.get(), 1, key);
    bindText(store.db, use.get(), 2, value);
    // One statement in autocommit mode: durable when it returns (synchronous=FULL).
    if (sqlite3_step(use.get()) != SQLITE_DONE) store.db.failSqlite("cannot store setting '" + key + "'");
    store.coarsenFileTimes(localDateToday());
}

void ResponseStore::eraseSetting(const std::string& key) {
    Impl& store = impl();
    const std::lock_guard lock(store.mutex);
    StatementUse use(store.cached(store.deleteSetting, "DELETE FROM settings WHERE key = ?1"));
    bindText(store.db, use.get(), 1, key);
    if (sqlite3_step(use.get()) != SQLITE_DONE) store.db.failSqlite("cannot remove setting '" + key + "'");
    store.coarsenFileTimes(localDateToday());
}

ResponseStoreSettings ResponseStore::settings() const {
    Impl& store = impl();
    const std::lock_guard lock(store.mutex);
    const Database& db = store.db;
    ResponseStoreSettings settings;
    settings.journalMode = db.queryText("PRAGMA journal_mode");
    settings.synchronous = static_cast<int>(db.queryInt("PRAGMA synchronous"));
    settings.foreignKeys = db.queryInt("PRAGMA foreign_keys") != 0;
    settings.busyTimeoutMs = static_cast<int>(db.queryInt("PRAGMA busy_timeout"));
    settings.schemaVersion = static_cast<uint32_t>(db.queryInt("PRAGMA user_version"));
    return settings;
}

const fs::path& ResponseStore::path() const { return impl().db.path(); }

uint64_t ResponseStore::changeToken() const {
    Impl& store = impl();
    const std::lock_guard lock(store.mutex);
    // data_version moves when another connection commits, total_changes when this one writes.
    StatementUse use(store.cached(store.dataVersion, "PRAGMA data_version"));
    if (sqlite3_step(use.get()) != SQLITE_ROW) store.db.failSqlite("cannot ask whether the store changed");
    const auto others = static_cast<uint64_t>(sqlite3_column_int64(use.get(), 0));
    const auto own = static_cast<uint64_t>(sqlite3_total_changes64(store.db.get()));
    return (others << 40) ^ own;
}

NewRows ResponseStore::readNew(ReadCursor& cursor, std::size_t maxRows) const {
    Impl& store = impl();
    const std::lock_guard lock(store.mutex);
    return store.readNew(cursor, std::max<std::size_t>(maxRows, 1));
}

} // namespace alignkiosk::core
