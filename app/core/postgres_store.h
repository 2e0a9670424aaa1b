// The answer store on PostgreSQL: one database (or one schema of it) shared by several collectors and dashboards, for
// an organisation-wide pulse. Same promises as the SQLite file (answer_store.h); how PostgreSQL is kept from telling
// the order people answered in: "Batches" in postgres_store.cpp; the server settings a deployment must keep:
// docs/postgresql.md.
//
// Threads: any thread may call a PostgresStore; its calls run one at a time on its one connection. Any number of
// stores (threads or processes) may open the same database; their writes take turns (one row lock).
#pragma once

#include "core/answer_store.h"

#include <memory>
#include <string>

namespace alignkiosk::core {

class PostgresStore final : public AnswerStore {
public:
    // The schema version this program writes; a database with a newer one is refused untouched.
    static constexpr uint32_t kSchemaVersion = 2;

    // Connects to `uri` (postgresql://user@host:port/dbname?options=...), the tables living in the connection's
    // current schema. Creates the tables in a schema that has none, brings an older version up to date. Throws
    // StoreError, leaving the database untouched, when it cannot connect, when the schema holds tables of another
    // application or a newer version of ours, or when the server's settings break the store's promises:
    // synchronous_commit or fsync off (acknowledged would not mean durable), statement logging that writes answers
    // to the server's log (log_statement 'mod' or 'all', log_min_duration_statement or a sample of it on, parameters
    // logged with errors).
    static std::unique_ptr<PostgresStore> open(const std::string& uri, ResponseStoreOptions options = {});

    // Whether `uri`'s schema holds this program's tables already, so that opening it creates none. False also when
    // the server cannot be reached (open() then says why). Writes nothing.
    static bool holdsStore(const std::string& uri);

    ~PostgresStore() override;
    PostgresStore(const PostgresStore&) = delete;
    PostgresStore& operator=(const PostgresStore&) = delete;

    void submit(const Submission& submission) override;
    void submitAll(const std::vector<Submission>& submissions) override;
    bool submitOnce(const std::string& submissionId, const Submission& submission) override;
    std::vector<DeliveryResult> submitOnce(const std::vector<Delivery>& deliveries) override;
    std::size_t deliveredCount() const override;

    std::vector<StoredResponse> responses(std::optional<std::string> surveyId = {}) const override;
    NewRows readNew(ReadCursor& cursor, std::size_t maxRows) const override;
    // Counted by the server ("Counting in the database" in postgres_store.cpp).
    std::optional<StoreTally> tally(const std::string& surveyId, ReadCursor& cursor) const override;
    uint64_t changeToken() const override;

    std::size_t count(std::optional<std::string> surveyId = {}) const override;
    std::size_t participants(const std::string& surveyId) const override;
    std::vector<SurveyParticipants> surveys() const override;

    std::optional<std::string> setting(const std::string& key) const override;
    void setSetting(const std::string& key, const std::string& value) override;
    void eraseSetting(const std::string& key) override;
    std::string keepSetting(const std::string& key, const std::string& value) override;

    const std::filesystem::path& path() const override;
    bool isFile() const override { return false; }

    // Participants whose rows wait, provisional, for a batch of ResponseStoreOptions::minimumBatch (for tests and
    // diagnostics).
    std::size_t provisionalParticipants() const;

private:
    struct Impl;
    explicit PostgresStore(std::unique_ptr<Impl> impl);

    std::unique_ptr<Impl> m_impl;
};

// The URI as it may be shown: any password removed.
std::string withoutPassword(const std::string& uri);

} // namespace alignkiosk::core
