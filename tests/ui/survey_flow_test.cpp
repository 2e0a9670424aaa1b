#include "ui/survey_flow.h"

#include <gtest/gtest.h>

using alignkiosk::ui::Screen;
using alignkiosk::ui::SurveyFlow;

TEST(SurveyFlow, WalksEveryPageOfEveryStepThenThanks) {
    SurveyFlow flow({2, 1}, false);
    EXPECT_EQ(flow.screen(), Screen::Attract);
    flow.start();
    ASSERT_EQ(flow.screen(), Screen::StepPage);
    EXPECT_EQ(flow.step(), 0u);
    EXPECT_EQ(flow.page(), 0u);
    EXPECT_FALSE(flow.onLastPage());
    flow.next();
    EXPECT_EQ(flow.step(), 0u);
    EXPECT_EQ(flow.page(), 1u);
    flow.next();
    EXPECT_EQ(flow.step(), 1u);
    EXPECT_EQ(flow.page(), 0u);
    EXPECT_TRUE(flow.onLastPage());
    flow.next();
    EXPECT_EQ(flow.screen(), Screen::ThankYou);
    flow.restart();
    EXPECT_EQ(flow.screen(), Screen::Attract);
}

TEST(SurveyFlow, TeamPickComesFirstWhenTheSurveyHasTeams) {
    SurveyFlow flow({1}, true);
    flow.start();
    EXPECT_EQ(flow.screen(), Screen::TeamPick);
    EXPECT_EQ(flow.pageNumber(), 1u);
    flow.next();
    EXPECT_EQ(flow.screen(), Screen::StepPage);
    EXPECT_EQ(flow.pageNumber(), 2u);
    EXPECT_EQ(flow.pageTotal(), 2u);
}

TEST(SurveyFlow, BackReturnsPageByPageToTheStart) {
    SurveyFlow flow({1, 2}, true);
    flow.start();
    flow.next(); // step 0 page 0
    flow.next(); // step 1 page 0
    flow.next(); // step 1 page 1
    ASSERT_EQ(flow.step(), 1u);
    ASSERT_EQ(flow.page(), 1u);
    flow.back();
    EXPECT_EQ(flow.page(), 0u);
    flow.back();
    EXPECT_EQ(flow.step(), 0u);
    EXPECT_EQ(flow.page(), 0u);
    flow.back();
    EXPECT_EQ(flow.screen(), Screen::TeamPick);
    flow.back();
    EXPECT_EQ(flow.screen(), Screen::Attract);
}

TEST(SurveyFlow, StepsWithoutPagesAreSkippedBothWays) {
    SurveyFlow flow({0, 1, 0, 1}, false);
    flow.start();
    EXPECT_EQ(flow.step(), 1u);
    flow.next();
    EXPECT_EQ(flow.step(), 3u);
    EXPECT_TRUE(flow.onLastPage());
    flow.back();
    EXPECT_EQ(flow.step(), 1u);
    flow.back();
    EXPECT_EQ(flow.screen(), Screen::Attract);
}

TEST(SurveyFlow, ProgressCountsPagesAndEndsAtOne) {
    SurveyFlow flow({2, 2}, false);
    EXPECT_FLOAT_EQ(flow.progress(), 0.0f);
    flow.start();
    EXPECT_FLOAT_EQ(flow.progress(), 0.0f);
    flow.next();
    EXPECT_FLOAT_EQ(flow.progress(), 0.25f);
    flow.next();
    EXPECT_FLOAT_EQ(flow.progress(), 0.5f);
    flow.next();
    flow.next();
    EXPECT_EQ(flow.screen(), Screen::ThankYou);
    EXPECT_FLOAT_EQ(flow.progress(), 1.0f);
}

TEST(SurveyFlow, NextAndBackDoNothingOnAttractOrThankYou) {
    SurveyFlow flow({1}, false);
    flow.next();
    flow.back();
    EXPECT_EQ(flow.screen(), Screen::Attract);
    flow.start();
    flow.next();
    ASSERT_EQ(flow.screen(), Screen::ThankYou);
    flow.next();
    flow.back();
    EXPECT_EQ(flow.screen(), Screen::ThankYou);
}
