// Shared by the tests that draw: an ImGui context with no window and no GPU, made current for the object's life.
#pragma once

#include <imgui.h>

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

} // namespace alignkiosk::test_support
