// Shared by the tests that draw: an ImGui context with no window and no GPU, made current for the object's life.
#pragma once

#include <imgui.h>

#include <string>

namespace alignkiosk::test_support {

class HeadlessImGui {
public:
    // A current context over a display of `displaySize`, no .ini file, 60 frames a second.
    explicit HeadlessImGui(ImVec2 displaySize);
    ~HeadlessImGui();
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;

    ImGuiContext* context() const { return m_context; }

    // ImGui's own font at `pixels`; add every font (or apply a theme) before buildFontAtlas().
    ImFont* addDefaultFont(float pixels);
    // Builds the atlas as the GL backend asks for it (RGBA32), which NewFrame() needs; true when it is built.
    bool buildFontAtlas();

private:
    ImGuiContext* m_context = nullptr;
};

// What ImGui draws as text within one frame, read back from ImGui's own text log (LogToClipboard into a string). Only
// visible items are logged: clipped text is not. Wrapped text is logged whole.
class TextLog {
public:
    // Starts logging; call inside a frame (after NewFrame). The context's clipboard is this log's until finish().
    void start();
    // Stops logging, gives the context its clipboard back and returns what was logged.
    const std::string& finish();
    const std::string& text() const { return m_text; }

private:
    std::string m_text;
    void (*m_previousSetter)(void*, const char*) = nullptr;
    void* m_previousData = nullptr;
};

} // namespace alignkiosk::test_support
