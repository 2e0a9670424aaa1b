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

void TextLog::start() {
    ImGuiIO& io = ImGui::GetIO();
    m_previousSetter = io.SetClipboardTextFn;
    m_previousData = io.ClipboardUserData;
    m_text.clear();
    io.ClipboardUserData = &m_text;
    io.SetClipboardTextFn = [](void* log, const char* text) { *static_cast<std::string*>(log) = text; };
    ImGui::LogToClipboard();
}

const std::string& TextLog::finish() {
    ImGui::LogFinish();
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = m_previousSetter;
    io.ClipboardUserData = m_previousData;
    return m_text;
}

} // namespace alignkiosk::test_support
