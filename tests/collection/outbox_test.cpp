#include "collection/outbox.h"

#include "collection/sealed_submission.h"
#include "core/response_store.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

namespace alignkiosk::collection {
namespace {

namespace fs = std::filesystem;
using test_support::TempDir;

std::string readAll(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeAll(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A real sealed submission whose payload is `payloadBytes` long.
std::vector<unsigned char> sealedSubmission(const CollectionKeys& keys, const SubmissionId& id,
                                            std::size_t payloadBytes = 200) {
    core::Submission submission;
    submission.surveyId = "team-pulse";
    submission.surveyVersion = 1;
    submission.responses = {{"focus", "focus_assessment", "1.0.0",
                             R"({"answers":{"goal":")" + std::string(payloadBytes, 'g') + R"("}})"}};
    return seal(submission, id, keys.publicKey());
}

// Whether any 24-byte window of `blob` appears in `bytes`: a removed entry must leave not even a fragment.
bool holdsAFragmentOf(const std::string& bytes, const std::vector<unsigned char>& blob) {
    constexpr std::size_t kWindow = 24;
    for (std::size_t at = 0; at + kWindow <= blob.size(); at += kWindow / 2)
        if (bytes.find(std::string(blob.begin() + at, blob.begin() + at + kWindow)) != std::string::npos) return true;
    return false;
}

class OutboxTest : public ::testing::Test {
protected:
    TempDir dir;
    fs::path path = dir.path() / "outbox.sqlite3";
    CollectionKeys keys = CollectionKeys::generate();

    void expectRefusedUntouched(const std::string& says) {
        const std::string before = readAll(path);
        try {
            Outbox::open(path);
            ADD_FAILURE() << "opened; expected: " << says;
        } catch (const core::StoreError& error) {
            const std::string message = error.what();
            EXPECT_EQ(message.rfind("outbox '" + path.string() + "': ", 0), 0u) << message;
            EXPECT_NE(message.find(says), std::string::npos) << message;
        }
        EXPECT_EQ(readAll(path), before) << "a refused file is left as it was";
    }
};

TEST_F(OutboxTest, EntriesSurviveClosingAndReopening) {
    const SubmissionId a = SubmissionId::random();
    const SubmissionId b = SubmissionId::random();
    const auto sealedA = sealedSubmission(keys, a);
    const auto sealedB = sealedSubmission(keys, b, 5000);
    {
        Outbox outbox = Outbox::open(path);
        EXPECT_EQ(outbox.size(), 0u);
        outbox.add(a, sealedA);
        outbox.add(b, sealedB);
        EXPECT_EQ(outbox.size(), 2u);
    }
    Outbox outbox = Outbox::open(path);
    const std::vector<OutboxEntry> pending = outbox.pending();
    ASSERT_EQ(pending.size(), 2u);
    std::map<SubmissionId, std::vector<unsigned char>> byId;
    for (const OutboxEntry& entry : pending) byId[entry.id] = entry.sealed;
    EXPECT_EQ(byId[a], sealedA);
    EXPECT_EQ(byId[b], sealedB);
    EXPECT_LT(pending[0].id, pending[1].id) << "by id, never by arrival";
    EXPECT_TRUE(open(byId[b], keys).ok()) << "kept byte for byte";
}

TEST_F(OutboxTest, AddingTheSameEntryAgainChangesNothing) {
    Outbox outbox = Outbox::open(path);
    const SubmissionId id = SubmissionId::random();
    const auto sealed = sealedSubmission(keys, id);
    outbox.add(id, sealed);
    outbox.add(id, sealed);
    EXPECT_EQ(outbox.size(), 1u);
    EXPECT_THROW(outbox.add(id, sealedSubmission(keys, id)), core::StoreError) << "same id, other bytes";
    EXPECT_THROW(outbox.add(SubmissionId::random(), {}), core::StoreError);
    EXPECT_THROW(outbox.add(SubmissionId::random(), std::vector<unsigned char>(kMaxSealedSubmissionBytes + 1, 1)),
                 core::StoreError);
    EXPECT_EQ(outbox.pending().at(0).sealed, sealed);
}

// After remove(), neither the file nor its journal holds a fragment of the sealed bytes, and the journal is empty.
TEST_F(OutboxTest, RemoveLeavesNoBytesBehind) {
    Outbox outbox = Outbox::open(path);
    const SubmissionId keep = SubmissionId::random();
    const SubmissionId small = SubmissionId::random();
    const SubmissionId large = SubmissionId::random();
    const auto keptBytes = sealedSubmission(keys, keep);
    const auto smallBytes = sealedSubmission(keys, small);
    const auto largeBytes = sealedSubmission(keys, large, 100000); // spans overflow pages
    outbox.add(keep, keptBytes);
    outbox.add(small, smallBytes);
    outbox.add(large, largeBytes);
    ASSERT_TRUE(holdsAFragmentOf(readAll(path), smallBytes)) << "the check can find what it looks for";
    ASSERT_TRUE(holdsAFragmentOf(readAll(path), largeBytes));

    EXPECT_TRUE(outbox.remove(small));
    EXPECT_TRUE(outbox.remove(large));
    EXPECT_FALSE(outbox.remove(large)) << "acknowledged twice";
    const std::string file = readAll(path);
    EXPECT_FALSE(holdsAFragmentOf(file, smallBytes));
    EXPECT_FALSE(holdsAFragmentOf(file, largeBytes));
    EXPECT_TRUE(holdsAFragmentOf(file, keptBytes));
    const fs::path journal = path.string() + "-journal";
    EXPECT_TRUE(!fs::exists(journal) || fs::file_size(journal) == 0) << "the journal is emptied at commit";
    EXPECT_LT(fs::file_size(path), 64u * 1024) << "freed pages go back to the file system";
    ASSERT_EQ(outbox.pending().size(), 1u);
    EXPECT_EQ(outbox.pending()[0].id, keep);
}

TEST_F(OutboxTest, AFileThatIsNotAnOutboxIsRefusedAndLeftAsItWas) {
    writeAll(path, "these are somebody's notes, not a database\n");
    expectRefusedUntouched("not an SQLite database");
}

TEST_F(OutboxTest, AResponseStoreIsNotAnOutbox) {
    core::ResponseStore::open(path);
    expectRefusedUntouched("not an alignkiosk outbox");
}

TEST_F(OutboxTest, AnotherProgramsDatabaseIsRefused) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE notes(x); INSERT INTO notes VALUES ('mine');", nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
    expectRefusedUntouched("not an alignkiosk outbox");
}

TEST_F(OutboxTest, ANewerOutboxIsRefused) {
    Outbox::open(path).add(SubmissionId::random(), sealedSubmission(keys, SubmissionId::random()));
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version = 2", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    expectRefusedUntouched("has version 2, newer than this program understands");
}

TEST_F(OutboxTest, ADamagedOutboxIsRefused) {
    {
        Outbox outbox = Outbox::open(path);
        for (int i = 0; i < 20; ++i) outbox.add(SubmissionId::random(), sealedSubmission(keys, SubmissionId::random()));
    }
    std::string bytes = readAll(path);
    ASSERT_GT(bytes.size(), 3u * 4096);
    const std::string whole = bytes;
    bytes.resize(bytes.size() - 100);
    writeAll(path, bytes);
    expectRefusedUntouched("is not a whole number of");
    // A page of the table overwritten with noise.
    bytes = whole;
    for (std::size_t i = 2 * 4096 + 8; i < 2 * 4096 + 600; ++i) bytes[i] = static_cast<char>(i * 7);
    writeAll(path, bytes);
    expectRefusedUntouched("damaged");
}

TEST_F(OutboxTest, AMissingFolderIsCreatedOnlyWhenAskedTo) {
    const fs::path nested = dir.path() / "data" / "alignkiosk" / "outbox.sqlite3";
    try {
        Outbox::open(nested);
        ADD_FAILURE() << "grew folders for a mistyped path";
    } catch (const core::StoreError& error) {
        EXPECT_NE(std::string(error.what()).find("does not exist"), std::string::npos) << error.what();
    }
    EXPECT_FALSE(fs::exists(nested.parent_path()));
    OutboxOptions options;
    options.createParentDirectories = true;
    Outbox outbox = Outbox::open(nested, options);
    EXPECT_TRUE(fs::exists(nested));
}

TEST_F(OutboxTest, TheFileHoldsNoAnswerText) {
    Outbox outbox = Outbox::open(path);
    const SubmissionId id = SubmissionId::random();
    outbox.add(id, sealedSubmission(keys, id));
    const std::string file = readAll(path);
    for (const std::string& text : {std::string("team-pulse"), std::string("focus_assessment"), std::string("gggggggg"),
                                    id.text()})
        EXPECT_EQ(file.find(text), std::string::npos) << text;
}

// Durable on return: a child adds entries and reports each after add() returned; it is SIGKILLed at some moment;
// every reported entry is in the file, whole.
TEST_F(OutboxTest, WhatAddReturnedForSurvivesAKill) {
    for (int round = 0; round < 4; ++round) {
        const fs::path file = dir.path() / ("killed-" + std::to_string(round) + ".sqlite3");
        int pipeFds[2];
        ASSERT_EQ(::pipe(pipeFds), 0);
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            ::close(pipeFds[0]);
            try {
                Outbox outbox = Outbox::open(file);
                for (;;) {
                    SubmissionId id = SubmissionId::random();
                    std::vector<unsigned char> sealed(1024 + id.bytes[0], id.bytes[1]);
                    std::copy(id.bytes.begin(), id.bytes.end(), sealed.begin());
                    outbox.add(id, sealed);
                    if (::write(pipeFds[1], id.bytes.data(), id.bytes.size()) != 16) ::_exit(3);
                }
            } catch (...) {
                ::_exit(2);
            }
        }
        ::close(pipeFds[1]);
        std::vector<SubmissionId> acknowledged;
        const std::size_t killAfter = 5 + static_cast<std::size_t>(round) * 7;
        SubmissionId id;
        while (acknowledged.size() < killAfter && ::read(pipeFds[0], id.bytes.data(), 16) == 16)
            acknowledged.push_back(id);
        ::kill(child, SIGKILL);
        while (::read(pipeFds[0], id.bytes.data(), 16) == 16) acknowledged.push_back(id);
        ::close(pipeFds[0]);
        int status = 0;
        ::waitpid(child, &status, 0);
        ASSERT_TRUE(WIFSIGNALED(status)) << "the child stopped on its own: " << status;
        ASSERT_GE(acknowledged.size(), killAfter);

        Outbox outbox = Outbox::open(file);
        std::map<SubmissionId, std::vector<unsigned char>> kept;
        for (OutboxEntry& entry : outbox.pending()) kept[entry.id] = std::move(entry.sealed);
        for (const SubmissionId& acked : acknowledged) {
            const auto found = kept.find(acked);
            ASSERT_NE(found, kept.end()) << "round " << round << ": lost " << acked.text();
            EXPECT_EQ(found->second.size(), 1024u + acked.bytes[0]);
            EXPECT_TRUE(std::equal(acked.bytes.begin(), acked.bytes.end(), found->second.begin()));
        }
        EXPECT_LE(kept.size(), acknowledged.size() + 1) << "at most the one being added when killed";
    }
}

} // namespace
} // namespace alignkiosk::collection
