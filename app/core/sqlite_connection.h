// A thin RAII layer over the sqlite3 C API for the store: one connection whose errors name the file, cached
// statements that reset after each use, and BEGIN IMMEDIATE transactions that roll back unless committed.
// Internal to app/core and app/collection (the laptop's outbox); the store's users see only response_store.h.
#pragma once

#include "response_store.h"

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace alignkiosk::core::sqlite {

namespace fs = std::filesystem;

inline std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

// The first non-blank line of a piece of SQL, for messages.
inline std::string firstLine(const std::string& sql) {
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


struct DatabaseCloser {
    void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
    void operator()(sqlite3_stmt* statement) const noexcept { sqlite3_finalize(statement); }
};
using StatementHandle = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// One open connection, and errors that name the file (as "<what> '<path>': ...").
class Database {
public:
    Database(fs::path path, sqlite3* db, std::string what = "response store")
        : m_path(std::move(path)), m_what(std::move(what)), m_db(db) {}

    sqlite3* get() const { return m_db.get(); }
    const fs::path& path() const { return m_path; }

    [[noreturn]] void fail(const std::string& what) const {
        throw StoreError(m_what + " " + quoted(m_path) + ": " + what);
    }
    [[noreturn]] void failSqlite(const std::string& what) const {
        const int code = m_db ? sqlite3_extended_errcode(m_db.get()) : SQLITE_NOMEM;
        throw SqliteError(m_what + " " + quoted(m_path) + ": " + what + ": " +
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
    std::string m_what;
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

// A database file (and its journal) that an open created, removed again unless dismiss() is called: an open that is
// refused after creating the file leaves nothing behind.
class CreatedFiles {
public:
    CreatedFiles(fs::path path, bool created) : m_path(std::move(path)), m_active(created) {}
    CreatedFiles(const CreatedFiles&) = delete;
    CreatedFiles& operator=(const CreatedFiles&) = delete;
    ~CreatedFiles() {
        if (!m_active) return;
        std::error_code ignored;
        fs::remove(m_path, ignored);
        fs::remove(m_path.string() + "-journal", ignored);
    }
    void dismiss() { m_active = false; }

private:
    fs::path m_path;
    bool m_active;
};

// A read transaction (deferred BEGIN): every statement inside it sees the same state of the database. Ends (without
// writing anything) when it goes out of scope.
class ReadTransaction {
public:
    explicit ReadTransaction(const Database& db) : m_db(db) { m_db.exec("BEGIN"); }
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;
    ~ReadTransaction() {
        if (!sqlite3_get_autocommit(m_db.get())) sqlite3_exec(m_db.get(), "COMMIT", nullptr, nullptr, nullptr);
    }

private:
    const Database& m_db;
};

inline void bindText(const Database& db, sqlite3_stmt* statement, int index, const std::string& text) {
    if (sqlite3_bind_text64(statement, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8) != SQLITE_OK)
        db.failSqlite("cannot bind a value");
}

inline std::string columnText(sqlite3_stmt* statement, int column) {
    const unsigned char* text = sqlite3_column_text(statement, column);
    if (!text) return {};
    return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(statement, column))};
}

} // namespace alignkiosk::core::sqlite
