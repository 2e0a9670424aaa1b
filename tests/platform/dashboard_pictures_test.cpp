// Which pictures an export writes and what they are called: one per screen, items by question id, the open answers
// only when the model carries any, and a picture taller than GL can draw in numbered parts that cover it exactly.
#include "platform/dashboard_pictures.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using alignkiosk::platform::PicturePart;
using alignkiosk::platform::pictureFile;
using alignkiosk::platform::pictureParts;
using alignkiosk::platform::pictureScreens;
using alignkiosk::ui::Dashboard;

alignkiosk::core::RatedItem item(const std::string& step, const std::string& question) {
    alignkiosk::core::RatedItem rated;
    rated.stepId = step;
    rated.questionId = question;
    return rated;
}

std::vector<std::string> names(const alignkiosk::core::DashboardModel& model) {
    std::vector<std::string> result;
    for (const auto& screen : pictureScreens(model)) result.push_back(screen.name);
    return result;
}

TEST(DashboardPicturesTest, OneScreenPerViewAndRatedItem) {
    alignkiosk::core::DashboardModel model;
    model.ratedItems = {item("signs", "messaging_shifts"), item("signs", "value_language_differs"),
                        item("stakeholders", "understood_sales")};
    const auto screens = pictureScreens(model);
    ASSERT_EQ(screens.size(), 4u);
    EXPECT_EQ(screens[0].view, Dashboard::View::Overview);
    EXPECT_EQ(screens[0].name, "overview");
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(screens[i + 1].view, Dashboard::View::Item);
        EXPECT_EQ(screens[i + 1].item, i);
        EXPECT_EQ(screens[i + 1].name, "item-" + model.ratedItems[i].questionId);
    }

    // Open answers only when the anonymity rules let the model carry some.
    model.texts.push_back({"signs", "one_big_goal", "Our goal", "Everyone", {"grow"}});
    const auto withTexts = pictureScreens(model);
    ASSERT_EQ(withTexts.size(), 5u);
    EXPECT_EQ(withTexts.back().view, Dashboard::View::Texts);
    EXPECT_EQ(withTexts.back().name, "open-answers");
}

TEST(DashboardPicturesTest, ItemNamesAreUniqueAndSafeAsFileNames) {
    alignkiosk::core::DashboardModel model;
    model.ratedItems = {item("before", "trust"), item("after", "trust"), item("signs", "a/b c")};
    EXPECT_EQ(names(model),
              (std::vector<std::string>{"overview", "item-before-trust", "item-after-trust", "item-a_b_c"}));
}

TEST(DashboardPicturesTest, APictureTallerThanGlCanDrawComesInPartsThatCoverItExactly) {
    const std::vector<PicturePart> one = pictureParts(2500, 16384);
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one[0].top, 0);
    EXPECT_EQ(one[0].height, 2500);

    const std::vector<PicturePart> parts = pictureParts(40000, 16384);
    ASSERT_EQ(parts.size(), 3u);
    int next = 0;
    for (const PicturePart& part : parts) {
        EXPECT_EQ(part.top, next);
        EXPECT_LE(part.height, 16384);
        EXPECT_GT(part.height, 0);
        next = part.top + part.height;
    }
    EXPECT_EQ(next, 40000);
    EXPECT_EQ(pictureParts(16384, 16384).size(), 1u);
    EXPECT_EQ(pictureParts(16385, 16384).size(), 2u);
}

TEST(DashboardPicturesTest, PartsAreNumberedFromOneAndASinglePictureIsNot) {
    EXPECT_EQ(pictureFile("/out", "overview", 0, 1), std::filesystem::path("/out/overview.png"));
    EXPECT_EQ(pictureFile("/out", "overview", 0, 3), std::filesystem::path("/out/overview-1.png"));
    EXPECT_EQ(pictureFile("/out", "overview", 2, 3), std::filesystem::path("/out/overview-3.png"));
}

} // namespace
