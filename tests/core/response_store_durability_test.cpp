// Crash safety of ResponseStore: a child process submits in a loop and is SIGKILLed at a random moment; every
// submission it acknowledged (after submit() returned) must be in the file, complete, and the file must be sound.
#include "support/temp_dir.h"
#include "core/response_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace alignkiosk::core {
namespace {

namespace fs = std::filesystem;

constexpr int kRounds = 20;
constexpr unsigned kSeed = 20261122;
constexpr uint32_t kReady = UINT32_MAX; // sent once the child's store is open
const std::vector<std::string> kSteps = {"signs", "stakeholders", "focus"};

using alignkiosk::test_support::TempDir;

// The child: submit forever, acknowledging each sequence number on the pipe only after submit() returned.
// Never returns; exits 2 if the store fails.
[[noreturn]] void submitUntilKilled(const fs::path& dbPath, uint32_t round, int ackFd) {
    try {
        auto store = ResponseStore::open(dbPath);
        if (::write(ackFd, &kReady, sizeof kReady) != static_cast<ssize_t>(sizeof kReady)) ::_exit(3);
        const std::string padding(300, 'x'); // rows big enough to span pages now and then
        for (uint32_t seq = 0;; ++seq) {
            Submission submission;
            submission.surveyId = "durability";
            submission.surveyVersion = 1;
            submission.team = "T" + std::to_string(seq % 4);
            for (const std::string& step : kSteps)
                submission.responses.push_back(
                    {step, "diagnostic_signs", "1.0.0",
                     "{\"round\":" + std::to_string(round) + ",\"seq\":" + std::to_string(seq) + ",\"step\":\"" +
                         step + "\",\"pad\":\"" + padding + "\"}"});
            store.submit(submission);
            if (::write(ackFd, &seq, sizeof seq) != static_cast<ssize_t>(sizeof seq)) ::_exit(3);
        }
    } catch (const std::exception& error) {
        std::fprintf(stderr, "durability child: %s\n", error.what());
        ::_exit(2);
    }
}

// Moves whole acknowledgements out of buffer into acked; true when the child's ready message was among them.
bool takeAcks(std::string& buffer, std::set<uint32_t>& acked) {
    bool ready = false;
    while (buffer.size() >= sizeof(uint32_t)) {
        uint32_t seq = 0;
        std::memcpy(&seq, buffer.data(), sizeof seq);
        buffer.erase(0, sizeof seq);
        if (seq == kReady)
            ready = true;
        else
            acked.insert(seq);
        if (ready) break;
    }
    return ready;
}

// Reads acknowledgements from fd until the deadline, EOF (returns false) or, with stopWhenReady, the child's ready
// message.
bool readAcks(int fd, std::chrono::steady_clock::time_point deadline, std::string& buffer, std::set<uint32_t>& acked,
              bool stopWhenReady = false) {
    for (;;) {
        if (takeAcks(buffer, acked) && stopWhenReady) return true;
        int timeoutMs = -1;
        if (deadline != std::chrono::steady_clock::time_point::max()) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline -
                                                                                    std::chrono::steady_clock::now());
            if (left.count() <= 0) return true;
            timeoutMs = static_cast<int>(left.count());
        }
        pollfd pfd{fd, POLLIN, 0};
        const int ready = ::poll(&pfd, 1, timeoutMs);
        if (ready < 0 && errno == EINTR) continue;
        if (ready == 0) return true;
        char chunk[4096];
        const ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            takeAcks(buffer, acked);
            return false;
        }
        buffer.append(chunk, static_cast<std::size_t>(n));
    }
}

std::string integrityCheck(const fs::path& dbPath) {
    sqlite3* db = nullptr;
    std::string result = "cannot open";
    if (sqlite3_open_v2(dbPath.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
        sqlite3_stmt* statement = nullptr;
        result.clear();
        if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &statement, nullptr) == SQLITE_OK) {
            while (sqlite3_step(statement) == SQLITE_ROW)
                result += (result.empty() ? "" : "; ") +
                          std::string(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
        } else {
            result = sqlite3_errmsg(db);
        }
        sqlite3_finalize(statement);
    }
    sqlite3_close_v2(db);
    return result;
}

TEST(ResponseStoreDurability, AcknowledgedSubmissionsSurviveSigkill) {
    TempDir dir;
    const fs::path dbPath = dir.path() / "responses.sqlite3";
    std::mt19937 rng(kSeed);
    std::uniform_int_distribution<int> killAfterMs(5, 60);
    std::map<uint32_t, std::set<uint32_t>> acknowledged; // round -> sequence numbers
    std::size_t totalAcks = 0;

    for (uint32_t round = 0; round < kRounds; ++round) {
        const int delayMs = killAfterMs(rng);
        SCOPED_TRACE("round " + std::to_string(round) + ", kill after " + std::to_string(delayMs) + " ms, seed " +
                     std::to_string(kSeed));
        int fds[2];
        ASSERT_EQ(::pipe2(fds, O_CLOEXEC), 0);
        // No store is open in this process while forking: the child starts with no inherited SQLite state.
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            ::close(fds[0]);
            submitUntilKilled(dbPath, round, fds[1]);
        }
        ::close(fds[1]);

        std::string buffer;
        std::set<uint32_t>& acked = acknowledged[round];
        // Round 0 kills the child while it may still be creating the database; later rounds start the clock once
        // the store is open, so the kill lands among submissions.
        bool open = true;
        if (round > 0)
            open = readAcks(fds[0], std::chrono::steady_clock::time_point::max(), buffer, acked, true);
        if (open)
            open = readAcks(fds[0], std::chrono::steady_clock::now() + std::chrono::milliseconds(delayMs), buffer,
                            acked);
        ::kill(child, SIGKILL);
        // Whatever the child acknowledged before it died is still in the pipe: read to EOF.
        if (open) readAcks(fds[0], std::chrono::steady_clock::time_point::max(), buffer, acked);
        ::close(fds[0]);
        int status = 0;
        ASSERT_EQ(::waitpid(child, &status, 0), child);
        ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
            << "child ended on its own, exit status " << (WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        totalAcks += acked.size();
        SCOPED_TRACE(std::to_string(acked.size()) + " acknowledged in this round");

        {
            auto store = ResponseStore::open(dbPath);
            // (round, seq) -> steps stored for that submission
            std::map<std::pair<uint32_t, uint32_t>, std::multiset<std::string>> stored;
            for (const StoredResponse& row : store.responses()) {
                unsigned r = 0;
                unsigned s = 0;
                char step[32] = {};
                ASSERT_EQ(std::sscanf(row.payload.c_str(), "{\"round\":%u,\"seq\":%u,\"step\":\"%31[a-z]\"", &r, &s,
                                      step),
                          3)
                    << row.payload;
                EXPECT_EQ(row.stepId, step);
                EXPECT_EQ(row.team, "T" + std::to_string(s % 4));
                stored[{r, s}].insert(step);
            }
            const std::multiset<std::string> allSteps(kSteps.begin(), kSteps.end());
            // Every acknowledged submission is there in full...
            for (const auto& [ackRound, seqs] : acknowledged)
                for (uint32_t seq : seqs) {
                    auto it = stored.find({ackRound, seq});
                    ASSERT_NE(it, stored.end()) << "lost acknowledged submission " << ackRound << "/" << seq;
                    EXPECT_EQ(it->second, allSteps) << "submission " << ackRound << "/" << seq;
                }
            // ...and nothing is there in part (a commit the child never got to acknowledge may be, whole).
            for (const auto& [key, steps] : stored)
                EXPECT_EQ(steps, allSteps) << "partial submission " << key.first << "/" << key.second;
        }
        EXPECT_EQ(integrityCheck(dbPath), "ok");
    }
    // The kills must have landed while submissions were flowing, or the test proved nothing.
    EXPECT_GT(totalAcks, 0u);
    std::printf("[          ] %zu acknowledged submissions over %d kills\n", totalAcks, kRounds);
}

} // namespace
} // namespace alignkiosk::core
