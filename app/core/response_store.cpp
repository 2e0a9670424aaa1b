#include "response_store.h"

#include "random_bytes.h"
#include "slot_map.h"
#include "sqlite_connection.h"
#include "store_growth.h"
#include "store_path_checks.h"
#include "store_vfs.h"
#include "submission_check.h"
#include "survey_tally.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rapidjson/document.h>
#include <sodium.h>

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
//   page split or an overflow page made later has a higher page number. So no answer is inserted into a B-tree as it
//   comes. Rows live in fixed-size slots of `answer_slots`, made ahead of need; a row overwrites a slot drawn uniformly
//   at random among the free ones of its size class. (A slot is inserted when it is dealt, below: in slot order,
//   holding nothing or a row drawn uniformly among all the class has, so its place tells when the slot was made,
//   never when its row came.) SQLite overwrites a cell of unchanged size in place
//   (btreeOverwriteCell), so nothing else on the page moves. At every moment the rows sit in a uniformly random
//   arrangement of the slots: which slot a row is in is independent of when it came.
// - A class grows ahead of need and in bounded steps (store_growth.h): its capacity rests on a ladder of rungs, each
//   half as big again, and once it would be 8/10 full it grows towards the next rung over as many commits as that
//   takes, each dealing at most 16 slots plus two per row it adds, so no commit pauses. A slot is dealt by one step
//   of an inside-out shuffle: the new slot m is appended (in slot order), a slot j is drawn uniformly
//   among the m + 1, and if j holds a row, the row moves to m and j is zeroed. If the rows sit in a uniformly random
//   arrangement of slots [0, m) before the step, they sit in one of [0, m + 1) after it; a new row overwrites a
//   uniformly random free slot of the dealt ones, which keeps that true. So after every commit, mid-growth included,
//   the rows are uniformly arranged over all the slots the class has (slots not yet dealt do not exist yet), and a
//   row's slot, page and byte offset are independent of when it came. That is the property the old all-at-once
//   re-deal gave, now at O(1) work per row in every commit instead of O(rows of the class) once in a while. Why not
//   let new rows land in pre-made, not-yet-dealt slots: until the old rows were dealt there, those slots would hold
//   only rows that came after the growth began. Classes step by a factor of sqrt(2) in size, so a row wastes about a
//   sixth of its slot; with the load mostly between 0.55 and 0.8 a store takes a little over twice its rows' bytes.
// Rows are never deleted; secure_delete zeroes anything SQLite frees all the same (the rows moved out of an older
// schema's table, say). File times are set back to the session day's midnight after every write (the kernel's
// change time, ctime, cannot be set by a program: it says when the store was last written, as the mtime did).
//
// A reader that follows the store (readNew) finds new rows through `slot_map`: a bit per slot, set when the slot is
// used, kept in fixed-size blobs overwritten in place like the slots. Comparing the bits it has seen with the map's
// gives the new slots, in slot order; the map says no more than the slots' `used` column does.
//
// A slot's body is the row as a JSON array, then zero bytes; the `responses` view decodes them for people.
//
// [SECTION] Delivered ids
//
// A collector must make a repeated delivery a no-op, so the store keeps the set of submission ids it has taken (a
// random 128-bit id the laptop makes). That set must not say in which order the ids came, nor which rows an id
// brought:
// - An id is kept as a 16-byte BLAKE2b digest keyed with a random 32-byte key made when the set is created
//   (`delivered_set.hash_key`). A digest is as good as the id for "seen before?" (a false match needs a 128-bit
//   collision), where it goes depends on nothing the sender controls (a laptop cannot aim ids at one bucket to make it
//   overflow), and the file does not hold the ids a laptop's outbox or a network trace may show.
// - Digests live in `delivered_buckets`: rows made empty in advance whose blob has a fixed size (64 digests of 16
//   bytes), overwritten in place like the slots, so no cell is ever inserted in arrival order. An id's bucket is
//   its digest mod the bucket count, and within a bucket the digests are kept sorted, zeros after them. So the
//   table's content is a function of the key, the set and the bucket count alone: the same ids delivered in any
//   order give the same bytes.
// - The set grows by linear hashing (store_growth.h): one bucket is added per 16 ids, appended in bucket order, and
//   each addition splits one older bucket (rewritten in place) between itself and the new one. A commit makes a
//   bounded number of splits, so a growing set never pauses a commit. The bucket count is a function of how many ids
//   there are, and each bucket's content a function of the key, the set and the bucket count: never of which came
//   first. (Only when an id meets a full bucket, about once in ten million buckets, are buckets split until it fits.)
// - Nothing links an id to its rows: rows keep their own random ids, nothing in a row names its submission, and the
//   digest's bucket has nothing to do with the rows' slots. One transaction writes both (so the id is stored if and
//   only if the rows are), and the truncated journal keeps nothing of it after the commit.

namespace {

// [SECTION] Schema

// Marks the file as ours in the SQLite header ("AlKs"), so we never migrate somebody else's database.
constexpr int32_t kApplicationId = 0x416c4b73;

// Slot classes: bodies of 256 or 362 bytes (about 256 * sqrt(2)) shifted left by class / 2, 256 B to 64 KiB (the
// same formula is the schema's CHECK). A class's slots are numbered (class << 32) + n.
constexpr int kSlotClasses = 17;

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
    // v5. The submission ids delivered to a collector, as keyed digests in fixed-size sorted buckets (see "Delivered
    // ids"). `delivered_set` is its one row of bookkeeping: the hashing key, the bucket count and how many ids there
    // are. The program makes the key and the first empty buckets (Impl::createDeliveredSet).
    {5, R"sql(
CREATE TABLE delivered_set (
    one      INTEGER NOT NULL PRIMARY KEY CHECK (one = 0),
    hash_key BLOB    NOT NULL CHECK (length(hash_key) = 32),
    buckets  INTEGER NOT NULL CHECK (buckets > 0),
    used     INTEGER NOT NULL CHECK (used BETWEEN 0 AND buckets * 32)
) STRICT;
CREATE TABLE delivered_buckets (
    bucket INTEGER NOT NULL PRIMARY KEY CHECK (bucket >= 0),
    ids    BLOB    NOT NULL CHECK (length(ids) = 1024)
) STRICT;
)sql"},
};
static_assert(std::size(kMigrations) == ResponseStore::kSchemaVersion, "one migration per schema version");

// [SECTION] Delivered ids: digests and buckets (see "Delivered ids")

constexpr std::size_t kDigestBytes = 16;
constexpr std::size_t kDigestsPerBucket = 64;
constexpr std::size_t kBucketBytes = kDigestsPerBucket * kDigestBytes; // the schema's CHECK
constexpr std::size_t kDeliveryKeyBytes = crypto_generichash_KEYBYTES;
static_assert(kBucketBytes == 1024 && kDeliveryKeyBytes == 32, "the v5 schema's CHECKs");

using IdBytes = SubmissionIdBytes;
using Digest = std::array<unsigned char, kDigestBytes>;

// The keyed BLAKE2b digest of an id. All zeros marks an empty place in a bucket, so that one digest (odds 2^-128)
// becomes ...01.
Digest digestOf(const std::string& key, const IdBytes& id) {
    static const int ready = sodium_init(); // picks implementations; safe to call again, cheap after the first
    if (ready < 0) throw StoreError("response store: cannot initialise libsodium");
    Digest digest{};
    crypto_generichash(digest.data(), digest.size(), id.data(), id.size(),
                       reinterpret_cast<const unsigned char*>(key.data()), key.size());
    if (std::all_of(digest.begin(), digest.end(), [](unsigned char b) { return b == 0; })) digest.back() = 1;
    return digest;
}

uint64_t bucketOf(const Digest& digest, uint64_t buckets) {
    uint64_t value = 0;
    std::memcpy(&value, digest.data(), sizeof value);
    return store_growth::bucketOf(value, buckets);
}

// A bucket's digests are a sorted prefix of its blob, zeros after them.
std::size_t digestsIn(const std::string& bucket) {
    std::size_t n = 0;
    const auto used = [&bucket](std::size_t place) {
        const char* digest = bucket.data() + place * kDigestBytes;
        return std::any_of(digest, digest + kDigestBytes, [](char b) { return b != 0; });
    };
    while (n < kDigestsPerBucket && used(n)) ++n;
    return n;
}

int compareDigest(const std::string& bucket, std::size_t place, const Digest& digest) {
    return std::memcmp(bucket.data() + place * kDigestBytes, digest.data(), kDigestBytes);
}

// The place where digest is or would go, among the first `count`.
std::size_t placeOf(const std::string& bucket, std::size_t count, const Digest& digest) {
    std::size_t low = 0, high = count;
    while (low < high) {
        const std::size_t mid = (low + high) / 2;
        if (compareDigest(bucket, mid, digest) < 0) low = mid + 1;
        else high = mid;
    }
    return low;
}

bool bucketHolds(const std::string& bucket, const Digest& digest) {
    const std::size_t count = digestsIn(bucket);
    const std::size_t place = placeOf(bucket, count, digest);
    return place < count && compareDigest(bucket, place, digest) == 0;
}

// Adds digest in its sorted place; false when the bucket is full.
bool addToBucket(std::string& bucket, const Digest& digest) {
    const std::size_t count = digestsIn(bucket);
    if (count == kDigestsPerBucket) return false;
    const std::size_t place = placeOf(bucket, count, digest);
    std::memmove(bucket.data() + (place + 1) * kDigestBytes, bucket.data() + place * kDigestBytes,
                 (count - place) * kDigestBytes);
    std::memcpy(bucket.data() + place * kDigestBytes, digest.data(), kDigestBytes);
    return true;
}

// [SECTION] Small helpers

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

// A row encoded for a slot, and its slot class.
using SlotBody = std::pair<std::string, int>;

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
    StatementHandle usedSlots, countAll, jsonValid, encodeRow, readClass, updateClass, slotUsed, fillSlot, slotBody,
        freeSlot, addSlot, selectSetting, upsertSetting, keepSettingStatement, deleteSetting, readChunk, writeChunk,
        addChunk, readMap, readSlot, readSlotRange, capacities, dataVersion, readDelivered, writeDelivered, readBucket,
        writeBucket, addBucket;
    // One public call at a time (see "Threads" in response_store.h).
    std::mutex mutex;
    // The slot map's chunks a write transaction changed, written back before it commits (flushSlotMap).
    std::map<int64_t, std::string> changedChunks;
    // The delivered-id buckets a write transaction read (as it has them now), and which of them it changed.
    std::map<uint64_t, std::string> loadedBuckets;
    std::set<uint64_t> changedBuckets;

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
        for (const char* table : {"sqlite_schema", "settings", "slot_classes", "slot_map", "delivered_set"}) {
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
        if (current < 5) createDeliveredSet();
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
        if (auto problem = problemWith(submission)) db.fail(*problem);
    }

    // What is wrong with a submission, in words that name no file; nothing when it may be stored. Throws StoreError
    // only when SQLite fails.
    std::optional<std::string> problemWith(const Submission& submission) {
        return submissionProblem(submission, [this](const std::string& text) { return isJson(text); });
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
        if (!isSessionDate(date)) db.fail("the session date '" + date + "' is not a date of the form YYYY-MM-DD");
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

    // The row as a slot's body (SQLite's json_array does the escaping), padded to its class's size, and the class;
    // or, in `problem`, why it does not fit any slot.
    std::optional<SlotBody> encodeSlot(const NewRow& row, std::string& problem) {
        StatementUse use(cached(encodeRow, "SELECT json_array(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
        bindRow(use.get(), row);
        if (sqlite3_step(use.get()) != SQLITE_ROW) db.failSqlite("cannot encode a response");
        std::string body = sqlite::columnText(use.get(), 0);
        // At least one zero byte must follow the JSON: it marks where the text ends.
        for (int slotClass = 0; slotClass < kSlotClasses; ++slotClass) {
            const uint64_t size = slotBytes(slotClass);
            if (body.size() < size) {
                body.resize(size, '\0');
                return SlotBody{std::move(body), slotClass};
            }
        }
        problem = "the response to step '" + row.draft->stepId + "' is " + std::to_string(body.size()) +
                  " bytes, more than the largest answer the store keeps (" +
                  std::to_string(slotBytes(kSlotClasses - 1) - 1) + " bytes)";
        return std::nullopt;
    }

    // Every row's body, before a transaction begins. Throws StoreError (nothing written) when one does not fit.
    std::vector<SlotBody> encodeRows(const std::vector<NewRow>& rows) {
        std::vector<SlotBody> bodies;
        bodies.reserve(rows.size());
        std::string problem;
        for (const NewRow& row : rows) {
            auto body = encodeSlot(row, problem);
            if (!body) db.fail(problem + "; nothing was stored");
            bodies.push_back(std::move(*body));
        }
        return bodies;
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

    // One step of the inside-out shuffle (see "Order-free layout"): appends slot `dealt` of the class and gives it
    // the content of a slot drawn uniformly among the dealt + 1 (itself included), which is zeroed if it held a row.
    // Moves at most one row.
    void dealSlot(int index, uint64_t dealt) {
        const int64_t slot = slotNumber(index, dealt);
        const uint64_t drawn = randomBelow(dealt + 1);
        std::string body;
        if (drawn < dealt) {
            const int64_t from = slotNumber(index, drawn);
            {
                StatementUse use(cached(slotBody, "SELECT used, body FROM answer_slots WHERE slot = ?1"));
                sqlite3_bind_int64(use.get(), 1, from);
                if (sqlite3_step(use.get()) != SQLITE_ROW)
                    db.failSqlite("slot " + std::to_string(from) + " is missing");
                if (sqlite3_column_int(use.get(), 0) != 0)
                    body.assign(static_cast<const char*>(sqlite3_column_blob(use.get(), 1)),
                                static_cast<std::size_t>(sqlite3_column_bytes(use.get(), 1)));
            }
            if (!body.empty()) {
                if (body.size() != slotBytes(index)) fail("the database is damaged (slot " + std::to_string(from) +
                                                          " has the wrong size)");
                StatementUse use(
                    cached(freeSlot, "UPDATE answer_slots SET used = 0, body = zeroblob(?2) WHERE slot = ?1"));
                sqlite3_bind_int64(use.get(), 1, from);
                sqlite3_bind_int64(use.get(), 2, static_cast<int64_t>(body.size()));
                if (sqlite3_step(use.get()) != SQLITE_DONE) db.failSqlite("cannot move a response");
                markFree(from);
            }
        }
        addSlotMapChunks(index, dealt, dealt + 1);
        StatementUse use(cached(addSlot, "INSERT INTO answer_slots (slot, used, body) "
                                         "VALUES (?1, ?2, CASE WHEN ?2 THEN ?3 ELSE zeroblob(?4) END)"));
        sqlite3_bind_int64(use.get(), 1, slot);
        sqlite3_bind_int(use.get(), 2, body.empty() ? 0 : 1);
        if (sqlite3_bind_blob64(use.get(), 3, body.data(), body.size(), SQLITE_STATIC) != SQLITE_OK)
            db.failSqlite("cannot bind a value");
        sqlite3_bind_int64(use.get(), 4, static_cast<int64_t>(slotBytes(index)));
        if (sqlite3_step(use.get()) != SQLITE_DONE) db.failSqlite("cannot add a slot");
        if (!body.empty()) markUsed(slot);
    }

    // Deals the slots this commit owes the class (store_growth::slotsToDeal: a bounded number, so a growth spreads
    // over commits instead of pausing one), before `more` rows are placed.
    SlotClass grow(int index, SlotClass slots, uint64_t more) {
        const uint64_t deal = store_growth::slotsToDeal(slots.capacity, slots.used, more);
        if (deal == 0) return slots;
        for (uint64_t n = 0; n < deal; ++n) dealSlot(index, slots.capacity + n);
        slots.capacity += deal;
        writeClass(index, slots);
        return slots;
    }

    // Inside a transaction: every row into a random free slot of its class.
    void storeBodies(const std::vector<SlotBody>& bodies) {
        std::array<uint64_t, kSlotClasses> needed{};
        for (const SlotBody& body : bodies) ++needed[static_cast<std::size_t>(body.second)];
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

    void markFree(int64_t slot) {
        slot_map::clear(chunkBits(slot_map::chunkOf(slot)), slot_map::indexInClass(slot) % slot_map::kSlotsPerChunk);
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

    // [SECTION] Delivered ids (see "Delivered ids"), kept inside the write transaction

    struct DeliveredSet {
        std::string key;
        uint64_t buckets = 0;
        uint64_t used = 0;
    };

    // Migration to v5: a fresh key from the kernel's random source, and the first empty buckets.
    void createDeliveredSet() {
        std::string key(kDeliveryKeyBytes, '\0');
        fillRandom(reinterpret_cast<unsigned char*>(key.data()), key.size());
        StatementHandle insert =
            db.prepare("INSERT INTO delivered_set (one, hash_key, buckets, used) VALUES (0, ?1, ?2, 0)");
        sqlite3_bind_blob64(insert.get(), 1, key.data(), key.size(), SQLITE_STATIC);
        sqlite3_bind_int64(insert.get(), 2, static_cast<int64_t>(store_growth::kFirstBuckets));
        if (sqlite3_step(insert.get()) != SQLITE_DONE) db.failSqlite("cannot create the set of delivered ids");
        addBuckets(0, store_growth::kFirstBuckets);
    }

    DeliveredSet readDeliveredSet() {
        StatementUse use(cached(readDelivered, "SELECT hash_key, buckets, used FROM delivered_set WHERE one = 0"));
        const int rc = sqlite3_step(use.get());
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) db.failSqlite("cannot read the set of delivered ids");
        DeliveredSet set;
        if (rc == SQLITE_ROW) {
            const auto* key = static_cast<const char*>(sqlite3_column_blob(use.get(), 0));
            if (key && sqlite3_column_bytes(use.get(), 0) == static_cast<int>(kDeliveryKeyBytes))
                set.key.assign(key, kDeliveryKeyBytes);
            set.buckets = static_cast<uint64_t>(sqlite3_column_int64(use.get(), 1));
            set.used = static_cast<uint64_t>(sqlite3_column_int64(use.get(), 2));
        }
        if (set.key.empty() || set.buckets == 0) fail("the database is damaged (the set of delivered ids is missing)");
        return set;
    }

    // The bucket as this transaction has it.
    std::string& bucketBytes(uint64_t bucket) {
        const auto loaded = loadedBuckets.find(bucket);
        if (loaded != loadedBuckets.end()) return loaded->second;
        StatementUse use(cached(readBucket, "SELECT ids FROM delivered_buckets WHERE bucket = ?1"));
        sqlite3_bind_int64(use.get(), 1, static_cast<int64_t>(bucket));
        const int rc = sqlite3_step(use.get());
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) db.failSqlite("cannot read the delivered ids");
        if (rc != SQLITE_ROW || sqlite3_column_bytes(use.get(), 0) != static_cast<int>(kBucketBytes))
            fail("the database is damaged (bucket " + std::to_string(bucket) + " of the delivered ids is missing)");
        const auto* ids = static_cast<const char*>(sqlite3_column_blob(use.get(), 0));
        return loadedBuckets.emplace(bucket, std::string(ids, kBucketBytes)).first->second;
    }

    // Empty buckets [from, to), appended in bucket order.
    void addBuckets(uint64_t from, uint64_t to) {
        sqlite3_stmt* add =
            cached(addBucket, "INSERT INTO delivered_buckets (bucket, ids) VALUES (?1, zeroblob(1024))");
        for (uint64_t bucket = from; bucket < to; ++bucket) {
            StatementUse use(add);
            sqlite3_bind_int64(add, 1, static_cast<int64_t>(bucket));
            if (sqlite3_step(add) != SQLITE_DONE) db.failSqlite("cannot add buckets for delivered ids");
        }
    }

    // Same size, so SQLite overwrites each bucket in place.
    void writeBucketBytes(uint64_t bucket, const std::string& ids) {
        StatementUse use(cached(writeBucket, "UPDATE delivered_buckets SET ids = ?2 WHERE bucket = ?1"));
        sqlite3_bind_int64(use.get(), 1, static_cast<int64_t>(bucket));
        if (sqlite3_bind_blob64(use.get(), 2, ids.data(), ids.size(), SQLITE_STATIC) != SQLITE_OK)
            db.failSqlite("cannot bind a value");
        if (sqlite3_step(use.get()) != SQLITE_DONE) db.failSqlite("cannot store delivered ids");
    }

    bool delivered(const DeliveredSet& set, const Digest& digest) {
        return bucketHolds(bucketBytes(bucketOf(digest, set.buckets)), digest);
    }

    // Adds digests that are not in the set yet: first the splits the new count wants (a bounded number, see
    // store_growth.h), then each digest in its bucket; a full bucket makes more splits until the digest fits.
    void addDelivered(DeliveredSet& set, const std::vector<Digest>& digests) {
        if (digests.empty()) return;
        const uint64_t used = set.used + digests.size();
        for (uint64_t n = store_growth::splitsToMake(set.buckets, used, digests.size()); n > 0; --n) splitBucket(set);
        for (const Digest& digest : digests) {
            for (;;) {
                const uint64_t bucket = bucketOf(digest, set.buckets);
                if (addToBucket(bucketBytes(bucket), digest)) {
                    changedBuckets.insert(bucket);
                    break;
                }
                splitBucket(set);
            }
        }
        for (const uint64_t bucket : changedBuckets) writeBucketBytes(bucket, loadedBuckets.at(bucket));
        set.used = used;
        StatementUse use(cached(writeDelivered, "UPDATE delivered_set SET buckets = ?1, used = ?2 WHERE one = 0"));
        sqlite3_bind_int64(use.get(), 1, static_cast<int64_t>(set.buckets));
        sqlite3_bind_int64(use.get(), 2, static_cast<int64_t>(set.used));
        if (sqlite3_step(use.get()) != SQLITE_DONE) db.failSqlite("cannot update the set of delivered ids");
        loadedBuckets.clear();
        changedBuckets.clear();
    }

    // Appends bucket `set.buckets` and shares out the digests of the bucket it splits between the two (linear
    // hashing). Both stay sorted: the digests keep their order, each going to one side.
    void splitBucket(DeliveredSet& set) {
        const uint64_t added = set.buckets;
        const uint64_t source = store_growth::splitSource(added);
        addBuckets(added, added + 1);
        std::string& from = bucketBytes(source);
        std::string stay(kBucketBytes, '\0');
        std::string move(kBucketBytes, '\0');
        std::size_t stayed = 0, moved = 0;
        const std::size_t count = digestsIn(from);
        for (std::size_t i = 0; i < count; ++i) {
            Digest digest{};
            std::memcpy(digest.data(), from.data() + i * kDigestBytes, kDigestBytes);
            const bool goes = bucketOf(digest, added + 1) == added;
            std::string& to = goes ? move : stay;
            std::size_t& at = goes ? moved : stayed;
            std::memcpy(to.data() + at++ * kDigestBytes, digest.data(), kDigestBytes);
        }
        from = std::move(stay);
        loadedBuckets[added] = std::move(move);
        changedBuckets.insert(source);
        changedBuckets.insert(added);
        set.buckets = added + 1;
    }

    // [SECTION] Delivery (submitOnce)

    // One delivery that passed the checks, on its way in.
    struct Accepted {
        std::size_t index;
        IdBytes id;
        std::vector<SlotBody> bodies;
    };

    using DeliveryRef = std::pair<const std::string*, const Submission*>; // submission id, submission

    std::vector<DeliveryResult> deliver(const std::vector<DeliveryRef>& deliveries) {
        std::vector<DeliveryResult> results(deliveries.size());
        const auto failAll = [&](const std::string& why) {
            for (DeliveryResult& result : results)
                if (result.outcome != DeliveryOutcome::Refused) result = {DeliveryOutcome::NotStored, why};
            return results;
        };
        // Checked and encoded before the write lock is taken: a bad delivery is refused on its own.
        std::vector<Accepted> accepted;
        std::string date;
        try {
            date = sessionDate();
            std::string problem;
            for (std::size_t i = 0; i < deliveries.size(); ++i) {
                const auto refuse = [&](std::string why) { results[i] = {DeliveryOutcome::Refused, std::move(why)}; };
                const auto id = parseSubmissionId(*deliveries[i].first);
                if (!id) {
                    refuse("the submission id is not 32 lowercase hex digits");
                    continue;
                }
                const Submission& submission = *deliveries[i].second;
                if (auto why = problemWith(submission)) {
                    refuse(std::move(*why));
                    continue;
                }
                Accepted next{i, *id, {}};
                for (const ResponseDraft& draft : submission.responses) {
                    auto body = encodeSlot({randomId(), &submission, &draft, date}, problem);
                    if (!body) break;
                    next.bodies.push_back(std::move(*body));
                }
                if (next.bodies.size() != submission.responses.size()) refuse(problem);
                else accepted.push_back(std::move(next));
            }
        } catch (const StoreError& error) {
            return failAll(error.what());
        }
        if (accepted.empty()) return results;
        changedChunks.clear();
        loadedBuckets.clear();
        changedBuckets.clear();
        try {
            Transaction transaction(db);
            DeliveredSet set = readDeliveredSet();
            std::vector<Digest> fresh;
            std::set<Digest> inBatch;
            std::vector<SlotBody> bodies;
            for (Accepted& delivery : accepted) {
                const Digest digest = digestOf(set.key, delivery.id);
                if (inBatch.count(digest) || delivered(set, digest)) {
                    results[delivery.index] = {DeliveryOutcome::AlreadyDelivered, {}};
                    continue;
                }
                inBatch.insert(digest);
                fresh.push_back(digest);
                results[delivery.index] = {DeliveryOutcome::Stored, {}};
                for (SlotBody& body : delivery.bodies) bodies.push_back(std::move(body));
            }
            if (!fresh.empty()) {
                storeBodies(bodies);
                addDelivered(set, fresh);
                transaction.commit();
            }
        } catch (const StoreError& error) {
            changedChunks.clear();
            loadedBuckets.clear();
            changedBuckets.clear();
            return failAll(error.what());
        }
        coarsenFileTimes(date);
        return results;
    }

    uint64_t deliveredCount() { return readDeliveredSet().used; }

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
        storeBodies(encodeRows(rows));
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
        const std::vector<SlotBody> bodies = encodeRows(rows);
        {
            changedChunks.clear();
            Transaction transaction(db);
            storeBodies(bodies);
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
    sqlite::CreatedFiles cleanup(path, created);

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
    cleanup.dismiss();
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

bool ResponseStore::submitOnce(const std::string& submissionId, const Submission& submission) {
    Impl& store = impl();
    const std::lock_guard lock(store.mutex);
    const DeliveryResult result = store.deliver({{&submissionId, &submission}}).front();
    switch (result.outcome) {
    case DeliveryOutcome::Stored: return true;
    case DeliveryOutcome::AlreadyDelivered: return false;
    case DeliveryOutcome::Refused: store.fail(result.reason + "; nothing was stored");
    case DeliveryOutcome::NotStored: break;
    }
    throw StoreError(result.reason);
}

std::vector<DeliveryResult> ResponseStore::submitOnce(const std::vector<Delivery>& deliveries) {
    std::vector<std::pair<const std::string*, const Submission*>> all;
    all.reserve(deliveries.size());
    for (const Delivery& delivery : deliveries) all.emplace_back(&delivery.submissionId, &delivery.submission);
    Impl& store = impl();
    const std::lock_guard lock(store.mutex);
    return store.deliver(all);
}

std::size_t ResponseStore::deliveredCount() const {
    Impl& store = impl();
    const std::lock_guard lock(store.mutex);
    return static_cast<std::size_t>(store.deliveredCount());
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
    SurveyTally tally;
    Impl& store = impl();
    const std::lock_guard lock(store.mutex);
    store.forEachRow([&](StoredResponse&& row) { tally.add(row); });
    return tally.participants();
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

std::string ResponseStore::keepSetting(const std::string& key, const std::string& value) {
    Impl& store = impl();
    const std::lock_guard lock(store.mutex);
    if (key.empty() || hasNul(key)) store.db.fail("a setting needs a non-empty key without NUL characters");
    if (hasNul(value)) store.db.fail("the value of setting '" + key + "' contains a NUL character");
    std::optional<std::string> kept;
    try {
        Transaction transaction(store.db); // BEGIN IMMEDIATE: another connection's insert waits for this one
        StatementUse insert(store.cached(store.keepSettingStatement, "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                                                                     "ON CONFLICT (key) DO NOTHING"));
        bindText(store.db, insert.get(), 1, key);
        bindText(store.db, insert.get(), 2, value);
        if (sqlite3_step(insert.get()) != SQLITE_DONE) store.db.failSqlite("cannot store setting '" + key + "'");
        {
            StatementUse select(store.cached(store.selectSetting, "SELECT value FROM settings WHERE key = ?1"));
            bindText(store.db, select.get(), 1, key);
            if (sqlite3_step(select.get()) != SQLITE_ROW) store.db.failSqlite("cannot read setting '" + key + "'");
            kept = sqlite::columnText(select.get(), 0);
        }
        transaction.commit();
    } catch (const SqliteError&) {
        store.db.failSqlite("cannot store setting '" + key + "'");
    }
    store.coarsenFileTimes(localDateToday());
    return *kept;
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
