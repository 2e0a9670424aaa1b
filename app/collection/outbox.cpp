#include "outbox.h"

#include "sealed_submission.h"

#include "core/sqlite_connection.h"
#include "core/store_path_checks.h"
#include "core/store_vfs.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstring>
#include <mutex>
#include <system_error>

namespace alignkiosk::collection {

namespace fs = std::filesystem;
using core::StoreError;
using core::sqlite::Database;
using core::sqlite::SqliteError;
using core::sqlite::StatementHandle;
using core::sqlite::StatementUse;
using core::sqlite::Transaction;

namespace {

// "AlKo" in the SQLite header: an outbox, never a response store ("AlKs") or anybody else's database.
constexpr int32_t kApplicationId = 0x416c4b6f;
constexpr int64_t kSchemaVersion = 1;

// auto_vacuum first: it only takes effect before the first table exists. FULL gives freed pages back to the file
// system at each commit, so an empty outbox is a small file.
constexpr const char* kSchema = R"sql(
CREATE TABLE outbox (
    id     BLOB NOT NULL PRIMARY KEY CHECK (typeof(id) = 'blob' AND length(id) = 16),
    sealed BLOB NOT NULL CHECK (typeof(sealed) = 'blob' AND length(sealed) > 0)
) WITHOUT ROWID;
)sql";

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

[[noreturn]] void refuse(const fs::path& path, const std::string& why) {
    throw StoreError("outbox " + quoted(path) + ": " + why);
}

// The folder's entry for a file we created is durable only once the folder itself is synced.
void syncDirectory(const fs::path& folder) {
    const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

} // namespace

struct Outbox::Impl {
    explicit Impl(Database database) : db(std::move(database)) {}

    Database db;
    mutable std::mutex mutex;
    StatementHandle insert, select, selectAll, erase, count;

    // Read-only, so a file we refuse stays as it was.
    void checkFileIsOurs() const {
        int64_t applicationId = 0, version = 0, objects = 0;
        std::vector<std::string> problems;
        try {
            applicationId = db.queryInt("PRAGMA application_id");
            version = db.queryInt("PRAGMA user_version");
            objects = db.queryInt("SELECT count(*) FROM sqlite_schema");
            problems = db.queryTexts("PRAGMA quick_check(3)");
        } catch (const SqliteError& error) {
            if (error.primaryCode() == SQLITE_NOTADB || error.primaryCode() == SQLITE_CORRUPT)
                db.fail(std::string("the file is not an SQLite database or is damaged (") +
                        sqlite3_errstr(error.primaryCode()) + "); it was left untouched");
            throw;
        }
        if (!(problems.size() == 1 && problems.front() == "ok")) {
            std::string detail;
            for (const std::string& problem : problems) detail += (detail.empty() ? "" : "; ") + problem;
            db.fail("the file is damaged (" + detail + "); it was left untouched");
        }
        const bool fresh = applicationId == 0 && version == 0 && objects == 0;
        if (fresh) return;
        if (applicationId != kApplicationId)
            db.fail("the file is an SQLite database but not an alignkiosk outbox (application_id " +
                    std::to_string(applicationId) + "); it was left untouched");
        if (version > kSchemaVersion)
            db.fail("the outbox has version " + std::to_string(version) + ", newer than this program understands (" +
                    std::to_string(kSchemaVersion) + "); it was left untouched");
        const std::vector<std::string> columns = db.queryTexts("SELECT name FROM pragma_table_info('outbox') ORDER BY cid");
        if (version != kSchemaVersion || columns != std::vector<std::string>{"id", "sealed"})
            db.fail("the file is damaged (an outbox without its table); it was left untouched");
    }

    void configure() const {
        const std::string mode = db.queryText("PRAGMA journal_mode=TRUNCATE");
        if (mode != "truncate")
            db.fail("cannot switch to the rollback journal (SQLite kept '" + mode +
                    "'); close every other program using this outbox and try again");
        db.exec("PRAGMA synchronous=FULL");     // add() is on disk when it returns
        db.exec("PRAGMA secure_delete=ON");     // a removed entry's bytes become zeros
        db.exec("PRAGMA temp_store=MEMORY");    // no temporary files
    }

    void create() const {
        if (db.queryInt("PRAGMA user_version") == kSchemaVersion) return;
        db.exec("PRAGMA auto_vacuum=FULL");
        Transaction transaction(db);
        if (db.queryInt("PRAGMA user_version") == kSchemaVersion) return; // another process made it meanwhile
        db.exec(kSchema);
        db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
        transaction.commit();
    }

    sqlite3_stmt* cached(StatementHandle& handle, const char* sql) {
        if (!handle) handle = db.prepare(sql);
        return handle.get();
    }

    void bindId(sqlite3_stmt* statement, int index, const SubmissionId& id) const {
        if (sqlite3_bind_blob(statement, index, id.bytes.data(), static_cast<int>(id.bytes.size()), SQLITE_STATIC) !=
            SQLITE_OK)
            db.failSqlite("cannot bind an id");
    }

    std::optional<std::vector<unsigned char>> find(const SubmissionId& id) {
        StatementUse use(cached(select, "SELECT sealed FROM outbox WHERE id = ?1"));
        bindId(use.get(), 1, id);
        const int rc = sqlite3_step(use.get());
        if (rc == SQLITE_DONE) return std::nullopt;
        if (rc != SQLITE_ROW) db.failSqlite("cannot read an entry");
        const auto* data = static_cast<const unsigned char*>(sqlite3_column_blob(use.get(), 0));
        return std::vector<unsigned char>(data, data + sqlite3_column_bytes(use.get(), 0));
    }
};

Outbox::Outbox(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Outbox::Outbox(Outbox&&) noexcept = default;
Outbox& Outbox::operator=(Outbox&&) noexcept = default;
Outbox::~Outbox() = default;

Outbox::Impl& Outbox::impl() const {
    if (!m_impl) throw StoreError("outbox: used after it was moved from");
    return *m_impl;
}

const fs::path& Outbox::path() const { return impl().db.path(); }

Outbox Outbox::open(const fs::path& path, OutboxOptions options) {
    if (path.empty()) refuse(path, "the path is empty");
    core::StorePathCheck check;
    // Read with plain system calls before SQLite opens the file: SQLite would roll back a foreign hot journal.
    if (auto refusal = core::checkStorePath(path, options.createParentDirectories, kApplicationId, check,
                                            "an alignkiosk outbox"))
        refuse(path, *refusal);
    const bool created = check.state == core::StorePathState::Missing;
    if (created && options.createParentDirectories) {
        std::error_code error;
        fs::create_directories(path.parent_path(), error);
        if (error) refuse(path, "cannot create the folder " + quoted(path.parent_path()) + ": " + error.message());
    }
    // An outbox we created and then refuse is removed again: a refusal leaves nothing behind.
    core::sqlite::CreatedFiles cleanup(path, created);

    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, core::storeVfsName());
    Database db(path, raw, "outbox");
    if (rc != SQLITE_OK) db.failSqlite("cannot open");
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, static_cast<int>(options.busyTimeout.count()));
    if (sqlite3_db_readonly(raw, "main") == 1) db.fail("read-only file; it was left untouched");

    auto impl = std::make_unique<Impl>(std::move(db));
    impl->checkFileIsOurs();
    impl->configure();
    impl->create();
    if (created) syncDirectory(path.parent_path());
    cleanup.dismiss();
    return Outbox(std::move(impl));
}

void Outbox::add(const SubmissionId& id, const std::vector<unsigned char>& sealed) {
    Impl& outbox = impl();
    if (sealed.empty()) outbox.db.fail("cannot keep an empty submission");
    if (sealed.size() > kMaxSealedSubmissionBytes)
        outbox.db.fail("a sealed submission of " + std::to_string(sealed.size()) + " bytes is larger than any collector reads");
    const std::lock_guard lock(outbox.mutex);
    Transaction transaction(outbox.db);
    if (const auto kept = outbox.find(id)) {
        if (*kept != sealed) outbox.db.fail("submission " + id.text() + " is already kept with other contents");
        return; // the same entry again: nothing to do, and nothing to commit
    }
    {
        StatementUse use(outbox.cached(outbox.insert, "INSERT INTO outbox (id, sealed) VALUES (?1, ?2)"));
        outbox.bindId(use.get(), 1, id);
        if (sqlite3_bind_blob64(use.get(), 2, sealed.data(), sealed.size(), SQLITE_STATIC) != SQLITE_OK)
            outbox.db.failSqlite("cannot bind a submission");
        if (sqlite3_step(use.get()) != SQLITE_DONE) outbox.db.failSqlite("cannot keep a submission");
    }
    transaction.commit();
}

std::vector<OutboxEntry> Outbox::pending() const {
    Impl& outbox = impl();
    const std::lock_guard lock(outbox.mutex);
    std::vector<OutboxEntry> entries;
    StatementUse use(outbox.cached(outbox.selectAll, "SELECT id, sealed FROM outbox ORDER BY id"));
    int rc = SQLITE_OK;
    while ((rc = sqlite3_step(use.get())) == SQLITE_ROW) {
        OutboxEntry entry;
        const auto* id = static_cast<const unsigned char*>(sqlite3_column_blob(use.get(), 0));
        if (!id || sqlite3_column_bytes(use.get(), 0) != static_cast<int>(entry.id.bytes.size()))
            outbox.db.fail("the file is damaged (an entry without a 16-byte id)");
        std::memcpy(entry.id.bytes.data(), id, entry.id.bytes.size());
        const auto* data = static_cast<const unsigned char*>(sqlite3_column_blob(use.get(), 1));
        entry.sealed.assign(data, data + sqlite3_column_bytes(use.get(), 1));
        entries.push_back(std::move(entry));
    }
    if (rc != SQLITE_DONE) outbox.db.failSqlite("cannot read the entries");
    return entries;
}

bool Outbox::remove(const SubmissionId& id) {
    Impl& outbox = impl();
    const std::lock_guard lock(outbox.mutex);
    Transaction transaction(outbox.db);
    {
        StatementUse use(outbox.cached(outbox.erase, "DELETE FROM outbox WHERE id = ?1"));
        outbox.bindId(use.get(), 1, id);
        if (sqlite3_step(use.get()) != SQLITE_DONE) outbox.db.failSqlite("cannot remove a submission");
    }
    const bool removed = sqlite3_changes(outbox.db.get()) > 0;
    transaction.commit();
    return removed;
}

std::size_t Outbox::size() const {
    Impl& outbox = impl();
    const std::lock_guard lock(outbox.mutex);
    StatementUse use(outbox.cached(outbox.count, "SELECT count(*) FROM outbox"));
    if (sqlite3_step(use.get()) != SQLITE_ROW) outbox.db.failSqlite("cannot count the entries");
    return static_cast<std::size_t>(sqlite3_column_int64(use.get(), 0));
}

} // namespace alignkiosk::collection
