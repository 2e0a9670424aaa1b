#include "postgres_store.h"

#include "answer_payload.h"
#include "random_bytes.h"
#include "submission_check.h"

#include <libpq-fe.h>
#include <rapidjson/document.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <map>
#include <mutex>
#include <set>
#include <unordered_set>

// [SECTION] Batches
//
// PostgreSQL appends new rows to the end of a table's heap in the order they are written (their ctid), and stamps each
// row with the id of the transaction that wrote it (xmin), whatever the key. So the physical layout and the system
// columns tell the order of transactions, never of rows within one. The store makes transactions the unit of order
// and keeps every transaction that holds answers big enough to hide a person:
// - The rows of one transaction are written in a random order (shuffled in the program, then inserted in that
//   order), so ctid order within a transaction is random. Every row has a random id; nothing else tells rows apart.
// - A transaction that brings at least k participants (ResponseStoreOptions::minimumBatch) writes them as one batch.
// - A transaction that brings fewer (a kiosk's single submit, a collector's small group commit) writes them as
//   provisional rows: committed and durable before the laptop is answered, counted and read like any other. The
//   first write that makes the provisional participants reach k deals them again: in one transaction it deletes every
//   provisional row and inserts them with its own rows, shuffled together, as one batch (same ids, new xmin, new
//   places). So at most k - 1 participants' rows are ever told apart by their transactions, and only until the next
//   deal. The dead row versions a deal leaves are the server's to reclaim (autovacuum; docs/postgresql.md).
// - Each write transaction that brings rows takes the one row of `alignkiosk_store` (SELECT ... FOR UPDATE) before
//   it writes them and moves `change` on as it commits: writes from every connection take turns, so `change` numbers
//   the batches in commit order (a delivery's ids are stored before it takes the turn: see "Delivered ids"). A
//   reader follows the store by (batch, id): rows of batches after the one it reached. That says no more than ctid
//   and xmin already do (which batch came first), never which row of a batch came first.
//
// A reader that read provisional rows meets them again, once, in the batch that deals them: ReadCursor keeps their
// ids (fewer than k participants' rows) and skips them there, so nothing is counted twice.
//
// [SECTION] Counting in the database
//
// A dashboard opened on a large store counts it first (AnswerStore::tally): the server groups the rows per survey,
// step and team, and the answers of the shown survey per question and value (json_each), so what crosses the network
// is one line per distinct value (and each open sentence once with how many wrote it), not every row. The server
// counts only rows whose payload names "answers" once and each question once (`counted_here`, judged by the program
// when it writes the row with the dashboard's own reader), so counting answer by answer counts what the dashboard's
// first-answer-wins rule would; other rows come whole and are read as usual. The counts and the rows the cursor is
// moved past come from one snapshot (REPEATABLE READ).
//
// [SECTION] Delivered ids
//
// As in the SQLite store, a submission id is kept as a 16-byte BLAKE2b digest keyed with a random key made with the
// schema (`alignkiosk_store.hash_key`), in `delivered`, whose primary key makes a second copy impossible. The digests
// of one transaction are inserted sorted. The digests' own heap order tells the order of transactions, as the rows'
// does; a digest's xmin is that of the transaction that brought its rows, which a deal replaces for provisional ones.

namespace alignkiosk::core {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kRowsPerInsert = 2000;
// pg_advisory_xact_lock key taken while the schema is checked, created or migrated ("AlKs").
constexpr long long kSchemaLock = 0x416c4b73;

struct ResultDeleter {
    void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;
using Param = std::optional<std::string>;

// One step per schema version; migrations[i] brings version i up to i + 1.
constexpr const char* kMigrations[] = {
    // v1. The marker row (one, written by the program with its hash key), answers, delivered ids, settings.
    R"sql(
CREATE TABLE alignkiosk_store (
    one_row boolean PRIMARY KEY DEFAULT true CHECK (one_row),
    application text NOT NULL CHECK (application = 'alignkiosk'),
    schema_version integer NOT NULL,
    change bigint NOT NULL,
    provisional_participants bigint NOT NULL CHECK (provisional_participants >= 0),
    hash_key bytea NOT NULL CHECK (length(hash_key) = 32)
);
CREATE TABLE answers (
    id text COLLATE "C" PRIMARY KEY CHECK (id ~ '^[0-9a-f]{32}$'),
    batch bigint NOT NULL,
    provisional boolean NOT NULL,
    survey_id text NOT NULL CHECK (survey_id <> ''),
    survey_version bigint NOT NULL CHECK (survey_version BETWEEN 0 AND 4294967295),
    step_id text NOT NULL CHECK (step_id <> ''),
    module_id text NOT NULL CHECK (module_id <> ''),
    module_version text NOT NULL CHECK (module_version <> ''),
    team text CHECK (team <> ''),
    session_date text NOT NULL CHECK (session_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
    payload text NOT NULL
);
CREATE INDEX answers_by_batch ON answers (batch, id);
CREATE INDEX answers_by_step ON answers (survey_id, step_id);
CREATE TABLE delivered (digest bytea PRIMARY KEY CHECK (length(digest) = 16));
CREATE TABLE settings (key text PRIMARY KEY CHECK (key <> ''), value text NOT NULL);
)sql",
    // v2. Whether the server may count a row's answers itself (see "Counting in the database"); rows written before
    // are read whole, as before. The provisional rows found without reading the table.
    R"sql(
ALTER TABLE answers ADD COLUMN counted_here boolean NOT NULL DEFAULT false;
CREATE INDEX answers_read_whole ON answers (id) WHERE NOT counted_here;
CREATE INDEX answers_provisional ON answers (id) WHERE provisional;
)sql",
};
static_assert(std::size(kMigrations) == PostgresStore::kSchemaVersion, "one migration per schema version");

bool isJson(const std::string& text) {
    rapidjson::Document document;
    document.Parse(text.c_str(), text.size());
    return !document.HasParseError();
}

// What is wrong with a submission, in words that name no database; nothing when fine.
std::optional<std::string> problemWith(const Submission& submission) {
    return submissionProblem(submission, isJson);
}

std::string toHex(const unsigned char* bytes, std::size_t size) {
    static const char digits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        hex += digits[bytes[i] >> 4];
        hex += digits[bytes[i] & 0xf];
    }
    return hex;
}

std::vector<unsigned char> fromHex(const std::string& hex) {
    std::vector<unsigned char> bytes(hex.size() / 2);
    const auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
    for (std::size_t i = 0; i < bytes.size(); ++i)
        bytes[i] = static_cast<unsigned char>((nibble(hex[2 * i]) << 4) | nibble(hex[2 * i + 1]));
    return bytes;
}

// The keyed digest of a submission id, as hex.
std::string digestOf(const std::vector<unsigned char>& key, const SubmissionIdBytes& id) {
    static const int ready = sodium_init();
    if (ready < 0) throw StoreError("answer store: cannot initialise libsodium");
    std::array<unsigned char, 16> digest{};
    crypto_generichash(digest.data(), digest.size(), id.data(), id.size(), key.data(), key.size());
    return toHex(digest.data(), digest.size());
}

// A PostgreSQL array literal of texts ({"a","b",NULL}), passed as one parameter.
std::string arrayLiteral(const std::vector<Param>& values) {
    std::string out = "{";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i) out += ',';
        if (!values[i]) {
            out += "NULL";
            continue;
        }
        out += '"';
        for (char c : *values[i]) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        out += '"';
    }
    return out + "}";
}

template <typename T> void shuffle(std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[randomBelow(i)]);
}

std::string valueAt(const PGresult* result, int row, int column) {
    return std::string(PQgetvalue(result, row, column), static_cast<std::size_t>(PQgetlength(result, row, column)));
}

// The columns of a row as selected by kRowColumns, from `first` on.
constexpr const char* kRowColumns =
    "id, survey_id, survey_version, step_id, module_id, module_version, team, session_date, payload";

StoredResponse rowAt(const PGresult* result, int row, int first) {
    StoredResponse out;
    out.id = valueAt(result, row, first);
    out.surveyId = valueAt(result, row, first + 1);
    out.surveyVersion = static_cast<uint32_t>(std::stoul(valueAt(result, row, first + 2)));
    out.stepId = valueAt(result, row, first + 3);
    out.moduleId = valueAt(result, row, first + 4);
    out.moduleVersion = valueAt(result, row, first + 5);
    if (!PQgetisnull(result, row, first + 6)) out.team = valueAt(result, row, first + 6);
    out.sessionDate = valueAt(result, row, first + 7);
    out.payload = valueAt(result, row, first + 8);
    return out;
}

} // namespace

bool isPostgresAddress(const std::string& text) {
    return text.rfind("postgresql://", 0) == 0 || text.rfind("postgres://", 0) == 0;
}

std::string withoutPassword(const std::string& uri) {
    std::string out = uri;
    const std::size_t scheme = out.find("://");
    if (scheme != std::string::npos) {
        const std::size_t start = scheme + 3;
        const std::size_t end = out.find_first_of("/?", start);
        const std::size_t at = out.rfind('@', end == std::string::npos ? std::string::npos : end);
        if (at != std::string::npos && at >= start) {
            const std::size_t colon = out.find(':', start);
            if (colon != std::string::npos && colon < at) out.erase(colon, at - colon);
        }
    }
    for (std::size_t place = out.find("password="); place != std::string::npos; place = out.find("password=", place)) {
        const std::size_t end = out.find('&', place);
        out.replace(place + 9, (end == std::string::npos ? out.size() : end) - place - 9, "***");
        place += 12;
    }
    return out;
}

// [SECTION] PostgresStore::Impl

struct PostgresStore::Impl {
    std::string uri;
    fs::path shown;
    ResponseStoreOptions options;
    PGconn* conn = nullptr;
    std::vector<unsigned char> hashKey;
    mutable std::mutex mutex;

    ~Impl() {
        if (conn) PQfinish(conn);
    }

    [[noreturn]] void fail(const std::string& why) const { throw StoreError(shown.string() + ": " + why); }

    std::string serverError() const {
        std::string message = conn ? PQerrorMessage(conn) : "no connection";
        while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
        return message;
    }

    // One statement, its parameters passed apart from its text (so no answer is ever part of a statement's text).
    Result run(const char* sql, const std::vector<Param>& params, const std::string& what) {
        std::vector<const char*> values;
        values.reserve(params.size());
        for (const Param& param : params) values.push_back(param ? param->c_str() : nullptr);
        Result result(PQexecParams(conn, sql, static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr,
                                   0));
        const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(what + ": " + serverError());
        return result;
    }
    Result run(const char* sql, const std::string& what) { return run(sql, {}, what); }

    // A connection a restarted server dropped is made again: before the next call when libpq knows it is gone, and
    // when a read or a transaction's BEGIN finds out (nothing was written then, so the retry cannot store twice).
    void reconnect() {
        PQreset(conn);
        if (PQstatus(conn) != CONNECTION_OK) fail("cannot connect: " + serverError());
        prepareSession();
    }
    void ensureConnected() {
        if (PQstatus(conn) != CONNECTION_OK) reconnect();
    }
    template <typename Read> auto reading(Read read) {
        ensureConnected();
        try {
            return read();
        } catch (const StoreError&) {
            if (PQstatus(conn) == CONNECTION_OK) throw;
        }
        reconnect();
        return read();
    }

    // Durable commits, and a server that writes no answer to its log; checked on every (re)connection.
    void prepareSession() {
        run("SET synchronous_commit = on", "cannot ask for durable commits");
        Result settings = run("SELECT current_setting('synchronous_commit'), current_setting('fsync'), "
                              "current_setting('log_statement'), current_setting('log_min_duration_statement'), "
                              "current_setting('log_min_duration_sample'), "
                              "current_setting('log_parameter_max_length_on_error'), current_schema()",
                              "cannot read the server's settings");
        const std::string synchronous = valueAt(settings.get(), 0, 0);
        if (synchronous != "on" && synchronous != "remote_apply")
            fail("synchronous_commit is " + synchronous + ": an acknowledged answer must be committed to disk");
        if (valueAt(settings.get(), 0, 1) != "on")
            fail("the server runs with fsync off: an acknowledged answer must be committed to disk");
        const std::string logStatement = valueAt(settings.get(), 0, 2);
        if (logStatement == "all" || logStatement == "mod")
            fail("the server logs statements (log_statement = " + logStatement +
                 "): that would write answers to its log (docs/postgresql.md)");
        if (valueAt(settings.get(), 0, 3) != "-1" || valueAt(settings.get(), 0, 4) != "-1")
            fail("the server logs statements by duration (log_min_duration_statement or log_min_duration_sample is "
                 "not -1): that would write answers to its log (docs/postgresql.md)");
        if (valueAt(settings.get(), 0, 5) != "0")
            fail("the server logs statements' parameters with errors (log_parameter_max_length_on_error is not 0): "
                 "that would write answers to its log (docs/postgresql.md)");
        if (PQgetisnull(settings.get(), 0, 6)) fail("the connection's search_path names no schema that exists");
    }

    // BEGIN ... COMMIT, rolled back when left by an exception.
    class Transaction {
    public:
        explicit Transaction(Impl& store, const char* begin = "BEGIN") : m_store(store) {
            try {
                m_store.run(begin, "cannot begin a transaction");
            } catch (const StoreError&) {
                if (PQstatus(m_store.conn) == CONNECTION_OK) throw;
                m_store.reconnect();
                m_store.run(begin, "cannot begin a transaction");
            }
        }
        ~Transaction() {
            if (!m_done) PQclear(PQexec(m_store.conn, "ROLLBACK"));
        }
        void commit() {
            m_done = true;
            m_store.run("COMMIT", "cannot commit");
        }
        // `statement` (no parameters) and COMMIT in one round trip.
        void commitAfter(const std::string& statement) {
            m_done = true;
            const Result result(PQexec(m_store.conn, (statement + "; COMMIT").c_str()));
            if (!result || PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
                PQclear(PQexec(m_store.conn, "ROLLBACK"));
                m_store.fail("cannot commit: " + m_store.serverError());
            }
        }

    private:
        Impl& m_store;
        bool m_done = false;
    };

    // Checks, creates or migrates the schema, all in one transaction that leaves everything as it was on refusal.
    void prepareSchema() {
        Transaction transaction(*this);
        run("SELECT pg_advisory_xact_lock($1)", {std::to_string(kSchemaLock)}, "cannot lock the schema");
        Result found = run("SELECT count(*) FILTER (WHERE c.relname = 'alignkiosk_store'), count(*) "
                           "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                           "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v', 'm', 'p', 'f', 'S')",
                           "cannot list the schema's tables");
        const bool ours = valueAt(found.get(), 0, 0) != "0";
        const bool empty = valueAt(found.get(), 0, 1) == "0";
        uint32_t version = 0;
        if (!ours && !empty)
            fail("the schema holds tables of another application (no alignkiosk_store table); refused untouched");
        if (ours) {
            const Result marker(PQexecParams(conn, "SELECT application, schema_version FROM alignkiosk_store", 0,
                                             nullptr, nullptr, nullptr, nullptr, 0));
            if (PQresultStatus(marker.get()) != PGRES_TUPLES_OK || PQntuples(marker.get()) != 1 ||
                valueAt(marker.get(), 0, 0) != "alignkiosk")
                fail("its alignkiosk_store table is not alignkiosk's; refused untouched");
            const long long stored = std::stoll(valueAt(marker.get(), 0, 1));
            if (stored > static_cast<long long>(kSchemaVersion) || stored < 1)
                fail("schema version " + std::to_string(stored) + " is newer than this program's (" +
                     std::to_string(kSchemaVersion) + "); refused untouched");
            version = static_cast<uint32_t>(stored);
        }
        for (uint32_t next = version; next < kSchemaVersion; ++next) {
            const Result step(PQexec(conn, kMigrations[next]));
            if (PQresultStatus(step.get()) != PGRES_COMMAND_OK)
                fail("cannot bring the schema to version " + std::to_string(next + 1) + ": " + serverError());
            if (next == 0) {
                std::array<unsigned char, 32> key{};
                fillRandom(key.data(), key.size());
                run("INSERT INTO alignkiosk_store (application, schema_version, change, provisional_participants, "
                    "hash_key) VALUES ('alignkiosk', 1, 0, 0, decode($1, 'hex'))",
                    {toHex(key.data(), key.size())}, "cannot mark the schema as alignkiosk's");
            } else {
                run("UPDATE alignkiosk_store SET schema_version = $1", {std::to_string(next + 1)},
                    "cannot record the schema version");
            }
        }
        Result key = run("SELECT encode(hash_key, 'hex') FROM alignkiosk_store", "cannot read the delivery key");
        hashKey = fromHex(valueAt(key.get(), 0, 0));
        transaction.commit();
    }

    std::string sessionDate() const {
        const std::string date = options.dateProvider ? options.dateProvider() : localDateToday();
        if (!isSessionDate(date)) fail("the session date '" + date + "' is not a YYYY-MM-DD date");
        return date;
    }

    // Starts a write of settings: takes the store's one row (writers take turns) and returns the batch number and
    // the provisional participants waiting. Inside a transaction.
    std::pair<std::string, long long> beginWrite() {
        Result state = run("UPDATE alignkiosk_store SET change = change + 1 RETURNING change, provisional_participants",
                           "cannot take the store's write turn");
        return {valueAt(state.get(), 0, 0), std::stoll(valueAt(state.get(), 0, 1))};
    }

    // Writes the participants' rows as "Batches" says, in a transaction: provisional while fewer than k wait, else
    // one shuffled batch with every provisional row dealt in; then commits. The store's row is locked from the first
    // statement on (writers take turns), so the statements between it and the commit are as few as can be: the
    // turn, the deal when there is one, the rows, and the turn's end sent with COMMIT.
    void writeRowsAndCommit(Transaction& transaction, const std::vector<const Submission*>& submissions,
                            const std::string& date) {
        Result state = run("SELECT change + 1, provisional_participants FROM alignkiosk_store FOR UPDATE",
                           "cannot take the store's write turn");
        const std::pair<std::string, long long> turn{valueAt(state.get(), 0, 0),
                                                     std::stoll(valueAt(state.get(), 0, 1))};
        std::vector<StoredResponse> rows;
        for (const Submission* submission : submissions)
            for (const ResponseDraft& draft : submission->responses)
                rows.push_back({randomId(), submission->surveyId, submission->surveyVersion, draft.stepId,
                                draft.moduleId, draft.moduleVersion, submission->team, date, draft.payload});
        const long long waiting = turn.second + static_cast<long long>(submissions.size());
        const bool provisional = waiting < static_cast<long long>(std::max<uint32_t>(options.minimumBatch, 1));
        if (!provisional && turn.second > 0) {
            Result dealt = run((std::string("DELETE FROM answers WHERE provisional RETURNING ") + kRowColumns).c_str(),
                               "cannot deal the provisional answers");
            for (int i = 0; i < PQntuples(dealt.get()); ++i) rows.push_back(rowAt(dealt.get(), i, 0));
        }
        shuffle(rows);
        for (std::size_t first = 0; first < rows.size(); first += kRowsPerInsert) {
            const std::size_t last = std::min(rows.size(), first + kRowsPerInsert);
            std::array<std::vector<Param>, 10> columns;
            for (std::size_t i = first; i < last; ++i) {
                const StoredResponse& row = rows[i];
                columns[0].push_back(row.id);
                columns[1].push_back(row.surveyId);
                columns[2].push_back(std::to_string(row.surveyVersion));
                columns[3].push_back(row.stepId);
                columns[4].push_back(row.moduleId);
                columns[5].push_back(row.moduleVersion);
                columns[6].push_back(row.team);
                columns[7].push_back(row.sessionDate);
                columns[8].push_back(row.payload);
                columns[9].push_back(namesEachQuestionOnce(row.payload) ? "t" : "f");
            }
            std::vector<Param> params{turn.first, provisional ? "true" : "false"};
            for (const auto& column : columns) params.push_back(arrayLiteral(column));
            // unnest() keeps the arrays' order, so the rows reach the heap in the shuffled order.
            run("INSERT INTO answers (batch, provisional, id, survey_id, survey_version, step_id, module_id, "
                "module_version, team, session_date, payload, counted_here) SELECT $1::bigint, $2::boolean, * FROM "
                "unnest($3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::text[], $9::text[], "
                "$10::text[], $11::text[], $12::boolean[])",
                params, "cannot store the answers");
        }
        // Numbers only: nothing of an answer is ever part of a statement's text.
        transaction.commitAfter("UPDATE alignkiosk_store SET change = " + turn.first +
                                ", provisional_participants = " + std::to_string(provisional ? waiting : 0));
    }

    void insert(const std::vector<const Submission*>& submissions) {
        for (const Submission* submission : submissions)
            if (auto problem = problemWith(*submission)) fail(*problem + "; nothing was stored");
        const std::string date = sessionDate();
        ensureConnected();
        Transaction transaction(*this);
        writeRowsAndCommit(transaction, submissions, date);
    }

    using DeliveryRef = std::pair<const std::string*, const Submission*>;

    std::vector<DeliveryResult> deliver(const std::vector<DeliveryRef>& deliveries) {
        std::vector<DeliveryResult> results(deliveries.size());
        std::vector<std::pair<std::size_t, std::string>> accepted; // index, digest
        for (std::size_t i = 0; i < deliveries.size(); ++i) {
            const std::optional<SubmissionIdBytes> id = parseSubmissionId(*deliveries[i].first);
            if (!id) {
                results[i] = {DeliveryOutcome::Refused, "the submission id is not 32 lowercase hex digits"};
                continue;
            }
            if (auto problem = problemWith(*deliveries[i].second)) {
                results[i] = {DeliveryOutcome::Refused, std::move(*problem)};
                continue;
            }
            accepted.emplace_back(i, digestOf(hashKey, *id));
        }
        if (accepted.empty()) return results;
        try {
            const std::string date = sessionDate();
            ensureConnected();
            Transaction transaction(*this);
            // The ids first, before the store's write turn: the primary key decides which are new, however many
            // connections deliver the same id at once (a second waits for the first to commit or roll back). Sorted,
            // so two transactions take the keys' locks in one order, and no order among one transaction's ids shows.
            std::set<std::string> digests;
            for (const auto& [index, digest] : accepted) digests.insert(digest);
            Result inserted = run("INSERT INTO delivered (digest) SELECT decode(h, 'hex') FROM unnest($1::text[]) h "
                                  "ON CONFLICT DO NOTHING RETURNING encode(digest, 'hex')",
                                  {arrayLiteral(std::vector<Param>(digests.begin(), digests.end()))},
                                  "cannot store the delivered ids");
            std::unordered_set<std::string> fresh;
            for (int i = 0; i < PQntuples(inserted.get()); ++i) fresh.insert(valueAt(inserted.get(), i, 0));
            std::vector<const Submission*> submissions;
            for (const auto& [index, digest] : accepted) {
                if (!fresh.erase(digest)) { // delivered before, or earlier in this batch
                    results[index] = {DeliveryOutcome::AlreadyDelivered, {}};
                    continue;
                }
                results[index] = {DeliveryOutcome::Stored, {}};
                submissions.push_back(deliveries[index].second);
            }
            if (submissions.empty()) transaction.commit();
            else writeRowsAndCommit(transaction, submissions, date);
        } catch (const StoreError& error) {
            for (DeliveryResult& result : results)
                if (result.outcome != DeliveryOutcome::Refused) result = {DeliveryOutcome::NotStored, error.what()};
        }
        return results;
    }

    std::optional<StoreTally> tally(const std::string& surveyId, ReadCursor& cursor);

    std::size_t countOf(const char* sql, const std::vector<Param>& params, const std::string& what) {
        Result result = reading([&] { return run(sql, params, what); });
        return PQgetisnull(result.get(), 0, 0) ? 0 : static_cast<std::size_t>(std::stoull(valueAt(result.get(), 0, 0)));
    }
};

// [SECTION] PostgresStore

PostgresStore::PostgresStore(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
PostgresStore::~PostgresStore() = default;

std::unique_ptr<PostgresStore> PostgresStore::open(const std::string& uri, ResponseStoreOptions options) {
    auto impl = std::make_unique<Impl>();
    impl->uri = uri;
    impl->shown = withoutPassword(uri);
    impl->options = std::move(options);
    impl->conn = PQconnectdb(uri.c_str());
    if (!impl->conn) impl->fail("cannot connect: out of memory");
    if (PQstatus(impl->conn) != CONNECTION_OK) impl->fail("cannot connect: " + impl->serverError());
    impl->prepareSession();
    impl->prepareSchema();
    return std::unique_ptr<PostgresStore>(new PostgresStore(std::move(impl)));
}

bool PostgresStore::holdsStore(const std::string& uri) {
    PGconn* conn = PQconnectdb(uri.c_str());
    bool holds = false;
    if (conn && PQstatus(conn) == CONNECTION_OK) {
        const Result found(PQexec(conn, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                        "WHERE n.nspname = current_schema() AND c.relname = 'alignkiosk_store'"));
        holds = PQresultStatus(found.get()) == PGRES_TUPLES_OK && valueAt(found.get(), 0, 0) != "0";
    }
    if (conn) PQfinish(conn);
    return holds;
}

void PostgresStore::submit(const Submission& submission) {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->insert({&submission});
}

void PostgresStore::submitAll(const std::vector<Submission>& submissions) {
    if (submissions.empty()) return;
    std::vector<const Submission*> all;
    for (const Submission& submission : submissions) all.push_back(&submission);
    const std::lock_guard lock(m_impl->mutex);
    m_impl->insert(all);
}

bool PostgresStore::submitOnce(const std::string& submissionId, const Submission& submission) {
    const std::lock_guard lock(m_impl->mutex);
    const DeliveryResult result = m_impl->deliver({{&submissionId, &submission}}).front();
    switch (result.outcome) {
    case DeliveryOutcome::Stored: return true;
    case DeliveryOutcome::AlreadyDelivered: return false;
    case DeliveryOutcome::Refused: m_impl->fail(result.reason + "; nothing was stored");
    case DeliveryOutcome::NotStored: break;
    }
    throw StoreError(result.reason);
}

std::vector<DeliveryResult> PostgresStore::submitOnce(const std::vector<Delivery>& deliveries) {
    std::vector<Impl::DeliveryRef> all;
    for (const Delivery& delivery : deliveries) all.emplace_back(&delivery.submissionId, &delivery.submission);
    const std::lock_guard lock(m_impl->mutex);
    return m_impl->deliver(all);
}

std::size_t PostgresStore::deliveredCount() const {
    const std::lock_guard lock(m_impl->mutex);
    return m_impl->countOf("SELECT count(*) FROM delivered", {}, "cannot count the delivered ids");
}

std::vector<StoredResponse> PostgresStore::responses(std::optional<std::string> surveyId) const {
    const std::lock_guard lock(m_impl->mutex);
    const std::string sql =
        std::string("SELECT ") + kRowColumns + " FROM answers WHERE $1::text IS NULL OR survey_id = $1";
    Result result = m_impl->reading([&] { return m_impl->run(sql.c_str(), {surveyId}, "cannot read the answers"); });
    std::vector<StoredResponse> rows;
    rows.reserve(static_cast<std::size_t>(PQntuples(result.get())));
    for (int i = 0; i < PQntuples(result.get()); ++i) rows.push_back(rowAt(result.get(), i, 0));
    std::sort(rows.begin(), rows.end(), [](const StoredResponse& a, const StoredResponse& b) { return a.id < b.id; });
    return rows;
}

NewRows PostgresStore::readNew(ReadCursor& cursor, std::size_t maxRows) const {
    maxRows = std::max<std::size_t>(maxRows, 1);
    const std::lock_guard lock(m_impl->mutex);
    const std::string sql = std::string("SELECT batch, provisional, ") + kRowColumns +
                            " FROM answers WHERE (batch, id) > ($1::bigint, $2::text) ORDER BY batch, id LIMIT $3";
    Result result = m_impl->reading([&] {
        return m_impl->run(sql.c_str(), {std::to_string(cursor.batch), cursor.afterId, std::to_string(maxRows + 1)},
                           "cannot read new answers");
    });
    NewRows found;
    const auto rows = static_cast<std::size_t>(PQntuples(result.get()));
    found.upToDate = rows <= maxRows;
    std::unordered_set<std::string> readProvisionally(cursor.provisionalIds.begin(), cursor.provisionalIds.end());
    for (int i = 0; i < static_cast<int>(std::min(rows, maxRows)); ++i) {
        StoredResponse row = rowAt(result.get(), i, 2);
        cursor.batch = std::stoull(valueAt(result.get(), i, 0));
        cursor.afterId = row.id;
        if (valueAt(result.get(), i, 1) == "t") {
            readProvisionally.insert(row.id);
        } else if (readProvisionally.erase(row.id)) {
            continue; // read before its deal
        }
        found.rows.push_back(std::move(row));
    }
    cursor.provisionalIds.assign(readProvisionally.begin(), readProvisionally.end());
    std::sort(cursor.provisionalIds.begin(), cursor.provisionalIds.end());
    return found;
}

std::optional<StoreTally> PostgresStore::tally(const std::string& surveyId, ReadCursor& cursor) const {
    if (cursor.batch != 0 || !cursor.afterId.empty() || !cursor.provisionalIds.empty()) return std::nullopt;
    const std::lock_guard lock(m_impl->mutex);
    m_impl->ensureConnected();
    try {
        return m_impl->tally(surveyId, cursor);
    } catch (const StoreError&) {
        // The server could not count (a payload its JSON reader refuses, say): the rows are read whole instead, and
        // a store that cannot be read at all says so there.
        if (PQstatus(m_impl->conn) == CONNECTION_OK) return std::nullopt;
        throw;
    }
}

std::optional<StoreTally> PostgresStore::Impl::tally(const std::string& surveyId, ReadCursor& cursor) {
    Transaction transaction(*this, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    StoreTally counted;
    Result last = run("SELECT batch, id FROM answers ORDER BY batch DESC, id DESC LIMIT 1",
                      "cannot find the newest answers");
    if (PQntuples(last.get()) == 0) return counted; // nothing to count; the cursor stays at the start
    Result rows = run("SELECT survey_id, step_id, module_id, team, count(*), min(session_date), "
                      "max(session_date) FROM answers WHERE counted_here GROUP BY 1, 2, 3, 4",
                      "cannot count the answers");
    for (int i = 0; i < PQntuples(rows.get()); ++i) {
        StoreTally::Rows& group = counted.rows.emplace_back();
        group.surveyId = valueAt(rows.get(), i, 0);
        group.stepId = valueAt(rows.get(), i, 1);
        group.moduleId = valueAt(rows.get(), i, 2);
        if (!PQgetisnull(rows.get(), i, 3)) group.team = valueAt(rows.get(), i, 3);
        group.rows = std::stoull(valueAt(rows.get(), i, 4));
        group.firstDay = valueAt(rows.get(), i, 5);
        group.lastDay = valueAt(rows.get(), i, 6);
    }
    Result answers = run("SELECT a.step_id, a.module_id, a.team, e.key, e.value::text, count(*) FROM answers a "
                         "CROSS JOIN LATERAL json_each(a.payload::json -> 'answers') e "
                         "WHERE a.survey_id = $1 AND a.counted_here GROUP BY 1, 2, 3, 4, 5",
                         {surveyId}, "cannot count the answers to each question");
    counted.answers.reserve(static_cast<std::size_t>(PQntuples(answers.get())));
    for (int i = 0; i < PQntuples(answers.get()); ++i) {
        StoreTally::Answers& group = counted.answers.emplace_back();
        group.stepId = valueAt(answers.get(), i, 0);
        group.moduleId = valueAt(answers.get(), i, 1);
        if (!PQgetisnull(answers.get(), i, 2)) group.team = valueAt(answers.get(), i, 2);
        group.questionId = valueAt(answers.get(), i, 3);
        group.value = valueAt(answers.get(), i, 4);
        group.rows = std::stoull(valueAt(answers.get(), i, 5));
    }
    answers.reset();
    Result whole = run((std::string("SELECT ") + kRowColumns + " FROM answers WHERE NOT counted_here").c_str(),
                       "cannot read the answers");
    for (int i = 0; i < PQntuples(whole.get()); ++i) counted.uncounted.push_back(rowAt(whole.get(), i, 0));
    std::sort(counted.uncounted.begin(), counted.uncounted.end(),
              [](const StoredResponse& a, const StoredResponse& b) { return a.id < b.id; });
    // Provisional rows come again once, dealt into a batch: the cursor remembers them, as readNew() does.
    Result provisional = run("SELECT id FROM answers WHERE provisional ORDER BY id", "cannot read the answers");
    std::vector<std::string> provisionalIds;
    for (int i = 0; i < PQntuples(provisional.get()); ++i) provisionalIds.push_back(valueAt(provisional.get(), i, 0));
    transaction.commit();
    cursor.batch = std::stoull(valueAt(last.get(), 0, 0));
    cursor.afterId = valueAt(last.get(), 0, 1);
    cursor.provisionalIds = std::move(provisionalIds);
    return counted;
}

uint64_t PostgresStore::changeToken() const {
    const std::lock_guard lock(m_impl->mutex);
    return m_impl->countOf("SELECT change FROM alignkiosk_store", {}, "cannot ask whether the store changed");
}

std::size_t PostgresStore::count(std::optional<std::string> surveyId) const {
    const std::lock_guard lock(m_impl->mutex);
    return m_impl->countOf("SELECT count(*) FROM answers WHERE $1::text IS NULL OR survey_id = $1", {surveyId},
                           "cannot count the answers");
}

std::size_t PostgresStore::participants(const std::string& surveyId) const {
    const std::lock_guard lock(m_impl->mutex);
    return m_impl->countOf("SELECT max(n) FROM (SELECT count(*) AS n FROM answers WHERE survey_id = $1 "
                           "GROUP BY step_id) AS steps",
                           {surveyId}, "cannot count the participants");
}

std::vector<SurveyParticipants> PostgresStore::surveys() const {
    const std::lock_guard lock(m_impl->mutex);
    Result result = m_impl->reading([&] {
        return m_impl->run("SELECT survey_id, max(n) FROM (SELECT survey_id, count(*) AS n FROM answers "
                           "GROUP BY survey_id, step_id) AS steps GROUP BY survey_id",
                           "cannot list the surveys");
    });
    std::vector<SurveyParticipants> surveys;
    for (int i = 0; i < PQntuples(result.get()); ++i)
        surveys.push_back({valueAt(result.get(), i, 0), std::stoull(valueAt(result.get(), i, 1))});
    std::sort(surveys.begin(), surveys.end(),
              [](const SurveyParticipants& a, const SurveyParticipants& b) { return a.surveyId < b.surveyId; });
    return surveys;
}

std::optional<std::string> PostgresStore::setting(const std::string& key) const {
    const std::lock_guard lock(m_impl->mutex);
    if (key.empty() || hasNul(key)) return std::nullopt;
    Result result = m_impl->reading(
        [&] { return m_impl->run("SELECT value FROM settings WHERE key = $1", {key}, "cannot read a setting"); });
    if (PQntuples(result.get()) == 0) return std::nullopt;
    return valueAt(result.get(), 0, 0);
}

void PostgresStore::setSetting(const std::string& key, const std::string& value) {
    if (key.empty()) m_impl->fail("a setting needs a key");
    if (hasNul(key) || hasNul(value)) m_impl->fail("setting '" + key + "' contains a NUL character");
    const std::lock_guard lock(m_impl->mutex);
    m_impl->ensureConnected();
    Impl::Transaction transaction(*m_impl);
    m_impl->beginWrite();
    m_impl->run("INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = $2",
                {key, value}, "cannot store setting '" + key + "'");
    transaction.commit();
}

void PostgresStore::eraseSetting(const std::string& key) {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->ensureConnected();
    Impl::Transaction transaction(*m_impl);
    m_impl->beginWrite();
    m_impl->run("DELETE FROM settings WHERE key = $1", {key}, "cannot erase setting '" + key + "'");
    transaction.commit();
}

std::string PostgresStore::keepSetting(const std::string& key, const std::string& value) {
    if (key.empty()) m_impl->fail("a setting needs a key");
    if (hasNul(key) || hasNul(value)) m_impl->fail("setting '" + key + "' contains a NUL character");
    const std::lock_guard lock(m_impl->mutex);
    m_impl->ensureConnected();
    Impl::Transaction transaction(*m_impl);
    m_impl->beginWrite(); // writers take turns: the first to come keeps its value
    m_impl->run("INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING", {key, value},
                "cannot store setting '" + key + "'");
    Result kept = m_impl->run("SELECT value FROM settings WHERE key = $1", {key}, "cannot read setting '" + key + "'");
    std::string text = valueAt(kept.get(), 0, 0);
    transaction.commit();
    return text;
}

const fs::path& PostgresStore::path() const { return m_impl->shown; }

std::size_t PostgresStore::provisionalParticipants() const {
    const std::lock_guard lock(m_impl->mutex);
    return m_impl->countOf("SELECT provisional_participants FROM alignkiosk_store", {},
                           "cannot count the provisional answers");
}

} // namespace alignkiosk::core
