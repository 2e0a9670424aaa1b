// The store of survey answers as its users see it: the kiosk, the dashboard, the collector, the commands. Two
// implementations keep the same promises (docs/architecture.md, "The answer store"): ResponseStore, one SQLite file
// (response_store.h), and PostgresStore, a PostgreSQL database shared by several collectors (postgres_store.h).
// openStore() picks one by the text the user gave: a `postgresql://` URI or a file path.
//
// The promises: a write returns only once it is durable and all of it or nothing is stored; rows carry no identity,
// no time finer than the day, and nothing says in which order people answered; a submission id delivered to any
// connection on the same store counts once.
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
    // PostgreSQL only: the fewest participants whose rows are written to the answers table in one transaction
    // (see "Batches" in postgres_store.cpp). Fewer wait as provisional rows until enough have come.
    uint32_t minimumBatch = 5;
};

// How many people answered one survey in a store.
struct SurveyParticipants {
    std::string surveyId;
    std::size_t participants = 0;
};

// How far a reader has read a store (readNew()): which slots it has read, per size class. Starts at nothing read.
// Only the store changes it.
struct ReadCursor {
    // SQLite: the slots read, per size class.
    struct SlotClass {
        uint64_t capacity = 0;
        std::string read; // one bit per slot, as in the store's slot map (slot_map.h)
    };
    std::vector<SlotClass> classes;
    // PostgreSQL: the place reached (a batch and a random row id in it, rows being read by batch, then id), and the
    // provisional rows read (their ids), which come again once when their batch is dealt (postgres_store.cpp).
    uint64_t batch = 0;
    std::string afterId;
    std::vector<std::string> provisionalIds;
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

// The rows of a store counted where they are (StoreTally), for a dashboard that should not pull every row over the
// network to count it. Rows whose payload the store does not count itself (it cannot read it as {"answers": {...}} with
// each question once) come whole, to be read as readNew() rows are.
struct StoreTally {
    // Rows of one step of one survey by one team (none: no team), whose payloads the store counted.
    struct Rows {
        std::string surveyId;
        std::string stepId;
        std::string moduleId;
        std::optional<std::string> team;
        uint64_t rows = 0;
        std::string firstDay, lastDay; // their session dates, earliest and latest
    };
    // How many of those rows of the tallied survey give question `questionId` the value `value` (its JSON text).
    struct Answers {
        std::string stepId;
        std::string moduleId;
        std::optional<std::string> team;
        std::string questionId;
        std::string value;
        uint64_t rows = 0;
    };
    std::vector<Rows> rows;       // every survey in the store
    std::vector<Answers> answers; // the tallied survey only
    std::vector<StoredResponse> uncounted; // every survey's rows the store did not count, whole
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


// Every call may come from any thread; an implementation runs its calls one at a time.
class AnswerStore {
public:
    virtual ~AnswerStore() = default;

    // Stores one row per step, all in one transaction; when it returns the rows are durable. Throws StoreError, having
    // written nothing, on bad input (empty survey/step/module id or module version, empty team string, duplicate step
    // id, no responses, payload not JSON) or when the database fails.
    virtual void submit(const Submission& submission) = 0;
    // Many participants in one transaction (demo data, imports): all or nothing, same checks as submit().
    virtual void submitAll(const std::vector<Submission>& submissions) = 0;

    // Exactly once for a collector: stores the submission and its id in one transaction unless the id was delivered
    // before (to this connection or any other on the store); returns whether it was new. Durable when it returns.
    // Throws StoreError, having written nothing, on a malformed id, on the checks submit() makes, or when the
    // database fails.
    virtual bool submitOnce(const std::string& submissionId, const Submission& submission) = 0;
    // Group commit: every delivery judged on its own, the new ones written in ONE transaction. The result has one
    // entry per delivery, in the same order (see DeliveryOutcome). When the transaction fails, nothing of the batch
    // is stored and every entry that is not Refused says NotStored.
    virtual std::vector<DeliveryResult> submitOnce(const std::vector<Delivery>& deliveries) = 0;
    // How many submission ids this store has taken delivery of.
    virtual std::size_t deliveredCount() const = 0;

    // All rows, or those of one survey, ordered by their random id (never by when they were answered).
    virtual std::vector<StoredResponse> responses(std::optional<std::string> surveyId = {}) const = 0;
    // The rows `cursor` has not read yet, at most maxRows of them, and the cursor moved past them, without reading
    // old rows again. A call's rows say nothing about the order they came in.
    virtual NewRows readNew(ReadCursor& cursor, std::size_t maxRows) const = 0;
    // Every row `cursor` has not read, counted by the store itself, the answers of survey `surveyId` per question and
    // value, and the cursor moved past them all as readNew() would have: for a first read of a large store on
    // another machine. Nothing (and the cursor untouched) where reading the rows is as cheap as counting them (the
    // SQLite file is on this machine) or the cursor has read something already.
    virtual std::optional<StoreTally> tally(const std::string& surveyId, ReadCursor& cursor) const {
        static_cast<void>(surveyId);
        static_cast<void>(cursor);
        return std::nullopt;
    }
    // A number that changes whenever any connection commits a change to the store. Cheap enough to ask once a second.
    virtual uint64_t changeToken() const = 0;

    // Rows (one per answered step).
    virtual std::size_t count(std::optional<std::string> surveyId = {}) const = 0;
    // People: a participant leaves one row per step, so the step answered most often counts them.
    virtual std::size_t participants(const std::string& surveyId) const = 0;
    // Every survey with answers in this store, by id.
    virtual std::vector<SurveyParticipants> surveys() const = 0;

    // The kiosk's own configuration (e.g. the facilitator PIN hash), one text value per key. Never anything about a
    // participant or an answer. setSetting() replaces any earlier value and returns once it is durable; it throws
    // StoreError on an empty key, a NUL character or when the database fails. eraseSetting() is no error when the key
    // was not there.
    virtual std::optional<std::string> setting(const std::string& key) const = 0;
    virtual void setSetting(const std::string& key, const std::string& value) = 0;
    virtual void eraseSetting(const std::string& key) = 0;
    // Stores `value` unless the key has a value already, in one step however many connections race for it (two
    // collectors starting together must agree on one join code and one key pair); returns the value kept. Durable
    // when it returns; the same errors as setSetting().
    virtual std::string keepSetting(const std::string& key, const std::string& value) = 0;

    // Where the store is, for messages and for the exports' default folder: the file, or the PostgreSQL URI without
    // its password.
    virtual const std::filesystem::path& path() const = 0;
    // Whether path() is a file on this machine (exports go beside it) or a database server's address.
    virtual bool isFile() const = 0;
};

// `text` starting with "postgresql://" or "postgres://" names a PostgreSQL database.
bool isPostgresAddress(const std::string& text);

// Opens the store `text` names: a PostgreSQL URI (PostgresStore::open) or a file path (ResponseStore::open).
std::unique_ptr<AnswerStore> openStore(const std::string& text, ResponseStoreOptions options = {});

} // namespace alignkiosk::core
