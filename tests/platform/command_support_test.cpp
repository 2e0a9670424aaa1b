// What the commands share: k for a survey's store batches, and which stores are opened before the survey is known.
#include "platform/command_support.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace alignkiosk::platform {
namespace {

core::Survey surveyWith(uint32_t ratings, uint32_t text) {
    core::Survey survey;
    survey.anonymity.ratings = ratings;
    survey.anonymity.text = text;
    return survey;
}

TEST(CommandSupport, AStoreBatchesASurveysAnswersByTheLargerOfItsThresholds) {
    EXPECT_EQ(minimumBatchFor(surveyWith(5, 10)), 10u);
    EXPECT_EQ(minimumBatchFor(surveyWith(12, 4)), 12u);
    EXPECT_EQ(minimumBatchFor(surveyWith(3, 3)), 3u);
    // Never below the floor, whatever a survey says.
    EXPECT_EQ(minimumBatchFor(surveyWith(1, 2)), core::AnonymityThresholds::kFloor);
}

TEST(CommandSupport, OnlyAStoreThatExistsIsOpenedBeforeTheSurvey) {
    const std::filesystem::path folder =
        std::filesystem::temp_directory_path() / ("command_support_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    CommandLine line;
    line.database = folder / "responses.sqlite3";
    EXPECT_FALSE(storeExists(line));
    std::ofstream(*line.database) << "";
    EXPECT_TRUE(storeExists(line));
    // A database server's store that cannot be reached (none listens on port 1) is not known to exist: it is opened,
    // and says why it cannot be, once the survey proved valid.
    line.database = "postgresql://kiosk@127.0.0.1:1/pulse";
    EXPECT_FALSE(storeExists(line));
    std::filesystem::remove_all(folder);
}

} // namespace
} // namespace alignkiosk::platform
