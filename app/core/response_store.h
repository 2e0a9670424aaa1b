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

#include "core/submission.h"

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

// Every failure of the store: cannot open, not a database, schema too new, bad input, SQLite errors. The message
// names the database path and says why.
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ResponseStoreOptions {
    // The session date stamped on submitted rows, 'YYYY-MM-DD'. Empty: today's local date (localDateToday()).
    std::function<std::string()> dateProvider;
    std::chrono::milliseconds busyTimeout{5000};
    // Create a missing parent folder (for the default data location only: a mistyped --db must not grow folders).
    bool createParentDirectories = false;
};

// How many people answered one survey in a store.
struct SurveyParticipants {
    std::string surveyId;
    std::size_t participants = 0;
};

// The connection settings as SQLite reports them right now (for diagnostics and tests).
struct ResponseStoreSettings {
    std::string journalMode; // "truncate" (":memory:" reports "memory")
    int synchronous = 0;     // 2 = FULL
    bool foreignKeys = false;
    int busyTimeoutMs = 0;
    uint32_t schemaVersion = 0; // PRAGMA user_version
};

// How far a reader has read a store (readNew()): which slots it has read, per size class. Starts at nothing read.
// Only the store changes it.
struct ReadCursor {
    struct SlotClass {
        uint64_t capacity = 0;
        std::string read; // one bit per slot, as in the store's slot map (slot_map.h)
    };
    std::vector<SlotClass> classes;
};

// What one readNew() found.
struct NewRows {
    // Rows of every survey, in slot order: random, never the order they came in, within and across calls.
    std::vector<StoredResponse> rows;
    // The store moved rows into new slots (a size class is growing: each commit of a growth, which spans some commits
    // every ~1.5x rows): the reader forgets what it counted; the cursor is empty again, and the next calls return every
    // row afresh.
    bool startOver = false;
    // Nothing more to read at the moment.
    bool upToDate = false;
};

// One submission a collector received: the random id the laptop gave it (32 lowercase hex digits, 128 bits) and the
// answers. The id makes a repeated delivery a no-op; it is never stored with the rows (see "Delivered ids" in
// response_store.cpp).
struct Delivery {
    std::string submissionId;
    Submission submission;
};

// How one delivery fared. Only Stored and AlreadyDelivered may be acknowledged to the laptop.
enum class DeliveryOutcome {
    Stored,           // new: its rows are durable, and so is its id
    AlreadyDelivered, // its id was stored before (or earlier in the same batch): nothing was written for it
    Refused,          // the id or the submission is malformed (reason says which); it will never be stored
    NotStored,        // the store failed (disk full, read-only, locked, ...): nothing of the batch was written; retry
};

struct DeliveryResult {
    DeliveryOutcome outcome = DeliveryOutcome::NotStored;
    // Refused: what is wrong with the submission, naming no file (fit to send back). NotStored: the store's error,
    // naming its file (for the collector's screen and log). Empty otherwise.
    std::string reason;

    bool operator==(const DeliveryResult&) const = default;
};

// Today's date in the local time zone, 'YYYY-MM-DD'.
std::string localDateToday();

class ResponseStore {
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
    ~ResponseStore();

    // Stores one row per step, all in one transaction; when it returns the rows are on disk. Throws StoreError, having
    // written nothing, on bad input (empty survey/step/module id or module version, empty team string, duplicate step
    // id, no responses, payload not JSON) or when SQLite fails.
    void submit(const Submission& submission);
    // Many participants in one transaction (demo data, imports): all or nothing, same checks as submit().
    void submitAll(const std::vector<Submission>& submissions);

    // Exactly once for a collector: stores the submission and its id in one transaction unless the id was delivered
    // before (by this connection or any other on the file); returns whether it was new. Durable when it returns.
    // Throws StoreError, having written nothing, on a malformed id, on the checks submit() makes, or when SQLite fails.
    bool submitOnce(const std::string& submissionId, const Submission& submission);
    // Group commit: every delivery judged on its own, the new ones written in ONE transaction (one sync). The result
    // has one entry per delivery, in the same order. A malformed one is Refused and the others go on; an id seen
    // before, or earlier in the batch, is AlreadyDelivered. When the transaction fails, nothing of the batch is
    // stored and every entry that is not Refused says NotStored. Throws only when used after a move.
    std::vector<DeliveryResult> submitOnce(const std::vector<Delivery>& deliveries);
    // How many submission ids this store has taken delivery of.
    std::size_t deliveredCount() const;

    // All rows, or those of one survey, ordered by their random id (never by when they were answered).
    std::vector<StoredResponse> responses(std::optional<std::string> surveyId = {}) const;
    // The rows `cursor` has not read yet, at most maxRows of them, and the cursor moved past them. Costs the new rows
    // and one pass over the slot map (a bit per slot), never a read of old rows: a reader that keeps its cursor
    // follows a store of any size. What a call returns is a batch the store says nothing more about: no order among
    // its rows, and none among the rows that came between two calls.
    NewRows readNew(ReadCursor& cursor, std::size_t maxRows) const;
    // A number that changes whenever this connection or any other (another process's) commits a change to the store.
    // Reads no row: cheap enough to ask once a second.
    uint64_t changeToken() const;

    // Rows (one per answered step).
    std::size_t count(std::optional<std::string> surveyId = {}) const;
    // People: a participant leaves one row per step, so the step answered most often counts them.
    std::size_t participants(const std::string& surveyId) const;
    // Every survey with answers in this store, by id.
    std::vector<SurveyParticipants> surveys() const;

    // The kiosk's own configuration (e.g. the facilitator PIN hash), one text value per key. Never anything about a
    // participant or an answer. setSetting() replaces any earlier value and returns once it is on disk; it throws
    // StoreError on an empty key, a NUL character or when SQLite fails.
    std::optional<std::string> setting(const std::string& key) const;
    void setSetting(const std::string& key, const std::string& value);
    // Removes a setting (no error if it was not there); durable when it returns.
    void eraseSetting(const std::string& key);

    ResponseStoreSettings settings() const;
    const std::filesystem::path& path() const;

private:
    struct Impl;
    explicit ResponseStore(std::unique_ptr<Impl> impl);
    Impl& impl() const;

    std::unique_ptr<Impl> m_impl;
};

} // namespace alignkiosk::core
