#include "response_store.h"

#include <sqlite3.h>

#include <fcntl.h>
#include <sys/random.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <iterator>
#include <set>
#include <system_error>
#include <utility>

namespace alignkiosk::core {

namespace fs = std::filesystem;

namespace {

// [SECTION] Schema

// Marks the file as ours in the SQLite header ("AlKs"), so we never migrate somebody else's database.
constexpr int32_t kApplicationId = 0x416c4b73;

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
};
static_assert(std::size(kMigrations) == ResponseStore::kSchemaVersion, "one migration per schema version");

constexpr const char* kColumns =
    "id, survey_id, survey_version, step_id, module_id, module_version, team, session_date, payload";

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

void fillFromUrandom(unsigned char* out, std::size_t size) {
    const int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw StoreError(std::string("cannot open /dev/urandom: ") + std::strerror(errno));
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::read(fd, out + done, size - done);
        if (n > 0) {
            done += static_cast<std::size_t>(n);
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            const int error = errno;
            ::close(fd);
            throw StoreError(std::string("cannot read /dev/urandom: ") + std::strerror(error));
        }
    }
    ::close(fd);
}

// From the kernel's CSPRNG: no user-space state to repeat after fork() or to be seeded predictably.
void fillRandom(unsigned char* out, std::size_t size) {
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::getrandom(out + done, size - done, 0);
        if (n > 0) {
            done += static_cast<std::size_t>(n);
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && errno == ENOSYS) {
            fillFromUrandom(out + done, size - done);
            return;
        } else {
            throw StoreError(std::string("cannot read random bytes: ") + std::strerror(errno));
        }
    }
}

std::string randomId() {
    std::array<unsigned char, 16> bytes{};
    fillRandom(bytes.data(), bytes.size());
    static constexpr char kHex[] = "0123456789abcdef";
    std::string id;
    id.reserve(bytes.size() * 2);
    for (unsigned char byte : bytes) {
        id.push_back(kHex[byte >> 4]);
        id.push_back(kHex[byte & 0x0f]);
    }
    return id;
}

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

// The first non-blank line of a piece of SQL, for messages.
std::string firstLine(const std::string& sql) {
    const std::size_t begin = sql.find_first_not_of(" \n");
    if (begin == std::string::npos) return {};
    return sql.substr(begin, sql.find('\n', begin) - begin);
}

// A StoreError that also keeps SQLite's (extended) result code, for the open-time checks.
class SqliteError : public StoreError {
public:
    SqliteError(const std::string& message, int code) : StoreError(message), m_code(code) {}
    int primaryCode() const { return m_code & 0xff; }

private:
    int m_code;
};

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

// [SECTION] RAII around the sqlite3 C API

struct DatabaseCloser {
    void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
    void operator()(sqlite3_stmt* statement) const noexcept { sqlite3_finalize(statement); }
};
using StatementHandle = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// One open connection, and errors that name the file.
class Database {
public:
    Database(fs::path path, sqlite3* db) : m_path(std::move(path)), m_db(db) {}

    sqlite3* get() const { return m_db.get(); }
    const fs::path& path() const { return m_path; }

    [[noreturn]] void fail(const std::string& what) const {
        throw StoreError("response store " + quoted(m_path) + ": " + what);
    }
    [[noreturn]] void failSqlite(const std::string& what) const {
        const int code = m_db ? sqlite3_extended_errcode(m_db.get()) : SQLITE_NOMEM;
        throw SqliteError("response store " + quoted(m_path) + ": " + what + ": " +
                              (m_db ? sqlite3_errmsg(m_db.get()) : "out of memory"),
                          code);
    }

    void exec(const std::string& sql) const {
        if (sqlite3_exec(m_db.get(), sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
            failSqlite("'" + firstLine(sql) + "' failed");
    }

    StatementHandle prepare(const char* sql) const {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v3(m_db.get(), sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK)
            failSqlite(std::string("cannot prepare '") + sql + "'");
        return StatementHandle(statement);
    }

    // The first column of every row of a query without parameters.
    std::vector<std::string> queryTexts(const char* sql) const {
        StatementHandle statement = prepare(sql);
        std::vector<std::string> rows;
        int rc = SQLITE_OK;
        while ((rc = sqlite3_step(statement.get())) == SQLITE_ROW) {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement.get(), 0));
            rows.emplace_back(text ? text : "");
        }
        if (rc != SQLITE_DONE) failSqlite(std::string("'") + sql + "' failed");
        return rows;
    }
    std::string queryText(const char* sql) const {
        auto rows = queryTexts(sql);
        return rows.empty() ? std::string() : rows.front();
    }
    int64_t queryInt(const char* sql) const {
        StatementHandle statement = prepare(sql);
        const int rc = sqlite3_step(statement.get());
        if (rc != SQLITE_ROW) failSqlite(std::string("'") + sql + "' failed");
        return sqlite3_column_int64(statement.get(), 0);
    }

private:
    fs::path m_path;
    std::unique_ptr<sqlite3, DatabaseCloser> m_db;
};

// Resets a cached statement when one use of it ends, so it keeps no read transaction open and no bound text.
class StatementUse {
public:
    explicit StatementUse(sqlite3_stmt* statement) : m_statement(statement) {}
    StatementUse(const StatementUse&) = delete;
    StatementUse& operator=(const StatementUse&) = delete;
    ~StatementUse() {
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
    }
    sqlite3_stmt* get() const { return m_statement; }

private:
    sqlite3_stmt* m_statement;
};

// BEGIN IMMEDIATE takes the write lock up front, so a busy database fails here rather than halfway through.
// Rolls back unless commit() succeeded.
class Transaction {
public:
    explicit Transaction(const Database& db) : m_db(db) { m_db.exec("BEGIN IMMEDIATE"); }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction() {
        if (!m_committed && !sqlite3_get_autocommit(m_db.get()))
            sqlite3_exec(m_db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
    void commit() {
        m_db.exec("COMMIT");
        m_committed = true;
    }

private:
    const Database& m_db;
    bool m_committed = false;
};

void bindText(const Database& db, sqlite3_stmt* statement, int index, const std::string& text) {
    if (sqlite3_bind_text64(statement, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8) != SQLITE_OK)
        db.failSqlite("cannot bind a value");
}

std::string columnText(sqlite3_stmt* statement, int column) {
    const unsigned char* text = sqlite3_column_text(statement, column);
    if (!text) return {};
    return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(statement, column))};
}

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
    // Prepared on first use and kept for the life of the connection.
    StatementHandle insert, selectAll, selectBySurvey, countAll, countBySurvey, jsonValid, selectSetting, upsertSetting;

    Impl(Database database, ResponseStoreOptions storeOptions)
        : db(std::move(database)), options(std::move(storeOptions)) {}

    sqlite3_stmt* cached(StatementHandle& handle, const std::string& sql) {
        if (!handle) handle = db.prepare(sql.c_str());
        return handle.get();
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
            problems = db.queryTexts("PRAGMA quick_check(3)");
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
    }

    void configure(bool inMemory) const {
        const std::string mode = db.queryText("PRAGMA journal_mode=WAL");
        if (mode != "wal" && !(inMemory && mode == "memory"))
            db.fail("cannot switch to WAL journal mode (SQLite kept '" + mode + "')");
        // FULL: a commit is on disk when COMMIT returns (NORMAL may lose the last commits on power loss).
        db.exec("PRAGMA synchronous=FULL");
        db.exec("PRAGMA foreign_keys=ON");
    }

    void migrate() const {
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
        transaction.commit();
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
            if (!isJson(draft.payload)) db.fail(where + " has a payload that is not JSON");
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
    bool created = false;
    if (!inMemory) {
        try {
            createDirectoriesDurably(path.parent_path());
        } catch (const StoreError& error) {
            throw StoreError("response store " + quoted(path) + ": " + error.what());
        }
        std::error_code ec;
        created = !fs::exists(path, ec);
    }

    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    Database db(path, raw);
    if (rc != SQLITE_OK) db.failSqlite("cannot open");
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, static_cast<int>(options.busyTimeout.count()));

    auto impl = std::make_unique<Impl>(std::move(db), std::move(options));
    impl->checkFileIsOurs();
    impl->configure(inMemory);
    impl->migrate();
    // SQLite syncs the directory for its journals, not for the database file it creates.
    if (created) syncDirectory(path.parent_path());
    return ResponseStore(std::move(impl));
}

void ResponseStore::submit(const Submission& submission) {
    Impl& store = impl();
    store.validate(submission);
    const std::string date = store.sessionDate();
    // Draw every id before writing, so a failing random source leaves nothing half-written.
    std::vector<std::string> ids;
    ids.reserve(submission.responses.size());
    for (std::size_t i = 0; i < submission.responses.size(); ++i) ids.push_back(randomId());

    sqlite3_stmt* insert = store.cached(store.insert, std::string("INSERT INTO responses (") + kColumns +
                                                          ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    Transaction transaction(store.db);
    for (std::size_t i = 0; i < submission.responses.size(); ++i) {
        const ResponseDraft& draft = submission.responses[i];
        StatementUse use(insert);
        bindText(store.db, insert, 1, ids[i]);
        bindText(store.db, insert, 2, submission.surveyId);
        sqlite3_bind_int64(insert, 3, submission.surveyVersion);
        bindText(store.db, insert, 4, draft.stepId);
        bindText(store.db, insert, 5, draft.moduleId);
        bindText(store.db, insert, 6, draft.moduleVersion);
        if (submission.team) bindText(store.db, insert, 7, *submission.team);
        bindText(store.db, insert, 8, date);
        bindText(store.db, insert, 9, draft.payload);
        if (sqlite3_step(insert) != SQLITE_DONE)
            store.db.failSqlite("cannot store the response to step '" + draft.stepId + "' (nothing was stored)");
    }
    transaction.commit();
}

std::vector<StoredResponse> ResponseStore::responses(std::optional<std::string> surveyId) const {
    Impl& store = impl();
    const std::string select = std::string("SELECT ") + kColumns + " FROM responses";
    StatementUse use(surveyId ? store.cached(store.selectBySurvey, select + " WHERE survey_id = ?1 ORDER BY id")
                              : store.cached(store.selectAll, select + " ORDER BY id"));
    sqlite3_stmt* statement = use.get();
    if (surveyId) bindText(store.db, statement, 1, *surveyId);

    std::vector<StoredResponse> rows;
    int rc = SQLITE_OK;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        StoredResponse row;
        row.id = columnText(statement, 0);
        row.surveyId = columnText(statement, 1);
        row.surveyVersion = static_cast<uint32_t>(sqlite3_column_int64(statement, 2));
        row.stepId = columnText(statement, 3);
        row.moduleId = columnText(statement, 4);
        row.moduleVersion = columnText(statement, 5);
        if (sqlite3_column_type(statement, 6) != SQLITE_NULL) row.team = columnText(statement, 6);
        row.sessionDate = columnText(statement, 7);
        row.payload = columnText(statement, 8);
        rows.push_back(std::move(row));
    }
    if (rc != SQLITE_DONE) store.db.failSqlite("cannot read responses");
    return rows;
}

std::size_t ResponseStore::count(std::optional<std::string> surveyId) const {
    Impl& store = impl();
    StatementUse use(surveyId
                         ? store.cached(store.countBySurvey, "SELECT count(*) FROM responses WHERE survey_id = ?1")
                         : store.cached(store.countAll, "SELECT count(*) FROM responses"));
    if (surveyId) bindText(store.db, use.get(), 1, *surveyId);
    if (sqlite3_step(use.get()) != SQLITE_ROW) store.db.failSqlite("cannot count responses");
    return static_cast<std::size_t>(sqlite3_column_int64(use.get(), 0));
}

std::optional<std::string> ResponseStore::setting(const std::string& key) const {
    Impl& store = impl();
    StatementUse use(store.cached(store.selectSetting, "SELECT value FROM settings WHERE key = ?1"));
    bindText(store.db, use.get(), 1, key);
    const int rc = sqlite3_step(use.get());
    if (rc == SQLITE_ROW) return columnText(use.get(), 0);
    if (rc != SQLITE_DONE) store.db.failSqlite("cannot read setting '" + key + "'");
    return std::nullopt;
}

void ResponseStore::setSetting(const std::string& key, const std::string& value) {
    Impl& store = impl();
    if (key.empty() || hasNul(key)) store.db.fail("a setting needs a non-empty key without NUL characters");
    if (hasNul(value)) store.db.fail("the value of setting '" + key + "' contains a NUL character");
    StatementUse use(store.cached(store.upsertSetting, "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                                                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    bindText(store.db, use.get(), 1, key);
    bindText(store.db, use.get(), 2, value);
    // One statement in autocommit mode: durable when it returns (synchronous=FULL).
    if (sqlite3_step(use.get()) != SQLITE_DONE) store.db.failSqlite("cannot store setting '" + key + "'");
}

ResponseStoreSettings ResponseStore::settings() const {
    const Database& db = impl().db;
    ResponseStoreSettings settings;
    settings.journalMode = db.queryText("PRAGMA journal_mode");
    settings.synchronous = static_cast<int>(db.queryInt("PRAGMA synchronous"));
    settings.foreignKeys = db.queryInt("PRAGMA foreign_keys") != 0;
    settings.busyTimeoutMs = static_cast<int>(db.queryInt("PRAGMA busy_timeout"));
    settings.schemaVersion = static_cast<uint32_t>(db.queryInt("PRAGMA user_version"));
    return settings;
}

const fs::path& ResponseStore::path() const { return impl().db.path(); }

} // namespace alignkiosk::core
