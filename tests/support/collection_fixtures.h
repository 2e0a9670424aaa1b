// Shared by the collection tests: a submission for the test survey, and a lock that makes a store refuse writes.
#pragma once

#include "collection/sealed_submission.h"
#include "core/submission.h"

#include <sqlite3.h>

#include <filesystem>
#include <stdexcept>
#include <string>

namespace alignkiosk::test_support {

inline constexpr const char* kSurveyText = R"({"id":"team-pulse","version":3,"title":"Team pulse"})";

inline core::Submission pulseSubmission(const std::string& goal = "ship it", const std::string& surveyId = "team-pulse",
                                        uint32_t version = 3) {
    core::Submission submission;
    submission.surveyId = surveyId;
    submission.surveyVersion = version;
    submission.team = "Marketing";
    submission.responses = {{"focus", "focus_assessment", "1.0.0", R"({"answers":{"goal":")" + goal + R"("}})"}};
    return submission;
}

// Holds SQLite's write lock on a store file, as another writer would: the store cannot commit until it is released.
class StoreWriteLock {
public:
    explicit StoreWriteLock(const std::filesystem::path& path) {
        if (sqlite3_open(path.c_str(), &m_db) != SQLITE_OK ||
            sqlite3_exec(m_db, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) != SQLITE_OK)
            throw std::runtime_error("cannot lock " + path.string());
    }
    StoreWriteLock(const StoreWriteLock&) = delete;
    StoreWriteLock& operator=(const StoreWriteLock&) = delete;
    ~StoreWriteLock() { release(); }
    void release() {
        if (!m_db) return;
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(m_db);
        m_db = nullptr;
    }

private:
    sqlite3* m_db = nullptr;
};

} // namespace alignkiosk::test_support
