#include "support/module_fixtures.h"

#include <utility>

namespace alignkiosk::test_support {

void PluginTest::TearDown() {
    m_module.reset();
    m_content.reset();
    m_plugin.reset();
}

void PluginTest::load(void* imguiContext) {
    hostLog().clear();
    m_plugin = std::make_unique<LoadedPlugin>(m_pluginPath, m_moduleId, imguiContext);
    ASSERT_TRUE(m_plugin->ok()) << m_pluginPath << ": " << m_plugin->error();
}

void PluginTest::use(StepContent content) {
    m_module.reset();
    m_content = std::move(content);
    m_module = m_plugin->create(*m_content);
    ASSERT_NE(m_module, nullptr);
}

void ModulePageTest::SetUp() {
    m_imgui.emplace(m_screen.display);
    ImFont* body = m_imgui->addDefaultFont(m_screen.bodyPixels);
    ImFont* heading = m_imgui->addDefaultFont(m_screen.headingPixels);
    ASSERT_TRUE(m_imgui->buildFontAtlas());
    m_look = hostLook(m_screen.minTouchTarget, heading, body);
    load(m_imgui->context());
}

void ModulePageTest::TearDown() {
    PluginTest::TearDown(); // the module and plugin before the context they draw into
    m_imgui.reset();
}

ImVec2 ModulePageTest::windowSize(uint32_t) const { return m_screen.display; }

int ModulePageTest::frame(uint32_t page, const alignkiosk_frame_v1* look) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0.0f, 0.0f));
    ImGui::SetNextWindowSize(windowSize(page));
    if (m_screen.flushWindow) ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.0f, 0.0f));
    ImGui::Begin("step", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    if (m_screen.flushWindow) ImGui::PopStyleVar();
    const float top = ImGui::GetCursorPosY();
    const bool drawn = module().draw(page, look ? *look : m_look);
    m_usedHeight = ImGui::GetCursorPosY() - top;
    m_scrollMax = ImGui::GetScrollMaxY();
    ImGui::End();
    ImGui::Render();
    EXPECT_TRUE(drawn) << (hostLog().empty() ? "" : hostLog().back());
    const ImDrawData* data = ImGui::GetDrawData();
    m_vertices = data && data->Valid ? data->TotalVtxCount : 0;
    return m_vertices;
}

void ModulePageTest::tap(uint32_t page, ImVec2 at) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = at;
    io.MouseDown[0] = true;
    frame(page);
    io.MouseDown[0] = false;
    frame(page);
}

void ModulePageTest::tapColumn(uint32_t page, float x, float step) {
    for (float y = 4.0f; y < windowSize(page).y; y += step) tap(page, ImVec2(x, y));
}

bool ModulePageTest::focusTextField(uint32_t page) {
    const ImVec2 size = windowSize(page);
    for (float y = 4.0f; y < size.y; y += 6.0f) {
        tap(page, ImVec2(size.x * 0.5f, y));
        if (ImGui::GetIO().WantTextInput) return true;
    }
    return false;
}

void ModulePageTest::type(uint32_t page, const std::u32string& text) {
    for (const char32_t c : text) {
        ImGui::GetIO().AddInputCharacter(static_cast<unsigned int>(c));
        frame(page);
    }
}

} // namespace alignkiosk::test_support
