// The anonymous, durable store of survey answers (SQLite).
//
// Anonymity is a property of the schema and of the bytes on disk, not a setting: a response row has no identity
// column, no time finer than the local date, and a random 128-bit key; and no file the store leaves behind says in
// which order people answered (how: "Order-free layout" in response_store.cpp). A submit() returns only once its rows
// are durable (synchronous=FULL), and a participant's answers land all together or not at all. Beside the answers the
// store keeps the kiosk's own settings (key -> text), which describe the kiosk, never a participant.
//
// Threads: any thread may call a ResponseStore; its calls run one at a time (a reader on another thread waits for a
// submit, and the other way round). Several stores (threads or processes) may open the same file; writers wait up to
// busyTimeout for each other.
#pragma once

#include "core/answer_store.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace alignkiosk::core {

// The connection settings as SQLite reports them right now (for diagnostics and tests).
struct ResponseStoreSettings {
    std::string journalMode; // "truncate" (":memory:" reports "memory")
    int synchronous = 0;     // 2 = FULL
    bool foreignKeys = false;
    int busyTimeoutMs = 0;
    uint32_t schemaVersion = 0; // PRAGMA user_version
};

class ResponseStore final : public AnswerStore {
public:
    // The schema version this program writes; a database with a newer one is refused untouched.
    static constexpr uint32_t kSchemaVersion = 5;
    // Stores up to this size get a whole-file integrity check at every open (about 60 ms at this size).
    static constexpr uint64_t kFullCheckBytes = 64u << 20;

    // Opens or creates the store at path; ":memory:" opens a private in-memory store. Brings an older schema up to
    // date. Opening does not grow with the number of answers: a store up to kFullCheckBytes is checked whole
    // (PRAGMA quick_check); a bigger one has its schema, settings and slot bookkeeping checked, and its answer pages
    // are checked as they are read or written (a damaged page is refused there, before anything is written). Throws StoreError, leaving everything untouched, when the path is a folder, its folder does not exist (and
    // createParentDirectories is off), the file or folder cannot be written, the disk is full, or the file is not an
    // SQLite database, is damaged, belongs to another application or has a newer schema. A store that opens has just
    // accepted a write (rolled back, so it leaves no row).
    static ResponseStore open(const std::filesystem::path& path, ResponseStoreOptions options = {});

    ResponseStore(ResponseStore&&) noexcept;
    ResponseStore& operator=(ResponseStore&&) noexcept;
    ResponseStore(const ResponseStore&) = delete;
    ResponseStore& operator=(const ResponseStore&) = delete;
    ~ResponseStore() override;

    // Stores one row per step, all in one transaction; when it returns the rows are on disk. Throws StoreError, having
    // written nothing, on bad input (empty survey/step/module id or module version, empty team string, duplicate step
    // id, no responses, payload not JSON) or when SQLite fails.
    void submit(const Submission& submission) override;
    // Many participants in one transaction (demo data, imports): all or nothing, same checks as submit().
    void submitAll(const std::vector<Submission>& submissions) override;

    // Exactly once for a collector: stores the submission and its id in one transaction unless the id was delivered
    // before (by this connection or any other on the file); returns whether it was new. Durable when it returns.
    // Throws StoreError, having written nothing, on a malformed id, on the checks submit() makes, or when SQLite fails.
    bool submitOnce(const std::string& submissionId, const Submission& submission) override;
    // Group commit: every delivery judged on its own, the new ones written in ONE transaction (one sync). The result
    // has one entry per delivery, in the same order. A malformed one is Refused and the others go on; an id seen
    // before, or earlier in the batch, is AlreadyDelivered. When the transaction fails, nothing of the batch is
    // stored and every entry that is not Refused says NotStored. Throws only when used after a move.
    std::vector<DeliveryResult> submitOnce(const std::vector<Delivery>& deliveries) override;
    // How many submission ids this store has taken delivery of.
    std::size_t deliveredCount() const override;

    // All rows, or those of one survey, ordered by their random id (never by when they were answered).
    std::vector<StoredResponse> responses(std::optional<std::string> surveyId = {}) const override;
    // The rows `cursor` has not read yet, at most maxRows of them, and the cursor moved past them. Costs the new rows
    // and one pass over the slot map (a bit per slot), never a read of old rows: a reader that keeps its cursor
    // follows a store of any size. What a call returns is a batch the store says nothing more about: no order among
    // its rows, and none among the rows that came between two calls.
    NewRows readNew(ReadCursor& cursor, std::size_t maxRows) const override;
    // A number that changes whenever this connection or any other (another process's) commits a change to the store.
    // Reads no row: cheap enough to ask once a second.
    uint64_t changeToken() const override;

    // Rows (one per answered step).
    std::size_t count(std::optional<std::string> surveyId = {}) const override;
    // People: a participant leaves one row per step, so the step answered most often counts them.
    std::size_t participants(const std::string& surveyId) const override;
    // Every survey with answers in this store, by id.
    std::vector<SurveyParticipants> surveys() const override;

    // The kiosk's own configuration (e.g. the facilitator PIN hash), one text value per key. Never anything about a
    // participant or an answer. setSetting() replaces any earlier value and returns once it is on disk; it throws
    // StoreError on an empty key, a NUL character or when SQLite fails.
    std::optional<std::string> setting(const std::string& key) const override;
    void setSetting(const std::string& key, const std::string& value) override;
    // Removes a setting (no error if it was not there); durable when it returns.
    void eraseSetting(const std::string& key) override;
    std::string keepSetting(const std::string& key, const std::string& value) override;

    ResponseStoreSettings settings() const;
    const std::filesystem::path& path() const override;
    bool isFile() const override { return true; }

private:
    struct Impl;
    explicit ResponseStore(std::unique_ptr<Impl> impl);
    Impl& impl() const;

    std::unique_ptr<Impl> m_impl;
};

} // namespace alignkiosk::core
