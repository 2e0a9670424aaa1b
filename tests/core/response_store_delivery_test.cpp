// ResponseStore::submitOnce: a collector's exactly-once store. A repeated delivery is a no-op across reopening, across
// connections and processes; a batch judges each delivery on its own and commits once; and the set of delivered ids
// says nothing, in the file's bytes, of the order the ids came in or of the rows they brought.
#include "support/order_scan.h"
#include "support/private_mounts.h"
#include "support/temp_dir.h"
#include "core/response_store.h"
#include "core/store_growth.h"

#include <gtest/gtest.h>
#include <sodium.h>
#include <sqlite3.h>

#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace alignkiosk::core {
namespace {

namespace fs = std::filesystem;
using alignkiosk::test_support::FolderBytes;
using alignkiosk::test_support::inPrivateMounts;
using alignkiosk::test_support::rankCorrelation;
using alignkiosk::test_support::readFileBytes;
using alignkiosk::test_support::TempDir;

ResponseStoreOptions fixedDate() {
    ResponseStoreOptions options;
    options.dateProvider = [] { return std::string("2026-11-22"); };
    return options;
}

// A laptop's submission id: 32 lowercase hex digits, pseudo-random but the same for the same n.
std::string submissionId(uint64_t n) {
    std::mt19937_64 rng(n * 0x9e3779b97f4a7c15ull + 20261206);
    char text[33];
    std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(rng()),
                  static_cast<unsigned long long>(rng()));
    return text;
}

Submission participant(int i, std::string team = "Marketing") {
    Submission submission;
    submission.surveyId = "pulse";
    submission.surveyVersion = 2;
    submission.team = std::move(team);
    submission.responses = {
        {"signs", "diagnostic_signs", "1.0.0", R"({"q1":)" + std::to_string(i % 5 + 1) + "}"},
        {"focus", "focus_assessment", "1.0.0", R"({"goal":"renewals from our ideal clients"})"},
    };
    return submission;
}

Delivery delivery(uint64_t n, int i) { return {submissionId(n), participant(i)}; }

const DeliveryResult kStored{DeliveryOutcome::Stored, {}};
const DeliveryResult kAlready{DeliveryOutcome::AlreadyDelivered, {}};

std::vector<DeliveryOutcome> outcomes(const std::vector<DeliveryResult>& results) {
    std::vector<DeliveryOutcome> all;
    for (const DeliveryResult& result : results) all.push_back(result.outcome);
    return all;
}

// A plain read-only look at the file, as another tool would take it.
class Raw {
public:
    explicit Raw(const fs::path& path, int flags = SQLITE_OPEN_READONLY) {
        if (sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr) != SQLITE_OK) throw std::runtime_error("raw open");
    }
    Raw(const Raw&) = delete;
    Raw& operator=(const Raw&) = delete;
    ~Raw() { sqlite3_close_v2(m_db); }
    sqlite3* get() const { return m_db; }

    int64_t integer(const char* sql) const {
        sqlite3_stmt* statement = nullptr;
        sqlite3_prepare_v2(m_db, sql, -1, &statement, nullptr);
        const int64_t value = sqlite3_step(statement) == SQLITE_ROW ? sqlite3_column_int64(statement, 0) : -1;
        sqlite3_finalize(statement);
        return value;
    }
    // The first column of every row, as bytes.
    std::vector<std::string> blobs(const char* sql) const {
        sqlite3_stmt* statement = nullptr;
        sqlite3_prepare_v2(m_db, sql, -1, &statement, nullptr);
        std::vector<std::string> rows;
        while (sqlite3_step(statement) == SQLITE_ROW)
            rows.emplace_back(static_cast<const char*>(sqlite3_column_blob(statement, 0)),
                              static_cast<std::size_t>(sqlite3_column_bytes(statement, 0)));
        sqlite3_finalize(statement);
        return rows;
    }
    void exec(const char* sql) const {
        if (sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
            throw std::runtime_error(std::string(sql) + ": " + sqlite3_errmsg(m_db));
    }

private:
    sqlite3* m_db = nullptr;
};

// The 16 bytes a hex id spells.
std::string bytesOfHex(const std::string& hex) {
    std::string bytes;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        bytes.push_back(static_cast<char>(std::stoul(hex.substr(i, 2), nullptr, 16)));
    return bytes;
}

// The 16-byte digest the store keeps for an id: BLAKE2b keyed with the store's key, over the id's 16 bytes.
std::string digestOf(const std::string& key, const std::string& hexId) {
    const std::string id = bytesOfHex(hexId);
    std::array<unsigned char, 16> digest{};
    crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(id.data()), id.size(),
                       reinterpret_cast<const unsigned char*>(key.data()), key.size());
    return {reinterpret_cast<const char*>(digest.data()), digest.size()};
}

std::string hashKeyOf(const fs::path& db) { return Raw(db).blobs("SELECT hash_key FROM delivered_set").at(0); }

// [SECTION] Exactly once

TEST(ResponseStoreDelivery, ARepeatedIdIsANoOp) {
    auto store = ResponseStore::open(":memory:", fixedDate());
    EXPECT_TRUE(store.submitOnce(submissionId(1), participant(1)));
    EXPECT_FALSE(store.submitOnce(submissionId(1), participant(1)));
    EXPECT_FALSE(store.submitOnce(submissionId(1), participant(2))); // the id decides, not the answers
    EXPECT_EQ(store.count(), 2u);
    EXPECT_EQ(store.participants("pulse"), 1u);
    EXPECT_EQ(store.deliveredCount(), 1u);
    // Another laptop may well give the same answers.
    EXPECT_TRUE(store.submitOnce(submissionId(2), participant(1)));
    EXPECT_EQ(store.participants("pulse"), 2u);
    EXPECT_EQ(store.deliveredCount(), 2u);
    // submit() stays as it was, and takes no id.
    store.submit(participant(3));
    EXPECT_EQ(store.participants("pulse"), 3u);
    EXPECT_EQ(store.deliveredCount(), 2u);
}

TEST(ResponseStoreDelivery, ARepeatIsANoOpAfterReopening) {
    TempDir dir;
    const fs::path db = dir.path() / "collector.sqlite3";
    { EXPECT_TRUE(ResponseStore::open(db, fixedDate()).submitOnce(submissionId(7), participant(7))); }
    auto store = ResponseStore::open(db, fixedDate());
    EXPECT_FALSE(store.submitOnce(submissionId(7), participant(7)));
    EXPECT_EQ(store.submitOnce({delivery(7, 7), delivery(8, 8)}), (std::vector<DeliveryResult>{kAlready, kStored}));
    EXPECT_EQ(store.participants("pulse"), 2u);
}

TEST(ResponseStoreDelivery, TwoConnectionsOnOneFileTakeAnIdOnce) {
    TempDir dir;
    const fs::path db = dir.path() / "collector.sqlite3";
    auto first = ResponseStore::open(db, fixedDate());
    auto second = ResponseStore::open(db, fixedDate());
    EXPECT_TRUE(first.submitOnce(submissionId(1), participant(1)));
    EXPECT_FALSE(second.submitOnce(submissionId(1), participant(1)));
    EXPECT_TRUE(second.submitOnce(submissionId(2), participant(2)));
    EXPECT_EQ(first.submitOnce({delivery(2, 2), delivery(3, 3)}), (std::vector<DeliveryResult>{kAlready, kStored}));
    EXPECT_EQ(second.deliveredCount(), 3u);
    EXPECT_EQ(first.participants("pulse"), 3u);
}

// Two collectors (processes) on one file get the same 300 ids, in opposite orders and in batches: each id is
// stored by exactly one of them.
TEST(ResponseStoreDelivery, TwoProcessesRacingWithTheSameIdsStoreEachOnce) {
    TempDir dir;
    const fs::path db = dir.path() / "collector.sqlite3";
    { ResponseStore::open(db, fixedDate()); }
    constexpr int kIds = 300;
    int pipes[2][2];
    pid_t children[2];
    for (int c = 0; c < 2; ++c) {
        ASSERT_EQ(::pipe(pipes[c]), 0);
        children[c] = ::fork();
        ASSERT_GE(children[c], 0);
        if (children[c] == 0) {
            int stored = -1;
            try {
                auto store = ResponseStore::open(db, fixedDate());
                stored = 0;
                for (int start = 0; start < kIds; start += 10) {
                    std::vector<Delivery> batch;
                    for (int k = start; k < start + 10; ++k) {
                        const int n = c == 0 ? k : kIds - 1 - k;
                        batch.push_back(delivery(static_cast<uint64_t>(n), n));
                    }
                    for (const DeliveryResult& result : store.submitOnce(batch)) {
                        if (result.outcome == DeliveryOutcome::Stored) ++stored;
                        else if (result.outcome != DeliveryOutcome::AlreadyDelivered) stored = -100000;
                    }
                }
            } catch (...) {
                stored = -1;
            }
            (void)!::write(pipes[c][1], &stored, sizeof stored);
            ::_exit(0);
        }
        ::close(pipes[c][1]);
    }
    int total = 0;
    for (int c = 0; c < 2; ++c) {
        int stored = -1;
        EXPECT_EQ(::read(pipes[c][0], &stored, sizeof stored), static_cast<ssize_t>(sizeof stored));
        ::close(pipes[c][0]);
        ::waitpid(children[c], nullptr, 0);
        EXPECT_GE(stored, 0) << "collector " << c;
        total += stored;
    }
    EXPECT_EQ(total, kIds);
    auto store = ResponseStore::open(db, fixedDate());
    EXPECT_EQ(store.participants("pulse"), static_cast<std::size_t>(kIds));
    EXPECT_EQ(store.deliveredCount(), static_cast<std::size_t>(kIds));
}

// [SECTION] Batches

TEST(ResponseStoreDelivery, ABatchJudgesEachDeliveryOnItsOwn) {
    auto store = ResponseStore::open(":memory:", fixedDate());
    ASSERT_TRUE(store.submitOnce(submissionId(100), participant(100)));

    Delivery notJson = delivery(3, 3);
    notJson.submission.responses[1].payload = "{not json";
    Delivery badId = delivery(4, 4);
    badId.submissionId = "0123456789ABCDEF0123456789ABCDEF"; // upper case
    Delivery shortId = delivery(5, 5);
    shortId.submissionId = "abc";
    Delivery emptyTeam = delivery(6, 6);
    emptyTeam.submission.team = "";
    Delivery noSteps = delivery(9, 9);
    noSteps.submission.responses.clear();
    Delivery tooLong = delivery(10, 10);
    tooLong.submission.responses[0].payload = R"({"text":")" + std::string(70000, 'x') + "\"}";

    const std::vector<DeliveryResult> results = store.submitOnce(
        {delivery(1, 1), delivery(2, 2), delivery(1, 1), notJson, badId, shortId, emptyTeam, delivery(100, 100),
         noSteps, tooLong, delivery(2, 2)});
    ASSERT_EQ(results.size(), 11u);
    EXPECT_EQ(outcomes(results),
              (std::vector<DeliveryOutcome>{DeliveryOutcome::Stored, DeliveryOutcome::Stored,
                                            DeliveryOutcome::AlreadyDelivered, DeliveryOutcome::Refused,
                                            DeliveryOutcome::Refused, DeliveryOutcome::Refused,
                                            DeliveryOutcome::Refused, DeliveryOutcome::AlreadyDelivered,
                                            DeliveryOutcome::Refused, DeliveryOutcome::Refused,
                                            DeliveryOutcome::AlreadyDelivered}));
    EXPECT_EQ(results[3].reason, "response to step 'focus' has a payload that is not JSON");
    EXPECT_EQ(results[4].reason, "the submission id is not 32 lowercase hex digits");
    EXPECT_EQ(results[5].reason, "the submission id is not 32 lowercase hex digits");
    EXPECT_EQ(results[6].reason, "submission has an empty team (use no team instead)");
    EXPECT_EQ(results[8].reason, "submission of survey 'pulse' has no responses");
    EXPECT_NE(results[9].reason.find("more than the largest answer"), std::string::npos) << results[9].reason;
    for (const DeliveryResult& result : results) {
        if (result.outcome == DeliveryOutcome::Stored || result.outcome == DeliveryOutcome::AlreadyDelivered) {
            EXPECT_EQ(result.reason, "");
        }
    }
    EXPECT_EQ(store.participants("pulse"), 3u);
    EXPECT_EQ(store.deliveredCount(), 3u);

    // A refused delivery takes no id: the same id with good answers is new.
    EXPECT_EQ(store.submitOnce({delivery(3, 3), delivery(6, 6)}), (std::vector<DeliveryResult>{kStored, kStored}));
    // The same within one batch: refused first, stored second.
    Delivery brokenFirst = delivery(11, 11);
    brokenFirst.submission.surveyId = "";
    EXPECT_EQ(outcomes(store.submitOnce({brokenFirst, delivery(11, 11)})),
              (std::vector<DeliveryOutcome>{DeliveryOutcome::Refused, DeliveryOutcome::Stored}));
    EXPECT_EQ(store.deliveredCount(), 6u);
    EXPECT_TRUE(store.submitOnce(std::vector<Delivery>{}).empty());
}

TEST(ResponseStoreDelivery, TheSingleFormThrowsOnAMalformedDeliveryAndTakesNoId) {
    auto store = ResponseStore::open(":memory:", fixedDate());
    Submission broken = participant(1);
    broken.responses[0].stepId = "";
    try {
        store.submitOnce(submissionId(1), broken);
        FAIL() << "expected StoreError";
    } catch (const StoreError& error) {
        EXPECT_NE(std::string(error.what()).find("a response has an empty step id; nothing was stored"),
                  std::string::npos)
            << error.what();
    }
    EXPECT_THROW(store.submitOnce("not-an-id", participant(1)), StoreError);
    EXPECT_EQ(store.count(), 0u);
    EXPECT_EQ(store.deliveredCount(), 0u);
    EXPECT_TRUE(store.submitOnce(submissionId(1), participant(1)));
}

// The transaction is all or nothing: while another program holds the write lock, nothing of the batch is stored and
// every delivery that is not malformed says NotStored, with the store's error; afterwards the same batch goes in.
TEST(ResponseStoreDelivery, AFailedTransactionStoresNothingAndSaysSoForEveryDelivery) {
    TempDir dir;
    const fs::path db = dir.path() / "collector.sqlite3";
    ResponseStoreOptions options = fixedDate();
    options.busyTimeout = std::chrono::milliseconds(50);
    auto store = ResponseStore::open(db, options);
    ASSERT_TRUE(store.submitOnce(submissionId(1), participant(1)));
    Delivery broken = delivery(3, 3);
    broken.submission.surveyId = "";
    const std::vector<Delivery> batch = {delivery(1, 1), delivery(2, 2), broken, delivery(4, 4)};
    {
        Raw other(db, SQLITE_OPEN_READWRITE);
        other.exec("BEGIN IMMEDIATE");
        const std::vector<DeliveryResult> results = store.submitOnce(batch);
        EXPECT_EQ(outcomes(results),
                  (std::vector<DeliveryOutcome>{DeliveryOutcome::NotStored, DeliveryOutcome::NotStored,
                                                DeliveryOutcome::Refused, DeliveryOutcome::NotStored}));
        EXPECT_NE(results[1].reason.find("locked"), std::string::npos) << results[1].reason;
        EXPECT_NE(results[1].reason.find(db.string()), std::string::npos) << results[1].reason;
        EXPECT_THROW(store.submitOnce(submissionId(5), participant(5)), StoreError);
        other.exec("ROLLBACK");
    }
    EXPECT_EQ(store.deliveredCount(), 1u);
    EXPECT_EQ(store.participants("pulse"), 1u);
    EXPECT_EQ(outcomes(store.submitOnce(batch)),
              (std::vector<DeliveryOutcome>{DeliveryOutcome::AlreadyDelivered, DeliveryOutcome::Stored,
                                            DeliveryOutcome::Refused, DeliveryOutcome::Stored}));
    EXPECT_EQ(store.deliveredCount(), 3u);
}

// A full disk: nothing of the batch is stored, every delivery says NotStored; with room again the same batch goes in
// whole, and once more it is all repeats.
TEST(ResponseStoreDelivery, AFullDiskStoresNothingOfTheBatch) {
    TempDir dir;
    const std::string report = inPrivateMounts([&]() -> std::string {
        if (::mount("tmpfs", dir.path().c_str(), "tmpfs", 0, "size=12m") != 0)
            return std::string("tmpfs mount failed: ") + std::strerror(errno);
        try {
            auto store = ResponseStore::open(dir.path() / "collector.sqlite3", fixedDate());
            std::vector<Delivery> batch;
            for (int i = 0; i < 300; ++i) batch.push_back(delivery(static_cast<uint64_t>(i), i));
            {
                std::ofstream filler(dir.path() / "filler", std::ios::binary);
                const std::string block(1 << 16, 'f');
                while (filler.write(block.data(), static_cast<std::streamsize>(block.size()))) {
                }
            }
            std::string out;
            const auto tally = [&](const std::vector<DeliveryResult>& results) {
                std::size_t stored = 0, already = 0, notStored = 0;
                for (const DeliveryResult& result : results) {
                    stored += result.outcome == DeliveryOutcome::Stored;
                    already += result.outcome == DeliveryOutcome::AlreadyDelivered;
                    notStored += result.outcome == DeliveryOutcome::NotStored;
                }
                out += std::to_string(stored) + "/" + std::to_string(already) + "/" + std::to_string(notStored) + " ";
                return results;
            };
            const auto full = tally(store.submitOnce(batch));
            out += "full:[" + full.front().reason + "] ";
            out += "count " + std::to_string(store.count()) + " ids " + std::to_string(store.deliveredCount()) + " ";
            fs::remove(dir.path() / "filler");
            tally(store.submitOnce(batch));
            tally(store.submitOnce(batch));
            out += "count " + std::to_string(store.count()) + " ids " + std::to_string(store.deliveredCount());
            return out;
        } catch (const std::exception& error) {
            return std::string("threw: ") + error.what();
        }
    });
    EXPECT_NE(report.find("0/0/300 full:["), std::string::npos) << report;
    EXPECT_NE(report.find("disk is full"), std::string::npos) << report;
    EXPECT_NE(report.find("count 0 ids 0 300/0/0 0/300/0 count 600 ids 300"), std::string::npos) << report;
}

// [SECTION] Growth

// Thousands of ids, one at a time past the first growth and then in batches: the set adds buckets as it fills,
// each bucket stays sorted with zeros after its digests, and every id is still found.
TEST(ResponseStoreDelivery, EveryIdStaysFindableAsTheSetGrows) {
    TempDir dir;
    const fs::path db = dir.path() / "collector.sqlite3";
    auto store = ResponseStore::open(db, fixedDate());
    EXPECT_EQ(Raw(db).integer("SELECT buckets FROM delivered_set"), 16);
    constexpr int kOneByOne = 600, kIds = 6000;
    for (int n = 0; n < kOneByOne; ++n)
        ASSERT_TRUE(store.submitOnce(submissionId(static_cast<uint64_t>(n)), participant(n)));
    for (int start = kOneByOne; start < kIds; start += 450) {
        std::vector<Delivery> batch;
        for (int n = start; n < std::min(start + 450, kIds); ++n)
            batch.push_back(delivery(static_cast<uint64_t>(n), n));
        for (const DeliveryResult& result : store.submitOnce(batch)) ASSERT_EQ(result, kStored);
    }
    EXPECT_EQ(store.deliveredCount(), static_cast<std::size_t>(kIds));

    std::vector<Delivery> again;
    for (int n = 0; n < kIds; ++n) again.push_back(delivery(static_cast<uint64_t>(n), n));
    std::shuffle(again.begin(), again.end(), std::mt19937(5));
    for (const DeliveryResult& result : store.submitOnce(again)) ASSERT_EQ(result, kAlready);
    EXPECT_TRUE(store.submitOnce(submissionId(kIds), participant(kIds)));
    EXPECT_EQ(store.participants("pulse"), static_cast<std::size_t>(kIds + 1));

    Raw raw(db);
    const int64_t buckets = raw.integer("SELECT buckets FROM delivered_set");
    EXPECT_EQ(buckets, 376); // one bucket per 16 ids (linear hashing): 6,001 / 16, rounded up
    EXPECT_EQ(raw.integer("SELECT count(*) FROM delivered_buckets"), buckets);
    EXPECT_EQ(raw.integer("SELECT max(bucket) FROM delivered_buckets"), buckets - 1);
    const std::string key = hashKeyOf(db);
    std::set<std::string> expected;
    for (int n = 0; n <= kIds; ++n) expected.insert(digestOf(key, submissionId(static_cast<uint64_t>(n))));
    std::set<std::string> found;
    const std::string zero(16, '\0');
    for (const std::string& ids : raw.blobs("SELECT ids FROM delivered_buckets ORDER BY bucket")) {
        ASSERT_EQ(ids.size(), 1024u);
        std::string previous;
        bool empty = false;
        for (std::size_t at = 0; at < ids.size(); at += 16) {
            const std::string digest = ids.substr(at, 16);
            if (digest == zero) {
                empty = true;
                continue;
            }
            EXPECT_FALSE(empty) << "a digest after an empty place";
            EXPECT_LT(previous, digest) << "not sorted";
            previous = digest;
            found.insert(digest);
        }
    }
    EXPECT_EQ(found, expected);
}

// One id per commit: the set never doubles at once, it takes one bucket more per 16 ids (a commit splits one old
// bucket for each bucket it adds), and every id stays findable on the way.
TEST(ResponseStoreDelivery, TheSetGrowsOneBucketAtATime) {
    TempDir dir;
    const fs::path db = dir.path() / "collector.sqlite3";
    auto store = ResponseStore::open(db, fixedDate());
    int64_t buckets = 16;
    for (int n = 0; n < 600; ++n) {
        ASSERT_TRUE(store.submitOnce(submissionId(static_cast<uint64_t>(n)), participant(n)));
        const int64_t now = Raw(db).integer("SELECT buckets FROM delivered_set");
        ASSERT_LE(now - buckets, 1) << n;
        ASSERT_EQ(now, static_cast<int64_t>(store_growth::bucketsFor(static_cast<uint64_t>(n) + 1))) << n;
        ASSERT_EQ(Raw(db).integer("SELECT count(*) FROM delivered_buckets"), now);
        buckets = now;
        if (n % 97 == 0) {
            for (int m = 0; m <= n; ++m)
                ASSERT_FALSE(store.submitOnce(submissionId(static_cast<uint64_t>(m)), participant(m)));
        }
    }
    EXPECT_EQ(buckets, 38); // 600 / 16, rounded up
    EXPECT_EQ(store.deliveredCount(), 600u);
}

// [SECTION] Migration

TEST(ResponseStoreDelivery, AVersion4StoreGetsAnEmptySetOfDeliveredIds) {
    TempDir dir;
    const fs::path db = dir.path() / "station.sqlite3";
    std::vector<StoredResponse> rows;
    {
        auto store = ResponseStore::open(db, fixedDate());
        for (int i = 0; i < 5; ++i) store.submit(participant(i));
        rows = store.responses();
    }
    // Back to version 4 as the previous program left it.
    const char* backToVersion4 = "DROP TABLE delivered_set; DROP TABLE delivered_buckets; PRAGMA user_version = 4";
    Raw(db, SQLITE_OPEN_READWRITE).exec(backToVersion4);
    std::string firstKey;
    {
        auto store = ResponseStore::open(db, fixedDate());
        EXPECT_EQ(store.settings().schemaVersion, 5u);
        EXPECT_EQ(store.responses(), rows);
        EXPECT_EQ(store.deliveredCount(), 0u);
        Raw raw(db);
        EXPECT_EQ(raw.integer("SELECT buckets FROM delivered_set"), 16);
        EXPECT_EQ(raw.integer("SELECT count(*) FROM delivered_buckets WHERE ids = zeroblob(1024)"), 16);
        firstKey = hashKeyOf(db);
        EXPECT_EQ(firstKey.size(), 32u);
        EXPECT_NE(firstKey, std::string(32, '\0'));
        EXPECT_TRUE(store.submitOnce(submissionId(1), participant(1)));
        EXPECT_FALSE(store.submitOnce(submissionId(1), participant(1)));
    }
    // Opening again changes nothing; migrating again makes a new key (no two stores share one).
    EXPECT_EQ(hashKeyOf(db), firstKey);
    Raw(db, SQLITE_OPEN_READWRITE).exec(backToVersion4);
    auto store = ResponseStore::open(db, fixedDate());
    EXPECT_EQ(store.count(), 12u);
    EXPECT_NE(hashKeyOf(db), firstKey);
}

// [SECTION] What the file says

// The set's content is a function of the key and the set: the same ids delivered in two orders (one batch, or many
// small shuffled ones, crossing growths) into two copies of one empty store leave byte-identical tables.
TEST(ResponseStoreDelivery, TheDeliveredTableIsTheSameWhateverTheOrder) {
    TempDir dir;
    const fs::path first = dir.path() / "first.sqlite3";
    const fs::path second = dir.path() / "second.sqlite3";
    { ResponseStore::open(first, fixedDate()); }
    fs::copy_file(first, second);
    constexpr int kIds = 1500;
    std::vector<Delivery> all;
    for (int n = 0; n < kIds; ++n) all.push_back(delivery(static_cast<uint64_t>(n), n));
    ResponseStore::open(first, fixedDate()).submitOnce(all);
    std::shuffle(all.begin(), all.end(), std::mt19937(11));
    {
        auto store = ResponseStore::open(second, fixedDate());
        for (std::size_t start = 0; start < all.size(); start += 37) {
            const auto from = all.begin() + static_cast<std::ptrdiff_t>(start);
            store.submitOnce(std::vector<Delivery>(from, from + static_cast<std::ptrdiff_t>(std::min<std::size_t>(
                                                                   37, all.size() - start))));
        }
    }
    const char* table = "SELECT bucket || ':' || hex(ids) FROM delivered_buckets ORDER BY bucket";
    const std::vector<std::string> a = Raw(first).blobs(table);
    EXPECT_EQ(a.size(), 94u); // one bucket per 16 ids (linear hashing): 1,500 / 16, rounded up
    EXPECT_EQ(a, Raw(second).blobs(table));
    const char* set = "SELECT hex(hash_key) || buckets || ':' || used FROM delivered_set";
    EXPECT_EQ(Raw(first).blobs(set), Raw(second).blobs(set));
}

// The order scan of response_store_order_test.cpp on the digests: ids delivered one at a time (crossing a growth of
// the set), the position of each id's digest in the folder's bytes against its arrival rank. With no order the rank
// correlation's standard deviation is 1/sqrt(n - 1); the bound is 4.5 of them. A control shows the same scan finds the
// order in an append-only table of the same digests.
TEST(ResponseStoreDelivery, TheDeliveredIdsLeaveNoOrderInTheFile) {
    TempDir dir;
    const fs::path db = dir.path() / "collector.sqlite3";
    auto store = ResponseStore::open(db, fixedDate());
    const std::string key = hashKeyOf(db);
    std::vector<std::string> digests;
    const auto positions = [&](const fs::path& folder) {
        const FolderBytes bytes(folder);
        std::vector<double> at;
        for (const std::string& digest : digests) at.push_back(bytes.firstPosition(digest));
        return at;
    };
    for (int n = 0; n < 700; ++n) {
        ASSERT_TRUE(store.submitOnce(submissionId(static_cast<uint64_t>(n)), participant(n)));
        digests.push_back(digestOf(key, submissionId(static_cast<uint64_t>(n))));
        const int done = n + 1;
        if (done == 60 || done == 300 || done == 700) {
            SCOPED_TRACE("after " + std::to_string(done) + " deliveries");
            const std::vector<double> at = positions(dir.path());
            EXPECT_EQ(std::count(at.begin(), at.end(), -1.0), 0);
            const double rho = rankCorrelation(at);
            EXPECT_LT(std::abs(rho), 4.5 / std::sqrt(done - 1.0)) << rho;
            RecordProperty("rho_after_" + std::to_string(done), std::to_string(rho));
        }
    }

    TempDir control;
    {
        Raw log(control.path() / "log.sqlite3", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        log.exec("CREATE TABLE ids (digest BLOB)");
        sqlite3_stmt* insert = nullptr;
        sqlite3_prepare_v2(log.get(), "INSERT INTO ids VALUES (?1)", -1, &insert, nullptr);
        for (const std::string& digest : digests) {
            sqlite3_bind_blob(insert, 1, digest.data(), static_cast<int>(digest.size()), SQLITE_STATIC);
            ASSERT_EQ(sqlite3_step(insert), SQLITE_DONE);
            sqlite3_reset(insert);
        }
        sqlite3_finalize(insert);
    }
    // SQLite places the cells of a page backwards, so a log shows its order page by page (rho about 0.87), far above
    // the bound the store must stay under (0.17 at 700).
    EXPECT_GT(std::abs(rankCorrelation(positions(control.path()))), 0.6);
}

// Nothing in the file holds the id a laptop sent (its text or its bytes), and no row's id is the submission's.
TEST(ResponseStoreDelivery, TheFileHoldsNoSubmissionIdAndNoRowNamesOne) {
    TempDir dir;
    const fs::path db = dir.path() / "collector.sqlite3";
    auto store = ResponseStore::open(db, fixedDate());
    std::vector<std::string> ids;
    for (int n = 0; n < 50; ++n) {
        ids.push_back(submissionId(static_cast<uint64_t>(n)));
        ASSERT_TRUE(store.submitOnce(ids.back(), participant(n)));
    }
    const std::string bytes = readFileBytes(db);
    const FolderBytes folder(dir.path());
    const std::string key = hashKeyOf(db);
    for (const std::string& id : ids) {
        EXPECT_LT(folder.firstPosition(id), 0.0) << id;
        EXPECT_LT(folder.firstPosition(bytesOfHex(id)), 0.0) << id;
        EXPECT_GE(folder.firstPosition(digestOf(key, id)), 0.0) << id; // the scan does see the digests
    }
    for (const StoredResponse& row : store.responses())
        EXPECT_EQ(std::find(ids.begin(), ids.end(), row.id), ids.end()) << row.id;
    EXPECT_FALSE(bytes.empty());
}

} // namespace
} // namespace alignkiosk::core
