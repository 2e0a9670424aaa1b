#include "support/headless_imgui.h"

namespace alignkiosk::test_support {

HeadlessImGui::HeadlessImGui(ImVec2 displaySize) {
    IMGUI_CHECKVERSION();
    m_context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = displaySize;
    io.DeltaTime = 1.0f / 60.0f;
}

HeadlessImGui::~HeadlessImGui() { ImGui::DestroyContext(m_context); }

ImFont* HeadlessImGui::addDefaultFont(float pixels) {
    ImFontConfig config;
    config.SizePixels = pixels;
    return ImGui::GetIO().Fonts->AddFontDefault(&config);
}

bool HeadlessImGui::buildFontAtlas() {
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    return ImGui::GetIO().Fonts->IsBuilt();
}

} // namespace alignkiosk::test_support
