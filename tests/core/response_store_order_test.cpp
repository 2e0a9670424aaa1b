// The store's promise in the bytes: no file it leaves on disk says in which order people answered. Participants are
// submitted one at a time with answers that can be found in the raw bytes; every file in the store's folder is then
// read as it is and the positions compared with the order of submission.
#include "support/order_scan.h"
#include "support/temp_dir.h"
#include "core/response_store.h"
#include "core/store_growth.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <map>
#include <string>
#include <vector>

namespace alignkiosk::core {
namespace {

namespace fs = std::filesystem;
using alignkiosk::test_support::FolderBytes;
using alignkiosk::test_support::rankCorrelation;
using alignkiosk::test_support::ranks;
using alignkiosk::test_support::TempDir;

constexpr const char* kDate = "2026-11-22";

// Participant i's answers carry the marker "Q<i, 5 digits>Z" in every step.
std::string marker(int participant) {
    char text[16];
    std::snprintf(text, sizeof text, "Q%05dZ", participant);
    return text;
}

Submission participant(int i) {
    Submission submission;
    submission.surveyId = "order";
    submission.surveyVersion = 1;
    submission.team = (i % 2) ? std::optional<std::string>("Sales") : std::optional<std::string>("Marketing");
    const std::string who = marker(i);
    submission.responses = {
        {"signs", "diagnostic_signs", "1.0.0", R"({"who":")" + who + R"(","q1":4})"},
        {"stakeholders", "stakeholder_mapping", "1.0.0", R"({"who":")" + who + R"(","mix":[40,40,20]})"},
        // A longer answer, so more than one slot size is in play.
        {"focus", "focus_assessment", "1.0.0", R"({"who":")" + who + R"(","goal":")" + std::string(300, 'g') + "\"}"},
    };
    return submission;
}

struct OrderFindings {
    double rho = 0.0;               // Spearman, submission order vs first appearance
    bool forwardOrReversed = false; // the order of first appearance is exactly the submission order, or its reverse
    int missing = 0;                // participants whose marker is not in any file (the scan saw nothing)
};

OrderFindings inspect(const fs::path& dir, int participants) {
    const FolderBytes bytes(dir);
    OrderFindings findings;
    std::vector<double> positions;
    for (int i = 0; i < participants; ++i) {
        const double at = bytes.firstPosition(marker(i));
        if (at < 0) ++findings.missing;
        positions.push_back(at);
    }
    const std::vector<double> r = ranks(positions);
    bool forward = true, reversed = true;
    for (std::size_t i = 0; i < r.size(); ++i) {
        forward = forward && r[i] == static_cast<double>(i);
        reversed = reversed && r[i] == static_cast<double>(r.size() - 1 - i);
    }
    findings.forwardOrReversed = forward || reversed;
    findings.rho = rankCorrelation(positions);
    return findings;
}

ResponseStoreOptions fixedDate() {
    ResponseStoreOptions options;
    options.dateProvider = [] { return std::string(kDate); };
    return options;
}

std::time_t localMidnight(const char* date) {
    std::tm local{};
    std::sscanf(date, "%d-%d-%d", &local.tm_year, &local.tm_mon, &local.tm_mday);
    local.tm_year -= 1900;
    local.tm_mon -= 1;
    local.tm_isdst = -1;
    return std::mktime(&local);
}

// What must hold after every submit(): no log in commit order, an empty journal, and times no finer than the day.
void expectQuietFiles(const fs::path& db) {
    EXPECT_FALSE(fs::exists(db.string() + "-wal"));
    EXPECT_FALSE(fs::exists(db.string() + "-shm"));
    if (fs::exists(db.string() + "-journal")) {
        EXPECT_EQ(fs::file_size(db.string() + "-journal"), 0u);
    }
    for (const std::string& file : {db.string(), db.string() + "-journal"}) {
        struct stat info {};
        if (::stat(file.c_str(), &info) != 0) continue;
        EXPECT_EQ(info.st_mtim.tv_sec, localMidnight(kDate)) << file;
        EXPECT_EQ(info.st_mtim.tv_nsec, 0) << file;
        EXPECT_EQ(info.st_atim.tv_sec, localMidnight(kDate)) << file;
    }
}

// [SECTION] The statistic itself can see order

// A control: the same scan over an ordinary SQLite table (random keys, WAL) finds the order. If this ever stops
// failing the "chance" bounds below, the scan has gone blind and the tests after it prove nothing.
TEST(StoreOrderScan, FindsTheOrderInAPlainSqliteTable) {
    TempDir dir;
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir.path() / "plain.sqlite3").c_str(), &db), SQLITE_OK);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; CREATE TABLE t (id TEXT PRIMARY KEY, body TEXT) WITHOUT ROWID",
                 nullptr, nullptr, nullptr);
    for (int i = 0; i < 200; ++i) {
        char sql[200];
        std::snprintf(sql, sizeof sql, "INSERT INTO t VALUES (hex(randomblob(16)), '%s')", marker(i).c_str());
        ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK);
    }
    const OrderFindings findings = inspect(dir.path(), 200);
    sqlite3_close(db);
    EXPECT_EQ(findings.missing, 0);
    EXPECT_GT(std::abs(findings.rho), 0.9) << findings.rho;
}

// [SECTION] The store

// 500 participants one by one: the order of first appearance is neither the submission order nor its reverse, and
// the rank correlation stays within chance, looked at several times on the way. With no order, rho has a standard
// deviation of 1/sqrt(n - 1); the bound is 4.5 of them (0.64 at 50 participants, 0.2 at 500), which chance exceeds
// about once in 150,000 runs and a layout with order (rho near +-1) always does.
TEST(ResponseStoreOrder, FiveHundredSubmissionsLeaveNoOrderInAnyFile) {
    TempDir dir;
    const fs::path db = dir.path() / "responses.sqlite3";
    auto store = ResponseStore::open(db, fixedDate());
    for (int i = 0; i < 500; ++i) {
        store.submit(participant(i));
        const int done = i + 1;
        if (done == 50 || done == 170 || done == 333 || done == 500) {
            SCOPED_TRACE("after " + std::to_string(done) + " submissions");
            expectQuietFiles(db);
            const OrderFindings findings = inspect(dir.path(), done);
            EXPECT_EQ(findings.missing, 0);
            EXPECT_FALSE(findings.forwardOrReversed);
            EXPECT_LT(std::abs(findings.rho), 4.5 / std::sqrt(done - 1.0)) << findings.rho;
            RecordProperty("rho_after_" + std::to_string(done), std::to_string(findings.rho));
        }
    }
    EXPECT_EQ(store.participants("order"), 500u);
    EXPECT_EQ(store.count(), 1500u);
}

// Ten participants, the size of a small workshop, in 100 separate stores: each store's order of first appearance is
// neither forward nor reversed (2 in 10! by chance), and the mean rank correlation is within chance (its standard
// deviation with no order is 1/3/sqrt(100) = 0.033; 0.2 is 6 of them). A layout with order gives rho near +-1.
TEST(ResponseStoreOrder, TenSubmissionsLeaveNoOrderInAnyFile) {
    double sum = 0.0;
    constexpr int kStores = 100;
    for (int trial = 0; trial < kStores; ++trial) {
        TempDir dir;
        const fs::path db = dir.path() / "responses.sqlite3";
        {
            auto store = ResponseStore::open(db, fixedDate());
            for (int i = 0; i < 10; ++i) {
                store.submit(participant(i));
                expectQuietFiles(db);
            }
            const OrderFindings open = inspect(dir.path(), 10);
            EXPECT_EQ(open.missing, 0);
            EXPECT_FALSE(open.forwardOrReversed);
            sum += open.rho;
        }
        // Closed: the same.
        const OrderFindings closed = inspect(dir.path(), 10);
        EXPECT_EQ(closed.missing, 0);
        EXPECT_FALSE(closed.forwardOrReversed);
    }
    EXPECT_LT(std::abs(sum / kStores), 0.2) << sum / kStores;
    RecordProperty("mean_rho", std::to_string(sum / kStores));
}

// Killed with SIGKILL in the middle of submitting: whatever the files hold then (a hot journal included) still says
// nothing of the order.
TEST(ResponseStoreOrder, SigkillMidSubmitLeavesNoOrder) {
    TempDir dir;
    const fs::path db = dir.path() / "responses.sqlite3";
    int ready[2];
    ASSERT_EQ(::pipe(ready), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::close(ready[0]);
        try {
            auto store = ResponseStore::open(db, fixedDate());
            for (int i = 0;; ++i) {
                store.submit(participant(i));
                if (i == 299) (void)!::write(ready[1], "r", 1);
            }
        } catch (...) {
        }
        ::_exit(1);
    }
    ::close(ready[1]);
    char byte = 0;
    ASSERT_EQ(::read(ready[0], &byte, 1), 1);
    ::usleep(20000 + static_cast<useconds_t>(std::rand() % 20000));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ::close(ready[0]);
    ASSERT_TRUE(WIFSIGNALED(status));

    const OrderFindings findings = inspect(dir.path(), 300);
    EXPECT_EQ(findings.missing, 0);
    EXPECT_FALSE(findings.forwardOrReversed);
    EXPECT_LT(std::abs(findings.rho), 0.26) << findings.rho; // 4.5 standard deviations at n = 300
    RecordProperty("rho", std::to_string(findings.rho));
    // And the store opens with every acknowledged participant.
    auto store = ResponseStore::open(db, fixedDate());
    EXPECT_GE(store.participants("order"), 300u);
}

// While a class is growing (halfway from one rung to the next, some commits after it began), the layout is as
// order-free as at rest: rows that came before the growth began are not in the lower slots, rows that came during it
// not in the new ones. Participants one at a time; each time class 0 is found mid-growth, every file is scanned as
// above (bound: 4.5 standard deviations, as there).
TEST(ResponseStoreOrder, AGrowthInProgressLeavesNoOrderInAnyFile) {
    TempDir dir;
    const fs::path db = dir.path() / "responses.sqlite3";
    auto store = ResponseStore::open(db, fixedDate());
    const auto capacityOfClass0 = [&db] {
        sqlite3* raw = nullptr;
        sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
        sqlite3_stmt* select = nullptr;
        sqlite3_prepare_v2(raw, "SELECT capacity FROM slot_classes WHERE class = 0", -1, &select, nullptr);
        const uint64_t capacity =
            sqlite3_step(select) == SQLITE_ROW ? static_cast<uint64_t>(sqlite3_column_int64(select, 0)) : 0;
        sqlite3_finalize(select);
        sqlite3_close_v2(raw);
        return capacity;
    };
    int scans = 0;
    uint64_t lastScanned = 0;
    for (int i = 0; i < 900; ++i) {
        store.submit(participant(i));
        const int done = i + 1;
        const uint64_t capacity = capacityOfClass0();
        // Once per growth, about halfway through it (where rows that came before it and rows that came during it are
        // most evenly mixed); from 100 participants on, so the bound is tight (0.45 at most).
        const uint64_t rung = store_growth::rungAbove(capacity);
        if (done < 100 || store_growth::atRest(capacity) || 6 * capacity < 5 * rung || rung == lastScanned) continue;
        lastScanned = store_growth::rungAbove(capacity);
        ++scans;
        SCOPED_TRACE("after " + std::to_string(done) + " submissions, class 0 at " + std::to_string(capacity) +
                     " slots growing to " + std::to_string(lastScanned));
        const OrderFindings findings = inspect(dir.path(), done);
        EXPECT_EQ(findings.missing, 0);
        EXPECT_FALSE(findings.forwardOrReversed);
        EXPECT_LT(std::abs(findings.rho), 4.5 / std::sqrt(done - 1.0)) << findings.rho;
        RecordProperty("rho_mid_growth_after_" + std::to_string(done), std::to_string(findings.rho));
    }
    EXPECT_GE(scans, 2);
}

} // namespace
} // namespace alignkiosk::core
