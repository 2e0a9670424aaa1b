// The SDK's touch helpers headless: the open-sentence box's counter, read back from ImGui's text log.
#include <alignkiosk/touch_ui.hpp>

#include "support/headless_imgui.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <string>

namespace {

using alignkiosk::test_support::HeadlessImGui;
using alignkiosk::test_support::TextLog;

// One frame with a sentence box holding `text` (at most `maxBytes`); returns what the frame drew as text.
std::string drawnSentenceBox(std::string text, uint32_t maxBytes) {
    HeadlessImGui imgui(ImVec2(1280.0f, 860.0f));
    imgui.addDefaultFont(20.0f);
    EXPECT_TRUE(imgui.buildFontAtlas());
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(1280.0f, 860.0f));
    ImGui::Begin("page");
    TextLog log;
    log.start();
    alignkiosk::sdk::touch::sentenceBox("##sentence", text, maxBytes, ImVec2(-FLT_MIN, 200.0f));
    const std::string drawn = log.finish();
    ImGui::End();
    ImGui::Render();
    return drawn;
}

TEST(TouchUi, CharacterCountCountsCodePointsNotBytes) {
    EXPECT_EQ(alignkiosk::sdk::touch::characterCount(""), 0u);
    EXPECT_EQ(alignkiosk::sdk::touch::characterCount("abc"), 3u);
    EXPECT_EQ(alignkiosk::sdk::touch::characterCount("sch\xC3\xA4tzen"), 8u); // ä: two bytes
    EXPECT_EQ(alignkiosk::sdk::touch::characterCount("\xE2\x82\xAC 5 \xF0\x9F\x99\x82"), 5u); // €, an emoji
}

TEST(TouchUi, TheSentenceCounterCountsCharacters) {
    // 35 characters, 36 bytes: the umlaut is one character.
    const std::string sentence = "Kunden sch\xC3\xA4tzen schnelle Antworten.";
    ASSERT_EQ(sentence.size(), 36u);
    const std::string drawn = drawnSentenceBox(sentence, 200);
    EXPECT_NE(drawn.find("35 / 200"), std::string::npos) << drawn;
    EXPECT_EQ(drawn.find("36 / 200"), std::string::npos) << drawn;
    const std::string unlimited = drawnSentenceBox(sentence, 0);
    EXPECT_NE(unlimited.find("35"), std::string::npos) << unlimited;
}

} // namespace
